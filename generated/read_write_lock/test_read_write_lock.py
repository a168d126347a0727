# Generated from specs/read_write_lock/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 274f23349307210ae3340f0e5c7e26a223999784f7ea956ddd47481c95e87040
"""Conformance suite for the read_write_lock kata: one test per behaviour of its spec.

Run it with `kata check read_write_lock` or `pytest generated/read_write_lock --impl PATH`.
"""

from __future__ import annotations

import sys
import threading
import time
from contextlib import contextmanager

import pytest
from hypothesis import strategies as st

from katakit.testing import (
    ModelMachine,
    expect_equal,
    expect_is,
    initialize,
    invariant,
    rule,
    run_model_machine,
    run_threads,
    step,
)

WAIT = 5.0  # the longest any single wait may take: a broken lock fails instead of hanging


class Attempt:
    """In its own thread: call `acquire`, log `name`, call `release`; state() tells whether it blocked."""

    def __init__(self, name, acquire, release, log):
        self.name = name
        self.log = log
        self.error = None
        self._acquire = acquire
        self._release = release
        self._inside = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self):
        try:
            self._acquire()
            self._inside.set()
            self.log.append(self.name)
            self._release()
        except BaseException as exc:  # reported by state() and finished()
            self.error = exc

    def state(self):
        """'blocked' once the thread sits still inside its acquire call, 'got in' once it got past it."""
        function = getattr(self._acquire, "__name__", "")
        start = time.monotonic()
        last, still, entered = None, 0, None
        while time.monotonic() < start + WAIT:
            if self.error is not None:
                return f"raised {type(self.error).__name__}: {self.error}"
            if self._inside.is_set():
                return "got in"
            frame = sys._current_frames().get(self._thread.ident)
            stack = []
            while frame is not None:
                stack.append((frame.f_code, frame.f_lasti))
                frame = frame.f_back
            if any(code.co_name == function for code, _ in stack):
                entered = entered or time.monotonic()
                still = still + 1 if stack == last else 0
                # at one instruction for ~10 ms, or looping inside for 1 s: waiting, not working
                if still >= 5 or time.monotonic() - entered >= 1.0:
                    return "blocked"
            else:
                still, entered = 0, None
            last = stack
            time.sleep(0.002)  # poll the other thread; no behaviour depends on this delay
        return f"still busy inside {function}() after {WAIT:g} s"

    def finished(self):
        """True once the thread got in, logged and released (within WAIT seconds)."""
        self._thread.join(WAIT)
        return not self._thread.is_alive() and self.error is None


def all_finished(*attempts):
    """Whether every attempt got in and out (each waits at most WAIT seconds)."""
    return all([attempt.finished() for attempt in attempts])


def wait_together(barrier):
    """True when every party reached the barrier within WAIT seconds, False if it broke."""
    try:
        barrier.wait(WAIT)
        return True
    except threading.BrokenBarrierError:
        return False


def _yield_at_each_line(frame, event, arg):
    if event == "line":
        time.sleep(0)  # hand the GIL over: another thread may run between any two lines
    return _yield_at_each_line


@contextmanager
def preempting(cls):
    """Trace this thread so that it yields at every line of `cls`'s module.

    CPython only switches threads at a few places, so a check-then-act written on two
    lines without a lock can look atomic; yielding between lines makes the race show.
    """
    module = cls.__module__

    def tracer(frame, event, arg):
        return _yield_at_each_line if frame.f_globals.get("__name__") == module else None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        yield
    finally:
        sys.settrace(previous)


class Room:
    """Who is inside the critical section; records each time a lock let the wrong mix in."""

    def __init__(self):
        self._guard = threading.Lock()
        self.readers = 0
        self.writers = 0
        self.visits = 0
        self.overlaps = []

    def visit(self, kind):
        with self._guard:
            if kind == "writer" and (self.readers or self.writers):
                self._overlap(
                    f"a writer got in beside {self.readers} reader(s) and {self.writers} writer(s)"
                )
            if kind == "reader" and self.writers:
                self._overlap(f"a reader got in beside {self.writers} writer(s)")
            self.readers += kind == "reader"
            self.writers += kind == "writer"
        time.sleep(0)  # stay inside for a thread switch, so that an intruder can be seen
        with self._guard:
            self.readers -= kind == "reader"
            self.writers -= kind == "writer"
            self.visits += 1

    def _overlap(self, what):
        if len(self.overlaps) < 3:
            self.overlaps.append(what)


pytestmark = pytest.mark.kata(
    "read_write_lock",
    classes=["ReadWriteLock", "ThreadSafeCache"],
    exceptions=[],
    functions=[],
)


@pytest.mark.behaviour("776b9f90-5799-405d-b659-345bd50947d7", "concurrency")
@pytest.mark.timeout(15.0)
def test_all_readers_can_be_inside_at_once(solution):
    """A read lock is shared; eight readers that each wait for the others while holding it would deadlock on a lock that lets in one reader at a time."""
    ReadWriteLock = solution.ReadWriteLock
    with step("setup", "lock = ReadWriteLock() inside = threading.Barrier(8) met = []"):
        lock = ReadWriteLock()
        inside = threading.Barrier(8)
        met = []

    def worker(index):
        with lock.read():
            met.append(wait_together(inside))

    run_threads(worker, threads=8, timeout=10.0, preempt=solution.__name__)
    with step("after 1", "met.count(True)"):
        expect_equal(met.count(True), 8)


@pytest.mark.behaviour("2f017464-c9c5-4976-8c8f-1226605f773e", "scenario")
@pytest.mark.timeout(15.0)
def test_a_writer_keeps_readers_out_until_it_releases(solution):
    """A writer must have the data to itself; a reader that gets in during a write reads a half-made change."""
    ReadWriteLock = solution.ReadWriteLock
    with step(1, "lock = ReadWriteLock() log = [] lock.acquire_write()"):
        lock = ReadWriteLock()
        log = []
        lock.acquire_write()
    with step(2, 'reader = Attempt("reader", lock.acquire_read, lock.release_read, log)'):
        reader = Attempt("reader", lock.acquire_read, lock.release_read, log)
    with step(3, "reader.state()"):
        expect_equal(reader.state(), "blocked")
    with step(4, 'log.append("writer done") lock.release_write()'):
        log.append("writer done")
        lock.release_write()
    with step(5, "reader.finished()"):
        expect_is(reader.finished(), True)
    with step(6, "log"):
        expect_equal(log, ["writer done", "reader"])


@pytest.mark.behaviour("22471f4c-a838-44f4-98fa-60b253785dbe", "scenario")
@pytest.mark.timeout(15.0)
def test_a_writer_keeps_other_writers_out_until_it_releases(solution):
    """Two writers inside at once interleave their changes and corrupt the data."""
    ReadWriteLock = solution.ReadWriteLock
    with step(1, "lock = ReadWriteLock() log = [] lock.acquire_write()"):
        lock = ReadWriteLock()
        log = []
        lock.acquire_write()
    with step(2, 'second = Attempt("second writer", lock.acquire_write, lock.release_write, log)'):
        second = Attempt("second writer", lock.acquire_write, lock.release_write, log)
    with step(3, "second.state()"):
        expect_equal(second.state(), "blocked")
    with step(4, 'log.append("first writer done") lock.release_write()'):
        log.append("first writer done")
        lock.release_write()
    with step(5, "second.finished()"):
        expect_is(second.finished(), True)
    with step(6, "log"):
        expect_equal(log, ["first writer done", "second writer"])


@pytest.mark.behaviour("2b97de89-48ee-40c9-ae7e-5162bf7dcfa1", "scenario")
@pytest.mark.timeout(15.0)
def test_a_writer_waits_until_every_reader_has_left(solution):
    """Readers already inside must finish before a writer changes the data, and the last one out must wake the writer."""
    ReadWriteLock = solution.ReadWriteLock
    with step(1, "lock = ReadWriteLock() log = [] lock.acquire_read() lock.acquire_read()"):
        lock = ReadWriteLock()
        log = []
        lock.acquire_read()
        lock.acquire_read()
    with step(2, 'writer = Attempt("writer", lock.acquire_write, lock.release_write, log)'):
        writer = Attempt("writer", lock.acquire_write, lock.release_write, log)
    with step(3, "writer.state()"):
        expect_equal(writer.state(), "blocked")
    with step(4, 'log.append("first reader out") lock.release_read()'):
        log.append("first reader out")
        lock.release_read()
    with step(5, "writer.state()"):
        expect_equal(writer.state(), "blocked")
    with step(6, 'log.append("second reader out") lock.release_read()'):
        log.append("second reader out")
        lock.release_read()
    with step(7, "writer.finished()"):
        expect_is(writer.finished(), True)
    with step(8, "log"):
        expect_equal(log, ["first reader out", "second reader out", "writer"])


@pytest.mark.behaviour("8a34f704-204a-4b45-8618-0dcb095d9911", "scenario")
@pytest.mark.timeout(20.0)
def test_a_reader_arriving_while_a_writer_waits_goes_after_the_writer(solution):
    """This is writer preference, the rule the guide breaks: if a late reader may join the readers inside, overlapping readers starve the waiting writer for as long as they keep coming."""
    ReadWriteLock = solution.ReadWriteLock
    with step(1, "lock = ReadWriteLock() log = [] lock.acquire_read()"):
        lock = ReadWriteLock()
        log = []
        lock.acquire_read()
    with step(2, 'writer = Attempt("writer", lock.acquire_write, lock.release_write, log)'):
        writer = Attempt("writer", lock.acquire_write, lock.release_write, log)
    with step(3, "writer.state()"):
        expect_equal(writer.state(), "blocked")
    with step(4, 'late_reader = Attempt("late reader", lock.acquire_read, lock.release_read, log)'):
        late_reader = Attempt("late reader", lock.acquire_read, lock.release_read, log)
    with step(5, "late_reader.state()"):
        expect_equal(late_reader.state(), "blocked")
    with step(6, "lock.release_read()"):
        lock.release_read()
    with step(7, "all_finished(writer, late_reader)"):
        expect_is(all_finished(writer, late_reader), True)
    with step(8, "log"):
        expect_equal(log, ["writer", "late reader"])


@pytest.mark.behaviour("8c2d2335-4bbe-431d-9300-ff8a94917efc", "scenario")
@pytest.mark.timeout(25.0)
def test_readers_arriving_while_two_writers_wait_go_after_both(solution):
    """Writer preference holds for every waiting writer, not only the first one, so a reader that arrives while two writers wait goes in last."""
    ReadWriteLock = solution.ReadWriteLock
    with step(1, "lock = ReadWriteLock() log = [] lock.acquire_read()"):
        lock = ReadWriteLock()
        log = []
        lock.acquire_read()
    with step(2, 'first = Attempt("writer", lock.acquire_write, lock.release_write, log)'):
        first = Attempt("writer", lock.acquire_write, lock.release_write, log)
    with step(3, "first.state()"):
        expect_equal(first.state(), "blocked")
    with step(4, 'second = Attempt("writer", lock.acquire_write, lock.release_write, log)'):
        second = Attempt("writer", lock.acquire_write, lock.release_write, log)
    with step(5, "second.state()"):
        expect_equal(second.state(), "blocked")
    with step(6, 'late_reader = Attempt("late reader", lock.acquire_read, lock.release_read, log)'):
        late_reader = Attempt("late reader", lock.acquire_read, lock.release_read, log)
    with step(7, "late_reader.state()"):
        expect_equal(late_reader.state(), "blocked")
    with step(8, "lock.release_read()"):
        lock.release_read()
    with step(9, "all_finished(first, second, late_reader)"):
        expect_is(all_finished(first, second, late_reader), True)
    with step(10, "log"):
        expect_equal(log, ["writer", "writer", "late reader"])


@pytest.mark.behaviour("5b0551b2-aa09-4407-af04-1f7ee2e731db", "scenario")
@pytest.mark.timeout(40.0)
def test_the_lock_can_be_taken_again_after_each_release(solution):
    """Every release must restore the lock completely; a leftover count or flag blocks the next reader or writer forever."""
    ReadWriteLock = solution.ReadWriteLock
    with step(1, "lock = ReadWriteLock() log = []"):
        lock = ReadWriteLock()
        log = []
    with step(2, "Attempt('writer 1', lock.acquire_write, lock.release_write, log).finished()"):
        expect_is(Attempt("writer 1", lock.acquire_write, lock.release_write, log).finished(), True)
    with step(3, "Attempt('reader 1', lock.acquire_read, lock.release_read, log).finished()"):
        expect_is(Attempt("reader 1", lock.acquire_read, lock.release_read, log).finished(), True)
    with step(4, "Attempt('writer 2', lock.acquire_write, lock.release_write, log).finished()"):
        expect_is(Attempt("writer 2", lock.acquire_write, lock.release_write, log).finished(), True)
    with step(5, "Attempt('writer 3', lock.acquire_write, lock.release_write, log).finished()"):
        expect_is(Attempt("writer 3", lock.acquire_write, lock.release_write, log).finished(), True)
    with step(6, "Attempt('reader 2', lock.acquire_read, lock.release_read, log).finished()"):
        expect_is(Attempt("reader 2", lock.acquire_read, lock.release_read, log).finished(), True)
    with step(7, "Attempt('reader 3', lock.acquire_read, lock.release_read, log).finished()"):
        expect_is(Attempt("reader 3", lock.acquire_read, lock.release_read, log).finished(), True)
    with step(8, "log"):
        expect_equal(log, ["writer 1", "reader 1", "writer 2", "writer 3", "reader 2", "reader 3"])


@pytest.mark.behaviour("5695d33b-6c74-4004-a3a5-0bdb6d09ebbe", "scenario")
@pytest.mark.timeout(10.0)
def test_release_read_without_a_reader_inside_raises_runtime_error(solution):
    """An unmatched release is a bug in the caller; raising shows it at once, silently accepting it corrupts the count."""
    ReadWriteLock = solution.ReadWriteLock
    with step(1, "lock = ReadWriteLock()"):
        lock = ReadWriteLock()
    with step(2, "lock.release_read()", raises=RuntimeError):
        lock.release_read()
    with step(3, "lock.acquire_read() lock.release_read()"):
        lock.acquire_read()
        lock.release_read()
    with step(4, "lock.release_read()", raises=RuntimeError):
        lock.release_read()
    with step(5, "lock.acquire_write()"):
        lock.acquire_write()
    with step(6, "lock.release_read()", raises=RuntimeError):
        lock.release_read()
    with step(7, "lock.release_write()"):
        lock.release_write()


@pytest.mark.behaviour("c60f99fd-2b45-4995-9869-7a8d24b253af", "scenario")
@pytest.mark.timeout(10.0)
def test_release_write_without_a_writer_inside_raises_runtime_error(solution):
    """Releasing a write lock nobody holds must fail loudly rather than open the lock for a writer that is not there."""
    ReadWriteLock = solution.ReadWriteLock
    with step(1, "lock = ReadWriteLock()"):
        lock = ReadWriteLock()
    with step(2, "lock.release_write()", raises=RuntimeError):
        lock.release_write()
    with step(3, "lock.acquire_write() lock.release_write()"):
        lock.acquire_write()
        lock.release_write()
    with step(4, "lock.release_write()", raises=RuntimeError):
        lock.release_write()
    with step(5, "lock.acquire_read()"):
        lock.acquire_read()
    with step(6, "lock.release_write()", raises=RuntimeError):
        lock.release_write()
    with step(7, "lock.release_read()"):
        lock.release_read()


@pytest.mark.behaviour("e900bf37-5fc6-4545-a267-1fb619bde482", "scenario")
@pytest.mark.timeout(15.0)
def test_a_stray_release_read_raises_and_does_not_let_a_writer_in_beside_a_reader(solution):
    """The guide's stray release_read() drives the count negative, so the next reader makes it zero and a writer walks in beside that reader; the release must raise and change nothing."""
    ReadWriteLock = solution.ReadWriteLock
    with step(1, "lock = ReadWriteLock() log = []"):
        lock = ReadWriteLock()
        log = []
    with step(2, "lock.release_read()", raises=RuntimeError):
        lock.release_read()
    with step(3, "lock.acquire_read()"):
        lock.acquire_read()
    with step(4, 'writer = Attempt("writer", lock.acquire_write, lock.release_write, log)'):
        writer = Attempt("writer", lock.acquire_write, lock.release_write, log)
    with step(5, "writer.state()"):
        expect_equal(writer.state(), "blocked")
    with step(6, 'log.append("reader out") lock.release_read()'):
        log.append("reader out")
        lock.release_read()
    with step(7, "writer.finished()"):
        expect_is(writer.finished(), True)
    with step(8, "log"):
        expect_equal(log, ["reader out", "writer"])


@pytest.mark.behaviour("9bd4004b-843e-4560-9120-7a01e1da001e", "scenario")
@pytest.mark.timeout(10.0)
def test_read_and_write_context_managers_release_when_the_block_ends(solution):
    """`with lock.read():` and `with lock.write():` must pair every acquire with exactly one release."""
    ReadWriteLock = solution.ReadWriteLock
    with step(1, "lock = ReadWriteLock()"):
        lock = ReadWriteLock()
    with step(2, "with lock.write(): pass"):
        with lock.write():
            pass
    with step(3, "lock.release_write()", raises=RuntimeError):
        lock.release_write()
    with step(4, "with lock.read(): pass"):
        with lock.read():
            pass
    with step(5, "lock.release_read()", raises=RuntimeError):
        lock.release_read()
    with step(6, "with lock.read(), lock.read(): pass"):
        with lock.read(), lock.read():
            pass
    with step(7, "lock.release_read()", raises=RuntimeError):
        lock.release_read()


@pytest.mark.behaviour("2666eee5-4931-469a-89e2-df3118a4bcb2", "scenario")
@pytest.mark.timeout(10.0)
def test_the_context_managers_release_even_when_the_block_raises(solution):
    """A lock left held after an exception blocks every later writer (or every reader) forever."""
    ReadWriteLock = solution.ReadWriteLock
    with step(1, "lock = ReadWriteLock()"):
        lock = ReadWriteLock()
    with step(
        2,
        'with lock.write(): raise KeyError("failed inside the write block")',
        raises=KeyError,
        match="write block",
    ):
        with lock.write():
            raise KeyError("failed inside the write block")
    with step(3, "lock.release_write()", raises=RuntimeError):
        lock.release_write()
    with step(
        4,
        'with lock.read(): raise KeyError("failed inside the read block")',
        raises=KeyError,
        match="read block",
    ):
        with lock.read():
            raise KeyError("failed inside the read block")
    with step(5, "lock.release_read()", raises=RuntimeError):
        lock.release_read()


@pytest.mark.behaviour("62471412-c272-4184-b278-f2f1ca2eddfc", "scenario")
@pytest.mark.timeout(25.0)
def test_the_context_managers_hold_the_lock_inside_the_block(solution):
    """Inside `with lock.read():` a writer must wait, and inside `with lock.write():` a reader must wait; a context manager that does not really acquire protects nothing."""
    ReadWriteLock = solution.ReadWriteLock
    with step(1, "lock = ReadWriteLock() log = [] reading = lock.read() reading.__enter__()"):
        lock = ReadWriteLock()
        log = []
        reading = lock.read()
        reading.__enter__()
    with step(2, 'writer = Attempt("writer", lock.acquire_write, lock.release_write, log)'):
        writer = Attempt("writer", lock.acquire_write, lock.release_write, log)
    with step(3, "writer.state()"):
        expect_equal(writer.state(), "blocked")
    with step(4, 'log.append("read block done") reading.__exit__(None, None, None)'):
        log.append("read block done")
        reading.__exit__(None, None, None)
    with step(5, "writer.finished()"):
        expect_is(writer.finished(), True)
    with step(6, "writing = lock.write() writing.__enter__()"):
        writing = lock.write()
        writing.__enter__()
    with step(7, 'reader = Attempt("reader", lock.acquire_read, lock.release_read, log)'):
        reader = Attempt("reader", lock.acquire_read, lock.release_read, log)
    with step(8, "reader.state()"):
        expect_equal(reader.state(), "blocked")
    with step(9, 'log.append("write block done") writing.__exit__(None, None, None)'):
        log.append("write block done")
        writing.__exit__(None, None, None)
    with step(10, "reader.finished()"):
        expect_is(reader.finished(), True)
    with step(11, "log"):
        expect_equal(log, ["read block done", "writer", "write block done", "reader"])


@pytest.mark.behaviour("e93a41ec-6346-4c91-962a-8f1ccf504ba7", "concurrency")
@pytest.mark.timeout(15.0)
def test_readers_and_writers_never_overlap_even_when_preempted_at_every_line(solution):
    """Every check of the counts and the change that follows must happen under one mutex; each thread here yields at every line of the solution, so a check-then-act that only looks atomic under the GIL lets two writers, or a writer and readers, in together (a RuntimeError from a release here means the lock let two threads in and one cleared the other's claim)."""
    ReadWriteLock = solution.ReadWriteLock
    with step("setup", "lock = ReadWriteLock() room = Room()"):
        lock = ReadWriteLock()
        room = Room()

    def worker(index):
        with preempting(ReadWriteLock):
            for n in range(60):
                if (index + n) % 4 == 0:
                    with lock.write():
                        room.visit("writer")
                else:
                    lock.acquire_read()
                    room.visit("reader")
                    lock.release_read()

    run_threads(worker, threads=8, timeout=10.0, preempt=solution.__name__)
    with step("after 1", "room.overlaps"):
        expect_equal(room.overlaps, [])
    with step("after 2", "room.visits"):
        expect_equal(room.visits, 480)


@pytest.mark.behaviour("053e3a4e-a39c-4717-8422-78be78f791d6", "scenario")
@pytest.mark.timeout(10.0)
def test_cache_returns_what_was_put_or_the_default(solution):
    """The cache must give back exactly what was stored, replace on a second put, and let the caller choose what a miss looks like."""
    ThreadSafeCache = solution.ThreadSafeCache
    with step(1, "cache = ThreadSafeCache()"):
        cache = ThreadSafeCache()
    with step(2, "cache.get('missing')"):
        expect_is(cache.get("missing"), None)
    with step(3, "cache.get('missing', 'fallback')"):
        expect_equal(cache.get("missing", "fallback"), "fallback")
    with step(4, 'cache.put("a", 1)'):
        cache.put("a", 1)
    with step(5, "cache.get('a')"):
        expect_equal(cache.get("a"), 1)
    with step(6, 'cache.put("a", 2)'):
        cache.put("a", 2)
    with step(7, "cache.get('a', 'fallback')"):
        expect_equal(cache.get("a", "fallback"), 2)


@pytest.mark.behaviour("af0b2f47-1841-474f-81ca-4d671ca56b86", "scenario")
@pytest.mark.timeout(10.0)
def test_cache_returns_a_stored_falsy_value_as_stored(solution):
    """0, an empty string and None are values like any other; treating them as misses loses data."""
    ThreadSafeCache = solution.ThreadSafeCache
    with step(1, "cache = ThreadSafeCache()"):
        cache = ThreadSafeCache()
    with step(2, 'cache.put("zero", 0) cache.put("empty", "") cache.put("none", None)'):
        cache.put("zero", 0)
        cache.put("empty", "")
        cache.put("none", None)
    with step(3, "cache.get('zero', 'default')"):
        expect_equal(cache.get("zero", "default"), 0)
    with step(4, "cache.get('empty', 'default')"):
        expect_equal(cache.get("empty", "default"), "")
    with step(5, "cache.get('none', 'default')"):
        expect_is(cache.get("none", "default"), None)
    with step(6, "cache.size()"):
        expect_equal(cache.size(), 3)


@pytest.mark.behaviour("0f6770fe-ca9e-4bef-ba01-257aada852b1", "scenario")
@pytest.mark.timeout(10.0)
def test_cache_size_counts_distinct_keys(solution):
    """The size is the number of keys stored, so replacing a value must not count twice."""
    ThreadSafeCache = solution.ThreadSafeCache
    with step(1, "cache = ThreadSafeCache()"):
        cache = ThreadSafeCache()
    with step(2, "cache.size()"):
        expect_equal(cache.size(), 0)
    with step(3, 'cache.put("a", 1) cache.put("b", 2) cache.put("a", 3)'):
        cache.put("a", 1)
        cache.put("b", 2)
        cache.put("a", 3)
    with step(4, "cache.size()"):
        expect_equal(cache.size(), 2)


@pytest.mark.behaviour("debfe4bc-e2ed-4551-8fe5-8e27cf6db373", "property")
@pytest.mark.timeout(60.0)
def test_cache_behaves_like_a_dict(solution):
    """Any sequence of puts, gets and size calls must match a plain dict."""
    ThreadSafeCache = solution.ThreadSafeCache

    class Model:
        def __init__(self):
            self.data = {}

        def get(self, key, default=None):
            return self.data.get(key, default)

        def put(self, key, value):
            self.data[key] = value

        def size(self):
            return len(self.data)

    class Machine(ModelMachine):
        @initialize()
        def start(self):
            self.begin(
                lambda: ThreadSafeCache(),
                lambda: Model(),
                "ThreadSafeCache()",
            )

        @rule(
            key=st.integers(0, 5),
            value=st.one_of(st.none(), st.integers(-2, 2), st.text(max_size=2)),
        )
        def rule_1_put(self, key, value):
            self.apply(
                "put(key, value)",
                lambda target: target.put(key, value),
                key=key,
                value=value,
                compare=True,
            )

        @rule(default=st.sampled_from([None, "default"]), key=st.integers(0, 5))
        def rule_2_get(self, default, key):
            self.apply(
                "get(key, default)",
                lambda target: target.get(key, default),
                default=default,
                key=key,
                compare=True,
            )

        @rule()
        def rule_3_size(self):
            self.apply(
                "size()",
                lambda target: target.size(),
                compare=True,
            )

        @invariant()
        def invariant_1(self):
            self.holds(
                "subject.size() == model.size()",
                lambda subject, model: subject.size() == model.size(),
                sides=lambda subject, model: (subject.size(), model.size()),
                equality=True,
            )

    run_model_machine(Machine, examples=50, steps=20)


@pytest.mark.behaviour("72a7e662-8c5c-4bf9-8dd4-1514b377ff7d", "concurrency")
@pytest.mark.timeout(15.0)
def test_concurrent_cache_puts_and_gets_lose_nothing(solution):
    """Eight threads writing and reading at once must neither lose a put nor see a value that was never stored."""
    ThreadSafeCache = solution.ThreadSafeCache
    with step("setup", "cache = ThreadSafeCache() wrong = []"):
        cache = ThreadSafeCache()
        wrong = []

    def worker(index):
        for n in range(25):
            cache.put((index, n), n)
            if cache.get((index, n)) != n:
                wrong.append((index, n))
            cache.get((index + 1, n), "not yet")

    run_threads(worker, threads=8, timeout=10.0, preempt=solution.__name__)
    with step("after 1", "wrong"):
        expect_equal(wrong, [])
    with step("after 2", "cache.size()"):
        expect_equal(cache.size(), 200)


@pytest.mark.behaviour("e8018565-815c-410c-9f01-ea867ce9fc21", "concurrency")
@pytest.mark.timeout(15.0)
def test_concurrent_releases_of_one_lock_release_each_reader_once(solution):
    """Eight threads releasing the same lock at once: exactly as many releases succeed as readers were inside, the rest raise, and the count never goes below zero (a check of the count outside the mutex lets two releases take the last reader)."""
    ReadWriteLock = solution.ReadWriteLock
    with step(
        "setup",
        "locks = [ReadWriteLock() for _ in range(40)] for lock in locks: for _ in range(4): lock.acquire_read() released = [] refused = []",
    ):
        locks = [ReadWriteLock() for _ in range(40)]
        for lock in locks:
            for _ in range(4):
                lock.acquire_read()
        released = []
        refused = []

    def worker(index):
        for lock in locks:
            try:
                lock.release_read()
                released.append(1)
            except RuntimeError:
                refused.append(1)

    run_threads(worker, threads=8, timeout=10.0, preempt=solution.__name__)
    with step("after 1", "len(released)"):
        expect_equal(len(released), 160)
    with step("after 2", "len(refused)"):
        expect_equal(len(refused), 160)
    with step(
        "after 3",
        "stray = 0 for lock in locks: try: lock.release_read() except RuntimeError: stray += 1",
    ):
        stray = 0
        for lock in locks:
            try:
                lock.release_read()
            except RuntimeError:
                stray += 1
    with step("after 4", "stray"):
        expect_equal(stray, 40)


@pytest.mark.behaviour("6dc3fa4d-3095-47df-91d2-224753cb8995", "scenario")
@pytest.mark.timeout(15.0)
def test_two_caches_and_two_locks_are_independent(solution):
    """A dict or counter made once (a class attribute) instead of per object makes every cache share one store, and a lock held on one object must not block another."""
    ReadWriteLock = solution.ReadWriteLock
    ThreadSafeCache = solution.ThreadSafeCache
    with step(1, 'first = ThreadSafeCache() second = ThreadSafeCache() first.put("a", 1)'):
        first = ThreadSafeCache()
        second = ThreadSafeCache()
        first.put("a", 1)
    with step(2, "second.get('a', 'absent')"):
        expect_equal(second.get("a", "absent"), "absent")
    with step(3, "second.size()"):
        expect_equal(second.size(), 0)
    with step(4, "held = ReadWriteLock() other = ReadWriteLock() log = [] held.acquire_write()"):
        held = ReadWriteLock()
        other = ReadWriteLock()
        log = []
        held.acquire_write()
    with step(5, "Attempt('reader', other.acquire_read, other.release_read, log).finished()"):
        expect_is(Attempt("reader", other.acquire_read, other.release_read, log).finished(), True)
    with step(6, "Attempt('writer', other.acquire_write, other.release_write, log).finished()"):
        expect_is(Attempt("writer", other.acquire_write, other.release_write, log).finished(), True)
    with step(7, "held.release_write()"):
        held.release_write()
    with step(8, "log"):
        expect_equal(log, ["reader", "writer"])
