"""Mutant: ThreadSafeCache.put() uses dict.setdefault, so a second put never replaces the stored value."""

from __future__ import annotations

import threading
from collections.abc import Hashable, Iterator
from contextlib import contextmanager


class ReadWriteLock:
    """Many readers or one writer; a waiting writer goes before readers that come later."""

    def __init__(self) -> None:
        # `with self._lock` is the C-level fast path; the condition shares that same lock.
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        self._readers = 0  # readers currently inside
        self._writer = False  # whether a writer is inside
        self._writers_waiting = 0  # writers blocked in acquire_write()

    def acquire_read(self) -> None:
        with self._lock:
            # A waiting writer closes the door: otherwise overlapping readers starve it.
            while self._writer or self._writers_waiting:
                self._cond.wait()
            self._readers += 1

    def release_read(self) -> None:
        with self._lock:
            if self._readers == 0:
                raise RuntimeError("release_read() called without a matching acquire_read()")
            self._readers -= 1
            if self._readers == 0 and self._writers_waiting:
                self._cond.notify_all()  # a waiting writer may go now

    def acquire_write(self) -> None:
        with self._lock:
            self._writers_waiting += 1
            try:
                while self._writer or self._readers:
                    self._cond.wait()
            finally:
                self._writers_waiting -= 1  # also when interrupted, or readers stay shut out
            self._writer = True

    def release_write(self) -> None:
        with self._lock:
            if not self._writer:
                raise RuntimeError("release_write() called without a matching acquire_write()")
            self._writer = False
            self._cond.notify_all()  # wake readers and writers; they re-check their turn

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
    """A dict guarded by a ReadWriteLock: lookups share it, updates take it alone."""

    def __init__(self) -> None:
        self._data: dict[Hashable, object] = {}
        self._lock = ReadWriteLock()

    def get(self, key: Hashable, default: object = None) -> object:
        with self._lock.read():
            return self._data.get(key, default)

    def put(self, key: Hashable, value: object) -> None:
        with self._lock.write():
            self._data.setdefault(key, value)

    def size(self) -> int:
        with self._lock.read():
            return len(self._data)
