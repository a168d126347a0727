"""Whole module, not a diff: the guide's chain: hard-coded credentials, `==`/`in` comparisons, None at the end of the chain, KeyError on a missing field."""

from abc import ABC, abstractmethod


class AuthenticationHandler(ABC):
    def __init__(self):
        self._next_handler = None

    def set_next(self, handler):
        self._next_handler = handler
        return handler

    @abstractmethod
    def handle(self, request):
        if self._next_handler:
            return self._next_handler.handle(request)
        return None


class APIKeyHandler(AuthenticationHandler):
    def __init__(self):
        super().__init__()
        self.valid_keys = ["key123", "key456"]

    def handle(self, request):
        if request["api_key"] in self.valid_keys:
            print("Authenticated with API key")
            return True
        return super().handle(request)


class TokenHandler(AuthenticationHandler):
    def __init__(self):
        super().__init__()
        self.valid_tokens = ["token_abc", "token_xyz"]

    def handle(self, request):
        if request["token"] in self.valid_tokens:
            print("Authenticated with token")
            return True
        return super().handle(request)


class BasicAuthHandler(AuthenticationHandler):
    def __init__(self):
        super().__init__()
        self.users = {"admin": "password123", "user": "pass456"}

    def handle(self, request):
        username = request["username"]
        password = request["password"]
        if username in self.users and self.users[username] == password:
            print("Authenticated with basic auth")
            return True
        return super().handle(request)
