# Generated from specs/password_hashing/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 6678db54e7599f3aba34b0f605c50022fa3163f7f7a594c1646f98e332aa16a5
"""Conformance suite for the password_hashing kata: one test per behaviour of its spec.

Run it with `kata check password_hashing` or `pytest generated/password_hashing --impl PATH`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import random
import secrets
import string
import sys
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher, check_password
from hypothesis import strategies as st

from katakit.testing import (
    ModelMachine,
    expect_equal,
    expect_is,
    initialize,
    rule,
    run_model_machine,
    step,
)

# Django needs settings before check_password can look its hashers up; no project needed.
if not settings.configured:
    settings.configure(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"])

SALT_CHARACTERS = set(string.ascii_letters + string.digits)
DJANGO = PBKDF2PasswordHasher()


def fields(encoded):
    """The four `$`-separated fields of an encoded hash, as a dict."""
    algorithm, iterations, salt, digest = encoded.split("$")
    return {"algorithm": algorithm, "iterations": iterations, "salt": salt, "digest": digest}


def expected_digest(password, salt, iterations):
    """What the digest field must be: standard base64 of PBKDF2-HMAC-SHA256, UTF-8 in."""
    raw = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode("utf-8"), iterations)
    return base64.b64encode(raw).decode("ascii")


def django_hash(password, iterations, salt=None):
    """A hash written by Django's own PBKDF2PasswordHasher (its salt unless one is given)."""
    return DJANGO.encode(password, salt or DJANGO.salt(), iterations)


def django_accepts(password, encoded):
    """Django's verdict on one of our hashes.

    The hasher answers first; a right password then also goes through check_password, the
    full login machinery. A wrong one never reaches check_password: it would "harden" its
    runtime by running Django's whole default work factor, which only makes the suite slow.
    """
    if not DJANGO.verify(password, encoded):
        return False
    return check_password(password, encoded)


def well_formed(iterations):
    """A syntactically valid encoding with the given iteration count (its digest matches nothing)."""
    return (
        f"pbkdf2_sha256${iterations}$abcdefghijklmnopqrstuv${base64.b64encode(bytes(32)).decode()}"
    )


@contextmanager
def recording_compare_digest(cls):
    """Replace compare_digest in hmac, secrets and the solution module with a recorder.

    Yields the list of (a, b, result) calls, whichever of hmac.compare_digest and
    secrets.compare_digest the solution uses and however it imported it.
    """
    original = hmac.compare_digest
    calls = []

    def recorder(a, b):
        result = original(a, b)
        calls.append((a, b, result))
        return result

    targets = [hmac, secrets]
    module = sys.modules.get(cls.__module__)
    if module is not None:
        targets.append(module)
    patched = []
    for target in targets:
        for attr, value in list(vars(target).items()):
            if value is original:
                setattr(target, attr, recorder)
                patched.append((target, attr))
    try:
        yield calls
    finally:
        for target, attr in patched:
            setattr(target, attr, original)


class RoundTrip:
    """Hashes a password both ways (ours and Django's) and collects every verdict."""

    def __init__(self, hasher_cls, iterations):
        self.iterations = iterations
        self.hasher = hasher_cls(iterations=iterations)
        self.stronger = hasher_cls(iterations=iterations + 1)

    def check(self, password, guess):
        ours = self.hasher.hash(password)
        theirs = django_hash(password, self.iterations)
        parts = fields(ours)
        return {
            "our digest is PBKDF2-HMAC-SHA256 of the UTF-8 password": parts["digest"]
            == expected_digest(password, parts["salt"], self.iterations),
            "we verify our hash with the password": self.hasher.verify(password, ours),
            "we verify our hash with the guess": self.hasher.verify(guess, ours),
            "Django verifies our hash with the password": django_accepts(password, ours),
            "Django verifies our hash with the guess": django_accepts(guess, ours),
            "a stronger hasher verifies Django's hash with the guess": self.stronger.verify(
                guess, theirs
            ),
        }

    def check_near_miss(self, password, suffix):
        return self.check(password, password + suffix)


pytestmark = pytest.mark.kata(
    "password_hashing",
    classes=["PasswordHasher"],
    exceptions=[],
    functions=[],
)


@pytest.mark.behaviour("7e86fd7e-d06e-485c-a051-2db58fe994e5", "scenario")
@pytest.mark.timeout(10.0)
def test_hash_writes_djangos_pbkdf2_sha256_format(solution):
    """The encoding is a contract with every system that reads it: `pbkdf2_sha256$<iterations>$<salt>$<standard base64 of PBKDF2-HMAC-SHA256>`, exactly as Django writes it."""
    PasswordHasher = solution.PasswordHasher
    with step(
        1,
        'hasher = PasswordHasher(iterations=1000) parts = fields(hasher.hash("correct horse battery staple"))',
    ):
        hasher = PasswordHasher(iterations=1000)
        parts = fields(hasher.hash("correct horse battery staple"))
    with step(2, "parts['algorithm']"):
        expect_equal(parts["algorithm"], "pbkdf2_sha256")
    with step(3, "parts['iterations']"):
        expect_equal(parts["iterations"], "1000")
    with step(4, "len(parts['salt'])"):
        expect_equal(len(parts["salt"]), 22)
    with step(5, "set(parts['salt']) <= SALT_CHARACTERS"):
        expect_is(set(parts["salt"]) <= SALT_CHARACTERS, True)
    with step(6, "parts['digest']"):
        expect_equal(
            parts["digest"], expected_digest("correct horse battery staple", parts["salt"], 1000)
        )
    with step(7, 'parts = fields(PasswordHasher(iterations=3).hash(""))'):
        parts = fields(PasswordHasher(iterations=3).hash(""))
    with step(8, "parts['digest']"):
        expect_equal(parts["digest"], expected_digest("", parts["salt"], 3))


@pytest.mark.behaviour("f6e1e0dc-9454-4381-84f9-141831d21b84", "scenario")
@pytest.mark.timeout(10.0)
def test_salt_length_sets_the_length_of_every_salt(solution):
    """`salt_length` is the hasher's knob for salt size; 22 characters (Django's choice) by default."""
    PasswordHasher = solution.PasswordHasher
    with step(1, "len(fields(PasswordHasher(iterations=10, salt_length=8).hash('pw'))['salt'])"):
        expect_equal(
            len(fields(PasswordHasher(iterations=10, salt_length=8).hash("pw"))["salt"]), 8
        )
    with step(2, "len(fields(PasswordHasher(iterations=10, salt_length=40).hash('pw'))['salt'])"):
        expect_equal(
            len(fields(PasswordHasher(iterations=10, salt_length=40).hash("pw"))["salt"]), 40
        )
    with step(3, "len(fields(PasswordHasher(iterations=10, salt_length=1).hash('pw'))['salt'])"):
        expect_equal(
            len(fields(PasswordHasher(iterations=10, salt_length=1).hash("pw"))["salt"]), 1
        )
    with step(4, "len(fields(PasswordHasher(iterations=10).hash('pw'))['salt'])"):
        expect_equal(len(fields(PasswordHasher(iterations=10).hash("pw"))["salt"]), 22)
    with step(
        5,
        "set(fields(PasswordHasher(iterations=10, salt_length=200).hash('pw'))['salt']) <= SALT_CHARACTERS",
    ):
        expect_is(
            set(fields(PasswordHasher(iterations=10, salt_length=200).hash("pw"))["salt"])
            <= SALT_CHARACTERS,
            True,
        )


@pytest.mark.behaviour("f1fdd66c-92df-4a58-88cd-5f7fc00cc5b6", "scenario")
@pytest.mark.timeout(10.0)
def test_every_hash_gets_a_fresh_salt(solution):
    """Equal passwords must not produce equal hashes, or one cracked hash cracks every account sharing that password."""
    PasswordHasher = solution.PasswordHasher
    with step(
        1,
        'hasher = PasswordHasher(iterations=10) encodings = [hasher.hash("same password") for _ in range(20)]',
    ):
        hasher = PasswordHasher(iterations=10)
        encodings = [hasher.hash("same password") for _ in range(20)]
    with step(2, "len({fields(encoded)['salt'] for encoded in encodings})"):
        expect_equal(len({fields(encoded)["salt"] for encoded in encodings}), 20)
    with step(3, "len(set(encodings))"):
        expect_equal(len(set(encodings)), 20)
    with step(4, "all((hasher.verify('same password', encoded) for encoded in encodings))"):
        expect_is(all(hasher.verify("same password", encoded) for encoded in encodings), True)
    with step(
        5,
        "fields(PasswordHasher(iterations=10).hash('pw'))['salt'] != fields(PasswordHasher(iterations=10).hash('pw'))['salt']",
    ):
        expect_is(
            fields(PasswordHasher(iterations=10).hash("pw"))["salt"]
            != fields(PasswordHasher(iterations=10).hash("pw"))["salt"],
            True,
        )


@pytest.mark.behaviour("14fec2c4-466c-46d6-8177-c8bb0ed945ce", "scenario")
@pytest.mark.timeout(10.0)
def test_salts_come_from_secrets_not_from_the_seeded_random_module(solution):
    """`random` is a Mersenne Twister anyone can seed or predict from its output; two hashers that reseed it must still draw different salts."""
    PasswordHasher = solution.PasswordHasher
    with step(
        1,
        'hasher = PasswordHasher(iterations=10) state = random.getstate() try: random.seed(1234) first = fields(hasher.hash("pw"))["salt"] random.seed(1234) second = fields(hasher.hash("pw"))["salt"] finally: random.setstate(state)',
    ):
        hasher = PasswordHasher(iterations=10)
        state = random.getstate()
        try:
            random.seed(1234)
            first = fields(hasher.hash("pw"))["salt"]
            random.seed(1234)
            second = fields(hasher.hash("pw"))["salt"]
        finally:
            random.setstate(state)
    with step(2, "first != second"):
        expect_is(first != second, True)


@pytest.mark.behaviour("45da3277-d50f-43b0-845f-f7e21248076c", "scenario")
@pytest.mark.timeout(10.0)
def test_verify_accepts_the_password_and_refuses_every_other(solution):
    """A verifier that accepts a near miss (another case, a trailing space, an empty string) is a login bypass."""
    PasswordHasher = solution.PasswordHasher
    with step(1, 'hasher = PasswordHasher(iterations=100) encoded = hasher.hash("s3cret")'):
        hasher = PasswordHasher(iterations=100)
        encoded = hasher.hash("s3cret")
    with step(2, "hasher.verify('s3cret', encoded)"):
        expect_is(hasher.verify("s3cret", encoded), True)
    with step(3, "hasher.verify('S3cret', encoded)"):
        expect_is(hasher.verify("S3cret", encoded), False)
    with step(4, "hasher.verify('s3cret ', encoded)"):
        expect_is(hasher.verify("s3cret ", encoded), False)
    with step(5, "hasher.verify(' s3cret', encoded)"):
        expect_is(hasher.verify(" s3cret", encoded), False)
    with step(6, "hasher.verify('s3cre', encoded)"):
        expect_is(hasher.verify("s3cre", encoded), False)
    with step(7, "hasher.verify('', encoded)"):
        expect_is(hasher.verify("", encoded), False)
    with step(8, "hasher.verify('', hasher.hash(''))"):
        expect_is(hasher.verify("", hasher.hash("")), True)
    with step(9, "hasher.verify('s3cret', hasher.hash(''))"):
        expect_is(hasher.verify("s3cret", hasher.hash("")), False)


@pytest.mark.behaviour("9fab7d77-3d75-4a43-82a3-e18dda77d63a", "scenario")
@pytest.mark.timeout(10.0)
def test_verify_uses_the_iterations_and_salt_stored_in_the_hash(solution):
    """Raising the work factor must not lock out every existing user; a hash is checked with the iterations and salt it was made with."""
    PasswordHasher = solution.PasswordHasher
    with step(
        1,
        'old = PasswordHasher(iterations=100, salt_length=12).hash("s3cret") stronger = PasswordHasher(iterations=250) weaker = PasswordHasher(iterations=7, salt_length=30)',
    ):
        old = PasswordHasher(iterations=100, salt_length=12).hash("s3cret")
        stronger = PasswordHasher(iterations=250)
        weaker = PasswordHasher(iterations=7, salt_length=30)
    with step(2, "stronger.verify('s3cret', old)"):
        expect_is(stronger.verify("s3cret", old), True)
    with step(3, "weaker.verify('s3cret', old)"):
        expect_is(weaker.verify("s3cret", old), True)
    with step(4, "stronger.verify('S3CRET', old)"):
        expect_is(stronger.verify("S3CRET", old), False)
    with step(
        5,
        "PasswordHasher(iterations=100).verify('s3cret', 'pbkdf2_sha256$100$abc$' + expected_digest('s3cret', 'abc', 100))",
    ):
        expect_is(
            PasswordHasher(iterations=100).verify(
                "s3cret", "pbkdf2_sha256$100$abc$" + expected_digest("s3cret", "abc", 100)
            ),
            True,
        )
    with step(
        6,
        "PasswordHasher(iterations=100).verify('s3cret', 'pbkdf2_sha256$100$abd$' + expected_digest('s3cret', 'abc', 100))",
    ):
        expect_is(
            PasswordHasher(iterations=100).verify(
                "s3cret", "pbkdf2_sha256$100$abd$" + expected_digest("s3cret", "abc", 100)
            ),
            False,
        )
    with step(
        7,
        "PasswordHasher(iterations=100).verify('s3cret', 'pbkdf2_sha256$101$abc$' + expected_digest('s3cret', 'abc', 100))",
    ):
        expect_is(
            PasswordHasher(iterations=100).verify(
                "s3cret", "pbkdf2_sha256$101$abc$" + expected_digest("s3cret", "abc", 100)
            ),
            False,
        )


@pytest.mark.behaviour("7e43f0c0-c783-4e55-8f83-30d0e87565aa", "scenario")
@pytest.mark.timeout(10.0)
def test_non_ascii_passwords_are_hashed_as_utf_8(solution):
    """Passwords are Unicode; they must be hashed as UTF-8 bytes (as Django does), and two passwords differing only in one non-Latin character must not collide."""
    PasswordHasher = solution.PasswordHasher
    with step(
        1,
        'hasher = PasswordHasher(iterations=100) encoded = hasher.hash("pässwörd-ключ-🔒") parts = fields(encoded)',
    ):
        hasher = PasswordHasher(iterations=100)
        encoded = hasher.hash("pässwörd-ключ-🔒")
        parts = fields(encoded)
    with step(2, "parts['digest']"):
        expect_equal(parts["digest"], expected_digest("pässwörd-ключ-🔒", parts["salt"], 100))
    with step(3, "hasher.verify('pässwörd-ключ-🔒', encoded)"):
        expect_is(hasher.verify("pässwörd-ключ-🔒", encoded), True)
    with step(4, "hasher.verify('pässwörd-ключ-🔓', encoded)"):
        expect_is(hasher.verify("pässwörd-ключ-🔓", encoded), False)
    with step(5, "hasher.verify('pässwörd-клюя-🔒', encoded)"):
        expect_is(hasher.verify("pässwörd-клюя-🔒", encoded), False)
    with step(6, "hasher.verify('passwörd-ключ-🔒', encoded)"):
        expect_is(hasher.verify("passwörd-ключ-🔒", encoded), False)


@pytest.mark.behaviour("aa5dc058-01ad-446b-941e-d5f067554169", "scenario")
@pytest.mark.timeout(10.0)
def test_a_hash_made_by_django_verifies(solution):
    """Interop, proven against the real library: a hash written by Django's `PBKDF2PasswordHasher` (its salt, any iteration count) must verify with your hasher."""
    PasswordHasher = solution.PasswordHasher
    with step(
        1, 'hasher = PasswordHasher(iterations=1000) from_django = django_hash("s3cret", 1500)'
    ):
        hasher = PasswordHasher(iterations=1000)
        from_django = django_hash("s3cret", 1500)
    with step(2, "hasher.verify('s3cret', from_django)"):
        expect_is(hasher.verify("s3cret", from_django), True)
    with step(3, "hasher.verify('s3cret!', from_django)"):
        expect_is(hasher.verify("s3cret!", from_django), False)
    with step(4, "hasher.verify('pässwörd-🔒', django_hash('pässwörd-🔒', 1000))"):
        expect_is(hasher.verify("pässwörd-🔒", django_hash("pässwörd-🔒", 1000)), True)
    with step(5, "hasher.verify('pässwörd-🔓', django_hash('pässwörd-🔒', 1000))"):
        expect_is(hasher.verify("pässwörd-🔓", django_hash("pässwörd-🔒", 1000)), False)
    with step(6, "hasher.verify('', django_hash('', 20, salt='x'))"):
        expect_is(hasher.verify("", django_hash("", 20, salt="x")), True)
    with step(7, "hasher.verify('pw', django_hash('pw', 20, salt='a-salt_with.punctuation'))"):
        expect_is(hasher.verify("pw", django_hash("pw", 20, salt="a-salt_with.punctuation")), True)


@pytest.mark.behaviour("8cf3a9a5-4f56-450e-9ef6-8d3a1d2de5e2", "scenario")
@pytest.mark.timeout(10.0)
def test_a_hash_you_make_verifies_with_djangos_check_password(solution):
    """Interop, proven against the real library: a hash your hasher writes must pass Django's `check_password` (so a Django project can take over your users) and fail it for a wrong password."""
    PasswordHasher = solution.PasswordHasher
    with step(1, 'encoded = PasswordHasher(iterations=1000).hash("s3cret")'):
        encoded = PasswordHasher(iterations=1000).hash("s3cret")
    with step(2, "check_password('s3cret', encoded)"):
        expect_is(check_password("s3cret", encoded), True)
    with step(3, "django_accepts('s3cret!', encoded)"):
        expect_is(django_accepts("s3cret!", encoded), False)
    with step(4, "DJANGO.decode(encoded)['iterations']"):
        expect_equal(DJANGO.decode(encoded)["iterations"], 1000)
    with step(
        5, "check_password('pässwörd-🔒', PasswordHasher(iterations=100).hash('pässwörd-🔒'))"
    ):
        expect_is(
            check_password("pässwörd-🔒", PasswordHasher(iterations=100).hash("pässwörd-🔒")), True
        )
    with step(6, "check_password('', PasswordHasher(iterations=100, salt_length=5).hash(''))"):
        expect_is(check_password("", PasswordHasher(iterations=100, salt_length=5).hash("")), True)


@pytest.mark.behaviour("5efa8363-ea9b-4945-86b3-c40f5ba13c2d", "scenario")
@pytest.mark.timeout(10.0)
def test_verify_compares_digests_with_compare_digest(solution):
    """`==` stops at the first differing byte, so response times leak how much of a forged digest is right; the decision must come from `hmac.compare_digest` (or `secrets.compare_digest`, the same function), for a right and for a wrong password alike."""
    PasswordHasher = solution.PasswordHasher
    with step(1, 'hasher = PasswordHasher(iterations=100) encoded = hasher.hash("s3cret")'):
        hasher = PasswordHasher(iterations=100)
        encoded = hasher.hash("s3cret")
    with step(
        2,
        'with recording_compare_digest(PasswordHasher) as right_calls: right = hasher.verify("s3cret", encoded) with recording_compare_digest(PasswordHasher) as wrong_calls: wrong = hasher.verify("s3cret?", encoded)',
    ):
        with recording_compare_digest(PasswordHasher) as right_calls:
            right = hasher.verify("s3cret", encoded)
        with recording_compare_digest(PasswordHasher) as wrong_calls:
            wrong = hasher.verify("s3cret?", encoded)
    with step(3, "(right, wrong)"):
        expect_equal((right, wrong), (True, False))
    with step(4, "any((result is True for _, _, result in right_calls))"):
        expect_is(any((result is True for _, _, result in right_calls)), True)
    with step(5, "any((result is False for _, _, result in wrong_calls))"):
        expect_is(any((result is False for _, _, result in wrong_calls)), True)


@pytest.mark.behaviour("c6aebe97-70ed-45aa-b49d-ce5ed32d655a", "scenario")
@pytest.mark.timeout(10.0)
def test_needs_rehash_only_below_the_hashers_iterations(solution):
    """A hash made with fewer iterations than today's must be upgraded at the next login; an equal or stronger one must be left alone (copying Django's `!=` would weaken it)."""
    PasswordHasher = solution.PasswordHasher
    with step(1, "hasher = PasswordHasher(iterations=1000)"):
        hasher = PasswordHasher(iterations=1000)
    with step(2, "hasher.needs_rehash(PasswordHasher(iterations=999).hash('pw'))"):
        expect_is(hasher.needs_rehash(PasswordHasher(iterations=999).hash("pw")), True)
    with step(3, "hasher.needs_rehash(PasswordHasher(iterations=10).hash('pw'))"):
        expect_is(hasher.needs_rehash(PasswordHasher(iterations=10).hash("pw")), True)
    with step(4, "hasher.needs_rehash(hasher.hash('pw'))"):
        expect_is(hasher.needs_rehash(hasher.hash("pw")), False)
    with step(5, "hasher.needs_rehash(PasswordHasher(iterations=1001).hash('pw'))"):
        expect_is(hasher.needs_rehash(PasswordHasher(iterations=1001).hash("pw")), False)
    with step(6, "hasher.needs_rehash(django_hash('pw', 999))"):
        expect_is(hasher.needs_rehash(django_hash("pw", 999)), True)
    with step(7, "hasher.needs_rehash(django_hash('pw', 1000))"):
        expect_is(hasher.needs_rehash(django_hash("pw", 1000)), False)
    with step(8, "hasher.needs_rehash(well_formed(5000))"):
        expect_is(hasher.needs_rehash(well_formed(5000)), False)


@pytest.mark.behaviour("6d3288bc-8483-4d27-be61-9ec60c129eef", "scenario")
@pytest.mark.timeout(10.0)
def test_the_default_work_factor_is_one_million_iterations(solution):
    """`PasswordHasher()` must use 1 000 000 iterations (Django's current default), so it asks to upgrade anything weaker and nothing as strong."""
    PasswordHasher = solution.PasswordHasher
    with step(1, "hasher = PasswordHasher()"):
        hasher = PasswordHasher()
    with step(2, "hasher.needs_rehash(well_formed(999999))"):
        expect_is(hasher.needs_rehash(well_formed(999999)), True)
    with step(3, "hasher.needs_rehash(well_formed(600000))"):
        expect_is(hasher.needs_rehash(well_formed(600000)), True)
    with step(4, "hasher.needs_rehash(well_formed(1000000))"):
        expect_is(hasher.needs_rehash(well_formed(1000000)), False)
    with step(5, "hasher.needs_rehash(well_formed(1200000))"):
        expect_is(hasher.needs_rehash(well_formed(1200000)), False)


@pytest.mark.behaviour("839d9268-0aa8-4025-9842-cfabd738cc09", "scenario")
@pytest.mark.timeout(10.0)
def test_verify_raises_value_error_for_a_malformed_encoding(solution):
    """A corrupted or foreign hash is a data or configuration error that must surface, not a silent "wrong password": another algorithm, a bad iteration count, a non-base64 digest or the wrong number of fields raise `ValueError`."""
    PasswordHasher = solution.PasswordHasher
    with step(
        1,
        'hasher = PasswordHasher(iterations=10) salt, digest = "abcdefghijklmnopqrstuv", expected_digest("pw", "abcdefghijklmnopqrstuv", 10)',
    ):
        hasher = PasswordHasher(iterations=10)
        salt, digest = "abcdefghijklmnopqrstuv", expected_digest("pw", "abcdefghijklmnopqrstuv", 10)
    with step(2, "hasher.verify('pw', f'pbkdf2_sha256$10${salt}${digest}')"):
        expect_is(hasher.verify("pw", f"pbkdf2_sha256$10${salt}${digest}"), True)
    with step(3, 'hasher.verify("pw", f"pbkdf2_sha1$10${salt}${digest}")', raises=ValueError):
        hasher.verify("pw", f"pbkdf2_sha1$10${salt}${digest}")
    with step(4, 'hasher.verify("pw", f"md5$10${salt}${digest}")', raises=ValueError):
        hasher.verify("pw", f"md5$10${salt}${digest}")
    with step(5, 'hasher.verify("pw", f"PBKDF2_SHA256$10${salt}${digest}")', raises=ValueError):
        hasher.verify("pw", f"PBKDF2_SHA256$10${salt}${digest}")
    with step(6, 'hasher.verify("pw", f"pbkdf2_sha256$ten${salt}${digest}")', raises=ValueError):
        hasher.verify("pw", f"pbkdf2_sha256$ten${salt}${digest}")
    with step(7, 'hasher.verify("pw", f"pbkdf2_sha256$1.5${salt}${digest}")', raises=ValueError):
        hasher.verify("pw", f"pbkdf2_sha256$1.5${salt}${digest}")
    with step(8, 'hasher.verify("pw", f"pbkdf2_sha256$0${salt}${digest}")', raises=ValueError):
        hasher.verify("pw", f"pbkdf2_sha256$0${salt}${digest}")
    with step(9, 'hasher.verify("pw", f"pbkdf2_sha256$10${salt}$not base64!")', raises=ValueError):
        hasher.verify("pw", f"pbkdf2_sha256$10${salt}$not base64!")
    with step(
        10,
        'hasher.verify("pw", f"pbkdf2_sha256$10${salt}$" + digest.rstrip("="))',
        raises=ValueError,
    ):
        hasher.verify("pw", f"pbkdf2_sha256$10${salt}$" + digest.rstrip("="))
    with step(11, 'hasher.verify("pw", f"pbkdf2_sha256$10${salt}")', raises=ValueError):
        hasher.verify("pw", f"pbkdf2_sha256$10${salt}")
    with step(
        12, 'hasher.verify("pw", f"pbkdf2_sha256$10${salt}${digest}$extra")', raises=ValueError
    ):
        hasher.verify("pw", f"pbkdf2_sha256$10${salt}${digest}$extra")
    with step(13, 'hasher.verify("pw", "")', raises=ValueError):
        hasher.verify("pw", "")
    with step(14, 'hasher.verify("pw", "s3cret")', raises=ValueError):
        hasher.verify("pw", "s3cret")


@pytest.mark.behaviour("202b0d92-a2c8-486d-baf6-73e871981a01", "scenario")
@pytest.mark.timeout(10.0)
def test_needs_rehash_raises_value_error_for_a_malformed_encoding(solution):
    """Whether a hash needs upgrading is only meaningful for a hash this hasher can read; a malformed or foreign one raises `ValueError` here too."""
    PasswordHasher = solution.PasswordHasher
    with step(1, "hasher = PasswordHasher(iterations=10)"):
        hasher = PasswordHasher(iterations=10)
    with step(
        2,
        'hasher.needs_rehash("pbkdf2_sha1$5$abc$" + expected_digest("pw", "abc", 5))',
        raises=ValueError,
    ):
        hasher.needs_rehash("pbkdf2_sha1$5$abc$" + expected_digest("pw", "abc", 5))
    with step(
        3,
        'hasher.needs_rehash("pbkdf2_sha256$five$abc$" + expected_digest("pw", "abc", 5))',
        raises=ValueError,
    ):
        hasher.needs_rehash("pbkdf2_sha256$five$abc$" + expected_digest("pw", "abc", 5))
    with step(4, 'hasher.needs_rehash("pbkdf2_sha256$5$abc$***")', raises=ValueError):
        hasher.needs_rehash("pbkdf2_sha256$5$abc$***")
    with step(5, 'hasher.needs_rehash("pbkdf2_sha256$5$abc")', raises=ValueError):
        hasher.needs_rehash("pbkdf2_sha256$5$abc")
    with step(6, "hasher.needs_rehash('pbkdf2_sha256$5$abc$' + expected_digest('pw', 'abc', 5))"):
        expect_is(
            hasher.needs_rehash("pbkdf2_sha256$5$abc$" + expected_digest("pw", "abc", 5)), True
        )


@pytest.mark.behaviour("0047f09f-23cb-4473-83f5-cfc941e6009c", "scenario")
@pytest.mark.timeout(10.0)
def test_rejects_iterations_or_salt_length_below_one(solution):
    """A hasher with no rounds or no salt would store passwords unprotected; the mistake must surface when it is built, naming the argument."""
    PasswordHasher = solution.PasswordHasher
    with step(1, "PasswordHasher(iterations=0)", raises=ValueError, match="iterations"):
        PasswordHasher(iterations=0)
    with step(2, "PasswordHasher(iterations=-1000)", raises=ValueError, match="iterations"):
        PasswordHasher(iterations=-1000)
    with step(
        3, "PasswordHasher(iterations=10, salt_length=0)", raises=ValueError, match="salt_length"
    ):
        PasswordHasher(iterations=10, salt_length=0)
    with step(
        4, "PasswordHasher(iterations=10, salt_length=-1)", raises=ValueError, match="salt_length"
    ):
        PasswordHasher(iterations=10, salt_length=-1)
    with step(
        5,
        "PasswordHasher(iterations=1, salt_length=1).verify('pw', PasswordHasher(iterations=1, salt_length=1).hash('pw'))",
    ):
        expect_is(
            PasswordHasher(iterations=1, salt_length=1).verify(
                "pw", PasswordHasher(iterations=1, salt_length=1).hash("pw")
            ),
            True,
        )


@pytest.mark.behaviour("d38b4fcc-76eb-4851-b833-f01f005efdaa", "scenario")
@pytest.mark.timeout(10.0)
def test_passwords_are_hashed_as_given_never_unicode_normalised(solution):
    """The digest is over the UTF-8 bytes of the password exactly as given, as Django hashes it: normalising it first (NFKC turns "ﬁ" into "fi" and "①" into "1") writes digests Django cannot match and lets different passwords log in as each other."""
    PasswordHasher = solution.PasswordHasher
    with step(
        1,
        'hasher = PasswordHasher(iterations=50) encoded = hasher.hash("ﬁle-①") parts = fields(encoded)',
    ):
        hasher = PasswordHasher(iterations=50)
        encoded = hasher.hash("ﬁle-①")
        parts = fields(encoded)
    with step(2, "parts['digest']"):
        expect_equal(parts["digest"], expected_digest("ﬁle-①", parts["salt"], 50))
    with step(3, "(hasher.verify('ﬁle-①', encoded), hasher.verify('file-1', encoded))"):
        expect_equal(
            (hasher.verify("ﬁle-①", encoded), hasher.verify("file-1", encoded)), (True, False)
        )
    with step(4, "hasher.verify('é', hasher.hash('é'))"):
        expect_is(hasher.verify("é", hasher.hash("é")), False)
    with step(5, "hasher.verify('ﬁ', django_hash('ﬁ', 50))"):
        expect_is(hasher.verify("ﬁ", django_hash("ﬁ", 50)), True)


@pytest.mark.behaviour("eea10f8f-d00c-4175-bb19-6e431fa1afc3", "property")
@pytest.mark.timeout(60.0)
def test_any_password_round_trips_with_django_both_ways(solution):
    """For any Unicode password and guess, your hash verifies the password and no other guess, with your hasher and with Django's, and Django's hash verifies with yours (a guess differing only in trailing NUL characters is the same HMAC key, for Django too)."""
    PasswordHasher = solution.PasswordHasher

    class RoundTripModel:
        def check(self, password, guess):
            # PBKDF2 uses the password as an HMAC key, and HMAC pads short keys with zero
            # bytes: a guess differing only in trailing NUL characters matches, in every
            # correct implementation (Django's included).
            same = guess.encode("utf-8").rstrip(b"\0") == password.encode("utf-8").rstrip(b"\0")
            return {
                "our digest is PBKDF2-HMAC-SHA256 of the UTF-8 password": True,
                "we verify our hash with the password": True,
                "we verify our hash with the guess": same,
                "Django verifies our hash with the password": True,
                "Django verifies our hash with the guess": same,
                "a stronger hasher verifies Django's hash with the guess": same,
            }

        def check_near_miss(self, password, suffix):
            return self.check(password, password + suffix)

    class Machine(ModelMachine):
        @initialize(iterations=st.integers(1, 40))
        def start(self, iterations):
            self.begin(
                lambda: RoundTrip(PasswordHasher, iterations),
                lambda: RoundTripModel(),
                "RoundTrip(PasswordHasher, iterations)",
                iterations=iterations,
            )

        @rule(
            guess=st.one_of(st.text(max_size=12), st.sampled_from(["", "a", "pw", "é", "🔒"])),
            password=st.text(max_size=12),
        )
        def rule_1_check(self, guess, password):
            self.apply(
                "check(password, guess)",
                lambda target: target.check(password, guess),
                guess=guess,
                password=password,
                compare=True,
            )

        @rule(
            password=st.text(min_size=1, max_size=12),
            suffix=st.sampled_from([" ", "\x00", "a", "é"]),
        )
        def rule_2_check_near_miss(self, password, suffix):
            self.apply(
                "check_near_miss(password, suffix)",
                lambda target: target.check_near_miss(password, suffix),
                password=password,
                suffix=suffix,
                compare=True,
            )

    run_model_machine(Machine, examples=40, steps=8)
