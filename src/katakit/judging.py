"""The verdict of one run, computed from what the parent knows: the spec's behaviours.

The run's results file is evidence, not a verdict. It is accepted only when it holds
exactly one well-formed record per staged test (every behaviour and every decoy), the
runner exited by itself, and no decoy passed. Anything else credits nothing and says why.
"""

from __future__ import annotations

import json
from pathlib import Path

from .model import Kata
from .safe import plain
from .sandbox import Completed
from .stage import Stage

MESSAGE_CAP = 8000  # characters of one failure message that are kept


def judge(kata: Kata, stage: Stage, impl: Path, done: Completed, results: Path, log: Path):  # noqa: ANN201
    from .runner import SuiteResult

    output = _tail(log) + done.output
    if done.dropped:
        output += f"\n[{done.dropped} more bytes of output were not kept]"
    result = SuiteResult(impl, "complete", output=plain(output), seconds=done.seconds)
    result.sandboxed = done.sandboxed
    report, problem = _read(results)
    records: dict[str, dict] = {}
    if problem is None:
        problem = _accept(report, stage, records)
    if problem is None and not done.timed_out:
        if done.returncode not in (0, 1) or report.get("complete") is not True:
            problem = (
                f"the test runner did not finish by itself (exit status {done.returncode}): "
                "something in the run stopped it"
            )
    tampered = _tampering(records, stage)
    real = {t: n for t, n in stage.names.items()}
    missing = [t for t in real if t not in records]
    if tampered:
        result.status, result.problem = "tampered", tampered
    elif problem is not None:
        result.status, result.problem = "error", problem
    elif done.timed_out:
        result.status = "timed out"
        result.problem = f"the run was stopped at its time limit ({done.seconds:.0f} s)"
    elif missing:
        result.status = "error"
        result.problem = f"the run ended without reporting {len(missing)} behaviour(s)"
    result.records = _spec_order(kata, stage, records, result)
    return result


def _read(results: Path) -> tuple[dict, str | None]:
    if not results.exists():
        return {}, "the run reported no results (it crashed before any behaviour finished)"
    try:
        report = json.loads(results.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return {}, "the run's results file is not valid JSON: nothing is credited"
    if not isinstance(report, dict) or not isinstance(report.get("records"), list):
        return {}, "the run's results file has the wrong shape: nothing is credited"
    return report, None


def _accept(report: dict, stage: Stage, records: dict[str, dict]) -> str | None:
    """Fill `records` by token; the first reason to distrust the whole file, if any."""
    known = {*stage.names, *stage.decoys}
    for record in report["records"]:
        if not isinstance(record, dict) or not _well_formed(record):
            return f"the run reported a malformed result ({plain(repr(record))[:120]}): nothing is credited"
        token = record["test"].removeprefix("test_")
        if token not in known:
            return f"the run reported a result for an unknown test {plain(record['test'])[:60]!r}: nothing is credited"
        if token in records:
            return "the run reported one behaviour twice: nothing is credited"
        records[token] = record
    return None


def _well_formed(record: dict) -> bool:
    return (
        isinstance(record.get("test"), str)
        and record.get("status") in ("pass", "fail")
        and isinstance(record.get("hung", False), bool)
        and isinstance(record.get("message", ""), str)
        and isinstance(record.get("tampered", ""), (str, bool))
        and isinstance(record.get("output", ""), str)
    )


def _tampering(records: dict[str, dict], stage: Stage) -> str:
    for token, record in records.items():
        if record.get("tampered"):
            return f"tampering detected: {plain(str(record['tampered']))[:300]}"
        if token in stage.decoys and record["status"] == "pass":
            return (
                "tampering detected: a decoy behaviour that no solution can pass was reported "
                "as passing, so the run's reports cannot be trusted"
            )
    return ""


def _spec_order(kata: Kata, stage: Stage, records: dict[str, dict], result) -> list[dict]:  # noqa: ANN001
    by_name = {name: records.get(token) for token, name in stage.names.items()}
    out = []
    for b in kata.behaviours:
        if b.name not in by_name:
            continue  # not selected for this run
        record = by_name[b.name]
        reported = record is not None
        output = ""
        if not result.credited:
            status, message, hung = "error", result.problem, False
        elif reported:
            status, hung = record["status"], bool(record.get("hung"))
            message = stage.reveal(record.get("message", ""))[:MESSAGE_CAP]
            output = stage.reveal(record.get("output", ""))[:MESSAGE_CAP]
        else:
            status, hung = "error", False
            message = "not run: " + (result.problem or "the run stopped before this behaviour")
        out.append(
            {
                "id": b.id,
                "kind": b.kind,
                "kata": kata.slug,
                "name": b.name,
                "status": status,
                "hung": hung,
                "message": plain(message),
                "output": plain(output),  # what the solution printed during it (shown, not judged)
                "reported": reported,
            }
        )
    return out


def _tail(log: Path, cap: int = 4000) -> str:
    try:
        with log.open("rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - cap))
            return handle.read().decode("utf-8", "replace")
    except OSError:
        return ""
