"""Alternative authentication chain: SHA-256 digests compared with secrets.compare_digest.

What is this pattern about?
    Chain of Responsibility: each handler accepts a request or passes it to the next one.

What does this example do?
    Handlers keep SHA-256 digests of their secrets (a list, scanned in full) and compare
    fixed-length digests with `secrets.compare_digest`. BasicAuthHandler scans every user,
    comparing both the username and the password digests, instead of a dict lookup.

TL;DR
    Same contract as the reference, a different representation of the credentials.
"""

from __future__ import annotations

import hashlib
import secrets
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping


def _digest(value: str) -> bytes:
    return hashlib.sha256(value.encode("utf-8")).digest()


def _field_digest(request: Mapping[str, object], field: str) -> bytes | None:
    value = request.get(field)
    if type(value) is not str and not isinstance(value, str):
        return None
    return _digest(value)


class AuthenticationHandler(ABC):
    def __init__(self) -> None:
        self._successor: AuthenticationHandler | None = None

    def set_next(self, handler: AuthenticationHandler) -> AuthenticationHandler:
        self._successor = handler
        return handler

    @abstractmethod
    def handle(self, request: Mapping[str, object]) -> bool:
        successor = self._successor
        return False if successor is None else bool(successor.handle(request))


class _SecretSetHandler(AuthenticationHandler):
    field = ""

    def __init__(self, secrets_: Iterable[str]) -> None:
        super().__init__()
        self._digests = [_digest(s) for s in secrets_]

    def handle(self, request: Mapping[str, object]) -> bool:
        candidate = _field_digest(request, self.field)
        if candidate is not None:
            hits = [secrets.compare_digest(candidate, d) for d in self._digests]
            if any(hits):
                return True
        return super().handle(request)


class APIKeyHandler(_SecretSetHandler):
    field = "api_key"

    def __init__(self, valid_keys: Iterable[str]) -> None:
        super().__init__(valid_keys)


class TokenHandler(_SecretSetHandler):
    field = "token"

    def __init__(self, valid_tokens: Iterable[str]) -> None:
        super().__init__(valid_tokens)


class BasicAuthHandler(AuthenticationHandler):
    def __init__(self, users: Mapping[str, str]) -> None:
        super().__init__()
        self._pairs = [(_digest(u), _digest(p)) for u, p in users.items()]

    def handle(self, request: Mapping[str, object]) -> bool:
        user = _field_digest(request, "username")
        password = _field_digest(request, "password")
        if user is not None and password is not None:
            ok = False
            for known_user, known_password in self._pairs:
                same_user = secrets.compare_digest(user, known_user)
                same_password = secrets.compare_digest(password, known_password)
                ok |= same_user and same_password
            if ok:
                return True
        return super().handle(request)
