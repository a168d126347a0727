"""Request coalescing (single flight).

What is this pattern about?
    When a popular cache entry expires, a hundred requests miss at once and a hundred
    identical queries hit the database: a "thundering herd" or cache stampede. Request
    coalescing lets only the first caller for a key do the work while the others wait for
    its answer, so the backend sees one call per key however many callers ask at the same
    moment. Nothing is cached: once that call has finished, the next caller starts a fresh
    one.

What does this example do?
    `SingleFlight.do(key, fn)` runs `fn()` for the first caller of `key` and makes every
    caller that arrives while it runs wait for the same outcome: its result, or its
    exception re-raised. When the call finishes the key is forgotten, so a later caller
    runs `fn` again. Callers of different keys never wait for each other, because the lock
    only guards the table of calls in flight and is never held while `fn` runs.

TL;DR
    A dict of key -> call-in-flight behind one lock. The first caller registers a call and
    runs `fn` outside the lock; the others wait on the call's Event. In `finally`, forget
    the key, then set the Event, also when `fn` raised.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable


class _Call:
    """One run of `fn`, shared by every caller that asked for its key while it ran."""

    __slots__ = ("done", "error", "result")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.result: object = None
        self.error: BaseException | None = None


class SingleFlight:
    """Coalesces concurrent calls that share a key into one call of `fn`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # guards _calls only; never held while fn runs
        self._calls: dict[Hashable, _Call] = {}

    def do(self, key: Hashable, fn: Callable[[], object]) -> object:
        with self._lock:
            call = self._calls.get(key)
            leader = call is None
            if leader:
                call = self._calls[key] = _Call()
        if not leader:
            call.done.wait()
            if call.error is not None:
                raise call.error
            return call.result
        try:
            call.result = fn()
        except BaseException as exc:  # waiters must get it too, whatever it is
            call.error = exc
            raise
        finally:
            with self._lock:
                del self._calls[key]  # a caller from now on starts a fresh call
            call.done.set()  # set even when fn raised, or the waiters hang
        return call.result
