"""An alternative single flight for the suite to accept: one Future per key in flight.

What is this pattern about?
    Request coalescing: callers of one key arriving while its call runs share that call's
    outcome instead of each running the expensive function.

What does this example do?
    Instead of the reference's Event plus result fields, each call in flight is a
    `concurrent.futures.Future`, registered with `dict.setdefault` under a lock. The
    leader completes it with the result or the exception; waiters block in
    `Future.result()`, which returns the result or raises the exception.

TL;DR
    Same contract, different parts: a Future carries the outcome, `setdefault` decides
    who leads.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future


class SingleFlight:
    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._in_flight: dict[object, Future] = {}

    def do(self, key, fn):
        mine: Future = Future()
        with self._guard:
            future = self._in_flight.setdefault(key, mine)
        if future is not mine:
            return future.result()
        try:
            value = fn()
        except BaseException as exc:
            with self._guard:
                del self._in_flight[key]
            mine.set_exception(exc)
            raise
        with self._guard:
            del self._in_flight[key]
        mine.set_result(value)
        return value
