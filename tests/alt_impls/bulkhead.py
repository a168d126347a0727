"""Bulkhead, a second correct implementation: slots as tokens in a queue.

What is this pattern about?
    A bulkhead gives a dependency a fixed number of concurrent call slots, so that when
    it slows down its calls pile up in their own compartment instead of taking every
    thread of the process with them.

What does this example do?
    Unlike the reference (a counter guarded by a Condition), this one keeps the free
    slots as `max_concurrent` token objects in a `queue.Queue`. A call takes a token with
    `get(timeout=max_wait)` (`queue.Empty` becomes `BulkheadFullError`), runs `func`, and
    puts the token back in a context manager's `__exit__`, which runs however `func`
    ended. `active` is the number of tokens out of the queue. The queue's own lock and
    condition make taking a token atomic and wake one waiter per token put back.

TL;DR
    Free slots are tokens in a queue: get one (waiting at most `max_wait`), run, put it
    back on exit.
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from types import TracebackType
from typing import TypeVar

T = TypeVar("T")


class BulkheadFullError(RuntimeError):
    """No slot was freed within `max_wait`; the call was not run."""


class _Slot:
    """One token held for the length of a `with` block."""

    __slots__ = ("_free", "_token")

    def __init__(self, free: queue.Queue[int], max_wait: float) -> None:
        self._free = free
        try:
            if max_wait > 0:
                self._token = free.get(timeout=max_wait)
            else:  # max_wait=0: do not wait at all
                self._token = free.get_nowait()
        except queue.Empty:
            raise BulkheadFullError(f"no slot was freed within {max_wait:g} s") from None

    def __enter__(self) -> _Slot:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._free.put(self._token)


class Bulkhead:
    """At most `max_concurrent` calls at once; free slots are tokens in a queue."""

    def __init__(self, max_concurrent: int, max_wait: float = 0.0) -> None:
        if not isinstance(max_concurrent, int) or max_concurrent < 0:
            raise ValueError(f"max_concurrent must be a non-negative int, got {max_concurrent!r}")
        if max_wait < 0:
            raise ValueError(f"max_wait must be >= 0, got {max_wait!r}")
        self._size = max_concurrent
        self._max_wait = max_wait
        self._free: queue.Queue[int] = queue.Queue()
        for token in range(max_concurrent):
            self._free.put(token)

    @property
    def active(self) -> int:
        return self._size - self._free.qsize()

    def call(self, func: Callable[..., T], *args: object, **kwargs: object) -> T:
        with _Slot(self._free, self._max_wait):
            return func(*args, **kwargs)
