"""Circuit breaker with half-open trial calls.

What is this pattern about?
    A service that calls a failing dependency over and over makes things worse: every
    caller waits for its own timeout, threads pile up, and the dependency never gets the
    quiet it needs to recover. A circuit breaker sits in front of the dependency and
    counts consecutive failures. After `failure_threshold` of them it *opens* and refuses
    calls at once, without calling the dependency. After `recovery_timeout` seconds it is
    *half-open* and lets exactly one trial call through: a success closes it again, a
    failure opens it for another timeout.

What does this example do?
    `CircuitBreaker.call(func, *args, **kwargs)` runs `func` through the breaker, and
    `@breaker` does the same for every call of a decorated function. Only exceptions in
    `expected_exceptions` count as failures; any other exception propagates untouched and
    leaves the count alone. `CircuitOpenError` (a `RuntimeError`) is what a refused call
    raises. Time comes from an injected `clock`, so tests move time by hand.

TL;DR
    closed --threshold consecutive failures--> open --recovery_timeout--> half_open, which
    admits one trial: success -> closed, failure -> open again from now. Hold a lock only
    while reading or changing the state, never while `func` runs.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

CLOSED = "closed"
OPEN = "open"
HALF_OPEN = "half_open"


class CircuitOpenError(RuntimeError):
    """The breaker refused the call: it is open, or a half-open trial is already running."""


class CircuitBreaker:
    """Opens after `failure_threshold` consecutive expected failures; recovers by trial."""

    def __init__(
        self,
        failure_threshold: int = 5,
        recovery_timeout: float = 30.0,
        expected_exceptions: tuple[type[BaseException], ...] = (Exception,),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if failure_threshold < 1:
            raise ValueError(f"failure_threshold must be at least 1, got {failure_threshold}")
        if recovery_timeout < 0:
            raise ValueError(f"recovery_timeout must not be negative, got {recovery_timeout}")
        self._threshold = failure_threshold
        self._timeout = recovery_timeout
        self._expected = tuple(expected_exceptions)
        self._clock = clock
        self._lock = threading.Lock()
        self._state = CLOSED
        self._failures = 0  # consecutive expected failures while closed
        self._opened_at = 0.0  # when it last opened; meaningful only while not closed
        self._trial_running = False

    @property
    def state(self) -> str:
        """`"closed"`, `"open"` or `"half_open"`, as of `clock()` now."""
        with self._lock:
            return self._current_state()

    def _current_state(self) -> str:
        # Caller holds the lock. An open breaker becomes half-open once the timeout has passed.
        if self._state == OPEN and self._clock() - self._opened_at >= self._timeout:
            self._state = HALF_OPEN
        return self._state

    def _open(self) -> None:
        # Caller holds the lock. A fresh timeout starts now, every time it opens.
        self._state = OPEN
        self._opened_at = self._clock()
        self._failures = 0

    def _close(self) -> None:
        # Caller holds the lock.
        self._state = CLOSED
        self._failures = 0

    def call(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `func(*args, **kwargs)` through the breaker and return its result."""
        with self._lock:
            state = self._current_state()
            if state == OPEN:
                raise CircuitOpenError("circuit is open; call refused")
            trial = state == HALF_OPEN
            if trial:
                if self._trial_running:
                    raise CircuitOpenError("circuit is half-open and its trial call is running")
                self._trial_running = True
        try:
            result = func(*args, **kwargs)
        except self._expected:
            with self._lock:
                if trial:
                    self._trial_running = False
                    self._open()
                elif self._state == CLOSED:
                    self._failures += 1
                    if self._failures >= self._threshold:
                        self._open()
            raise
        except BaseException:
            # Not an expected failure: it propagates, counts for nothing, and a trial it
            # interrupted is over without a verdict (the next call may try again).
            if trial:
                with self._lock:
                    self._trial_running = False
            raise
        with self._lock:
            if trial:
                self._trial_running = False
                self._close()
            elif self._state == CLOSED:
                self._failures = 0
        return result

    def __call__(self, func: Callable[..., T]) -> Callable[..., T]:
        """`@breaker`: every call of the decorated function goes through `call`."""

        @functools.wraps(func)
        def guarded(*args: Any, **kwargs: Any) -> T:
            return self.call(func, *args, **kwargs)

        return guarded

    def reset(self) -> None:
        """Close the breaker by hand and forget the failures counted so far."""
        with self._lock:
            self._close()
