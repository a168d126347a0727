# Generated from specs/chain_of_responsibility/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 88ec141e5146a1148791fc071a7ffd557bd605261d67cf2a9ce4fd6855922374
"""Authentication chain of responsibility: your solution starts here.

Fill in every method until `kata check chain_of_responsibility` passes; the brief is generated/chain_of_responsibility/README.md.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Mapping


class AuthenticationHandler(abc.ABC):
    """One link of the chain. Subclasses implement `handle`: return `True` when they accept
    the request, otherwise return `super().handle(request)`, which passes the request to
    the next handler or returns `False` at the end of the chain.
    """

    def __init__(self) -> None:
        """Start unlinked (no next handler)."""
        raise NotImplementedError(
            "AuthenticationHandler.__init__: remember that there is no next handler yet."
        )

    def set_next(self, handler: AuthenticationHandler) -> AuthenticationHandler:
        """Make `handler` the next link and return `handler`, so that `a.set_next(b).set_next(c)` builds a -> b -> c."""
        raise NotImplementedError(
            "AuthenticationHandler.set_next: store the handler and return it (not self)."
        )

    @abc.abstractmethod
    def handle(self, request: Mapping[str, object]) -> bool:
        """`True` when this handler or a later one accepts `request`. The base implementation asks the next handler, or returns `False` (never `None`) when there is none."""
        raise NotImplementedError(
            "AuthenticationHandler.handle: forward to the next handler if there is one; otherwise return False."
        )


class APIKeyHandler(AuthenticationHandler):
    """Accepts a request whose `"api_key"` is one of `valid_keys`; otherwise passes it on."""

    def __init__(self, valid_keys: Iterable[str]) -> None:
        """Accept exactly the keys in `valid_keys` (any iterable of strings, read once)."""
        raise NotImplementedError(
            "APIKeyHandler.__init__: call super().__init__(), then keep the keys as a tuple of UTF-8 bytes."
        )

    def handle(self, request: Mapping[str, object]) -> bool:
        """`True` when `request["api_key"]` is a string equal to a valid key (compared with hmac.compare_digest); otherwise the next handler's answer."""
        raise NotImplementedError(
            "APIKeyHandler.handle: read the field with .get; if it is a str, encode it and compare_digest it with every key; accept or return super().handle(request)."
        )


class TokenHandler(AuthenticationHandler):
    """Accepts a request whose `"token"` is one of `valid_tokens`; otherwise passes it on."""

    def __init__(self, valid_tokens: Iterable[str]) -> None:
        """Accept exactly the tokens in `valid_tokens` (any iterable of strings, read once)."""
        raise NotImplementedError(
            "TokenHandler.__init__: call super().__init__(), then keep the tokens as a tuple of UTF-8 bytes."
        )

    def handle(self, request: Mapping[str, object]) -> bool:
        """`True` when `request["token"]` is a string equal to a valid token (compared with hmac.compare_digest); otherwise the next handler's answer."""
        raise NotImplementedError(
            'TokenHandler.handle: same shape as APIKeyHandler.handle, on the "token" field.'
        )


class BasicAuthHandler(AuthenticationHandler):
    """Accepts a request whose `"username"` names one of `users` and whose `"password"` is that user's password; otherwise passes it on."""

    def __init__(self, users: Mapping[str, str]) -> None:
        """Accept these users: a mapping from username to password."""
        raise NotImplementedError(
            "BasicAuthHandler.__init__: call super().__init__(), then copy the mapping, encoding each password to UTF-8 bytes."
        )

    def handle(self, request: Mapping[str, object]) -> bool:
        """`True` when both fields are strings and the password matches that user's (compared with hmac.compare_digest); otherwise the next handler's answer."""
        raise NotImplementedError(
            "BasicAuthHandler.handle: look the username up only if it is a str; compare_digest the encoded password with that user's; accept or return super().handle(request)."
        )
