"""`kata hint <slug> [--all]`: reveal a kata's hints one at a time, gentlest first."""

from __future__ import annotations

import argparse

from ..console import out
from ..project import Project
from ..state import hints_shown, set_hints_shown


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("hint", help="show the next hint of a kata (remembered between runs)")
    p.add_argument("slug")
    p.add_argument("--all", action="store_true", help="show every hint, and count them all used")
    p.set_defaults(handler=hint)


def hint(args: argparse.Namespace, project: Project) -> int:
    kata = project.load(args.slug)
    hints, shown = kata.hints, hints_shown(project, kata.slug)
    total = len(hints)
    if args.all:
        for number, text in enumerate(hints, 1):
            _show(kata.slug, number, total, text)
        set_hints_shown(project, kata.slug, total)
        return 0
    if shown >= total:
        out.print(
            f"No hints left for {kata.slug}: you have seen all {total}. "
            f"`kata hint {kata.slug} --all` shows them again.",
            markup=False,
        )
        return 0
    _show(kata.slug, shown + 1, total, hints[shown])
    set_hints_shown(project, kata.slug, shown + 1)
    left = total - shown - 1
    out.print(
        f"{left} hint{'s' if left != 1 else ''} left." if left else "That was the last hint.",
        style="dim",
    )
    return 0


def _show(slug: str, number: int, total: int, text: str) -> None:
    out.print(f"[bold]Hint {number}/{total}[/] for {slug}:", end=" ")
    out.print(text.strip(), markup=False, emoji=False)
