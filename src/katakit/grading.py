"""Grade a class: find submissions, run each sandboxed on its own, write safe reports.

Each submission runs with the submissions folder and the reports folder hidden, so it sees
no other student's code and can change nothing anyone else is graded by. Everything a
submission controls (its folder name, its output, its exception messages) is escaped for
where it is shown: Markdown, HTML, the terminal, and CSV cells that could start a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .grade_cache import GradeCache
from .model import Kata
from .project import Project
from .runner import SuiteResult, run_suite, suite_budget
from .safe import csv_cell, html_text, markdown

COLUMNS = ["student", "submission", "kata", "behaviour_id", "behaviour", "status", "message"]


@dataclass(frozen=True)
class Submission:
    student: str
    kata: Kata
    path: Path
    shown: str  # the path as the report names it: <student>/<slug>.py or .../solution.py


@dataclass
class Graded:
    submission: Submission
    result: SuiteResult
    cached: bool = False  # taken from an earlier run's cache, not run again

    @property
    def score(self) -> tuple[int, int]:
        return len(self.result.passed), len(self.submission.kata.behaviours)

    @property
    def status(self) -> str:
        """One word for the row: what kind of run this was, beyond its score."""
        result = self.result
        if result.status == "tampered":
            return "tampering detected"
        if result.status == "error":
            return "error"
        messages = [r["message"] for r in result.records]
        if any("has a syntax error" in m for m in messages):
            return "syntax error"
        if result.status == "timed out":
            return "timed out"
        if any("ended during this behaviour" in m for m in messages):
            return "crash"
        if any(r["hung"] for r in result.records):
            return "hang"
        return "graded"

    def rows(self) -> list[dict[str, str]]:
        sub = self.submission
        return [
            {
                "student": sub.student,
                "submission": sub.shown,
                "kata": sub.kata.slug,
                "behaviour_id": record["id"],
                "behaviour": record["name"],
                "status": record["status"],
                "message": record["message"],
            }
            for record in self.result.records
        ]


def find_submissions(folder: Path, katas: dict[str, Kata]) -> tuple[list[Submission], list[str]]:
    """<folder>/<student>/<slug>/solution.py or <folder>/<student>/<slug>.py; also what was ignored."""
    found, ignored = [], []
    for student in sorted(
        p
        for p in folder.iterdir()
        if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")
    ):
        for entry in sorted(student.iterdir()):
            slug = entry.stem if entry.suffix == ".py" else entry.name
            path = entry if entry.suffix == ".py" else entry / "solution.py"
            if slug in katas and path.is_file() and not path.is_symlink():
                shown = path.relative_to(folder).as_posix()
                found.append(Submission(student.name, katas[slug], path.resolve(), shown))
            elif not entry.name.startswith("."):
                ignored.append(f"{student.name}/{entry.name}")
    return found, ignored


def grade(
    project: Project,
    submissions: list[Submission],
    jobs: int,
    limit: float | None,
    progress: Callable[[Graded], None],
    hidden: tuple[Path, ...] = (),
    sandboxed: bool = True,
    cache: GradeCache | None = None,
    reuse: bool = True,
) -> list[Graded]:
    """Grade each submission; with `cache`, each result is kept as soon as it is known and,
    when `reuse`, a submission the cache knows unchanged is not run again."""

    def run(sub: Submission) -> Graded:
        budget = min(limit, suite_budget(sub.kata)) if limit else suite_budget(sub.kata)
        key = cache.key(sub.kata, sub.path, budget, sandboxed) if cache else ""
        result = cache.get(key, sub.path) if cache and reuse else None
        graded = Graded(sub, result, cached=result is not None) if result else None
        if graded is None:
            suite = project.generated / sub.kata.slug
            result = run_suite(
                sub.kata, suite, sub.path, budget, hidden=hidden, sandboxed=sandboxed
            )
            graded = Graded(sub, result)
            if cache:
                cache.put(key, result)
        progress(graded)
        return graded

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(run, submissions))


def ordered(graded: list[Graded]) -> list[Graded]:
    return sorted(graded, key=lambda g: (g.submission.student, g.submission.shown))


def write_reports(graded: list[Graded], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    csv_path, md_path, html_path = out / "results.csv", out / "report.md", out / "report.html"
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for g in ordered(graded):
            writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in g.rows())
    md_path.write_text(_markdown(graded), encoding="utf-8")
    html_path.write_text(_html(graded), encoding="utf-8")
    return [md_path, html_path, csv_path]


def _markdown(graded: list[Graded]) -> str:
    lines = [
        "# Grades",
        "",
        "| student | submission | kata | passed | total | status |",
        "|---|---|---|---|---|---|",
    ]
    for g in ordered(graded):
        sub, (passed, total) = g.submission, g.score
        lines.append(
            f"| {markdown(sub.student)} | {markdown(sub.shown)} | {sub.kata.slug} | {passed} "
            f"| {total} | {g.status} |"
        )
    lines += ["", "## Failing behaviours", ""]
    for g in ordered(graded):
        failing = [row for row in g.rows() if row["status"] != "pass"]
        if failing:
            lines += [f"### {markdown(g.submission.shown)}", ""]
            if g.result.problem:
                lines += [f"{markdown(g.result.problem)}", ""]
            for row in failing:
                first = (row["message"].strip().splitlines() or [""])[-1]
                lines.append(f"- {row['behaviour']} ({row['status']}): {markdown(first)}")
            lines.append("")
    return "\n".join(lines) + "\n"


STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1b;background:#fff}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35rem .6rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.full{color:#176f2c;font-weight:600}.none{color:#a01919}
details{margin:.2rem 0}summary{cursor:pointer}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem;border-radius:4px;font-size:13px}
.status{font-size:13px;color:#555}
@media (prefers-color-scheme: dark){body{background:#161616;color:#e6e6e6}th{background:#262626}td,th{border-color:#333}pre{background:#222}.status{color:#aaa}.full{color:#6fd08a}.none{color:#ff8080}}
"""


def _html(graded: list[Graded]) -> str:
    rows = []
    for g in ordered(graded):
        sub, (passed, total) = g.submission, g.score
        score = "full" if passed == total else "none" if passed == 0 else ""
        failing = [r for r in g.rows() if r["status"] != "pass"]
        details = "".join(
            f"<details><summary>{html_text(r['behaviour'])} ({html_text(r['status'])})</summary>"
            f"<pre>{html_text(r['message'])}</pre></details>"
            for r in failing
        )
        problem = f"<p>{html_text(g.result.problem)}</p>" if g.result.problem else ""
        rows.append(
            f"<tr><td>{html_text(sub.student)}</td><td><code>{html_text(sub.shown)}</code></td>"
            f"<td><code>{html_text(sub.kata.slug)}</code></td>"
            f"<td class='{score}'>{passed}/{total}</td><td class='status'>{html_text(g.status)}</td>"
            f"<td>{problem}{details}</td></tr>"
        )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>Grades</title><style>{STYLE}</style></head><body><main><h1>Grades</h1>"
        "<table><thead><tr><th>student</th><th>submission</th><th>kata</th><th>passed</th>"
        "<th>status</th><th>failing behaviours</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table><p>Every behaviour of every submission: "
        "<a href='results.csv'>results.csv</a></p></main></body></html>\n"
    )
