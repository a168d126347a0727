# Generated from specs/circuit_breaker/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 907356a1d415b40e44e48fbfba9cf7c80e2776c9acafefb44b423f78ea0e4bed
"""Circuit breaker with half-open trial calls: your solution starts here.

Fill in every method until `kata check circuit_breaker` passes; the brief is generated/circuit_breaker/README.md.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


class CircuitOpenError(RuntimeError):
    """The breaker refused the call without calling `func`."""


class CircuitBreaker:
    """Guards calls of a dependency. Closed: calls pass through; `failure_threshold`
    consecutive expected failures (exceptions that are instances of
    `expected_exceptions`) open it, and a success resets the count. Open: `call` raises
    `CircuitOpenError` without calling `func`. Half-open, from the moment
    `clock() - opened_at >= recovery_timeout`: one trial call goes through; its success
    closes the breaker (with a count of zero), its expected failure opens it again with
    a fresh timeout. An exception outside `expected_exceptions` always propagates and
    leaves the count unchanged; during a trial it ends the trial without deciding it.
    Expected failures propagate to the caller; whether the one that opens the breaker
    is raised as itself or as `CircuitOpenError` is not specified. While a trial runs,
    no other call of `func` may run; whether other callers are refused or wait is not
    specified.
    """

    def __init__(
        self,
        failure_threshold: int = 5,
        recovery_timeout: float = 30.0,
        expected_exceptions: tuple[type[BaseException], ...] = (Exception,),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """A closed breaker with no failures counted. `ValueError` naming failure_threshold when it is below 1, and naming recovery_timeout when it is negative."""
        raise NotImplementedError(
            "CircuitBreaker.__init__: store the settings (validate them first); start closed with no failures."
        )

    def call(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run `func(*args, **kwargs)` through the breaker and return its result, or raise `CircuitOpenError` without calling it."""
        raise NotImplementedError(
            "CircuitBreaker.call: decide (refuse, pass, or run the trial), call func, then record how it ended."
        )

    def __call__(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """`@breaker`: return a function that runs every call of `func` through `self.call`, with all its arguments."""
        raise NotImplementedError(
            "CircuitBreaker.__call__: return a wrapper that calls self.call(func, ...)."
        )

    def reset(self) -> None:
        """Close the breaker by hand and forget the failures counted so far."""
        raise NotImplementedError("CircuitBreaker.reset: back to closed with a count of zero.")

    @property
    def state(self) -> str:
        """`"closed"`, `"open"` or `"half_open"`, worked out from `clock()` now."""
        raise NotImplementedError("CircuitBreaker.state: not implemented yet")
