"""Object pool.

What is this pattern about?
    Some objects are expensive to make (database connections, parsers, big buffers) and
    cheap to reuse. An object pool keeps the ones it made and lends them out again, creates
    new ones only when none is free, and never lets more than `max_size` exist at once, so
    a burst of demand waits for a free object instead of overwhelming the resource behind
    it. Lending means bookkeeping: what is idle, what is lent, and what must happen when a
    lent object comes back broken or never comes back cleanly.

What does this example do?
    `ObjectPool(factory, max_size)` lends objects with `acquire()` (waiting up to a
    timeout, then raising `PoolExhaustedError`) and takes them back with `release(obj)`.
    It creates objects lazily with `factory`, checks an idle object with `validate` before
    lending it again (dropping it if it fails), runs `reset` on each returned object, and
    tracks lent objects by identity so a foreign or twice-released object is refused.
    `lease()` is a context manager that always gives the object back; `close()` drops the
    idle objects and refuses new acquires.

TL;DR
    One lock and one condition; count a slot *before* calling the factory and give it back
    if the factory raises; release by identity; wake a waiter whenever a slot frees up.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_NEW = object()  # "this slot has no object yet: call the factory"
_ABSENT = object()


class PoolExhaustedError(TimeoutError):
    """No object became available within the timeout."""


class ObjectPool:
    """Lends at most `max_size` objects made by `factory`, reusing the ones given back."""

    def __init__(
        self,
        factory: Callable[[], object],
        max_size: int,
        timeout: float = 1.0,
        validate: Callable[[object], bool] | None = None,
        reset: Callable[[object], None] | None = None,
    ) -> None:
        if not callable(factory):
            raise TypeError("factory must be callable")
        if isinstance(max_size, bool) or not isinstance(max_size, int):
            raise TypeError(f"max_size must be an int, got {type(max_size).__name__}")
        if max_size < 1:
            raise ValueError(f"max_size must be at least 1, got {max_size}")
        for name, hook in (("validate", validate), ("reset", reset)):
            if hook is not None and not callable(hook):
                raise TypeError(f"{name} must be callable or None")
        self._factory = factory
        self._max_size = max_size
        self._timeout = _checked_timeout(timeout)
        self._validate = validate
        self._reset = reset
        self._lock = threading.Lock()  # `with self._lock` is the fast path; waits use the condition
        self._freed = threading.Condition(self._lock)
        self._idle: list[object] = []
        self._taken = 0  # slots held by callers: lent objects, and ones being made or checked
        self._lent: dict[int, object] = {}  # by id(): objects may be unhashable or compare equal
        self._waiting = 0
        self._closed = False

    @property
    def size(self) -> int:
        with self._lock:
            return len(self._idle) + self._taken

    @property
    def idle(self) -> int:
        with self._lock:
            return len(self._idle)

    @property
    def in_use(self) -> int:
        with self._lock:
            return self._taken

    def acquire(self, timeout: float | None = None) -> object:
        wait = self._timeout if timeout is None else _checked_timeout(timeout)
        candidate = self._take_slot(wait)
        try:
            # validate and factory run outside the lock: a slow one must not stall the pool.
            while candidate is not _NEW and self._validate is not None:
                if self._validate(candidate):
                    break
                candidate = self._next_idle()  # the failed object is dropped; the slot stays ours
            obj = self._factory() if candidate is _NEW else candidate
        except BaseException:
            self._give_back_slot()
            raise
        with self._lock:
            self._lent[id(obj)] = obj
        return obj

    def release(self, obj: object) -> None:
        with self._lock:
            if self._lent.pop(id(obj), _ABSENT) is not obj:
                raise ValueError(
                    "release(obj): this object is not on loan from this pool "
                    "(it was never acquired here, or it was already released)"
                )
            closing = self._closed
        if closing or self._reset is None:
            self._return(obj, keep=not closing)
            return
        try:
            self._reset(obj)
        except BaseException:
            self._return(obj, keep=False)  # half-reset: never lend it again
            raise
        self._return(obj, keep=True)

    @contextmanager
    def lease(self) -> Iterator[object]:
        obj = self.acquire()
        try:
            yield obj
        finally:
            self.release(obj)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._idle.clear()
            self._freed.notify_all()  # waiters must learn that the pool is closed

    def _take_slot(self, wait: float) -> object:
        """Reserve a slot: an idle object to check, or _NEW; wait for one up to `wait` s."""
        deadline = None
        with self._lock:
            while True:
                if self._closed:
                    raise RuntimeError("acquire() on a closed pool")
                if self._idle:
                    self._taken += 1
                    return self._idle.pop()
                if self._taken < self._max_size:
                    self._taken += 1
                    return _NEW
                if deadline is None:
                    deadline = time.monotonic() + wait
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise PoolExhaustedError(
                        f"no object became free within {wait:g} s (max_size={self._max_size})"
                    )
                self._waiting += 1
                try:
                    self._freed.wait(remaining)
                finally:
                    self._waiting -= 1

    def _next_idle(self) -> object:
        with self._lock:
            return self._idle.pop() if self._idle and not self._closed else _NEW

    def _give_back_slot(self) -> None:
        with self._lock:
            self._taken -= 1
            if self._waiting:
                self._freed.notify()

    def _return(self, obj: object, keep: bool) -> None:
        with self._lock:
            self._taken -= 1
            if keep and not self._closed:
                self._idle.append(obj)
            if self._waiting:
                self._freed.notify()


def _checked_timeout(timeout: float) -> float:
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise TypeError(f"timeout must be a number of seconds, got {type(timeout).__name__}")
    if timeout < 0:
        raise ValueError(f"timeout must be at least 0 seconds, got {timeout}")
    return float(timeout)
