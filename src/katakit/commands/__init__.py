"""One module per `kata` subcommand; each exposes `register(subparsers)`.

A command module calls `subparsers.add_parser(...)` and sets `handler=` on it with
`set_defaults`; the handler takes `(args, project)` and returns the exit status. Modules are
discovered automatically, in name order, so adding a command never edits a shared file.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil


def register_all(subparsers: argparse._SubParsersAction) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(subparsers)
