# Generated from specs/password_hashing/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 6678db54e7599f3aba34b0f605c50022fa3163f7f7a594c1646f98e332aa16a5
"""Password hashing with PBKDF2, compatible with Django: your solution starts here.

Fill in every method until `kata check password_hashing` passes; the brief is generated/password_hashing/README.md.
"""

from __future__ import annotations


class PasswordHasher:
    """Hashes and verifies passwords in Django's PBKDF2 format,
    `pbkdf2_sha256$<iterations>$<salt>$<digest>`: `<iterations>` in decimal, `<salt>`
    `salt_length` ASCII letters and digits drawn at random from `secrets` for every
    hash, `<digest>` the standard base64 (with padding) of PBKDF2-HMAC-SHA256 over the
    UTF-8 bytes of the password and of the salt, with that many iterations. `verify`
    uses the iterations and salt stored in the encoding, whatever the hasher's own,
    and accepts any non-empty salt without `$` (Django's encoder takes any such salt).
    An encoding is malformed (`ValueError` from `verify` and `needs_rehash`) when it
    does not have exactly four `$`-separated fields, its prefix is not exactly
    `pbkdf2_sha256`, its iteration count is not a decimal integer of at least 1, or its
    digest is not valid base64. Whether a well-formed digest of the wrong length is
    malformed or simply never matches is not specified.
    """

    def __init__(self, iterations: int = 1000000, salt_length: int = 22) -> None:
        """A hasher that writes hashes with `iterations` rounds of PBKDF2 and salts of `salt_length` characters; `ValueError` naming the argument when either is below 1."""
        raise NotImplementedError("PasswordHasher.__init__: not implemented yet")

    def hash(self, password: str) -> str:
        """The encoded hash of `password`, with a fresh random salt."""
        raise NotImplementedError("PasswordHasher.hash: not implemented yet")

    def verify(self, password: str, encoded: str) -> bool:
        """`True` exactly when `password` matches `encoded`; the digests are compared in constant time. `ValueError` when `encoded` is malformed."""
        raise NotImplementedError("PasswordHasher.verify: not implemented yet")

    def needs_rehash(self, encoded: str) -> bool:
        """`True` exactly when the iterations stored in `encoded` are below this hasher's; `ValueError` when `encoded` is malformed."""
        raise NotImplementedError("PasswordHasher.needs_rehash: not implemented yet")
