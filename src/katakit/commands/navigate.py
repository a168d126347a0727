"""`kata next`, and plain `kata`: where you are and which kata to do next, from stored
results only (nothing is run; `kata check` is what records a result)."""

from __future__ import annotations

import argparse

from rich.text import Text

from ..console import out
from ..model import Kata
from ..navigation import Status, catalogue, next_kata, next_steps, section_label, statuses
from ..project import Project

MARKS = {"done": "✓", "in progress": "~", "changed": "?", "not started": " "}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("next", help="the next kata to do: by section, then difficulty")
    p.set_defaults(handler=next_command)


def next_command(args: argparse.Namespace, project: Project) -> int:
    katas = catalogue(project)
    status = statuses(project, katas)
    kata = next_kata(katas, status)
    if kata is None:
        out.print(
            f"Every kata is done ({len(katas)}/{len(katas)}). `kata progress` re-checks them all.",
            markup=False,
        )
        return 0
    _print_next(project, kata, status[kata.slug])
    return 0


def overview(args: argparse.Namespace, project: Project) -> int:
    """Plain `kata`: every kata by section with its status, the next one, and where help is."""
    katas = catalogue(project)
    status = statuses(project, katas)
    upcoming = next_kata(katas, status)
    done = sum(s.done for s in status.values())
    width = max(len(k.slug) for k in katas)
    out.print(Text(f"kata: {done}/{len(katas)} katas done", style="bold"))
    section = None
    for kata in katas:
        if kata.section != section:
            section = kata.section
            out.print(f"\n{kata.section_title}", style="bold", markup=False)
        pointer = "→" if kata is upcoming else " "
        line = Text(f" {pointer} {MARKS[status[kata.slug].kind]} ")
        line.append(kata.slug.ljust(width), style="bold" if kata is upcoming else "")
        line.append(f"  {kata.difficulty:<12}  {status[kata.slug]}")
        out.print(line, no_wrap=True, overflow="ignore")
    out.print()
    if upcoming is None:
        out.print("Every kata is done. `kata progress` re-checks them all.", markup=False)
    else:
        _print_next(project, upcoming, status[upcoming.slug])
    out.print("`kata --help` lists every command.", style="dim", markup=False)
    return 0


def _print_next(project: Project, kata: Kata, status: Status) -> None:
    out.print(
        Text.assemble(
            "next: ",
            (kata.slug, "bold"),
            f" ({section_label(kata)}, {kata.difficulty}; {status})",
        )
    )
    for label, value in next_steps(project, kata):
        out.print(f"  {label + ':':<10} {value}", markup=False)
