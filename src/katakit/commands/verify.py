"""`kata verify [<slug>...]`: the reference passes, the skeleton fails, every mutant is caught."""

from __future__ import annotations

import argparse

from rich.table import Table

from ..console import err, out
from ..project import Project
from ..runner import verify_katas


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "verify", help="prove each suite: reference passes, skeleton and mutants fail"
    )
    p.add_argument("slugs", nargs="*")
    p.add_argument("--jobs", type=int, default=2, help="suites run at once (default 2)")
    p.add_argument("-v", "--verbose", action="store_true", help="show what each mutant fails")
    p.add_argument(
        "--strict",
        action="store_true",
        help="also require every behaviour to be failed by some mutant (runs mutants in full)",
    )
    p.set_defaults(handler=verify)


def verify(args: argparse.Namespace, project: Project) -> int:
    katas = project.load_all(args.slugs or None)
    verdicts = verify_katas(project, katas, jobs=args.jobs, strict=args.strict)
    table = Table(title="kata verify")
    for column in ("kata", "behaviours", "reference", "skeleton fails", "mutants caught"):
        table.add_column(column)
    problems = []
    for v in verdicts:
        total = len(v.kata.behaviours)
        caught = sum(1 for m in v.mutants if m.failed or m.timed_out)
        table.add_row(
            v.kata.slug,
            str(total),
            f"{len(v.reference.passed)}/{total}",
            f"{len(v.skeleton.failed)}/{total}",
            f"{caught}/{len(v.mutants)}",
        )
        problems.extend(v.problems())
        if args.strict:
            problems.extend(
                f"{v.kata.slug}: no mutant fails behaviour {name}; add a mutant that breaks it"
                for name in v.unproven()
            )
        if args.verbose:
            for m in v.mutants:
                failing = ", ".join(r["name"] for r in m.failed) or "nothing"
                out.print(f"{v.kata.slug}/{m.impl.name}: fails {failing}", markup=False)
        if v.reference.failed or not v.reference.results:
            out.print(f"--- reference output for {v.kata.slug} ---", markup=False)
            for record in v.reference.failed:
                out.print(record["message"], markup=False)
            if not v.reference.results:
                out.print(v.reference.output[-4000:], markup=False)
    out.print(table)
    for problem in problems:
        err.print(problem, markup=False)
    return 1 if problems else 0
