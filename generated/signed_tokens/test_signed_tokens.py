# Generated from specs/signed_tokens/spec.yaml by `kata generate`; do not edit.
# spec-sha256: ce632abd07c95021292b5fb61954d9d61ccf95d6e6e3839a809ba747f92a643e
"""Conformance suite for the signed_tokens kata: one test per behaviour of its spec.

Run it with `kata check signed_tokens` or `pytest generated/signed_tokens --impl PATH`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time

import jwt
import pytest
from hypothesis import strategies as st
from jwt import InvalidSignatureError

from katakit.testing import (
    ModelMachine,
    expect_equal,
    expect_is,
    initialize,
    rule,
    run_model_machine,
    step,
)

# 64 bytes: long enough that PyJWT does not warn, even for HS512.
SECRET = hashlib.sha512(b"katakit signed_tokens secret").digest()
OTHER_SECRET = hashlib.sha512(b"somebody else's secret").digest()
BASE64URL = re.compile(r"[A-Za-z0-9_-]+")


class FakeClock:
    """A clock the test moves by hand: `clock.now = 12.5`, then `clock()` returns 12.5."""

    def __init__(self, now=0.0):
        self.now = now

    def __call__(self):
        return self.now


def b64url(data):
    """base64url without padding, as JWTs use it."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def segment(value):
    """The base64url segment of a JSON value (or of raw text, when given a str)."""
    text = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))
    return b64url(text.encode("utf-8"))


def unpad(text):
    """Decode a base64url segment the lenient way, for reading the suite's own tokens."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def parts(token):
    """The token's header and payload as dicts, and its signature segment."""
    header, payload, signature = token.split(".")
    return json.loads(unpad(header)), json.loads(unpad(payload)), signature


def hs256(signing_input, secret=SECRET):
    """The HS256 signature segment over `signing_input`."""
    return b64url(hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest())


def signed(header_segment, payload_segment, secret=SECRET):
    """A token made of these exact segments with a correct HS256 signature over them.

    Used to forge tokens the verifier must refuse for a reason other than the signature:
    the signature is right, whatever the header claims or the segments hold.
    """
    signing_input = f"{header_segment}.{payload_segment}"
    return f"{signing_input}.{hs256(signing_input, secret)}"


def forge(header, payload, secret=SECRET):
    """A correctly HS256-signed token with this header and payload (dicts or raw JSON text)."""
    return signed(segment(header), segment(payload), secret)


def raised(call):
    """The exception `call()` raises, or None."""
    try:
        call()
    except Exception as exc:
        return exc
    return None


def refusals(signer, tokens):
    """For each token: 'ok' if it verifies, 'invalid' or 'expired' by the error, or the
    name of any other exception (which a verifier must never raise)."""
    verdicts = []
    for token in tokens:
        error = raised(lambda token=token: signer.verify(token))
        kinds = {cls.__name__ for cls in type(error).__mro__}
        if error is None:
            verdicts.append("ok")
        elif "ExpiredTokenError" in kinds:
            verdicts.append("expired")
        elif "InvalidTokenError" in kinds:
            verdicts.append("invalid")
        else:
            verdicts.append(type(error).__name__)
    return verdicts


ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
CLAIMS = [
    {"sub": "ann"},
    {"sub": "bob", "role": "admin"},
    {"sub": "zoë", "scopes": ["a", "b"], "n": 1},
]


class SignerHarness:
    """A TokenSigner on a FakeClock; tokens are referred to by the order they were issued."""

    def __init__(self, signer_cls):
        self.clock = FakeClock(1_000_000)
        self.signer = signer_cls(SECRET, clock=self.clock)
        self.tokens = []

    def issue(self, claims_index, ttl):
        self.tokens.append(self.signer.issue(dict(CLAIMS[claims_index]), ttl))

    def advance(self, seconds):
        self.clock.now += seconds

    def verify(self, index):
        if not self.tokens:
            return None
        token = self.tokens[index % len(self.tokens)]
        verdict = refusals(self.signer, [token])[0]
        return self.signer.verify(token) if verdict == "ok" else verdict

    def verify_tampered(self, index, position, shift):
        """Verify the token with one character changed to another base64url character.

        Any character of the header or payload, or of the signature but its last one
        (whose unused low bits may legitimately be ignored), changes what is signed.
        """
        if not self.tokens:
            return None
        token = self.tokens[index % len(self.tokens)]
        candidates = [i for i, char in enumerate(token[:-1]) if char != "."]
        at = candidates[position % len(candidates)]
        replacement = ALPHABET[(ALPHABET.index(token[at]) + 1 + shift % 63) % 64]
        return refusals(self.signer, [token[:at] + replacement + token[at + 1 :]])[0]


pytestmark = pytest.mark.kata(
    "signed_tokens",
    classes=["TokenSigner"],
    exceptions=["InvalidTokenError", "ExpiredTokenError"],
    functions=[],
)


@pytest.mark.behaviour("85363977-1b9b-40e0-91b8-9f3d755e303c", "scenario")
@pytest.mark.timeout(10.0)
def test_issue_writes_a_compact_hs256_jwt_with_iat_and_exp(solution):
    """The token format is a contract with every library that reads it: three base64url segments without padding, header `alg` `HS256`, the claims plus `iat` = now and `exp` = now + ttl, and an HMAC-SHA256 signature over the first two segments."""
    TokenSigner = solution.TokenSigner
    with step(
        1,
        'signer = TokenSigner(SECRET, clock=FakeClock(1_000_000)) token = signer.issue({"sub": "ann", "role": "admin"}, 60)',
    ):
        signer = TokenSigner(SECRET, clock=FakeClock(1_000_000))
        token = signer.issue({"sub": "ann", "role": "admin"}, 60)
    with step(2, "token.count('.')"):
        expect_equal(token.count("."), 2)
    with step(3, "all((BASE64URL.fullmatch(part) for part in token.split('.')))"):
        expect_is(all(BASE64URL.fullmatch(part) for part in token.split(".")), True)
    with step(4, "parts(token)[0]['alg']"):
        expect_equal(parts(token)[0]["alg"], "HS256")
    with step(5, "parts(token)[1]"):
        expect_equal(
            parts(token)[1], {"sub": "ann", "role": "admin", "iat": 1000000, "exp": 1000060}
        )
    with step(6, "token.split('.')[2]"):
        expect_equal(token.split(".")[2], hs256(token.rsplit(".", 1)[0]))


@pytest.mark.behaviour("f871c3de-a763-4fd1-9e4d-6881ffd6b6c6", "scenario")
@pytest.mark.timeout(10.0)
def test_verify_returns_the_whole_payload(solution):
    """The caller needs every claim back exactly as issued, nested values and Unicode included, with `iat` and `exp`."""
    TokenSigner = solution.TokenSigner
    with step(1, "clock = FakeClock(1_000_000) signer = TokenSigner(SECRET, clock=clock)"):
        clock = FakeClock(1_000_000)
        signer = TokenSigner(SECRET, clock=clock)
    with step(2, "signer.verify(signer.issue({'sub': 'ann'}, 60))"):
        expect_equal(
            signer.verify(signer.issue({"sub": "ann"}, 60)),
            {"sub": "ann", "iat": 1000000, "exp": 1000060},
        )
    with step(
        3,
        'claims = {"name": "Zoë 🔑", "scopes": ["read", "write"], "meta": {"n": 1, "x": None, "ok": True}, "ratio": 0.5} token = signer.issue(claims, 3600) clock.now = 1_003_599',
    ):
        claims = {
            "name": "Zoë 🔑",
            "scopes": ["read", "write"],
            "meta": {"n": 1, "x": None, "ok": True},
            "ratio": 0.5,
        }
        token = signer.issue(claims, 3600)
        clock.now = 1_003_599
    with step(4, "signer.verify(token)"):
        expect_equal(signer.verify(token), {**claims, "iat": 1000000, "exp": 1003600})
    with step(5, "TokenSigner(SECRET, clock=clock).verify(token)"):
        expect_equal(
            TokenSigner(SECRET, clock=clock).verify(token),
            {**claims, "iat": 1000000, "exp": 1003600},
        )


@pytest.mark.behaviour("a922e1b2-2e65-4b01-b698-c1fe41973f73", "scenario")
@pytest.mark.timeout(10.0)
def test_issue_leaves_the_callers_claims_unchanged(solution):
    """Adding `iat` and `exp` to the caller's own dict changes it behind their back; a second token issued from it would carry stale times."""
    TokenSigner = solution.TokenSigner
    with step(
        1,
        'clock = FakeClock(1_000_000) signer = TokenSigner(SECRET, clock=clock) claims = {"sub": "ann", "scopes": ["read"]} first = signer.issue(claims, 60)',
    ):
        clock = FakeClock(1_000_000)
        signer = TokenSigner(SECRET, clock=clock)
        claims = {"sub": "ann", "scopes": ["read"]}
        first = signer.issue(claims, 60)
    with step(2, "claims"):
        expect_equal(claims, {"sub": "ann", "scopes": ["read"]})
    with step(3, "clock.now = 1_000_030 second = signer.issue(claims, 60)"):
        clock.now = 1_000_030
        second = signer.issue(claims, 60)
    with step(4, "parts(second)[1]"):
        expect_equal(
            parts(second)[1], {"sub": "ann", "scopes": ["read"], "iat": 1000030, "exp": 1000090}
        )


@pytest.mark.behaviour("596e0746-8d98-4ccb-bf14-d85befb7d093", "scenario")
@pytest.mark.timeout(10.0)
def test_pyjwt_verifies_the_tokens_you_issue(solution):
    """Interop, proven against the real library: a token you issue must pass PyJWT's `jwt.decode` with the same secret (signature, `exp` and `iat` checks on), and fail it with another secret."""
    TokenSigner = solution.TokenSigner
    with step(
        1,
        'signer = TokenSigner(SECRET, clock=FakeClock(float(int(time.time()) - 60))) token = signer.issue({"sub": "ann", "role": "admin"}, 3600) decoded = jwt.decode(token, SECRET, algorithms=["HS256"])',
    ):
        signer = TokenSigner(SECRET, clock=FakeClock(float(int(time.time()) - 60)))
        token = signer.issue({"sub": "ann", "role": "admin"}, 3600)
        decoded = jwt.decode(token, SECRET, algorithms=["HS256"])
    with step(2, "(decoded['sub'], decoded['role'], decoded['exp'] - decoded['iat'])"):
        expect_equal(
            (decoded["sub"], decoded["role"], decoded["exp"] - decoded["iat"]),
            ("ann", "admin", 3600),
        )
    with step(3, "jwt.get_unverified_header(token)['alg']"):
        expect_equal(jwt.get_unverified_header(token)["alg"], "HS256")
    with step(
        4, 'jwt.decode(token, OTHER_SECRET, algorithms=["HS256"])', raises=InvalidSignatureError
    ):
        jwt.decode(token, OTHER_SECRET, algorithms=["HS256"])
    with step(
        5,
        'old = TokenSigner(SECRET, clock=FakeClock(1_000_000)).issue({"sub": "ann", "n": [1, 2]}, 60)',
    ):
        old = TokenSigner(SECRET, clock=FakeClock(1_000_000)).issue({"sub": "ann", "n": [1, 2]}, 60)
    with step(6, "jwt.decode(old, SECRET, algorithms=['HS256'], options={'verify_exp': False})"):
        expect_equal(
            jwt.decode(old, SECRET, algorithms=["HS256"], options={"verify_exp": False}),
            {"sub": "ann", "n": [1, 2], "iat": 1000000, "exp": 1000060},
        )


@pytest.mark.behaviour("c4b65586-916b-4eba-9533-cdbe4858d01a", "scenario")
@pytest.mark.timeout(10.0)
def test_tokens_from_pyjwt_verify(solution):
    """Interop, proven against the real library: HS256 tokens PyJWT signs with the same secret verify, with extra header fields such as `kid`, without `typ`, and with a fractional `exp`."""
    TokenSigner = solution.TokenSigner
    with step(1, "signer = TokenSigner(SECRET, clock=FakeClock(1500))"):
        signer = TokenSigner(SECRET, clock=FakeClock(1500))
    with step(
        2,
        "signer.verify(jwt.encode({'sub': 'ann', 'iat': 1000, 'exp': 2000}, SECRET, algorithm='HS256'))",
    ):
        expect_equal(
            signer.verify(
                jwt.encode({"sub": "ann", "iat": 1000, "exp": 2000}, SECRET, algorithm="HS256")
            ),
            {"sub": "ann", "iat": 1000, "exp": 2000},
        )
    with step(
        3,
        "signer.verify(jwt.encode({'sub': 'bob', 'exp': 2000}, SECRET, algorithm='HS256', headers={'kid': 'key-1'}))",
    ):
        expect_equal(
            signer.verify(
                jwt.encode(
                    {"sub": "bob", "exp": 2000}, SECRET, algorithm="HS256", headers={"kid": "key-1"}
                )
            ),
            {"sub": "bob", "exp": 2000},
        )
    with step(
        4,
        "signer.verify(jwt.encode({'sub': 'zoë', 'exp': 1500.5}, SECRET, algorithm='HS256', headers={'typ': None}))",
    ):
        expect_equal(
            signer.verify(
                jwt.encode(
                    {"sub": "zoë", "exp": 1500.5}, SECRET, algorithm="HS256", headers={"typ": None}
                )
            ),
            {"sub": "zoë", "exp": 1500.5},
        )


@pytest.mark.behaviour("1e8aa9d9-0f78-4670-8e51-eba4aa23d1b6", "scenario")
@pytest.mark.timeout(10.0)
def test_rejects_alg_none(solution):
    """An `alg: none` token carries no signature at all; accepting it lets anyone mint any claims. It must be refused however it is spelled, even when a valid HS256 signature is attached."""
    TokenSigner = solution.TokenSigner
    with step(
        1,
        'signer = TokenSigner(SECRET, clock=FakeClock(1500)) claims = {"sub": "mallory", "role": "admin", "exp": 2000} unsigned = jwt.encode(claims, None, algorithm="none")',
    ):
        signer = TokenSigner(SECRET, clock=FakeClock(1500))
        claims = {"sub": "mallory", "role": "admin", "exp": 2000}
        unsigned = jwt.encode(claims, None, algorithm="none")
    with step(2, "unsigned.endswith('.')"):
        expect_is(unsigned.endswith("."), True)
    with step(3, "refusals(signer, [unsigned])"):
        expect_equal(refusals(signer, [unsigned]), ["invalid"])
    with step(
        4,
        "refusals(signer, [segment({'alg': alg}) + '.' + segment(claims) + '.' for alg in ('none', 'None', 'NONE')])",
    ):
        expect_equal(
            refusals(
                signer,
                [
                    segment({"alg": alg}) + "." + segment(claims) + "."
                    for alg in ("none", "None", "NONE")
                ],
            ),
            ["invalid", "invalid", "invalid"],
        )
    with step(
        5,
        "refusals(signer, [forge({'alg': alg, 'typ': 'JWT'}, claims) for alg in ('none', 'None', 'NONE')])",
    ):
        expect_equal(
            refusals(
                signer,
                [forge({"alg": alg, "typ": "JWT"}, claims) for alg in ("none", "None", "NONE")],
            ),
            ["invalid", "invalid", "invalid"],
        )
    with step(6, "refusals(signer, [forge({'alg': 'HS256', 'typ': 'JWT'}, claims)])"):
        expect_equal(refusals(signer, [forge({"alg": "HS256", "typ": "JWT"}, claims)]), ["ok"])


@pytest.mark.behaviour("cc215a83-20d6-4654-9d80-a1a2be10c7f0", "scenario")
@pytest.mark.timeout(10.0)
def test_rejects_any_alg_but_hs256(solution):
    """The verifier, not the token, chooses the algorithm: `HS512`, `HS384` and `RS256` headers (the classic algorithm-confusion forgeries), a lowercase `hs256`, or no `alg` at all are refused, even with a valid HS256 signature."""
    TokenSigner = solution.TokenSigner
    with step(
        1,
        'signer = TokenSigner(SECRET, clock=FakeClock(1500)) claims = {"sub": "mallory", "exp": 2000}',
    ):
        signer = TokenSigner(SECRET, clock=FakeClock(1500))
        claims = {"sub": "mallory", "exp": 2000}
    with step(
        2,
        "refusals(signer, [jwt.encode(claims, SECRET, algorithm='HS512'), jwt.encode(claims, SECRET, algorithm='HS384')])",
    ):
        expect_equal(
            refusals(
                signer,
                [
                    jwt.encode(claims, SECRET, algorithm="HS512"),
                    jwt.encode(claims, SECRET, algorithm="HS384"),
                ],
            ),
            ["invalid", "invalid"],
        )
    with step(
        3,
        "refusals(signer, [forge({'alg': alg, 'typ': 'JWT'}, claims) for alg in ('RS256', 'HS512', 'ES256', 'hs256', 'HS256 ')])",
    ):
        expect_equal(
            refusals(
                signer,
                [
                    forge({"alg": alg, "typ": "JWT"}, claims)
                    for alg in ("RS256", "HS512", "ES256", "hs256", "HS256 ")
                ],
            ),
            ["invalid", "invalid", "invalid", "invalid", "invalid"],
        )
    with step(
        4,
        "refusals(signer, [forge({'typ': 'JWT'}, claims), forge({'alg': None}, claims), forge({'alg': ['HS256']}, claims)])",
    ):
        expect_equal(
            refusals(
                signer,
                [
                    forge({"typ": "JWT"}, claims),
                    forge({"alg": None}, claims),
                    forge({"alg": ["HS256"]}, claims),
                ],
            ),
            ["invalid", "invalid", "invalid"],
        )


@pytest.mark.behaviour("f92c7c75-cec3-4b55-9a0c-a8d6e12c07c5", "scenario")
@pytest.mark.timeout(10.0)
def test_rejects_a_changed_header_payload_or_signature(solution):
    """The signature covers the header and payload exactly as encoded; any change to either, or to the signature, must be caught."""
    TokenSigner = solution.TokenSigner
    with step(
        1,
        'signer = TokenSigner(SECRET, clock=FakeClock(1_000_000)) token = signer.issue({"sub": "ann", "role": "user"}, 60) other = signer.issue({"sub": "bob", "role": "admin"}, 60) header, payload, signature = token.split(".") _, other_payload, other_signature = other.split(".") escalated = segment(dict(parts(token)[1], role="admin")) with_kid = segment(dict(parts(token)[0], kid="k2"))',
    ):
        signer = TokenSigner(SECRET, clock=FakeClock(1_000_000))
        token = signer.issue({"sub": "ann", "role": "user"}, 60)
        other = signer.issue({"sub": "bob", "role": "admin"}, 60)
        header, payload, signature = token.split(".")
        _, other_payload, other_signature = other.split(".")
        escalated = segment(dict(parts(token)[1], role="admin"))
        with_kid = segment(dict(parts(token)[0], kid="k2"))
    with step(2, "refusals(signer, [token])"):
        expect_equal(refusals(signer, [token]), ["ok"])
    with step(
        3,
        "refusals(signer, [f'{header}.{escalated}.{signature}', f'{with_kid}.{payload}.{signature}'])",
    ):
        expect_equal(
            refusals(
                signer, [f"{header}.{escalated}.{signature}", f"{with_kid}.{payload}.{signature}"]
            ),
            ["invalid", "invalid"],
        )
    with step(
        4,
        "refusals(signer, [f'{header}.{other_payload}.{signature}', f'{header}.{payload}.{other_signature}'])",
    ):
        expect_equal(
            refusals(
                signer,
                [f"{header}.{other_payload}.{signature}", f"{header}.{payload}.{other_signature}"],
            ),
            ["invalid", "invalid"],
        )
    with step(
        5,
        "refusals(signer, [f'{header}.{payload}.', f'{header}.{payload}.{signature[:-2]}', f'{header}.{payload}.{signature}AA'])",
    ):
        expect_equal(
            refusals(
                signer,
                [
                    f"{header}.{payload}.",
                    f"{header}.{payload}.{signature[:-2]}",
                    f"{header}.{payload}.{signature}AA",
                ],
            ),
            ["invalid", "invalid", "invalid"],
        )


@pytest.mark.behaviour("cc66747c-df44-40d1-9866-c8d6aeee492d", "scenario")
@pytest.mark.timeout(10.0)
def test_rejects_a_token_signed_with_another_secret(solution):
    """Only the holder of the secret can mint tokens; one signed with any other key, by another signer or by PyJWT, is a forgery."""
    TokenSigner = solution.TokenSigner
    with step(
        1,
        'clock = FakeClock(1500) signer = TokenSigner(SECRET, clock=clock) foreign = TokenSigner(OTHER_SECRET, clock=clock).issue({"sub": "ann"}, 60)',
    ):
        clock = FakeClock(1500)
        signer = TokenSigner(SECRET, clock=clock)
        foreign = TokenSigner(OTHER_SECRET, clock=clock).issue({"sub": "ann"}, 60)
    with step(2, "refusals(signer, [foreign])"):
        expect_equal(refusals(signer, [foreign]), ["invalid"])
    with step(
        3,
        "refusals(signer, [jwt.encode({'sub': 'ann', 'exp': 2000}, OTHER_SECRET, algorithm='HS256')])",
    ):
        expect_equal(
            refusals(
                signer, [jwt.encode({"sub": "ann", "exp": 2000}, OTHER_SECRET, algorithm="HS256")]
            ),
            ["invalid"],
        )
    with step(
        4, "refusals(TokenSigner(OTHER_SECRET, clock=clock), [signer.issue({'sub': 'ann'}, 60)])"
    ):
        expect_equal(
            refusals(TokenSigner(OTHER_SECRET, clock=clock), [signer.issue({"sub": "ann"}, 60)]),
            ["invalid"],
        )
    with step(
        5, "refusals(TokenSigner(SECRET[:-1], clock=clock), [signer.issue({'sub': 'ann'}, 60)])"
    ):
        expect_equal(
            refusals(TokenSigner(SECRET[:-1], clock=clock), [signer.issue({"sub": "ann"}, 60)]),
            ["invalid"],
        )


@pytest.mark.behaviour("447bff7b-149f-4011-ad9b-b8eed1d52038", "scenario")
@pytest.mark.timeout(10.0)
def test_a_token_expires_exactly_at_exp(solution):
    """The rule is `clock() >= exp`: the token is valid up to, but not at, its expiry instant, and the time comes from the injected clock."""
    InvalidTokenError = solution.InvalidTokenError
    ExpiredTokenError = solution.ExpiredTokenError
    TokenSigner = solution.TokenSigner
    with step(
        1,
        'clock = FakeClock(1_000_000) signer = TokenSigner(SECRET, clock=clock) token = signer.issue({"sub": "ann"}, 60) clock.now = 1_000_059.5',
    ):
        clock = FakeClock(1_000_000)
        signer = TokenSigner(SECRET, clock=clock)
        token = signer.issue({"sub": "ann"}, 60)
        clock.now = 1_000_059.5
    with step(2, "signer.verify(token)['sub']"):
        expect_equal(signer.verify(token)["sub"], "ann")
    with step(3, "clock.now = 1_000_060"):
        clock.now = 1_000_060
    with step(4, "signer.verify(token)", raises=ExpiredTokenError):
        signer.verify(token)
    with step(5, "clock.now = 9_000_000"):
        clock.now = 9_000_000
    with step(6, "signer.verify(token)", raises=ExpiredTokenError):
        signer.verify(token)
    with step(
        7,
        'clock.now = 2000 from_pyjwt = jwt.encode({"sub": "ann", "exp": 2000}, SECRET, algorithm="HS256")',
    ):
        clock.now = 2000
        from_pyjwt = jwt.encode({"sub": "ann", "exp": 2000}, SECRET, algorithm="HS256")
    with step(8, "signer.verify(from_pyjwt)", raises=ExpiredTokenError):
        signer.verify(from_pyjwt)
    with step(
        9,
        "issubclass(ExpiredTokenError, InvalidTokenError) and issubclass(InvalidTokenError, ValueError)",
    ):
        expect_is(
            issubclass(ExpiredTokenError, InvalidTokenError)
            and issubclass(InvalidTokenError, ValueError),
            True,
        )


@pytest.mark.behaviour("be904f51-ee9e-4f91-8fc6-1cdd2a3952bb", "scenario")
@pytest.mark.timeout(10.0)
def test_a_token_without_a_numeric_exp_is_invalid(solution):
    """A token without a usable `exp` would be valid forever. A missing `exp`, or one that is a string, `null`, a boolean, a list, or `NaN` / `Infinity` (which are not JSON, though Python's parser accepts them) makes the token invalid, even when correctly signed."""
    TokenSigner = solution.TokenSigner
    with step(
        1,
        'signer = TokenSigner(SECRET, clock=FakeClock(1500)) header = {"alg": "HS256", "typ": "JWT"}',
    ):
        signer = TokenSigner(SECRET, clock=FakeClock(1500))
        header = {"alg": "HS256", "typ": "JWT"}
    with step(
        2,
        "refusals(signer, [forge(header, {'sub': 'ann'}), forge(header, {'sub': 'ann', 'iat': 1000})])",
    ):
        expect_equal(
            refusals(
                signer, [forge(header, {"sub": "ann"}), forge(header, {"sub": "ann", "iat": 1000})]
            ),
            ["invalid", "invalid"],
        )
    with step(
        3,
        "refusals(signer, [forge(header, {'sub': 'ann', 'exp': value}) for value in ('2000', None, True, [2000], {'at': 2000})])",
    ):
        expect_equal(
            refusals(
                signer,
                [
                    forge(header, {"sub": "ann", "exp": value})
                    for value in ("2000", None, True, [2000], {"at": 2000})
                ],
            ),
            ["invalid", "invalid", "invalid", "invalid", "invalid"],
        )
    with step(
        4,
        'refusals(signer, [forge(header, text) for text in (\'{"sub":"ann","exp":NaN}\', \'{"sub":"ann","exp":Infinity}\', \'{"sub":"ann","exp":-Infinity}\')])',
    ):
        expect_equal(
            refusals(
                signer,
                [
                    forge(header, text)
                    for text in (
                        '{"sub":"ann","exp":NaN}',
                        '{"sub":"ann","exp":Infinity}',
                        '{"sub":"ann","exp":-Infinity}',
                    )
                ],
            ),
            ["invalid", "invalid", "invalid"],
        )
    with step(
        5,
        "refusals(signer, [forge(header, {'sub': 'ann', 'exp': 2000}), forge(header, {'sub': 'ann', 'exp': 1499.75})])",
    ):
        expect_equal(
            refusals(
                signer,
                [
                    forge(header, {"sub": "ann", "exp": 2000}),
                    forge(header, {"sub": "ann", "exp": 1499.75}),
                ],
            ),
            ["ok", "expired"],
        )


@pytest.mark.behaviour("9b2917cd-7136-4e58-a7af-a0cd93a2b24a", "scenario")
@pytest.mark.timeout(10.0)
def test_rejects_malformed_base64url_even_when_correctly_signed(solution):
    """`base64.urlsafe_b64decode` silently drops characters outside the alphabet, so a lenient verifier accepts altered tokens. A segment with `=` padding, standard-base64 `+` or `/`, whitespace or other stray characters is malformed, as is a header or payload that is not a UTF-8 JSON object."""
    TokenSigner = solution.TokenSigner
    with step(
        1,
        'signer = TokenSigner(SECRET, clock=FakeClock(1500)) good_header = segment({"alg": "HS256", "typ": "JWT"}) good_payload = segment({"sub": "ann", "exp": 2000}) token = signed(good_header, good_payload)',
    ):
        signer = TokenSigner(SECRET, clock=FakeClock(1500))
        good_header = segment({"alg": "HS256", "typ": "JWT"})
        good_payload = segment({"sub": "ann", "exp": 2000})
        token = signed(good_header, good_payload)
    with step(2, "refusals(signer, [token])"):
        expect_equal(refusals(signer, [token]), ["ok"])
    with step(
        3,
        "refusals(signer, [signed(good_header + junk, good_payload) for junk in ('!', '=', '==', ' ', '\\n', '*')])",
    ):
        expect_equal(
            refusals(
                signer,
                [
                    signed(good_header + junk, good_payload)
                    for junk in ("!", "=", "==", " ", "\n", "*")
                ],
            ),
            ["invalid", "invalid", "invalid", "invalid", "invalid", "invalid"],
        )
    with step(
        4,
        "refusals(signer, [signed(good_header, good_payload[:5] + junk + good_payload[5:]) for junk in ('!', '=', '+', '/', '.', '~')])",
    ):
        expect_equal(
            refusals(
                signer,
                [
                    signed(good_header, good_payload[:5] + junk + good_payload[5:])
                    for junk in ("!", "=", "+", "/", ".", "~")
                ],
            ),
            ["invalid", "invalid", "invalid", "invalid", "invalid", "invalid"],
        )
    with step(
        5,
        "refusals(signer, [token + '=', token + ' ', token + '\\n', token[:-3] + '!' + token[-3:]])",
    ):
        expect_equal(
            refusals(
                signer, [token + "=", token + " ", token + "\n", token[:-3] + "!" + token[-3:]]
            ),
            ["invalid", "invalid", "invalid", "invalid"],
        )
    with step(
        6,
        "refusals(signer, [signed(good_header, b64url(raw)) for raw in (b'not json', b'[1, 2]', b'\"ann\"', b'\\xff\\xfe{}', b'')])",
    ):
        expect_equal(
            refusals(
                signer,
                [
                    signed(good_header, b64url(raw))
                    for raw in (b"not json", b"[1, 2]", b'"ann"', b"\xff\xfe{}", b"")
                ],
            ),
            ["invalid", "invalid", "invalid", "invalid", "invalid"],
        )
    with step(
        7,
        "refusals(signer, [signed(segment('[\"HS256\"]'), good_payload), signed('', good_payload), signed(good_header[:-1], good_payload)])",
    ):
        expect_equal(
            refusals(
                signer,
                [
                    signed(segment('["HS256"]'), good_payload),
                    signed("", good_payload),
                    signed(good_header[:-1], good_payload),
                ],
            ),
            ["invalid", "invalid", "invalid"],
        )


@pytest.mark.behaviour("e8f44fb7-0f91-4c75-b1ac-78479292e853", "scenario")
@pytest.mark.timeout(10.0)
def test_rejects_a_wrong_number_of_segments(solution):
    """A JWS compact token has exactly three segments; two, four, five (an encrypted JWE) or an empty string are malformed, not something to guess at."""
    TokenSigner = solution.TokenSigner
    with step(
        1,
        'signer = TokenSigner(SECRET, clock=FakeClock(1_000_000)) token = signer.issue({"sub": "ann"}, 60)',
    ):
        signer = TokenSigner(SECRET, clock=FakeClock(1_000_000))
        token = signer.issue({"sub": "ann"}, 60)
    with step(
        2,
        "refusals(signer, ['', '.', '..', '...', 'abc', token.rsplit('.', 1)[0], token.split('.', 1)[1]])",
    ):
        expect_equal(
            refusals(
                signer,
                ["", ".", "..", "...", "abc", token.rsplit(".", 1)[0], token.split(".", 1)[1]],
            ),
            ["invalid", "invalid", "invalid", "invalid", "invalid", "invalid", "invalid"],
        )
    with step(
        3,
        "refusals(signer, [token + '.', token + '.AAAA', token + '.' + token, 'a.b.c.d.e', token.replace('.', '..', 1)])",
    ):
        expect_equal(
            refusals(
                signer,
                [
                    token + ".",
                    token + ".AAAA",
                    token + "." + token,
                    "a.b.c.d.e",
                    token.replace(".", "..", 1),
                ],
            ),
            ["invalid", "invalid", "invalid", "invalid", "invalid"],
        )


@pytest.mark.behaviour("e3bb0e4c-155c-4748-9b18-a23bcdd00ec4", "scenario")
@pytest.mark.timeout(10.0)
def test_a_forged_token_is_invalid_never_expired(solution):
    """Only an authentic token can be expired; a verifier that checks `exp` before the signature (or the header) calls a forgery "expired", telling the forger how far they got."""
    InvalidTokenError = solution.InvalidTokenError
    ExpiredTokenError = solution.ExpiredTokenError
    TokenSigner = solution.TokenSigner
    with step(
        1,
        'clock = FakeClock(1_000_000) signer = TokenSigner(SECRET, clock=clock) expired_claims = {"sub": "ann", "exp": 999_000}',
    ):
        clock = FakeClock(1_000_000)
        signer = TokenSigner(SECRET, clock=clock)
        expired_claims = {"sub": "ann", "exp": 999_000}
    with step(
        2,
        "refusals(signer, [forge({'alg': 'HS256'}, expired_claims), forge({'alg': 'HS256'}, expired_claims, OTHER_SECRET)])",
    ):
        expect_equal(
            refusals(
                signer,
                [
                    forge({"alg": "HS256"}, expired_claims),
                    forge({"alg": "HS256"}, expired_claims, OTHER_SECRET),
                ],
            ),
            ["expired", "invalid"],
        )
    with step(
        3,
        "refusals(signer, [forge({'alg': 'none'}, expired_claims), forge({'alg': 'HS512'}, expired_claims), segment({'alg': 'none'}) + '.' + segment(expired_claims) + '.'])",
    ):
        expect_equal(
            refusals(
                signer,
                [
                    forge({"alg": "none"}, expired_claims),
                    forge({"alg": "HS512"}, expired_claims),
                    segment({"alg": "none"}) + "." + segment(expired_claims) + ".",
                ],
            ),
            ["invalid", "invalid", "invalid"],
        )
    with step(
        4,
        'token = signer.issue({"sub": "ann"}, 60) header, payload, signature = token.split(".") renamed = segment(dict(parts(token)[1], sub="bob")) clock.now = 1_000_100',
    ):
        token = signer.issue({"sub": "ann"}, 60)
        header, payload, signature = token.split(".")
        renamed = segment(dict(parts(token)[1], sub="bob"))
        clock.now = 1_000_100
    with step(
        5,
        "refusals(signer, [token, f'{header}.{payload}.{signature[:-4]}', f'{header}.{renamed}.{signature}'])",
    ):
        expect_equal(
            refusals(
                signer,
                [token, f"{header}.{payload}.{signature[:-4]}", f"{header}.{renamed}.{signature}"],
            ),
            ["expired", "invalid", "invalid"],
        )
    with step(6, 'error = raised(lambda: signer.verify(f"{header}.{payload}.{signature[:-4]}"))'):
        error = raised(lambda: signer.verify(f"{header}.{payload}.{signature[:-4]}"))
    with step(
        7, "isinstance(error, InvalidTokenError) and (not isinstance(error, ExpiredTokenError))"
    ):
        expect_is(
            isinstance(error, InvalidTokenError) and (not isinstance(error, ExpiredTokenError)),
            True,
        )


@pytest.mark.behaviour("826485a7-9fec-4a5c-b932-54f74757aaa1", "scenario")
@pytest.mark.timeout(10.0)
def test_rejects_an_empty_secret_and_a_ttl_that_is_not_positive(solution):
    """An empty HMAC key makes every token forgeable, and a token that is dead on arrival is a caller's mistake; both must surface at the call, naming the argument."""
    TokenSigner = solution.TokenSigner
    with step(1, 'TokenSigner(b"")', raises=ValueError, match="secret"):
        TokenSigner(b"")
    with step(2, "signer = TokenSigner(SECRET, clock=FakeClock(1_000_000))"):
        signer = TokenSigner(SECRET, clock=FakeClock(1_000_000))
    with step(3, 'signer.issue({"sub": "ann"}, 0)', raises=ValueError, match="ttl_seconds"):
        signer.issue({"sub": "ann"}, 0)
    with step(4, 'signer.issue({"sub": "ann"}, -60)', raises=ValueError, match="ttl_seconds"):
        signer.issue({"sub": "ann"}, -60)
    with step(5, "signer.verify(signer.issue({'sub': 'ann'}, 1))['exp']"):
        expect_equal(signer.verify(signer.issue({"sub": "ann"}, 1))["exp"], 1000001)


@pytest.mark.behaviour("92c3887a-970e-4578-82e1-b5e9f71c529c", "scenario")
@pytest.mark.timeout(10.0)
def test_a_token_verifies_every_time_until_it_expires(solution):
    """A bearer token is presented with every request; verifying it must not use it up (it is not a one-time ticket), and equal claims issued twice at one instant are two valid tokens."""
    TokenSigner = solution.TokenSigner
    with step(
        1,
        'clock = FakeClock(1_000_000) signer = TokenSigner(SECRET, clock=clock) token = signer.issue({"sub": "ann"}, 60) twin = signer.issue({"sub": "ann"}, 60)',
    ):
        clock = FakeClock(1_000_000)
        signer = TokenSigner(SECRET, clock=clock)
        token = signer.issue({"sub": "ann"}, 60)
        twin = signer.issue({"sub": "ann"}, 60)
    with step(2, "[signer.verify(token)['sub'] for _ in range(3)]"):
        expect_equal([signer.verify(token)["sub"] for _ in range(3)], ["ann", "ann", "ann"])
    with step(3, "clock.now = 1_000_059"):
        clock.now = 1_000_059
    with step(
        4, "[signer.verify(token)['exp'], signer.verify(twin)['exp'], signer.verify(twin)['exp']]"
    ):
        expect_equal(
            [signer.verify(token)["exp"], signer.verify(twin)["exp"], signer.verify(twin)["exp"]],
            [1000060, 1000060, 1000060],
        )
    with step(5, "clock.now = 1_000_060"):
        clock.now = 1_000_060
    with step(6, "refusals(signer, [token, twin, token])"):
        expect_equal(refusals(signer, [token, twin, token]), ["expired", "expired", "expired"])


@pytest.mark.behaviour("2fe91ceb-7bed-4343-9133-3120ff7fc2e2", "scenario")
@pytest.mark.timeout(10.0)
def test_zero_and_empty_values_are_values(solution):
    """`exp: 0` is a time (long past: the token is expired, not invalid), a clock at 0 gives `iat: 0`, and `{}` is a set of claims; `if not exp:` treats them as missing."""
    TokenSigner = solution.TokenSigner
    with step(
        1,
        "clock = FakeClock(0) signer = TokenSigner(SECRET, clock=clock) token = signer.issue({}, 5)",
    ):
        clock = FakeClock(0)
        signer = TokenSigner(SECRET, clock=clock)
        token = signer.issue({}, 5)
    with step(2, "signer.verify(token)"):
        expect_equal(signer.verify(token), {"iat": 0, "exp": 5})
    with step(3, "clock.now = 1500"):
        clock.now = 1500
    with step(
        4,
        "refusals(signer, [forge({'alg': 'HS256'}, {'sub': 'ann', 'exp': 0}), forge({'alg': 'HS256'}, {'sub': 'ann', 'exp': 0.0}), token])",
    ):
        expect_equal(
            refusals(
                signer,
                [
                    forge({"alg": "HS256"}, {"sub": "ann", "exp": 0}),
                    forge({"alg": "HS256"}, {"sub": "ann", "exp": 0.0}),
                    token,
                ],
            ),
            ["expired", "expired", "expired"],
        )
    with step(5, "clock.now = -10"):
        clock.now = -10
    with step(6, "signer.verify(forge({'alg': 'HS256'}, {'sub': 'ann', 'exp': 0}))"):
        expect_equal(
            signer.verify(forge({"alg": "HS256"}, {"sub": "ann", "exp": 0})),
            {"sub": "ann", "exp": 0},
        )


@pytest.mark.behaviour("60ce00e4-2811-4088-b6ed-4d87840c23b5", "property")
@pytest.mark.timeout(60.0)
def test_tokens_behave_like_a_model_on_a_fake_clock(solution):
    """Any mix of issuing, clock steps, verifying and one-character tampering must match a model: a token verifies to its claims plus `iat` and `exp` until `clock() >= exp`, is then expired, and any tampered copy is invalid, never expired."""
    TokenSigner = solution.TokenSigner

    class TokenModel:
        def __init__(self):
            self.now = 1_000_000
            self.tokens = []

        def issue(self, claims_index, ttl):
            self.tokens.append({**CLAIMS[claims_index], "iat": self.now, "exp": self.now + ttl})

        def advance(self, seconds):
            self.now += seconds

        def verify(self, index):
            if not self.tokens:
                return None
            payload = self.tokens[index % len(self.tokens)]
            return "expired" if self.now >= payload["exp"] else payload

        def verify_tampered(self, index, position, shift):
            return "invalid" if self.tokens else None

    class Machine(ModelMachine):
        @initialize()
        def start(self):
            self.begin(
                lambda: SignerHarness(TokenSigner),
                lambda: TokenModel(),
                "SignerHarness(TokenSigner)",
            )

        @rule(claims_index=st.integers(0, 2), ttl=st.integers(1, 5))
        def rule_1_issue(self, claims_index, ttl):
            self.apply(
                "issue(claims_index, ttl)",
                lambda target: target.issue(claims_index, ttl),
                claims_index=claims_index,
                ttl=ttl,
                compare=True,
            )

        @rule(seconds=st.integers(0, 3))
        def rule_2_advance(self, seconds):
            self.apply(
                "advance(seconds)",
                lambda target: target.advance(seconds),
                seconds=seconds,
                compare=False,
            )

        @rule(index=st.integers(0, 10))
        def rule_3_verify(self, index):
            self.apply(
                "verify(index)",
                lambda target: target.verify(index),
                index=index,
                compare=True,
            )

        @rule(index=st.integers(0, 10), position=st.integers(0, 400), shift=st.integers(0, 62))
        def rule_4_verify_tampered(self, index, position, shift):
            self.apply(
                "verify_tampered(index, position, shift)",
                lambda target: target.verify_tampered(index, position, shift),
                index=index,
                position=position,
                shift=shift,
                compare=True,
            )

    run_model_machine(Machine, examples=60, steps=25)
