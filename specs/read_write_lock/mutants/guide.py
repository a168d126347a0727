"""Whole module, not a diff: the guide's reader-preferring lock; overlapping readers starve a writer, and a stray release_read() drives the count negative."""

from __future__ import annotations

import threading
from collections.abc import Hashable, Iterator
from contextlib import contextmanager


class ReadWriteLock:
    """A lock allowing multiple readers or a single writer."""

    def __init__(self) -> None:
        self._read_ready = threading.Condition(threading.RLock())
        self._readers = 0

    def acquire_read(self) -> None:
        """Acquire a read lock. Blocks only if a writer holds the lock."""
        self._read_ready.acquire()
        try:
            self._readers += 1
        finally:
            self._read_ready.release()

    def release_read(self) -> None:
        """Release a read lock."""
        self._read_ready.acquire()
        try:
            self._readers -= 1
            if not self._readers:
                self._read_ready.notify_all()
        finally:
            self._read_ready.release()

    def acquire_write(self) -> None:
        """Acquire a write lock. Blocks until there are no readers."""
        self._read_ready.acquire()
        while self._readers > 0:
            self._read_ready.wait()

    def release_write(self) -> None:
        """Release a write lock."""
        self._read_ready.release()

    @contextmanager
    def read(self) -> Iterator[None]:
        self.acquire_read()
        try:
            yield
        finally:
            self.release_read()

    @contextmanager
    def write(self) -> Iterator[None]:
        self.acquire_write()
        try:
            yield
        finally:
            self.release_write()


class ThreadSafeCache:
    """A cache that uses a read-write lock for thread safety."""

    def __init__(self) -> None:
        self._cache: dict[Hashable, object] = {}
        self._lock = ReadWriteLock()

    def get(self, key: Hashable, default: object = None) -> object:
        with self._lock.read():
            return self._cache.get(key, default)

    def put(self, key: Hashable, value: object) -> None:
        with self._lock.write():
            self._cache[key] = value

    def size(self) -> int:
        with self._lock.read():
            return len(self._cache)
