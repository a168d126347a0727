"""An alternative thread pool: lazy workers, a deque and one Condition, no stop markers.

What is this pattern about?
    A fixed set of worker threads runs submitted calls, so concurrency is bounded.

What does this example do?
    Workers are started on demand (one per submit until `num_threads` exist). They take
    tasks from a `deque` under a `Condition` and exit once the pool is closed *and* the
    deque is empty, so closing drains the work instead of queuing markers. A `Task` keeps
    its outcome behind its own `Condition` rather than an `Event`.

TL;DR
    Same contract as the reference, different machinery: the suite must accept it.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from types import TracebackType


class Task:
    def __init__(self, func: Callable[..., object], /, *args: object, **kwargs: object) -> None:
        self._func, self._args, self._kwargs = func, args, kwargs
        self._cond = threading.Condition()
        self._state = "pending"  # pending | ok | error
        self._value: object = None

    def _run(self) -> None:
        try:
            value, state = self._func(*self._args, **self._kwargs), "ok"
        except BaseException as exc:
            value, state = exc, "error"
        with self._cond:
            self._value, self._state = value, state
            self._cond.notify_all()

    def done(self) -> bool:
        with self._cond:
            return self._state != "pending"

    def get_result(self, timeout: float | None = None) -> object:
        with self._cond:
            if timeout is None:
                self._cond.wait_for(lambda: self._state != "pending")
            else:
                deadline = time.monotonic() + max(0.0, timeout)
                while self._state == "pending":
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise TimeoutError("task unfinished")
                    self._cond.wait(left)
            if self._state == "error":
                raise self._value  # type: ignore[misc]
            return self._value


class ThreadPool:
    def __init__(self, num_threads: int) -> None:
        if not isinstance(num_threads, int) or num_threads < 1:
            raise ValueError("num_threads must be an int of at least 1")
        self._size = num_threads
        self._pending: deque[Task] = deque()
        self._cond = threading.Condition()
        self._closed = False
        self._threads: list[threading.Thread] = []

    def submit(self, func: Callable[..., object], /, *args: object, **kwargs: object) -> Task:
        task = Task(func, *args, **kwargs)
        with self._cond:
            if self._closed:
                raise RuntimeError("pool is shut down")
            self._pending.append(task)
            if len(self._threads) < self._size:
                thread = threading.Thread(target=self._loop, daemon=True)
                self._threads.append(thread)
                thread.start()
            self._cond.notify()
        return task

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._closed:
                    self._cond.wait()
                if not self._pending:
                    return
                task = self._pending.popleft()
            task._run()

    def shutdown(self, wait: bool = True) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            threads = list(self._threads)
        if wait:
            for thread in threads:
                thread.join()

    def __enter__(self) -> ThreadPool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.shutdown()
