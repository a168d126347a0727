# Generated from specs/signed_tokens/spec.yaml by `kata generate`; do not edit.
# spec-sha256: ce632abd07c95021292b5fb61954d9d61ccf95d6e6e3839a809ba747f92a643e
"""Signed tokens (HS256 JSON Web Tokens): your solution starts here.

Fill in every method until `kata check signed_tokens` passes; the brief is generated/signed_tokens/README.md.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class InvalidTokenError(ValueError):
    """The token is not one this signer issued intact and unexpired; raised by `verify`."""


class ExpiredTokenError(InvalidTokenError):
    """The token is authentic and well formed, but its `exp` has passed."""


class TokenSigner:
    """Issues and verifies JSON Web Tokens (RFC 7519) in the compact serialisation,
    signed with HMAC-SHA256 (`HS256`) keyed by `secret`, that a standard JWT library
    accepts; tokens from such a library, signed with the same secret, verify here.
    Each of the three segments (header, payload, signature) is base64url without
    padding: a segment holding any other character (`=`, `+`, `/`, whitespace, ...)
    is malformed. The header and the payload are JSON objects (`NaN` and `Infinity`
    are not JSON). `verify` accepts a header with other fields besides `alg` (`typ`,
    `kid`, ...) or without `typ`. A token is expired once `clock() >= exp`. A forged,
    altered or malformed token raises `InvalidTokenError` but never
    `ExpiredTokenError`, whatever its `exp`: only an authentic token can be expired.
    Not specified: what `issue` does with `iat` or `exp` already in `claims`; whether
    `iat` and `exp` are written as integers when `clock()` returns a fraction; how a
    signature whose last character differs only in its unused low bits is treated;
    what `verify` does with a token that is not a `str`.
    """

    def __init__(self, secret: bytes, clock: Callable[[], float] = time.time) -> None:
        """A signer with this HMAC `secret` that reads the time from `clock`; `ValueError` naming `secret` when it is empty."""
        raise NotImplementedError("TokenSigner.__init__: not implemented yet")

    def issue(self, claims: dict, ttl_seconds: int) -> str:
        """A signed token whose payload is `claims` plus `iat` (the current `clock()`) and `exp` (`iat + ttl_seconds`); `claims` itself is not changed. `ValueError` naming `ttl_seconds` when it is not positive."""
        raise NotImplementedError("TokenSigner.issue: not implemented yet")

    def verify(self, token: str) -> dict:
        """The whole payload of an authentic, unexpired token (`exp` and `iat` included). `InvalidTokenError` for a wrong signature, a changed header or payload, an `alg` other than `HS256` (including `none`), a missing or non-numeric `exp`, or malformed input; `ExpiredTokenError` when `clock() >= exp`."""
        raise NotImplementedError("TokenSigner.verify: not implemented yet")
