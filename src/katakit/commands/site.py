"""`kata site [--out DIR] [--progress]`: the browsable catalogue, as static HTML."""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..console import out
from ..learner import run_learner_suite
from ..model import Kata
from ..project import Project
from ..site import KataProgress, build_site
from ..state import hints_shown

DEFAULT_OUT = "build/site"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("site", help="build the catalogue as a static HTML site (works offline)")
    p.add_argument("--out", help=f"output folder (default: {DEFAULT_OUT} in the repository)")
    p.add_argument(
        "--progress",
        action="store_true",
        help="run your solutions' suites and bake your results and hints seen into the pages",
    )
    p.add_argument("--jobs", type=int, default=2, help="suites run at once with --progress")
    p.set_defaults(handler=site)


def site(args: argparse.Namespace, project: Project) -> int:
    started = time.perf_counter()
    katas = project.load_all()
    progress = learner_progress(project, katas, args.jobs) if args.progress else None
    target = Path(args.out).resolve() if args.out else project.root / DEFAULT_OUT
    report = build_site(project, katas, target, progress)
    out.print(
        f"wrote {report.pages} pages ({report.files} files, {report.bytes / 1e6:.1f} MB) into "
        f"{project.display(target)} in {time.perf_counter() - started:.2f} s; "
        f"open {project.display(target / 'index.html')}",
        markup=False,
    )
    return 0


def learner_progress(project: Project, katas: list[Kata], jobs: int) -> dict[str, KataProgress]:
    """Each kata's suite on the learner's solution, with the hints `kata hint` remembers."""
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        outcomes = list(pool.map(lambda k: run_learner_suite(project, k), katas))
    return {
        o.kata.slug: KataProgress(
            {r["name"]: r["status"] for r in o.records} if o.ran else {},
            min(hints_shown(project, o.kata.slug), len(o.kata.hints)),
            "" if o.ran else (o.problem or "the suite could not run"),
        )
        for o in outcomes
    }
