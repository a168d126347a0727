"""Alternative rate limiters: exact rational token accounting and bisected call logs.

What is this pattern about?
    A token bucket allows bursts up to its capacity and refills continuously; a sliding
    window allows at most `limit` calls per key in any window.

What does this example do?
    `TokenBucket` keeps its level as a `Fraction`, so refills never accumulate rounding
    error. `SlidingWindowLimiter` keeps a sorted list of call times per key and finds the
    calls still inside the window with `bisect` instead of popping expired ones.

TL;DR
    Same contract as the reference with different machinery: the suite must accept it.
"""

from __future__ import annotations

import threading
import time
from bisect import bisect_right
from collections.abc import Callable
from fractions import Fraction


class TokenBucket:
    def __init__(
        self, capacity: int, refill_rate: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if not isinstance(capacity, int) or capacity < 1:
            raise ValueError("capacity must be an int >= 1")
        if refill_rate < 0:
            raise ValueError("refill_rate must be >= 0")
        self._cap = Fraction(capacity)
        self._rate = Fraction(refill_rate)
        self._clock = clock
        self._mutex = threading.RLock()
        self._level = Fraction(capacity)
        self._since = Fraction(clock())

    def _catch_up(self) -> None:
        now = Fraction(self._clock())
        if now > self._since:
            self._level = min(self._cap, self._level + (now - self._since) * self._rate)
            self._since = now

    def allow(self, tokens: int = 1) -> bool:
        if tokens < 1:
            raise ValueError("tokens must be >= 1")
        with self._mutex:
            self._catch_up()
            if self._level >= tokens:
                self._level -= tokens
                return True
            return False

    def available(self) -> float:
        with self._mutex:
            self._catch_up()
            return float(self._level)


class SlidingWindowLimiter:
    def __init__(
        self, limit: int, window_seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if not isinstance(limit, int) or limit < 1:
            raise ValueError("limit must be an int >= 1")
        if not window_seconds > 0:
            raise ValueError("window_seconds must be > 0")
        self._limit = limit
        self._window = window_seconds
        self._clock = clock
        self._mutex = threading.Lock()
        self._calls: dict[str, list[float]] = {}

    def allow(self, key: str) -> bool:
        with self._mutex:
            now = self._clock()
            calls = self._calls.get(key)
            if calls is None:
                calls = self._calls[key] = []
            # calls at t with now - t >= window no longer count: keep t > now - window
            first_live = bisect_right(calls, now - self._window)
            while first_live < len(calls) and now - calls[first_live] >= self._window:
                first_live += 1
            while first_live > 0 and now - calls[first_live - 1] < self._window:
                first_live -= 1
            if first_live:
                del calls[:first_live]
            if len(calls) >= self._limit:
                return False
            calls.append(now)
            return True
