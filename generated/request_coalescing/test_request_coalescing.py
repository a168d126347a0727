# Generated from specs/request_coalescing/spec.yaml by `kata generate`; do not edit.
# spec-sha256: a19165cf97d3735eb554609d1023bbe6442fb7e72e7d22509e240cdc4f2bc346
"""Conformance suite for the request_coalescing kata: one test per behaviour of its spec.

Run it with `kata check request_coalescing` or `pytest generated/request_coalescing --impl PATH`.
"""

from __future__ import annotations

import sys
import threading
import time

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

# Modules a waiting thread passes through on its way to the lock it blocks on, and the
# suite's own preemption hook: none of them decides anything about the solution.
_PASS_THROUGH = {"threading", "queue", "concurrent.futures._base", "katakit.testing"}


class Parking:
    """Tells whether a thread is parked inside the solution: blocked in a call of the
    solution module's code, not in a function the test passed to it.

    It is parked when its innermost frame is one of threading's waits (Condition.wait,
    which Event, Semaphore, Barrier, Queue and Future all use) called from the solution's
    code, or when the solution's frame has not moved for 0.1 s (a bare Lock.acquire used
    as a latch). Thread frames come from sys._current_frames(); no clock is faked here,
    this only watches where threads stand.
    """

    STILL = 0.1

    def __init__(self, module_name):
        self.module_name = module_name
        self._positions = {}

    def parked(self, thread):
        innermost = sys._current_frames().get(thread.ident)
        frame = innermost
        while frame is not None and frame.f_globals.get("__name__") in _PASS_THROUGH:
            frame = frame.f_back
        if frame is None or frame.f_globals.get("__name__") != self.module_name:
            self._positions.pop(thread.ident, None)
            return False
        if (
            innermost is not frame
            and innermost.f_code.co_name in ("wait", "wait_for")
            and innermost.f_globals.get("__name__") == "threading"
        ):
            return True
        position = (id(frame), frame.f_lasti)
        now = time.monotonic()
        seen, since = self._positions.get(thread.ident, (None, now))
        if seen != position:
            self._positions[thread.ident] = (position, now)
            return False
        return now - since >= self.STILL


class Stampede(Exception):
    """What a failing fn raises."""


class Result:
    """A fresh object per run of fn, so callers can check they got the very same one."""

    def __init__(self, run):
        self.run = run

    def __repr__(self):
        return f"Result(run={self.run})"


class Herd:
    """`callers` threads calling one SingleFlight at once.

    Its `fn` counts its runs and, before it finishes, waits (up to 5 s) until every other
    caller is parked inside the solution, running fn itself, or done. So no caller can
    arrive after the call has finished, and "fn ran once" is exact, not a matter of luck.
    """

    def __init__(self, flight, callers, fail=False, returns=Result):
        self.flight = flight
        self.parking = Parking(type(flight).__module__)
        self.expected = callers
        self.fail = fail
        self.returns = returns  # Result: a fresh Result per run; anything else: that value
        self.runs = 0
        self.outcomes = [None] * callers
        self._lock = threading.Lock()
        self._threads = []
        self._running = set()
        self._done = set()

    def call(self, index, key):
        me = threading.current_thread()
        with self._lock:
            self._threads.append(me)
        try:
            self.outcomes[index] = ("returned", self.flight.do(key, self.fn))
        except Stampede as exc:
            self.outcomes[index] = ("raised", str(exc))
        finally:
            with self._lock:
                self._done.add(me)

    def fn(self):
        me = threading.current_thread()
        with self._lock:
            self.runs += 1
            result = Result(self.runs)
            self._running.add(me)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            with self._lock:
                others = [t for t in self._threads if t is not me]
                everyone = len(self._threads) == self.expected
                settled = self._running | self._done
            if everyone and all(t in settled or self.parking.parked(t) for t in others):
                break
            time.sleep(0.001)  # polling where the other threads stand; not a clock
        if self.fail:
            raise Stampede(f"run {result.run} failed")
        return result if self.returns is Result else self.returns

    def results_for(self, indexes):
        return [self.outcomes[i] for i in indexes]


def same_object(outcomes):
    """True when every outcome returned, and all returned one and the same object."""
    return (
        all(kind == "returned" for kind, _ in outcomes)
        and len({id(value) for _, value in outcomes}) == 1
    )


class Counter:
    """A fn that returns 1, 2, 3, ... on successive calls."""

    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.calls


def fail(message):
    raise Stampede(message)


class Caller:
    """One caller of `do` on a fresh thread; keeps its outcome."""

    def __init__(self, do, key, fn):
        self.outcome = None
        self.thread = threading.Thread(target=self._run, args=(do, key, fn), daemon=True)
        self.thread.start()

    def _run(self, do, key, fn):
        try:
            self.outcome = do(key, fn)
        except CallFailed as exc:
            self.outcome = ("raised", exc.args[0])
        except Exception as exc:
            self.outcome = ("raised", type(exc).__name__)


class CallFailed(Exception):
    """What the harness's fn raises when the test finishes its call with a failure."""


class FlightHarness:
    """A SingleFlight driven by the model-based test, one step at a time.

    `call(key)` starts a caller thread whose fn blocks until `finish(key, fail)` lets it
    return ("returned", run) or raise CallFailed(run). It reports whether the new caller
    runs fn or waits for the call in flight. `finish` reports the sorted outcomes of every
    caller of that key since its last finish.
    """

    _previous = []

    def __init__(self, flight_cls):
        for old in FlightHarness._previous:  # free the threads of the last example
            old.release_all()
        FlightHarness._previous[:] = [self]
        self.flight = flight_cls()
        self.parking = Parking(type(self.flight).__module__)
        self.runs = 0
        self._lock = threading.Lock()
        self._gates = {}
        self._callers = {}

    def call(self, key):
        started = threading.Event()

        def fn():
            with self._lock:
                self.runs += 1
                run = self.runs
                gate, order = threading.Event(), {"fail": False}
                self._gates.setdefault(key, []).append((gate, order))
            started.set()
            if not gate.wait(10):
                raise TimeoutError("the test never finished this call")
            if order["fail"]:
                raise CallFailed(run)
            return ("returned", run)

        caller = Caller(self.flight.do, key, fn)
        self._callers.setdefault(key, []).append(caller)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if started.is_set():
                return "runs fn"
            if not caller.thread.is_alive():
                return "returned without running fn or waiting"
            if self.parking.parked(caller.thread):
                return "waits for the call in flight"
            time.sleep(0.001)  # polling where the caller stands; not a clock
        return "neither runs fn nor waits for the call in flight"

    def finish(self, key, fail):
        with self._lock:
            gates = self._gates.pop(key, [])
        callers = self._callers.pop(key, [])
        for gate, order in gates:
            order["fail"] = fail
            gate.set()
        outcomes = []
        for caller in callers:
            caller.thread.join(5)
            outcomes.append("still waiting" if caller.thread.is_alive() else caller.outcome)
        return sorted(outcomes, key=repr)

    def release_all(self):
        with self._lock:
            gates = [gate for waiting in self._gates.values() for gate, _ in waiting]
        for gate in gates:
            gate.set()


pytestmark = pytest.mark.kata(
    "request_coalescing",
    classes=["SingleFlight"],
    exceptions=[],
    functions=[],
)


@pytest.mark.behaviour("ff1a9ab2-1518-41aa-8545-b0330e979dd5", "scenario")
@pytest.mark.timeout(10.0)
def test_do_returns_what_fn_returns(solution):
    """A lone caller must get exactly what fn returned, the very object, falsy values included."""
    SingleFlight = solution.SingleFlight
    with step(1, "flight = SingleFlight()"):
        flight = SingleFlight()
    with step(2, "flight.do('answer', lambda: 42)"):
        expect_equal(flight.do("answer", lambda: 42), 42)
    with step(3, "token = Result(1)"):
        token = Result(1)
    with step(4, "flight.do('token', lambda: token) is token"):
        expect_is(flight.do("token", lambda: token) is token, True)
    with step(5, "flight.do('nothing', lambda: None)"):
        expect_is(flight.do("nothing", lambda: None), None)
    with step(6, "flight.do(('user', 7), lambda: [])"):
        expect_equal(flight.do(("user", 7), lambda: []), [])


@pytest.mark.behaviour("6c97237b-45fb-486a-9d65-eaed1ccaf540", "scenario")
@pytest.mark.timeout(10.0)
def test_do_raises_what_fn_raises(solution):
    """An exception from fn belongs to the caller; swallowing it turns a failure into a silent None."""
    SingleFlight = solution.SingleFlight
    with step(1, "flight = SingleFlight()"):
        flight = SingleFlight()
    with step(
        2,
        'flight.do("k", lambda: fail("database is down"))',
        raises=Stampede,
        match="database is down",
    ):
        flight.do("k", lambda: fail("database is down"))


@pytest.mark.behaviour("0b26b549-d949-4f4e-ae74-bf4df52e6167", "scenario")
@pytest.mark.timeout(10.0)
def test_the_next_call_after_one_has_finished_runs_fn_again(solution):
    """Coalescing is not caching; once a call has finished, a later caller must get a fresh answer."""
    SingleFlight = solution.SingleFlight
    with step(1, "flight = SingleFlight()"):
        flight = SingleFlight()
    with step(2, "counter = Counter()"):
        counter = Counter()
    with step(3, "flight.do('k', counter)"):
        expect_equal(flight.do("k", counter), 1)
    with step(4, "flight.do('k', counter)"):
        expect_equal(flight.do("k", counter), 2)
    with step(5, "flight.do('other', counter)"):
        expect_equal(flight.do("other", counter), 3)
    with step(6, "counter.calls"):
        expect_equal(counter.calls, 3)


@pytest.mark.behaviour("51b08e00-7cff-4a07-8203-7778ad292a58", "scenario")
@pytest.mark.timeout(10.0)
def test_a_call_that_raised_is_forgotten_too(solution):
    """A failed call must not stay in flight; otherwise every later caller gets the old error and fn is never tried again."""
    SingleFlight = solution.SingleFlight
    with step(1, "flight = SingleFlight()"):
        flight = SingleFlight()
    with step(2, 'flight.do("k", lambda: fail("first try"))', raises=Stampede, match="first try"):
        flight.do("k", lambda: fail("first try"))
    with step(3, "counter = Counter()"):
        counter = Counter()
    with step(4, "flight.do('k', counter)"):
        expect_equal(flight.do("k", counter), 1)
    with step(5, "counter.calls"):
        expect_equal(counter.calls, 1)


@pytest.mark.behaviour("5ac550d8-13ef-4308-981c-331a6b811862", "scenario")
@pytest.mark.timeout(10.0)
def test_fn_may_call_do_for_another_key(solution):
    """Loading one key often needs another; a lock held while fn runs deadlocks here (the suite's time limit catches it)."""
    SingleFlight = solution.SingleFlight
    with step(1, "flight = SingleFlight()"):
        flight = SingleFlight()
    with step(2, "flight.do('outer', lambda: flight.do('inner', lambda: 1) + 1)"):
        expect_equal(flight.do("outer", lambda: flight.do("inner", lambda: 1) + 1), 2)
    with step(3, "flight.do('outer', lambda: flight.do('inner', lambda: 10) * 2)"):
        expect_equal(flight.do("outer", lambda: flight.do("inner", lambda: 10) * 2), 20)


@pytest.mark.behaviour("82267819-0a14-4fda-9338-fd6e8f6402db", "concurrency")
@pytest.mark.timeout(35.0)
def test_concurrent_callers_of_one_key_share_a_single_call(solution):
    """The point of single flight is that 8 callers arriving together cause one call of fn, not 8, and all 8 get its very result."""
    SingleFlight = solution.SingleFlight
    with step("setup", "flight = SingleFlight() herd = Herd(flight, callers=8)"):
        flight = SingleFlight()
        herd = Herd(flight, callers=8)

    def worker(index):
        herd.call(index, "user:42")

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "herd.runs"):
        expect_equal(herd.runs, 1)
    with step("after 2", "same_object(herd.outcomes)"):
        expect_is(same_object(herd.outcomes), True)
    with step("after 3", "herd.outcomes[0][1].run"):
        expect_equal(herd.outcomes[0][1].run, 1)


@pytest.mark.behaviour("a1095b75-f12c-4d46-939a-31fe793b8258", "concurrency")
@pytest.mark.timeout(35.0)
def test_concurrent_callers_all_get_the_exception_of_the_shared_call(solution):
    """When the shared call fails, every waiter must get its exception; a waiter that hangs, or gets None, is the classic leak of a failed flight."""
    SingleFlight = solution.SingleFlight
    with step("setup", "flight = SingleFlight() herd = Herd(flight, callers=8, fail=True)"):
        flight = SingleFlight()
        herd = Herd(flight, callers=8, fail=True)

    def worker(index):
        herd.call(index, "user:42")

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "herd.runs"):
        expect_equal(herd.runs, 1)
    with step("after 2", "herd.outcomes"):
        expect_equal(herd.outcomes, [("raised", "run 1 failed")] * 8)


@pytest.mark.behaviour("a237fbeb-bcfe-49e9-8d7a-a468df554333", "concurrency")
@pytest.mark.timeout(35.0)
def test_calls_for_different_keys_run_at_the_same_time(solution):
    """Different keys never wait for each other; four fns that can only finish together (a barrier) must all be running at once."""
    SingleFlight = solution.SingleFlight
    with step(
        "setup",
        "flight = SingleFlight() meeting = threading.Barrier(4, timeout=5) seats = [None] * 4",
    ):
        flight = SingleFlight()
        meeting = threading.Barrier(4, timeout=5)
        seats = [None] * 4

    def worker(index):
        seats[index] = flight.do(f"key-{index}", meeting.wait)

    run_threads(worker, threads=4, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "sorted(seats)"):
        expect_equal(sorted(seats), [0, 1, 2, 3])


@pytest.mark.behaviour("e9aca1b3-59bf-4ca2-b8bf-6a967138bc45", "concurrency")
@pytest.mark.timeout(35.0)
def test_callers_share_per_key_and_never_across_keys(solution):
    """With 4 keys and 2 callers each, arriving together, fn runs once per key; both callers of a key get that key's result and no other key's."""
    SingleFlight = solution.SingleFlight
    with step("setup", "flight = SingleFlight() herd = Herd(flight, callers=8)"):
        flight = SingleFlight()
        herd = Herd(flight, callers=8)

    def worker(index):
        herd.call(index, f"key-{index % 4}")

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "herd.runs"):
        expect_equal(herd.runs, 4)
    with step("after 2", "all((same_object(herd.results_for([k, k + 4])) for k in range(4)))"):
        expect_is(all(same_object(herd.results_for([k, k + 4])) for k in range(4)), True)
    with step("after 3", "len({id(value) for _, value in herd.outcomes})"):
        expect_equal(len({id(value) for _, value in herd.outcomes}), 4)


@pytest.mark.behaviour("68fc6251-5343-489f-b75d-b96a3be25254", "concurrency")
@pytest.mark.timeout(35.0)
def test_keys_are_compared_exactly_not_normalised(solution):
    """Keys are equal or not, as Python compares them; "user", "User", "USER" and "user " are four keys, and folding or trimming them hands one user's result to another."""
    SingleFlight = solution.SingleFlight
    with step(
        "setup",
        'flight = SingleFlight() herd = Herd(flight, callers=8) keys = ["user", "User", "USER", "user "]',
    ):
        flight = SingleFlight()
        herd = Herd(flight, callers=8)
        keys = ["user", "User", "USER", "user "]

    def worker(index):
        herd.call(index, keys[index % 4])

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "herd.runs"):
        expect_equal(herd.runs, 4)
    with step("after 2", "all((same_object(herd.results_for([k, k + 4])) for k in range(4)))"):
        expect_is(all(same_object(herd.results_for([k, k + 4])) for k in range(4)), True)


@pytest.mark.behaviour("272a2112-ba48-4f26-aee4-376f91a7d004", "concurrency")
@pytest.mark.timeout(35.0)
def test_falsy_keys_and_a_none_result_are_shared_too(solution):
    """`0` and `""` are keys and `None` is a result like any other: callers arriving together share one call per key and all get None, instead of treating a falsy value as "nothing there" and running fn again."""
    SingleFlight = solution.SingleFlight
    with step("setup", "flight = SingleFlight() herd = Herd(flight, callers=8, returns=None)"):
        flight = SingleFlight()
        herd = Herd(flight, callers=8, returns=None)

    def worker(index):
        herd.call(index, (0, "")[index % 2])

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "herd.runs"):
        expect_equal(herd.runs, 2)
    with step("after 2", "herd.outcomes"):
        expect_equal(herd.outcomes, [("returned", None)] * 8)


@pytest.mark.behaviour("c8f775c6-1d43-4b63-961e-b26a9280318c", "scenario")
@pytest.mark.timeout(10.0)
def test_two_single_flights_never_share_a_call(solution):
    """Each SingleFlight keeps its own calls in flight; a table made once (at class level) makes a caller of another instance wait for, and get, a call that is not its own."""
    SingleFlight = solution.SingleFlight
    with step(
        1,
        'first, second = SingleFlight(), SingleFlight() started, gate = threading.Event(), threading.Event() def slow(): started.set() gate.wait(5) return "first\'s" running = Caller(first.do, "k", slow) started.wait(5) other = Caller(second.do, "k", lambda: "second\'s") other.thread.join(2)',
    ):
        first, second = SingleFlight(), SingleFlight()
        started, gate = threading.Event(), threading.Event()

        def slow():
            started.set()
            gate.wait(5)
            return "first's"

        running = Caller(first.do, "k", slow)
        started.wait(5)
        other = Caller(second.do, "k", lambda: "second's")
        other.thread.join(2)
    with step(2, "other.outcome"):
        expect_equal(other.outcome, "second's")
    with step(3, "gate.set() running.thread.join(5)"):
        gate.set()
        running.thread.join(5)
    with step(4, "running.outcome"):
        expect_equal(running.outcome, "first's")


@pytest.mark.behaviour("0ded95ae-961f-4736-85ef-cb6e5e30599e", "property")
@pytest.mark.timeout(120.0)
def test_flights_start_join_and_finish_like_a_model(solution):
    """Any interleaving of callers arriving and calls finishing (returning or raising) must match a model: a caller runs fn exactly when its key has no call in flight, and every caller of a flight gets that flight's outcome."""
    SingleFlight = solution.SingleFlight

    class FlightModel:
        def __init__(self):
            self.runs = 0
            self.flights = {}  # key -> [run, callers]

        def call(self, key):
            if key in self.flights:
                self.flights[key][1] += 1
                return "waits for the call in flight"
            self.runs += 1
            self.flights[key] = [self.runs, 1]
            return "runs fn"

        def finish(self, key, fail):
            if key not in self.flights:
                return []
            run, callers = self.flights.pop(key)
            return [("raised", run) if fail else ("returned", run)] * callers

    class Machine(ModelMachine):
        @initialize()
        def start(self):
            self.begin(
                lambda: FlightHarness(SingleFlight),
                lambda: FlightModel(),
                "FlightHarness(SingleFlight)",
            )

        @rule(key=st.sampled_from(["a", "b", "c"]))
        def rule_1_call(self, key):
            self.apply(
                "call(key)",
                lambda target: target.call(key),
                key=key,
                compare=True,
            )

        @rule(fail=st.booleans(), key=st.sampled_from(["a", "b", "c"]))
        def rule_2_finish(self, fail, key):
            self.apply(
                "finish(key, fail)",
                lambda target: target.finish(key, fail),
                fail=fail,
                key=key,
                compare=True,
            )

        @invariant()
        def invariant_1(self):
            self.holds(
                "subject.runs == model.runs",
                lambda subject, model: subject.runs == model.runs,
                sides=lambda subject, model: (subject.runs, model.runs),
                equality=True,
            )

    run_model_machine(Machine, examples=40, steps=20)
