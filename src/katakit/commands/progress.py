"""`kata progress [<slug>...]`: every kata's score on your solutions, and an overall bar."""

from __future__ import annotations

import argparse
import contextlib
from concurrent.futures import ThreadPoolExecutor

from rich.table import Table
from rich.text import Text

from ..console import err, out
from ..learner import Outcome, run_learner_suite, score_bar
from ..navigation import learning_order, section_label
from ..project import Project
from ..state import load as load_state


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("progress", help="how far you are: every kata's passing behaviours")
    p.add_argument("slugs", nargs="*", help="only these katas (default: all)")
    p.add_argument("--jobs", type=int, default=2, help="suites run at once (default 2)")
    p.set_defaults(handler=progress)


def progress(args: argparse.Namespace, project: Project) -> int:
    katas = learning_order(project.load_all(args.slugs or None))
    hints = load_state(project)["hints"]
    # Each suite is its own pytest process, so threads are enough to run them side by side.
    waiting = (
        err.status(f"running {len(katas)} suites on your solutions…")
        if err.is_terminal
        else contextlib.nullcontext()
    )
    with waiting, ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        outcomes = list(pool.map(lambda k: run_learner_suite(project, k), katas))
    table = Table(title="kata progress")
    # Short headings keep the table near 80 columns; only the section may wrap (at spaces).
    for column in ("kata", "section", "difficulty", "passing", "hints"):
        table.add_column(column, no_wrap=column != "section")
    for o in outcomes:
        used = min(hints.get(o.kata.slug, 0), len(o.kata.hints))
        table.add_row(
            o.kata.slug,
            section_label(o.kata),  # short, so the table fits 80 columns
            o.kata.difficulty,
            _score(project, o),
            f"{used}/{len(o.kata.hints)}",
        )
    out.print(table)
    passed = sum(o.passed for o in outcomes)
    total = sum(o.total for o in outcomes)
    solved = sum(o.solved for o in outcomes)
    overall = Text("overall ").append_text(score_bar(passed, total))
    overall.append(f" behaviours; {solved}/{len(outcomes)} katas solved")
    out.print(overall)
    return 0


def _score(project: Project, o: Outcome) -> Text:
    if o.result is None:  # a short reason: the table cell is narrow
        missing = (
            "no solution.py" if (project.generated / o.kata.slug).is_dir() else "not generated"
        )
        return Text(missing, style="yellow")
    mark = "✓ " if o.solved else ""
    return Text(f"{mark}{o.passed}/{o.total}", style="green" if o.solved else "")
