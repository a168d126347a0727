"""`kata reset <slug> [--yes]`: start a kata over from the skeleton, keeping the old solution.

Never loses a learner's work: the current solution is first copied to a new
`solution.py.bak-<n>` (created exclusively, so no earlier backup is ever overwritten), and
only then is `solution.py` atomically replaced.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..console import err, out
from ..errors import KataError
from ..files import create_exclusively, disk_error, replace_atomically
from ..project import Project
from ..writer import fresh_solution


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "reset", help="restore a kata's solution.py from the skeleton (the old one is backed up)"
    )
    p.add_argument("slug")
    p.add_argument("-y", "--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=reset)


def reset(args: argparse.Namespace, project: Project) -> int:
    kata = project.load(args.slug)
    fresh = fresh_solution(project, kata.slug)
    if fresh is None:
        skeleton = project.generated / kata.slug / "skeleton.py"
        raise KataError(f"{project.display(skeleton)} does not exist; run `kata generate` first")
    solution = project.solution(kata.slug)
    if solution.is_file():
        current = solution.read_bytes()
        if current == fresh:
            out.print(f"{project.display(solution)} is already the skeleton; nothing to do.")
            return 0
        question = (
            f"Replace {project.display(solution)} with the skeleton? "
            f"Your current file will be kept as {next_backup(solution).name}."
        )
        if not args.yes and not confirm(question):
            return 1
        backup = write_backup(solution, current, "kata reset")
        out.print(
            f"kept your solution as {project.display(backup)}; "
            f"`kata restore {kata.slug}` brings it back",
            markup=False,
        )
    try:
        solution.parent.mkdir(parents=True, exist_ok=True)
        replace_atomically(solution, fresh)
    except OSError as exc:
        raise disk_error(
            exc, "writing the skeleton", f"{project.display(solution)} is unchanged", "kata reset"
        ) from exc
    out.print(f"{project.display(solution)} is the skeleton again.", markup=False)
    return 0


def confirm(question: str) -> bool:
    """Ask on a terminal; with none to ask on, refuse (a script must say --yes)."""
    if not sys.stdin or not sys.stdin.isatty():
        err.print(
            "kata reset: not resetting without confirmation, and there is no terminal to ask "
            "on; nothing was changed. Pass --yes to reset anyway.",
            markup=False,
        )
        return False
    try:
        answer = out.input(f"{question} [y/N] ", markup=False)
    except EOFError:
        answer = ""
    if answer.strip().lower() in {"y", "yes"}:
        return True
    out.print("Nothing was changed.")
    return False


def backup_numbers(solution: Path) -> list[int]:
    """The n of every `solution.py.bak-<n>` beside `solution`, in no particular order."""
    pattern = re.compile(rf"{re.escape(solution.name)}\.bak-(\d+)")
    return [int(m.group(1)) for p in solution.parent.iterdir() if (m := pattern.fullmatch(p.name))]


def next_backup(solution: Path) -> Path:
    """One past the highest existing number, so backups sort in the order they were made."""
    return solution.with_name(f"{solution.name}.bak-{max(backup_numbers(solution), default=0) + 1}")


def write_backup(solution: Path, content: bytes, command: str) -> Path:
    """Create the next backup, whole or not at all: if that name appeared meanwhile, take the
    next. A write that fails (a full disk) is the tool's one-line error, naming `command`."""
    try:
        while True:
            backup = next_backup(solution)
            if create_exclusively(backup, content):
                return backup
    except OSError as exc:
        raise disk_error(
            exc, "backing up your solution", "your solution.py is unchanged", command
        ) from exc
