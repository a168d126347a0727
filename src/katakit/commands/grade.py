"""`kata grade <dir>`: run every student's submissions, each in its own process, in parallel."""

from __future__ import annotations

import argparse
import threading
from pathlib import Path

from rich.progress import Progress
from rich.table import Table

from ..console import err, out
from ..grading import Graded, find_submissions, grade, write_reports
from ..project import Project


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "grade",
        help="grade a folder of submissions: <dir>/<student>/<slug>/solution.py or <slug>.py",
    )
    p.add_argument("folder")
    p.add_argument("--out", help="where reports go (default: <folder>/grades)")
    p.add_argument("--jobs", type=int, default=2, help="submissions run at once (default 2)")
    p.add_argument(
        "--timeout",
        type=float,
        help="seconds one submission may take in all (default: the suite's own budget)",
    )
    p.set_defaults(handler=grade_folder)


def grade_folder(args: argparse.Namespace, project: Project) -> int:
    folder = Path(args.folder).resolve()
    if not folder.is_dir():
        err.print(f"{args.folder} is not a folder of submissions", markup=False)
        return 2
    target = Path(args.out).resolve() if args.out else folder / "grades"
    katas = {k.slug: k for k in project.load_all()}
    submissions, ignored = find_submissions(folder, katas, skip=target)
    for name in ignored:
        err.print(
            f"ignored {name}: not <slug>/solution.py or <slug>.py for a known kata", markup=False
        )
    if not submissions:
        err.print(f"no submissions found in {args.folder}", markup=False)
        return 1
    lock = threading.Lock()
    with Progress(console=err, transient=True) as bar:
        task = bar.add_task("grading", total=len(submissions))

        def advance(_: Graded) -> None:
            with lock:
                bar.advance(task)

        graded = grade(project, submissions, args.jobs, args.timeout, advance)
    table = Table(title=f"grades ({len(graded)} submissions)")
    for column in ("student", "kata", "passed", "note"):
        table.add_column(column)
    for g in sorted(graded, key=lambda g: (g.submission.student, g.submission.kata.slug)):
        passed, total = g.score
        table.add_row(
            g.submission.student,
            g.submission.kata.slug,
            f"{passed}/{total}",
            "timed out" if g.result.timed_out else "",
        )
    out.print(table)
    for path in write_reports(graded, target):
        out.print(f"wrote {path}", markup=False)
    return 0
