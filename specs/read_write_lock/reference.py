"""Writer-preferring read-write lock.

What is this pattern about?
    Many workloads read shared data far more often than they change it. A plain mutex
    serialises every reader for nothing; a read-write lock lets any number of readers in
    at once and gives a writer the data to itself. The subtle part is fairness: if new
    readers may always join readers already inside, a steady stream of them keeps the
    count above zero forever and a writer never gets its turn. A writer-preferring lock
    closes the door to newcomers as soon as a writer is waiting.

What does this example do?
    `ReadWriteLock` keeps three numbers behind one condition variable: readers inside,
    whether a writer is inside, and writers waiting. A reader waits while a writer is
    inside or waiting; a writer waits until nobody is inside. Releasing a lock that is not
    held raises `RuntimeError` instead of corrupting the counts. `read()` and `write()`
    wrap the pairs as context managers, and `ThreadSafeCache` shows the lock guarding a
    dict: `get` and `size` share it, `put` takes it exclusively.

TL;DR
    One Condition, a reader count, a writer flag and a waiting-writers count; readers
    yield to any waiting writer, and unmatched releases raise.
"""

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
            self._data[key] = value

    def size(self) -> int:
        with self._lock.read():
            return len(self._data)
