"""`kata mutant list|show|new`: the author's tools for mutants stored as diffs."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from rich.markup import escape
from rich.table import Table

from ..console import err, out
from ..errors import KataError
from ..mutants import make_diff
from ..project import Project

NAME = re.compile(r"[a-z][a-z0-9_]*\Z")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("mutant", help="list, show or create a kata's mutants (diffs)")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="every mutant of a kata with what it breaks")
    listing.add_argument("slug")
    listing.set_defaults(handler=list_mutants)

    show = actions.add_parser("show", help="print the mutated module (or its diff with --diff)")
    show.add_argument("slug")
    show.add_argument("name")
    show.add_argument("--diff", action="store_true", help="print the stored diff instead")
    show.set_defaults(handler=show_mutant)

    new = actions.add_parser(
        "new", help="write specs/<slug>/mutants/<name>.diff from an edited copy of the reference"
    )
    new.add_argument("slug")
    new.add_argument("name", help="snake_case name of the bug, e.g. no_lock")
    new.add_argument("--from", dest="source", required=True, metavar="FILE", help="edited copy")
    new.add_argument(
        "-m", "--message", help="what is wrong, in a sentence or two (default: kept from the old)"
    )
    new.add_argument("--force", action="store_true", help="replace an existing mutant's diff")
    new.add_argument(
        "--base",
        default="reference",
        metavar="NAME",
        help="diff against this whole mutant (e.g. guide) instead of reference.py",
    )
    new.set_defaults(handler=new_mutant)


def list_mutants(args: argparse.Namespace, project: Project) -> int:
    project.spec_file(args.slug)
    table = Table(title=f"mutants of {args.slug}")
    for column in ("mutant", "stored as", "what is wrong"):
        table.add_column(column)
    for mutant in project.mutants(args.slug):
        table.add_row(
            mutant.name,
            "whole module" if mutant.whole else "diff",
            escape(mutant.description()),
        )
    out.print(table)
    return 0


def show_mutant(args: argparse.Namespace, project: Project) -> int:
    mutant = project.mutant(args.slug, args.name)
    text = mutant.path.read_text(encoding="utf-8") if args.diff else mutant.source()
    out.out(text, highlight=False, end="")
    return 0


def new_mutant(args: argparse.Namespace, project: Project) -> int:
    project.spec_file(args.slug)
    if not NAME.match(args.name):
        raise KataError(f"{args.name!r}: a mutant name is snake_case (letters, digits, _)")
    folder = project.specs / args.slug / "mutants"
    target = folder / f"{args.name}.diff"
    existing = next((m for m in project.mutants(args.slug) if m.name == args.name), None)
    if existing and (existing.whole or not args.force):
        how = "remove the whole module first" if existing.whole else "pass --force to replace it"
        raise KataError(f"{project.display(existing.path)} exists; {how}")
    message = args.message or (existing.description() if existing else "")
    if not message.strip():
        raise KataError("say what is wrong with -m/--message (one or two sentences)")
    source = Path(args.source)
    if not source.is_file():
        raise KataError(f"{source}: no such file; make an edited copy of the reference first")
    base = project.reference(args.slug) if args.base == "reference" else folder / f"{args.base}.py"
    if not base.is_file():
        raise KataError(f"{project.display(base)}: no such whole module to diff against")
    reference = base.read_text(encoding="utf-8")
    mutated = source.read_text(encoding="utf-8")
    if mutated == reference:
        raise KataError(f"{source} is {base.name} unchanged; edit in the bug first")
    folder.mkdir(exist_ok=True)
    text = make_diff(reference, mutated, message, args.base)
    staged = target.with_name(f".{target.name}.new")
    staged.write_text(text, encoding="utf-8")
    staged.replace(target)  # atomic: an interrupted write never leaves half a diff
    lines = len(text.splitlines())
    err.print(f"wrote {project.display(target)} ({lines} lines)", markup=False)
    err.print(f"check it: kata check {args.slug} --mutant {args.name}", markup=False)
    return 0
