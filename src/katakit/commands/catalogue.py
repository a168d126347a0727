"""`kata list`: every kata in learning order with its status (`--markdown`: the README's table).

The status comes from stored results only (katakit.navigation): listing never runs a suite.
"""

from __future__ import annotations

import argparse
from collections import Counter

from rich.table import Table

from ..console import out
from ..model import SECTIONS, Kata
from ..navigation import catalogue, next_kata, section_label, statuses
from ..project import Project

# Below this width the summary (and the behaviour count, which "in progress n/m" shows)
# leave the table, so that it fits 80 columns with every slug whole.
WIDE = 120


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list every kata, by section, with your status")
    p.add_argument("--markdown", action="store_true", help="print the README's kata table")
    p.set_defaults(handler=list_katas)


def by_section(katas: list[Kata]) -> list[Kata]:
    order = {key: rank for rank, key in enumerate(SECTIONS)}
    return sorted(katas, key=lambda k: (order[k.section], k.slug))


def list_katas(args: argparse.Namespace, project: Project) -> int:
    katas = catalogue(project)
    if args.markdown:
        print(markdown_table(project, by_section(katas)))
        return 0
    status = statuses(project, katas)
    wide = out.width >= WIDE
    table = Table(title="katas")
    # The slug is what the learner types next: never wrapped or cut, whatever the width.
    table.add_column("kata", no_wrap=True, min_width=max(len(k.slug) for k in katas))
    table.add_column("section")
    table.add_column("difficulty")
    if wide:
        table.add_column("behaviours")
    table.add_column("status", no_wrap=True)
    if wide:
        table.add_column("summary")
    for kata in katas:
        row = [kata.slug, section_label(kata), kata.difficulty]
        if wide:
            row.append(str(len(kata.behaviours)))
        row.append(str(status[kata.slug]))
        if wide:
            row.append(kata.summary)
        table.add_row(*row)
    out.print(table)
    done = sum(s.done for s in status.values())
    upcoming = next_kata(katas, status)
    tail = f"; next: {upcoming.slug} (`kata next`)" if upcoming else ""
    out.print(f"{done}/{len(katas)} katas done{tail}", markup=False)
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
