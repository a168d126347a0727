# Generated from specs/thread_pool/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 3036ac07a2213362abb286a315cfa9d00f5e5946824d3c26c617c0d0e8084791
"""Fixed-size thread pool: your solution starts here.

Fill in every method until `kata check thread_pool` passes; the brief is generated/thread_pool/README.md.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType


class Task:
    """A call submitted to a `ThreadPool`, and the handle to its outcome. `submit` creates
    it; the worker that runs it stores the result or the exception and marks it done.
    """

    def __init__(self, func: Callable[..., object], *args: object, **kwargs: object) -> None:
        """Wrap the call `func(*args, **kwargs)`; nothing runs yet."""
        raise NotImplementedError(
            "Task.__init__: keep the call, a threading.Event, and slots for the result and the exception; add a method the worker calls to run it."
        )

    def done(self) -> bool:
        """Whether the call has finished (returned or raised)."""
        raise NotImplementedError("Task.done: return whether the event is set.")

    def get_result(self, timeout: float | None = None) -> object:
        """Wait up to `timeout` seconds (forever when None) for the call; return its result or re-raise its exception. Raises the builtin `TimeoutError` if it has not finished in time."""
        raise NotImplementedError(
            "Task.get_result: wait on the event with the timeout; raise TimeoutError if that returns False."
        )


class ThreadPool:
    """Runs submitted calls on a fixed number of worker threads; at most `num_threads`
    calls run at once. Every task submitted before `shutdown()` runs to completion.
    Usable as a context manager, which calls `shutdown(wait=True)` on exit.
    """

    def __init__(self, num_threads: int) -> None:
        """A pool of `num_threads` workers (`ValueError` naming num_threads when it is below 1)."""
        raise NotImplementedError(
            "ThreadPool.__init__: validate num_threads, then create a queue, a lock, a closed flag and the worker threads."
        )

    def submit(self, func: Callable[..., object], *args: object, **kwargs: object) -> Task:
        """Queue the call `func(*args, **kwargs)` and return its Task at once; `RuntimeError` after shutdown."""
        raise NotImplementedError(
            "ThreadPool.submit: under the lock, refuse if closed, otherwise put a new Task on the queue."
        )

    def shutdown(self, wait: bool = True) -> None:
        """Refuse new tasks; every task already submitted still runs. With `wait=True`, return only after every worker thread has exited. Safe to call more than once."""
        raise NotImplementedError(
            "ThreadPool.shutdown: under the lock, the first call sets closed and queues one stop marker per worker; then join the workers if wait."
        )

    def __enter__(self) -> ThreadPool:
        """Return the pool itself."""
        raise NotImplementedError("ThreadPool.__enter__: not implemented yet")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Call `shutdown(wait=True)`; do not suppress an exception raised in the block."""
        raise NotImplementedError("ThreadPool.__exit__: not implemented yet")
