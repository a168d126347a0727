"""`kata list`: every kata with its section, difficulty and size."""

from __future__ import annotations

import argparse

from rich.table import Table

from ..console import out
from ..project import Project


def register(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("list", help="list every kata").set_defaults(handler=list_katas)


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
