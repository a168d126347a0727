"""Signed tokens: HS256 JSON Web Tokens.

What is this pattern about?
    A signed token lets a server hand out a claim ("this is user 42, an admin, until
    noon") and later trust it without storing anything: the claims travel in the token,
    and an HMAC over them, keyed by a secret only the server knows, proves they were not
    changed. Everything in the token is attacker-controlled input until the signature has
    been checked, so the verifier decides the algorithm itself (never the token's header),
    refuses anything malformed, and honours the expiry time the token carries.

What does this example do?
    `TokenSigner(secret, clock)` issues and verifies compact JWTs (RFC 7519) signed with
    HMAC-SHA256: `header.payload.signature`, each part base64url without padding. `issue`
    adds `iat` (now) and `exp` (now + ttl) to the claims; `verify` returns the whole
    payload, or raises `InvalidTokenError` for a wrong signature, a changed header or
    payload, an `alg` other than `HS256` (`none` included), a missing or non-numeric
    `exp`, or malformed input, and `ExpiredTokenError` once `clock() >= exp`. The tokens
    interoperate with any standard JWT library, such as PyJWT.

TL;DR
    Sign `b64url(header) + "." + b64url(payload)` with HMAC-SHA256; on verify, split into
    exactly three strict base64url parts, require `alg == "HS256"`, compare signatures with
    `hmac.compare_digest`, then demand a numeric `exp` later than `clock()`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import math
import re
import time
from collections.abc import Callable

_HEADER = {"alg": "HS256", "typ": "JWT"}
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")  # the base64url alphabet, no padding (RFC 7515)


class InvalidTokenError(ValueError):
    """The token is not one this signer issued intact: malformed, forged, altered or unsigned."""


class ExpiredTokenError(InvalidTokenError):
    """The token is authentic but its `exp` has passed."""


class TokenSigner:
    """Issues and verifies HS256 JWTs with one secret."""

    def __init__(self, secret: bytes, clock: Callable[[], float] = time.time) -> None:
        if not isinstance(secret, (bytes, bytearray)):
            raise TypeError(f"secret must be bytes, got {type(secret).__name__}")
        if not secret:
            raise ValueError("secret must not be empty")
        self._secret = bytes(secret)
        self._clock = clock

    def issue(self, claims: dict, ttl_seconds: int) -> str:
        if ttl_seconds <= 0:
            raise ValueError(f"ttl_seconds must be positive, got {ttl_seconds!r}")
        now = self._clock()
        payload = {**claims, "iat": now, "exp": now + ttl_seconds}
        signing_input = f"{_encode_json(_HEADER)}.{_encode_json(payload)}"
        return f"{signing_input}.{_b64url_encode(self._sign(signing_input))}"

    def verify(self, token: str) -> dict:
        if not isinstance(token, str):
            raise InvalidTokenError("a token is a string")
        parts = token.split(".")
        if len(parts) != 3:
            raise InvalidTokenError(f"a token has 3 dot-separated segments, not {len(parts)}")
        header_segment, payload_segment, signature_segment = parts
        header = _decode_json(header_segment, "header")
        # The verifier picks the algorithm; a token that names another one is refused.
        if header.get("alg") != "HS256":
            raise InvalidTokenError(f"unsupported alg {header.get('alg')!r}; only HS256 is accepted")
        signature = _b64url_decode(signature_segment, "signature")
        expected = self._sign(f"{header_segment}.{payload_segment}")
        if not hmac.compare_digest(signature, expected):
            raise InvalidTokenError("bad signature")
        payload = _decode_json(payload_segment, "payload")
        exp = payload.get("exp")
        if isinstance(exp, bool) or not isinstance(exp, (int, float)) or not math.isfinite(exp):
            raise InvalidTokenError("the token has no numeric exp claim")
        if self._clock() >= exp:
            raise ExpiredTokenError("the token has expired")
        return payload

    def _sign(self, signing_input: str) -> bytes:
        return hmac.new(self._secret, signing_input.encode("ascii"), hashlib.sha256).digest()


def _b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _encode_json(value: dict) -> str:
    return _b64url_encode(json.dumps(value, separators=(",", ":")).encode("utf-8"))


def _b64url_decode(segment: str, part: str) -> bytes:
    # urlsafe_b64decode alone silently drops characters outside the alphabet.
    if not _BASE64URL.fullmatch(segment) or len(segment) % 4 == 1:
        raise InvalidTokenError(f"the {part} is not base64url")
    try:
        return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    except binascii.Error:
        raise InvalidTokenError(f"the {part} is not base64url") from None


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def _decode_json(segment: str, part: str) -> dict:
    try:
        text = _b64url_decode(segment, part).decode("utf-8")
        value = json.loads(text, parse_constant=_refuse_constant)
    except ValueError as exc:  # also UnicodeDecodeError and json.JSONDecodeError
        if isinstance(exc, InvalidTokenError):
            raise
        raise InvalidTokenError(f"the {part} is not JSON") from None
    if not isinstance(value, dict):
        raise InvalidTokenError(f"the {part} is not a JSON object")
    return value
