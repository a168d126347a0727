"""`kata new [--no-input] [key=value ...]`: scaffold specs/<slug>/ from templates/pattern/ (cookiecutter).

The scaffold validates and passes `kata verify` as it stands, so an author starts from green.
`key=value` pairs are cookiecutter's extra context: slug, title, section, difficulty, class_name.
"""

from __future__ import annotations

import argparse
import logging

from cookiecutter.exceptions import (
    CookiecutterException,
    FailedHookException,
    OutputDirExistsException,
)
from cookiecutter.main import cookiecutter

from ..console import err, out
from ..errors import KataError
from ..project import Project


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="scaffold a new kata under specs/ (cookiecutter)")
    p.add_argument(
        "--no-input", action="store_true", help="do not prompt; use defaults and key=value pairs"
    )
    p.add_argument(
        "context",
        nargs="*",
        metavar="key=value",
        help="e.g. slug=rate_limiter title='Rate limiter'",
    )
    p.set_defaults(handler=new)


def parse_context(pairs: list[str]) -> dict[str, str]:
    context = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise KataError(f"expected key=value, got {pair!r}")
        context[key] = value
    return context


def new(args: argparse.Namespace, project: Project) -> int:
    context = parse_context(args.context)
    slug = context.get("slug")
    if slug and (project.specs / slug).exists():
        err.print(
            f"specs/{slug} already exists; nothing was written (choose another slug)", markup=False
        )
        return 1
    logging.getLogger("cookiecutter").setLevel(logging.CRITICAL)  # our messages, not its tracebacks
    try:
        created = cookiecutter(
            str(project.templates / "pattern"),
            no_input=args.no_input,
            extra_context=context,
            output_dir=str(project.specs),
        )
    except OutputDirExistsException as exc:
        err.print(f"{exc}; nothing was written (choose another slug)", markup=False)
        return 1
    except FailedHookException:
        err.print(
            "kata new: the answers were refused (see above); nothing was written", markup=False
        )
        return 1
    except CookiecutterException as exc:
        err.print(f"kata new: {exc}", markup=False)
        return 1
    slug = project.display(project.root / created).removeprefix("specs/")
    out.print(f"created specs/{slug}/ (spec.yaml, reference.py, mutants/)", markup=False)
    out.print(f"next: kata generate && kata verify {slug} && kata lint --update-lock", markup=False)
    return 0
