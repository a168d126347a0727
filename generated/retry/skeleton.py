# Generated from specs/retry/spec.yaml by `kata generate`; do not edit.
# spec-sha256: fa940ddaae0319157d34b41722b1ddbac8a105eecb208b8e486fa6f96da3f28d
"""Retry with exponential backoff and full jitter: your solution starts here.

Fill in every method until `kata check retry` passes; the brief is generated/retry/README.md.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from typing import Any


class RetryError(Exception):
    """Every attempt of a call failed. `attempts` is how many attempts were made and
    `last_exception` is what the last one raised; it is raised `from` that exception.
    The suite never builds one itself, so its constructor is yours to choose.

    Attributes:
        attempts: How many attempts were made.
        last_exception: The exception the last attempt raised.
    """

    def __init__(self, attempts: int, last_exception: BaseException) -> None:
        """Remember the number of attempts and the last exception."""
        raise NotImplementedError(
            "RetryError.__init__: call super().__init__ with a message, then store both attributes."
        )


class RetryPolicy:
    """Calls a function until it returns, at most `max_attempts` times in all. An exception
    that is an instance of a type in `retry_on` is retried; any other exception
    propagates at once, unwrapped. Between attempt `n` and attempt `n + 1` it calls
    `sleep(wait n)`, where wait `n` (from 1) is
    `min(max_delay, base_delay * multiplier ** (n - 1))`, multiplied by a fresh `rng()`
    draw when `jitter` is true (full jitter). No wait comes before the first attempt or
    after the last. When every attempt failed it raises `RetryError` from the last
    exception. Each call starts again from attempt 1 and wait 1. Whether a wait of 0
    calls `sleep(0)` or skips it is not specified; whether `rng` is drawn when `jitter`
    is false is not specified.
    """

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
        """A policy with these rules (ValueError naming max_attempts when it is below 1, naming base_delay or max_delay when it is negative)."""
        raise NotImplementedError("RetryPolicy.__init__: validate the arguments, then store them.")

    def delays(self) -> Iterator[float]:
        """The planned waits, wait 1 to wait `max_attempts - 1` (none when `max_attempts` is 1); with `jitter`, each one is multiplied by a fresh `rng()` draw."""
        raise NotImplementedError(
            "RetryPolicy.delays: a generator: for n in range(1, max_attempts), yield the capped wait (times rng() with jitter)."
        )

    def call(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """`func(*args, **kwargs)`, retried under this policy: its result, `RetryError` after `max_attempts` retryable failures, or the first exception outside `retry_on` as it was raised."""
        raise NotImplementedError(
            "RetryPolicy.call: loop over the attempts; sleep the next planned wait between them."
        )


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
    """The decorator form of `RetryPolicy`, taking the same arguments (by keyword); every call of the decorated function goes through `call`. A bad argument raises `ValueError` here, at this call."""
    raise NotImplementedError(
        "retry: build a RetryPolicy now, and return a decorator whose wrapper calls policy.call."
    )
