# Generated from specs/thread_pool/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 3036ac07a2213362abb286a315cfa9d00f5e5946824d3c26c617c0d0e8084791
"""Conformance suite for the thread_pool kata: one test per behaviour of its spec.

Run it with `kata check thread_pool` or `pytest generated/thread_pool --impl PATH`.
"""

from __future__ import annotations

import threading

import pytest

from katakit.testing import (
    expect_equal,
    expect_is,
    run_threads,
    step,
)


class Gate:
    """Task bodies that record how many of them run at once and block until `release` is set."""

    def __init__(self):
        self.release = threading.Event()
        self.threads = set()  # the threads that ran a task body
        self.started = 0
        self.running = 0
        self.peak = 0
        self._changed = threading.Condition()

    def task(self, value=None):
        with self._changed:
            self.started += 1
            self.running += 1
            self.peak = max(self.peak, self.running)
            self.threads.add(threading.current_thread())
            self._changed.notify_all()
        try:
            if not self.release.wait(5):
                raise TimeoutError("the test never released the gate")
            return value
        finally:
            with self._changed:
                self.running -= 1

    def wait_started(self, count, timeout):
        """True once `count` task bodies have started; False if that takes longer than `timeout`."""
        with self._changed:
            return self._changed.wait_for(lambda: self.started >= count, timeout)


def fail(message):
    raise ValueError(message)


def subtract(a, b=0):
    return a - b


def record(log, item):
    log.append(item)  # list.append is atomic
    return item


def start_thread(func, *args, **kwargs):
    thread = threading.Thread(target=func, args=args, kwargs=kwargs, daemon=True)
    thread.start()
    return thread


def still_alive_after(thread, seconds):
    """Join `thread` for at most `seconds`; True if it is still running (still blocked)."""
    thread.join(seconds)
    return thread.is_alive()


pytestmark = pytest.mark.kata(
    "thread_pool",
    classes=["Task", "ThreadPool"],
    exceptions=[],
    functions=[],
)


@pytest.mark.behaviour("38c4a566-2c5c-4cfc-bd41-6290c0cdcff2", "scenario")
@pytest.mark.timeout(10.0)
def test_submit_returns_a_task_holding_the_call_result(solution):
    """The task is the caller's only handle on work running elsewhere; it must deliver exactly what the call returned, with its positional and keyword arguments."""
    Task = solution.Task
    ThreadPool = solution.ThreadPool
    with step(
        1,
        "pool = ThreadPool(2) task = pool.submit(pow, 2, 10) keyed = pool.submit(subtract, 10, b=3) nothing = pool.submit(record, [], None)",
    ):
        pool = ThreadPool(2)
        task = pool.submit(pow, 2, 10)
        keyed = pool.submit(subtract, 10, b=3)
        nothing = pool.submit(record, [], None)
    with step(2, "isinstance(task, Task)"):
        expect_is(isinstance(task, Task), True)
    with step(3, "task.get_result(timeout=5)"):
        expect_equal(task.get_result(timeout=5), 1024)
    with step(4, "keyed.get_result(timeout=5)"):
        expect_equal(keyed.get_result(timeout=5), 7)
    with step(5, "nothing.get_result(timeout=5)"):
        expect_is(nothing.get_result(timeout=5), None)
    with step(6, "task.done()"):
        expect_is(task.done(), True)
    with step(7, "task.get_result()"):
        expect_equal(task.get_result(), 1024)
    with step(8, "pool.shutdown()"):
        pool.shutdown()


@pytest.mark.behaviour("f9262ab6-152b-4a62-ab42-dbb938bcd9e6", "scenario")
@pytest.mark.timeout(10.0)
def test_get_result_reraises_the_exception_the_task_raised(solution):
    """An exception on a worker thread is invisible unless the task hands it back; the caller must see the task's own exception."""
    ThreadPool = solution.ThreadPool
    with step(1, 'pool = ThreadPool(1) task = pool.submit(fail, "boom")'):
        pool = ThreadPool(1)
        task = pool.submit(fail, "boom")
    with step(2, "task.get_result(timeout=5)", raises=ValueError, match="boom"):
        task.get_result(timeout=5)
    with step(3, "task.done()"):
        expect_is(task.done(), True)
    with step(4, "pool.shutdown()"):
        pool.shutdown()


@pytest.mark.behaviour("af38a12c-1dc2-4ec7-8359-b5047962de35", "scenario")
@pytest.mark.timeout(10.0)
def test_a_raising_task_does_not_kill_its_worker(solution):
    """If a failing task took its worker down, a few bad jobs would leave a pool with no workers that silently never runs anything again."""
    ThreadPool = solution.ThreadPool
    with step(
        1,
        'pool = ThreadPool(2) failures = [pool.submit(fail, f"failure {n}") for n in range(4)] after = pool.submit(pow, 3, 2)',
    ):
        pool = ThreadPool(2)
        failures = [pool.submit(fail, f"failure {n}") for n in range(4)]
        after = pool.submit(pow, 3, 2)
    with step(2, "after.get_result(timeout=5)"):
        expect_equal(after.get_result(timeout=5), 9)
    with step(3, "all((task.done() for task in failures))"):
        expect_is(all(task.done() for task in failures), True)
    with step(4, "pool.shutdown()"):
        pool.shutdown()


@pytest.mark.behaviour("78c76dad-bbd5-43dc-b2a4-a5ea9370f3df", "scenario")
@pytest.mark.timeout(10.0)
def test_get_result_raises_the_builtin_timeout_error_while_the_task_is_unfinished(solution):
    """Callers catch TimeoutError specifically to give up waiting; a plain Exception (the guide's) or a silent None cannot be told apart from a real failure or result."""
    ThreadPool = solution.ThreadPool
    with step(
        1,
        'pool = ThreadPool(1) gate = Gate() task = pool.submit(gate.task, "late") queued = pool.submit(pow, 2, 2)',
    ):
        pool = ThreadPool(1)
        gate = Gate()
        task = pool.submit(gate.task, "late")
        queued = pool.submit(pow, 2, 2)
    with step(2, "gate.wait_started(1, timeout=5)"):
        expect_is(gate.wait_started(1, timeout=5), True)
    with step(3, "task.get_result(timeout=0.01)", raises=TimeoutError):
        task.get_result(timeout=0.01)
    with step(4, "queued.get_result(timeout=0.01)", raises=TimeoutError):
        queued.get_result(timeout=0.01)
    with step(5, "task.done()"):
        expect_is(task.done(), False)
    with step(6, "gate.release.set()"):
        gate.release.set()
    with step(7, "task.get_result(timeout=5)"):
        expect_equal(task.get_result(timeout=5), "late")
    with step(8, "queued.get_result(timeout=5)"):
        expect_equal(queued.get_result(timeout=5), 4)
    with step(9, "task.done()"):
        expect_is(task.done(), True)
    with step(10, "pool.shutdown()"):
        pool.shutdown()


@pytest.mark.behaviour("005afadc-0dba-4355-a11e-88c4d0ae3504", "scenario")
@pytest.mark.timeout(10.0)
def test_rejects_fewer_than_one_thread(solution):
    """A pool with no workers accepts tasks and never runs them; fail loudly at construction instead."""
    ThreadPool = solution.ThreadPool
    with step(1, "ThreadPool(0)", raises=ValueError, match="num_threads"):
        ThreadPool(0)
    with step(2, "ThreadPool(-2)", raises=ValueError, match="num_threads"):
        ThreadPool(-2)
    with step(3, "pool = ThreadPool(1) pool.shutdown()"):
        pool = ThreadPool(1)
        pool.shutdown()


@pytest.mark.behaviour("a42d9157-4e0c-4bbe-9c6a-8d2734330f67", "scenario")
@pytest.mark.timeout(10.0)
def test_submit_after_shutdown_raises_runtime_error(solution):
    """A task accepted by a closed pool would never run; the caller must be told at once instead of waiting forever."""
    ThreadPool = solution.ThreadPool
    with step(1, "pool = ThreadPool(2) pool.shutdown()"):
        pool = ThreadPool(2)
        pool.shutdown()
    with step(2, "pool.submit(pow, 2, 2)", raises=RuntimeError):
        pool.submit(pow, 2, 2)
    with step(3, "other = ThreadPool(2) other.shutdown(wait=False)"):
        other = ThreadPool(2)
        other.shutdown(wait=False)
    with step(4, "other.submit(pow, 2, 2)", raises=RuntimeError):
        other.submit(pow, 2, 2)
    with step(5, "other.shutdown()"):
        other.shutdown()


@pytest.mark.behaviour("5a9c3a5b-257a-4414-8dec-be9715ca7515", "scenario")
@pytest.mark.timeout(10.0)
def test_shutdown_can_be_called_more_than_once(solution):
    """Cleanup code (a finally block, a context manager, an atexit hook) often shuts down a pool that is already shut down; that must be harmless."""
    ThreadPool = solution.ThreadPool
    with step(
        1,
        "pool = ThreadPool(2) task = pool.submit(pow, 2, 3) pool.shutdown() pool.shutdown() pool.shutdown(wait=False)",
    ):
        pool = ThreadPool(2)
        task = pool.submit(pow, 2, 3)
        pool.shutdown()
        pool.shutdown()
        pool.shutdown(wait=False)
    with step(2, "task.get_result(timeout=5)"):
        expect_equal(task.get_result(timeout=5), 8)
    with step(3, "other = ThreadPool(2) other.shutdown(wait=False) other.shutdown(wait=True)"):
        other = ThreadPool(2)
        other.shutdown(wait=False)
        other.shutdown(wait=True)


@pytest.mark.behaviour("ad19c38e-7465-4015-bc57-536e90803f82", "scenario")
@pytest.mark.timeout(15.0)
def test_tasks_queued_before_shutdown_without_wait_still_run(solution):
    """`shutdown(wait=False)` only means "don't block me"; work the pool already accepted must still run (the guide's workers stop on a flag and drop the queue)."""
    ThreadPool = solution.ThreadPool
    with step(1, 'pool = ThreadPool(1) gate = Gate() first = pool.submit(gate.task, "first")'):
        pool = ThreadPool(1)
        gate = Gate()
        first = pool.submit(gate.task, "first")
    with step(2, "gate.wait_started(1, timeout=5)"):
        expect_is(gate.wait_started(1, timeout=5), True)
    with step(3, "queued = [pool.submit(pow, n, 2) for n in range(6)] pool.shutdown(wait=False)"):
        queued = [pool.submit(pow, n, 2) for n in range(6)]
        pool.shutdown(wait=False)
    with step(4, "first.done()"):
        expect_is(first.done(), False)
    with step(5, "gate.release.set()"):
        gate.release.set()
    with step(6, "first.get_result(timeout=5)"):
        expect_equal(first.get_result(timeout=5), "first")
    with step(7, "[task.get_result(timeout=5) for task in queued]"):
        expect_equal([task.get_result(timeout=5) for task in queued], [0, 1, 4, 9, 16, 25])
    with step(8, "pool.shutdown(wait=True)"):
        pool.shutdown(wait=True)


@pytest.mark.behaviour("64ff9358-99d7-4e04-89e6-0f381b9dfa33", "scenario")
@pytest.mark.timeout(15.0)
def test_tasks_queued_before_shutdown_with_wait_run_before_it_returns(solution):
    """A graceful shutdown drains the queue; when `shutdown(wait=True)` returns, every task submitted before it has finished (the guide's drops the queued ones)."""
    ThreadPool = solution.ThreadPool
    with step(1, 'pool = ThreadPool(1) gate = Gate() pool.submit(gate.task, "first")'):
        pool = ThreadPool(1)
        gate = Gate()
        pool.submit(gate.task, "first")
    with step(2, "gate.wait_started(1, timeout=5)"):
        expect_is(gate.wait_started(1, timeout=5), True)
    with step(
        3,
        "queued = [pool.submit(pow, n, 2) for n in range(6)] closer = start_thread(pool.shutdown, wait=True)",
    ):
        queued = [pool.submit(pow, n, 2) for n in range(6)]
        closer = start_thread(pool.shutdown, wait=True)
    with step(4, "still_alive_after(closer, 0.2)"):
        expect_is(still_alive_after(closer, 0.2), True)
    with step(5, "gate.release.set() closer.join(5)"):
        gate.release.set()
        closer.join(5)
    with step(6, "closer.is_alive()"):
        expect_is(closer.is_alive(), False)
    with step(7, "[task.done() for task in queued]"):
        expect_equal([task.done() for task in queued], [True, True, True, True, True, True])
    with step(8, "[task.get_result(timeout=5) for task in queued]"):
        expect_equal([task.get_result(timeout=5) for task in queued], [0, 1, 4, 9, 16, 25])


@pytest.mark.behaviour("398428cf-a291-47bf-88b0-04e5807a6e62", "scenario")
@pytest.mark.timeout(15.0)
def test_shutdown_with_wait_returns_only_after_every_worker_has_exited(solution):
    """Callers rely on `shutdown(wait=True)` to know that no pool thread is still touching shared state; returning early breaks that promise."""
    ThreadPool = solution.ThreadPool
    with step(1, "pool = ThreadPool(3) gate = Gate() for n in range(3): pool.submit(gate.task, n)"):
        pool = ThreadPool(3)
        gate = Gate()
        for n in range(3):
            pool.submit(gate.task, n)
    with step(2, "gate.wait_started(3, timeout=5)"):
        expect_is(gate.wait_started(3, timeout=5), True)
    with step(3, "closer = start_thread(pool.shutdown, wait=True)"):
        closer = start_thread(pool.shutdown, wait=True)
    with step(4, "still_alive_after(closer, 0.2)"):
        expect_is(still_alive_after(closer, 0.2), True)
    with step(5, "gate.release.set() closer.join(5)"):
        gate.release.set()
        closer.join(5)
    with step(6, "closer.is_alive()"):
        expect_is(closer.is_alive(), False)
    with step(7, "len(gate.threads)"):
        expect_equal(len(gate.threads), 3)
    with step(8, "[worker.is_alive() for worker in gate.threads]"):
        expect_equal([worker.is_alive() for worker in gate.threads], [False, False, False])


@pytest.mark.behaviour("3ce1d4c7-18f4-4fc0-b4bf-5bcd879a355e", "scenario")
@pytest.mark.timeout(15.0)
def test_num_threads_tasks_can_run_at_the_same_time(solution):
    """A pool that serialises its tasks (one worker, or a lock around running them) gives no concurrency at all; num_threads tasks must be able to meet at a barrier."""
    ThreadPool = solution.ThreadPool
    with step(
        1,
        "pool = ThreadPool(4) meeting = threading.Barrier(4, timeout=5) tasks = [pool.submit(meeting.wait) for _ in range(4)]",
    ):
        pool = ThreadPool(4)
        meeting = threading.Barrier(4, timeout=5)
        tasks = [pool.submit(meeting.wait) for _ in range(4)]
    with step(2, "sorted((task.get_result(timeout=10) for task in tasks))"):
        expect_equal(sorted(task.get_result(timeout=10) for task in tasks), [0, 1, 2, 3])
    with step(3, "pool.shutdown()"):
        pool.shutdown()


@pytest.mark.behaviour("dfa8064d-fd14-4280-8824-9b1db816a758", "scenario")
@pytest.mark.timeout(15.0)
def test_at_most_num_threads_tasks_run_at_the_same_time(solution):
    """The point of a fixed-size pool is bounded concurrency; a thread per task lets a burst of work overwhelm the machine."""
    ThreadPool = solution.ThreadPool
    with step(
        1,
        "pool = ThreadPool(3) gate = Gate() tasks = [pool.submit(gate.task, n) for n in range(8)]",
    ):
        pool = ThreadPool(3)
        gate = Gate()
        tasks = [pool.submit(gate.task, n) for n in range(8)]
    with step(2, "gate.wait_started(3, timeout=5)"):
        expect_is(gate.wait_started(3, timeout=5), True)
    with step(3, "gate.wait_started(4, timeout=0.3)"):
        expect_is(gate.wait_started(4, timeout=0.3), False)
    with step(4, "gate.release.set()"):
        gate.release.set()
    with step(5, "[task.get_result(timeout=5) for task in tasks]"):
        expect_equal([task.get_result(timeout=5) for task in tasks], [0, 1, 2, 3, 4, 5, 6, 7])
    with step(6, "gate.peak"):
        expect_equal(gate.peak, 3)
    with step(7, "pool.shutdown()"):
        pool.shutdown()


@pytest.mark.behaviour("adfbb3b1-c4af-4e2b-aebd-35d10be6c245", "scenario")
@pytest.mark.timeout(15.0)
def test_the_context_manager_shuts_the_pool_down_on_exit(solution):
    """Leaving `with ThreadPool(n) as pool:` calls `shutdown()` with its default `wait=True`: it waits for the submitted work and closes the pool, even when the block raises, and does not swallow that exception."""
    ThreadPool = solution.ThreadPool
    with step(1, "with ThreadPool(2) as pool: tasks = [pool.submit(pow, n, 3) for n in range(4)]"):
        with ThreadPool(2) as pool:
            tasks = [pool.submit(pow, n, 3) for n in range(4)]
    with step(2, "[task.done() for task in tasks]"):
        expect_equal([task.done() for task in tasks], [True, True, True, True])
    with step(3, "[task.get_result(timeout=5) for task in tasks]"):
        expect_equal([task.get_result(timeout=5) for task in tasks], [0, 1, 8, 27])
    with step(4, "pool.submit(pow, 1, 1)", raises=RuntimeError):
        pool.submit(pow, 1, 1)
    with step(
        5,
        'propagated = False try: with ThreadPool(1) as failing: late = failing.submit(pow, 2, 5) raise KeyError("inside the block") except KeyError: propagated = True',
    ):
        propagated = False
        try:
            with ThreadPool(1) as failing:
                late = failing.submit(pow, 2, 5)
                raise KeyError("inside the block")
        except KeyError:
            propagated = True
    with step(6, "propagated"):
        expect_is(propagated, True)
    with step(7, "late.done()"):
        expect_is(late.done(), True)
    with step(8, "failing.submit(pow, 1, 1)", raises=RuntimeError):
        failing.submit(pow, 1, 1)


@pytest.mark.behaviour("8e221e81-d6b2-4266-990b-8a7c0484e60c", "concurrency")
@pytest.mark.timeout(25.0)
def test_concurrent_submits_from_many_threads_each_run_exactly_once(solution):
    """The queue is shared by every submitter and every worker; no task may be lost, run twice or given another task's result."""
    ThreadPool = solution.ThreadPool
    with step("setup", "pool = ThreadPool(4) ran = [] tasks = []"):
        pool = ThreadPool(4)
        ran = []
        tasks = []

    def worker(index):
        for n in range(100):
            tasks.append((index, n, pool.submit(record, ran, (index, n))))

    run_threads(worker, threads=8, timeout=20.0, preempt=solution.__name__)
    with step("after 1", "all((task.get_result(timeout=5) == (i, n) for i, n, task in tasks))"):
        expect_is(all((task.get_result(timeout=5) == (i, n) for i, n, task in tasks)), True)
    with step("after 2", "sorted(ran)"):
        expect_equal(sorted(ran), sorted((i, n) for i in range(8) for n in range(100)))
    with step("after 3", "pool.shutdown()"):
        pool.shutdown()


@pytest.mark.behaviour("72192c5a-d4b8-49eb-8c26-7e4c9c2e2590", "concurrency")
@pytest.mark.timeout(35.0)
def test_a_submit_racing_shutdown_is_either_refused_or_run(solution):
    """ "Closed? No, then enqueue" is a check-then-act race: without one lock shared with shutdown, a submit can queue its task behind the workers' stop markers, and a task that was accepted never runs."""
    ThreadPool = solution.ThreadPool
    with step(
        "setup",
        "rounds = 60 pools = [ThreadPool(2) for _ in range(rounds)] busy = [threading.Event() for _ in range(rounds)] closed = [threading.Event() for _ in range(rounds)] in_step = threading.Barrier(8) accepted = []",
    ):
        rounds = 60
        pools = [ThreadPool(2) for _ in range(rounds)]
        busy = [threading.Event() for _ in range(rounds)]
        closed = [threading.Event() for _ in range(rounds)]
        in_step = threading.Barrier(8)
        accepted = []

    def worker(index):
        for r, pool in enumerate(pools):
            in_step.wait(10)
            if index == 0:
                busy[r].wait(5)
                # From a fresh thread, shutdown runs in one go while the others are mid-submit.
                start_thread(pool.shutdown, wait=True).join(10)
                closed[r].set()
                continue
            n = 0
            while n < 100 and not closed[r].is_set():
                try:
                    accepted.append(pool.submit(int, n))
                except RuntimeError:
                    break
                n += 1
                if n == 3:
                    busy[r].set()

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "sum((not task.done() for task in accepted))"):
        expect_equal(sum(not task.done() for task in accepted), 0)


@pytest.mark.behaviour("d7c6d1cd-6996-49db-af6e-2876fb793198", "scenario")
@pytest.mark.timeout(10.0)
def test_get_result_with_timeout_zero_never_blocks(solution):
    """`timeout=0` means "don't wait", not "no timeout": `if timeout:` turns a poll into a wait that never ends."""
    ThreadPool = solution.ThreadPool
    with step(1, 'pool = ThreadPool(1) gate = Gate() task = pool.submit(gate.task, "late")'):
        pool = ThreadPool(1)
        gate = Gate()
        task = pool.submit(gate.task, "late")
    with step(2, "gate.wait_started(1, timeout=5)"):
        expect_is(gate.wait_started(1, timeout=5), True)
    with step(
        3,
        'outcome = [] def poll(): try: outcome.append(task.get_result(timeout=0)) except TimeoutError: outcome.append("timed out") poller = start_thread(poll)',
    ):
        outcome = []

        def poll():
            try:
                outcome.append(task.get_result(timeout=0))
            except TimeoutError:
                outcome.append("timed out")

        poller = start_thread(poll)
    with step(4, "still_alive_after(poller, 0.3)"):
        expect_is(still_alive_after(poller, 0.3), False)
    with step(5, "outcome"):
        expect_equal(outcome, ["timed out"])
    with step(6, "gate.release.set()"):
        gate.release.set()
    with step(7, "task.get_result(timeout=5)"):
        expect_equal(task.get_result(timeout=5), "late")
    with step(8, "task.get_result(timeout=0)"):
        expect_equal(task.get_result(timeout=0), "late")
    with step(9, "pool.shutdown()"):
        pool.shutdown()


@pytest.mark.behaviour("1b7da81e-a31a-4cb6-aa8f-987ffa45b176", "scenario")
@pytest.mark.timeout(15.0)
def test_a_second_shutdown_with_wait_still_waits_for_the_workers(solution):
    """Every `shutdown(wait=True)` returns only once all workers have exited, also when an earlier `shutdown(wait=False)` already closed the pool; a second call that returns at once breaks that promise."""
    ThreadPool = solution.ThreadPool
    with step(1, 'pool = ThreadPool(1) gate = Gate() pool.submit(gate.task, "running")'):
        pool = ThreadPool(1)
        gate = Gate()
        pool.submit(gate.task, "running")
    with step(2, "gate.wait_started(1, timeout=5)"):
        expect_is(gate.wait_started(1, timeout=5), True)
    with step(3, "pool.shutdown(wait=False) closer = start_thread(pool.shutdown, wait=True)"):
        pool.shutdown(wait=False)
        closer = start_thread(pool.shutdown, wait=True)
    with step(4, "still_alive_after(closer, 0.1)"):
        expect_is(still_alive_after(closer, 0.1), True)
    with step(5, "gate.release.set() closer.join(5)"):
        gate.release.set()
        closer.join(5)
    with step(6, "closer.is_alive()"):
        expect_is(closer.is_alive(), False)
    with step(7, "[worker.is_alive() for worker in gate.threads]"):
        expect_equal([worker.is_alive() for worker in gate.threads], [False])


@pytest.mark.behaviour("9a7a9fc9-290d-4966-8006-c92dc48d1e3a", "concurrency")
@pytest.mark.timeout(25.0)
def test_concurrent_shutdowns_all_wait_for_every_worker(solution):
    """Several threads may shut one pool down at once (a finally block and an atexit hook); each `shutdown(wait=True)` must return only after every worker has exited, not just the one that got there first."""
    ThreadPool = solution.ThreadPool
    with step(
        "setup",
        'pool = ThreadPool(1) gate = Gate() pool.submit(gate.task, "running") started = gate.wait_started(1, timeout=5) queued = [pool.submit(pow, n, 2) for n in range(4)] early = threading.Event() busy_on_return = []',
    ):
        pool = ThreadPool(1)
        gate = Gate()
        pool.submit(gate.task, "running")
        started = gate.wait_started(1, timeout=5)
        queued = [pool.submit(pow, n, 2) for n in range(4)]
        early = threading.Event()
        busy_on_return = []

    def worker(index):
        if index == 0:
            early.wait(0.1)  # long enough for the others to be inside shutdown
            gate.release.set()
        else:
            pool.shutdown(wait=True)
            busy = any(worker.is_alive() for worker in gate.threads) or not all(
                task.done() for task in queued
            )
            busy_on_return.append(busy)
            if busy:
                early.set()

    run_threads(worker, threads=8, timeout=20.0, preempt=solution.__name__)
    with step("after 1", "started"):
        expect_is(started, True)
    with step("after 2", "busy_on_return"):
        expect_equal(busy_on_return, [False] * 7)


@pytest.mark.behaviour("ed0f4eac-e41a-467f-bc47-b9dc36dba6b4", "scenario")
@pytest.mark.timeout(10.0)
def test_two_pools_do_not_share_a_queue(solution):
    """A queue or worker list made once (a class attribute) instead of per pool lets one pool's stop markers shut down another pool's workers."""
    ThreadPool = solution.ThreadPool
    with step(
        1,
        'first = ThreadPool(1) second = ThreadPool(1) gate = Gate() blocked = first.submit(gate.task, "first")',
    ):
        first = ThreadPool(1)
        second = ThreadPool(1)
        gate = Gate()
        blocked = first.submit(gate.task, "first")
    with step(2, "gate.wait_started(1, timeout=5)"):
        expect_is(gate.wait_started(1, timeout=5), True)
    with step(3, "first.shutdown(wait=False)"):
        first.shutdown(wait=False)
    with step(4, "second.submit(pow, 2, 3).get_result(timeout=0.3)"):
        expect_equal(second.submit(pow, 2, 3).get_result(timeout=0.3), 8)
    with step(5, "gate.release.set()"):
        gate.release.set()
    with step(6, "blocked.get_result(timeout=5)"):
        expect_equal(blocked.get_result(timeout=5), "first")
    with step(7, "first.shutdown() second.shutdown()"):
        first.shutdown()
        second.shutdown()
