"""Helpers the generated conformance suites call; each failure speaks the behaviour's words."""

from __future__ import annotations

import gc
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from hypothesis import HealthCheck, Phase, settings
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

__all__ = [
    "BehaviourFailure",
    "ModelMachine",
    "NotImplementedYet",
    "expect_constant_time",
    "expect_equal",
    "expect_is",
    "expect_true",
    "initialize",
    "invariant",
    "rule",
    "run_model_machine",
    "run_threads",
    "step",
]

# Set by `kata verify` (katakit.forkrun) for runs that only need to fail: a shorter limit.
time_limit_cap: float | None = None

SWITCH_INTERVAL = 1e-5  # far below the 5 ms default, so unlocked read-modify-write races show


def show(value: Any, limit: int = 300) -> str:
    """repr() that cannot blow up the report."""
    try:
        text = repr(value)
    except Exception as exc:  # a broken __repr__ in a solution must not hide the real failure
        text = f"<unprintable {type(value).__name__}: {exc!r}>"
    return text if len(text) <= limit else text[:limit] + "…"


class BehaviourFailure(AssertionError):
    """A behaviour was not met; `str()` is the explanation a learner reads."""

    def __init__(self, problem: str, *, where: str = "", expected: str = "", got: str = "") -> None:
        self.problem = problem
        self.where = where
        self.expected = expected
        self.got = got
        super().__init__(self.explain())

    def explain(self) -> str:
        lines = [f"{self.where}: {self.problem}" if self.where else self.problem]
        if self.expected:
            lines.append(f"expected: {self.expected}")
        if self.got:
            lines.append(f"got:      {self.got}")
        return "\n".join(lines)

    def at(self, where: str) -> BehaviourFailure:
        if not self.where:
            self.where = where
            self.args = (self.explain(),)
        return self


class Hung(BehaviourFailure):
    """The solution did not finish in time (our own detection, beside pytest-timeout's)."""


class NotImplementedYet(BehaviourFailure):
    """The solution still raises NotImplementedError (the skeleton's placeholder)."""


def _exception_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}({str(exc)!r})" if str(exc) else type(exc).__name__


def _unexpected(exc: BaseException, where: str) -> BehaviourFailure:
    if isinstance(exc, NotImplementedError):
        return NotImplementedYet(
            f"not implemented yet ({exc})" if str(exc) else "not implemented yet", where=where
        )
    if isinstance(exc, AttributeError) and getattr(exc, "obj", None) is not None and exc.name:
        owner = type(exc.obj).__name__ if not isinstance(exc.obj, type) else exc.obj.__name__
        return BehaviourFailure(
            f"{owner} has no attribute {exc.name!r}; the kata's interface requires it "
            "(see the brief's interface table)",
            where=where,
        )
    if isinstance(exc, SystemExit):
        return BehaviourFailure(
            "the solution called sys.exit(); a library must never exit the process", where=where
        )
    failure = BehaviourFailure(f"raised {_exception_text(exc)} unexpectedly", where=where)
    failure.__cause__ = exc
    return failure


@contextmanager
def step(
    number: int | str,
    code: str,
    raises: type[BaseException] | None = None,
    match: str | None = None,
) -> Iterator[None]:
    """Run one step; a wrong outcome becomes a BehaviourFailure naming the step and its code."""
    where = f"step {number}: {code}" if isinstance(number, int) else f"{number}: {code}"
    try:
        yield
    except BehaviourFailure as failure:
        raise failure.at(where) from None
    except (Exception, SystemExit) as exc:
        if raises is None or isinstance(exc, NotImplementedError) or not isinstance(exc, raises):
            failure = _unexpected(exc, where)
            if raises is not None and not isinstance(failure, NotImplementedYet):
                failure = BehaviourFailure(
                    "raised the wrong exception",
                    where=where,
                    expected=f"{raises.__name__}" + (f" mentioning {match!r}" if match else ""),
                    got=_exception_text(exc),
                )
            raise failure from exc
        if match and match.lower() not in str(exc).lower():
            raise BehaviourFailure(
                "raised the right exception with an unhelpful message",
                where=where,
                expected=f"{raises.__name__} whose message mentions {match!r}",
                got=_exception_text(exc),
            ) from exc
    else:
        if raises is not None:
            raise BehaviourFailure(
                "returned normally",
                where=where,
                expected=f"{raises.__name__}" + (f" mentioning {match!r}" if match else ""),
                got="no exception",
            )


PLAIN = (type(None), bool, int, float, complex, str, bytes)


def same(a: Any, b: Any) -> bool:
    """Type-strict, structural equality that no object of the solution's can fake.

    Both sides must have the same type (`1` is not `True`, a list is not a tuple; only an
    int and a float compare as numbers, so `3600 == 3600.0`); builtin
    values and containers are compared element by element with builtin semantics, so an
    object whose `__eq__` always says yes is never equal to a plain value. Only two objects
    of the same non-builtin type are left to that type's own `__eq__`.
    """
    kind = type(a)
    if kind is not type(b):
        return {kind, type(b)} == {int, float} and a == b
    if kind in PLAIN:
        return a == b
    if kind in (list, tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if kind is dict:
        if len(a) != len(b) or not all(_hashable_plain(k) for k in (*a, *b)):
            return False
        return all(k in a and same(a[k], v) for k, v in b.items())
    if kind in (set, frozenset):
        return all(_hashable_plain(x) for x in (*a, *b)) and a == b
    return bool(a == b) is True


def _hashable_plain(value: Any) -> bool:
    kind = type(value)
    return kind in PLAIN or (kind in (tuple, frozenset) and all(map(_hashable_plain, value)))


def expect_equal(got: Any, expected: Any) -> None:
    if not same(got, expected):
        raise BehaviourFailure(
            "wrong result", expected=show(expected), got=_shown_with_type(got, expected)
        )


def _shown_with_type(got: Any, expected: Any) -> str:
    """Name the type when the values look alike but the types differ (1 and True, [] and ())."""
    if type(got) is not type(expected) and show(got) == show(expected):
        return f"{show(got)} (a {type(got).__name__}, not a {type(expected).__name__})"
    return show(got)


def expect_is(got: Any, expected: Any) -> None:
    if got is not expected:
        raise BehaviourFailure("wrong result", expected=show(expected), got=show(got))


def expect_true(got: Any) -> None:
    if got is not True:
        raise BehaviourFailure(
            "the condition does not hold", expected="a true value", got=show(got)
        )


def _yield_at_each_line(frame: Any, event: str, arg: Any) -> Any:
    if event == "line":
        time.sleep(0)  # give up the GIL: another thread may run between any two lines
    return _yield_at_each_line


def _preempting_tracer(module_name: str) -> Callable[..., Any]:
    """A trace function that makes a thread yield at every line of one module's code.

    CPython switches threads only at a few points, so a check-then-act spread over two
    lines can look atomic without a lock; yielding between lines makes such races show.
    """

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        return _yield_at_each_line if frame.f_globals.get("__name__") == module_name else None

    return tracer


def run_threads(
    worker: Callable[[int], None], threads: int, timeout: float, preempt: str | None = None
) -> None:
    """Start `threads` workers together on a barrier; fail on any error or on a hang.

    `preempt` names the solution module: each worker yields at every line of it.
    """
    if time_limit_cap is not None:
        timeout = min(timeout, time_limit_cap)
    barrier = threading.Barrier(threads)
    errors: list[tuple[int, BaseException]] = []
    tracer = _preempting_tracer(preempt) if preempt else None

    def body(index: int) -> None:
        try:
            barrier.wait(timeout)
            if tracer is not None:
                sys.settrace(tracer)
            worker(index)
        except BaseException as exc:  # reported below, with the thread that raised it
            errors.append((index, exc))
        finally:
            sys.settrace(None)

    pool = [
        threading.Thread(target=body, args=(i,), name=f"kata-worker-{i}", daemon=True)
        for i in range(threads)
    ]
    previous = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        for thread in pool:
            thread.start()
        deadline = time.monotonic() + timeout
        for thread in pool:
            thread.join(max(0.0, deadline - time.monotonic()))
    finally:
        sys.setswitchinterval(previous)
    stuck = [t.name for t in pool if t.is_alive()]
    if stuck:
        raise Hung(
            f"{len(stuck)} of {threads} threads were still running after {timeout:g} s "
            "(a deadlock, a lost wake-up or an endless loop)",
            where="threads",
        )
    if errors:
        index, exc = min(errors, key=lambda e: e[0])
        if isinstance(exc, BehaviourFailure):
            raise exc.at(f"thread {index}")
        raise _unexpected(exc, f"thread {index} of {threads}") from exc


def expect_constant_time(
    build: Callable[[int], Callable[[int], Any]],
    sizes: list[int],
    operations: int,
    max_ratio: float,
    budget: float,
    rounds: int = 5,
) -> None:
    """Per-operation time at the largest size must stay within max_ratio of the smallest."""
    for _attempt in range(2):  # one re-measure absorbs a burst of machine noise
        per_op = _time_per_operation(build, sizes, operations, rounds, budget / 2)
        ratio = per_op[sizes[-1]] / max(per_op[sizes[0]], 1e-12)
        if ratio <= max_ratio:
            return
    detail = ", ".join(f"n={n}: {t * 1e6:.2f} µs" for n, t in per_op.items())
    raise BehaviourFailure(
        f"time per operation grew {ratio:.1f}x from n={sizes[0]} to n={sizes[-1]} ({detail}); "
        "it should not depend on the size",
        where="complexity",
        expected=f"at most {max_ratio:g}x",
        got=f"{ratio:.1f}x",
    )


def _time_per_operation(
    build: Callable[[int], Callable[[int], Any]],
    sizes: list[int],
    operations: int,
    rounds: int,
    budget: float,
) -> dict[int, float]:
    result = {}
    for n in sizes:
        with step("setup", f"n={n}"):
            operation = build(n)
        samples = []
        counter = 0
        spent = 0.0
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            with step("operation", f"n={n}"):
                for _ in range(rounds):
                    start = time.perf_counter()
                    for _ in range(operations):
                        operation(counter)
                        counter += 1
                    elapsed = time.perf_counter() - start
                    samples.append(elapsed / operations)
                    spent += elapsed
                    if spent > budget / len(sizes):
                        break
        finally:
            if gc_was_enabled:
                gc.enable()
        result[n] = statistics.median(samples)
    return result


class ModelMachine(RuleBasedStateMachine):
    """Drives the solution and the spec's model with the same calls and compares them."""

    subject: Any
    model: Any

    hung = False  # set when the time limit interrupted the solution in any example

    def begin(
        self,
        make_subject: Callable[[], Any],
        make_model: Callable[[], Any],
        text: str,
        **drawn: Any,
    ) -> None:
        self.history = [_label(text, drawn)]
        self.model = make_model()
        with _watch_for_hangs(), step("start", self.history[0]):
            self.subject = make_subject()

    def apply(
        self, text: str, call: Callable[[Any], Any], compare: bool = True, **drawn: Any
    ) -> None:
        label = _label(text, drawn)
        self.history.append(label)
        want, want_exc = _outcome(call, self.model)
        if isinstance(want_exc, (NameError, SyntaxError)):  # the kata's own bug, never agreement
            raise RuntimeError(f"the spec's model failed on {label}: {want_exc!r}") from want_exc
        with _watch_for_hangs():
            got, got_exc = _outcome(call, self.subject)
        if isinstance(got_exc, NotImplementedError):
            raise _unexpected(got_exc, label)
        if not compare:
            if got_exc is not None and want_exc is None:
                raise self._failure("raised unexpectedly", "no exception", _exception_text(got_exc))
            return
        if want_exc is not None:
            if got_exc is None or not isinstance(got_exc, type(want_exc)):
                got_text = _exception_text(got_exc) if got_exc else f"returned {show(got)}"
                raise self._failure("should have raised", type(want_exc).__name__, got_text)
        elif got_exc is not None:
            raise self._failure(
                "raised unexpectedly", f"returns {show(want)}", _exception_text(got_exc)
            )
        elif not same(got, want):
            raise self._failure(
                "returned a different result from the model",
                show(want),
                _shown_with_type(got, want),
            )

    def holds(
        self,
        text: str,
        check: Callable[[Any, Any], Any],
        sides: Callable[[Any, Any], tuple[Any, Any]] | None = None,
        equality: bool = False,
    ) -> None:
        try:
            with _watch_for_hangs():  # an invariant calls the solution too, so it can hang
                if sides is not None and equality:
                    left, right = sides(self.subject, self.model)
                    ok = same(left, right)
                else:
                    ok = check(self.subject, self.model)
        except BehaviourFailure:
            raise
        except (Exception, SystemExit) as exc:
            raise _unexpected(exc, f"invariant {text}") from exc
        if ok is not True:
            got = "it does not"
            if sides is not None:  # `a == b`: show both sides, not just "false"
                left, right = sides(self.subject, self.model)
                got = f"left side {show(left)}, right side {show(right)}"
            raise self._failure(f"invariant `{text}` no longer holds", "it holds", got)

    def _failure(self, problem: str, expected: str, got: str) -> BehaviourFailure:
        calls = "\n  ".join(self.history)
        return BehaviourFailure(
            f"{problem}\nafter these calls (shrunk by Hypothesis):\n  {calls}",
            where=self.history[-1],
            expected=expected,
            got=got,
        )


def _label(text: str, drawn: dict[str, Any]) -> str:
    values = ", ".join(f"{k}={show(v, 60)}" for k, v in drawn.items())
    return f"{text} with {values}" if drawn else text


def _outcome(call: Callable[[Any], Any], target: Any) -> tuple[Any, BaseException | None]:
    try:
        return call(target), None
    except (Exception, SystemExit) as exc:
        return None, exc


HANG_MESSAGE = (
    "did not finish within the time limit: the solution hangs (a deadlock, a lost wake-up, "
    "an endless loop, or a blocking call without a timeout)"
)


@contextmanager
def _watch_for_hangs() -> Iterator[None]:
    """pytest-timeout interrupts once; Hypothesis would retry the hanging call forever.

    Latch the hang so every later example fails at once instead of running the solution.
    """
    if ModelMachine.hung:
        raise Hung(HANG_MESSAGE, where="an earlier example")
    try:
        yield
    except BaseException as exc:
        if not isinstance(exc, Exception) and str(exc).startswith("Timeout"):
            ModelMachine.hung = True
        raise


def run_model_machine(machine: type[RuleBasedStateMachine], examples: int, steps: int) -> None:
    ModelMachine.hung = False
    try:
        _run_machine(machine, examples, steps)
    except BaseException:
        if ModelMachine.hung:
            raise Hung(HANG_MESSAGE, where="property") from None
        raise


def _run_machine(machine: type[RuleBasedStateMachine], examples: int, steps: int) -> None:
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=examples,
            stateful_step_count=steps,
            deadline=None,
            # Learners get the same examples every run; `kata soak` sets KATA_SOAK=1 to explore.
            derandomize=os.environ.get("KATA_SOAK") != "1",
            # `kata verify` only needs to know that a wrong solution fails, not the smallest case.
            phases=list(Phase)
            if os.environ.get("KATA_NO_SHRINK") != "1"
            else [Phase.explicit, Phase.reuse, Phase.generate],
            database=None,
            report_multiple_bugs=False,
            print_blob=False,
            suppress_health_check=list(HealthCheck),
        ),
    )
