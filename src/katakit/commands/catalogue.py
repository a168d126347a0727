"""`kata list` and `kata lint`: what katas there are, and whether their specs are sound."""

from __future__ import annotations

import argparse

from rich.table import Table

from ..console import out
from ..project import Project


def register(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("list", help="list every kata").set_defaults(handler=list_katas)
    p = sub.add_parser("lint", help="validate specs")
    p.add_argument("slugs", nargs="*")
    p.set_defaults(handler=lint)


def list_katas(args: argparse.Namespace, project: Project) -> int:
    table = Table(title="katas")
    for column in ("kata", "section", "difficulty", "behaviours", "summary"):
        table.add_column(column)
    for kata in project.load_all():
        table.add_row(
            kata.slug, kata.section_title, kata.difficulty, str(len(kata.behaviours)), kata.summary
        )
    out.print(table)
    return 0


def lint(args: argparse.Namespace, project: Project) -> int:
    katas = project.load_all(args.slugs or None)
    out.print(f"{len(katas)} specs are valid.")
    return 0
