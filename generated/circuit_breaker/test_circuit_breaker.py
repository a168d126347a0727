# Generated from specs/circuit_breaker/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 907356a1d415b40e44e48fbfba9cf7c80e2776c9acafefb44b423f78ea0e4bed
"""Conformance suite for the circuit_breaker kata: one test per behaviour of its spec.

Run it with `kata check circuit_breaker` or `pytest generated/circuit_breaker --impl PATH`.
"""

from __future__ import annotations

import sys
import threading
from fractions import Fraction

import pytest
from hypothesis import strategies as st

from katakit.testing import (
    ModelMachine,
    expect_equal,
    expect_is,
    initialize,
    invariant,
    rule,
    run_model_machine,
    run_threads,
    step,
)


class FakeClock:
    """A clock the test moves by hand: `clock.now = 12.5`, then `clock()` returns 12.5."""

    def __init__(self, now=0.0):
        self.now = now

    def __call__(self):
        return self.now


class Boom(Exception):
    """An expected failure of the dependency."""


class Glitch(Exception):
    """An exception the breaker was not told to expect."""


class Downstream:
    """A fake dependency: counts every call that reaches it."""

    def __init__(self):
        self.calls = 0

    def succeed(self, value="ok"):
        self.calls += 1
        return value

    def fail(self):
        self.calls += 1
        raise Boom(f"downstream failure {self.calls}")

    def glitch(self):
        self.calls += 1
        raise Glitch(f"unexpected failure {self.calls}")

    def echo(self, *args, **kwargs):
        self.calls += 1
        return (args, kwargs)


def open_error(breaker):
    """The solution's CircuitOpenError, found through the breaker's own module."""
    return sys.modules[type(breaker).__module__].CircuitOpenError


def trip(breaker, downstream, times):
    """`times` expected failures through `breaker`. The failure that opens it may be
    raised as itself or as CircuitOpenError (not specified), so both are accepted."""
    for _ in range(times):
        try:
            breaker.call(downstream.fail)
        except (Boom, open_error(breaker)):
            pass


def refused(breaker, downstream):
    """True when a call is refused with CircuitOpenError and never reaches `downstream`."""
    before = downstream.calls
    try:
        breaker.call(downstream.succeed)
    except open_error(breaker):
        return downstream.calls == before
    return False


class Driver:
    """A CircuitBreaker expecting Boom, on a FakeClock that starts at 1000, with the steps
    the model mirrors. Each call step says what happened: refused, returned or raised."""

    def __init__(self, breaker_cls, threshold, timeout):
        self.clock = FakeClock(1000.0)
        self.downstream = Downstream()
        self.breaker = breaker_cls(threshold, timeout, (Boom,), clock=self.clock)

    def _through(self, func):
        before = self.downstream.calls
        try:
            value = self.breaker.call(func)
        except open_error(self.breaker):
            ran = self.downstream.calls != before
            if ran and func == self.downstream.fail and self.breaker.state == "open":
                return "raised Boom"  # the failure that opened it, raised as CircuitOpenError
            return "ran, then refused" if ran else "refused"
        except (Boom, Glitch) as exc:
            return f"raised {type(exc).__name__}"
        return f"returned {value}"

    def succeed(self):
        return self._through(self.downstream.succeed)

    def fail(self):
        return self._through(self.downstream.fail)

    def glitch(self):
        return self._through(self.downstream.glitch)

    def advance(self, seconds):
        self.clock.now += seconds

    def reset(self):
        self.breaker.reset()

    @property
    def state(self):
        return self.breaker.state


class TrialRace:
    """`callers` threads calling one half-open breaker at once.

    The service records each run and whether another run was in flight when it began.
    The first run (the trial) waits, up to 0.5 s of real time (a guard, not a clock),
    until every other caller has finished or another run overlaps it. A breaker that
    refuses the other callers lets the trial finish at once; one that makes them wait for
    the trial waits out the guard, and that is allowed too: only overlapping runs fail.
    """

    def __init__(self, breaker_cls, callers, fail):
        self.clock = FakeClock(500.0)
        self.breaker = breaker_cls(1, 10.0, (Boom,), clock=self.clock)
        trip(self.breaker, Downstream(), 1)
        self.clock.now = 510.0
        self.callers = callers
        self.fail = fail
        self.runs = self.in_flight = self.overlaps = self.finished = self.refused = 0
        self._changed = threading.Condition()

    def service(self):
        with self._changed:
            self.runs += 1
            if self.in_flight:
                self.overlaps += 1
            self.in_flight += 1
            self._changed.notify_all()
            if self.runs == 1:
                self._changed.wait_for(
                    lambda: self.overlaps or self.finished >= self.callers - 1, timeout=0.5
                )
            self.in_flight -= 1
        if self.fail:
            raise Boom("the trial failed")
        return "ok"

    def attempt(self):
        try:
            self.breaker.call(self.service)
        except open_error(self.breaker):
            with self._changed:
                self.refused += 1
        except Boom:
            pass
        finally:
            with self._changed:
                self.finished += 1
                self._changed.notify_all()


pytestmark = pytest.mark.kata(
    "circuit_breaker",
    classes=["CircuitBreaker"],
    exceptions=["CircuitOpenError"],
    functions=[],
)


@pytest.mark.behaviour("8b1b0076-da8a-49ae-9f02-a6f6b0c3f295", "scenario")
@pytest.mark.timeout(10.0)
def test_a_closed_breaker_passes_calls_and_their_arguments_through(solution):
    """A closed breaker is invisible: `func` gets every positional and keyword argument and the caller gets its result, falsy or not."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "downstream = Downstream()"):
        downstream = Downstream()
    with step(2, "breaker = CircuitBreaker(clock=FakeClock(5.0))"):
        breaker = CircuitBreaker(clock=FakeClock(5.0))
    with step(3, "breaker.state"):
        expect_equal(breaker.state, "closed")
    with step(4, "breaker.call(downstream.echo, 1, 'two', three=3)"):
        expect_equal(breaker.call(downstream.echo, 1, "two", three=3), ((1, "two"), {"three": 3}))
    with step(5, "breaker.call(downstream.succeed, 0)"):
        expect_equal(breaker.call(downstream.succeed, 0), 0)
    with step(6, "breaker.call(downstream.succeed, None)"):
        expect_is(breaker.call(downstream.succeed, None), None)
    with step(7, "downstream.calls"):
        expect_equal(downstream.calls, 3)
    with step(8, "breaker.state"):
        expect_equal(breaker.state, "closed")


@pytest.mark.behaviour("dd6384b7-2bac-41aa-a30c-bf57ff432215", "scenario")
@pytest.mark.timeout(10.0)
def test_an_expected_failure_reaches_the_caller_unchanged(solution):
    """Below the threshold the breaker only counts; the caller must still see the dependency's own exception, not a wrapper."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "downstream = Downstream()"):
        downstream = Downstream()
    with step(2, "breaker = CircuitBreaker(3, 10.0, (Boom,), clock=FakeClock(5.0))"):
        breaker = CircuitBreaker(3, 10.0, (Boom,), clock=FakeClock(5.0))
    with step(3, "breaker.call(downstream.fail)", raises=Boom, match="downstream failure 1"):
        breaker.call(downstream.fail)
    with step(4, "breaker.call(downstream.fail)", raises=Boom, match="downstream failure 2"):
        breaker.call(downstream.fail)
    with step(5, "breaker.state"):
        expect_equal(breaker.state, "closed")


@pytest.mark.behaviour("fc725e13-3bdf-4bfa-8899-7cee7e2177ea", "scenario")
@pytest.mark.timeout(10.0)
def test_it_opens_after_failure_threshold_consecutive_failures(solution):
    """`failure_threshold` consecutive expected failures open the breaker: not one fewer, not one more."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "downstream = Downstream()"):
        downstream = Downstream()
    with step(2, "breaker = CircuitBreaker(3, 10.0, clock=FakeClock(5.0))"):
        breaker = CircuitBreaker(3, 10.0, clock=FakeClock(5.0))
    with step(3, "trip(breaker, downstream, 2)"):
        trip(breaker, downstream, 2)
    with step(4, "breaker.state"):
        expect_equal(breaker.state, "closed")
    with step(5, "breaker.call(downstream.succeed, 'still through')"):
        expect_equal(breaker.call(downstream.succeed, "still through"), "still through")
    with step(6, "trip(breaker, downstream, 3)"):
        trip(breaker, downstream, 3)
    with step(7, "breaker.state"):
        expect_equal(breaker.state, "open")
    with step(8, "downstream.calls"):
        expect_equal(downstream.calls, 6)


@pytest.mark.behaviour("f6939f3a-19a7-4fa7-bb6b-27887fc4be44", "scenario")
@pytest.mark.timeout(10.0)
def test_an_open_breaker_refuses_calls_without_calling_func(solution):
    """The point of opening is to leave the dependency alone; a refused call raises CircuitOpenError, a RuntimeError, and never reaches `func`."""
    CircuitOpenError = solution.CircuitOpenError
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "issubclass(CircuitOpenError, RuntimeError)"):
        expect_is(issubclass(CircuitOpenError, RuntimeError), True)
    with step(2, "downstream = Downstream()"):
        downstream = Downstream()
    with step(3, "breaker = CircuitBreaker(1, 10.0, clock=FakeClock(5.0))"):
        breaker = CircuitBreaker(1, 10.0, clock=FakeClock(5.0))
    with step(4, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(5, "breaker.call(downstream.succeed)", raises=CircuitOpenError):
        breaker.call(downstream.succeed)
    with step(6, "breaker.call(downstream.fail)", raises=CircuitOpenError):
        breaker.call(downstream.fail)
    with step(7, "downstream.calls"):
        expect_equal(downstream.calls, 1)
    with step(8, "breaker.state"):
        expect_equal(breaker.state, "open")


@pytest.mark.behaviour("0c529c55-f112-4e93-981d-8a12f639bb7a", "scenario")
@pytest.mark.timeout(10.0)
def test_a_success_resets_the_failure_count(solution):
    """The threshold counts *consecutive* failures: a dependency that fails now and then but keeps succeeding in between must not be cut off."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "downstream = Downstream()"):
        downstream = Downstream()
    with step(2, "breaker = CircuitBreaker(3, 10.0, clock=FakeClock(5.0))"):
        breaker = CircuitBreaker(3, 10.0, clock=FakeClock(5.0))
    with step(3, "trip(breaker, downstream, 2)"):
        trip(breaker, downstream, 2)
    with step(4, "breaker.call(downstream.succeed)"):
        expect_equal(breaker.call(downstream.succeed), "ok")
    with step(5, "trip(breaker, downstream, 2)"):
        trip(breaker, downstream, 2)
    with step(6, "breaker.state"):
        expect_equal(breaker.state, "closed")
    with step(7, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(8, "breaker.state"):
        expect_equal(breaker.state, "open")


@pytest.mark.behaviour("fd01331b-1feb-4bf6-9c92-3288129a4c83", "scenario")
@pytest.mark.timeout(10.0)
def test_a_call_that_returns_a_falsy_value_is_still_a_success(solution):
    """`None`, `0` and `""` are results: they reset the count, and a trial that returns one closes the breaker."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "clock = FakeClock(100.0)"):
        clock = FakeClock(100.0)
    with step(2, "downstream = Downstream()"):
        downstream = Downstream()
    with step(3, "breaker = CircuitBreaker(2, 10.0, clock=clock)"):
        breaker = CircuitBreaker(2, 10.0, clock=clock)
    with step(4, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(5, "breaker.call(downstream.succeed, None)"):
        expect_is(breaker.call(downstream.succeed, None), None)
    with step(6, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(7, "breaker.state"):
        expect_equal(breaker.state, "closed")
    with step(8, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(9, "breaker.state"):
        expect_equal(breaker.state, "open")
    with step(10, "clock.now = 110.0"):
        clock.now = 110.0
    with step(11, "breaker.call(downstream.succeed, 0)"):
        expect_equal(breaker.call(downstream.succeed, 0), 0)
    with step(12, "breaker.state"):
        expect_equal(breaker.state, "closed")
    with step(13, "breaker.call(downstream.succeed, '')"):
        expect_equal(breaker.call(downstream.succeed, ""), "")


@pytest.mark.behaviour("e456a5c6-8458-4d80-9578-8c5c77dfa886", "scenario")
@pytest.mark.timeout(10.0)
def test_a_breaker_is_half_open_exactly_when_the_recovery_timeout_has_passed(solution):
    """`clock() - opened_at >= recovery_timeout` makes it `"half_open"` (that exact string), even before anyone calls; a moment earlier it is still open and refuses."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "clock = FakeClock(100.0)"):
        clock = FakeClock(100.0)
    with step(2, "downstream = Downstream()"):
        downstream = Downstream()
    with step(3, "breaker = CircuitBreaker(1, 30.0, clock=clock)"):
        breaker = CircuitBreaker(1, 30.0, clock=clock)
    with step(4, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(5, "clock.now = 129.75"):
        clock.now = 129.75
    with step(6, "breaker.state"):
        expect_equal(breaker.state, "open")
    with step(7, "refused(breaker, downstream)"):
        expect_is(refused(breaker, downstream), True)
    with step(8, "clock.now = 130.0"):
        clock.now = 130.0
    with step(9, "breaker.state"):
        expect_equal(breaker.state, "half_open")
    with step(10, "breaker.state"):
        expect_equal(breaker.state, "half_open")


@pytest.mark.behaviour("57323fa5-e328-4425-aa88-82b9244eeab1", "scenario")
@pytest.mark.timeout(10.0)
def test_a_successful_trial_closes_the_breaker_with_a_fresh_count(solution):
    """A half-open breaker lets one call through; its success closes the breaker, and from then on it takes a whole new run of failures to open it."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "clock = FakeClock(100.0)"):
        clock = FakeClock(100.0)
    with step(2, "downstream = Downstream()"):
        downstream = Downstream()
    with step(3, "breaker = CircuitBreaker(2, 30.0, clock=clock)"):
        breaker = CircuitBreaker(2, 30.0, clock=clock)
    with step(4, "trip(breaker, downstream, 2)"):
        trip(breaker, downstream, 2)
    with step(5, "clock.now = 130.0"):
        clock.now = 130.0
    with step(6, "breaker.call(downstream.succeed, 'trial')"):
        expect_equal(breaker.call(downstream.succeed, "trial"), "trial")
    with step(7, "breaker.state"):
        expect_equal(breaker.state, "closed")
    with step(8, "breaker.call(downstream.succeed, 'next')"):
        expect_equal(breaker.call(downstream.succeed, "next"), "next")
    with step(9, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(10, "breaker.state"):
        expect_equal(breaker.state, "closed")
    with step(11, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(12, "breaker.state"):
        expect_equal(breaker.state, "open")


@pytest.mark.behaviour("56c8579c-a611-4788-9a4a-f26c67237f18", "scenario")
@pytest.mark.timeout(10.0)
def test_a_failed_trial_opens_the_breaker_again_for_a_fresh_timeout(solution):
    """The trial's failure restarts the wait from the moment it failed; keeping the old timestamp makes the breaker half-open again at once."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "clock = FakeClock(100.0)"):
        clock = FakeClock(100.0)
    with step(2, "downstream = Downstream()"):
        downstream = Downstream()
    with step(3, "breaker = CircuitBreaker(1, 30.0, clock=clock)"):
        breaker = CircuitBreaker(1, 30.0, clock=clock)
    with step(4, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(5, "clock.now = 140.0"):
        clock.now = 140.0
    with step(6, "breaker.state"):
        expect_equal(breaker.state, "half_open")
    with step(7, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(8, "downstream.calls"):
        expect_equal(downstream.calls, 2)
    with step(9, "breaker.state"):
        expect_equal(breaker.state, "open")
    with step(10, "refused(breaker, downstream)"):
        expect_is(refused(breaker, downstream), True)
    with step(11, "clock.now = 169.75"):
        clock.now = 169.75
    with step(12, "breaker.state"):
        expect_equal(breaker.state, "open")
    with step(13, "clock.now = 170.0"):
        clock.now = 170.0
    with step(14, "breaker.state"):
        expect_equal(breaker.state, "half_open")


@pytest.mark.behaviour("5f3d778e-32a6-4171-8db0-3a8481a31e02", "scenario")
@pytest.mark.timeout(10.0)
def test_refused_calls_do_not_restart_the_timeout(solution):
    """Callers keep knocking while the breaker is open; if every refusal restarted the timeout, a busy breaker would stay open forever."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "clock = FakeClock(100.0)"):
        clock = FakeClock(100.0)
    with step(2, "downstream = Downstream()"):
        downstream = Downstream()
    with step(3, "breaker = CircuitBreaker(1, 30.0, clock=clock)"):
        breaker = CircuitBreaker(1, 30.0, clock=clock)
    with step(4, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(
        5,
        "answers = [] for now in (110.0, 120.0, 129.75): clock.now = now answers.append(refused(breaker, downstream))",
    ):
        answers = []
        for now in (110.0, 120.0, 129.75):
            clock.now = now
            answers.append(refused(breaker, downstream))
    with step(6, "answers"):
        expect_equal(answers, [True, True, True])
    with step(7, "clock.now = 130.0"):
        clock.now = 130.0
    with step(8, "breaker.state"):
        expect_equal(breaker.state, "half_open")


@pytest.mark.behaviour("ec2514c1-0823-4601-8159-29f80f22cb37", "scenario")
@pytest.mark.timeout(10.0)
def test_unexpected_exceptions_propagate_and_leave_the_count_unchanged(solution):
    """An exception outside `expected_exceptions` (a bug, not an outage) must reach the caller as itself and neither count as a failure nor reset the count."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "downstream = Downstream()"):
        downstream = Downstream()
    with step(2, "breaker = CircuitBreaker(3, 10.0, (Boom,), clock=FakeClock(5.0))"):
        breaker = CircuitBreaker(3, 10.0, (Boom,), clock=FakeClock(5.0))
    with step(3, "trip(breaker, downstream, 2)"):
        trip(breaker, downstream, 2)
    with step(4, "breaker.call(downstream.glitch)", raises=Glitch, match="unexpected failure 3"):
        breaker.call(downstream.glitch)
    with step(5, "breaker.call(downstream.glitch)", raises=Glitch):
        breaker.call(downstream.glitch)
    with step(6, "breaker.state"):
        expect_equal(breaker.state, "closed")
    with step(7, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(8, "breaker.state"):
        expect_equal(breaker.state, "open")


@pytest.mark.behaviour("1a81788a-b312-4c53-9194-a9d52df3d657", "scenario")
@pytest.mark.timeout(10.0)
def test_an_unexpected_exception_ends_the_trial_without_deciding_it(solution):
    """During the half-open trial an unexpected exception propagates and leaves the breaker half-open, so the next call is a new trial; it must neither reopen nor close the breaker, nor leave the trial marked as running."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "clock = FakeClock(100.0)"):
        clock = FakeClock(100.0)
    with step(2, "downstream = Downstream()"):
        downstream = Downstream()
    with step(3, "breaker = CircuitBreaker(1, 30.0, (Boom,), clock=clock)"):
        breaker = CircuitBreaker(1, 30.0, (Boom,), clock=clock)
    with step(4, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(5, "clock.now = 130.0"):
        clock.now = 130.0
    with step(6, "breaker.call(downstream.glitch)", raises=Glitch):
        breaker.call(downstream.glitch)
    with step(7, "breaker.state"):
        expect_equal(breaker.state, "half_open")
    with step(8, "breaker.call(downstream.succeed, 'second trial')"):
        expect_equal(breaker.call(downstream.succeed, "second trial"), "second trial")
    with step(9, "breaker.state"):
        expect_equal(breaker.state, "closed")
    with step(10, "downstream.calls"):
        expect_equal(downstream.calls, 3)


@pytest.mark.behaviour("79d5f7c3-7f33-4d80-9af3-22f520237d4e", "scenario")
@pytest.mark.timeout(10.0)
def test_subclasses_of_expected_exceptions_count_and_others_do_not(solution):
    """`expected_exceptions` works like an `except` clause: a `KeyError` is a `LookupError` and counts, a `ValueError` does not."""
    CircuitOpenError = solution.CircuitOpenError
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "breaker = CircuitBreaker(2, 10.0, (LookupError,), clock=FakeClock(5.0))"):
        breaker = CircuitBreaker(2, 10.0, (LookupError,), clock=FakeClock(5.0))
    with step(2, "breaker.call({}.__getitem__, 'missing')", raises=KeyError):
        breaker.call({}.__getitem__, "missing")
    with step(3, 'breaker.call(int, "not a number")', raises=ValueError):
        breaker.call(int, "not a number")
    with step(4, "breaker.state"):
        expect_equal(breaker.state, "closed")
    with step(5, "try: breaker.call([].pop) except (IndexError, CircuitOpenError): pass"):
        try:
            breaker.call([].pop)
        except (IndexError, CircuitOpenError):
            pass
    with step(6, "breaker.state"):
        expect_equal(breaker.state, "open")


@pytest.mark.behaviour("c31946c9-2fb5-4652-af38-4af49a4bd7c4", "scenario")
@pytest.mark.timeout(10.0)
def test_an_empty_expected_exceptions_counts_nothing(solution):
    """`expected_exceptions=()` is a value, not a missing argument: like `except ()`, it catches nothing, so no exception ever opens the breaker."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "downstream = Downstream()"):
        downstream = Downstream()
    with step(2, "breaker = CircuitBreaker(1, 10.0, (), clock=FakeClock(5.0))"):
        breaker = CircuitBreaker(1, 10.0, (), clock=FakeClock(5.0))
    with step(3, "breaker.call(downstream.fail)", raises=Boom):
        breaker.call(downstream.fail)
    with step(4, "breaker.call(downstream.fail)", raises=Boom):
        breaker.call(downstream.fail)
    with step(5, "breaker.state"):
        expect_equal(breaker.state, "closed")
    with step(6, "breaker.call(downstream.succeed)"):
        expect_equal(breaker.call(downstream.succeed), "ok")


@pytest.mark.behaviour("6ac6e5e0-75fe-4e82-b9db-91b00cf7fc00", "scenario")
@pytest.mark.timeout(10.0)
def test_a_recovery_timeout_of_zero_is_half_open_at_once(solution):
    """`recovery_timeout=0` is a value: `clock() - opened_at >= 0` holds the moment it opens, so the next call is already a trial."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "downstream = Downstream()"):
        downstream = Downstream()
    with step(2, "breaker = CircuitBreaker(1, 0, clock=FakeClock(5.0))"):
        breaker = CircuitBreaker(1, 0, clock=FakeClock(5.0))
    with step(3, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(4, "breaker.state"):
        expect_equal(breaker.state, "half_open")
    with step(5, "breaker.call(downstream.succeed, 'trial')"):
        expect_equal(breaker.call(downstream.succeed, "trial"), "trial")
    with step(6, "breaker.state"):
        expect_equal(breaker.state, "closed")


@pytest.mark.behaviour("7866c51b-bdc9-470b-a0bc-1c93c9ea13e1", "scenario")
@pytest.mark.timeout(10.0)
def test_a_clock_that_reads_zero_is_a_real_time(solution):
    """A clock may start at 0.0; a breaker opened then is opened at time zero, not "never opened", and recovers 30 seconds later."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "clock = FakeClock(0.0)"):
        clock = FakeClock(0.0)
    with step(2, "downstream = Downstream()"):
        downstream = Downstream()
    with step(3, "breaker = CircuitBreaker(1, 30.0, clock=clock)"):
        breaker = CircuitBreaker(1, 30.0, clock=clock)
    with step(4, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(5, "breaker.state"):
        expect_equal(breaker.state, "open")
    with step(6, "clock.now = 29.75"):
        clock.now = 29.75
    with step(7, "refused(breaker, downstream)"):
        expect_is(refused(breaker, downstream), True)
    with step(8, "clock.now = 30.0"):
        clock.now = 30.0
    with step(9, "breaker.state"):
        expect_equal(breaker.state, "half_open")
    with step(10, "breaker.call(downstream.succeed)"):
        expect_equal(breaker.call(downstream.succeed), "ok")
    with step(11, "breaker.state"):
        expect_equal(breaker.state, "closed")


@pytest.mark.behaviour("a2875e61-8f32-468d-905c-c3072bdbbe7a", "scenario")
@pytest.mark.timeout(10.0)
def test_the_timeout_runs_from_when_the_breaker_opened_not_from_when_it_was_made(solution):
    """Two breakers made at different times and opened together recover together; timing recovery from construction makes an old breaker half-open the moment it opens."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "clock = FakeClock(0.0)"):
        clock = FakeClock(0.0)
    with step(2, "downstream = Downstream()"):
        downstream = Downstream()
    with step(3, "old = CircuitBreaker(1, 30.0, clock=clock)"):
        old = CircuitBreaker(1, 30.0, clock=clock)
    with step(4, "clock.now = 50.0"):
        clock.now = 50.0
    with step(5, "young = CircuitBreaker(1, 30.0, clock=clock)"):
        young = CircuitBreaker(1, 30.0, clock=clock)
    with step(6, "clock.now = 100.0"):
        clock.now = 100.0
    with step(7, "trip(old, downstream, 1)"):
        trip(old, downstream, 1)
    with step(8, "trip(young, downstream, 1)"):
        trip(young, downstream, 1)
    with step(9, "clock.now = 110.0"):
        clock.now = 110.0
    with step(10, "[old.state, young.state]"):
        expect_equal([old.state, young.state], ["open", "open"])
    with step(11, "clock.now = 130.0"):
        clock.now = 130.0
    with step(12, "[old.state, young.state]"):
        expect_equal([old.state, young.state], ["half_open", "half_open"])


@pytest.mark.behaviour("538da704-6773-4ed3-a779-f33fdf2e27a9", "scenario")
@pytest.mark.timeout(10.0)
def test_a_breaker_opens_recovers_and_opens_again(solution):
    """Every opening starts its own timeout and every closing a new count; a breaker that remembers its first opening is half-open the moment it opens a second time."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "clock = FakeClock(100.0)"):
        clock = FakeClock(100.0)
    with step(2, "downstream = Downstream()"):
        downstream = Downstream()
    with step(3, "breaker = CircuitBreaker(2, 30.0, clock=clock)"):
        breaker = CircuitBreaker(2, 30.0, clock=clock)
    with step(4, "trip(breaker, downstream, 2)"):
        trip(breaker, downstream, 2)
    with step(5, "clock.now = 130.0"):
        clock.now = 130.0
    with step(6, "breaker.call(downstream.succeed)"):
        expect_equal(breaker.call(downstream.succeed), "ok")
    with step(7, "clock.now = 500.0"):
        clock.now = 500.0
    with step(8, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(9, "breaker.state"):
        expect_equal(breaker.state, "closed")
    with step(10, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(11, "breaker.state"):
        expect_equal(breaker.state, "open")
    with step(12, "clock.now = 529.75"):
        clock.now = 529.75
    with step(13, "refused(breaker, downstream)"):
        expect_is(refused(breaker, downstream), True)
    with step(14, "clock.now = 530.0"):
        clock.now = 530.0
    with step(15, "breaker.call(downstream.succeed)"):
        expect_equal(breaker.call(downstream.succeed), "ok")
    with step(16, "breaker.state"):
        expect_equal(breaker.state, "closed")


@pytest.mark.behaviour("73c65fb8-73f5-4df6-aa78-ff1b4242e1e3", "scenario")
@pytest.mark.timeout(10.0)
def test_reset_closes_the_breaker_and_forgets_the_failures_every_time(solution):
    """`reset()` is the operator's override: from any state, and as often as it is called, it leaves a closed breaker with a count of zero."""
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "clock = FakeClock(100.0)"):
        clock = FakeClock(100.0)
    with step(2, "downstream = Downstream()"):
        downstream = Downstream()
    with step(3, "breaker = CircuitBreaker(2, 30.0, clock=clock)"):
        breaker = CircuitBreaker(2, 30.0, clock=clock)
    with step(4, "trip(breaker, downstream, 2)"):
        trip(breaker, downstream, 2)
    with step(5, "breaker.reset()"):
        breaker.reset()
    with step(6, "breaker.state"):
        expect_equal(breaker.state, "closed")
    with step(7, "breaker.call(downstream.succeed)"):
        expect_equal(breaker.call(downstream.succeed), "ok")
    with step(8, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(9, "breaker.reset()"):
        breaker.reset()
    with step(10, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(11, "breaker.state"):
        expect_equal(breaker.state, "closed")
    with step(12, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(13, "breaker.state"):
        expect_equal(breaker.state, "open")
    with step(14, "clock.now = 130.0"):
        clock.now = 130.0
    with step(15, "breaker.state"):
        expect_equal(breaker.state, "half_open")
    with step(16, "breaker.reset()"):
        breaker.reset()
    with step(17, "breaker.reset()"):
        breaker.reset()
    with step(18, "breaker.state"):
        expect_equal(breaker.state, "closed")
    with step(19, "trip(breaker, downstream, 1)"):
        trip(breaker, downstream, 1)
    with step(20, "breaker.state"):
        expect_equal(breaker.state, "closed")


@pytest.mark.behaviour("0ee5a10b-d059-48cf-bd21-84e03d71f27a", "scenario")
@pytest.mark.timeout(10.0)
def test_the_decorator_form_guards_every_call_of_the_function(solution):
    """`@breaker` is `breaker.call` for every call: arguments and results pass through, failures count, and an open breaker refuses without calling the function."""
    CircuitOpenError = solution.CircuitOpenError
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "downstream = Downstream()"):
        downstream = Downstream()
    with step(2, "breaker = CircuitBreaker(2, 10.0, (Boom,), clock=FakeClock(5.0))"):
        breaker = CircuitBreaker(2, 10.0, (Boom,), clock=FakeClock(5.0))
    with step(3, "guarded_echo = breaker(downstream.echo)"):
        guarded_echo = breaker(downstream.echo)
    with step(4, "guarded_fail = breaker(downstream.fail)"):
        guarded_fail = breaker(downstream.fail)
    with step(5, "guarded_echo(1, b=2)"):
        expect_equal(guarded_echo(1, b=2), ((1,), {"b": 2}))
    with step(6, "guarded_fail()", raises=Boom):
        guarded_fail()
    with step(7, "breaker.state"):
        expect_equal(breaker.state, "closed")
    with step(8, "try: guarded_fail() except (Boom, CircuitOpenError): pass"):
        try:
            guarded_fail()
        except (Boom, CircuitOpenError):
            pass
    with step(9, "breaker.state"):
        expect_equal(breaker.state, "open")
    with step(10, "guarded_echo(3)", raises=CircuitOpenError):
        guarded_echo(3)
    with step(11, "downstream.calls"):
        expect_equal(downstream.calls, 3)


@pytest.mark.behaviour("4b11d6d2-3ed8-4e9e-b962-4762a664f0a0", "scenario")
@pytest.mark.timeout(10.0)
def test_one_breaker_is_shared_by_everything_it_guards_and_by_nothing_else(solution):
    """Failures of one function decorated with a breaker open it for every function it guards; another breaker on the same clock is not affected."""
    CircuitOpenError = solution.CircuitOpenError
    CircuitBreaker = solution.CircuitBreaker
    with step(1, "downstream = Downstream()"):
        downstream = Downstream()
    with step(2, "clock = FakeClock(5.0)"):
        clock = FakeClock(5.0)
    with step(3, "shared = CircuitBreaker(2, 10.0, (Boom,), clock=clock)"):
        shared = CircuitBreaker(2, 10.0, (Boom,), clock=clock)
    with step(4, "other = CircuitBreaker(2, 10.0, (Boom,), clock=clock)"):
        other = CircuitBreaker(2, 10.0, (Boom,), clock=clock)
    with step(5, "first = shared(downstream.fail)"):
        first = shared(downstream.fail)
    with step(6, "second = shared(downstream.fail)"):
        second = shared(downstream.fail)
    with step(7, "healthy = shared(downstream.succeed)"):
        healthy = shared(downstream.succeed)
    with step(8, "first()", raises=Boom):
        first()
    with step(9, "try: second() except (Boom, CircuitOpenError): pass"):
        try:
            second()
        except (Boom, CircuitOpenError):
            pass
    with step(10, "shared.state"):
        expect_equal(shared.state, "open")
    with step(11, "healthy()", raises=CircuitOpenError):
        healthy()
    with step(12, "other.state"):
        expect_equal(other.state, "closed")
    with step(13, "trip(other, downstream, 1)"):
        trip(other, downstream, 1)
    with step(14, "other.state"):
        expect_equal(other.state, "closed")
    with step(15, "other.call(downstream.succeed, 'independent')"):
        expect_equal(other.call(downstream.succeed, "independent"), "independent")


@pytest.mark.behaviour("72fff5af-0f55-4d2e-9afa-54aa660188c7", "scenario")
@pytest.mark.timeout(10.0)
def test_a_breaker_rejects_a_threshold_below_one_or_a_negative_timeout(solution):
    """A threshold of zero opens on nothing and a negative timeout is meaningless; both are a caller's mistake to report at construction, while 1 and 0 are fine."""
    CircuitBreaker = solution.CircuitBreaker
    with step(
        1,
        "CircuitBreaker(0, 30.0, clock=FakeClock())",
        raises=ValueError,
        match="failure_threshold",
    ):
        CircuitBreaker(0, 30.0, clock=FakeClock())
    with step(
        2,
        "CircuitBreaker(-3, 30.0, clock=FakeClock())",
        raises=ValueError,
        match="failure_threshold",
    ):
        CircuitBreaker(-3, 30.0, clock=FakeClock())
    with step(
        3, "CircuitBreaker(3, -0.5, clock=FakeClock())", raises=ValueError, match="recovery_timeout"
    ):
        CircuitBreaker(3, -0.5, clock=FakeClock())
    with step(4, "breaker = CircuitBreaker(1, 0.0, clock=FakeClock())"):
        breaker = CircuitBreaker(1, 0.0, clock=FakeClock())
    with step(5, "breaker.state"):
        expect_equal(breaker.state, "closed")


@pytest.mark.behaviour("ef7f934c-9fbc-4e46-a5a3-b499eb13cafa", "property")
@pytest.mark.timeout(60.0)
def test_a_breaker_behaves_like_a_model_on_a_fake_clock(solution):
    """Any mix of successes, expected failures, unexpected exceptions, resets and clock steps must match an exact model of the closed, open and half-open states."""
    CircuitBreaker = solution.CircuitBreaker

    class BreakerModel:
        def __init__(self, threshold, timeout):
            self.threshold = threshold
            self.timeout = Fraction(timeout)
            self.now = Fraction(0)
            self.failures = 0
            self.opened_at = None

        @property
        def state(self):
            if self.opened_at is None:
                return "closed"
            return "half_open" if self.now - self.opened_at >= self.timeout else "open"

        def _through(self, outcome):
            state = self.state
            if state == "open":
                return "refused"
            if outcome == "glitch":
                return "raised Glitch"
            if outcome == "ok":
                self.opened_at = None
                self.failures = 0
                return "returned ok"
            if state == "half_open":
                self.opened_at = self.now
            else:
                self.failures += 1
                if self.failures >= self.threshold:
                    self.failures = 0
                    self.opened_at = self.now
            return "raised Boom"

        def succeed(self):
            return self._through("ok")

        def fail(self):
            return self._through("fail")

        def glitch(self):
            return self._through("glitch")

        def advance(self, seconds):
            self.now += Fraction(seconds)

        def reset(self):
            self.opened_at = None
            self.failures = 0

    class Machine(ModelMachine):
        @initialize(threshold=st.integers(1, 3), timeout=st.sampled_from([0, 1, 2.5]))
        def start(self, threshold, timeout):
            self.begin(
                lambda: Driver(CircuitBreaker, threshold, timeout),
                lambda: BreakerModel(threshold, timeout),
                "Driver(CircuitBreaker, threshold, timeout)",
                threshold=threshold,
                timeout=timeout,
            )

        @rule()
        def rule_1_succeed(self):
            self.apply(
                "succeed()",
                lambda target: target.succeed(),
                compare=True,
            )

        @rule()
        def rule_2_fail(self):
            self.apply(
                "fail()",
                lambda target: target.fail(),
                compare=True,
            )

        @rule()
        def rule_3_glitch(self):
            self.apply(
                "glitch()",
                lambda target: target.glitch(),
                compare=True,
            )

        @rule()
        def rule_4_reset(self):
            self.apply(
                "reset()",
                lambda target: target.reset(),
                compare=True,
            )

        @rule(seconds=st.sampled_from([0, 0.5, 1, 2.5]))
        def rule_5_advance(self, seconds):
            self.apply(
                "advance(seconds)",
                lambda target: target.advance(seconds),
                seconds=seconds,
                compare=False,
            )

        @invariant()
        def invariant_1(self):
            self.holds(
                "subject.state == model.state",
                lambda subject, model: subject.state == model.state,
                sides=lambda subject, model: (subject.state, model.state),
                equality=True,
            )

    run_model_machine(Machine, examples=40, steps=20)


@pytest.mark.behaviour("cfd4bc3d-4a41-430d-b98c-d607b683de6d", "concurrency")
@pytest.mark.timeout(35.0)
def test_a_half_open_breaker_lets_exactly_one_trial_call_run(solution):
    """ "Half-open? Then let it through" is a check-then-act: without one lock around claiming the trial, concurrent callers all hit a dependency that may still be down (20 rounds of 8 threads on a half-open breaker, half of the trials failing)."""
    CircuitBreaker = solution.CircuitBreaker
    with step(
        "setup",
        "races = [TrialRace(CircuitBreaker, 8, fail=r % 2 == 1) for r in range(20)] in_step = threading.Barrier(8)",
    ):
        races = [TrialRace(CircuitBreaker, 8, fail=r % 2 == 1) for r in range(20)]
        in_step = threading.Barrier(8)

    def worker(index):
        for race in races:
            in_step.wait(10)
            race.attempt()

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "[(r, race.overlaps) for r, race in enumerate(races) if race.overlaps]"):
        expect_equal([(r, race.overlaps) for r, race in enumerate(races) if race.overlaps], [])
    with step("after 2", "[r for r, race in enumerate(races) if race.runs < 1]"):
        expect_equal([r for r, race in enumerate(races) if race.runs < 1], [])
    with step("after 3", "[race.breaker.state for race in races]"):
        expect_equal([race.breaker.state for race in races], ["closed", "open"] * 10)
