# Generated from specs/read_write_lock/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 274f23349307210ae3340f0e5c7e26a223999784f7ea956ddd47481c95e87040
"""Writer-preferring read-write lock: your solution starts here.

Fill in every method until `kata check read_write_lock` passes; the brief is generated/read_write_lock/README.md.
"""

from __future__ import annotations

from collections.abc import Hashable
from contextlib import AbstractContextManager


class ReadWriteLock:
    """Many readers at once, or one writer alone. Writer-preferring: once a writer is
    waiting, readers that arrive later wait until it has written. Releasing a lock
    that is not held raises `RuntimeError`. Only the held/not-held counts are
    checked, not which thread releases (the suite always releases from the thread
    that acquired).
    """

    def __init__(self) -> None:
        """Create an unlocked lock."""
        raise NotImplementedError(
            "ReadWriteLock.__init__: one threading.Condition, and the counts: readers inside, writer inside (bool), writers waiting."
        )

    def acquire_read(self) -> None:
        """Block until no writer is inside or waiting, then enter as one more reader."""
        raise NotImplementedError(
            "ReadWriteLock.acquire_read: under the condition: while a writer is inside or waiting, wait(); then count one more reader."
        )

    def release_read(self) -> None:
        """Leave as a reader; RuntimeError when no reader is inside (and nothing changes)."""
        raise NotImplementedError(
            "ReadWriteLock.release_read: raise RuntimeError if no reader is inside; otherwise count one fewer and notify_all() when the last one leaves."
        )

    def acquire_write(self) -> None:
        """Block until nobody is inside, then enter alone; while waiting, keep new readers out."""
        raise NotImplementedError(
            "ReadWriteLock.acquire_write: count yourself as waiting (so new readers hold back), wait while anyone is inside, then stop waiting and mark the writer inside."
        )

    def release_write(self) -> None:
        """Leave as the writer; RuntimeError when no writer is inside (and nothing changes)."""
        raise NotImplementedError(
            "ReadWriteLock.release_write: raise RuntimeError if no writer is inside; otherwise clear the flag and notify_all()."
        )

    def read(self) -> AbstractContextManager[None]:
        """A context manager: `with lock.read():` holds the read lock for the block, and releases it even when the block raises."""
        raise NotImplementedError(
            "ReadWriteLock.read: decorate with @contextlib.contextmanager: acquire_read(), then try: yield, finally: release_read()."
        )

    def write(self) -> AbstractContextManager[None]:
        """A context manager: `with lock.write():` holds the write lock for the block, and releases it even when the block raises."""
        raise NotImplementedError(
            "ReadWriteLock.write: decorate with @contextlib.contextmanager: acquire_write(), then try: yield, finally: release_write()."
        )


class ThreadSafeCache:
    """A dict guarded by a ReadWriteLock; `get` and `size` share the lock, `put` takes it alone."""

    def __init__(self) -> None:
        """Create an empty cache with its own ReadWriteLock."""
        raise NotImplementedError("ThreadSafeCache.__init__: a dict and a ReadWriteLock.")

    def get(self, key: Hashable, default: object = None) -> object:
        """The value stored under `key` (a stored falsy value is returned as stored), or `default` when absent."""
        raise NotImplementedError(
            "ThreadSafeCache.get: under the read lock: dict.get(key, default)."
        )

    def put(self, key: Hashable, value: object) -> None:
        """Store `value` under `key`, replacing any previous value."""
        raise NotImplementedError("ThreadSafeCache.put: under the write lock: store it.")

    def size(self) -> int:
        """The number of distinct keys stored."""
        raise NotImplementedError("ThreadSafeCache.size: under the read lock: len of the dict.")
