# Generated from specs/rate_limiter/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 83853a8c45d13c71b2153bbc06a5831cdf97897b4b6ac8d8e61a9b435961707d
"""Token bucket and sliding-window rate limiters: your solution starts here.

Fill in every method until `kata check rate_limiter` passes; the brief is generated/rate_limiter/README.md.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class TokenBucket:
    """Allows bursts of up to `capacity` tokens and a long-run rate of `refill_rate` tokens
    per second. It starts full. Tokens refill continuously (fractions included) at
    `refill_rate` per second of the injected clock, never beyond `capacity`; with
    `refill_rate=0` it never refills. A refused request takes nothing. Thread-safe.
    Whether a request for more than `capacity` tokens returns False or raises
    ValueError is not specified.
    """

    def __init__(
        self, capacity: int, refill_rate: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        """A full bucket of `capacity` tokens (ValueError naming capacity when it is below 1, naming refill_rate when it is negative)."""
        raise NotImplementedError("TokenBucket.__init__: not implemented yet")

    def allow(self, tokens: int = 1) -> bool:
        """Take `tokens` tokens when at least that many are available and return True; otherwise take nothing and return False. ValueError naming tokens when `tokens < 1`."""
        raise NotImplementedError("TokenBucket.allow: not implemented yet")

    def available(self) -> float:
        """The tokens available now (a float, fractions included), without taking any."""
        raise NotImplementedError("TokenBucket.available: not implemented yet")


class SlidingWindowLimiter:
    """At most `limit` allowed calls per key in any window of `window_seconds`, wherever it
    starts. A call is allowed exactly when fewer than `limit` of the key's earlier
    allowed calls happened less than `window_seconds` ago (a call made at time `t`
    stops counting once `clock() - t >= window_seconds`). Refused calls are not counted.
    Keys are independent. Thread-safe.
    """

    def __init__(
        self, limit: int, window_seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        """A limiter allowing `limit` calls per key per window (ValueError naming limit when it is below 1, naming window_seconds when it is not positive)."""
        raise NotImplementedError("SlidingWindowLimiter.__init__: not implemented yet")

    def allow(self, key: str) -> bool:
        """Whether a call for `key` may go ahead now; an allowed call is counted against the key's window."""
        raise NotImplementedError("SlidingWindowLimiter.allow: not implemented yet")
