"""Is the harness still the harness? Checked after every behaviour of a forked run.

A solution runs in the same process as its tests, so it can replace what judges it: the
suite's `step` and `expect_*` names, katakit.testing's functions, or pytest's own reporting
(`CallInfo.from_call`, `TestReport.from_item_and_call`, the registered hooks). The fork
server takes a snapshot before any solution is imported; each record then says whether
anything in it changed. This catches the generic patches; a submission that also patches
this check is left to the decoys (katakit.stage).
"""

from __future__ import annotations

import types

import pytest
from _pytest import reports, runner

from . import pytest_plugin, testing

_snapshot: dict[str, object] = {}


def _watched(session: pytest.Session | None, item: pytest.Item | None) -> dict[str, object]:
    found: dict[str, object] = {
        "CallInfo.from_call": runner.CallInfo.from_call.__func__,
        "runner.call_and_report": runner.call_and_report,
        "runner.runtestprotocol": runner.runtestprotocol,
        "TestReport.from_item_and_call": reports.TestReport.from_item_and_call.__func__,
        "TestReport.passed": reports.BaseReport.passed,
        "pytest_plugin.pytest_runtest_makereport": pytest_plugin.pytest_runtest_makereport,
    }
    for name, value in vars(testing).items():
        if isinstance(value, (types.FunctionType, type)):
            found[f"katakit.testing.{name}"] = value
            code = getattr(value, "__code__", None)
            if code is not None:
                found[f"katakit.testing.{name}.__code__"] = code
    config = (session or item.session).config
    found["hooks"] = tuple(
        (impl.plugin_name, impl.function)
        for hook in ("pytest_runtest_makereport", "pytest_runtest_logreport", "pytest_runtest_call")
        for impl in getattr(config.hook, hook).get_hookimpls()
    )
    return found


def snapshot(session: pytest.Session) -> None:
    """Taken in the fork server, before any solution is imported."""
    _snapshot.clear()
    _snapshot.update(_watched(session, None))
    for item in session.items:
        module = getattr(item, "module", None)
        if module is None:
            continue
        for name, value in vars(module).items():
            if getattr(testing, name, None) is value:
                _snapshot[f"{module.__name__}.{name}"] = value


def changed(item: pytest.Item) -> list[str]:
    """What differs from the snapshot now (empty when nothing does, or no snapshot exists)."""
    if not _snapshot:
        return []
    now = _watched(None, item)
    module = getattr(item, "module", None)
    if module is not None:
        for key in _snapshot:
            if key.startswith(f"{module.__name__}."):
                now[key] = vars(module).get(key.removeprefix(f"{module.__name__}."))
    return sorted(k for k, v in _snapshot.items() if k in now and not _same(now[k], v))


def _same(now: object, then: object) -> bool:
    if isinstance(then, tuple):  # the hook list: the same plugins and functions, in order
        return (
            isinstance(now, tuple)
            and len(now) == len(then)
            and all(a[0] == b[0] and a[1] is b[1] for a, b in zip(now, then, strict=True))
        )
    return now is then
