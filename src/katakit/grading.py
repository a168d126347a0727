"""Grade a class: find submissions, run each in its own process, write Markdown, HTML and CSV."""

from __future__ import annotations

import csv
import html
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .model import Kata
from .project import Project
from .runner import SuiteResult, run_suite, suite_budget


@dataclass(frozen=True)
class Submission:
    student: str
    kata: Kata
    path: Path


@dataclass
class Graded:
    submission: Submission
    result: SuiteResult

    @property
    def score(self) -> tuple[int, int]:
        return len(self.result.passed), len(self.submission.kata.behaviours)

    def rows(self) -> list[dict[str, str]]:
        seen = {r["id"]: r for r in self.result.results}
        rows = []
        for b in self.submission.kata.behaviours:
            record = seen.get(b.id)
            if record is None:  # the run died or was stopped before this behaviour reported
                status, message = "error", "no result: the run crashed or exceeded its time limit"
            else:
                status, message = record["status"], record["message"]
            rows.append(
                {
                    "student": self.submission.student,
                    "kata": self.submission.kata.slug,
                    "behaviour_id": b.id,
                    "behaviour": b.name,
                    "status": status,
                    "message": message,
                }
            )
        return rows


def find_submissions(
    folder: Path, katas: dict[str, Kata], skip: Path | None = None
) -> tuple[list[Submission], list[str]]:
    """<folder>/<student>/<slug>/solution.py or <folder>/<student>/<slug>.py; also what was ignored."""
    found, ignored = [], []
    for student in sorted(
        p for p in folder.iterdir() if p.is_dir() and p != skip and not p.name.startswith(".")
    ):
        for entry in sorted(student.iterdir()):
            slug = entry.stem if entry.suffix == ".py" else entry.name
            path = entry if entry.suffix == ".py" else entry / "solution.py"
            if slug in katas and path.is_file():
                found.append(Submission(student.name, katas[slug], path))
            elif not entry.name.startswith("."):
                ignored.append(f"{student.name}/{entry.name}")
    return found, ignored


def grade(
    project: Project,
    submissions: list[Submission],
    jobs: int,
    limit: float | None,
    progress: Callable[[Graded], None],
) -> list[Graded]:
    def run(sub: Submission) -> Graded:
        budget = min(limit, suite_budget(sub.kata)) if limit else suite_budget(sub.kata)
        graded = Graded(
            sub, run_suite(project.generated / sub.kata.slug, sub.path.resolve(), budget)
        )
        progress(graded)
        return graded

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(run, submissions))


def write_reports(graded: list[Graded], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rows = [row for g in graded for row in g.rows()]
    csv_path = out / "results.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=["student", "kata", "behaviour_id", "behaviour", "status", "message"]
        )
        writer.writeheader()
        writer.writerows(rows)
    md_path, html_path = out / "report.md", out / "report.html"
    md_path.write_text(_markdown(graded), encoding="utf-8")
    html_path.write_text(_html(graded), encoding="utf-8")
    return [md_path, html_path, csv_path]


def _summary(graded: list[Graded]) -> list[tuple[str, str, int, int, str]]:
    return [
        (
            g.submission.student,
            g.submission.kata.slug,
            *g.score,
            "timed out" if g.result.timed_out else "",
        )
        for g in sorted(graded, key=lambda g: (g.submission.student, g.submission.kata.slug))
    ]


def _markdown(graded: list[Graded]) -> str:
    lines = ["# Grades", "", "| student | kata | passed | total | note |", "|---|---|---|---|---|"]
    for student, slug, passed, total, note in _summary(graded):
        lines.append(f"| {_md(student)} | `{slug}` | {passed} | {total} | {note} |")
    lines += ["", "## Failing behaviours", ""]
    for g in sorted(graded, key=lambda g: (g.submission.student, g.submission.kata.slug)):
        failing = [row for row in g.rows() if row["status"] != "pass"]
        if failing:
            lines.append(f"### {_md(g.submission.student)} · `{g.submission.kata.slug}`")
            lines.append("")
            for row in failing:
                first = (row["message"].splitlines() or [""])[-1]
                lines.append(f"- `{row['behaviour']}` ({row['status']}): {_md(first)}")
            lines.append("")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _html(graded: list[Graded]) -> str:
    body = "".join(
        f"<tr><td>{html.escape(s)}</td><td><code>{html.escape(k)}</code></td><td>{p}</td><td>{t}</td><td>{html.escape(n)}</td></tr>"
        for s, k, p, t, n in _summary(graded)
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Grades</title></head><body>"
        "<h1>Grades</h1><table border='1'><tr><th>student</th><th>kata</th><th>passed</th>"
        f"<th>total</th><th>note</th></tr>{body}</table><p>Per-behaviour results: results.csv</p></body></html>\n"
    )
