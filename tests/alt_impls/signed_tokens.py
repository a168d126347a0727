"""An alternative HS256 token signer for the suite to accept: one regex, signatures compared as text.

What is this pattern about?
    Signed tokens (JWTs): the claims travel with the client, and an HMAC over them lets
    the server trust them again without storing anything.

What does this example do?
    Unlike the reference, a whole token is matched by one regular expression before
    anything is decoded, the expected signature is re-encoded and compared as base64url
    text (so a last character differing only in unused bits is refused), the header is
    written `typ` first, and JSON constants are refused with a decoder object.

TL;DR
    Same contract, different parsing and comparison.
"""

from __future__ import annotations

import base64
import hmac
import json
import math
import re
import time

_TOKEN = re.compile(r"([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)")


def _no_constants(name):
    raise ValueError(name)


_DECODER = json.JSONDecoder(parse_constant=_no_constants)


class InvalidTokenError(ValueError):
    pass


class ExpiredTokenError(InvalidTokenError):
    pass


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _json_object(segment: str) -> dict:
    if len(segment) % 4 == 1:
        raise InvalidTokenError("bad segment length")
    try:
        raw = base64.urlsafe_b64decode(segment + "==")
        value = _DECODER.decode(raw.decode("utf-8"))
    except ValueError:
        raise InvalidTokenError("segment is not base64url JSON") from None
    if type(value) is not dict:
        raise InvalidTokenError("segment is not a JSON object")
    return value


class TokenSigner:
    def __init__(self, secret: bytes, clock=time.time) -> None:
        if len(secret) == 0:
            raise ValueError("secret is empty")
        self._key = bytes(secret)
        self._clock = clock

    def _mac(self, text: str) -> str:
        return _b64(hmac.digest(self._key, text.encode("ascii"), "sha256"))

    def issue(self, claims: dict, ttl_seconds: int) -> str:
        if not ttl_seconds > 0:
            raise ValueError("ttl_seconds must be positive")
        issued = self._clock()
        header = _b64(b'{"typ":"JWT","alg":"HS256"}')
        body = dict(claims)
        body.update(iat=issued, exp=issued + ttl_seconds)
        payload = _b64(json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode())
        return f"{header}.{payload}.{self._mac(header + '.' + payload)}"

    def verify(self, token: str) -> dict:
        found = _TOKEN.fullmatch(token)
        if found is None:
            raise InvalidTokenError("not a compact JWS")
        header_text, payload_text, signature = found.groups()
        if _json_object(header_text).get("alg") != "HS256":
            raise InvalidTokenError("only HS256")
        if not hmac.compare_digest(signature, self._mac(f"{header_text}.{payload_text}")):
            raise InvalidTokenError("bad signature")
        claims = _json_object(payload_text)
        exp = claims.get("exp")
        if type(exp) not in (int, float) or not math.isfinite(exp):
            raise InvalidTokenError("exp missing or not a number")
        if self._clock() >= exp:
            raise ExpiredTokenError("expired")
        return claims
