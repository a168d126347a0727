"""Bulkhead: a fixed number of slots around a call.

What is this pattern about?
    A ship's hull is split into watertight compartments (bulkheads) so that one breach
    floods one compartment, not the ship. In software, a bulkhead gives each dependency
    its own small, fixed budget of concurrent calls. When that dependency slows down and
    its calls pile up, they fill only its own slots: callers beyond the budget are turned
    away at once (or after a short wait) instead of tying up every thread of the process
    while they wait on a service that is not answering.

What does this example do?
    `Bulkhead(max_concurrent, max_wait=0.0).call(func, *args, **kwargs)` runs
    `func(*args, **kwargs)` in one of `max_concurrent` slots and returns what it returns
    (or re-raises what it raises). When every slot is busy, the call waits up to
    `max_wait` seconds for one to be freed, then raises `BulkheadFullError` without
    running `func`. `active` is the number of calls running now. The slot is given back
    in `finally`, so a `func` that raises (anything at all) never leaks one.

TL;DR
    A counter and a `threading.Condition`: wait for `active < max_concurrent` with a
    timeout, take the slot in the same critical section, run `func` outside the lock,
    and in `finally` give the slot back and `notify()` one waiter.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class BulkheadFullError(RuntimeError):
    """Every slot stayed busy for the whole of `max_wait`; the call was not run."""


class Bulkhead:
    """At most `max_concurrent` calls run at once; a further call waits up to `max_wait`."""

    def __init__(self, max_concurrent: int, max_wait: float = 0.0) -> None:
        if max_concurrent < 1:
            raise ValueError(f"max_concurrent must be at least 1, got {max_concurrent!r}")
        if max_wait < 0:
            raise ValueError(f"max_wait must not be negative, got {max_wait!r}")
        self._max_concurrent = max_concurrent
        self._max_wait = float(max_wait)  # 0.0 is a value: do not wait at all
        self._room = threading.Condition(threading.Lock())
        self._active = 0  # guarded by _room

    @property
    def active(self) -> int:
        with self._room:
            return self._active

    def call(self, func: Callable[..., T], *args: object, **kwargs: object) -> T:
        self._take_slot()
        try:
            return func(*args, **kwargs)
        finally:  # whatever func raised, even a BaseException, the slot comes back
            self._give_back_slot()

    def _has_room(self) -> bool:
        return self._active < self._max_concurrent

    def _take_slot(self) -> None:
        with self._room:  # check and take in one critical section: no check-then-act race
            if not self._room.wait_for(self._has_room, timeout=self._max_wait):
                raise BulkheadFullError(
                    f"all {self._max_concurrent} slots stayed busy for {self._max_wait:g} s"
                )
            self._active += 1

    def _give_back_slot(self) -> None:
        with self._room:
            self._active -= 1
            self._room.notify()  # one slot freed: wake one waiter
