# Generated from specs/bulkhead/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 1a4e1d96ba8a1c684a4068c419f18780c87d2585a867f9574110b1f37224f5ba
"""Conformance suite for the bulkhead kata: one test per behaviour of its spec.

Run it with `kata check bulkhead` or `pytest generated/bulkhead --impl PATH`.
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
    which Event, Semaphore and Queue all use) called from the solution's code, or when
    the solution's frame has not moved for 0.1 s (a bare Lock.acquire, or a sleep).
    Thread frames come from sys._current_frames(); no clock is faked here, this only
    watches where threads stand.
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


class Boom(Exception):
    """What a failing func raises."""


class Cancelled(BaseException):
    """Not an Exception: like KeyboardInterrupt or a cancelled task. It must free its slot too."""


def fail(message="the dependency failed"):
    raise Boom(message)


def cancel():
    raise Cancelled("the caller gave up")


def raise_it(error):
    raise error


def echo(value):
    return value


def pair(first, second=None):
    return [first, second]


def attempt(func, *args, **kwargs):
    """("returned", what func returned) or ("raised", the name of its exception's type);
    it catches BaseException too, so a Cancelled func cannot end the test."""
    try:
        return ("returned", func(*args, **kwargs))
    except BaseException as exc:
        return ("raised", type(exc).__name__)


def caught(func, *args):
    """The very exception instance func(*args) raised, or None."""
    try:
        func(*args)
    except BaseException as exc:
        return exc
    return None


def timed(func, *args):
    """attempt(func, *args) and the seconds it took (only to check a wait really happened)."""
    started = time.monotonic()
    outcome = attempt(func, *args)
    return outcome, time.monotonic() - started


def capacity(bulkhead, full_error, limit=10):
    """How many calls the bulkhead lets run at once, found by nesting calls inside calls
    on this thread until one is turned away (the bulkhead's max_wait must be 0)."""

    def enter(depth):
        if depth == limit:
            return depth
        try:
            return bulkhead.call(enter, depth + 1)
        except full_error:
            return depth

    return enter(0)


def fill(bulkhead, calls):
    """Nest `calls` calls inside one another on this thread and return the `active` each
    one reads, outermost first: [1, 2, ...] when that many slots are free."""
    seen = []

    def enter(depth):
        seen.append(bulkhead.active)
        if depth < calls:
            bulkhead.call(enter, depth + 1)

    bulkhead.call(enter, 1)
    return seen


class Counted:
    """A func that counts its calls and returns "ran"."""

    def __init__(self):
        self.calls = 0

    def __call__(self, value="ran"):
        self.calls += 1
        return value


class Gate:
    """A func that holds its slot: it blocks until `open()`, then returns its argument,
    or raises Boom when `fail` is set."""

    def __init__(self, fail=False, on_enter=None):
        self.entered = threading.Event()
        self.fail = fail
        self._open = threading.Event()
        self._on_enter = on_enter

    def __call__(self, value="held"):
        self.entered.set()
        if self._on_enter is not None:
            self._on_enter()
        if not self._open.wait(10):
            raise TimeoutError("the test never opened the gate")
        if self.fail:
            raise Boom("the held call failed")
        return value

    def open(self):
        self._open.set()


class Outcome:
    """Runs `func(*args, **kwargs)` on a fresh thread and keeps what it returned or raised."""

    def __init__(self, func, *args, on_done=None, **kwargs):
        self.outcome = None
        self._on_done = on_done
        self.thread = threading.Thread(target=self._run, args=(func, args, kwargs), daemon=True)
        self.thread.start()

    def _run(self, func, args, kwargs):
        try:
            self.outcome = attempt(func, *args, **kwargs)
        finally:
            if self._on_done is not None:
                self._on_done()

    def finished_within(self, seconds):
        self.thread.join(seconds)
        return not self.thread.is_alive()

    def parked_in(self, module_name, within=5.0):
        """True once the call is waiting inside the solution (for a slot); False if it
        finished instead, or is still elsewhere after `within` seconds."""
        parking = Parking(module_name)
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if not self.thread.is_alive():
                return False
            if parking.parked(self.thread):
                return True
            time.sleep(0.001)  # polling where the caller stands; not a clock
        return False


class Meter:
    """A func for many threads at once: counts the calls inside it at the same time (and
    the most ever), and the most `active` it reads meanwhile. `run(kind)` returns (kind
    0), raises Boom (kind 1) or raises Cancelled (kind 2)."""

    def __init__(self, bulkhead):
        self.bulkhead = bulkhead
        self._lock = threading.Lock()
        self.inside = self.most_inside = self.most_active = self.runs = 0
        self.outcomes = {}

    def run(self, kind=0):
        with self._lock:
            self.runs += 1
            self.inside += 1
            self.most_inside = max(self.most_inside, self.inside)
        seen = self.bulkhead.active  # runs solution code: other threads get in here
        with self._lock:
            self.most_active = max(self.most_active, seen)
            self.inside -= 1
        if kind == 1:
            raise Boom("failed under load")
        if kind == 2:
            raise Cancelled("cancelled under load")
        return "ran"

    def note(self, outcome):
        with self._lock:
            self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    def count(self, *outcome):
        return self.outcomes.get(outcome, 0)


class BulkheadHarness:
    """A Bulkhead (max_wait left at its default) driven by the model-based test.

    `enter()` starts a call on its own thread whose func holds its slot until
    `leave(position, fail)` lets it return "held" or raise Boom; it reports whether the
    call runs or was turned away. `call_through(fail)` is a call on this thread that
    returns "done" or raises Boom at once. The held calls are a list addressed by
    position.
    """

    _previous = []

    def __init__(self, bulkhead_cls, max_concurrent):
        for old in BulkheadHarness._previous:  # free the threads of the last example
            old.release_all()
        BulkheadHarness._previous[:] = [self]
        self.bulkhead = bulkhead_cls(max_concurrent)
        self.held = []

    @property
    def active(self):
        return self.bulkhead.active

    def enter(self):
        settled = threading.Event()
        gate = Gate(on_enter=settled.set)
        outcome = Outcome(self.bulkhead.call, gate, on_done=settled.set)
        if not settled.wait(5):
            return "neither runs nor is turned away"
        if gate.entered.is_set():
            self.held.append((gate, outcome))
            return "runs"
        return outcome.outcome

    def leave(self, position, fail):
        if not self.held:
            return "nothing held"
        gate, outcome = self.held.pop(position % len(self.held))
        gate.fail = fail
        gate.open()
        if not outcome.finished_within(5):
            return "still running after its func finished"
        return outcome.outcome

    def call_through(self, fail):
        return attempt(self.bulkhead.call, fail_now if fail else done_now)

    def release_all(self):
        for gate, _ in self.held:
            gate.open()


def fail_now():
    raise Boom("failed at once")


def done_now():
    return "done"


pytestmark = pytest.mark.kata(
    "bulkhead",
    classes=["Bulkhead"],
    exceptions=["BulkheadFullError"],
    functions=[],
)


@pytest.mark.behaviour("51781aa5-cfcb-4c1d-8c1e-b96b453ce825", "scenario")
@pytest.mark.timeout(10.0)
def test_call_passes_the_arguments_and_returns_the_result(solution):
    """A bulkhead is invisible when there is room; func gets exactly its arguments and the caller gets exactly its result, falsy values included."""
    Bulkhead = solution.Bulkhead
    with step(1, "bulkhead = Bulkhead(2)"):
        bulkhead = Bulkhead(2)
    with step(2, "bulkhead.call(pair, 1, second=2)"):
        expect_equal(bulkhead.call(pair, 1, second=2), [1, 2])
    with step(3, "bulkhead.call(pair, 'only')"):
        expect_equal(bulkhead.call(pair, "only"), ["only", None])
    with step(4, "token = object()"):
        token = object()
    with step(5, "bulkhead.call(echo, token) is token"):
        expect_is(bulkhead.call(echo, token) is token, True)
    with step(6, "bulkhead.call(echo, 0)"):
        expect_equal(bulkhead.call(echo, 0), 0)
    with step(7, "bulkhead.call(echo, None)"):
        expect_is(bulkhead.call(echo, None), None)
    with step(8, "bulkhead.call(echo, [])"):
        expect_equal(bulkhead.call(echo, []), [])
    with step(9, "bulkhead.active"):
        expect_equal(bulkhead.active, 0)


@pytest.mark.behaviour("503da0e4-9147-4ae3-9ad5-50e39022c12f", "scenario")
@pytest.mark.timeout(10.0)
def test_an_exception_from_func_propagates_unchanged(solution):
    """The caller must see the dependency's own failure, the very exception, to handle it; a bulkhead that swallows or wraps it hides what went wrong."""
    Bulkhead = solution.Bulkhead
    with step(1, "bulkhead = Bulkhead(1)"):
        bulkhead = Bulkhead(1)
    with step(
        2, 'bulkhead.call(fail, "the service is down")', raises=Boom, match="the service is down"
    ):
        bulkhead.call(fail, "the service is down")
    with step(3, 'error = Boom("this very one")'):
        error = Boom("this very one")
    with step(4, "caught(bulkhead.call, raise_it, error) is error"):
        expect_is(caught(bulkhead.call, raise_it, error) is error, True)


@pytest.mark.behaviour("1c138e84-f8ff-4adc-8aba-249da92b708c", "scenario")
@pytest.mark.timeout(10.0)
def test_a_slot_is_given_back_when_func_raises(solution):
    """The classic leak: a slot released only on a normal return. After max_concurrent failures the bulkhead turns every call away, although nothing runs."""
    Bulkhead = solution.Bulkhead
    with step(1, "bulkhead = Bulkhead(1)"):
        bulkhead = Bulkhead(1)
    with step(
        2,
        "outcomes = [attempt(bulkhead.call, fail) for _ in range(3)] active_after = bulkhead.active",
    ):
        outcomes = [attempt(bulkhead.call, fail) for _ in range(3)]
        active_after = bulkhead.active
    with step(3, "outcomes"):
        expect_equal(outcomes, [("raised", "Boom")] * 3)
    with step(4, "active_after"):
        expect_equal(active_after, 0)
    with step(5, "bulkhead.call(echo, 'still works')"):
        expect_equal(bulkhead.call(echo, "still works"), "still works")
    with step(6, "fill(bulkhead, 1)"):
        expect_equal(fill(bulkhead, 1), [1])


@pytest.mark.behaviour("6ec59548-ac00-4cb5-8dee-16bbee21ed9f", "scenario")
@pytest.mark.timeout(10.0)
def test_a_slot_is_given_back_even_for_a_base_exception(solution):
    """KeyboardInterrupt, SystemExit and task cancellation are not Exceptions; an `except Exception` release leaks the slot on exactly those."""
    Bulkhead = solution.Bulkhead
    with step(1, "bulkhead = Bulkhead(1)"):
        bulkhead = Bulkhead(1)
    with step(2, "attempt(bulkhead.call, cancel)"):
        expect_equal(attempt(bulkhead.call, cancel), ("raised", "Cancelled"))
    with step(3, "bulkhead.active"):
        expect_equal(bulkhead.active, 0)
    with step(4, "attempt(bulkhead.call, cancel)"):
        expect_equal(attempt(bulkhead.call, cancel), ("raised", "Cancelled"))
    with step(5, "fill(bulkhead, 1)"):
        expect_equal(fill(bulkhead, 1), [1])


@pytest.mark.behaviour("6efbe284-07dc-49a4-a3c0-83740bd40ad6", "scenario")
@pytest.mark.timeout(10.0)
def test_slots_are_given_back_call_after_call(solution):
    """A slot is used again and again; a bulkhead that gives slots back only on some path runs out after max_concurrent calls."""
    Bulkhead = solution.Bulkhead
    with step(1, "bulkhead = Bulkhead(1)"):
        bulkhead = Bulkhead(1)
    with step(2, "[bulkhead.call(echo, n) for n in range(5)]"):
        expect_equal([bulkhead.call(echo, n) for n in range(5)], [0, 1, 2, 3, 4])
    with step(3, "bulkhead.active"):
        expect_equal(bulkhead.active, 0)
    with step(4, "two = Bulkhead(2)"):
        two = Bulkhead(2)
    with step(5, "[two.call(two.call, echo, n) for n in range(3)]"):
        expect_equal([two.call(two.call, echo, n) for n in range(3)], [0, 1, 2])
    with step(6, "fill(two, 2)"):
        expect_equal(fill(two, 2), [1, 2])


@pytest.mark.behaviour("63646599-6ca3-4589-a601-fe83267a2e11", "scenario")
@pytest.mark.timeout(10.0)
def test_active_counts_the_calls_running_now(solution):
    """active is how an operator sees how full a bulkhead is; it counts the calls running now, and is a read-only property."""
    Bulkhead = solution.Bulkhead
    with step(1, "bulkhead = Bulkhead(3)"):
        bulkhead = Bulkhead(3)
    with step(2, "bulkhead.active"):
        expect_equal(bulkhead.active, 0)
    with step(3, "bulkhead.call(lambda: bulkhead.active)"):
        expect_equal(bulkhead.call(lambda: bulkhead.active), 1)
    with step(4, "bulkhead.call(bulkhead.call, lambda: bulkhead.active)"):
        expect_equal(bulkhead.call(bulkhead.call, lambda: bulkhead.active), 2)
    with step(5, "bulkhead.active"):
        expect_equal(bulkhead.active, 0)
    with step(6, "bulkhead.active = 2", raises=AttributeError):
        bulkhead.active = 2
    with step(7, "bulkhead.active"):
        expect_equal(bulkhead.active, 0)


@pytest.mark.behaviour("cff5fb84-2200-48b7-b66f-5cec90dbbd0e", "scenario")
@pytest.mark.timeout(5.0)
def test_a_full_bulkhead_turns_a_call_away_at_once(solution):
    """max_wait=0, the default, means do not wait: a call beyond max_concurrent raises BulkheadFullError at once and func never runs. `max_wait or None` makes it wait forever instead."""
    BulkheadFullError = solution.BulkheadFullError
    Bulkhead = solution.Bulkhead
    with step(1, "bulkhead = Bulkhead(1)"):
        bulkhead = Bulkhead(1)
    with step(2, "inner = Counted()"):
        inner = Counted()
    with step(3, "bulkhead.call(attempt, bulkhead.call, inner)"):
        expect_equal(bulkhead.call(attempt, bulkhead.call, inner), ("raised", "BulkheadFullError"))
    with step(4, "inner.calls"):
        expect_equal(inner.calls, 0)
    with step(5, "bulkhead.call(bulkhead.call, inner)", raises=RuntimeError):
        bulkhead.call(bulkhead.call, inner)
    with step(6, "(inner.calls, bulkhead.active)"):
        expect_equal((inner.calls, bulkhead.active), (0, 0))
    with step(7, "capacity(Bulkhead(2, max_wait=0), BulkheadFullError)"):
        expect_equal(capacity(Bulkhead(2, max_wait=0), BulkheadFullError), 2)
    with step(8, "capacity(Bulkhead(3, max_wait=0.0), BulkheadFullError)"):
        expect_equal(capacity(Bulkhead(3, max_wait=0.0), BulkheadFullError), 3)


@pytest.mark.behaviour("09d73b94-188c-4fc3-9f90-560c19a4e272", "scenario")
@pytest.mark.timeout(10.0)
def test_a_waiting_call_gets_the_first_slot_freed(solution):
    """A call beyond the budget waits for a slot rather than failing at once, is not counted as running while it waits, and takes the slot as soon as it is freed."""
    Bulkhead = solution.Bulkhead
    with step(1, "bulkhead = Bulkhead(1, max_wait=30)"):
        bulkhead = Bulkhead(1, max_wait=30)
    with step(2, "gate = Gate()"):
        gate = Gate()
    with step(3, 'holder = Outcome(bulkhead.call, gate, "first")'):
        holder = Outcome(bulkhead.call, gate, "first")
    with step(4, "gate.entered.wait(5)"):
        expect_is(gate.entered.wait(5), True)
    with step(5, "second = Counted()"):
        second = Counted()
    with step(6, 'waiter = Outcome(bulkhead.call, second, "second")'):
        waiter = Outcome(bulkhead.call, second, "second")
    with step(7, "waiter.parked_in(type(bulkhead).__module__)"):
        expect_is(waiter.parked_in(type(bulkhead).__module__), True)
    with step(8, "(bulkhead.active, second.calls)"):
        expect_equal((bulkhead.active, second.calls), (1, 0))
    with step(9, "gate.open()"):
        gate.open()
    with step(10, "holder.finished_within(5) and waiter.finished_within(5)"):
        expect_is(holder.finished_within(5) and waiter.finished_within(5), True)
    with step(11, "(holder.outcome, waiter.outcome)"):
        expect_equal(
            (holder.outcome, waiter.outcome), (("returned", "first"), ("returned", "second"))
        )
    with step(12, "bulkhead.active"):
        expect_equal(bulkhead.active, 0)


@pytest.mark.behaviour("f86ff7f3-51c4-4e5a-b7d9-c609834231f7", "scenario")
@pytest.mark.timeout(10.0)
def test_a_slot_freed_by_a_failing_call_wakes_a_waiter(solution):
    """Every freed slot must wake a waiter, also when the call that held it raised; otherwise the waiter sleeps out its max_wait while a slot is free."""
    Bulkhead = solution.Bulkhead
    with step(1, "bulkhead = Bulkhead(1, max_wait=30)"):
        bulkhead = Bulkhead(1, max_wait=30)
    with step(2, "gate = Gate(fail=True)"):
        gate = Gate(fail=True)
    with step(3, "holder = Outcome(bulkhead.call, gate)"):
        holder = Outcome(bulkhead.call, gate)
    with step(4, "gate.entered.wait(5)"):
        expect_is(gate.entered.wait(5), True)
    with step(5, 'waiter = Outcome(bulkhead.call, echo, "second")'):
        waiter = Outcome(bulkhead.call, echo, "second")
    with step(6, "waiter.parked_in(type(bulkhead).__module__)"):
        expect_is(waiter.parked_in(type(bulkhead).__module__), True)
    with step(7, "gate.open()"):
        gate.open()
    with step(8, "holder.finished_within(5) and waiter.finished_within(5)"):
        expect_is(holder.finished_within(5) and waiter.finished_within(5), True)
    with step(9, "(holder.outcome, waiter.outcome)"):
        expect_equal((holder.outcome, waiter.outcome), (("raised", "Boom"), ("returned", "second")))
    with step(10, "bulkhead.active"):
        expect_equal(bulkhead.active, 0)


@pytest.mark.behaviour("0e3dbf14-5687-4455-bdd9-e22155b9b6a6", "scenario")
@pytest.mark.timeout(10.0)
def test_a_waiting_call_gives_up_after_max_wait(solution):
    """A wait is bounded; after max_wait seconds without a slot the call raises BulkheadFullError without running func, and leaves no count behind."""
    Bulkhead = solution.Bulkhead
    with step(1, "bulkhead = Bulkhead(1, max_wait=0.05)"):
        bulkhead = Bulkhead(1, max_wait=0.05)
    with step(2, "gate = Gate()"):
        gate = Gate()
    with step(3, "holder = Outcome(bulkhead.call, gate)"):
        holder = Outcome(bulkhead.call, gate)
    with step(4, "gate.entered.wait(5)"):
        expect_is(gate.entered.wait(5), True)
    with step(5, "late = Counted()"):
        late = Counted()
    with step(6, "outcome, waited = timed(bulkhead.call, late)"):
        outcome, waited = timed(bulkhead.call, late)
    with step(7, "outcome"):
        expect_equal(outcome, ("raised", "BulkheadFullError"))
    with step(8, "waited >= 0.045"):
        expect_is(waited >= 0.045, True)
    with step(9, "(late.calls, bulkhead.active)"):
        expect_equal((late.calls, bulkhead.active), (0, 1))
    with step(10, "gate.open()"):
        gate.open()
    with step(11, "holder.finished_within(5)"):
        expect_is(holder.finished_within(5), True)
    with step(12, "(bulkhead.active, bulkhead.call(late), late.calls)"):
        expect_equal((bulkhead.active, bulkhead.call(late), late.calls), (0, "ran", 1))


@pytest.mark.behaviour("7070edec-4a82-40e9-a2fe-df71e0718b73", "scenario")
@pytest.mark.timeout(10.0)
def test_bulkheads_keep_their_own_slots(solution):
    """Each dependency gets its own compartment; slots or counts shared between bulkheads let one slow dependency fill another's."""
    Bulkhead = solution.Bulkhead
    with step(1, "first = Bulkhead(1)"):
        first = Bulkhead(1)
    with step(2, "second = Bulkhead(2)"):
        second = Bulkhead(2)
    with step(3, "first.call(lambda: (first.active, second.active, fill(second, 2)))"):
        expect_equal(
            first.call(lambda: (first.active, second.active, fill(second, 2))), (1, 0, [1, 2])
        )
    with step(4, "second.call(second.call, lambda: (first.active, second.active, fill(first, 1)))"):
        expect_equal(
            second.call(second.call, lambda: (first.active, second.active, fill(first, 1))),
            (0, 2, [1]),
        )
    with step(5, "(first.active, second.active)"):
        expect_equal((first.active, second.active), (0, 0))


@pytest.mark.behaviour("f01113fc-1bba-4540-b3c6-29be21e1811a", "scenario")
@pytest.mark.timeout(10.0)
def test_rejects_negative_arguments(solution):
    """A negative budget or a negative wait is a caller's bug; fail loudly where it was passed, naming the argument."""
    Bulkhead = solution.Bulkhead
    with step(1, "Bulkhead(-1)", raises=ValueError, match="max_concurrent"):
        Bulkhead(-1)
    with step(2, "Bulkhead(1, max_wait=-1)", raises=ValueError, match="max_wait"):
        Bulkhead(1, max_wait=-1)
    with step(3, "Bulkhead(2, max_wait=-0.5)", raises=ValueError, match="max_wait"):
        Bulkhead(2, max_wait=-0.5)
    with step(4, "Bulkhead(1, max_wait=0).call(echo, 'fine')"):
        expect_equal(Bulkhead(1, max_wait=0).call(echo, "fine"), "fine")


@pytest.mark.behaviour("92602005-836f-460b-af28-64dfbdbe9810", "property")
@pytest.mark.timeout(90.0)
def test_takes_and_gives_back_slots_like_a_model(solution):
    """Any sequence of calls held open, calls released (returning or raising) and quick calls must match a model of the slots: a call runs exactly when a slot is free, and active always equals the calls held."""
    Bulkhead = solution.Bulkhead

    class BulkheadModel:
        def __init__(self, max_concurrent):
            self.max_concurrent = max_concurrent
            self.active = 0

        def enter(self):
            if self.active == self.max_concurrent:
                return ("raised", "BulkheadFullError")
            self.active += 1
            return "runs"

        def leave(self, position, fail):
            if not self.active:
                return "nothing held"
            self.active -= 1
            return ("raised", "Boom") if fail else ("returned", "held")

        def call_through(self, fail):
            if self.active == self.max_concurrent:
                return ("raised", "BulkheadFullError")
            return ("raised", "Boom") if fail else ("returned", "done")

    class Machine(ModelMachine):
        @initialize(max_concurrent=st.integers(1, 3))
        def start(self, max_concurrent):
            self.begin(
                lambda: BulkheadHarness(Bulkhead, max_concurrent),
                lambda: BulkheadModel(max_concurrent),
                "BulkheadHarness(Bulkhead, max_concurrent)",
                max_concurrent=max_concurrent,
            )

        @rule()
        def rule_1_enter(self):
            self.apply(
                "enter()",
                lambda target: target.enter(),
                compare=True,
            )

        @rule(fail=st.booleans(), position=st.integers(0, 2))
        def rule_2_leave(self, fail, position):
            self.apply(
                "leave(position, fail)",
                lambda target: target.leave(position, fail),
                fail=fail,
                position=position,
                compare=True,
            )

        @rule(fail=st.booleans())
        def rule_3_call_through(self, fail):
            self.apply(
                "call_through(fail)",
                lambda target: target.call_through(fail),
                fail=fail,
                compare=True,
            )

        @invariant()
        def invariant_1(self):
            self.holds(
                "subject.active == model.active",
                lambda subject, model: subject.active == model.active,
                sides=lambda subject, model: (subject.active, model.active),
                equality=True,
            )

    run_model_machine(Machine, examples=20, steps=15)


@pytest.mark.behaviour("f834662d-993b-40e3-b10e-160dddab44ad", "concurrency")
@pytest.mark.timeout(35.0)
def test_never_more_than_max_concurrent_run_at_once(solution):
    """ "Is there a free slot? Then take it" is a check-then-act race: unless the check and the take are one critical section, threads waiting together all take the last slot."""
    Bulkhead = solution.Bulkhead
    with step("setup", "bulkhead = Bulkhead(3, max_wait=10) meter = Meter(bulkhead)"):
        bulkhead = Bulkhead(3, max_wait=10)
        meter = Meter(bulkhead)

    def worker(index):
        for _ in range(15):
            meter.note(attempt(bulkhead.call, meter.run))

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "meter.most_inside <= 3"):
        expect_is(meter.most_inside <= 3, True)
    with step("after 2", "meter.most_active <= 3"):
        expect_is(meter.most_active <= 3, True)
    with step("after 3", "(meter.runs, meter.count('returned', 'ran'))"):
        expect_equal((meter.runs, meter.count("returned", "ran")), (120, 120))
    with step("after 4", "bulkhead.active"):
        expect_equal(bulkhead.active, 0)


@pytest.mark.behaviour("43dcbfbb-1a7c-44d3-a79f-098087354537", "concurrency")
@pytest.mark.timeout(35.0)
def test_max_concurrent_calls_run_together(solution):
    """The budget is a limit, not a queue of one; three funcs that can only finish together (a barrier) must all run at once in a bulkhead of three."""
    Bulkhead = solution.Bulkhead
    with step(
        "setup",
        "bulkhead = Bulkhead(3) meeting = threading.Barrier(3, timeout=5) seats = [None] * 3",
    ):
        bulkhead = Bulkhead(3)
        meeting = threading.Barrier(3, timeout=5)
        seats = [None] * 3

    def worker(index):
        seats[index] = bulkhead.call(meeting.wait)

    run_threads(worker, threads=3, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "sorted(seats)"):
        expect_equal(sorted(seats), [0, 1, 2])
    with step("after 2", "bulkhead.active"):
        expect_equal(bulkhead.active, 0)


@pytest.mark.behaviour("832b6237-a076-4582-9e6d-9b816e2b0f8a", "concurrency")
@pytest.mark.timeout(35.0)
def test_failures_under_contention_leak_no_slot(solution):
    """With funcs returning, raising and being cancelled while 8 threads compete for 2 slots, every slot must come back; afterwards nothing is counted and both slots admit a call."""
    Bulkhead = solution.Bulkhead
    with step("setup", "bulkhead = Bulkhead(2) meter = Meter(bulkhead)"):
        bulkhead = Bulkhead(2)
        meter = Meter(bulkhead)

    def worker(index):
        for n in range(18):
            meter.note(attempt(bulkhead.call, meter.run, (index + n) % 3))

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "meter.most_inside <= 2"):
        expect_is(meter.most_inside <= 2, True)
    with step("after 2", "meter.runs + meter.count('raised', 'BulkheadFullError')"):
        expect_equal(meter.runs + meter.count("raised", "BulkheadFullError"), 144)
    with step("after 3", "meter.runs"):
        expect_equal(
            meter.runs,
            meter.count("returned", "ran")
            + meter.count("raised", "Boom")
            + meter.count("raised", "Cancelled"),
        )
    with step("after 4", "bulkhead.active"):
        expect_equal(bulkhead.active, 0)
    with step("after 5", "fill(bulkhead, 2)"):
        expect_equal(fill(bulkhead, 2), [1, 2])
