"""An alternative password hasher for the suite to accept: a parsing regex and a hex salt.

What is this pattern about?
    Password hashing: a slow, salted key derivation (PBKDF2) stored with its parameters,
    so old hashes keep verifying when the work factor is raised.

What does this example do?
    Unlike the reference, the encoding is parsed with one regular expression, the salt is
    the first `salt_length` characters of `secrets.token_hex` (hex digits are ASCII
    letters and digits), the digest is decoded with `binascii.a2b_base64` in strict mode,
    and the comparison is `secrets.compare_digest` on the base64 text.

TL;DR
    Same format and rules, different parts.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import secrets

_ENCODED = re.compile(r"pbkdf2_sha256\$([0-9]+)\$([^$]+)\$([^$]*)")


class PasswordHasher:
    def __init__(self, iterations: int = 1_000_000, salt_length: int = 22) -> None:
        for name, value in (("iterations", iterations), ("salt_length", salt_length)):
            if value < 1:
                raise ValueError(f"{name} must be at least 1")
        self._rounds = iterations
        self._salt_chars = salt_length

    @staticmethod
    def _digest(password: str, salt: str, rounds: int) -> str:
        raw = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), rounds)
        return base64.b64encode(raw).decode()

    @staticmethod
    def _parse(encoded: str) -> tuple[int, str, str]:
        found = _ENCODED.fullmatch(encoded) if isinstance(encoded, str) else None
        if found is None:
            raise ValueError("malformed encoded password")
        rounds, salt, digest = int(found[1]), found[2], found[3]
        if rounds < 1:
            raise ValueError("malformed encoded password: iterations below 1")
        try:
            if not binascii.a2b_base64(digest.encode("ascii"), strict_mode=True):
                raise ValueError("malformed encoded password: empty digest")
        except (binascii.Error, UnicodeError):
            raise ValueError("malformed encoded password: digest is not base64") from None
        return rounds, salt, digest

    def hash(self, password: str) -> str:
        salt = secrets.token_hex(self._salt_chars)[: self._salt_chars]
        return f"pbkdf2_sha256${self._rounds}${salt}${self._digest(password, salt, self._rounds)}"

    def verify(self, password: str, encoded: str) -> bool:
        rounds, salt, digest = self._parse(encoded)
        return secrets.compare_digest(self._digest(password, salt, rounds), digest)

    def needs_rehash(self, encoded: str) -> bool:
        return self._parse(encoded)[0] < self._rounds
