"""An alternative object pool for the suite to accept: one lock held throughout, FIFO reuse.

What is this pattern about?
    An object pool lends expensive objects and takes them back, never keeping more than
    `max_size` alive, so callers reuse instead of re-creating.

What does this example do?
    Unlike the reference (which runs the hooks outside its lock and reuses the most
    recently returned object), this pool keeps one `alive` counter, hands out the idle
    object that waited longest (a deque, FIFO), and holds its lock while `factory`,
    `validate` and `reset` run. Slower under contention, but as correct.

TL;DR
    Same contract, different choices the catalogue leaves open: FIFO reuse, hooks under
    the lock, a single count of objects alive.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from contextlib import contextmanager

_NOT_LENT = object()


class PoolExhaustedError(TimeoutError):
    """No object became available within the timeout."""


def _seconds(timeout) -> float:
    if timeout < 0:
        raise ValueError(f"timeout must not be negative: {timeout}")
    return float(timeout)


class ObjectPool:
    def __init__(self, factory, max_size: int, timeout: float = 1.0, validate=None, reset=None):
        if max_size < 1:
            raise ValueError(f"max_size must be at least 1: {max_size}")
        self._factory = factory
        self._max = max_size
        self._timeout = _seconds(timeout)
        self._validate = validate
        self._reset = reset
        self._cond = threading.Condition()
        self._idle: deque = deque()
        self._lent: dict[int, object] = {}
        self._alive = 0
        self._closed = False

    @property
    def size(self) -> int:
        with self._cond:
            return self._alive

    @property
    def idle(self) -> int:
        with self._cond:
            return len(self._idle)

    @property
    def in_use(self) -> int:
        with self._cond:
            return len(self._lent)

    def _lend(self, obj):
        self._lent[id(obj)] = obj
        return obj

    def _drop(self) -> None:
        self._alive -= 1
        self._cond.notify()

    def acquire(self, timeout=None):
        deadline = time.monotonic() + (self._timeout if timeout is None else _seconds(timeout))
        with self._cond:
            while True:
                if self._closed:
                    raise RuntimeError("the pool is closed")
                while self._idle:
                    obj = self._idle.popleft()
                    try:
                        usable = self._validate is None or self._validate(obj)
                    except BaseException:
                        self._drop()
                        raise
                    if usable:
                        return self._lend(obj)
                    self._drop()
                if self._alive < self._max:
                    self._alive += 1
                    try:
                        return self._lend(self._factory())
                    except BaseException:
                        self._drop()
                        raise
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise PoolExhaustedError(f"no object free (max_size={self._max})")
                self._cond.wait(remaining)

    def release(self, obj) -> None:
        with self._cond:
            if self._lent.get(id(obj), _NOT_LENT) is not obj:
                raise ValueError("not an object on loan from this pool")
            del self._lent[id(obj)]
            if self._closed:
                self._drop()
                return
            if self._reset is not None:
                try:
                    self._reset(obj)
                except BaseException:
                    self._drop()
                    raise
            self._idle.append(obj)
            self._cond.notify()

    @contextmanager
    def lease(self):
        obj = self.acquire()
        try:
            yield obj
        finally:
            self.release(obj)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._alive -= len(self._idle)
            self._idle.clear()
            self._cond.notify_all()
