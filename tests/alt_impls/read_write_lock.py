"""An alternative writer-preferring read-write lock: one signed state and two conditions.

What is this pattern about?
    Many readers at once, or one writer alone; a waiting writer goes before readers that
    arrive after it.

What does this example do?
    The lock keeps one integer (`> 0` readers inside, `-1` a writer inside, `0` free) and
    a count of waiting writers, with separate `Condition`s for readers and writers on one
    mutex, so a release wakes only the side that can go. The cache keeps an immutable
    snapshot (copy on write) that readers look up.

TL;DR
    Same contract as the reference with different machinery: the suite must accept it.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from types import MappingProxyType


class ReadWriteLock:
    def __init__(self) -> None:
        mutex = threading.RLock()
        self._mutex = mutex
        self._readers_ok = threading.Condition(mutex)
        self._writers_ok = threading.Condition(mutex)
        self._state = 0  # >0 readers, -1 writer, 0 free
        self._queued_writers = 0

    def acquire_read(self) -> None:
        with self._mutex:
            self._readers_ok.wait_for(lambda: self._state >= 0 and not self._queued_writers)
            self._state += 1

    def release_read(self) -> None:
        with self._mutex:
            if self._state <= 0:
                raise RuntimeError("no reader holds the lock")
            self._state -= 1
            if self._state == 0:
                self._writers_ok.notify()

    def acquire_write(self) -> None:
        with self._mutex:
            self._queued_writers += 1
            try:
                self._writers_ok.wait_for(lambda: self._state == 0)
            finally:
                self._queued_writers -= 1
            self._state = -1

    def release_write(self) -> None:
        with self._mutex:
            if self._state != -1:
                raise RuntimeError("no writer holds the lock")
            self._state = 0
            if self._queued_writers:
                self._writers_ok.notify()
            else:
                self._readers_ok.notify_all()

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
    def __init__(self) -> None:
        self._lock = ReadWriteLock()
        self._snapshot: MappingProxyType[Hashable, object] = MappingProxyType({})

    def get(self, key: Hashable, default: object = None) -> object:
        with self._lock.read():
            snapshot = self._snapshot
            return snapshot[key] if key in snapshot else default

    def put(self, key: Hashable, value: object) -> None:
        with self._lock.write():
            fresh = dict(self._snapshot)
            fresh[key] = value
            self._snapshot = MappingProxyType(fresh)

    def size(self) -> int:
        with self._lock.read():
            return len(self._snapshot)
