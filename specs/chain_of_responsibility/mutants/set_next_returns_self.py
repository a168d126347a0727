"""Mutant: set_next returns self instead of its argument, so a.set_next(b).set_next(c) drops b."""

from __future__ import annotations

import hmac
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping


def _secret_bytes(value: object) -> bytes | None:
    """The UTF-8 bytes of a string credential; None for anything that is not a string."""
    return value.encode("utf-8") if isinstance(value, str) else None


def _matches_any(candidate: bytes, known: Iterable[bytes]) -> bool:
    """Compare against every secret without stopping early, so timing leaks nothing."""
    found = False
    for secret in known:
        found |= hmac.compare_digest(candidate, secret)
    return found


class AuthenticationHandler(ABC):
    """One link of the chain: accept a request, or hand it to the next link."""

    def __init__(self) -> None:
        self._next: AuthenticationHandler | None = None

    def set_next(self, handler: AuthenticationHandler) -> AuthenticationHandler:
        self._next = handler
        return self

    @abstractmethod
    def handle(self, request: Mapping[str, object]) -> bool:
        """Subclasses accept or call this to pass the request on."""
        if self._next is None:
            return False  # the end of the chain is an explicit "no", never None
        return self._next.handle(request)


class APIKeyHandler(AuthenticationHandler):
    """Accepts a request whose "api_key" is one of `valid_keys`."""

    def __init__(self, valid_keys: Iterable[str]) -> None:
        super().__init__()
        self._keys = tuple(key.encode("utf-8") for key in valid_keys)  # a generator is read once

    def handle(self, request: Mapping[str, object]) -> bool:
        key = _secret_bytes(request.get("api_key"))
        if key is not None and _matches_any(key, self._keys):
            return True
        return super().handle(request)


class TokenHandler(AuthenticationHandler):
    """Accepts a request whose "token" is one of `valid_tokens`."""

    def __init__(self, valid_tokens: Iterable[str]) -> None:
        super().__init__()
        self._tokens = tuple(token.encode("utf-8") for token in valid_tokens)

    def handle(self, request: Mapping[str, object]) -> bool:
        token = _secret_bytes(request.get("token"))
        if token is not None and _matches_any(token, self._tokens):
            return True
        return super().handle(request)


class BasicAuthHandler(AuthenticationHandler):
    """Accepts a request whose "username" and "password" match one of `users`."""

    def __init__(self, users: Mapping[str, str]) -> None:
        super().__init__()
        self._users = {name: password.encode("utf-8") for name, password in users.items()}

    def handle(self, request: Mapping[str, object]) -> bool:
        username = request.get("username")
        password = _secret_bytes(request.get("password"))
        expected = self._users.get(username) if isinstance(username, str) else None
        if password is not None and expected is not None:
            if hmac.compare_digest(password, expected):
                return True
        return super().handle(request)
