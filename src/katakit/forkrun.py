"""Run one collected suite against many implementations: a fork per implementation.

`kata verify` starts one pytest process per kata with `-p katakit.forkrun --kata-fork-plan
FILE`. That process pays for the interpreter, pytest, Hypothesis, the plugin and the suite's
collection once; then, instead of running the tests itself, it forks one child per
implementation in the plan. Each child is a fresh copy of the collected session: it points
the `solution` fixture at its implementation, runs the tests, streams one JSON line per
finished behaviour and exits, so nothing one implementation does reaches another.

The plan is JSON: {"jobs": N, "reference": RUN | null, "limit_factor": F, "limit_slack": S,
"runs": [RUN, ...]} where RUN is {"impl", "results", "log", "maxfail", "no_shrink"}. The
reference runs first, alone, and its durations size every later run's limits: per behaviour,
F times what the reference needed plus S seconds, never more than the spec's own limit; later
runs also take the behaviours quickest first, so one that stops at its first failure stops
early. A
correct behaviour needs no more than the reference did, so only a hang meets the shorter
limit, and a deadlocking mutant costs seconds instead of the learner's generous limit.

The parent, not an alarm inside the child, enforces those limits: it sees each behaviour
start, kills a child whose behaviour overruns, records that behaviour as hung, and forks a
new child for the behaviours still to run. `results` ends up as JSON: {"records": [...],
"seconds": wall time of the run}.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from . import integrity, pytest_plugin, testing

GRACE = 0.25  # beyond a behaviour's limit before the parent kills: the suite's own timeout first
_plan_key = pytest.StashKey[dict]()
_limit_key = pytest.StashKey[float]()
_output_key = pytest.StashKey[str]()  # what a behaviour printed (display only)
_log_began_key = pytest.StashKey[int]()  # where the log ended when its test call began


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("kata").addoption(
        "--kata-fork-plan", metavar="FILE", help="run the suite once per implementation in FILE"
    )


def pytest_configure(config: pytest.Config) -> None:
    plan = config.getoption("--kata-fork-plan")
    if plan:
        config.stash[_plan_key] = json.loads(Path(plan).read_text(encoding="utf-8"))


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session: pytest.Session) -> bool | None:
    plan = session.config.stash.get(_plan_key, None)
    if plan is None or session.testsfailed or session.config.option.collectonly:
        return None
    _undumpable()
    integrity.snapshot(session)
    spec_limits = {item.name: _spec_limit(item) for item in session.items}
    reference = plan.get("reference")
    limits = spec_limits
    if reference:
        taken = _run_all(session, [_Run(reference, spec_limits)], 1)[0].durations
        # Quickest first: a run that only has to fail once usually fails in milliseconds.
        order = {name: rank for rank, name in enumerate(sorted(taken, key=taken.get))}
        session.items.sort(key=lambda item: order.get(item.name, len(order)))
        limits = {
            name: min(limit, taken[name] * plan["limit_factor"] + plan["limit_slack"])
            if name in taken
            else limit
            for name, limit in spec_limits.items()
        }
    _run_all(session, [_Run(run, limits) for run in plan["runs"]], int(plan.get("jobs", 1)))
    return True


def _spec_limit(item: pytest.Item) -> float:
    marker = item.get_closest_marker("timeout")
    return float(marker.args[0]) if marker else 60.0


@dataclass
class _Run:
    spec: dict
    limits: dict[str, float]
    records: list[dict] = field(default_factory=list)
    durations: dict[str, float] = field(default_factory=dict)
    outcomes: dict[str, bool | None] = field(default_factory=dict)  # None: reported twice
    pid: int = 0
    stream: Path | None = None
    started: tuple[str, float] | None = None  # the behaviour running now, and since when
    seen: int = 0  # bytes of the current stream already read
    part: int = 0  # how many children this run has needed (one more after each kill)
    done: bool = False
    began: float = field(default_factory=time.monotonic)

    def finished_names(self) -> set[str]:
        return {r["test"] for r in self.records}


def _run_all(session: pytest.Session, runs: list[_Run], jobs: int) -> list[_Run]:
    pending, running = list(runs), []
    while pending or running:
        while pending and len(running) < max(1, jobs):
            run = pending.pop(0)
            run.began = time.monotonic()
            _spawn(session, run)
            running.append(run)
        time.sleep(0.002)
        for run in list(running):
            before = len(run.records)
            _poll(session, run)
            if run.done:
                running.remove(run)
                if not running:
                    _sweep()  # only between children: a sweep would kill a running one
                _save(run, complete=True)
            elif len(run.records) != before:
                _save(run, complete=False)
    return runs


def _save(run: _Run, complete: bool) -> None:
    """Replace the results file whole, so a reader never sees half of it, and a run that is
    stopped from outside still leaves every behaviour that had finished."""
    report = {"records": run.records, "seconds": time.monotonic() - run.began, "complete": complete}
    target = Path(run.spec["results"])
    partial = target.with_name(target.name + ".tmp")
    partial.write_text(json.dumps(report), encoding="utf-8")
    partial.replace(target)


def _in_sandbox() -> bool:
    """Inside the sandbox's own PID namespace, where signalling everyone means only the run."""
    if os.environ.get("KATA_SANDBOXED") != "1":
        return False
    try:
        return Path("/proc/1/comm").read_text().strip() == "bwrap"
    except OSError:
        return False


def _sweep() -> None:
    """Kill whatever a run's child left behind (detached processes) before trusting files."""
    if _in_sandbox():
        try:
            os.kill(-1, signal.SIGKILL)  # every process of ours in the namespace but us
        except ProcessLookupError:
            pass


def _undumpable() -> None:
    """Children may not ptrace this process or read its memory (Linux only)."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 4
    except (OSError, AttributeError):
        pass


def _spawn(session: pytest.Session, run: _Run) -> None:
    run.part += 1
    run.stream = Path(f"{run.spec['results']}.part{run.part}")
    run.started, run.seen = None, 0
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        _child(session, run, run.finished_names())  # never returns
    run.pid = pid


def _poll(session: pytest.Session, run: _Run) -> None:
    """Read what the child streamed; kill it when its behaviour overruns; notice its end."""
    _read_stream(run)
    ended, status = os.waitpid(run.pid, os.WNOHANG)
    if ended:
        _read_stream(run)
        if run.started is not None:  # it died inside a behaviour: that behaviour failed
            name, _ = run.started
            code = os.waitstatus_to_exitcode(status)
            how = f"signal {-code}" if code < 0 else f"exit status {code}"
            _fail(
                run,
                name,
                f"the process running the solution ended during this behaviour ({how})",
                hung=False,
            )
        _respawn(session, run)
        return
    if run.started is None:
        return
    name, since = run.started
    if time.monotonic() - since <= run.limits.get(name, 60.0) + GRACE:
        return
    os.kill(run.pid, signal.SIGKILL)
    os.waitpid(run.pid, 0)
    _read_stream(run)
    if run.finished_names() >= {name}:
        _respawn(session, run)  # it finished just in time
        return
    limit = run.limits.get(name, 60.0)
    _fail(
        run,
        name,
        f"did not finish within {limit:g} s: the solution hangs (a deadlock, a lost wake-up, an endless loop, or a blocking call without a timeout); stopped by the runner",
        hung=True,
    )
    _respawn(session, run)


def _fail(run: _Run, name: str, message: str, hung: bool) -> None:
    run.records.append(
        {
            "test": name,
            "name": name.removeprefix("test_"),
            "status": "fail",
            "hung": hung,
            "message": message,
        }
    )


def _respawn(session: pytest.Session, run: _Run) -> None:
    """A fresh child for the behaviours still to run, unless it only had to fail once."""
    remaining = [i for i in session.items if i.name not in run.finished_names()]
    if (
        remaining
        and run.part <= len(session.items)
        and not (run.spec["maxfail"] and _failures(run) >= run.spec["maxfail"])
    ):
        _spawn(session, run)
    else:
        run.done = True


def _failures(run: _Run) -> int:
    return sum(1 for r in run.records if r["status"] != "pass")


def _read_stream(run: _Run) -> None:
    """Read the complete lines the child appended since the last call (`seen` is a byte offset)."""
    if run.stream is None or not run.stream.exists():
        return
    with run.stream.open("rb") as handle:
        handle.seek(run.seen)
        chunk = handle.read()
    end = chunk.rfind(b"\n")
    if end < 0:
        return  # no complete line yet
    run.seen += end + 1
    for line in chunk[:end].decode("utf-8", "replace").split("\n"):
        event = _event(line)
        if event is None:  # anything but what a child of ours writes: the run is not to be trusted
            run.records.append({"test": "?", "status": "malformed", "message": line[:200]})
        elif event[0] == "start":
            run.started = (event[1], time.monotonic())
        elif event[0] == "outcome":  # a second one for a test was not written by us
            run.outcomes[event[1]] = event[2] if event[1] not in run.outcomes else None
        else:
            record = event[1]
            if record.get("status") == "pass" and run.outcomes.get(record["test"]) is not True:
                record["tampered"] = (
                    "a behaviour was reported as passing although its test call did not pass"
                )
            run.records.append(record)
            run.durations[event[1]["test"]] = event[2]
            run.started = None


def _event(line: str) -> list | None:
    """["start", test], ["outcome", test, passed] or ["record", {..., "test": test}, seconds];
    None for anything else."""
    try:
        event = json.loads(line)
    except ValueError:
        return None
    if not isinstance(event, list) or not event:
        return None
    if event[0] == "start" and len(event) == 2 and isinstance(event[1], str):
        return event
    if (
        event[0] == "outcome"
        and len(event) == 3
        and isinstance(event[1], str)
        and isinstance(event[2], bool)
    ):
        return event
    if (
        event[0] == "record"
        and len(event) == 3
        and isinstance(event[1], dict)
        and isinstance(event[1].get("test"), str)
        and isinstance(event[2], (int, float))
    ):
        return event
    return None


def _child(session: pytest.Session, run: _Run, skip: set[str]) -> None:
    code = 3
    try:
        log = os.open(run.spec["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(log, 1)
        os.dup2(log, 2)
        config = session.config
        config.option.impl = run.spec["impl"]
        config.option.kata_results = None
        config.option.maxfail = max(0, run.spec["maxfail"] - _failures(run))
        _channel["stream"] = open(run.stream, "a", encoding="utf-8", buffering=1)  # noqa: SIM115
        _channel["log"] = run.spec["log"]
        if run.spec.get("no_shrink"):
            os.environ["KATA_NO_SHRINK"] = "1"
        session.items = [item for item in session.items if item.name not in skip]
        for item in session.items:
            item.stash[_limit_key] = run.limits.get(item.name, 60.0)
        from _pytest.main import pytest_runtestloop as standard_loop

        try:
            standard_loop(session)
        except session.Failed:  # --maxfail reached: the run only had to fail once
            pass
        code = 1 if session.testsfailed else 0
    except BaseException:  # the log is all anyone will see of it
        os.write(2, traceback.format_exc().encode("utf-8", "replace"))
    finally:
        os._exit(code)


# The child's line stream to the parent; None in the parent and outside `kata verify`.
_channel: dict[str, object] = {"stream": None, "log": ""}


# While a behaviour's outcome travels from the test to the stream, no other thread may run:
# a solution's thread could otherwise rewrite the report or its record in that gap (found
# through `gc`). Python switches threads only at this interval or at blocking calls, and the
# gap has none until the record's line is handed to the stream.
_SEALED = 1e6  # seconds: longer than any run


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):  # noqa: ANN201, ARG001
    """Tell the parent when a behaviour starts (its record is sent by `pytest_runtest_makereport`)."""
    stream = _channel["stream"]
    if stream is not None:
        stream.write(json.dumps(["start", item.name]) + "\n")
        item.stash[_began_key] = time.monotonic()
    yield


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):  # noqa: ANN201
    """Send the behaviour's record built from pytest's own report, inside the sealed gap."""
    stream = _channel["stream"]
    if stream is None:
        yield
        return
    interval = _seal()
    try:
        outcome = yield
        report = outcome.get_result()
        if (report.when == "call" or report.failed) and item.name not in _sent:
            _sent.add(item.name)
            record = pytest_plugin.record(item, report, call)
            record["output"] = item.stash.get(_output_key, "")
            changed = integrity.changed(item)
            if changed:
                record["tampered"] = f"the harness was modified: {', '.join(changed)}"
            began = item.stash.get(_began_key, time.monotonic())
            stream.write(json.dumps(["record", record, time.monotonic() - began]) + "\n")
    finally:
        sys.setswitchinterval(interval)


def _seal() -> float:
    interval = _interval[0] if _interval else sys.getswitchinterval()
    _interval[:] = [interval]
    sys.setswitchinterval(_SEALED)
    return interval


_began_key = pytest.StashKey[float]()
_sent: set[str] = set()  # behaviours whose record this child has sent
_interval: list[float] = []  # the interpreter's own switch interval, saved by the first seal


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_call(item: pytest.Item):  # noqa: ANN201
    """The suite's own thread timeout follows the shortened limit too.

    Innermost of the wrappers, so nothing that blocks (and lets a solution's thread run)
    lies between the test's end and here: the call's own outcome is sealed and sent at
    once, and the parent credits a record only when that outcome agrees with it.
    """
    testing.time_limit_cap = item.stash.get(_limit_key, None)
    if _channel["stream"] is not None:
        item.stash[_log_began_key] = _log_size()
    outcome = None
    try:
        outcome = yield
    finally:
        testing.time_limit_cap = None
        stream = _channel["stream"]
        if stream is not None:
            _seal()
            passed = outcome is not None and outcome.excinfo is None
            stream.write(json.dumps(["outcome", item.name, passed]) + "\n")
            # Only now, with the outcome on its way: flushing may run the solution's code.
            item.stash[_output_key] = _printed_since(item.stash.get(_log_began_key, 0))


OUTPUT_KEPT = 4000  # bytes of what one behaviour printed that travel with its record


def _log_size() -> int:
    """Where the run's log (the child's stdout and stderr, appended to) ends now."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
        return os.path.getsize(_channel["log"])
    except Exception:  # noqa: BLE001 - the solution may have replaced either stream
        return 0


def _printed_since(began: int) -> str:
    """What the behaviour printed (stdout and stderr): display only, never part of a verdict."""
    end = _log_size()
    if end <= began:
        return ""
    try:
        with open(_channel["log"], "rb") as log:
            log.seek(began)
            data = log.read(min(end - began, OUTPUT_KEPT))
    except OSError:
        return ""
    return data.decode("utf-8", "replace")
