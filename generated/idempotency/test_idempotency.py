# Generated from specs/idempotency/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 6fcf198262680dd1124b4de94c142092406f483dc49b0e6faaa8daab37ff5c5e
"""Conformance suite for the idempotency kata: one test per behaviour of its spec.

Run it with `kata check idempotency` or `pytest generated/idempotency --impl PATH`.
"""

from __future__ import annotations

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


class FakeClock:
    """A clock the test moves by hand: `clock.now = 12.5`, then `clock()` returns 12.5."""

    def __init__(self, now=0.0):
        self.now = now

    def __call__(self):
        return self.now


class Calls:
    """Operations that count how often they ran."""

    def __init__(self):
        self.count = 0

    def returning(self, value):
        def operation():
            self.count += 1
            return value

        return operation

    def raising(self, message):
        def operation():
            self.count += 1
            raise ValueError(message)

        return operation

    def taking(self, clock, seconds, value):
        """An operation that takes `seconds` of the fake clock to run."""

        def operation():
            self.count += 1
            clock.now += seconds
            return value

        return operation


class Gate:
    """Operations that block until `release` is set, so a test can hold a call in flight."""

    def __init__(self):
        self.release = threading.Event()
        self.count = 0
        self._changed = threading.Condition()

    def _enter(self):
        with self._changed:
            self.count += 1
            self._changed.notify_all()
        if not self.release.wait(5):
            raise TimeoutError("the test never released the gate")

    def succeed(self):
        self._enter()
        return "charged"

    def fail(self):
        self._enter()
        raise ValueError("card declined")

    def wait_started(self, count, timeout):
        """True once `count` operations have started; False if that takes longer than `timeout`."""
        with self._changed:
            return self._changed.wait_for(lambda: self.count >= count, timeout)


def call_into(outcomes, store, key, request, operation):
    """Run `store.execute` and append what happened: `returned <repr>` or `raised <type>`."""
    try:
        outcomes.append(f"returned {store.execute(key, request, operation)!r}")
    except Exception as exc:
        outcomes.append(f"raised {type(exc).__name__}")


def start_thread(func, *args):
    thread = threading.Thread(target=func, args=args, daemon=True)
    thread.start()
    return thread


def still_running_after(threads, seconds):
    """Join every thread within `seconds` in all; which of them are still running (blocked)."""
    deadline = time.monotonic() + seconds
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    return [thread.is_alive() for thread in threads]


def still_alive_after(thread, seconds):
    """Join `thread` for at most `seconds`; True if it is still running (still blocked)."""
    thread.join(seconds)
    return thread.is_alive()


class Declined(Exception):
    """What the property test's failing operations raise."""


class StoreHarness:
    """An IdempotencyStore on a FakeClock, driven with operations that count their runs.

    `execute` sends a fresh but equal dict for equal requests, and reports the outcome
    as the result, "conflict" or "failed".
    """

    def __init__(self, store_cls, conflict_cls, ttl):
        self.clock = FakeClock(1000.0)
        self.store = store_cls(ttl, clock=self.clock)
        self.conflict = conflict_cls
        self.runs = 0

    def execute(self, key, amount, outcome, duration):
        def operation():
            self.runs += 1
            self.clock.now += duration
            if outcome == "fail":
                raise Declined(f"run {self.runs}")
            return f"{key}: {amount} (run {self.runs})"

        try:
            return self.store.execute(key, {"amount": amount, "currency": "EUR"}, operation)
        except Declined:
            return "failed"
        except self.conflict:
            return "conflict"

    def advance(self, seconds):
        self.clock.now += seconds


pytestmark = pytest.mark.kata(
    "idempotency",
    classes=["IdempotencyStore"],
    exceptions=["IdempotencyConflictError"],
    functions=[],
)


@pytest.mark.behaviour("438cb206-2d04-458d-bb37-3afb99a48316", "scenario")
@pytest.mark.timeout(10.0)
def test_replays_the_first_result_for_an_equal_request_without_running_again(solution):
    """A retry carries the same key and an equal (not necessarily identical) request; it must get the first result, and the operation must not run twice. Another key is another request."""
    IdempotencyStore = solution.IdempotencyStore
    with step(1, "store = IdempotencyStore(clock=FakeClock(0.0)) calls = Calls()"):
        store = IdempotencyStore(clock=FakeClock(0.0))
        calls = Calls()
    with step(
        2, "store.execute('order-7', {'amount': 10, 'to': 'bob'}, calls.returning('receipt-1'))"
    ):
        expect_equal(
            store.execute("order-7", {"amount": 10, "to": "bob"}, calls.returning("receipt-1")),
            "receipt-1",
        )
    with step(
        3, "store.execute('order-7', {'to': 'bob', 'amount': 10}, calls.returning('receipt-2'))"
    ):
        expect_equal(
            store.execute("order-7", {"to": "bob", "amount": 10}, calls.returning("receipt-2")),
            "receipt-1",
        )
    with step(4, "calls.count"):
        expect_equal(calls.count, 1)
    with step(
        5, "store.execute('order-8', {'amount': 10, 'to': 'bob'}, calls.returning('receipt-3'))"
    ):
        expect_equal(
            store.execute("order-8", {"amount": 10, "to": "bob"}, calls.returning("receipt-3")),
            "receipt-3",
        )
    with step(6, "calls.count"):
        expect_equal(calls.count, 2)


@pytest.mark.behaviour("d77f7210-9c58-45f4-ab02-4d1e263f6655", "scenario")
@pytest.mark.timeout(10.0)
def test_replays_a_falsy_result_without_running_again(solution):
    """`None`, `0`, `""` and `{}` are results like any other; mistaking them for "nothing stored" runs the operation again."""
    IdempotencyStore = solution.IdempotencyStore
    with step(
        1,
        'store = IdempotencyStore(clock=FakeClock(0.0)) calls = Calls() for key, value in [("none", None), ("zero", 0), ("blank", ""), ("empty", {})]: store.execute(key, "request", calls.returning(value))',
    ):
        store = IdempotencyStore(clock=FakeClock(0.0))
        calls = Calls()
        for key, value in [("none", None), ("zero", 0), ("blank", ""), ("empty", {})]:
            store.execute(key, "request", calls.returning(value))
    with step(
        2,
        "[store.execute(key, 'request', calls.returning('again')) for key in ('none', 'zero', 'blank', 'empty')]",
    ):
        expect_equal(
            [
                store.execute(key, "request", calls.returning("again"))
                for key in ("none", "zero", "blank", "empty")
            ],
            [None, 0, "", {}],
        )
    with step(3, "calls.count"):
        expect_equal(calls.count, 4)


@pytest.mark.behaviour("f669ba55-14d8-4879-a665-adde9fdb1cbd", "scenario")
@pytest.mark.timeout(10.0)
def test_a_key_reused_with_a_different_request_is_a_conflict(solution):
    """Replaying one request's result to a different request that reused its key hides a client bug and answers wrongly; it must raise IdempotencyConflictError (a ValueError), run nothing, and keep the stored result."""
    IdempotencyConflictError = solution.IdempotencyConflictError
    IdempotencyStore = solution.IdempotencyStore
    with step(
        1,
        'store = IdempotencyStore(clock=FakeClock(0.0)) calls = Calls() store.execute("order-7", {"amount": 10}, calls.returning("receipt-1"))',
    ):
        store = IdempotencyStore(clock=FakeClock(0.0))
        calls = Calls()
        store.execute("order-7", {"amount": 10}, calls.returning("receipt-1"))
    with step(
        2,
        'store.execute("order-7", {"amount": 99}, calls.returning("receipt-2"))',
        raises=IdempotencyConflictError,
    ):
        store.execute("order-7", {"amount": 99}, calls.returning("receipt-2"))
    with step(3, "issubclass(IdempotencyConflictError, ValueError)"):
        expect_is(issubclass(IdempotencyConflictError, ValueError), True)
    with step(4, "calls.count"):
        expect_equal(calls.count, 1)
    with step(5, "store.execute('order-7', {'amount': 10}, calls.returning('receipt-3'))"):
        expect_equal(
            store.execute("order-7", {"amount": 10}, calls.returning("receipt-3")), "receipt-1"
        )
    with step(6, "calls.count"):
        expect_equal(calls.count, 1)


@pytest.mark.behaviour("d6391d4b-919c-429d-bee7-09ffcfb230c3", "scenario")
@pytest.mark.timeout(10.0)
def test_an_operation_that_raises_stores_nothing(solution):
    """A failure must reach the caller and leave no trace, so the client's retry runs the operation again (with the same request or, since nothing was stored, a different one)."""
    IdempotencyStore = solution.IdempotencyStore
    with step(1, "store = IdempotencyStore(clock=FakeClock(0.0)) calls = Calls()"):
        store = IdempotencyStore(clock=FakeClock(0.0))
        calls = Calls()
    with step(
        2,
        'store.execute("k", {"amount": 10}, calls.raising("card declined"))',
        raises=ValueError,
        match="card declined",
    ):
        store.execute("k", {"amount": 10}, calls.raising("card declined"))
    with step(
        3,
        'store.execute("k", {"amount": 10}, calls.raising("still declined"))',
        raises=ValueError,
        match="still declined",
    ):
        store.execute("k", {"amount": 10}, calls.raising("still declined"))
    with step(4, "store.execute('k', {'amount': 10}, calls.returning('receipt'))"):
        expect_equal(store.execute("k", {"amount": 10}, calls.returning("receipt")), "receipt")
    with step(5, "calls.count"):
        expect_equal(calls.count, 3)
    with step(
        6, 'store.execute("j", {"amount": 10}, calls.raising("declined"))', raises=ValueError
    ):
        store.execute("j", {"amount": 10}, calls.raising("declined"))
    with step(7, "store.execute('j', {'amount': 20}, calls.returning('other receipt'))"):
        expect_equal(
            store.execute("j", {"amount": 20}, calls.returning("other receipt")), "other receipt"
        )


@pytest.mark.behaviour("41649d36-8175-4bea-acf0-69d884b3c998", "scenario")
@pytest.mark.timeout(10.0)
def test_a_key_is_forgotten_exactly_ttl_seconds_after_it_was_stored(solution):
    """Stored results expire once `clock() - stored_at >= ttl_seconds`; then the key is new again: the operation runs, and a different request is no conflict."""
    IdempotencyConflictError = solution.IdempotencyConflictError
    IdempotencyStore = solution.IdempotencyStore
    with step(
        1,
        'clock = FakeClock(100.0) store = IdempotencyStore(60, clock=clock) calls = Calls() store.execute("k", "pay 10", calls.returning("first")) clock.now = 159.75',
    ):
        clock = FakeClock(100.0)
        store = IdempotencyStore(60, clock=clock)
        calls = Calls()
        store.execute("k", "pay 10", calls.returning("first"))
        clock.now = 159.75
    with step(2, "store.execute('k', 'pay 10', calls.returning('second'))"):
        expect_equal(store.execute("k", "pay 10", calls.returning("second")), "first")
    with step(
        3, 'store.execute("k", "pay 20", calls.returning("third"))', raises=IdempotencyConflictError
    ):
        store.execute("k", "pay 20", calls.returning("third"))
    with step(4, "clock.now = 160.0"):
        clock.now = 160.0
    with step(5, "store.execute('k', 'pay 20', calls.returning('fourth'))"):
        expect_equal(store.execute("k", "pay 20", calls.returning("fourth")), "fourth")
    with step(6, "calls.count"):
        expect_equal(calls.count, 2)


@pytest.mark.behaviour("ca25c62e-5ed0-4ee4-8477-75cb8b3c8c5d", "scenario")
@pytest.mark.timeout(10.0)
def test_the_ttl_counts_from_when_the_result_was_stored(solution):
    """A result is stored when its operation returns; starting the TTL when a slow call began forgets it early."""
    IdempotencyStore = solution.IdempotencyStore
    with step(
        1, "clock = FakeClock(0.0) store = IdempotencyStore(10, clock=clock) calls = Calls()"
    ):
        clock = FakeClock(0.0)
        store = IdempotencyStore(10, clock=clock)
        calls = Calls()
    with step(2, "store.execute('k', 'r', calls.taking(clock, 4.0, 'slow result'))"):
        expect_equal(
            store.execute("k", "r", calls.taking(clock, 4.0, "slow result")), "slow result"
        )
    with step(3, "clock.now"):
        expect_equal(clock.now, 4.0)
    with step(4, "clock.now = 13.5"):
        clock.now = 13.5
    with step(5, "store.execute('k', 'r', calls.returning('again'))"):
        expect_equal(store.execute("k", "r", calls.returning("again")), "slow result")
    with step(6, "clock.now = 14.0"):
        clock.now = 14.0
    with step(7, "store.execute('k', 'r', calls.returning('again'))"):
        expect_equal(store.execute("k", "r", calls.returning("again")), "again")


@pytest.mark.behaviour("c2486e71-04e9-4898-a8fe-12dc60abdb62", "scenario")
@pytest.mark.timeout(10.0)
def test_the_default_ttl_is_a_day(solution):
    """`IdempotencyStore()` keeps a result for 86400 seconds of its clock: long enough for any client's retries."""
    IdempotencyStore = solution.IdempotencyStore
    with step(
        1,
        'clock = FakeClock(0.0) store = IdempotencyStore(clock=clock) calls = Calls() store.execute("k", "r", calls.returning("first")) clock.now = 86399.5',
    ):
        clock = FakeClock(0.0)
        store = IdempotencyStore(clock=clock)
        calls = Calls()
        store.execute("k", "r", calls.returning("first"))
        clock.now = 86399.5
    with step(2, "store.execute('k', 'r', calls.returning('second'))"):
        expect_equal(store.execute("k", "r", calls.returning("second")), "first")
    with step(3, "clock.now = 86400.0"):
        clock.now = 86400.0
    with step(4, "store.execute('k', 'r', calls.returning('third'))"):
        expect_equal(store.execute("k", "r", calls.returning("third")), "third")


@pytest.mark.behaviour("a1501137-4860-4ac4-b1c8-01afa268ad9a", "scenario")
@pytest.mark.timeout(10.0)
def test_rejects_a_ttl_that_is_not_positive(solution):
    """A store that forgets everything at once is no idempotency at all; the mistake must surface at construction."""
    IdempotencyStore = solution.IdempotencyStore
    with step(1, "IdempotencyStore(0, clock=FakeClock())", raises=ValueError, match="ttl_seconds"):
        IdempotencyStore(0, clock=FakeClock())
    with step(2, "IdempotencyStore(-5, clock=FakeClock())", raises=ValueError, match="ttl_seconds"):
        IdempotencyStore(-5, clock=FakeClock())
    with step(3, "store = IdempotencyStore(0.5, clock=FakeClock())"):
        store = IdempotencyStore(0.5, clock=FakeClock())
    with step(4, "store.execute('k', 'r', lambda: 42)"):
        expect_equal(store.execute("k", "r", lambda: 42), 42)


@pytest.mark.behaviour("e7ec8d99-d3de-49c5-8412-fc66460a8050", "property")
@pytest.mark.timeout(60.0)
def test_a_store_behaves_like_a_model_on_a_fake_clock(solution):
    """Any mix of calls on three keys with two requests, failing and slow operations and clock steps must match a model of stored, conflicting, failed and expired keys, with the same number of operation runs."""
    IdempotencyConflictError = solution.IdempotencyConflictError
    IdempotencyStore = solution.IdempotencyStore

    class StoreModel:
        def __init__(self, ttl):
            self.ttl = ttl
            self.now = 1000.0
            self.records = {}  # key -> (amount, result, stored_at)
            self.runs = 0

        def execute(self, key, amount, outcome, duration):
            record = self.records.get(key)
            if record is not None and self.now - record[2] >= self.ttl:
                del self.records[key]
                record = None
            if record is not None:
                return record[1] if record[0] == amount else "conflict"
            self.runs += 1
            self.now += duration
            if outcome == "fail":
                return "failed"
            result = f"{key}: {amount} (run {self.runs})"
            self.records[key] = (amount, result, self.now)
            return result

        def advance(self, seconds):
            self.now += seconds

    class Machine(ModelMachine):
        @initialize(ttl=st.sampled_from([5, 10]))
        def start(self, ttl):
            self.begin(
                lambda: StoreHarness(IdempotencyStore, IdempotencyConflictError, ttl),
                lambda: StoreModel(ttl),
                "StoreHarness(IdempotencyStore, IdempotencyConflictError, ttl)",
                ttl=ttl,
            )

        @rule(
            amount=st.sampled_from([10, 20]),
            duration=st.sampled_from([0, 0, 2]),
            key=st.sampled_from(["a", "b", "c"]),
            outcome=st.sampled_from(["ok", "ok", "fail"]),
        )
        def rule_1_execute(self, amount, duration, key, outcome):
            self.apply(
                "execute(key, amount, outcome, duration)",
                lambda target: target.execute(key, amount, outcome, duration),
                amount=amount,
                duration=duration,
                key=key,
                outcome=outcome,
                compare=True,
            )

        @rule(seconds=st.sampled_from([0, 1, 3, 10]))
        def rule_2_advance(self, seconds):
            self.apply(
                "advance(seconds)",
                lambda target: target.advance(seconds),
                seconds=seconds,
                compare=False,
            )

        @invariant()
        def invariant_1(self):
            self.holds(
                "subject.runs == model.runs",
                lambda subject, model: subject.runs == model.runs,
                sides=lambda subject, model: (subject.runs, model.runs),
                equality=True,
            )

    run_model_machine(Machine, examples=100, steps=30)


@pytest.mark.behaviour("100dacf3-f907-4d67-8448-d68afb5319b2", "concurrency")
@pytest.mark.timeout(35.0)
def test_concurrent_calls_with_one_key_run_the_operation_once(solution):
    """ "No result yet, so run it" is a check-then-act: without an in-flight marker, duplicates that arrive together all run the operation (the card is charged 8 times); all must get the one run's result (40 rounds of 8 threads)."""
    IdempotencyStore = solution.IdempotencyStore
    with step(
        "setup",
        "rounds = 40 stores = [IdempotencyStore(clock=FakeClock(0.0)) for _ in range(rounds)] runs = [[] for _ in range(rounds)] results = [[] for _ in range(rounds)] in_step = threading.Barrier(8)",
    ):
        rounds = 40
        stores = [IdempotencyStore(clock=FakeClock(0.0)) for _ in range(rounds)]
        runs = [[] for _ in range(rounds)]
        results = [[] for _ in range(rounds)]
        in_step = threading.Barrier(8)

    def worker(index):
        for r, store in enumerate(stores):
            in_step.wait(10)

            def charge(ran=runs[r]):
                ran.append(index)  # list.append is atomic
                return f"charged by thread {index}"

            results[r].append(store.execute("order-1", {"amount": 5}, charge))

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "[(r, len(ran)) for r, ran in enumerate(runs) if len(ran) != 1]"):
        expect_equal([(r, len(ran)) for r, ran in enumerate(runs) if len(ran) != 1], [])
    with step(
        "after 2",
        "[r for r in range(rounds) if results[r] != [f'charged by thread {runs[r][0]}'] * 8]",
    ):
        expect_equal(
            [r for r in range(rounds) if results[r] != [f"charged by thread {runs[r][0]}"] * 8], []
        )


@pytest.mark.behaviour("4cf5e117-6928-479c-8413-102aa669d37c", "scenario")
@pytest.mark.timeout(15.0)
def test_callers_waiting_on_an_operation_that_raises_all_get_its_exception(solution):
    """Duplicates waiting for a call in flight share its outcome; when it raises they must raise too, not hang forever or return None, and nothing is stored."""
    IdempotencyStore = solution.IdempotencyStore
    with step(
        1,
        'store = IdempotencyStore(clock=FakeClock(0.0)) gate = Gate() outcomes = [] leader = start_thread(call_into, outcomes, store, "k", {"amount": 5}, gate.fail)',
    ):
        store = IdempotencyStore(clock=FakeClock(0.0))
        gate = Gate()
        outcomes = []
        leader = start_thread(call_into, outcomes, store, "k", {"amount": 5}, gate.fail)
    with step(2, "gate.wait_started(1, timeout=5)"):
        expect_is(gate.wait_started(1, timeout=5), True)
    with step(
        3,
        'waiters = [start_thread(call_into, outcomes, store, "k", {"amount": 5}, gate.fail) for _ in range(3)]',
    ):
        waiters = [
            start_thread(call_into, outcomes, store, "k", {"amount": 5}, gate.fail)
            for _ in range(3)
        ]
    with step(4, "still_alive_after(waiters[0], 0.2)"):
        expect_is(still_alive_after(waiters[0], 0.2), True)
    with step(5, "gate.release.set()"):
        gate.release.set()
    with step(6, "still_running_after([leader, *waiters], 5)"):
        expect_equal(still_running_after([leader, *waiters], 5), [False, False, False, False])
    with step(7, "outcomes"):
        expect_equal(
            outcomes,
            ["raised ValueError", "raised ValueError", "raised ValueError", "raised ValueError"],
        )
    with step(8, "store.execute('k', {'amount': 5}, lambda: 'retried')"):
        expect_equal(store.execute("k", {"amount": 5}, lambda: "retried"), "retried")


@pytest.mark.behaviour("8034ff5d-d42f-4f42-a57b-0950842864d8", "scenario")
@pytest.mark.timeout(15.0)
def test_a_different_request_for_a_key_in_flight_is_a_conflict(solution):
    """A reused key is a conflict while its first call is still running, too; the second request must not run, and must not be handed the first request's result."""
    IdempotencyStore = solution.IdempotencyStore
    with step(
        1,
        'store = IdempotencyStore(clock=FakeClock(0.0)) gate = Gate() first, second = [], [] leader = start_thread(call_into, first, store, "k", {"amount": 5}, gate.succeed)',
    ):
        store = IdempotencyStore(clock=FakeClock(0.0))
        gate = Gate()
        first, second = [], []
        leader = start_thread(call_into, first, store, "k", {"amount": 5}, gate.succeed)
    with step(2, "gate.wait_started(1, timeout=5)"):
        expect_is(gate.wait_started(1, timeout=5), True)
    with step(
        3,
        'calls = Calls() other = start_thread(call_into, second, store, "k", {"amount": 99}, calls.returning("wrong")) other.join(0.3) gate.release.set() leader.join(5) other.join(5)',
    ):
        calls = Calls()
        other = start_thread(
            call_into, second, store, "k", {"amount": 99}, calls.returning("wrong")
        )
        other.join(0.3)
        gate.release.set()
        leader.join(5)
        other.join(5)
    with step(4, "first"):
        expect_equal(first, ["returned 'charged'"])
    with step(5, "second"):
        expect_equal(second, ["raised IdempotencyConflictError"])
    with step(6, "(gate.count, calls.count)"):
        expect_equal((gate.count, calls.count), (1, 0))


@pytest.mark.behaviour("2bbf0dd2-c8a3-46c4-90f1-4e1721e994e4", "scenario")
@pytest.mark.timeout(15.0)
def test_a_slow_operation_does_not_block_other_keys(solution):
    """The store's lock guards bookkeeping, not the operation; holding it while an operation runs makes every other client wait for one slow call."""
    IdempotencyStore = solution.IdempotencyStore
    with step(
        1,
        'store = IdempotencyStore(clock=FakeClock(0.0)) gate = Gate() slow, quick = [], [] leader = start_thread(call_into, slow, store, "slow", "r", gate.succeed)',
    ):
        store = IdempotencyStore(clock=FakeClock(0.0))
        gate = Gate()
        slow, quick = [], []
        leader = start_thread(call_into, slow, store, "slow", "r", gate.succeed)
    with step(2, "gate.wait_started(1, timeout=5)"):
        expect_is(gate.wait_started(1, timeout=5), True)
    with step(3, 'other = start_thread(call_into, quick, store, "quick", "r", lambda: "done")'):
        other = start_thread(call_into, quick, store, "quick", "r", lambda: "done")
    with step(4, "still_alive_after(other, 5)"):
        expect_is(still_alive_after(other, 5), False)
    with step(5, "quick"):
        expect_equal(quick, ["returned 'done'"])
    with step(6, "slow"):
        expect_equal(slow, [])
    with step(7, "gate.release.set() leader.join(5)"):
        gate.release.set()
        leader.join(5)
    with step(8, "slow"):
        expect_equal(slow, ["returned 'charged'"])


@pytest.mark.behaviour("6bc99754-4550-456b-8cee-58ec7e6f7140", "scenario")
@pytest.mark.timeout(10.0)
def test_keys_and_requests_are_compared_exactly(solution):
    """The same key means an equal string; folding case or trimming would replay "Order-7"'s result to "order-7", a request that never ran."""
    IdempotencyConflictError = solution.IdempotencyConflictError
    IdempotencyStore = solution.IdempotencyStore
    with step(1, "store = IdempotencyStore(clock=FakeClock(0.0)) calls = Calls()"):
        store = IdempotencyStore(clock=FakeClock(0.0))
        calls = Calls()
    with step(
        2,
        "[store.execute(key, 'pay 5', calls.returning(key)) for key in ['order-7', 'Order-7', 'ORDER-7', ' order-7', 'straße', 'STRASSE']]",
    ):
        expect_equal(
            [
                store.execute(key, "pay 5", calls.returning(key))
                for key in ["order-7", "Order-7", "ORDER-7", " order-7", "straße", "STRASSE"]
            ],
            ["order-7", "Order-7", "ORDER-7", " order-7", "straße", "STRASSE"],
        )
    with step(3, "calls.count"):
        expect_equal(calls.count, 6)
    with step(
        4,
        'store.execute("order-7", "PAY 5", calls.returning("other"))',
        raises=IdempotencyConflictError,
    ):
        store.execute("order-7", "PAY 5", calls.returning("other"))


@pytest.mark.behaviour("186229a9-98a9-452a-aadc-460c8f6073d0", "scenario")
@pytest.mark.timeout(10.0)
def test_an_empty_request_or_key_is_a_value(solution):
    """An empty request ({}, "", None) is a request to compare like any other, and "" is a key like any other; `if stored and stored != request` lets any request reuse the key."""
    IdempotencyConflictError = solution.IdempotencyConflictError
    IdempotencyStore = solution.IdempotencyStore
    with step(
        1,
        'store = IdempotencyStore(clock=FakeClock(0.0)) calls = Calls() for key, request in [("dict", {}), ("text", ""), ("none", None), ("zero", 0)]: store.execute(key, request, calls.returning(key))',
    ):
        store = IdempotencyStore(clock=FakeClock(0.0))
        calls = Calls()
        for key, request in [("dict", {}), ("text", ""), ("none", None), ("zero", 0)]:
            store.execute(key, request, calls.returning(key))
    with step(
        2,
        'store.execute("dict", {"amount": 5}, calls.returning("wrong"))',
        raises=IdempotencyConflictError,
    ):
        store.execute("dict", {"amount": 5}, calls.returning("wrong"))
    with step(
        3,
        'store.execute("text", "pay 5", calls.returning("wrong"))',
        raises=IdempotencyConflictError,
    ):
        store.execute("text", "pay 5", calls.returning("wrong"))
    with step(
        4,
        'store.execute("none", "pay 5", calls.returning("wrong"))',
        raises=IdempotencyConflictError,
    ):
        store.execute("none", "pay 5", calls.returning("wrong"))
    with step(
        5, 'store.execute("zero", 5, calls.returning("wrong"))', raises=IdempotencyConflictError
    ):
        store.execute("zero", 5, calls.returning("wrong"))
    with step(6, "calls.count"):
        expect_equal(calls.count, 4)
    with step(7, "store.execute('', 'r', calls.returning('empty key'))"):
        expect_equal(store.execute("", "r", calls.returning("empty key")), "empty key")
    with step(8, "store.execute('', 'r', calls.returning('again'))"):
        expect_equal(store.execute("", "r", calls.returning("again")), "empty key")
    with step(9, "calls.count"):
        expect_equal(calls.count, 5)


@pytest.mark.behaviour("2c1e661b-6ed6-4739-a540-c86584f3f2cc", "scenario")
@pytest.mark.timeout(10.0)
def test_two_stores_keep_separate_records(solution):
    """A record table made once (a class attribute) instead of per store replays one store's results, or raises its conflicts, in another."""
    IdempotencyStore = solution.IdempotencyStore
    with step(
        1,
        "first = IdempotencyStore(clock=FakeClock(0.0)) second = IdempotencyStore(clock=FakeClock(0.0)) calls = Calls()",
    ):
        first = IdempotencyStore(clock=FakeClock(0.0))
        second = IdempotencyStore(clock=FakeClock(0.0))
        calls = Calls()
    with step(2, "first.execute('order-1', 'pay 5', calls.returning('from first'))"):
        expect_equal(first.execute("order-1", "pay 5", calls.returning("from first")), "from first")
    with step(3, "second.execute('order-1', 'pay 9', calls.returning('from second'))"):
        expect_equal(
            second.execute("order-1", "pay 9", calls.returning("from second")), "from second"
        )
    with step(4, "calls.count"):
        expect_equal(calls.count, 2)
