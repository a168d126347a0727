"""`kata solution <slug> [--force]`: the reference solution, once yours passes the suite.

Held back until then because comparing with a working answer teaches most after you have
found one of your own.
"""

from __future__ import annotations

import argparse

from ..console import err, out
from ..errors import KataError
from ..learner import run_learner_suite
from ..project import Project


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "solution", help="show the reference solution once your solution passes every behaviour"
    )
    p.add_argument("slug")
    p.add_argument("--force", action="store_true", help="show it even though yours does not pass")
    p.set_defaults(handler=solution)


def solution(args: argparse.Namespace, project: Project) -> int:
    kata = project.load(args.slug)
    reference = project.reference(kata.slug)
    if not reference.is_file():
        raise KataError(f"{kata.slug} has no reference solution ({project.display(reference)})")
    if not args.force:
        err.print(f"checking {project.display(project.solution(kata.slug))} first…", markup=False)
        outcome = run_learner_suite(project, kata)
        if not outcome.solved:
            err.print(
                f"The reference unlocks once your solution passes every behaviour; "
                f"{kata.slug}: {outcome.passed}/{outcome.total} pass. "
                f"`kata check {kata.slug}` shows what is left, `kata hint {kata.slug}` helps, "
                f"and `kata solution {kata.slug} --force` shows it anyway.",
                markup=False,
            )
            return 1
    # A comment header keeps `kata solution x > ref.py` valid Python.
    out.out(f"# {project.display(reference)}", highlight=False)
    out.out(reference.read_text(encoding="utf-8").rstrip("\n"), highlight=False)
    return 0
