"""An alternative circuit breaker: the State pattern, a deadline and a trial token.

What is this pattern about?
    A circuit breaker stops calling a dependency after a run of failures, refuses calls
    while it recovers, and lets one trial call decide when to close again.

What does this example do?
    Unlike the reference (one state string and a `trial_running` flag), each state is an
    object that decides what a call may do and what its outcome changes. The open state
    keeps the deadline at which it turns half-open, not the time it opened. The half-open
    trial is claimed with a non-blocking acquire of a second lock, the "trial token", so
    claiming it is atomic by construction; the state lock is a re-entrant lock.

TL;DR
    Closed counts, Open holds a deadline, HalfOpen hands out one token; the breaker swaps
    state objects under its lock and never holds that lock while `func` runs.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any


class CircuitOpenError(RuntimeError):
    """The breaker refused the call without calling `func`."""


class _Closed:
    name = "closed"

    def __init__(self) -> None:
        self.failures = 0


class _Open:
    name = "open"

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline


class _HalfOpen:
    name = "half_open"

    def __init__(self) -> None:
        self.token = threading.Lock()


class _Guarded:
    """What `@breaker` returns: a callable object, not a closure."""

    def __init__(self, breaker: CircuitBreaker, func: Callable[..., Any]) -> None:
        self._breaker = breaker
        self.__wrapped__ = func
        self.__name__ = getattr(func, "__name__", type(self).__name__)
        self.__doc__ = getattr(func, "__doc__", None)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._breaker.call(self.__wrapped__, *args, **kwargs)


class CircuitBreaker:
    def __init__(
        self,
        failure_threshold: int = 5,
        recovery_timeout: float = 30.0,
        expected_exceptions: tuple[type[BaseException], ...] = (Exception,),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not failure_threshold >= 1:
            raise ValueError("failure_threshold: expected 1 or more")
        if not recovery_timeout >= 0:
            raise ValueError("recovery_timeout: expected 0 or more")
        self.failure_threshold = failure_threshold
        self.recovery_timeout = recovery_timeout
        self.expected_exceptions = expected_exceptions
        self.clock = clock
        self._guard = threading.RLock()
        self._current: _Closed | _Open | _HalfOpen = _Closed()

    def _now_state(self) -> _Closed | _Open | _HalfOpen:
        with self._guard:
            current = self._current
            if isinstance(current, _Open) and self.clock() >= current.deadline:
                current = self._current = _HalfOpen()
            return current

    @property
    def state(self) -> str:
        return self._now_state().name

    def _trip(self) -> None:
        self._current = _Open(self.clock() + self.recovery_timeout)

    def call(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        with self._guard:
            current = self._now_state()
            if isinstance(current, _Open):
                raise CircuitOpenError("open")
            if isinstance(current, _HalfOpen) and not current.token.acquire(blocking=False):
                raise CircuitOpenError("half-open, trial in progress")
        try:
            value = func(*args, **kwargs)
        except BaseException as exc:
            expected = isinstance(exc, self.expected_exceptions)
            with self._guard:
                if isinstance(current, _HalfOpen):
                    if self._current is current:
                        if expected:
                            self._trip()
                        else:
                            current.token.release()
                elif expected and self._current is current:
                    current.failures += 1
                    if current.failures >= self.failure_threshold:
                        self._trip()
            raise
        with self._guard:
            if self._current is current:
                if isinstance(current, _HalfOpen):
                    self._current = _Closed()
                else:
                    current.failures = 0
        return value

    def __call__(self, func: Callable[..., Any]) -> Callable[..., Any]:
        return _Guarded(self, func)

    def reset(self) -> None:
        with self._guard:
            self._current = _Closed()
