# Generated from specs/bulkhead/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 1a4e1d96ba8a1c684a4068c419f18780c87d2585a867f9574110b1f37224f5ba
"""Bulkhead: your solution starts here.

Fill in every method until `kata check bulkhead` passes; the brief is generated/bulkhead/README.md.
"""

from __future__ import annotations

from collections.abc import Callable


class BulkheadFullError(RuntimeError):
    """Every slot stayed busy for the whole of `max_wait`; the call was turned away and `func` was not run."""


class Bulkhead:
    """Runs calls in at most `max_concurrent` slots at once. A call that finds every slot
    busy waits up to `max_wait` seconds for one to be freed, then raises
    `BulkheadFullError` without running `func`; with `max_wait=0` it does not wait at
    all. A slot is free again by the time `call` returns or raises, however `func`
    ended. A `func` may itself call the same bulkhead: that is one more call, in one
    more slot. Which waiting call gets a freed slot first is not specified, nor is
    whether `max_concurrent=0` is accepted. Thread-safe.
    """

    def __init__(self, max_concurrent: int, max_wait: float = 0.0) -> None:
        """A bulkhead with every slot free. `ValueError` naming max_concurrent when it is negative, and naming max_wait when it is negative."""
        raise NotImplementedError(
            "Bulkhead.__init__: validate both arguments, then keep a count of running calls and a threading.Condition that guards it."
        )

    def call(self, func: Callable[..., object], *args: object, **kwargs: object) -> object:
        """Run `func(*args, **kwargs)` in a free slot and return its result, or let its exception propagate unchanged. Waits up to `max_wait` seconds for a slot, then raises `BulkheadFullError` without running `func`."""
        raise NotImplementedError(
            "Bulkhead.call: take a slot (wait_for room, with the timeout), run func in try, give the slot back in finally."
        )

    @property
    def active(self) -> int:
        """The calls running now (between taking a slot and giving it back); calls still waiting for a slot are not counted. Never more than `max_concurrent`."""
        raise NotImplementedError("Bulkhead.active: not implemented yet")
