"""`kata list`: every kata by section, with its difficulty and size (`--markdown`: the README's table)."""

from __future__ import annotations

import argparse
from collections import Counter

from rich.table import Table

from ..console import out
from ..errors import KataError
from ..model import SECTIONS, Kata
from ..project import Project


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list every kata, by section")
    p.add_argument("--markdown", action="store_true", help="print the README's kata table")
    p.set_defaults(handler=list_katas)


def by_section(katas: list[Kata]) -> list[Kata]:
    order = {key: rank for rank, key in enumerate(SECTIONS)}
    return sorted(katas, key=lambda k: (order[k.section], k.slug))


def list_katas(args: argparse.Namespace, project: Project) -> int:
    katas = by_section(project.load_all())
    if not katas:
        raise KataError(
            f"no katas here: {project.specs} holds no spec. Run `kata` inside "
            "a kata repository (a clone of this project), or pass --root PATH."
        )
    if args.markdown:
        print(markdown_table(project, katas))
        return 0
    table = Table(title="katas")
    # The slug is what the learner types next: never wrapped or cut, whatever the width.
    table.add_column("kata", no_wrap=True, min_width=max(len(k.slug) for k in katas))
    for column in ("section", "difficulty", "behaviours", "summary"):
        table.add_column(column)
    for kata in katas:
        table.add_row(
            kata.slug, kata.section_title, kata.difficulty, str(len(kata.behaviours)), kata.summary
        )
    out.print(table)
    return 0


def markdown_table(project: Project, katas: list[Kata]) -> str:
    lines = [
        "| kata | section | difficulty | behaviours | mutants | summary |",
        "|---|---|---|---|---|---|",
    ]
    for kata in katas:
        kinds = Counter(b.kind for b in kata.behaviours)
        detail = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        lines.append(
            f"| [`{kata.slug}`](generated/{kata.slug}/README.md) | {kata.section_title} "
            f"| {kata.difficulty} | {len(kata.behaviours)} ({detail}) "
            f"| {len(project.mutants(kata.slug))} | {kata.summary} |"
        )
    return "\n".join(lines)
