"""Retry with capped exponential backoff and full jitter.

What is this pattern about?
    Remote calls fail for reasons that pass: a dropped connection, a busy server, a
    timeout. Trying again often works, but trying again at once, and all together,
    hammers a service that is already struggling. A retry policy tries a call a bounded
    number of times, waits longer after each failure (exponential backoff, capped so the
    wait stays reasonable) and, with full jitter, waits a random fraction of that, so
    clients that failed together do not come back together. Only errors worth retrying
    are retried: anything else is a bug or a refusal, and it reaches the caller at once,
    as it was raised.

What does this example do?
    `RetryPolicy` holds the rules: `max_attempts`, the backoff (`base_delay`,
    `multiplier`, `max_delay`), `jitter`, the exception types in `retry_on`, and the
    injected `sleep` and `rng`. `call(func, *args, **kwargs)` calls `func` until it
    returns, raises an exception outside `retry_on` (propagated unwrapped) or has failed
    `max_attempts` times (`RetryError`, raised from the last exception). Between attempt
    `n` and attempt `n + 1` it sleeps wait `n`: `min(max_delay, base_delay * multiplier
    ** (n - 1))`, times a fresh `rng()` draw when `jitter` is on. `delays()` yields the
    same planned waits. `retry(...)` is the decorator form.

TL;DR
    Loop over attempts; return on success; re-raise what `retry_on` does not cover; on
    the last attempt raise `RetryError(...) from exc`; otherwise sleep the next planned
    wait. Wait n = min(cap, base * multiplier ** (n - 1)) * rng() with jitter. No wait
    before the first attempt or after the last, and every call starts again at wait 1.
"""

from __future__ import annotations

import functools
import random
import time
from collections.abc import Callable, Iterator
from typing import Any


class RetryError(Exception):
    """Every attempt failed: `attempts` were made and `last_exception` ended the last one."""

    def __init__(self, attempts: int, last_exception: BaseException) -> None:
        super().__init__(f"gave up after {attempts} attempt(s): {last_exception!r}")
        self.attempts = attempts
        self.last_exception = last_exception


class RetryPolicy:
    """Calls a function until it succeeds, with capped exponential backoff between attempts."""

    def __init__(
        self,
        max_attempts: int = 3,
        base_delay: float = 0.1,
        multiplier: float = 2.0,
        max_delay: float = 10.0,
        jitter: bool = False,
        retry_on: tuple[type[BaseException], ...] = (Exception,),
        sleep: Callable[[float], None] = time.sleep,
        rng: Callable[[], float] = random.random,
    ) -> None:
        if max_attempts < 1:
            raise ValueError(f"max_attempts must be at least 1, got {max_attempts!r}")
        if base_delay < 0:
            raise ValueError(f"base_delay must not be negative, got {base_delay!r}")
        if multiplier < 0:
            raise ValueError(f"multiplier must not be negative, got {multiplier!r}")
        if max_delay < 0:
            raise ValueError(f"max_delay must not be negative, got {max_delay!r}")
        self.max_attempts = max_attempts
        self.base_delay = base_delay
        self.multiplier = multiplier
        self.max_delay = max_delay
        self.jitter = jitter
        self.retry_on = retry_on if isinstance(retry_on, tuple) else (retry_on,)
        self._sleep = sleep
        self._rng = rng

    def delays(self) -> Iterator[float]:
        """The planned waits: wait n follows attempt n, for n = 1 .. max_attempts - 1."""
        capped = False  # growing waits stay at max_delay once they reach it
        for n in range(1, self.max_attempts):
            if not capped:
                wait = min(self.max_delay, self.base_delay * self.multiplier ** (n - 1))
                capped = wait == self.max_delay and self.multiplier >= 1
            # (no `multiplier ** n` once capped: a large n would overflow the float)
            yield (wait * self._rng()) if self.jitter else wait  # full jitter: 0 .. the wait

    def call(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        waits = self.delays()  # a fresh plan for every call
        attempt = 0
        while True:
            attempt += 1
            try:
                return func(*args, **kwargs)
            except self.retry_on as exc:
                if attempt >= self.max_attempts:
                    raise RetryError(attempt, exc) from exc
                self._sleep(next(waits))


def retry(
    *,
    max_attempts: int = 3,
    base_delay: float = 0.1,
    multiplier: float = 2.0,
    max_delay: float = 10.0,
    jitter: bool = False,
    retry_on: tuple[type[BaseException], ...] = (Exception,),
    sleep: Callable[[float], None] = time.sleep,
    rng: Callable[[], float] = random.random,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A decorator retrying the function it wraps under a `RetryPolicy` of these arguments."""
    policy = RetryPolicy(
        max_attempts=max_attempts,
        base_delay=base_delay,
        multiplier=multiplier,
        max_delay=max_delay,
        jitter=jitter,
        retry_on=retry_on,
        sleep=sleep,
        rng=rng,
    )  # built here, so a bad argument raises at this call

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def retried(*args: Any, **kwargs: Any) -> Any:
            return policy.call(func, *args, **kwargs)

        return retried

    return decorate
