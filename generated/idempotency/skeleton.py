# Generated from specs/idempotency/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 6fcf198262680dd1124b4de94c142092406f483dc49b0e6faaa8daab37ff5c5e
"""Idempotency keys: your solution starts here.

Fill in every method until `kata check idempotency` passes; the brief is generated/idempotency/README.md.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


class IdempotencyConflictError(ValueError):
    """An idempotency key was used again with a request that is not equal to the one it was first used with."""


class IdempotencyStore:
    """Runs each key's operation once and replays its result. A record (key, request,
    result) is stored when an operation returns and is forgotten once
    `clock() - stored_at >= ttl_seconds`; an operation that raises stores nothing.
    Requests are compared with `==`. Thread-safe: calls with one key that overlap run
    its operation exactly once and all get its result or its exception; calls with
    different keys never wait for each other's operations. What happens when an
    operation calls `execute` with its own key is not specified.
    """

    def __init__(
        self, ttl_seconds: float = 86400, clock: Callable[[], float] = time.monotonic
    ) -> None:
        """An empty store that forgets results `ttl_seconds` after storing them (ValueError naming ttl_seconds when it is not positive)."""
        raise NotImplementedError("IdempotencyStore.__init__: not implemented yet")

    def execute(self, key: str, request: object, operation: Callable[[], Any]) -> Any:
        """The result of `operation()` for `key`. When `key` has a stored record (or a call
        in flight) with an equal request, that result is returned (after waiting for the
        call) and `operation` is not run; with a different request,
        `IdempotencyConflictError` is raised. Otherwise `operation()` runs; its result is
        stored and returned, and an exception it raises propagates with nothing stored.
        """
        raise NotImplementedError("IdempotencyStore.execute: not implemented yet")
