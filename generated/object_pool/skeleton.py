# Generated from specs/object_pool/spec.yaml by `kata generate`; do not edit.
# spec-sha256: b36f239f908e8ce6147cd4b338e71fcc36551e182da2967382d8c3ef8b0f20e5
"""Bounded object pool: your solution starts here.

Fill in every method until `kata check object_pool` passes; the brief is generated/object_pool/README.md.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager


class PoolExhaustedError(TimeoutError):
    """No object became available within the timeout."""


class ObjectPool:
    """Lends objects made by `factory`, at most `max_size` alive at once (idle plus on
    loan). Objects are made lazily: `factory()` is called only when no idle object is
    available and fewer than `max_size` are alive. An object given back is reused.
    `validate(obj)` is called on an idle object before it is lent again; one for which
    it is false is dropped, and the caller gets another one. Whether `validate` also
    sees freshly made objects is not specified. `reset(obj)` runs on every release
    while the pool is open. Lent objects are told apart by identity, never by `==` or
    hash, so the factory may return unhashable objects or objects that compare equal.
    An exception from `factory`, `validate` or `reset` propagates to the caller, and
    the pool stays consistent: the slot is free again, and an object whose reset
    failed is dropped. After `close()`, objects still on loan are dropped when they
    are released. Whether `reset` runs on them then is not specified. Which idle
    object `acquire` hands out first is not specified. Thread-safe.
    """

    def __init__(
        self,
        factory: Callable[[], object],
        max_size: int,
        timeout: float = 1.0,
        validate: Callable[[object], bool] | None = None,
        reset: Callable[[object], None] | None = None,
    ) -> None:
        """An empty pool (nothing is made yet). `ValueError` naming max_size when it is below 1, and naming timeout when it is negative."""
        raise NotImplementedError("ObjectPool.__init__: not implemented yet")

    def acquire(self, timeout: float | None = None) -> object:
        """Lend an object: an idle one, or a new one while fewer than `max_size` are alive. Otherwise wait up to `timeout` seconds (the pool's timeout when None; 0 means do not wait) for one to be freed, then raise `PoolExhaustedError`. `RuntimeError` once the pool is closed, also for a caller that was waiting. `ValueError` naming timeout when it is negative."""
        raise NotImplementedError("ObjectPool.acquire: not implemented yet")

    def release(self, obj: object) -> None:
        """Take back an object this pool lent, reset it, and make it available again (or drop it, if the pool is closed or `reset` raised). `ValueError` for an object the pool did not lend, or one already released."""
        raise NotImplementedError("ObjectPool.release: not implemented yet")

    def lease(self) -> AbstractContextManager[object]:
        """A context manager: `with pool.lease() as obj:` acquires an object (with the pool's timeout) and releases it when the block ends, also when the block raises. The exception from the block propagates."""
        raise NotImplementedError("ObjectPool.lease: not implemented yet")

    def close(self) -> None:
        """Drop every idle object and refuse further acquires (`RuntimeError`). Waiting acquires fail at once. Objects still on loan may be released, and are then dropped. Calling it again does nothing."""
        raise NotImplementedError("ObjectPool.close: not implemented yet")

    @property
    def size(self) -> int:
        """The objects alive: idle ones plus those on loan (always `idle + in_use`, at most `max_size`)."""
        raise NotImplementedError("ObjectPool.size: not implemented yet")

    @property
    def idle(self) -> int:
        """The objects waiting in the pool to be lent."""
        raise NotImplementedError("ObjectPool.idle: not implemented yet")

    @property
    def in_use(self) -> int:
        """The objects on loan (acquired and not yet released)."""
        raise NotImplementedError("ObjectPool.in_use: not implemented yet")
