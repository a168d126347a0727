"""`kata grade <dir>`: run every student's submissions, each sandboxed on its own, in parallel."""

from __future__ import annotations

import argparse
import math
import os
import threading
from pathlib import Path

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from .. import sandbox
from ..console import err, out
from ..errors import KataError
from ..grade_cache import GradeCache
from ..grading import Graded, find_submissions, grade, ordered, write_reports
from ..project import Project
from ..safe import plain

MAX_JOBS = 64


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "grade",
        help="grade a folder of submissions: <dir>/<student>/<slug>/solution.py or <slug>.py",
    )
    p.add_argument("folder")
    p.add_argument("--out", help="where reports go (default: <dir>-grades, beside <dir>)")
    p.add_argument(
        "--jobs",
        type=int,
        default=default_jobs(),
        help=f"submissions run at once (default: the cores available, here {default_jobs()})",
    )
    p.add_argument(
        "--fresh",
        action="store_true",
        help="grade every submission again, ignoring results kept from earlier runs",
    )
    p.add_argument(
        "--timeout",
        type=float,
        help="seconds one submission may take in all (default: the suite's own budget)",
    )
    p.add_argument(
        "--no-sandbox",
        action="store_true",
        help="grade even where no sandbox is possible (submissions can then harm the grader)",
    )
    p.set_defaults(handler=grade_folder)


def default_jobs() -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(MAX_JOBS, cores))


def _validate(args: argparse.Namespace) -> None:
    if args.timeout is not None and not (math.isfinite(args.timeout) and args.timeout > 0):
        raise KataError(f"--timeout must be a positive number of seconds, not {args.timeout!r}")
    if not 1 <= args.jobs <= MAX_JOBS:
        raise KataError(f"--jobs must be between 1 and {MAX_JOBS}, not {args.jobs}")


def grade_folder(args: argparse.Namespace, project: Project) -> int:
    _validate(args)
    folder = Path(args.folder).resolve()
    if not folder.is_dir():
        err.print(f"{args.folder} is not a folder of submissions", markup=False)
        return 2
    target = Path(args.out).resolve() if args.out else folder.with_name(folder.name + "-grades")
    if target == folder or folder in target.parents:
        raise KataError(
            f"--out {args.out} is inside the submissions folder, where a submission could "
            "reach it; choose a folder outside it"
        )
    why_not = sandbox.unavailable()
    if why_not and not args.no_sandbox:
        raise KataError(
            f"no sandbox is possible here ({why_not}); grading would let each submission "
            "read and change the others and the reports. Install bubblewrap, or pass "
            "--no-sandbox to grade anyway (see the README's threat model)."
        )
    katas = {k.slug: k for k in project.load_all()}
    submissions, ignored = find_submissions(folder, katas)
    for name in ignored:
        err.print(
            f"ignored {plain(name)}: not <slug>/solution.py or <slug>.py for a known kata",
            markup=False,
        )
    if not submissions:
        err.print(f"no submissions found in {args.folder}", markup=False)
        return 1
    if why_not:
        err.print(f"note: grading without a sandbox ({why_not})", markup=False)
    lock = threading.Lock()
    cache = GradeCache(target / ".cache", project.generated, project.specs)
    columns = (
        TextColumn("grading"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[cached]} from cache"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("grading", total=len(submissions), cached=0)
        hits = 0

        def advance(graded: Graded) -> None:
            nonlocal hits
            with lock:
                hits += graded.cached
                bar.update(task, advance=1, cached=hits)

        graded = grade(
            project,
            submissions,
            args.jobs,
            args.timeout,
            advance,
            hidden=(folder, target),
            sandboxed=why_not is None,
            cache=cache,
            reuse=not args.fresh,
        )
    kept = sum(g.cached for g in graded)
    err.print(
        f"graded {len(graded) - kept} submission(s), {kept} unchanged since an earlier run "
        "(taken from its cache; --fresh grades everything again)",
        markup=False,
    )
    table = Table(title=f"grades ({len(graded)} submissions)")
    for column in ("submission", "passed", "status"):
        table.add_column(column)
    for g in ordered(graded):
        passed, total = g.score
        table.add_row(Text(plain(g.submission.shown)), f"{passed}/{total}", g.status)
    out.print(table)
    for path in write_reports(graded, target):
        out.print(f"wrote {path}", markup=False)
    return 0
