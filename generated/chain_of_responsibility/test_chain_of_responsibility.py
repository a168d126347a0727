# Generated from specs/chain_of_responsibility/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 88ec141e5146a1148791fc071a7ffd557bd605261d67cf2a9ce4fd6855922374
"""Conformance suite for the chain_of_responsibility kata: one test per behaviour of its spec.

Run it with `kata check chain_of_responsibility` or `pytest generated/chain_of_responsibility --impl PATH`.
"""

from __future__ import annotations

import hmac
import secrets
import sys
import types
from contextlib import contextmanager

import pytest
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

API_KEYS = ["alpha-key", "beta-key"]
TOKENS = ["t0k3n-one", "t0k3n-two"]
USERS = {"ann": "pw-ann", "bob": "pw-bob"}


@contextmanager
def recording_compare_digest(cls):
    """Replace compare_digest in hmac, secrets and the solution module with a recorder.

    Yields the list of calls; whichever of hmac.compare_digest and secrets.compare_digest
    the solution uses (and however it imported it), each call lands in the list.
    """
    original = hmac.compare_digest
    calls = []

    def recorder(a, b):
        calls.append((a, b))
        return original(a, b)

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


def make_spy(base):
    """A handler class (built on `base`) that counts its calls and always passes the request on."""

    class Spy(base):
        def __init__(self):
            super().__init__()
            self.calls = 0

        def handle(self, request):
            self.calls += 1
            return super().handle(request)

    return Spy


def build_chain(handlers, order):
    """Link handlers[i] for i in `order`, in that order; return the first."""
    chosen = [handlers[i] for i in order]
    for current, following in zip(chosen, chosen[1:]):
        current.set_next(following)
    return chosen[0]


FIELD_VALUES = [
    None,
    7,
    b"alpha-key",
    ["t0k3n-one"],
    "",
    "alpha-key",
    "beta-key",
    "t0k3n-one",
    "t0k3n-two",
    "ann",
    "bob",
    "pw-ann",
    "pw-bob",
    "carl",
]

pytestmark = pytest.mark.kata(
    "chain_of_responsibility",
    classes=["AuthenticationHandler", "APIKeyHandler", "TokenHandler", "BasicAuthHandler"],
    exceptions=[],
    functions=[],
)


@pytest.mark.behaviour("996c9c2b-ca10-458a-b0b7-4ae83e2ce577", "scenario")
@pytest.mark.timeout(10.0)
def test_set_next_returns_its_argument_so_calls_chain(solution):
    """`a.set_next(b).set_next(c)` must build a -> b -> c; returning self would silently drop b."""
    APIKeyHandler = solution.APIKeyHandler
    TokenHandler = solution.TokenHandler
    BasicAuthHandler = solution.BasicAuthHandler
    with step(
        1,
        'api = APIKeyHandler(["alpha-key"]) token = TokenHandler(["t0k3n-one"]) basic = BasicAuthHandler({"ann": "pw-ann"})',
    ):
        api = APIKeyHandler(["alpha-key"])
        token = TokenHandler(["t0k3n-one"])
        basic = BasicAuthHandler({"ann": "pw-ann"})
    with step(2, "api.set_next(token) is token"):
        expect_is(api.set_next(token) is token, True)
    with step(3, "token.set_next(basic) is basic"):
        expect_is(token.set_next(basic) is basic, True)
    with step(
        4,
        'head = APIKeyHandler(["alpha-key"]) head.set_next(TokenHandler(["t0k3n-one"])).set_next(BasicAuthHandler({"ann": "pw-ann"}))',
    ):
        head = APIKeyHandler(["alpha-key"])
        head.set_next(TokenHandler(["t0k3n-one"])).set_next(BasicAuthHandler({"ann": "pw-ann"}))
    with step(5, "head.handle({'token': 't0k3n-one'})"):
        expect_is(head.handle({"token": "t0k3n-one"}), True)
    with step(6, "head.handle({'username': 'ann', 'password': 'pw-ann'})"):
        expect_is(head.handle({"username": "ann", "password": "pw-ann"}), True)


@pytest.mark.behaviour("07f0c544-928e-4bad-949e-90e3aa406bca", "scenario")
@pytest.mark.timeout(10.0)
def test_api_key_handler_accepts_exactly_the_configured_keys(solution):
    """The handler is configured by its constructor; it must accept those keys and nothing else."""
    APIKeyHandler = solution.APIKeyHandler
    with step(1, 'handler = APIKeyHandler(["alpha-key", "beta-key"])'):
        handler = APIKeyHandler(["alpha-key", "beta-key"])
    with step(2, "handler.handle({'api_key': 'alpha-key'})"):
        expect_is(handler.handle({"api_key": "alpha-key"}), True)
    with step(3, "handler.handle({'api_key': 'beta-key'})"):
        expect_is(handler.handle({"api_key": "beta-key"}), True)
    with step(4, "handler.handle({'api_key': 'gamma-key'})"):
        expect_is(handler.handle({"api_key": "gamma-key"}), False)
    with step(5, "handler.handle({'api_key': 'alpha-ke'})"):
        expect_is(handler.handle({"api_key": "alpha-ke"}), False)
    with step(6, "handler.handle({'api_key': 'alpha-key '})"):
        expect_is(handler.handle({"api_key": "alpha-key "}), False)


@pytest.mark.behaviour("60477a06-6867-4af1-ac16-32f574fb5a92", "scenario")
@pytest.mark.timeout(10.0)
def test_token_handler_accepts_exactly_the_configured_tokens(solution):
    """The handler is configured by its constructor; it must accept those tokens and nothing else."""
    TokenHandler = solution.TokenHandler
    with step(1, 'handler = TokenHandler(["t0k3n-one", "t0k3n-two"])'):
        handler = TokenHandler(["t0k3n-one", "t0k3n-two"])
    with step(2, "handler.handle({'token': 't0k3n-one'})"):
        expect_is(handler.handle({"token": "t0k3n-one"}), True)
    with step(3, "handler.handle({'token': 't0k3n-two'})"):
        expect_is(handler.handle({"token": "t0k3n-two"}), True)
    with step(4, "handler.handle({'token': 't0k3n-three'})"):
        expect_is(handler.handle({"token": "t0k3n-three"}), False)
    with step(5, "handler.handle({'token': 'T0K3N-ONE'})"):
        expect_is(handler.handle({"token": "T0K3N-ONE"}), False)


@pytest.mark.behaviour("243ad9be-2e46-487e-a09c-67fa65de50ca", "scenario")
@pytest.mark.timeout(10.0)
def test_basic_auth_accepts_only_the_named_users_own_password(solution):
    """A password is only valid for its own user; another user's password, an unknown user or an empty password must be refused."""
    BasicAuthHandler = solution.BasicAuthHandler
    with step(1, 'handler = BasicAuthHandler({"ann": "pw-ann", "bob": "pw-bob"})'):
        handler = BasicAuthHandler({"ann": "pw-ann", "bob": "pw-bob"})
    with step(2, "handler.handle({'username': 'ann', 'password': 'pw-ann'})"):
        expect_is(handler.handle({"username": "ann", "password": "pw-ann"}), True)
    with step(3, "handler.handle({'username': 'bob', 'password': 'pw-bob'})"):
        expect_is(handler.handle({"username": "bob", "password": "pw-bob"}), True)
    with step(4, "handler.handle({'username': 'ann', 'password': 'pw-bob'})"):
        expect_is(handler.handle({"username": "ann", "password": "pw-bob"}), False)
    with step(5, "handler.handle({'username': 'carl', 'password': 'pw-ann'})"):
        expect_is(handler.handle({"username": "carl", "password": "pw-ann"}), False)
    with step(6, "handler.handle({'username': 'ann', 'password': ''})"):
        expect_is(handler.handle({"username": "ann", "password": ""}), False)
    with step(7, "handler.handle({'username': 'pw-ann', 'password': 'ann'})"):
        expect_is(handler.handle({"username": "pw-ann", "password": "ann"}), False)


@pytest.mark.behaviour("7ae0b676-a0ab-4dd5-8f33-eb152a8d20d8", "scenario")
@pytest.mark.timeout(10.0)
def test_credentials_come_from_each_handlers_own_constructor(solution):
    """Hard-coded or shared credentials make a handler impossible to configure; two handlers with different credentials must not mix them."""
    APIKeyHandler = solution.APIKeyHandler
    TokenHandler = solution.TokenHandler
    BasicAuthHandler = solution.BasicAuthHandler
    with step(1, 'first = APIKeyHandler(["only-first"]) second = APIKeyHandler(["only-second"])'):
        first = APIKeyHandler(["only-first"])
        second = APIKeyHandler(["only-second"])
    with step(2, "first.handle({'api_key': 'only-first'})"):
        expect_is(first.handle({"api_key": "only-first"}), True)
    with step(3, "first.handle({'api_key': 'only-second'})"):
        expect_is(first.handle({"api_key": "only-second"}), False)
    with step(4, "second.handle({'api_key': 'only-second'})"):
        expect_is(second.handle({"api_key": "only-second"}), True)
    with step(5, "second.handle({'api_key': 'only-first'})"):
        expect_is(second.handle({"api_key": "only-first"}), False)
    with step(
        6,
        'tokens_a = TokenHandler(["token-a"]) tokens_b = TokenHandler(["token-b"]) users_a = BasicAuthHandler({"ann": "secret-a"}) users_b = BasicAuthHandler({"ann": "secret-b"})',
    ):
        tokens_a = TokenHandler(["token-a"])
        tokens_b = TokenHandler(["token-b"])
        users_a = BasicAuthHandler({"ann": "secret-a"})
        users_b = BasicAuthHandler({"ann": "secret-b"})
    with step(7, "tokens_a.handle({'token': 'token-b'}) or tokens_b.handle({'token': 'token-a'})"):
        expect_is(
            tokens_a.handle({"token": "token-b"}) or tokens_b.handle({"token": "token-a"}), False
        )
    with step(
        8,
        "users_a.handle({'username': 'ann', 'password': 'secret-a'}) and users_b.handle({'username': 'ann', 'password': 'secret-b'})",
    ):
        expect_is(
            users_a.handle({"username": "ann", "password": "secret-a"})
            and users_b.handle({"username": "ann", "password": "secret-b"}),
            True,
        )
    with step(9, "users_a.handle({'username': 'ann', 'password': 'secret-b'})"):
        expect_is(users_a.handle({"username": "ann", "password": "secret-b"}), False)
    with step(10, "APIKeyHandler([]).handle({'api_key': ''})"):
        expect_is(APIKeyHandler([]).handle({"api_key": ""}), False)


@pytest.mark.behaviour("fc23ee7e-79a6-4e93-9254-1297767b0383", "scenario")
@pytest.mark.timeout(10.0)
def test_credentials_may_be_any_iterable_read_once(solution):
    """The constructor takes any iterable; a generator can only be read once, so the handler must keep its own copy."""
    APIKeyHandler = solution.APIKeyHandler
    TokenHandler = solution.TokenHandler
    BasicAuthHandler = solution.BasicAuthHandler
    with step(
        1,
        'api = APIKeyHandler(key for key in ["alpha-key", "beta-key"]) token = TokenHandler({"t0k3n-one"}) basic = BasicAuthHandler(types.MappingProxyType({"ann": "pw-ann"}))',
    ):
        api = APIKeyHandler(key for key in ["alpha-key", "beta-key"])
        token = TokenHandler({"t0k3n-one"})
        basic = BasicAuthHandler(types.MappingProxyType({"ann": "pw-ann"}))
    with step(2, "api.handle({'api_key': 'beta-key'})"):
        expect_is(api.handle({"api_key": "beta-key"}), True)
    with step(3, "api.handle({'api_key': 'alpha-key'})"):
        expect_is(api.handle({"api_key": "alpha-key"}), True)
    with step(4, "api.handle({'api_key': 'beta-key'})"):
        expect_is(api.handle({"api_key": "beta-key"}), True)
    with step(5, "token.handle({'token': 't0k3n-one'}) and token.handle({'token': 't0k3n-one'})"):
        expect_is(
            token.handle({"token": "t0k3n-one"}) and token.handle({"token": "t0k3n-one"}), True
        )
    with step(6, "basic.handle({'username': 'ann', 'password': 'pw-ann'})"):
        expect_is(basic.handle({"username": "ann", "password": "pw-ann"}), True)


@pytest.mark.behaviour("49251231-7af6-4d99-b0ae-c15053cbfaa3", "scenario")
@pytest.mark.timeout(10.0)
def test_the_end_of_the_chain_returns_false_not_none(solution):
    """A chain that runs out must say no explicitly: `None` is not `False` to a caller that checks `is False` or serialises the answer."""
    AuthenticationHandler = solution.AuthenticationHandler
    APIKeyHandler = solution.APIKeyHandler
    TokenHandler = solution.TokenHandler
    BasicAuthHandler = solution.BasicAuthHandler
    with step(1, "APIKeyHandler(['alpha-key']).handle({'api_key': 'wrong'})"):
        expect_is(APIKeyHandler(["alpha-key"]).handle({"api_key": "wrong"}), False)
    with step(2, "TokenHandler(['t0k3n-one']).handle({'token': 'wrong'})"):
        expect_is(TokenHandler(["t0k3n-one"]).handle({"token": "wrong"}), False)
    with step(
        3, "BasicAuthHandler({'ann': 'pw-ann'}).handle({'username': 'ann', 'password': 'wrong'})"
    ):
        expect_is(
            BasicAuthHandler({"ann": "pw-ann"}).handle({"username": "ann", "password": "wrong"}),
            False,
        )
    with step(
        4,
        'head = APIKeyHandler(["alpha-key"]) head.set_next(TokenHandler(["t0k3n-one"])).set_next(BasicAuthHandler({"ann": "pw-ann"}))',
    ):
        head = APIKeyHandler(["alpha-key"])
        head.set_next(TokenHandler(["t0k3n-one"])).set_next(BasicAuthHandler({"ann": "pw-ann"}))
    with step(
        5,
        "head.handle({'api_key': 'wrong', 'token': 'wrong', 'username': 'ann', 'password': 'wrong'})",
    ):
        expect_is(
            head.handle(
                {"api_key": "wrong", "token": "wrong", "username": "ann", "password": "wrong"}
            ),
            False,
        )
    with step(6, "Spy = make_spy(AuthenticationHandler) spy = Spy()"):
        Spy = make_spy(AuthenticationHandler)
        spy = Spy()
    with step(7, "spy.handle({})"):
        expect_is(spy.handle({}), False)


@pytest.mark.behaviour("71ea10ac-4351-45db-9899-0876460265e7", "scenario")
@pytest.mark.timeout(10.0)
def test_a_refused_request_falls_through_to_the_next_handler(solution):
    """Each handler only answers for its own kind of credential; a wrong key must not stop a valid token further down."""
    APIKeyHandler = solution.APIKeyHandler
    TokenHandler = solution.TokenHandler
    BasicAuthHandler = solution.BasicAuthHandler
    with step(
        1,
        'head = APIKeyHandler(["alpha-key"]) head.set_next(TokenHandler(["t0k3n-one"])).set_next(BasicAuthHandler({"ann": "pw-ann"}))',
    ):
        head = APIKeyHandler(["alpha-key"])
        head.set_next(TokenHandler(["t0k3n-one"])).set_next(BasicAuthHandler({"ann": "pw-ann"}))
    with step(2, "head.handle({'api_key': 'wrong', 'token': 't0k3n-one'})"):
        expect_is(head.handle({"api_key": "wrong", "token": "t0k3n-one"}), True)
    with step(
        3,
        "head.handle({'api_key': 'wrong', 'token': 'wrong', 'username': 'ann', 'password': 'pw-ann'})",
    ):
        expect_is(
            head.handle(
                {"api_key": "wrong", "token": "wrong", "username": "ann", "password": "pw-ann"}
            ),
            True,
        )
    with step(4, "head.handle({'api_key': 'alpha-key', 'token': 'wrong'})"):
        expect_is(head.handle({"api_key": "alpha-key", "token": "wrong"}), True)


@pytest.mark.behaviour("c27ee0f5-6e8c-4603-86d1-453c2f4d243a", "scenario")
@pytest.mark.timeout(10.0)
def test_a_missing_field_falls_through_without_raising(solution):
    """A request carries one kind of credential; the handlers for the others must pass it on, not raise KeyError."""
    APIKeyHandler = solution.APIKeyHandler
    TokenHandler = solution.TokenHandler
    BasicAuthHandler = solution.BasicAuthHandler
    with step(
        1,
        'head = APIKeyHandler(["alpha-key"]) head.set_next(TokenHandler(["t0k3n-one"])).set_next(BasicAuthHandler({"ann": "pw-ann"}))',
    ):
        head = APIKeyHandler(["alpha-key"])
        head.set_next(TokenHandler(["t0k3n-one"])).set_next(BasicAuthHandler({"ann": "pw-ann"}))
    with step(2, "head.handle({'token': 't0k3n-one'})"):
        expect_is(head.handle({"token": "t0k3n-one"}), True)
    with step(3, "head.handle({'username': 'ann', 'password': 'pw-ann'})"):
        expect_is(head.handle({"username": "ann", "password": "pw-ann"}), True)
    with step(4, "head.handle({})"):
        expect_is(head.handle({}), False)
    with step(5, "head.handle({'username': 'ann'})"):
        expect_is(head.handle({"username": "ann"}), False)
    with step(6, "head.handle({'password': 'pw-ann'})"):
        expect_is(head.handle({"password": "pw-ann"}), False)
    with step(7, "BasicAuthHandler({'ann': 'pw-ann'}).handle({'api_key': 'alpha-key'})"):
        expect_is(BasicAuthHandler({"ann": "pw-ann"}).handle({"api_key": "alpha-key"}), False)


@pytest.mark.behaviour("bb5c4747-9ff8-4343-8db0-78f107e33336", "scenario")
@pytest.mark.timeout(10.0)
def test_a_none_or_non_string_field_falls_through_without_raising(solution):
    """Requests are untrusted input: `None`, numbers, bytes, lists or dicts in a credential field are a no from that handler, never a crash."""
    APIKeyHandler = solution.APIKeyHandler
    TokenHandler = solution.TokenHandler
    BasicAuthHandler = solution.BasicAuthHandler
    with step(
        1,
        'api = APIKeyHandler(["alpha-key"]) api.set_next(TokenHandler(["t0k3n-one"])) basic = BasicAuthHandler({"ann": "pw-ann"}) basic.set_next(TokenHandler(["t0k3n-one"])) odd_values = [None, 7, 1.5, b"alpha-key", ["alpha-key"], {"alpha-key": 1}, ("ann",)]',
    ):
        api = APIKeyHandler(["alpha-key"])
        api.set_next(TokenHandler(["t0k3n-one"]))
        basic = BasicAuthHandler({"ann": "pw-ann"})
        basic.set_next(TokenHandler(["t0k3n-one"]))
        odd_values = [None, 7, 1.5, b"alpha-key", ["alpha-key"], {"alpha-key": 1}, ("ann",)]
    with step(2, "[api.handle({'api_key': value}) for value in odd_values]"):
        expect_equal(
            [api.handle({"api_key": value}) for value in odd_values], [False] * len(odd_values)
        )
    with step(3, "[api.handle({'api_key': value, 'token': 't0k3n-one'}) for value in odd_values]"):
        expect_equal(
            [api.handle({"api_key": value, "token": "t0k3n-one"}) for value in odd_values],
            [True] * len(odd_values),
        )
    with step(4, "[api.handle({'token': value}) for value in odd_values]"):
        expect_equal(
            [api.handle({"token": value}) for value in odd_values], [False] * len(odd_values)
        )
    with step(
        5, "[basic.handle({'username': value, 'password': 'pw-ann'}) for value in odd_values]"
    ):
        expect_equal(
            [basic.handle({"username": value, "password": "pw-ann"}) for value in odd_values],
            [False] * len(odd_values),
        )
    with step(6, "[basic.handle({'username': 'ann', 'password': value}) for value in odd_values]"):
        expect_equal(
            [basic.handle({"username": "ann", "password": value}) for value in odd_values],
            [False] * len(odd_values),
        )
    with step(
        7,
        "[basic.handle({'username': 'ann', 'password': value, 'token': 't0k3n-one'}) for value in odd_values]",
    ):
        expect_equal(
            [
                basic.handle({"username": "ann", "password": value, "token": "t0k3n-one"})
                for value in odd_values
            ],
            [True] * len(odd_values),
        )


@pytest.mark.behaviour("65b6ad80-a487-4518-a59d-7ab9762dc19d", "scenario")
@pytest.mark.timeout(10.0)
def test_a_request_may_be_any_read_only_mapping(solution):
    """`handle` takes a `Mapping`, not a `dict`; a read-only request must work and must not be modified."""
    APIKeyHandler = solution.APIKeyHandler
    TokenHandler = solution.TokenHandler
    BasicAuthHandler = solution.BasicAuthHandler
    with step(
        1,
        'head = APIKeyHandler(["alpha-key"]) head.set_next(TokenHandler(["t0k3n-one"])).set_next(BasicAuthHandler({"ann": "pw-ann"})) request = types.MappingProxyType({"username": "ann", "password": "pw-ann"})',
    ):
        head = APIKeyHandler(["alpha-key"])
        head.set_next(TokenHandler(["t0k3n-one"])).set_next(BasicAuthHandler({"ann": "pw-ann"}))
        request = types.MappingProxyType({"username": "ann", "password": "pw-ann"})
    with step(2, "head.handle(request)"):
        expect_is(head.handle(request), True)
    with step(3, "head.handle(types.MappingProxyType({'username': 'ann'}))"):
        expect_is(head.handle(types.MappingProxyType({"username": "ann"})), False)
    with step(4, "dict(request)"):
        expect_equal(dict(request), {"username": "ann", "password": "pw-ann"})


@pytest.mark.behaviour("ded30a6f-59a7-47ea-94f6-e0413b08253f", "scenario")
@pytest.mark.timeout(10.0)
def test_handle_stops_at_the_first_handler_that_accepts(solution):
    """Later handlers must not run once one accepted; they may be slow, log attempts or have side effects."""
    AuthenticationHandler = solution.AuthenticationHandler
    APIKeyHandler = solution.APIKeyHandler
    TokenHandler = solution.TokenHandler
    BasicAuthHandler = solution.BasicAuthHandler
    with step(
        1,
        'Spy = make_spy(AuthenticationHandler) before, after = Spy(), Spy() before.set_next(APIKeyHandler(["alpha-key"])).set_next(after)',
    ):
        Spy = make_spy(AuthenticationHandler)
        before, after = Spy(), Spy()
        before.set_next(APIKeyHandler(["alpha-key"])).set_next(after)
    with step(2, "before.handle({'api_key': 'alpha-key'})"):
        expect_is(before.handle({"api_key": "alpha-key"}), True)
    with step(3, "(before.calls, after.calls)"):
        expect_equal((before.calls, after.calls), (1, 0))
    with step(4, "before.handle({'api_key': 'wrong'})"):
        expect_is(before.handle({"api_key": "wrong"}), False)
    with step(5, "(before.calls, after.calls)"):
        expect_equal((before.calls, after.calls), (2, 1))
    with step(
        6,
        'last = Spy() token = TokenHandler(["t0k3n-one"]) token.set_next(BasicAuthHandler({"ann": "pw-ann"})).set_next(last)',
    ):
        last = Spy()
        token = TokenHandler(["t0k3n-one"])
        token.set_next(BasicAuthHandler({"ann": "pw-ann"})).set_next(last)
    with step(7, "token.handle({'token': 't0k3n-one', 'username': 'ann', 'password': 'pw-ann'})"):
        expect_is(
            token.handle({"token": "t0k3n-one", "username": "ann", "password": "pw-ann"}), True
        )
    with step(8, "last.calls"):
        expect_equal(last.calls, 0)
    with step(9, "token.handle({'token': 'wrong', 'username': 'ann', 'password': 'pw-ann'})"):
        expect_is(token.handle({"token": "wrong", "username": "ann", "password": "pw-ann"}), True)
    with step(10, "last.calls"):
        expect_equal(last.calls, 0)


@pytest.mark.behaviour("15764a61-b531-431b-8434-9f2f89cab19a", "scenario")
@pytest.mark.timeout(10.0)
def test_the_base_handler_is_abstract_and_its_handle_passes_the_request_on(solution):
    """`AuthenticationHandler` is only a link; a subclass that defers to `super().handle` must reach the next handler."""
    AuthenticationHandler = solution.AuthenticationHandler
    TokenHandler = solution.TokenHandler
    with step(1, "AuthenticationHandler()", raises=TypeError):
        AuthenticationHandler()
    with step(
        2,
        'Spy = make_spy(AuthenticationHandler) spy = Spy() spy.set_next(TokenHandler(["t0k3n-one"]))',
    ):
        Spy = make_spy(AuthenticationHandler)
        spy = Spy()
        spy.set_next(TokenHandler(["t0k3n-one"]))
    with step(3, "spy.handle({'token': 't0k3n-one'})"):
        expect_is(spy.handle({"token": "t0k3n-one"}), True)
    with step(4, "spy.handle({'token': 'wrong'})"):
        expect_is(spy.handle({"token": "wrong"}), False)
    with step(5, "isinstance(TokenHandler(['t0k3n-one']), AuthenticationHandler)"):
        expect_is(isinstance(TokenHandler(["t0k3n-one"]), AuthenticationHandler), True)


@pytest.mark.behaviour("d54f112e-f784-4c54-9b73-7a109b5629a0", "scenario")
@pytest.mark.timeout(10.0)
def test_non_ascii_secrets_work(solution):
    """Keys, tokens and passwords are Unicode; comparing them must not raise or fail for accented letters, Cyrillic or emoji."""
    APIKeyHandler = solution.APIKeyHandler
    TokenHandler = solution.TokenHandler
    BasicAuthHandler = solution.BasicAuthHandler
    with step(
        1,
        'api = APIKeyHandler(["clé-ключ-🔑"]) token = TokenHandler(["tökén-✓"]) basic = BasicAuthHandler({"józef": "pässwörd-🔒", "ann": "plain"})',
    ):
        api = APIKeyHandler(["clé-ключ-🔑"])
        token = TokenHandler(["tökén-✓"])
        basic = BasicAuthHandler({"józef": "pässwörd-🔒", "ann": "plain"})
    with step(2, "api.handle({'api_key': 'clé-ключ-🔑'})"):
        expect_is(api.handle({"api_key": "clé-ключ-🔑"}), True)
    with step(3, "api.handle({'api_key': 'cle-ключ-🔑'})"):
        expect_is(api.handle({"api_key": "cle-ключ-🔑"}), False)
    with step(4, "token.handle({'token': 'tökén-✓'})"):
        expect_is(token.handle({"token": "tökén-✓"}), True)
    with step(5, "token.handle({'token': 'tökén-✗'})"):
        expect_is(token.handle({"token": "tökén-✗"}), False)
    with step(6, "basic.handle({'username': 'józef', 'password': 'pässwörd-🔒'})"):
        expect_is(basic.handle({"username": "józef", "password": "pässwörd-🔒"}), True)
    with step(7, "basic.handle({'username': 'józef', 'password': 'passwörd-🔒'})"):
        expect_is(basic.handle({"username": "józef", "password": "passwörd-🔒"}), False)
    with step(8, "basic.handle({'username': 'ann', 'password': 'pläin'})"):
        expect_is(basic.handle({"username": "ann", "password": "pläin"}), False)


@pytest.mark.behaviour("1bde9e82-2d53-4824-acd1-76c1bc1e6b6f", "scenario")
@pytest.mark.timeout(10.0)
def test_secrets_are_compared_with_compare_digest(solution):
    """`==` and `in` stop at the first differing character, so response times leak how much of a guess was right; `hmac.compare_digest` (or `secrets.compare_digest`, the same function) does not. It must be used for a refused near-miss too, not only after a set lookup already matched."""
    APIKeyHandler = solution.APIKeyHandler
    TokenHandler = solution.TokenHandler
    BasicAuthHandler = solution.BasicAuthHandler
    with step(
        1,
        'api = APIKeyHandler(["alpha-key"]) token = TokenHandler(["t0k3n-one"]) basic = BasicAuthHandler({"ann": "pw-ann"})',
    ):
        api = APIKeyHandler(["alpha-key"])
        token = TokenHandler(["t0k3n-one"])
        basic = BasicAuthHandler({"ann": "pw-ann"})
    with step(
        2,
        'with recording_compare_digest(APIKeyHandler) as api_calls: api_answers = (api.handle({"api_key": "alpha-key"}), api.handle({"api_key": "alpha-kez"}))',
    ):
        with recording_compare_digest(APIKeyHandler) as api_calls:
            api_answers = (
                api.handle({"api_key": "alpha-key"}),
                api.handle({"api_key": "alpha-kez"}),
            )
    with step(3, "api_answers"):
        expect_equal(api_answers, (True, False))
    with step(4, "len(api_calls) >= 2"):
        expect_is(len(api_calls) >= 2, True)
    with step(
        5,
        'with recording_compare_digest(TokenHandler) as token_calls: token_answers = (token.handle({"token": "t0k3n-one"}), token.handle({"token": "t0k3n-onf"}))',
    ):
        with recording_compare_digest(TokenHandler) as token_calls:
            token_answers = (
                token.handle({"token": "t0k3n-one"}),
                token.handle({"token": "t0k3n-onf"}),
            )
    with step(6, "token_answers"):
        expect_equal(token_answers, (True, False))
    with step(7, "len(token_calls) >= 2"):
        expect_is(len(token_calls) >= 2, True)
    with step(
        8,
        'with recording_compare_digest(BasicAuthHandler) as basic_calls: basic_answers = ( basic.handle({"username": "ann", "password": "pw-ann"}), basic.handle({"username": "ann", "password": "pw-anm"}), )',
    ):
        with recording_compare_digest(BasicAuthHandler) as basic_calls:
            basic_answers = (
                basic.handle({"username": "ann", "password": "pw-ann"}),
                basic.handle({"username": "ann", "password": "pw-anm"}),
            )
    with step(9, "basic_answers"):
        expect_equal(basic_answers, (True, False))
    with step(10, "len(basic_calls) >= 2"):
        expect_is(len(basic_calls) >= 2, True)


@pytest.mark.behaviour("85a6a534-3faf-4d79-9293-8c3fad079e4c", "scenario")
@pytest.mark.timeout(10.0)
def test_usernames_and_secrets_match_exactly_without_normalisation(solution):
    """Credentials match exactly: "Ann" is not "ann", a padded or re-cased secret is a different secret, and a composed "é" is not the same bytes as "e" plus a combining accent."""
    APIKeyHandler = solution.APIKeyHandler
    TokenHandler = solution.TokenHandler
    BasicAuthHandler = solution.BasicAuthHandler
    with step(
        1,
        'basic = BasicAuthHandler({"ann": "pw-ann", "Bob": "Pw-Bob"}) api = APIKeyHandler(["cl\\u00e9"]) token = TokenHandler(["caf\\u00e9-token"])',
    ):
        basic = BasicAuthHandler({"ann": "pw-ann", "Bob": "Pw-Bob"})
        api = APIKeyHandler(["cl\u00e9"])
        token = TokenHandler(["caf\u00e9-token"])
    with step(
        2,
        "basic.handle({'username': 'ann', 'password': 'pw-ann'}) and basic.handle({'username': 'Bob', 'password': 'Pw-Bob'})",
    ):
        expect_is(
            basic.handle({"username": "ann", "password": "pw-ann"})
            and basic.handle({"username": "Bob", "password": "Pw-Bob"}),
            True,
        )
    with step(
        3,
        "[basic.handle({'username': name, 'password': 'pw-ann'}) for name in ['Ann', 'ANN', ' ann', 'ann ', 'аnn']]",
    ):
        expect_equal(
            [
                basic.handle({"username": name, "password": "pw-ann"})
                for name in ["Ann", "ANN", " ann", "ann ", "аnn"]
            ],
            [False] * 5,
        )
    with step(
        4,
        "[basic.handle({'username': 'Bob', 'password': pw}) for pw in ['pw-bob', 'PW-BOB', 'Pw-Bob ', 'Pw-Bob\\n']]",
    ):
        expect_equal(
            [
                basic.handle({"username": "Bob", "password": pw})
                for pw in ["pw-bob", "PW-BOB", "Pw-Bob ", "Pw-Bob\n"]
            ],
            [False] * 4,
        )
    with step(5, "basic.handle({'username': 'bob', 'password': 'Pw-Bob'})"):
        expect_is(basic.handle({"username": "bob", "password": "Pw-Bob"}), False)
    with step(6, "api.handle({'api_key': 'clé'})"):
        expect_is(api.handle({"api_key": "clé"}), True)
    with step(7, "api.handle({'api_key': 'clé'})"):
        expect_is(api.handle({"api_key": "clé"}), False)
    with step(8, "token.handle({'token': 'café-token'}) or token.handle({'token': 'CAFÉ-TOKEN'})"):
        expect_is(
            token.handle({"token": "café-token"}) or token.handle({"token": "CAFÉ-TOKEN"}), False
        )


@pytest.mark.behaviour("9611b798-37e3-487b-bec4-eb869701f275", "scenario")
@pytest.mark.timeout(10.0)
def test_an_empty_secret_is_a_value_not_a_missing_one(solution):
    """An empty string matches an empty string: a configured user whose password is "" (or a configured key "") must be accepted with exactly that, and only that."""
    APIKeyHandler = solution.APIKeyHandler
    BasicAuthHandler = solution.BasicAuthHandler
    with step(
        1,
        'basic = BasicAuthHandler({"guest": "", "ann": "pw-ann"}) api = APIKeyHandler(["", "alpha-key"])',
    ):
        basic = BasicAuthHandler({"guest": "", "ann": "pw-ann"})
        api = APIKeyHandler(["", "alpha-key"])
    with step(2, "basic.handle({'username': 'guest', 'password': ''})"):
        expect_is(basic.handle({"username": "guest", "password": ""}), True)
    with step(
        3,
        "basic.handle({'username': 'guest', 'password': ' '}) or basic.handle({'username': 'ann', 'password': ''})",
    ):
        expect_is(
            basic.handle({"username": "guest", "password": " "})
            or basic.handle({"username": "ann", "password": ""}),
            False,
        )
    with step(4, "api.handle({'api_key': ''})"):
        expect_is(api.handle({"api_key": ""}), True)
    with step(5, "APIKeyHandler(['alpha-key']).handle({'api_key': ''})"):
        expect_is(APIKeyHandler(["alpha-key"]).handle({"api_key": ""}), False)


@pytest.mark.behaviour("31d6c8c8-0686-4493-bdc2-24824d32dbfa", "property")
@pytest.mark.timeout(60.0)
def test_any_chain_accepts_exactly_when_some_handler_would(solution):
    """Whatever the order and length of the chain and whatever the request holds, the answer is True exactly when one handler's own check passes."""
    APIKeyHandler = solution.APIKeyHandler
    TokenHandler = solution.TokenHandler
    BasicAuthHandler = solution.BasicAuthHandler

    class ChainModel:
        def __init__(self, order):
            self.order = order

        def accepts(self, index, request):
            def text(field):
                value = request.get(field)
                return value if isinstance(value, str) else None

            if index == 0:
                return text("api_key") in API_KEYS
            if index == 1:
                return text("token") in TOKENS
            user = text("username")
            return user in USERS and text("password") == USERS[user]

        def handle(self, request):
            return any(self.accepts(index, request) for index in self.order)

    class Machine(ModelMachine):
        @initialize(
            order=st.permutations([0, 1, 2]).flatmap(
                lambda p: st.integers(1, 3).map(lambda n: p[:n])
            )
        )
        def start(self, order):
            self.begin(
                lambda: build_chain(
                    [APIKeyHandler(API_KEYS), TokenHandler(TOKENS), BasicAuthHandler(USERS)], order
                ),
                lambda: ChainModel(order),
                "build_chain([APIKeyHandler(API_KEYS), TokenHandler(TOKENS), BasicAuthHandler(USERS)], order)",
                order=order,
            )

        @rule(
            request=st.fixed_dictionaries(
                {},
                optional={
                    field: st.sampled_from(FIELD_VALUES)
                    for field in ["api_key", "token", "username", "password", "other"]
                },
            )
        )
        def rule_1_handle(self, request):
            self.apply(
                "handle(request)",
                lambda target: target.handle(request),
                request=request,
                compare=True,
            )

    run_model_machine(Machine, examples=60, steps=20)
