# Generated from specs/object_pool/spec.yaml by `kata generate`; do not edit.
# spec-sha256: b36f239f908e8ce6147cd4b338e71fcc36551e182da2967382d8c3ef8b0f20e5
"""Conformance suite for the object_pool kata: one test per behaviour of its spec.

Run it with `kata check object_pool` or `pytest generated/object_pool --impl PATH`.
"""

from __future__ import annotations

import threading

import pytest
from hypothesis import strategies as st

from katakit.testing import (
    ModelMachine,
    expect_constant_time,
    expect_equal,
    expect_is,
    initialize,
    invariant,
    rule,
    run_model_machine,
    run_threads,
    step,
)


class FactoryError(ConnectionError):
    """What the test's factory raises when it is told to fail."""


class ResetError(RuntimeError):
    """What the test's reset raises when it is told to fail."""


class Thing:
    """A pooled object. Like a dict it is unhashable, and every Thing compares equal to
    every other, so only identity tells two Things apart."""

    __hash__ = None

    def __init__(self, number):
        self.number = number
        self.broken = False  # is_usable() is false once set
        self.dirty = False  # a Resetter clears it
        self.resets = 0
        self.uses = 0
        self.dropped = False

    def __eq__(self, other):
        return isinstance(other, Thing)

    def __repr__(self):
        return f"Thing({self.number})"


class Factory:
    """Makes Thing(1), Thing(2), ... and keeps them in `made`; `fail_next = n` makes the
    next n calls raise FactoryError."""

    def __init__(self):
        self.made = []
        self.fail_next = 0
        self._lock = threading.Lock()

    def __call__(self):
        with self._lock:
            if self.fail_next > 0:
                self.fail_next -= 1
                raise FactoryError("could not make a Thing")
            thing = Thing(len(self.made) + 1)
            self.made.append(thing)
            return thing

    @property
    def count(self):
        return len(self.made)


def is_usable(thing):
    return not thing.broken


class Resetter:
    """A reset hook: counts and cleans the Thing; `fail_next = n` makes the next n resets
    raise ResetError (after counting)."""

    def __init__(self):
        self.fail_next = 0
        self._lock = threading.Lock()

    def __call__(self, thing):
        with self._lock:
            thing.resets += 1
            if self.fail_next > 0:
                self.fail_next -= 1
                raise ResetError("could not reset")
            thing.dirty = False


class Outcome:
    """Runs `func(*args, **kwargs)` on a fresh thread and keeps what it returned or raised."""

    def __init__(self, func, *args, **kwargs):
        self.value = None
        self.error = None
        self.thread = threading.Thread(target=self._run, args=(func, args, kwargs), daemon=True)
        self.thread.start()

    def _run(self, func, args, kwargs):
        try:
            self.value = func(*args, **kwargs)
        except Exception as exc:
            self.error = exc

    def still_running_after(self, seconds):
        """True if the call has not returned after `seconds` (it is waiting, as it should)."""
        self.thread.join(seconds)
        return self.thread.is_alive()

    def finished_within(self, seconds):
        self.thread.join(seconds)
        return not self.thread.is_alive()

    def raised(self):
        return None if self.error is None else type(self.error).__name__


class Usage:
    """Counts how many threads hold each Thing at once, and the pool sizes seen meanwhile."""

    def __init__(self):
        self._lock = threading.Lock()
        self._holders = {}
        self.most_holders = 0
        self.sizes = []

    def hold(self, pool, thing):
        with self._lock:
            self._holders[id(thing)] = self._holders.get(id(thing), 0) + 1
            self.most_holders = max(self.most_holders, self._holders[id(thing)])
        self.sizes.append(pool.size)  # runs pool code: other threads get in here
        with self._lock:
            self._holders[id(thing)] -= 1


class Ledger:
    """Hooks for a pool under stress. Every 4th factory call fails; a Thing wears out
    after 3 uses (validate is then false); every 5th reset fails. It counts the Things
    alive (made and not yet dropped by the pool) and the most alive at once."""

    def __init__(self):
        self._lock = threading.Lock()
        self.failing = True
        self.make_calls = self.reset_calls = 0
        self.made = self.dropped = self.most_alive = 0

    def make(self):
        with self._lock:
            self.make_calls += 1
            if self.failing and self.make_calls % 4 == 0:
                raise FactoryError("every 4th connection fails")
            self.made += 1
            self.most_alive = max(self.most_alive, self.made - self.dropped)
            return Thing(self.made)

    def validate(self, thing):
        with self._lock:
            if thing.uses < 3:
                return True
            if not thing.dropped:  # the pool must drop it now
                thing.dropped = True
                self.dropped += 1
            return False

    def reset(self, thing):
        with self._lock:
            self.reset_calls += 1
            if self.failing and self.reset_calls % 5 == 0:
                thing.dropped = True  # the pool must drop it now
                self.dropped += 1
                raise ResetError("every 5th reset fails")

    @property
    def alive(self):
        return self.made - self.dropped


class PoolHarness:
    """An ObjectPool (timeout 0) over a Factory and a Resetter, for the model-based test.

    The Things on loan are a list that rules address by position. Results are
    normalised: acquire gives "new" or "reused" (or what went wrong, by exception class
    name); a borrower dirties each Thing it gets, so a reused Thing that was not reset
    shows up as "reused without a reset".
    """

    def __init__(self, pool_cls, max_size):
        self.factory = Factory()
        self.resetter = Resetter()
        self.pool = pool_cls(self.factory, max_size, timeout=0, reset=self.resetter)
        self.held = []
        self.returned = []  # Things given back (or dropped) and not lent again since

    def acquire(self):
        made = self.factory.count
        try:
            thing = self.pool.acquire(timeout=0)
        except Exception as exc:
            return type(exc).__name__
        if any(thing is other for other in self.held):
            return "a Thing that is already on loan"
        fresh = thing.number > made
        self.returned = [other for other in self.returned if other is not thing]
        self.held.append(thing)
        if fresh:
            thing.dirty = True
            return "new"
        result = "reused without a reset" if thing.dirty else "reused"
        thing.dirty = True
        return result

    def release(self, position):
        if not self.held:
            return "nothing on loan"
        thing = self.held.pop(position % len(self.held))
        self.returned.append(thing)
        try:
            self.pool.release(thing)
        except Exception as exc:
            return type(exc).__name__
        return "released"

    def release_again(self):
        if not self.returned:
            return "nothing given back"
        try:
            self.pool.release(self.returned[-1])
        except Exception as exc:
            return type(exc).__name__
        return "accepted"

    def release_foreign(self):
        try:
            self.pool.release(Thing(0))
        except Exception as exc:
            return type(exc).__name__
        return "accepted"

    def fail_next_create(self):
        self.factory.fail_next = 1

    def fail_next_reset(self):
        self.resetter.fail_next = 1

    def close(self):
        self.pool.close()
        self.resetter.fail_next = 0  # whether reset runs after close is not specified

    def counts(self):
        return {
            "size": self.pool.size,
            "idle": self.pool.idle,
            "in_use": self.pool.in_use,
            "made": self.factory.count,
        }


class PeekingReset:
    """A reset hook that, while it runs, lets another thread try `pool.acquire(timeout=0)`
    and records what that thread got: the Thing still being reset must not be lendable."""

    def __init__(self):
        self.pool = None
        self.resetting = None
        self.seen = []
        self.peeks = []

    def _peek(self, done):
        try:
            got = self.pool.acquire(timeout=0)
        except Exception as exc:
            self.seen.append(type(exc).__name__)
        else:
            self.seen.append(
                "the Thing being reset" if got is self.resetting else "a Thing not being reset"
            )
        finally:
            done.set()

    def __call__(self, thing):
        self.resetting = thing
        done = threading.Event()
        peek = threading.Thread(target=self._peek, args=(done,), daemon=True)
        self.peeks.append(peek)
        peek.start()
        done.wait(2)  # a pool that holds its lock during reset makes the peek wait: fine
        thing.resets += 1
        thing.dirty = False
        self.resetting = None

    def finish(self):
        """Wait for the peeks (a pool that held its lock lets them in after the reset)."""
        for peek in self.peeks:
            peek.join(5)
        return len(self.seen)


pytestmark = pytest.mark.kata(
    "object_pool",
    classes=["ObjectPool"],
    exceptions=["PoolExhaustedError"],
    functions=[],
)


@pytest.mark.behaviour("b125a745-a49d-4de6-b40e-71ba5bd7cadd", "scenario")
@pytest.mark.timeout(10.0)
def test_objects_are_made_lazily_and_reused(solution):
    """A pool that makes objects up front pays for ones nobody asks for, and one that makes a new object while an idle one waits is no pool at all."""
    ObjectPool = solution.ObjectPool
    with step(1, "factory = Factory()"):
        factory = Factory()
    with step(2, "pool = ObjectPool(factory, 3)"):
        pool = ObjectPool(factory, 3)
    with step(3, "(factory.count, pool.size, pool.idle, pool.in_use)"):
        expect_equal((factory.count, pool.size, pool.idle, pool.in_use), (0, 0, 0, 0))
    with step(4, "first = pool.acquire()"):
        first = pool.acquire()
    with step(5, "first is factory.made[0]"):
        expect_is(first is factory.made[0], True)
    with step(6, "pool.release(first)"):
        pool.release(first)
    with step(7, "pool.acquire() is first"):
        expect_is(pool.acquire() is first, True)
    with step(8, "factory.count"):
        expect_equal(factory.count, 1)


@pytest.mark.behaviour("1b958066-75cd-4769-b53d-f1f4683b942e", "scenario")
@pytest.mark.timeout(10.0)
def test_counters_track_idle_and_lent_objects(solution):
    """size, idle and in_use are how an operator sees a pool; size is always idle plus in_use, and an object released is idle again."""
    ObjectPool = solution.ObjectPool
    with step(1, "pool = ObjectPool(Factory(), 3)"):
        pool = ObjectPool(Factory(), 3)
    with step(2, "things = [pool.acquire(), pool.acquire(), pool.acquire()]"):
        things = [pool.acquire(), pool.acquire(), pool.acquire()]
    with step(3, "(pool.size, pool.idle, pool.in_use)"):
        expect_equal((pool.size, pool.idle, pool.in_use), (3, 0, 3))
    with step(4, "pool.release(things[1])"):
        pool.release(things[1])
    with step(5, "(pool.size, pool.idle, pool.in_use)"):
        expect_equal((pool.size, pool.idle, pool.in_use), (3, 1, 2))
    with step(6, "pool.release(things[0]) pool.release(things[2])"):
        pool.release(things[0])
        pool.release(things[2])
    with step(7, "(pool.size, pool.idle, pool.in_use)"):
        expect_equal((pool.size, pool.idle, pool.in_use), (3, 3, 0))
    with step(8, "len({id(pool.acquire()) for _ in range(3)})"):
        expect_equal(len({id(pool.acquire()) for _ in range(3)}), 3)


@pytest.mark.behaviour("a9fc1b53-ab5f-4f1b-8332-31657a8d9024", "scenario")
@pytest.mark.timeout(10.0)
def test_never_more_than_max_size_alive(solution):
    """The bound is the point of the pool; with every object on loan, acquire must fail rather than make one more."""
    PoolExhaustedError = solution.PoolExhaustedError
    ObjectPool = solution.ObjectPool
    with step(1, "factory = Factory()"):
        factory = Factory()
    with step(2, "pool = ObjectPool(factory, 2)"):
        pool = ObjectPool(factory, 2)
    with step(3, "held = [pool.acquire(), pool.acquire()]"):
        held = [pool.acquire(), pool.acquire()]
    with step(4, "pool.acquire(timeout=0)", raises=PoolExhaustedError):
        pool.acquire(timeout=0)
    with step(5, "(factory.count, pool.size, pool.in_use)"):
        expect_equal((factory.count, pool.size, pool.in_use), (2, 2, 2))
    with step(6, "issubclass(PoolExhaustedError, TimeoutError)"):
        expect_is(issubclass(PoolExhaustedError, TimeoutError), True)
    with step(7, "pool.acquire(timeout=0)", raises=TimeoutError):
        pool.acquire(timeout=0)


@pytest.mark.behaviour("03623962-5991-4113-815d-daa22a083c1e", "scenario")
@pytest.mark.timeout(10.0)
def test_acquire_waits_for_a_release(solution):
    """An exhausted pool makes callers wait their turn, with the timeout they asked for (here longer than the pool's own of 0), and hands the freed object to the waiter."""
    ObjectPool = solution.ObjectPool
    with step(1, "pool = ObjectPool(Factory(), 1, timeout=0)"):
        pool = ObjectPool(Factory(), 1, timeout=0)
    with step(2, "first = pool.acquire()"):
        first = pool.acquire()
    with step(3, "waiter = Outcome(pool.acquire, timeout=5)"):
        waiter = Outcome(pool.acquire, timeout=5)
    with step(4, "waiter.still_running_after(0.2)"):
        expect_is(waiter.still_running_after(0.2), True)
    with step(5, "pool.release(first)"):
        pool.release(first)
    with step(6, "waiter.finished_within(5)"):
        expect_is(waiter.finished_within(5), True)
    with step(7, "waiter.raised()"):
        expect_is(waiter.raised(), None)
    with step(8, "waiter.value is first"):
        expect_is(waiter.value is first, True)


@pytest.mark.behaviour("c8589548-d7a1-4f9b-a641-9d1cb9f7ae8e", "scenario")
@pytest.mark.timeout(5.0)
def test_acquire_gives_up_after_its_own_timeout(solution):
    """A caller's timeout must bound its wait; ignoring it (waiting for the pool's 30 s instead, or forever) hangs a request that asked to fail fast."""
    PoolExhaustedError = solution.PoolExhaustedError
    ObjectPool = solution.ObjectPool
    with step(1, "pool = ObjectPool(Factory(), 1, timeout=30)"):
        pool = ObjectPool(Factory(), 1, timeout=30)
    with step(2, "held = pool.acquire()"):
        held = pool.acquire()
    with step(3, "quick = Outcome(pool.acquire, timeout=0.05)"):
        quick = Outcome(pool.acquire, timeout=0.05)
    with step(4, "quick.finished_within(5)"):
        expect_is(quick.finished_within(5), True)
    with step(5, "quick.raised()"):
        expect_equal(quick.raised(), "PoolExhaustedError")
    with step(6, "pool.acquire(timeout=0)", raises=PoolExhaustedError):
        pool.acquire(timeout=0)


@pytest.mark.behaviour("4091d471-0173-479b-b8b2-1229b65c9fbb", "scenario")
@pytest.mark.timeout(10.0)
def test_acquire_waits_up_to_the_pool_timeout_by_default(solution):
    """Without an argument, acquire uses the pool's timeout (1 second unless given), neither failing at once nor waiting forever."""
    PoolExhaustedError = solution.PoolExhaustedError
    ObjectPool = solution.ObjectPool
    with step(1, "pool = ObjectPool(Factory(), 1)"):
        pool = ObjectPool(Factory(), 1)
    with step(2, "held = pool.acquire()"):
        held = pool.acquire()
    with step(3, "waiter = Outcome(pool.acquire)"):
        waiter = Outcome(pool.acquire)
    with step(4, "waiter.still_running_after(0.3)"):
        expect_is(waiter.still_running_after(0.3), True)
    with step(5, "waiter.finished_within(10)"):
        expect_is(waiter.finished_within(10), True)
    with step(6, "waiter.raised()"):
        expect_equal(waiter.raised(), "PoolExhaustedError")
    with step(7, "short = ObjectPool(Factory(), 1, timeout=0.05)"):
        short = ObjectPool(Factory(), 1, timeout=0.05)
    with step(8, "short.acquire()"):
        short.acquire()
    with step(9, "short.acquire()", raises=PoolExhaustedError):
        short.acquire()


@pytest.mark.behaviour("5e5ddeac-bf34-4bc3-b586-5ae81019f134", "scenario")
@pytest.mark.timeout(10.0)
def test_releasing_an_object_the_pool_did_not_lend_raises(solution):
    """A pool must tell its own objects apart by identity: an object that merely compares equal to its own (the suite's objects all compare equal, and none is hashable), or None, is not one it lent."""
    ObjectPool = solution.ObjectPool
    with step(1, "pool = ObjectPool(Factory(), 2)"):
        pool = ObjectPool(Factory(), 2)
    with step(2, "mine = pool.acquire()"):
        mine = pool.acquire()
    with step(3, "pool.release(Thing(99))", raises=ValueError):
        pool.release(Thing(99))
    with step(4, "pool.release(None)", raises=ValueError):
        pool.release(None)
    with step(5, "(pool.size, pool.idle, pool.in_use)"):
        expect_equal((pool.size, pool.idle, pool.in_use), (1, 0, 1))
    with step(6, "pool.release(mine)"):
        pool.release(mine)
    with step(7, "(pool.size, pool.idle, pool.in_use)"):
        expect_equal((pool.size, pool.idle, pool.in_use), (1, 1, 0))


@pytest.mark.behaviour("d0c0202f-e833-4142-b9af-a64e50fdc723", "scenario")
@pytest.mark.timeout(10.0)
def test_releasing_twice_raises_and_lends_the_object_once(solution):
    """A double release that is accepted puts one object in the pool twice, and two callers then share it."""
    ObjectPool = solution.ObjectPool
    with step(1, "factory = Factory()"):
        factory = Factory()
    with step(2, "pool = ObjectPool(factory, 2)"):
        pool = ObjectPool(factory, 2)
    with step(3, "first = pool.acquire()"):
        first = pool.acquire()
    with step(4, "pool.release(first)"):
        pool.release(first)
    with step(5, "pool.release(first)", raises=ValueError):
        pool.release(first)
    with step(6, "(pool.size, pool.idle)"):
        expect_equal((pool.size, pool.idle), (1, 1))
    with step(7, "a, b = pool.acquire(), pool.acquire()"):
        a, b = pool.acquire(), pool.acquire()
    with step(8, "a is b"):
        expect_is(a is b, False)
    with step(9, "factory.count"):
        expect_equal(factory.count, 2)


@pytest.mark.behaviour("1960eafa-8930-45ae-b566-d3c89022480f", "scenario")
@pytest.mark.timeout(10.0)
def test_an_idle_object_failing_validate_is_dropped_and_replaced(solution):
    """validate runs when an idle object is about to be lent again; a stale connection must be dropped (its slot freed) and the caller given a good one."""
    ObjectPool = solution.ObjectPool
    with step(1, "factory = Factory()"):
        factory = Factory()
    with step(2, "pool = ObjectPool(factory, 1, validate=is_usable)"):
        pool = ObjectPool(factory, 1, validate=is_usable)
    with step(3, "first = pool.acquire()"):
        first = pool.acquire()
    with step(4, "pool.release(first)"):
        pool.release(first)
    with step(5, "first.broken = True"):
        first.broken = True
    with step(6, "second = pool.acquire()"):
        second = pool.acquire()
    with step(7, "second is first"):
        expect_is(second is first, False)
    with step(8, "(second.broken, factory.count, pool.size, pool.in_use)"):
        expect_equal((second.broken, factory.count, pool.size, pool.in_use), (False, 2, 1, 1))
    with step(9, "pool.release(first)", raises=ValueError):
        pool.release(first)
    with step(10, "pool.release(second)"):
        pool.release(second)
    with step(11, "pool.acquire() is second"):
        expect_is(pool.acquire() is second, True)


@pytest.mark.behaviour("374dfc90-e6ba-44ce-addc-3399bf690611", "scenario")
@pytest.mark.timeout(10.0)
def test_dropped_objects_free_their_slots(solution):
    """Every dropped object gives its slot back, so after a whole pool goes stale the pool can make max_size fresh objects again."""
    PoolExhaustedError = solution.PoolExhaustedError
    ObjectPool = solution.ObjectPool
    with step(1, "factory = Factory()"):
        factory = Factory()
    with step(2, "pool = ObjectPool(factory, 2, validate=is_usable)"):
        pool = ObjectPool(factory, 2, validate=is_usable)
    with step(
        3,
        "old = [pool.acquire(), pool.acquire()] for thing in old: pool.release(thing) thing.broken = True",
    ):
        old = [pool.acquire(), pool.acquire()]
        for thing in old:
            pool.release(thing)
            thing.broken = True
    with step(4, "new = [pool.acquire(), pool.acquire()]"):
        new = [pool.acquire(), pool.acquire()]
    with step(5, "any((thing.broken for thing in new))"):
        expect_is(any(thing.broken for thing in new), False)
    with step(6, "(factory.count, pool.size, pool.in_use, pool.idle)"):
        expect_equal((factory.count, pool.size, pool.in_use, pool.idle), (4, 2, 2, 0))
    with step(7, "pool.acquire(timeout=0)", raises=PoolExhaustedError):
        pool.acquire(timeout=0)


@pytest.mark.behaviour("a452cf71-2b2c-4d3d-9ea1-64f7d78f9685", "scenario")
@pytest.mark.timeout(10.0)
def test_reset_runs_on_every_release(solution):
    """The next borrower must not see the last one's state; reset runs each time an object comes back, not when it is lent."""
    ObjectPool = solution.ObjectPool
    with step(1, "pool = ObjectPool(Factory(), 1, reset=Resetter())"):
        pool = ObjectPool(Factory(), 1, reset=Resetter())
    with step(2, "thing = pool.acquire()"):
        thing = pool.acquire()
    with step(3, "thing.dirty = True"):
        thing.dirty = True
    with step(4, "thing.resets"):
        expect_equal(thing.resets, 0)
    with step(5, "pool.release(thing)"):
        pool.release(thing)
    with step(6, "(thing.resets, thing.dirty)"):
        expect_equal((thing.resets, thing.dirty), (1, False))
    with step(7, "again = pool.acquire()"):
        again = pool.acquire()
    with step(8, "(again is thing, thing.resets)"):
        expect_equal((again is thing, thing.resets), (True, 1))
    with step(9, "pool.release(again)"):
        pool.release(again)
    with step(10, "thing.resets"):
        expect_equal(thing.resets, 2)


@pytest.mark.behaviour("0a269034-f2a5-49aa-b99a-3dc3ca160791", "scenario")
@pytest.mark.timeout(10.0)
def test_a_failing_factory_gives_its_slot_back(solution):
    """The classic leak: a slot counted before factory() and never uncounted when it raises. After max_size failures the pool holds nothing and lends nothing."""
    ObjectPool = solution.ObjectPool
    with step(1, "factory = Factory()"):
        factory = Factory()
    with step(2, "pool = ObjectPool(factory, 2)"):
        pool = ObjectPool(factory, 2)
    with step(3, "factory.fail_next = 3"):
        factory.fail_next = 3
    with step(4, "pool.acquire(timeout=0)", raises=FactoryError):
        pool.acquire(timeout=0)
    with step(5, "pool.acquire(timeout=0)", raises=FactoryError):
        pool.acquire(timeout=0)
    with step(6, "pool.acquire(timeout=0)", raises=FactoryError):
        pool.acquire(timeout=0)
    with step(7, "(pool.size, pool.idle, pool.in_use)"):
        expect_equal((pool.size, pool.idle, pool.in_use), (0, 0, 0))
    with step(8, "things = [pool.acquire(timeout=0), pool.acquire(timeout=0)]"):
        things = [pool.acquire(timeout=0), pool.acquire(timeout=0)]
    with step(9, "[thing.number for thing in things]"):
        expect_equal([thing.number for thing in things], [1, 2])
    with step(10, "pool.size"):
        expect_equal(pool.size, 2)


@pytest.mark.behaviour("9da23c1d-6ad2-43b4-8900-3236fe1828e2", "scenario")
@pytest.mark.timeout(10.0)
def test_a_failing_reset_drops_the_object_and_frees_its_slot(solution):
    """An object whose reset failed is in an unknown state; it must be dropped, its slot freed, and the reset's exception reported to the caller."""
    ObjectPool = solution.ObjectPool
    with step(1, "resetter = Resetter()"):
        resetter = Resetter()
    with step(2, "pool = ObjectPool(Factory(), 1, reset=resetter)"):
        pool = ObjectPool(Factory(), 1, reset=resetter)
    with step(3, "first = pool.acquire()"):
        first = pool.acquire()
    with step(4, "resetter.fail_next = 1"):
        resetter.fail_next = 1
    with step(5, "pool.release(first)", raises=ResetError):
        pool.release(first)
    with step(6, "(pool.size, pool.idle, pool.in_use)"):
        expect_equal((pool.size, pool.idle, pool.in_use), (0, 0, 0))
    with step(7, "second = pool.acquire(timeout=0)"):
        second = pool.acquire(timeout=0)
    with step(8, "second is first"):
        expect_is(second is first, False)
    with step(9, "pool.release(first)", raises=ValueError):
        pool.release(first)


@pytest.mark.behaviour("a57cf7d3-c5e6-4532-9cc6-4fc8309fc5fe", "scenario")
@pytest.mark.timeout(10.0)
def test_a_slot_freed_by_a_failed_reset_wakes_a_waiter(solution):
    """A waiter must be woken whenever a slot frees up, not only when an object comes back; otherwise it sleeps until its timeout while the pool has room."""
    ObjectPool = solution.ObjectPool
    with step(1, "resetter = Resetter()"):
        resetter = Resetter()
    with step(2, "pool = ObjectPool(Factory(), 1, reset=resetter)"):
        pool = ObjectPool(Factory(), 1, reset=resetter)
    with step(3, "first = pool.acquire()"):
        first = pool.acquire()
    with step(4, "waiter = Outcome(pool.acquire, timeout=30)"):
        waiter = Outcome(pool.acquire, timeout=30)
    with step(5, "waiter.still_running_after(0.2)"):
        expect_is(waiter.still_running_after(0.2), True)
    with step(6, "resetter.fail_next = 1"):
        resetter.fail_next = 1
    with step(7, "pool.release(first)", raises=ResetError):
        pool.release(first)
    with step(8, "waiter.finished_within(5)"):
        expect_is(waiter.finished_within(5), True)
    with step(9, "waiter.raised()"):
        expect_is(waiter.raised(), None)
    with step(10, "waiter.value.number"):
        expect_equal(waiter.value.number, 2)


@pytest.mark.behaviour("d5a1a1c6-2ae4-4108-bf6f-99c8a0b05db3", "scenario")
@pytest.mark.timeout(10.0)
def test_lease_gives_the_object_back_even_when_the_block_raises(solution):
    """A context manager exists so that an exception in the borrower's code cannot leak the object; the exception itself must still propagate."""
    ObjectPool = solution.ObjectPool
    with step(1, "pool = ObjectPool(Factory(), 1)"):
        pool = ObjectPool(Factory(), 1)
    with step(2, "with pool.lease() as thing: inside = (pool.in_use, pool.idle)"):
        with pool.lease() as thing:
            inside = (pool.in_use, pool.idle)
    with step(3, "inside"):
        expect_equal(inside, (1, 0))
    with step(4, "(pool.in_use, pool.idle)"):
        expect_equal((pool.in_use, pool.idle), (0, 1))
    with step(
        5,
        'propagated = False try: with pool.lease() as again: raise KeyError("the borrower failed") except KeyError: propagated = True',
    ):
        propagated = False
        try:
            with pool.lease() as again:
                raise KeyError("the borrower failed")
        except KeyError:
            propagated = True
    with step(6, "(propagated, again is thing)"):
        expect_equal((propagated, again is thing), (True, True))
    with step(7, "(pool.in_use, pool.idle)"):
        expect_equal((pool.in_use, pool.idle), (0, 1))
    with step(8, "pool.acquire(timeout=0) is thing"):
        expect_is(pool.acquire(timeout=0) is thing, True)


@pytest.mark.behaviour("e82b4aa3-3145-4e52-a810-fd7642e8a38a", "scenario")
@pytest.mark.timeout(10.0)
def test_close_drops_idle_objects_and_refuses_new_acquires(solution):
    """A closed pool must not lend or keep objects; objects still on loan may come back and are dropped, and closing twice is harmless."""
    ObjectPool = solution.ObjectPool
    with step(1, "pool = ObjectPool(Factory(), 3)"):
        pool = ObjectPool(Factory(), 3)
    with step(2, "a, b = pool.acquire(), pool.acquire()"):
        a, b = pool.acquire(), pool.acquire()
    with step(3, "pool.release(a)"):
        pool.release(a)
    with step(4, "pool.close()"):
        pool.close()
    with step(5, "(pool.size, pool.idle, pool.in_use)"):
        expect_equal((pool.size, pool.idle, pool.in_use), (1, 0, 1))
    with step(6, "pool.acquire(timeout=0)", raises=RuntimeError):
        pool.acquire(timeout=0)
    with step(7, "with pool.lease(): pass", raises=RuntimeError):
        with pool.lease():
            pass
    with step(8, "pool.release(b)"):
        pool.release(b)
    with step(9, "(pool.size, pool.idle, pool.in_use)"):
        expect_equal((pool.size, pool.idle, pool.in_use), (0, 0, 0))
    with step(10, "pool.release(b)", raises=ValueError):
        pool.release(b)
    with step(11, "pool.close()"):
        pool.close()
    with step(12, "pool.acquire()", raises=RuntimeError):
        pool.acquire()


@pytest.mark.behaviour("054e87dc-117c-4d9e-994b-0dbfa1c20718", "scenario")
@pytest.mark.timeout(10.0)
def test_close_fails_a_waiting_acquire_at_once(solution):
    """A caller waiting for an object of a pool that is shutting down must be told at once, not left to time out."""
    ObjectPool = solution.ObjectPool
    with step(1, "pool = ObjectPool(Factory(), 1)"):
        pool = ObjectPool(Factory(), 1)
    with step(2, "held = pool.acquire()"):
        held = pool.acquire()
    with step(3, "waiter = Outcome(pool.acquire, timeout=30)"):
        waiter = Outcome(pool.acquire, timeout=30)
    with step(4, "waiter.still_running_after(0.2)"):
        expect_is(waiter.still_running_after(0.2), True)
    with step(5, "pool.close()"):
        pool.close()
    with step(6, "waiter.finished_within(5)"):
        expect_is(waiter.finished_within(5), True)
    with step(7, "waiter.raised()"):
        expect_equal(waiter.raised(), "RuntimeError")


@pytest.mark.behaviour("b5c461d2-df4d-43b6-8028-13ff84a7b308", "scenario")
@pytest.mark.timeout(10.0)
def test_rejects_bad_sizes_and_timeouts(solution):
    """A pool of size 0 can never lend anything, and a negative timeout is a caller's bug; both must fail loudly where they were passed."""
    ObjectPool = solution.ObjectPool
    with step(1, "ObjectPool(Factory(), 0)", raises=ValueError, match="max_size"):
        ObjectPool(Factory(), 0)
    with step(2, "ObjectPool(Factory(), -1)", raises=ValueError, match="max_size"):
        ObjectPool(Factory(), -1)
    with step(3, "ObjectPool(Factory(), 1, timeout=-1)", raises=ValueError, match="timeout"):
        ObjectPool(Factory(), 1, timeout=-1)
    with step(4, "pool = ObjectPool(Factory(), 1)"):
        pool = ObjectPool(Factory(), 1)
    with step(5, "pool.acquire(timeout=-0.5)", raises=ValueError, match="timeout"):
        pool.acquire(timeout=-0.5)
    with step(6, "pool.size"):
        expect_equal(pool.size, 0)


@pytest.mark.behaviour("e744caf7-0782-4efd-aecb-e6771c5cd32c", "scenario")
@pytest.mark.timeout(10.0)
def test_reset_finishes_before_the_object_can_be_lent_again(solution):
    """Take back, reset, then make available: an object put back before its reset has run can be lent to another caller while it is still being cleaned."""
    ObjectPool = solution.ObjectPool
    with step(1, "peeker = PeekingReset()"):
        peeker = PeekingReset()
    with step(2, "pool = ObjectPool(Factory(), 1, reset=peeker)"):
        pool = ObjectPool(Factory(), 1, reset=peeker)
    with step(3, "peeker.pool = pool"):
        peeker.pool = pool
    with step(4, "thing = pool.acquire()"):
        thing = pool.acquire()
    with step(5, "pool.release(thing)"):
        pool.release(thing)
    with step(6, "peeker.finish()"):
        expect_equal(peeker.finish(), 1)
    with step(7, "'the Thing being reset' in peeker.seen"):
        expect_is("the Thing being reset" in peeker.seen, False)
    with step(8, "(thing.resets, pool.size, pool.idle + pool.in_use)"):
        expect_equal((thing.resets, pool.size, pool.idle + pool.in_use), (1, 1, 1))


@pytest.mark.behaviour("13b85698-9032-426e-84c4-2d381127314e", "scenario")
@pytest.mark.timeout(10.0)
def test_a_zero_timeout_means_do_not_wait(solution):
    """`timeout=0` is a value, not "absent" (`if timeout:` is the bug): acquire(timeout=0) on a pool whose timeout is 30 s, and acquire() on a pool built with timeout=0, fail at once."""
    ObjectPool = solution.ObjectPool
    with step(1, "patient = ObjectPool(Factory(), 1, timeout=30)"):
        patient = ObjectPool(Factory(), 1, timeout=30)
    with step(2, "held = patient.acquire()"):
        held = patient.acquire()
    with step(3, "quick = Outcome(patient.acquire, timeout=0)"):
        quick = Outcome(patient.acquire, timeout=0)
    with step(4, "quick.finished_within(2)"):
        expect_is(quick.finished_within(2), True)
    with step(5, "quick.raised()"):
        expect_equal(quick.raised(), "PoolExhaustedError")
    with step(6, "hasty = ObjectPool(Factory(), 1, timeout=0)"):
        hasty = ObjectPool(Factory(), 1, timeout=0)
    with step(7, "also_held = hasty.acquire()"):
        also_held = hasty.acquire()
    with step(8, "default = Outcome(hasty.acquire)"):
        default = Outcome(hasty.acquire)
    with step(9, "default.finished_within(2)"):
        expect_is(default.finished_within(2), True)
    with step(10, "default.raised()"):
        expect_equal(default.raised(), "PoolExhaustedError")


@pytest.mark.behaviour("b210c7aa-cee1-4acc-8d26-004549f14211", "scenario")
@pytest.mark.timeout(10.0)
def test_two_pools_share_no_objects(solution):
    """Each pool owns its idle objects; state made once (an idle list at class level) hands one pool's objects to another."""
    ObjectPool = solution.ObjectPool
    with step(
        1,
        "first_factory, second_factory = Factory(), Factory() first, second = ObjectPool(first_factory, 2), ObjectPool(second_factory, 2) mine = first.acquire() first.release(mine)",
    ):
        first_factory, second_factory = Factory(), Factory()
        first, second = ObjectPool(first_factory, 2), ObjectPool(second_factory, 2)
        mine = first.acquire()
        first.release(mine)
    with step(2, "(first.idle, second.idle, second.size)"):
        expect_equal((first.idle, second.idle, second.size), (1, 0, 0))
    with step(3, "theirs = second.acquire()"):
        theirs = second.acquire()
    with step(4, "(theirs is second_factory.made[0], first.idle)"):
        expect_equal((theirs is second_factory.made[0], first.idle), (True, 1))
    with step(5, "second.close()"):
        second.close()
    with step(6, "first.acquire() is mine"):
        expect_is(first.acquire() is mine, True)


@pytest.mark.behaviour("80839f15-31ed-46d4-98ad-acd5f312ef31", "scenario")
@pytest.mark.timeout(10.0)
def test_validate_runs_every_time_an_idle_object_is_lent(solution):
    """An object that passed validate once can go stale later; validate runs on each acquire of an idle object, not once per object."""
    ObjectPool = solution.ObjectPool
    with step(1, "factory = Factory()"):
        factory = Factory()
    with step(2, "pool = ObjectPool(factory, 1, validate=is_usable)"):
        pool = ObjectPool(factory, 1, validate=is_usable)
    with step(
        3, "thing = pool.acquire() for _ in range(2): pool.release(thing) again = pool.acquire()"
    ):
        thing = pool.acquire()
        for _ in range(2):
            pool.release(thing)
            again = pool.acquire()
    with step(4, "(again is thing, factory.count)"):
        expect_equal((again is thing, factory.count), (True, 1))
    with step(5, "pool.release(thing) thing.broken = True fresh = pool.acquire()"):
        pool.release(thing)
        thing.broken = True
        fresh = pool.acquire()
    with step(6, "(fresh is thing, fresh.broken, factory.count)"):
        expect_equal((fresh is thing, fresh.broken, factory.count), (False, False, 2))


@pytest.mark.behaviour("063f1409-b766-4337-b3ea-680c49d1ab07", "property")
@pytest.mark.timeout(60.0)
def test_lends_and_takes_back_like_a_model(solution):
    """Any sequence of acquires, releases (good, repeated and foreign), failing factory calls, failing resets and a close must match a model of the pool: same outcomes, same size, idle, in_use and objects made."""
    ObjectPool = solution.ObjectPool

    class PoolModel:
        def __init__(self, max_size):
            self.max_size = max_size
            self.idle = self.held = self.made = 0
            self.closed = False
            self.create_fails = self.reset_fails = 0

        def acquire(self):
            if self.closed:
                return "RuntimeError"
            if self.idle:
                self.idle -= 1
                self.held += 1
                return "reused"
            if self.held >= self.max_size:
                return "PoolExhaustedError"
            if self.create_fails:
                self.create_fails = 0
                return "FactoryError"
            self.made += 1
            self.held += 1
            return "new"

        def release(self, position):
            if not self.held:
                return "nothing on loan"
            self.held -= 1
            if not self.closed and self.reset_fails:
                self.reset_fails = 0
                return "ResetError"
            if not self.closed:
                self.idle += 1
            return "released"

        def release_again(self):
            return "ValueError" if self.made > self.held else "nothing given back"

        def release_foreign(self):
            return "ValueError"

        def fail_next_create(self):
            self.create_fails = 1

        def fail_next_reset(self):
            self.reset_fails = 1

        def close(self):
            self.closed = True
            self.idle = 0
            self.reset_fails = 0

        def counts(self):
            return {
                "size": self.idle + self.held,
                "idle": self.idle,
                "in_use": self.held,
                "made": self.made,
            }

    class Machine(ModelMachine):
        @initialize(max_size=st.integers(1, 3))
        def start(self, max_size):
            self.begin(
                lambda: PoolHarness(ObjectPool, max_size),
                lambda: PoolModel(max_size),
                "PoolHarness(ObjectPool, max_size)",
                max_size=max_size,
            )

        @rule()
        def rule_1_acquire(self):
            self.apply(
                "acquire()",
                lambda target: target.acquire(),
                compare=True,
            )

        @rule(position=st.integers(0, 2))
        def rule_2_release(self, position):
            self.apply(
                "release(position)",
                lambda target: target.release(position),
                position=position,
                compare=True,
            )

        @rule()
        def rule_3_release_again(self):
            self.apply(
                "release_again()",
                lambda target: target.release_again(),
                compare=True,
            )

        @rule()
        def rule_4_release_foreign(self):
            self.apply(
                "release_foreign()",
                lambda target: target.release_foreign(),
                compare=True,
            )

        @rule()
        def rule_5_fail_next_create(self):
            self.apply(
                "fail_next_create()",
                lambda target: target.fail_next_create(),
                compare=False,
            )

        @rule()
        def rule_6_fail_next_reset(self):
            self.apply(
                "fail_next_reset()",
                lambda target: target.fail_next_reset(),
                compare=False,
            )

        @rule()
        def rule_7_close(self):
            self.apply(
                "close()",
                lambda target: target.close(),
                compare=False,
            )

        @invariant()
        def invariant_1(self):
            self.holds(
                "subject.counts() == model.counts()",
                lambda subject, model: subject.counts() == model.counts(),
                sides=lambda subject, model: (subject.counts(), model.counts()),
                equality=True,
            )

    run_model_machine(Machine, examples=120, steps=30)


@pytest.mark.behaviour("f7d125ed-30ef-46fa-9e10-2e81f4e7136b", "concurrency")
@pytest.mark.timeout(35.0)
def test_never_more_than_max_size_alive_under_contention(solution):
    """ "Is there room? Then make one" is a check-then-act race: without one lock around the check and the reservation, threads overfill the pool or lend one object to two threads."""
    ObjectPool = solution.ObjectPool
    with step("setup", "factory = Factory() pool = ObjectPool(factory, 3) usage = Usage()"):
        factory = Factory()
        pool = ObjectPool(factory, 3)
        usage = Usage()

    def worker(index):
        for _ in range(30):
            thing = pool.acquire(timeout=10)
            usage.hold(pool, thing)
            pool.release(thing)

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "factory.count <= 3"):
        expect_is(factory.count <= 3, True)
    with step("after 2", "max(usage.sizes) <= 3"):
        expect_is(max(usage.sizes) <= 3, True)
    with step("after 3", "usage.most_holders"):
        expect_equal(usage.most_holders, 1)
    with step("after 4", "(pool.in_use, pool.idle)"):
        expect_equal((pool.in_use, pool.idle), (0, factory.count))


@pytest.mark.behaviour("1fb13b04-d1a7-4c61-ab4a-acf2452a9434", "concurrency")
@pytest.mark.timeout(35.0)
def test_failures_under_contention_leak_no_slot(solution):
    """With factory calls, validations and resets failing while 8 threads compete, every dropped object and failed creation must give its slot back, and the pool's count must match the objects really alive."""
    ObjectPool = solution.ObjectPool
    with step(
        "setup",
        "ledger = Ledger() pool = ObjectPool(ledger.make, 3, validate=ledger.validate, reset=ledger.reset)",
    ):
        ledger = Ledger()
        pool = ObjectPool(ledger.make, 3, validate=ledger.validate, reset=ledger.reset)

    def worker(index):
        for _ in range(25):
            try:
                thing = pool.acquire(timeout=10)
            except FactoryError:
                continue
            thing.uses += 1
            try:
                pool.release(thing)
            except ResetError:
                pass

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "ledger.most_alive <= 3"):
        expect_is(ledger.most_alive <= 3, True)
    with step("after 2", "(pool.in_use, pool.size)"):
        expect_equal((pool.in_use, pool.size), (0, pool.idle))
    with step("after 3", "pool.size"):
        expect_equal(pool.size, ledger.alive)
    with step("after 4", "ledger.failing = False"):
        ledger.failing = False
    with step("after 5", "len([pool.acquire(timeout=0) for _ in range(3)])"):
        expect_equal(len([pool.acquire(timeout=0) for _ in range(3)]), 3)
    with step("after 6", "(pool.size, pool.in_use)"):
        expect_equal((pool.size, pool.in_use), (3, 3))


@pytest.mark.behaviour("9e21ee74-7fa6-44b3-b331-8471c0af0713", "concurrency")
@pytest.mark.timeout(35.0)
def test_releasing_one_object_from_many_threads_at_once_succeeds_once(solution):
    """ "Is it on loan? Then take it back" is a check-then-act race on one object: 8 threads releasing the same object must see exactly one release accepted and the rest raise ValueError, or the object is idle twice."""
    ObjectPool = solution.ObjectPool
    with step(
        "setup",
        "pool = ObjectPool(Factory(), 12) things = [pool.acquire() for _ in range(12)] accepted = [0] * 12 refused = [0] * 12",
    ):
        pool = ObjectPool(Factory(), 12)
        things = [pool.acquire() for _ in range(12)]
        accepted = [0] * 12
        refused = [0] * 12

    def worker(index):
        for k, thing in enumerate(things):
            try:
                pool.release(thing)
            except ValueError:
                refused[k] += 1
            else:
                accepted[k] += 1

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "accepted"):
        expect_equal(accepted, [1] * 12)
    with step("after 2", "refused"):
        expect_equal(refused, [7] * 12)
    with step("after 3", "(pool.size, pool.idle, pool.in_use)"):
        expect_equal((pool.size, pool.idle, pool.in_use), (12, 12, 0))
    with step("after 4", "len({id(pool.acquire(timeout=0)) for _ in range(12)})"):
        expect_equal(len({id(pool.acquire(timeout=0)) for _ in range(12)}), 12)


@pytest.mark.behaviour("c05255f7-6076-456d-a62e-bf68ed8b34b9", "complexity")
@pytest.mark.timeout(60.0)
def test_acquire_and_release_take_constant_time_however_many_are_lent(solution):
    """A pool that scans a list of lent objects on every release becomes the bottleneck it was meant to remove."""
    ObjectPool = solution.ObjectPool

    def build(n):
        pool = ObjectPool(object, n + 1)
        lent = [pool.acquire() for _ in range(n)]

        def operation(i):
            pool.release(pool.acquire())

        return operation

    expect_constant_time(
        build,
        sizes=[100, 10000],
        operations=2000,
        max_ratio=4.0,
        budget=36.0,
    )
