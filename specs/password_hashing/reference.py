"""Password hashing with PBKDF2, in Django's format.

What is this pattern about?
    A service must be able to check a password without being able to recover it. So it
    stores a one-way hash, never the password; a random salt per password makes equal
    passwords hash differently and defeats precomputed tables; a deliberately slow key
    derivation function (PBKDF2 with many iterations) makes every guess expensive; and
    the comparison with the stored digest takes the same time however many characters
    match, so response times leak nothing. The work factor is stored with the hash, so it
    can be raised later: old hashes still verify, and are re-hashed at the next login.

What does this example do?
    `PasswordHasher(iterations, salt_length)` writes and reads Django's
    `pbkdf2_sha256$<iterations>$<salt>$<base64 digest>` format, so hashes move freely
    between it and a Django project. `hash` draws a fresh salt of letters and digits from
    `secrets`; `verify` recomputes the digest with the salt and iteration count stored in
    the encoding and compares the two with `hmac.compare_digest`; `needs_rehash` says
    whether a stored hash was made with fewer iterations than the hasher now uses. A
    malformed encoding raises `ValueError` instead of quietly failing.

TL;DR
    Store `algorithm$iterations$salt$digest`; derive with `hashlib.pbkdf2_hmac`, salt from
    `secrets`, read the work factor back from the encoding, compare with
    `hmac.compare_digest`, and re-hash when the stored iterations are too low.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import string

ALGORITHM = "pbkdf2_sha256"
_SALT_ALPHABET = string.ascii_letters + string.digits


class PasswordHasher:
    """Hashes and verifies passwords as `pbkdf2_sha256$<iterations>$<salt>$<base64 digest>`."""

    def __init__(self, iterations: int = 1_000_000, salt_length: int = 22) -> None:
        if iterations < 1:
            raise ValueError(f"iterations must be at least 1, got {iterations!r}")
        if salt_length < 1:
            raise ValueError(f"salt_length must be at least 1, got {salt_length!r}")
        self.iterations = iterations
        self.salt_length = salt_length

    def hash(self, password: str) -> str:
        salt = "".join(secrets.choice(_SALT_ALPHABET) for _ in range(self.salt_length))
        digest = _derive(password, salt, self.iterations)
        return f"{ALGORITHM}${self.iterations}${salt}${base64.b64encode(digest).decode('ascii')}"

    def verify(self, password: str, encoded: str) -> bool:
        iterations, salt, digest = _decode(encoded)
        # The stored work factor, not ours: old hashes must keep verifying after a raise.
        return hmac.compare_digest(_derive(password, salt, iterations), digest)

    def needs_rehash(self, encoded: str) -> bool:
        iterations, _salt, _digest = _decode(encoded)
        return iterations < self.iterations


def _derive(password: str, salt: str, iterations: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode("utf-8"), iterations)


def _decode(encoded: str) -> tuple[int, str, bytes]:
    """(iterations, salt, digest) of a well-formed encoding; ValueError for anything else."""
    parts = encoded.split("$")
    if len(parts) != 4:
        raise ValueError(f"malformed encoded hash: expected 4 '$'-separated fields, got {len(parts)}")
    algorithm, iterations_text, salt, digest_text = parts
    if algorithm != ALGORITHM:
        raise ValueError(f"malformed encoded hash: unknown algorithm {algorithm!r}")
    if not iterations_text.isascii() or not iterations_text.isdigit():
        raise ValueError(f"malformed encoded hash: iterations {iterations_text!r} is not an integer")
    iterations = int(iterations_text)
    if iterations < 1:
        raise ValueError("malformed encoded hash: iterations must be at least 1")
    if not salt:
        raise ValueError("malformed encoded hash: empty salt")
    try:
        digest = base64.b64decode(digest_text, validate=True)
    except binascii.Error as exc:
        raise ValueError(f"malformed encoded hash: the digest is not base64 ({exc})") from None
    if not digest:
        raise ValueError("malformed encoded hash: empty digest")
    return iterations, salt, digest
