"""`kata restore <slug> [--backup N]`: bring back a `solution.py.bak-<n>` that `kata reset`
kept (the latest by default).

Loses nothing either: the current solution.py is first kept as the next backup (unless it
is the untouched skeleton, which `kata reset` can always recreate), then replaced
atomically. The backup itself stays where it is.
"""

from __future__ import annotations

import argparse

from ..console import out
from ..errors import KataError
from ..files import disk_error, replace_atomically
from ..project import Project
from ..writer import fresh_solution
from .reset import backup_numbers, write_backup


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "restore",
        help="bring back a solution.py.bak-<n> kept by `kata reset` (the current one is backed up)",
    )
    p.add_argument("slug")
    p.add_argument(
        "--backup", type=int, metavar="N", help="which solution.py.bak-<N> (default: the latest)"
    )
    p.set_defaults(handler=restore)


def restore(args: argparse.Namespace, project: Project) -> int:
    kata = project.load(args.slug)
    solution = project.solution(kata.slug)
    numbers = sorted(backup_numbers(solution)) if solution.parent.is_dir() else []
    if not numbers:
        raise KataError(
            f"no backup of {project.display(solution)} to restore: `kata reset {kata.slug}` "
            f"keeps one ({solution.name}.bak-<n>) when it replaces your solution"
        )
    number = numbers[-1] if args.backup is None else args.backup
    if number not in numbers:
        listed = ", ".join(f"{solution.name}.bak-{n}" for n in numbers)
        raise KataError(f"no {solution.name}.bak-{number} for {kata.slug}; there are: {listed}")
    backup = solution.with_name(f"{solution.name}.bak-{number}")
    try:
        wanted = backup.read_bytes()
    except OSError as exc:
        raise KataError(f"{project.display(backup)} cannot be read: {exc.strerror or exc}") from exc
    current = solution.read_bytes() if solution.is_file() else None
    if current == wanted:
        out.print(f"{project.display(solution)} is already {backup.name}; nothing to do.")
        return 0
    if current is not None and current != fresh_solution(project, kata.slug):
        kept = write_backup(solution, current, "kata restore")
        out.print(
            f"kept your current solution as {project.display(kept)}; "
            f"`kata restore {kata.slug} --backup {kept.name.rsplit('-', 1)[1]}` brings it back",
            markup=False,
        )
    try:
        replace_atomically(solution, wanted)
    except OSError as exc:
        raise disk_error(
            exc, "restoring the backup", f"{project.display(solution)} is unchanged", "kata restore"
        ) from exc
    out.print(
        f"restored {project.display(solution)} from {backup.name}; "
        f"`kata check {kata.slug}` checks it",
        markup=False,
    )
    return 0
