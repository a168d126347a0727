"""The `kata` command: parse arguments, find the repository, run one subcommand.

Only the standard library is imported at module level: the rest (Jinja2, rich, every
subcommand) loads inside `main`, so a Ctrl-C during start-up is caught like any other.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    from . import __version__
    from .commands import register_all

    parser = argparse.ArgumentParser(
        prog="kata",
        description="Practise low-level design patterns against generated conformance suites.",
    )
    parser.add_argument("--version", action="version", version=f"kata {__version__}")
    parser.add_argument(
        "--root", help="the kata repository (default: found upwards from the current folder)"
    )
    # No COMMAND is allowed: plain `kata` shows where you are (commands/navigate.py).
    register_all(parser.add_subparsers(dest="command", metavar="COMMAND"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except KeyboardInterrupt:
        sys.stderr.write("kata: interrupted\n")
        return 130


def _run(argv: Sequence[str] | None) -> int:
    from .console import err
    from .errors import KataError, SpecError
    from .project import Project

    args = build_parser().parse_args(argv)
    project = Project(Path(args.root).resolve()) if args.root else Project.find()
    if args.command is None:
        from .commands.navigate import overview

        args.handler = overview
    try:
        return args.handler(args, project)
    except SpecError as exc:
        for problem in exc.problems:
            err.print(str(problem), markup=False)
        err.print(f"{len(exc.problems)} problem(s) in specs; nothing was written.", markup=False)
        return 1
    except KataError as exc:
        err.print(f"kata: {exc}", markup=False)
        return 2


if __name__ == "__main__":
    sys.exit(main())
