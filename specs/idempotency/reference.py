"""Idempotency keys: run an operation once per key, replay its result to every retry.

What is this pattern about?
    Networks fail after the server has done the work but before the client hears back,
    so clients retry, and a retried "charge the card" must not charge twice. The client
    sends an idempotency key with each logical request; the server runs the operation
    the first time it sees the key, stores the result, and answers every later request
    with that key from the store. Reusing a key for a *different* request is a client
    bug and is refused, a failed operation is not stored (so a retry can succeed), two
    copies of the request arriving at once still run it only once, and stored results
    are forgotten after a while.

What does this example do?
    `IdempotencyStore(ttl_seconds, clock)` has one method,
    `execute(key, request, operation)`. A stored result for the key is replayed when
    the request is equal to the stored one, and `IdempotencyConflictError` is raised
    when it is not. Otherwise the first caller runs `operation` outside the store's
    lock while later callers with the same key wait for it and share its result or its
    exception; a result is stored with the clock's time and forgotten once
    `ttl_seconds` have passed.

TL;DR
    Under one lock: forget expired records; a record or an in-flight call for the key
    answers (after an equality check of the request); else register yourself as in
    flight. Run the operation outside the lock; store on success, store nothing on
    failure, and always wake the waiters.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


class IdempotencyConflictError(ValueError):
    """A key was reused with a request different from the one it was first used with."""


@dataclass(frozen=True)
class _Record:
    key: str
    request: object
    result: Any
    stored_at: float


@dataclass
class _Flight:
    """A call that is running now; callers with the same key wait on `done`."""

    request: object
    done: threading.Event = field(default_factory=threading.Event)
    result: Any = None
    error: BaseException | None = None


class IdempotencyStore:
    """Runs each key's operation once and replays its result until `ttl_seconds` pass."""

    def __init__(
        self, ttl_seconds: float = 86400, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if ttl_seconds <= 0:
            raise ValueError(f"ttl_seconds must be positive, got {ttl_seconds!r}")
        self._ttl = ttl_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._records: dict[str, _Record] = {}
        self._flights: dict[str, _Flight] = {}
        self._by_age: deque[_Record] = deque()  # stored records, oldest first

    def execute(self, key: str, request: object, operation: Callable[[], Any]) -> Any:
        with self._lock:
            self._forget_expired()
            record = self._records.get(key)
            if record is not None:
                self._check_same_request(key, record.request, request)
                return record.result
            flight = self._flights.get(key)
            if flight is not None:
                self._check_same_request(key, flight.request, request)
                leader = False
            else:
                flight = self._flights[key] = _Flight(request)
                leader = True

        if not leader:
            flight.done.wait()
            if flight.error is not None:
                raise flight.error
            return flight.result

        try:
            result = operation()  # outside the lock: other keys never wait for it
        except BaseException as exc:
            flight.error = exc
            with self._lock:
                del self._flights[key]  # nothing stored: a retry runs the operation again
            raise
        else:
            flight.result = result
            with self._lock:
                record = _Record(key, request, result, self._clock())
                self._records[key] = record
                self._by_age.append(record)
                del self._flights[key]
            return result
        finally:
            flight.done.set()

    def _forget_expired(self) -> None:
        """Drop every record `ttl_seconds` old or older; the caller holds the lock."""
        now = self._clock()
        while self._by_age and now - self._by_age[0].stored_at >= self._ttl:
            record = self._by_age.popleft()
            if self._records.get(record.key) is record:
                del self._records[record.key]

    @staticmethod
    def _check_same_request(key: str, stored: object, request: object) -> None:
        if stored != request:
            raise IdempotencyConflictError(
                f"idempotency key {key!r} was already used with a different request"
            )
