# Generated from specs/request_coalescing/spec.yaml by `kata generate`; do not edit.
# spec-sha256: a19165cf97d3735eb554609d1023bbe6442fb7e72e7d22509e240cdc4f2bc346
"""Request coalescing (single flight): your solution starts here.

Fill in every method until `kata check request_coalescing` passes; the brief is generated/request_coalescing/README.md.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable


class SingleFlight:
    """Coalesces concurrent calls that share a key into one call of `fn`. A caller of a key
    that has no call in flight runs `fn()`. Callers of that key arriving before it
    finishes do not run their own `fn`: they get its outcome, the same result object or
    an exception of the same type and message. Whether they get the very same exception
    instance is not specified. Once the call has finished (returned or raised), the key
    is forgotten. Callers of different keys never wait for each other, and `fn` may call
    `do` with another key. Thread-safe.
    """

    def __init__(self) -> None:
        """A SingleFlight with no call in flight."""
        raise NotImplementedError("SingleFlight.__init__: not implemented yet")

    def do(self, key: Hashable, fn: Callable[[], object]) -> object:
        """The outcome of `fn()` for `key`: run it now, or, if a call for an equal key is already running, wait for that call and return its result (or raise its exception)."""
        raise NotImplementedError("SingleFlight.do: not implemented yet")
