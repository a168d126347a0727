# Generated from specs/retry/spec.yaml by `kata generate`; do not edit.
# spec-sha256: fa940ddaae0319157d34b41722b1ddbac8a105eecb208b8e486fa6f96da3f28d
"""Conformance suite for the retry kata: one test per behaviour of its spec.

Run it with `kata check retry` or `pytest generated/retry --impl PATH`.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

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


class Halt(BaseException):
    """Not an `Exception`: stands for KeyboardInterrupt or SystemExit."""


def failures(count, kind=ConnectionError):
    """Fresh exceptions "failure 1" .. "failure <count>" of one type."""
    return [kind(f"failure {n}") for n in range(1, count + 1)]


class Flaky:
    """A function that raises the given exceptions, one per call, in order, then returns `result`.

    It counts its calls, keeps the arguments of each and, given a `log`, appends
    ("attempt", n) to it on call n.
    """

    def __init__(self, raises, result="done", log=None):
        self.raises = list(raises)
        self.result = result
        self.calls = 0
        self.received = []
        self.log = log

    def __call__(self, *args, **kwargs):
        self.calls += 1
        self.received.append((args, kwargs))
        if self.log is not None:
            self.log.append(("attempt", self.calls))
        if self.raises:
            raise self.raises.pop(0)
        return self.result


class Sleeps:
    """An injected sleep that records each wait and never waits.

    Given a `log`, it appends ("sleep", seconds) to it too. `positive` is the waits
    above 0 (whether a wait of 0 calls sleep at all is not specified).
    """

    def __init__(self, log=None):
        self.waits = []
        self.log = log

    def __call__(self, seconds):
        self.waits.append(seconds)
        if self.log is not None:
            self.log.append(("sleep", seconds))

    @property
    def positive(self):
        return [w for w in self.waits if w > 0]


class ScriptedRng:
    """An injected rng returning the given values in turn, then the last one again."""

    def __init__(self, *values):
        self.values = list(values)
        self.draws = 0

    def __call__(self):
        value = self.values[min(self.draws, len(self.values) - 1)]
        self.draws += 1
        return value


class FixedRng:
    """An injected rng returning `value`, which the test may change between calls."""

    def __init__(self, value):
        self.value = value

    def __call__(self):
        return self.value


def planned(policy, limit=12):
    """The first `limit` waits of `policy.delays()`, as a list (so an endless plan shows, not hangs)."""
    return list(itertools.islice(policy.delays(), limit))


def caught(func, *args, **kwargs):
    """What `func(*args, **kwargs)` raised, or None when it returned."""
    try:
        func(*args, **kwargs)
    except BaseException as exc:  # Halt too
        return exc
    return None


SCRIPT = {"c": ConnectionError, "t": TimeoutError, "k": KeyError}


class PolicyHarness:
    """A RetryPolicy on a recording sleep and a constant rng.

    `run(script)` calls a function that fails once per letter of `script` ("c"
    ConnectionError, "t" TimeoutError, both retried; "k" KeyError, not retried) and then
    returns, and reports what came out, how many attempts were made and the waits above 0.
    """

    def __init__(
        self, policy_cls, error_cls, max_attempts, base_delay, multiplier, max_delay, jitter, draw
    ):
        self.error_cls = error_cls
        self.sleeps = Sleeps()
        self.policy = policy_cls(
            max_attempts=max_attempts,
            base_delay=base_delay,
            multiplier=multiplier,
            max_delay=max_delay,
            jitter=jitter,
            retry_on=(ConnectionError, TimeoutError),
            sleep=self.sleeps,
            rng=lambda: draw,
        )

    def delays(self):
        return planned(self.policy)

    def run(self, script):
        func = Flaky(
            [SCRIPT[c](f"failure {n}") for n, c in enumerate(script, 1)], result=len(script)
        )
        before = len(self.sleeps.waits)
        try:
            outcome = ("returned", self.policy.call(func))
        except self.error_cls as error:
            cause = error.__cause__ is error.last_exception
            outcome = ("gave up", error.attempts, str(error.last_exception), cause)
        except KeyError as error:
            outcome = ("propagated", str(error))
        return outcome, func.calls, [w for w in self.sleeps.waits[before:] if w > 0]


pytestmark = pytest.mark.kata(
    "retry",
    classes=["RetryError", "RetryPolicy"],
    exceptions=[],
    functions=["retry"],
)


@pytest.mark.behaviour("2eb257b4-ccd0-47d6-9dd8-e6795ddd3861", "scenario")
@pytest.mark.timeout(10.0)
def test_returns_the_result_without_waiting_when_the_first_attempt_succeeds(solution):
    """A call that works must cost one call and no wait, with its arguments passed through untouched."""
    RetryPolicy = solution.RetryPolicy
    with step(1, "sleeps = Sleeps()"):
        sleeps = Sleeps()
    with step(2, "policy = RetryPolicy(sleep=sleeps)"):
        policy = RetryPolicy(sleep=sleeps)
    with step(3, 'func = Flaky([], result={"id": 7})'):
        func = Flaky([], result={"id": 7})
    with step(4, "policy.call(func, 1, 2, key='k')"):
        expect_equal(policy.call(func, 1, 2, key="k"), {"id": 7})
    with step(5, "func.calls"):
        expect_equal(func.calls, 1)
    with step(6, "func.received"):
        expect_equal(func.received, [((1, 2), {"key": "k"})])
    with step(7, "sleeps.waits"):
        expect_equal(sleeps.waits, [])


@pytest.mark.behaviour("6937c15d-d8c5-450a-80d6-8253a152a384", "scenario")
@pytest.mark.timeout(10.0)
def test_retries_failures_until_an_attempt_succeeds(solution):
    """Retrying is the point; a call that fails twice and then works returns the third attempt's result, after waits 1 and 2."""
    RetryPolicy = solution.RetryPolicy
    with step(1, "sleeps = Sleeps()"):
        sleeps = Sleeps()
    with step(2, "policy = RetryPolicy(max_attempts=4, base_delay=0.5, sleep=sleeps)"):
        policy = RetryPolicy(max_attempts=4, base_delay=0.5, sleep=sleeps)
    with step(3, 'func = Flaky(failures(2), result="ok")'):
        func = Flaky(failures(2), result="ok")
    with step(4, "policy.call(func, 'x')"):
        expect_equal(policy.call(func, "x"), "ok")
    with step(5, "func.calls"):
        expect_equal(func.calls, 3)
    with step(6, "func.received"):
        expect_equal(func.received, [(("x",), {})] * 3)
    with step(7, "sleeps.waits"):
        expect_equal(sleeps.waits, [0.5, 1.0])


@pytest.mark.behaviour("7b2d7c1b-3a1c-436a-b6d9-f7c3b068622a", "scenario")
@pytest.mark.timeout(10.0)
def test_attempts_and_waits_alternate_with_no_wait_before_the_first_or_after_the_last(solution):
    """Wait n belongs between attempt n and attempt n + 1: a wait before the first attempt delays every call, and a wait after the last failure delays the error for nothing."""
    RetryPolicy = solution.RetryPolicy
    with step(1, "log = []"):
        log = []
    with step(
        2, "policy = RetryPolicy(max_attempts=3, base_delay=0.25, multiplier=4, sleep=Sleeps(log))"
    ):
        policy = RetryPolicy(max_attempts=3, base_delay=0.25, multiplier=4, sleep=Sleeps(log))
    with step(3, "caught(policy.call, Flaky(failures(5), log=log))"):
        caught(policy.call, Flaky(failures(5), log=log))
    with step(4, "log"):
        expect_equal(
            log, [("attempt", 1), ("sleep", 0.25), ("attempt", 2), ("sleep", 1.0), ("attempt", 3)]
        )
    with step(5, "log.clear()"):
        log.clear()
    with step(6, "policy.call(Flaky(failures(1), result='second', log=log))"):
        expect_equal(policy.call(Flaky(failures(1), result="second", log=log)), "second")
    with step(7, "log"):
        expect_equal(log, [("attempt", 1), ("sleep", 0.25), ("attempt", 2)])


@pytest.mark.behaviour("a55cb2d1-22b0-426a-a82f-fefcd5a64e4f", "scenario")
@pytest.mark.timeout(10.0)
def test_gives_up_after_max_attempts_with_a_retry_error_from_the_last_exception(solution):
    """After the last attempt the caller needs one error that says how many attempts were made and what finally went wrong, chained with `from` so the traceback shows it."""
    RetryError = solution.RetryError
    RetryPolicy = solution.RetryPolicy
    with step(1, "func = Flaky(failures(5))"):
        func = Flaky(failures(5))
    with step(2, "error = caught(RetryPolicy(max_attempts=3, sleep=Sleeps()).call, func)"):
        error = caught(RetryPolicy(max_attempts=3, sleep=Sleeps()).call, func)
    with step(3, "isinstance(error, RetryError)"):
        expect_is(isinstance(error, RetryError), True)
    with step(4, "issubclass(RetryError, Exception)"):
        expect_is(issubclass(RetryError, Exception), True)
    with step(5, "error.attempts"):
        expect_equal(error.attempts, 3)
    with step(6, "type(error.last_exception) is ConnectionError"):
        expect_is(type(error.last_exception) is ConnectionError, True)
    with step(7, "str(error.last_exception)"):
        expect_equal(str(error.last_exception), "failure 3")
    with step(8, "error.__cause__ is error.last_exception"):
        expect_is(error.__cause__ is error.last_exception, True)
    with step(9, "func.calls"):
        expect_equal(func.calls, 3)


@pytest.mark.behaviour("988fa124-157c-455d-a163-f9c72b04eb11", "scenario")
@pytest.mark.timeout(10.0)
def test_planned_waits_follow_the_capped_exponential_formula(solution):
    """Wait n is exactly `min(max_delay, base_delay * multiplier ** (n - 1))`, for n = 1 to `max_attempts - 1`: the first wait is `base_delay`, each one grows by `multiplier`, none exceeds `max_delay`."""
    RetryPolicy = solution.RetryPolicy
    with step(1, "planned(RetryPolicy())"):
        expect_equal(planned(RetryPolicy()), [0.1, 0.2])
    with step(2, "planned(RetryPolicy(max_attempts=6, base_delay=0.5, multiplier=2, max_delay=5))"):
        expect_equal(
            planned(RetryPolicy(max_attempts=6, base_delay=0.5, multiplier=2, max_delay=5)),
            [0.5, 1.0, 2.0, 4.0, 5.0],
        )
    with step(
        3, "planned(RetryPolicy(max_attempts=5, base_delay=0.25, multiplier=3, max_delay=6))"
    ):
        expect_equal(
            planned(RetryPolicy(max_attempts=5, base_delay=0.25, multiplier=3, max_delay=6)),
            [0.25, 0.75, 2.25, 6.0],
        )
    with step(4, "planned(RetryPolicy(max_attempts=4, base_delay=1.5, multiplier=1))"):
        expect_equal(
            planned(RetryPolicy(max_attempts=4, base_delay=1.5, multiplier=1)), [1.5, 1.5, 1.5]
        )
    with step(5, "planned(RetryPolicy(max_attempts=3, base_delay=20, max_delay=8))"):
        expect_equal(planned(RetryPolicy(max_attempts=3, base_delay=20, max_delay=8)), [8.0, 8.0])


@pytest.mark.behaviour("e9448e5a-01d1-4e83-b681-fa0e4c897081", "scenario")
@pytest.mark.timeout(10.0)
def test_a_call_sleeps_exactly_the_planned_waits(solution):
    """What `call` sleeps and what `delays()` plans must be the same numbers, wait 1 first."""
    RetryPolicy = solution.RetryPolicy
    with step(1, "sleeps = Sleeps()"):
        sleeps = Sleeps()
    with step(
        2,
        "policy = RetryPolicy(max_attempts=6, base_delay=0.5, multiplier=2, max_delay=5, sleep=sleeps)",
    ):
        policy = RetryPolicy(
            max_attempts=6, base_delay=0.5, multiplier=2, max_delay=5, sleep=sleeps
        )
    with step(3, "caught(policy.call, Flaky(failures(9)))"):
        caught(policy.call, Flaky(failures(9)))
    with step(4, "sleeps.waits"):
        expect_equal(sleeps.waits, [0.5, 1.0, 2.0, 4.0, 5.0])
    with step(5, "sleeps.waits == planned(policy)"):
        expect_is(sleeps.waits == planned(policy), True)


@pytest.mark.behaviour("091e5cd1-c98a-4eaf-a142-5084d101d8db", "scenario")
@pytest.mark.timeout(10.0)
def test_full_jitter_scales_each_capped_wait_by_its_own_rng_draw(solution):
    """Full jitter is `capped wait * rng()`, a fresh draw per wait from the injected rng; equal jitter, jitter before the cap or one draw for every wait spread clients less and are not what was asked."""
    RetryPolicy = solution.RetryPolicy
    with step(1, "sleeps = Sleeps()"):
        sleeps = Sleeps()
    with step(2, "rng = ScriptedRng(0.5, 0.25, 0.75, 0.125)"):
        rng = ScriptedRng(0.5, 0.25, 0.75, 0.125)
    with step(
        3,
        "policy = RetryPolicy(max_attempts=5, base_delay=1, multiplier=2, max_delay=3, jitter=True, sleep=sleeps, rng=rng)",
    ):
        policy = RetryPolicy(
            max_attempts=5,
            base_delay=1,
            multiplier=2,
            max_delay=3,
            jitter=True,
            sleep=sleeps,
            rng=rng,
        )
    with step(4, "caught(policy.call, Flaky(failures(5)))"):
        caught(policy.call, Flaky(failures(5)))
    with step(5, "sleeps.waits"):
        expect_equal(sleeps.waits, [0.5, 0.5, 2.25, 0.375])


@pytest.mark.behaviour("b3c09612-ba7b-4246-807c-e139d89e8fc6", "scenario")
@pytest.mark.timeout(10.0)
def test_delays_draws_from_the_rng_when_jitter_is_on(solution):
    """`delays()` yields the planned waits of a jittered policy, so it draws from the rng too, one fresh draw per wait."""
    RetryPolicy = solution.RetryPolicy
    with step(1, "rng = ScriptedRng(0.5, 0.25, 0.75)"):
        rng = ScriptedRng(0.5, 0.25, 0.75)
    with step(
        2, "policy = RetryPolicy(max_attempts=4, base_delay=2, max_delay=4, jitter=True, rng=rng)"
    ):
        policy = RetryPolicy(max_attempts=4, base_delay=2, max_delay=4, jitter=True, rng=rng)
    with step(3, "planned(policy)"):
        expect_equal(planned(policy), [1.0, 1.0, 3.0])
    with step(4, "planned(policy)"):
        expect_equal(planned(policy), [1.5, 3.0, 3.0])
    with step(
        5, "planned(RetryPolicy(max_attempts=3, base_delay=2, jitter=True, rng=FixedRng(0.0)))"
    ):
        expect_equal(
            planned(RetryPolicy(max_attempts=3, base_delay=2, jitter=True, rng=FixedRng(0.0))),
            [0.0, 0.0],
        )


@pytest.mark.behaviour("1bca4c0e-7d21-4be7-bfa7-b67d50f9ea2c", "scenario")
@pytest.mark.timeout(10.0)
def test_jitter_draws_afresh_for_every_call_and_every_plan(solution):
    """A jittered plan fixed when the policy was built makes every call wait the same "random" times; each call and each `delays()` must draw again."""
    RetryPolicy = solution.RetryPolicy
    with step(1, "sleeps = Sleeps()"):
        sleeps = Sleeps()
    with step(2, "rng = FixedRng(0.5)"):
        rng = FixedRng(0.5)
    with step(
        3, "policy = RetryPolicy(max_attempts=3, base_delay=1, jitter=True, sleep=sleeps, rng=rng)"
    ):
        policy = RetryPolicy(max_attempts=3, base_delay=1, jitter=True, sleep=sleeps, rng=rng)
    with step(4, "caught(policy.call, Flaky(failures(3)))"):
        caught(policy.call, Flaky(failures(3)))
    with step(5, "sleeps.waits"):
        expect_equal(sleeps.waits, [0.5, 1.0])
    with step(6, "rng.value = 0.25"):
        rng.value = 0.25
    with step(7, "caught(policy.call, Flaky(failures(3)))"):
        caught(policy.call, Flaky(failures(3)))
    with step(8, "sleeps.waits"):
        expect_equal(sleeps.waits, [0.5, 1.0, 0.25, 0.5])
    with step(9, "rng.value = 0.75"):
        rng.value = 0.75
    with step(10, "planned(policy)"):
        expect_equal(planned(policy), [0.75, 1.5])


@pytest.mark.behaviour("823a8257-c112-47b7-a136-8e9b155ed9c0", "scenario")
@pytest.mark.timeout(10.0)
def test_exceptions_outside_retry_on_propagate_at_once_unwrapped(solution):
    """A `KeyError` or a validation error fails the same way every time; retrying it delays the answer and wrapping it hides it from callers that catch it. A `BaseException` like KeyboardInterrupt is outside the default `(Exception,)`."""
    RetryPolicy = solution.RetryPolicy
    with step(1, "sleeps = Sleeps()"):
        sleeps = Sleeps()
    with step(2, "policy = RetryPolicy(retry_on=(ConnectionError,), sleep=sleeps)"):
        policy = RetryPolicy(retry_on=(ConnectionError,), sleep=sleeps)
    with step(3, 'func = Flaky([KeyError("missing")])'):
        func = Flaky([KeyError("missing")])
    with step(4, "error = caught(policy.call, func)"):
        error = caught(policy.call, func)
    with step(5, "type(error) is KeyError"):
        expect_is(type(error) is KeyError, True)
    with step(6, "func.calls"):
        expect_equal(func.calls, 1)
    with step(7, "sleeps.waits"):
        expect_equal(sleeps.waits, [])
    with step(8, 'func = Flaky([ConnectionError("failure 1"), ValueError("bad input")])'):
        func = Flaky([ConnectionError("failure 1"), ValueError("bad input")])
    with step(9, "error = caught(policy.call, func)"):
        error = caught(policy.call, func)
    with step(10, "type(error) is ValueError and str(error) == 'bad input'"):
        expect_is(type(error) is ValueError and str(error) == "bad input", True)
    with step(11, "func.calls"):
        expect_equal(func.calls, 2)
    with step(12, "sleeps.waits"):
        expect_equal(sleeps.waits, [0.1])
    with step(13, 'func = Flaky([Halt("stop")])'):
        func = Flaky([Halt("stop")])
    with step(14, "type(caught(RetryPolicy(sleep=sleeps).call, func)) is Halt"):
        expect_is(type(caught(RetryPolicy(sleep=sleeps).call, func)) is Halt, True)
    with step(15, "func.calls"):
        expect_equal(func.calls, 1)


@pytest.mark.behaviour("e50f991d-9218-4f61-97ad-c317016ac384", "scenario")
@pytest.mark.timeout(10.0)
def test_subclasses_of_the_retry_on_types_are_retried(solution):
    """`retry_on` names exception types the way `except` does: a `ConnectionError` is an `OSError`, and any of several listed types is retried."""
    RetryPolicy = solution.RetryPolicy
    with step(
        1, 'func = Flaky([ConnectionError("failure 1"), TimeoutError("failure 2")], result="ok")'
    ):
        func = Flaky([ConnectionError("failure 1"), TimeoutError("failure 2")], result="ok")
    with step(2, "RetryPolicy(retry_on=(OSError,), sleep=Sleeps()).call(func)"):
        expect_equal(RetryPolicy(retry_on=(OSError,), sleep=Sleeps()).call(func), "ok")
    with step(3, "func.calls"):
        expect_equal(func.calls, 3)
    with step(
        4,
        'func = Flaky([TimeoutError("failure 1"), ConnectionResetError("failure 2")], result="ok")',
    ):
        func = Flaky([TimeoutError("failure 1"), ConnectionResetError("failure 2")], result="ok")
    with step(
        5,
        "RetryPolicy(retry_on=(ValueError, TimeoutError, ConnectionError), sleep=Sleeps()).call(func)",
    ):
        expect_equal(
            RetryPolicy(retry_on=(ValueError, TimeoutError, ConnectionError), sleep=Sleeps()).call(
                func
            ),
            "ok",
        )
    with step(6, "func.calls"):
        expect_equal(func.calls, 3)


@pytest.mark.behaviour("3a04f0e6-6991-4973-a4d5-c24d103507e0", "scenario")
@pytest.mark.timeout(10.0)
def test_an_empty_retry_on_retries_nothing(solution):
    """`retry_on=()` is a value, not "not given": nothing is retried and the first exception propagates as it was."""
    RetryPolicy = solution.RetryPolicy
    with step(1, "sleeps = Sleeps()"):
        sleeps = Sleeps()
    with step(2, 'func = Flaky(failures(2), result="ok")'):
        func = Flaky(failures(2), result="ok")
    with step(3, "error = caught(RetryPolicy(retry_on=(), sleep=sleeps).call, func)"):
        error = caught(RetryPolicy(retry_on=(), sleep=sleeps).call, func)
    with step(4, "type(error) is ConnectionError and str(error) == 'failure 1'"):
        expect_is(type(error) is ConnectionError and str(error) == "failure 1", True)
    with step(5, "func.calls"):
        expect_equal(func.calls, 1)
    with step(6, "sleeps.waits"):
        expect_equal(sleeps.waits, [])


@pytest.mark.behaviour("4d0f74a3-f220-4f5f-bc3e-284654c4f9c3", "scenario")
@pytest.mark.timeout(10.0)
def test_a_zero_max_delay_or_base_delay_means_no_wait(solution):
    """`max_delay=0` caps every wait at 0 and `base_delay=0` starts (and stays) at 0; treating 0 as "not given" drops the cap or restores a default."""
    RetryPolicy = solution.RetryPolicy
    with step(1, "planned(RetryPolicy(base_delay=1, max_delay=0))"):
        expect_equal(planned(RetryPolicy(base_delay=1, max_delay=0)), [0.0, 0.0])
    with step(2, "planned(RetryPolicy(max_attempts=4, base_delay=0))"):
        expect_equal(planned(RetryPolicy(max_attempts=4, base_delay=0)), [0.0, 0.0, 0.0])
    with step(3, "sleeps = Sleeps()"):
        sleeps = Sleeps()
    with step(4, 'func = Flaky(failures(2), result="ok")'):
        func = Flaky(failures(2), result="ok")
    with step(5, "RetryPolicy(base_delay=2, max_delay=0, sleep=sleeps).call(func)"):
        expect_equal(RetryPolicy(base_delay=2, max_delay=0, sleep=sleeps).call(func), "ok")
    with step(6, "func.calls"):
        expect_equal(func.calls, 3)
    with step(7, "sleeps.positive"):
        expect_equal(sleeps.positive, [])


@pytest.mark.behaviour("29996f8a-f8e4-4d74-a827-c013670ed59f", "scenario")
@pytest.mark.timeout(10.0)
def test_a_falsy_result_is_a_success(solution):
    """`None`, `0`, `""`, `[]` and `False` are results like any other; only an exception is a failure."""
    RetryPolicy = solution.RetryPolicy
    with step(1, "sleeps = Sleeps()"):
        sleeps = Sleeps()
    with step(2, "policy = RetryPolicy(sleep=sleeps)"):
        policy = RetryPolicy(sleep=sleeps)
    with step(3, 'funcs = [Flaky([], result=value) for value in (None, 0, "", [], False)]'):
        funcs = [Flaky([], result=value) for value in (None, 0, "", [], False)]
    with step(4, "[policy.call(func) for func in funcs]"):
        expect_equal([policy.call(func) for func in funcs], [None, 0, "", [], False])
    with step(5, "[func.calls for func in funcs]"):
        expect_equal([func.calls for func in funcs], [1, 1, 1, 1, 1])
    with step(6, "sleeps.waits"):
        expect_equal(sleeps.waits, [])


@pytest.mark.behaviour("ff4127f0-cd9b-47e4-a32a-95dec3feae5e", "scenario")
@pytest.mark.timeout(10.0)
def test_a_single_attempt_policy_never_waits(solution):
    """`max_attempts=1` means one call and no retry: no wait is planned or slept, and a failure is a `RetryError` of 1 attempt."""
    RetryError = solution.RetryError
    RetryPolicy = solution.RetryPolicy
    with step(1, "sleeps = Sleeps()"):
        sleeps = Sleeps()
    with step(2, "policy = RetryPolicy(max_attempts=1, sleep=sleeps)"):
        policy = RetryPolicy(max_attempts=1, sleep=sleeps)
    with step(3, "planned(policy)"):
        expect_equal(planned(policy), [])
    with step(4, "func = Flaky(failures(2))"):
        func = Flaky(failures(2))
    with step(5, "error = caught(policy.call, func)"):
        error = caught(policy.call, func)
    with step(6, "isinstance(error, RetryError) and error.attempts == 1"):
        expect_is(isinstance(error, RetryError) and error.attempts == 1, True)
    with step(7, "func.calls"):
        expect_equal(func.calls, 1)
    with step(8, "sleeps.waits"):
        expect_equal(sleeps.waits, [])


@pytest.mark.behaviour("ebac7b7f-cb32-417f-bc82-81a25b871284", "scenario")
@pytest.mark.timeout(10.0)
def test_rejects_bad_arguments_when_the_policy_is_built(solution):
    """Zero attempts or a negative wait is a caller's mistake to report when the policy is built, naming the argument, not a policy that silently never calls or cannot sleep."""
    RetryPolicy = solution.RetryPolicy
    with step(1, "RetryPolicy(max_attempts=0)", raises=ValueError, match="max_attempts"):
        RetryPolicy(max_attempts=0)
    with step(2, "RetryPolicy(max_attempts=-2)", raises=ValueError, match="max_attempts"):
        RetryPolicy(max_attempts=-2)
    with step(3, "RetryPolicy(base_delay=-0.5)", raises=ValueError, match="base_delay"):
        RetryPolicy(base_delay=-0.5)
    with step(4, "RetryPolicy(max_delay=-1)", raises=ValueError, match="max_delay"):
        RetryPolicy(max_delay=-1)
    with step(5, "planned(RetryPolicy(max_attempts=2, base_delay=0, max_delay=0))"):
        expect_equal(planned(RetryPolicy(max_attempts=2, base_delay=0, max_delay=0)), [0.0])


@pytest.mark.behaviour("8f5437b1-14a6-4747-9e68-3af33a87b41b", "scenario")
@pytest.mark.timeout(10.0)
def test_the_retry_decorator_applies_the_same_rules(solution):
    """`@retry(...)` is the same policy in decorator form: arguments pass through, retryable errors are retried with its waits, others propagate unwrapped, exhaustion raises `RetryError`."""
    RetryError = solution.RetryError
    retry = solution.retry
    with step(1, "sleeps = Sleeps()"):
        sleeps = Sleeps()
    with step(2, 'flaky = Flaky([ConnectionError("failure 1")], result="fetched")'):
        flaky = Flaky([ConnectionError("failure 1")], result="fetched")
    with step(
        3,
        "fetch = retry(max_attempts=2, base_delay=0.5, retry_on=(ConnectionError,), sleep=sleeps)(flaky)",
    ):
        fetch = retry(max_attempts=2, base_delay=0.5, retry_on=(ConnectionError,), sleep=sleeps)(
            flaky
        )
    with step(4, "fetch('user', page=2)"):
        expect_equal(fetch("user", page=2), "fetched")
    with step(5, "flaky.received"):
        expect_equal(flaky.received, [(("user",), {"page": 2})] * 2)
    with step(6, "sleeps.waits"):
        expect_equal(sleeps.waits, [0.5])
    with step(7, 'flaky.raises = [ConnectionError("failure 2"), ConnectionError("failure 3")]'):
        flaky.raises = [ConnectionError("failure 2"), ConnectionError("failure 3")]
    with step(8, "error = caught(fetch)"):
        error = caught(fetch)
    with step(
        9,
        "isinstance(error, RetryError) and error.attempts == 2 and (str(error.last_exception) == 'failure 3')",
    ):
        expect_is(
            isinstance(error, RetryError)
            and error.attempts == 2
            and (str(error.last_exception) == "failure 3"),
            True,
        )
    with step(10, "sleeps.waits"):
        expect_equal(sleeps.waits, [0.5, 0.5])
    with step(11, 'flaky.raises = [KeyError("missing")]'):
        flaky.raises = [KeyError("missing")]
    with step(12, "type(caught(fetch)) is KeyError"):
        expect_is(type(caught(fetch)) is KeyError, True)
    with step(13, "flaky.calls"):
        expect_equal(flaky.calls, 5)


@pytest.mark.behaviour("8be9e1b3-89f2-4f99-b0d0-28a3dd61b75f", "scenario")
@pytest.mark.timeout(10.0)
def test_retry_rejects_a_bad_argument_when_it_is_called(solution):
    """A bad argument must fail at the `retry(...)` call that received it, at import time of the decorated module, not at the first call of the function in production."""
    retry = solution.retry
    with step(1, "retry(max_attempts=0)", raises=ValueError, match="max_attempts"):
        retry(max_attempts=0)
    with step(2, "retry(base_delay=-1)", raises=ValueError, match="base_delay"):
        retry(base_delay=-1)


@pytest.mark.behaviour("8c40f5f0-863d-40d6-903a-ae7c9e3a31a2", "scenario")
@pytest.mark.timeout(10.0)
def test_every_call_gets_the_full_budget_and_starts_again_at_wait_one(solution):
    """Per-call state kept on the policy makes the second call of a decorated function get fewer attempts or continue the first call's waits; every call starts afresh."""
    RetryPolicy = solution.RetryPolicy
    retry = solution.retry
    with step(1, "sleeps = Sleeps()"):
        sleeps = Sleeps()
    with step(2, "policy = RetryPolicy(max_attempts=3, base_delay=0.5, sleep=sleeps)"):
        policy = RetryPolicy(max_attempts=3, base_delay=0.5, sleep=sleeps)
    with step(3, "caught(policy.call, Flaky(failures(3))).attempts"):
        expect_equal(caught(policy.call, Flaky(failures(3))).attempts, 3)
    with step(4, 'second = Flaky(failures(2), result="ok")'):
        second = Flaky(failures(2), result="ok")
    with step(5, "policy.call(second)"):
        expect_equal(policy.call(second), "ok")
    with step(6, "second.calls"):
        expect_equal(second.calls, 3)
    with step(7, "sleeps.waits"):
        expect_equal(sleeps.waits, [0.5, 1.0, 0.5, 1.0])
    with step(8, "[planned(policy), planned(policy)]"):
        expect_equal([planned(policy), planned(policy)], [[0.5, 1.0], [0.5, 1.0]])
    with step(
        9,
        'fetch = retry(max_attempts=2, base_delay=0.25, sleep=sleeps)(Flaky(failures(3), result="ok"))',
    ):
        fetch = retry(max_attempts=2, base_delay=0.25, sleep=sleeps)(
            Flaky(failures(3), result="ok")
        )
    with step(10, "caught(fetch).attempts"):
        expect_equal(caught(fetch).attempts, 2)
    with step(11, "caught(fetch) is None"):
        expect_is(caught(fetch) is None, True)
    with step(12, "sleeps.waits[4:]"):
        expect_equal(sleeps.waits[4:], [0.25, 0.25])


@pytest.mark.behaviour("73b1e3bc-1011-411e-8dfe-203359fd6f99", "property")
@pytest.mark.timeout(60.0)
def test_a_policy_behaves_like_a_model_of_capped_exponential_backoff(solution):
    """Any policy (attempts 1 to 5, zero or positive delays, multipliers of 1 to 3, a cap of 0 to 10, jitter on or off) and any run of retryable and non-retryable failures must match an exact model in attempts, outcome and waits."""
    RetryError = solution.RetryError
    RetryPolicy = solution.RetryPolicy

    class PolicyModel:
        """Capped exponential backoff with full jitter, in exact fractions."""

        def __init__(self, max_attempts, base_delay, multiplier, max_delay, jitter, draw):
            self.max_attempts = max_attempts
            scale = Fraction(draw) if jitter else Fraction(1)
            self.waits = [
                float(
                    min(Fraction(max_delay), Fraction(base_delay) * Fraction(multiplier) ** (n - 1))
                    * scale
                )
                for n in range(1, max_attempts)
            ]

        def delays(self):
            return list(self.waits)

        def run(self, script):
            slept = []
            for attempt, letter in enumerate(script + "!", 1):
                if letter == "!":
                    return ("returned", len(script)), attempt, slept
                if letter == "k":
                    return ("propagated", str(KeyError(f"failure {attempt}"))), attempt, slept
                if attempt == self.max_attempts:
                    return ("gave up", attempt, f"failure {attempt}", True), attempt, slept
                if self.waits[attempt - 1] > 0:
                    slept.append(self.waits[attempt - 1])

    class Machine(ModelMachine):
        @initialize(
            base_delay=st.sampled_from([0, 0.25, 0.5, 1]),
            draw=st.sampled_from([0.0, 0.25, 0.5, 0.75]),
            jitter=st.booleans(),
            max_attempts=st.integers(1, 5),
            max_delay=st.sampled_from([0, 1, 2.5, 10]),
            multiplier=st.sampled_from([1, 1.5, 2, 3]),
        )
        def start(self, base_delay, draw, jitter, max_attempts, max_delay, multiplier):
            self.begin(
                lambda: PolicyHarness(
                    RetryPolicy,
                    RetryError,
                    max_attempts,
                    base_delay,
                    multiplier,
                    max_delay,
                    jitter,
                    draw,
                ),
                lambda: PolicyModel(max_attempts, base_delay, multiplier, max_delay, jitter, draw),
                "PolicyHarness(RetryPolicy, RetryError, max_attempts, base_delay, multiplier, max_delay, jitter, draw)",
                base_delay=base_delay,
                draw=draw,
                jitter=jitter,
                max_attempts=max_attempts,
                max_delay=max_delay,
                multiplier=multiplier,
            )

        @rule(script=st.text(alphabet="ctk", max_size=6))
        def rule_1_run(self, script):
            self.apply(
                "run(script)",
                lambda target: target.run(script),
                script=script,
                compare=True,
            )

        @rule()
        def rule_2_delays(self):
            self.apply(
                "delays()",
                lambda target: target.delays(),
                compare=True,
            )

    run_model_machine(Machine, examples=30, steps=6)
