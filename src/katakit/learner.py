"""The learner's view of one suite run: a record per behaviour, a score, and a bar to draw it.

Shared by `kata check --json`, `watch`, `progress` and `solution`, so they all agree on
what "passing" means.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from rich.text import Text

from .model import Kata
from .project import Project
from .runner import SuiteResult, run_suite, suite_budget
from .state import digest, record_result, remembering


@dataclass
class Outcome:
    kata: Kata
    result: SuiteResult | None  # None: nothing could run (see `problem`)
    problem: str = ""
    seconds: float = 0.0
    note: str = ""  # set when the result could not be remembered in the learner's state
    records: list[dict] = field(init=False)

    def __post_init__(self) -> None:
        self.records = _records(self.kata, self.result, self.problem)

    @property
    def total(self) -> int:
        return len(self.kata.behaviours)

    @property
    def passed(self) -> int:
        return sum(1 for r in self.records if r["status"] == "pass")

    @property
    def solved(self) -> bool:
        return self.result is not None and self.result.solved

    @property
    def ran(self) -> bool:
        """Whether any behaviour reported at all (else the suite itself could not run)."""
        return bool(self.result and self.result.results)

    def first_failure(self) -> dict | None:
        return next((r for r in self.records if r["status"] != "pass"), None)

    def error_message(self) -> str:
        """Why no behaviour reported: the problem, or the tail of pytest's own output."""
        if self.problem:
            return self.problem
        if self.result is None:
            return ""
        if self.result.problem:
            return self.result.problem
        return self.result.output.strip()[-3000:]


def _records(kata: Kata, result: SuiteResult | None, problem: str) -> list[dict]:
    """One record per spec behaviour, in spec order (the run's own, judged by the parent)."""
    if result is not None:
        return [
            {k: r.get(k, "") for k in ("id", "kind", "name", "status", "message", "output")}
            for r in result.records
        ]
    return [
        {"id": b.id, "kind": b.kind, "name": b.name, "status": "error", "message": problem}
        for b in kata.behaviours
    ]


def run_learner_suite(project: Project, kata: Kata, impl: Path | None = None) -> Outcome:
    """Run the kata's generated suite on `impl` (default: the learner's solution).

    A run on the learner's own solution is remembered in the learner's state, with hashes of
    the solution (read before the run: a save during it makes the result "changed") and of
    the suite, so navigation can answer without running anything.
    """
    suite = project.generated / kata.slug
    if not (suite / f"test_{kata.slug}.py").is_file():
        return Outcome(kata, None, f"{project.display(suite)} has no suite; run `kata generate`")
    own = project.solution(kata.slug)
    impl = impl or own
    if not impl.is_file():
        return Outcome(kata, None, f"no {project.display(impl)}; run `kata generate` to create it")
    solution_sha = digest(impl) if impl.resolve() == own.resolve() else None
    suite_sha = digest(suite / f"test_{kata.slug}.py")
    started = time.monotonic()
    result = run_suite(kata, suite, impl, suite_budget(kata))
    outcome = Outcome(kata, result, seconds=time.monotonic() - started)
    if solution_sha is not None:
        outcome.note = remembering(
            lambda: record_result(project, kata.slug, solution_sha, suite_sha, outcome.records)
        )
    return outcome


def score_bar(passed: int, total: int, width: int = 30) -> Text:
    """`█████░░░░░ 3/6`: readable with or without colour (rich's own bar hides the rest then)."""
    filled = round(width * passed / total) if total else 0
    colour = "green" if total and passed == total else "yellow" if passed else "red"
    bar = Text("█" * filled, style=colour)
    bar.append("░" * (width - filled), style="dim")
    bar.append(f" {passed}/{total}")
    return bar


def failure_details(record: dict, max_lines: int = 12) -> str:
    """A failure message without its `slug › name` heading, cut to a screenful."""
    lines = record["message"].strip().splitlines()
    if lines and lines[0].endswith(f"› {record['name']}"):
        lines = lines[1:]
    if len(lines) > max_lines:
        lines = [*lines[:max_lines], f"… ({len(lines) - max_lines} more lines: `kata check`)"]
    return "\n".join(lines)
