"""Mutant: submit keeps tasks in a list and queues the index len(list) - 1 outside the lock, so racing submits queue the same index: one task runs twice, another never."""

from __future__ import annotations

import functools
import queue
import threading
from collections.abc import Callable
from types import TracebackType


class Task:
    """A call submitted to a ThreadPool, and the handle to its outcome."""

    def __init__(self, func: Callable[..., object], /, *args: object, **kwargs: object) -> None:
        self._call = functools.partial(func, *args, **kwargs)
        self._finished = threading.Event()
        self._result: object = None
        self._exception: BaseException | None = None

    def _run(self) -> None:
        """Run the call on a worker; its outcome, good or bad, is kept for get_result."""
        try:
            self._result = self._call()
        except BaseException as exc:  # the worker must survive whatever the task raises
            self._exception = exc
        finally:
            self._finished.set()

    def done(self) -> bool:
        return self._finished.is_set()

    def get_result(self, timeout: float | None = None) -> object:
        if not self._finished.wait(timeout):
            raise TimeoutError(f"task did not finish within {timeout} s")
        if self._exception is not None:
            raise self._exception
        return self._result


class ThreadPool:
    """Runs submitted calls on a fixed number of worker threads."""

    def __init__(self, num_threads: int) -> None:
        if isinstance(num_threads, bool) or not isinstance(num_threads, int):
            raise TypeError(f"num_threads must be an int, got {type(num_threads).__name__}")
        if num_threads < 1:
            raise ValueError(f"num_threads must be at least 1, got {num_threads}")
        self._tasks: list[Task] = []
        self._queue: queue.Queue[int | None] = queue.Queue()  # an index into _tasks; None = stop
        self._lock = threading.Lock()  # makes "is it closed? then enqueue" atomic
        self._closed = False
        # Daemon threads: a pool nobody shut down must not keep the interpreter alive.
        self._workers = [
            threading.Thread(target=self._work, name=f"pool-worker-{n}", daemon=True)
            for n in range(num_threads)
        ]
        for worker in self._workers:
            worker.start()

    def submit(self, func: Callable[..., object], /, *args: object, **kwargs: object) -> Task:
        task = Task(func, *args, **kwargs)
        self._tasks.append(task)
        index = len(self._tasks) - 1  # where the task just went
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot submit to a thread pool that has been shut down")
            self._queue.put(index)
        return task

    def shutdown(self, wait: bool = True) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                # FIFO: every task queued so far sits before these markers, so it still runs.
                for _ in self._workers:
                    self._queue.put(None)
        if wait:
            for worker in self._workers:
                worker.join()

    def __enter__(self) -> ThreadPool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.shutdown(wait=True)

    def _work(self) -> None:
        while (index := self._queue.get()) is not None:
            self._tasks[index]._run()
