"""`kata generate [--check]` and `kata render --out DIR`."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..console import err, out
from ..files import exclusive
from ..project import Project
from ..writer import (
    check_kata_folders,
    render_tree,
    seed_solutions,
    stale_report,
    write_generated,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "generate", help="render generated/ from specs/ and seed missing katas/<slug>/solution.py"
    )
    p.add_argument(
        "--check", action="store_true", help="write nothing; fail when generated/ is out of date"
    )
    p.set_defaults(handler=generate)
    p = sub.add_parser("render", help="render specs into another folder (for authors)")
    p.add_argument("slugs", nargs="*")
    p.add_argument("--out", required=True)
    p.set_defaults(handler=render)


def generate(args: argparse.Namespace, project: Project) -> int:
    katas = project.load_all()
    if args.check:
        stale = stale_report(project, katas)
        if stale:
            for line in stale:
                err.print(line, markup=False)
            err.print(
                "generated/ is out of date with specs/; run `make generate` (or `kata generate`) and commit the result.",
                markup=False,
            )
            return 1
        out.print(f"generated/ is up to date ({len(katas)} katas).")
        return 0
    check_kata_folders(project, katas)
    project.root.mkdir(exist_ok=True)
    with exclusive(project.root, "`kata generate`"):
        write_generated(project, katas)
        out.print(f"generated {len(katas)} katas into generated/")
        for path in seed_solutions(project, katas):
            out.print(f"created {project.display(path)} from the skeleton")
    return 0


def render(args: argparse.Namespace, project: Project) -> int:
    katas = project.load_all(args.slugs or None)
    target = Path(args.out)
    if target.exists() and any(target.iterdir()):
        err.print(f"{target} is not empty; choose an empty or new folder", markup=False)
        return 2
    render_tree(project, katas, target)
    out.print(f"rendered {len(katas)} katas into {target}", markup=False)
    return 0
