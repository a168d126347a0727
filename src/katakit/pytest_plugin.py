"""pytest plugin for generated suites: `--impl PATH`, the `solution` fixture, clear reports.

Registered through the `pytest11` entry point, so `pytest generated/<slug> --impl PATH` works
anywhere katakit is installed. It only acts on tests marked with `kata`.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from .errors import SolutionError
from .solution_loader import Solution, load_solution
from .testing import BehaviourFailure, Hung

_cache_key = pytest.StashKey[dict]()
_results_key = pytest.StashKey[list]()
_status_key = pytest.StashKey[int]()
_hung_key = pytest.StashKey[bool]()
AFTER_A_HANG = (
    3.0  # once one behaviour has hung, the rest get this long: the cause is likely shared
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("kata", "kata conformance suites")
    group.addoption(
        "--impl", metavar="PATH", help="solution module to test (default: katas/<slug>/solution.py)"
    )
    group.addoption("--kata-results", metavar="FILE", help="write per-behaviour results as JSON")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "kata(slug): the test belongs to a kata's conformance suite")
    config.addinivalue_line("markers", "behaviour(id, kind): the spec behaviour this test checks")
    config.stash[_cache_key] = {}
    config.stash[_results_key] = []


def _slug(item: pytest.Item) -> str | None:
    marker = item.get_closest_marker("kata")
    return marker.args[0] if marker else None


@pytest.fixture
def solution(request: pytest.FixtureRequest) -> Solution:
    """The solution module under test, loaded once per path."""
    slug = _slug(request.node)
    if slug is None:
        pytest.fail("the `solution` fixture only works in a kata suite (a test marked `kata`)")
    option = request.config.getoption("--impl")
    path = (
        Path(option) if option else Path(request.config.rootpath) / "katas" / slug / "solution.py"
    )
    path = path.resolve()
    cache = request.config.stash[_cache_key]
    if path not in cache:
        try:
            cache[path] = load_solution(path, slug)
        except SolutionError as exc:
            cache[path] = exc
    loaded = cache[path]
    if isinstance(loaded, SolutionError):
        pytest.fail(str(loaded), pytrace=False)
    marker = request.node.get_closest_marker("kata")
    kinds = {
        name: kind
        for kind, key in (
            ("class", "classes"),
            ("exception", "exceptions"),
            ("function", "functions"),
        )
        for name in marker.kwargs.get(key, ())
    }
    return Solution(loaded, path, slug, kinds)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):  # noqa: ANN201
    """Runs before pytest-timeout reads the limit: shorten it once a behaviour has hung."""
    marker = item.get_closest_marker("timeout")
    if (
        item.config.stash.get(_hung_key, False)
        and _slug(item)
        and marker
        and marker.args[0] > AFTER_A_HANG
    ):
        item.add_marker(pytest.mark.timeout(AFTER_A_HANG), append=False)
    yield


def _explain(item: pytest.Item, excinfo: pytest.ExceptionInfo[BaseException]) -> str | None:
    """A short, behaviour-worded report; None keeps pytest's own for non-kata failures."""
    exc = excinfo.value
    doc = (getattr(item, "obj", None).__doc__ or "").strip() if hasattr(item, "obj") else ""
    head = f"{_slug(item)} › {item.name.removeprefix('test_')}"
    why = f"why it matters: {' '.join(doc.split())}" if doc else ""
    if isinstance(exc, BehaviourFailure):
        if isinstance(exc, Hung):
            item.config.stash[_hung_key] = True
        body = str(exc)
    elif _is_timeout(exc):
        marker = item.get_closest_marker("timeout")
        limit = marker.args[0] if marker else "the time limit"
        item.config.stash[_hung_key] = True
        body = (
            f"did not finish within {limit} s: the solution hangs (a deadlock, a lost "
            "wake-up, an endless loop, or a blocking call without a timeout)"
        )
    elif isinstance(exc, pytest.fail.Exception):
        body = str(exc)
    else:
        return None
    return "\n".join(part for part in (head, why, body) if part)


def _is_timeout(exc: BaseException | None) -> bool:
    """pytest-timeout's interruption, which arrives as a plain `pytest.fail`."""
    return isinstance(exc, pytest.fail.Exception) and str(exc).startswith("Timeout")


def _hung(call: pytest.CallInfo[Any]) -> bool:
    """Whether the failure is a time limit (ours or pytest-timeout's), not a wrong result."""
    exc = call.excinfo.value if call.excinfo is not None else None
    return isinstance(exc, Hung) or _is_timeout(exc)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]):  # noqa: ANN201
    outcome = yield
    report = outcome.get_result()
    if _slug(item) is None:
        return
    if call.excinfo is not None and report.failed:
        text = _explain(item, call.excinfo)
        if text is not None:
            report.longrepr = text
    if report.when == "call" or report.failed:
        results = item.config.stash[_results_key]
        if any(r["test"] == item.name for r in results):
            return
        results.append(record(item, report, call))


def record(item: pytest.Item, report: pytest.TestReport, call: pytest.CallInfo[Any]) -> dict:
    """A behaviour's result as the runner reports it, from pytest's own report."""
    marker = item.get_closest_marker("behaviour")
    return {
        "id": marker.args[0] if marker else None,
        "kind": marker.args[1] if marker else None,
        "kata": _slug(item),
        "test": item.name,
        "name": item.name.removeprefix("test_"),
        "status": "pass" if report.passed else "fail",
        "hung": _hung(call),
        "message": "" if report.passed else _capped(str(report.longrepr).strip()),
    }


MESSAGE_CAP = 8000  # characters: a failure message is for reading, not for flooding the runner


def _capped(message: str) -> str:
    if len(message) <= MESSAGE_CAP:
        return message
    return message[:MESSAGE_CAP] + f"\n… ({len(message) - MESSAGE_CAP} more characters)"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    config.stash[_status_key] = int(exitstatus)
    target = config.getoption("--kata-results")
    if target:
        Path(target).write_text(json.dumps(config.stash[_results_key], indent=2), encoding="utf-8")


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """A solution may leave non-daemon threads running; never let them hang the run."""
    if not config.stash.get(_cache_key, None):
        return
    lingering = [
        t
        for t in threading.enumerate()
        if t is not threading.main_thread() and not t.daemon and t.is_alive()
    ]
    if lingering:
        sys.stdout.flush()
        sys.stderr.write(
            f"kata: the solution left {len(lingering)} thread(s) running "
            f"({', '.join(t.name for t in lingering[:5])}); exiting without waiting for them.\n"
        )
        sys.stderr.flush()
        os._exit(config.stash.get(_status_key, 1))
