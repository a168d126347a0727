"""`kata verify [<slug>...]`: the reference passes, the skeleton fails, every mutant is caught."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.markup import escape
from rich.table import Table

from ..console import err, out
from ..project import Project
from ..verification import verify_katas


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "verify", help="prove each suite: reference passes, skeleton and mutants fail"
    )
    p.add_argument("slugs", nargs="*")
    p.add_argument("--jobs", type=_jobs, default=2, help="implementations run at once (default 2)")
    p.add_argument("-v", "--verbose", action="store_true", help="show what each mutant fails")
    p.add_argument(
        "--strict",
        action="store_true",
        help="also require every behaviour to be failed by some mutant (runs mutants in full)",
    )
    p.add_argument(
        "--json",
        metavar="FILE",
        help="write the kill matrix (per mutant: status, behaviours failed)",
    )
    p.set_defaults(handler=verify)


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: --jobs takes a whole number from 1 up")
    return int(text)


def verify(args: argparse.Namespace, project: Project) -> int:
    katas = project.load_all(args.slugs or None)
    verdicts = verify_katas(project, katas, jobs=args.jobs, strict=args.strict)
    table = Table(title="kata verify" + (" --strict" if args.strict else ""))
    columns = ("kata", "tests", "ref", "skel", "mutants", "killed", "hung", "alive", "score")
    for column in columns:
        table.add_column(column, no_wrap=column == "kata")
    problems = []
    for v in verdicts:
        total = len(v.kata.behaviours)
        matrix = v.matrix()
        counts = matrix["counts"]
        table.add_row(
            v.kata.slug,
            str(total),
            f"{len(v.reference.passed)}/{total}",
            f"{len(v.skeleton.failed)}/{total}",
            str(len(v.mutants)),
            str(counts["killed"]),
            str(counts["timed out"]),
            str(counts["survived"] + counts["error"]),
            f"{matrix['score']:.0%}" if matrix["score"] is not None else "-",
        )
        problems.extend(v.problems())
        if args.strict:
            problems.extend(
                f"{v.kata.slug}: no mutant fails behaviour {name}; add a mutant that breaks it"
                for name in v.unproven()
            )
        if args.verbose:
            for m in v.mutants:
                failing = ", ".join(m.failed) or "nothing"
                out.print(f"{v.kata.slug}/{m.label}: {m.status}; fails {failing}", markup=False)
        if v.reference.failed or not v.reference.outcomes:
            out.print(f"--- reference output for {v.kata.slug} ---", markup=False)
            for name in v.reference.failed:
                out.print(v.reference.messages[name], markup=False)
            if not v.reference.outcomes:
                out.print(v.reference.output, markup=False)
    out.print(table)
    if args.json:
        report = {"strict": args.strict, "katas": {v.kata.slug: v.matrix() for v in verdicts}}
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        err.print(f"kill matrix written to {escape(args.json)}")
    for problem in problems:
        err.print(problem, markup=False)
    return 1 if problems else 0
