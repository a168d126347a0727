"""`kata check --json`: a suite run as Exercism's test-runner results.json (version 3).

Exercism's format is what editors and graders already read. We add `id` (the behaviour's
permanent UUID) and `kind` to each test; tests keep the spec's order, as Exercism requires.
"""

from __future__ import annotations

from .learner import Outcome
from .model import Behaviour

VERSION = 3
OUTPUT_CAP = 500  # Exercism: a test's output "must be limited to 500 chars"
TRUNCATED = "\nOutput was truncated. Please limit to 500 chars."


def capped_output(text: str) -> str:
    """At most OUTPUT_CAP characters, the notice included, as Exercism's own runners do."""
    if len(text) <= OUTPUT_CAP:
        return text
    return text[: OUTPUT_CAP - len(TRUNCATED)] + TRUNCATED


# What every behaviour says when the solution could not even be imported (solution_loader).
LOAD_FAILURES = (
    "so no behaviour of the",
    "while being imported",
    "did not finish importing",
    "cannot be imported as a Python module",
    "There is no solution at",
)


def load_failure(outcome: Outcome) -> str:
    """The import error every behaviour failed with, if that is why they all failed."""
    records = outcome.records
    if not records or any(r["status"] == "pass" for r in records):
        return ""
    lines = {(r["message"].strip().splitlines() or [""])[-1] for r in records}
    if len(lines) == 1:
        (line,) = lines
        if any(marker in line for marker in LOAD_FAILURES):
            return line
    return ""


def results_json(outcome: Outcome) -> dict:
    """Top-level `error` only when no behaviour ran (Exercism: every test errored): none
    reported, or every one failed because the solution could not be imported."""
    broken = load_failure(outcome)
    if outcome.ran and not broken:
        status = "pass" if outcome.solved else "fail"
        message = None
    else:
        status, message = "error", broken or outcome.error_message()
    codes = {b.name: _test_code(b) for b in outcome.kata.behaviours}
    tests = []
    for record in outcome.records:
        test = {
            "name": record["name"],
            "status": "error" if broken else record["status"],
            "message": record["message"] or None,
            "id": record["id"],
            "kind": record["kind"],
        }
        if record.get("output"):
            test["output"] = capped_output(record["output"])
        if codes[record["name"]]:
            test["test_code"] = codes[record["name"]]
        tests.append(test)
    return {"version": VERSION, "status": status, "message": message, "tests": tests}


def _test_code(b: Behaviour) -> str:
    """The spec's own code for the behaviour, where it reads as a script (not for properties)."""
    if b.kind == "scenario":
        return "\n".join(step.code for step in b.steps)
    if b.kind == "concurrency":
        worker = f"# in each of {b.threads} threads, started together:\n{b.worker.rstrip()}"
        return "\n".join(part for part in (b.setup.rstrip(), worker, *(s.code for s in b.steps)))
    if b.kind == "complexity":
        return b.operation
    return ""
