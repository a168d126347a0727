"""An alternative retry kata solution: a different, equally correct design.

What is this pattern about?
    Retrying a call that fails for passing reasons, a bounded number of times, with
    capped exponential backoff and full jitter between attempts, and letting every
    error that is not worth retrying through at once.

What does this example do?
    Unlike the reference (a lazy generator and a `while` loop), this one draws the whole
    plan of a call up front as a list (always drawing `rng`, using the draw only when
    `jitter` is on: the catalogue leaves that open), zips attempts with waits, catches
    `BaseException` and re-raises what `retry_on` does not cover, skips `sleep(0)`
    (allowed: a zero wait may be skipped) and decorates with a callable class.

TL;DR
    plan = [min(cap, base * m ** (n - 1)) * (rng() if jitter else 1) for n in 1..N-1];
    for each attempt: return, re-raise, give up, or sleep plan[n - 1].
"""

from __future__ import annotations

import functools
import itertools
import random
import time
from collections.abc import Callable, Iterator
from typing import Any


class RetryError(Exception):
    """All attempts failed."""

    def __init__(self, attempts: int, last_exception: BaseException) -> None:
        super().__init__(attempts, last_exception)
        self.attempts = attempts
        self.last_exception = last_exception

    def __str__(self) -> str:
        return f"{self.attempts} attempt(s) failed; the last raised {self.last_exception!r}"


def _capped(base: float, multiplier: float, cap: float, n: int) -> float:
    try:
        raw = base * multiplier ** (n - 1)
    except OverflowError:
        return cap
    return cap if raw > cap else raw


class RetryPolicy:
    """Retries `func` on the exception types in `retry_on`."""

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
        problems = [
            ("max_attempts", max_attempts < 1, "at least 1"),
            ("base_delay", base_delay < 0, "not negative"),
            ("max_delay", max_delay < 0, "not negative"),
        ]
        for name, bad, rule in problems:
            if bad:
                raise ValueError(f"{name} must be {rule}")
        self._settings = (max_attempts, base_delay, multiplier, max_delay, jitter)
        self._retry_on = tuple(retry_on)
        self._sleep = sleep
        self._rng = rng

    def _plan(self) -> list[float]:
        max_attempts, base, multiplier, cap, jitter = self._settings
        plan = []
        for n in range(1, max_attempts):
            draw = self._rng()
            wait = _capped(base, multiplier, cap, n)
            plan.append(wait * draw if jitter else wait)
        return plan

    def delays(self) -> Iterator[float]:
        return iter(self._plan())

    def call(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        plan = self._plan()
        last: BaseException | None = None
        for attempt, wait in zip(itertools.count(1), [*plan, None]):
            try:
                return func(*args, **kwargs)
            except BaseException as exc:
                if not issubclass(type(exc), self._retry_on):
                    raise
                last = exc
                if wait is None:
                    raise RetryError(attempt, exc) from exc
                if wait > 0:
                    self._sleep(wait)
        raise AssertionError(last)  # unreachable: the last attempt raises above


class _Retrying:
    def __init__(self, policy: RetryPolicy, func: Callable[..., Any]) -> None:
        self._policy = policy
        self._func = func
        functools.update_wrapper(self, func)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._policy.call(self._func, *args, **kwargs)


def retry(**arguments: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    policy = RetryPolicy(**arguments)
    return functools.partial(_Retrying, policy)
