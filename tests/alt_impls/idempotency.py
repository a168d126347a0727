"""An alternative idempotency store: one Condition and per-key entries expired on lookup.

What is this pattern about?
    Each idempotency key's operation runs once; retries with an equal request get the
    stored result, a different request is a conflict, and failures are never stored.

What does this example do?
    Every key maps to one mutable entry, pending or done. Duplicates of a pending key wait
    on a single store-wide `Condition` instead of a per-call event, and an entry's expiry
    is checked when its key is looked up rather than by sweeping a queue of records.

TL;DR
    Same contract as the reference with different machinery: the suite must accept it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any


class IdempotencyConflictError(ValueError):
    pass


class _Entry:
    __slots__ = ("request", "pending", "result", "error", "stored_at")

    def __init__(self, request: object) -> None:
        self.request = request
        self.pending = True
        self.result: Any = None
        self.error: BaseException | None = None
        self.stored_at = 0.0


class IdempotencyStore:
    def __init__(
        self, ttl_seconds: float = 86400, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if not ttl_seconds > 0:
            raise ValueError("ttl_seconds must be > 0")
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        self._entries: dict[str, _Entry] = {}
        self._cond = threading.Condition()

    def _live(self, key: str) -> _Entry | None:
        entry = self._entries.get(key)
        if entry is not None and not entry.pending:
            if self.clock() - entry.stored_at >= self.ttl_seconds:
                del self._entries[key]
                return None
        return entry

    def execute(self, key: str, request: object, operation: Callable[[], Any]) -> Any:
        with self._cond:
            entry = self._live(key)
            if entry is not None:
                if not (entry.request == request):
                    raise IdempotencyConflictError(f"key {key!r} reused with another request")
                while entry.pending:
                    self._cond.wait()
                if entry.error is not None:
                    raise entry.error
                return entry.result
            entry = self._entries[key] = _Entry(request)
        try:
            value = operation()
        except BaseException as exc:
            with self._cond:
                entry.error, entry.pending = exc, False
                del self._entries[key]
                self._cond.notify_all()
            raise
        with self._cond:
            entry.result, entry.pending = value, False
            entry.stored_at = self.clock()
            self._cond.notify_all()
        return value
