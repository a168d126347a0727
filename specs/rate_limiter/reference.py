"""Token bucket and sliding-window rate limiters.

What is this pattern about?
    A rate limiter protects a service from callers that ask too often. A token bucket
    holds up to `capacity` tokens and refills continuously at `refill_rate` tokens per
    second; a request spends tokens and is refused when there are not enough, so it
    allows short bursts but a bounded average rate. A sliding-window limiter remembers
    when each allowed call happened and allows a call only while fewer than `limit`
    calls fall in the last `window_seconds`, so no window of that length, wherever it
    starts, ever holds more than `limit` calls (a fixed window, reset on the clock's
    boundaries, lets twice the limit through around each boundary).

What does this example do?
    `TokenBucket(capacity, refill_rate, clock)` starts full; `allow(tokens)` takes
    `tokens` when there are enough and says whether it did, and `available()` reports
    the (fractional) tokens left. `SlidingWindowLimiter(limit, window_seconds, clock)`
    keeps one log of allowed-call times per key; `allow(key)` drops the entries that
    are `window_seconds` old or older and allows the call when fewer than `limit`
    remain. Both read time only from the injected clock and hold one lock across
    "refill or expire, check, take", so concurrent callers can never overspend.

TL;DR
    Bucket: `tokens = min(capacity, tokens + elapsed * refill_rate)`, then take or
    refuse, all under one lock. Window: a deque of allowed times per key; pop while
    `now - oldest >= window`; allow and append while `len < limit`.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class TokenBucket:
    """Allows bursts up to `capacity` tokens, refilling at `refill_rate` tokens per second."""

    def __init__(
        self, capacity: int, refill_rate: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity!r}")
        if refill_rate < 0:
            raise ValueError(f"refill_rate must not be negative, got {refill_rate!r}")
        self._capacity = capacity
        self._refill_rate = refill_rate
        self._clock = clock
        self._lock = threading.Lock()
        self._tokens = float(capacity)
        self._updated = clock()

    def allow(self, tokens: int = 1) -> bool:
        if tokens < 1:
            raise ValueError(f"tokens must be at least 1, got {tokens!r}")
        with self._lock:
            self._refill()
            if self._tokens < tokens:
                return False  # a refused request takes nothing
            self._tokens -= tokens
            return True

    def available(self) -> float:
        with self._lock:
            self._refill()
            return self._tokens

    def _refill(self) -> None:
        """Add what accrued since the last update; the caller holds the lock."""
        now = self._clock()
        if now > self._updated:
            accrued = (now - self._updated) * self._refill_rate
            self._tokens = min(float(self._capacity), self._tokens + accrued)
            self._updated = now


class SlidingWindowLimiter:
    """At most `limit` allowed calls per key in any window of `window_seconds`."""

    def __init__(
        self, limit: int, window_seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if limit < 1:
            raise ValueError(f"limit must be at least 1, got {limit!r}")
        if window_seconds <= 0:
            raise ValueError(f"window_seconds must be positive, got {window_seconds!r}")
        self._limit = limit
        self._window = window_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._allowed: dict[str, deque[float]] = {}  # key -> times of its allowed calls

    def allow(self, key: str) -> bool:
        with self._lock:
            now = self._clock()
            log = self._allowed.setdefault(key, deque())
            while log and now - log[0] >= self._window:  # a call stops counting at its deadline
                log.popleft()
            if len(log) >= self._limit:
                return False  # a refused call is not recorded: it used no capacity
            log.append(now)
            return True
