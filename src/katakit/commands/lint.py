"""`kata lint [--update-lock]`: the checks an author needs beyond the schema.

- every spec validates (schema and semantic checks);
- behaviour ids are unique across all specs and never change meaning once published
  (specs/behaviours.lock.json);
- each kata has a reference whose docstring answers the three brief questions, and at
  least one mutant.
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

from ..console import err, out
from ..errors import Problem
from ..lockfile import LOCK_NAME, lock_problems, read_lock, write_lock
from ..model import Kata
from ..mutants import MutantError
from ..project import Project

BRIEF_QUESTIONS = ("What is this pattern about?", "What does this example do?", "TL;DR")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "lint", help="author checks: specs, stable behaviour ids, references and mutants"
    )
    p.add_argument(
        "--update-lock", action="store_true", help=f"record new behaviour ids in specs/{LOCK_NAME}"
    )
    p.set_defaults(handler=lint)


def lint(args: argparse.Namespace, project: Project) -> int:
    katas = project.load_all()
    lock_path = project.specs / LOCK_NAME
    lock = read_lock(lock_path)
    problems, new = lock_problems(katas, lock)
    for kata in katas:
        problems += kata_file_problems(project, kata)
    if new and not args.update_lock:
        for bid, entry in sorted(new.items(), key=lambda item: (item[1].kata, item[1].name)):
            kata = next(k for k in katas if k.slug == entry.kata)
            b = next(b for b in kata.behaviours if b.id == bid)
            problems.append(
                Problem(
                    kata.spec_path,
                    b.line,
                    b.column,
                    f"behaviour {b.name!r} is not in specs/{LOCK_NAME} yet; run `kata lint --update-lock`",
                )
            )
    for problem in sorted(set(problems), key=lambda p: (p.path, p.line, p.column)):
        err.print(str(problem), markup=False)
    if problems:
        err.print(f"{len(set(problems))} problem(s).", markup=False)
        return 1
    if new:
        write_lock(lock_path, {**lock, **new})
        out.print(f"recorded {len(new)} new behaviour id(s) in specs/{LOCK_NAME}")
    out.print(
        f"{len(katas)} specs are valid; {sum(len(k.behaviours) for k in katas)} behaviour ids are stable."
    )
    return 0


def kata_file_problems(project: Project, kata: Kata) -> list[Problem]:
    problems = []
    reference = project.reference(kata.slug)
    shown = project.display(reference)
    if not reference.is_file():
        return [Problem(shown, 1, 1, "missing: every kata needs a reference solution")]
    try:
        doc = ast.get_docstring(ast.parse(reference.read_text(encoding="utf-8"))) or ""
    except SyntaxError as exc:
        return [Problem(shown, exc.lineno or 1, exc.offset or 1, f"does not parse: {exc.msg}")]
    for question in BRIEF_QUESTIONS:
        if question not in doc:
            problems.append(Problem(shown, 1, 1, f"the module docstring must answer {question!r}"))
    return problems + mutant_problems(project, kata)


def mutant_problems(project: Project, kata: Kata) -> list[Problem]:
    """Each diff applies strictly and changes something; each whole module says why it is whole."""
    problems = []
    try:
        mutants = project.mutants(kata.slug)
    except MutantError as exc:
        return [Problem(project.display(Path(exc.path)), exc.line, 1, exc.message)]
    if not mutants:
        message = f"specs/{kata.slug}/mutants/ holds no mutant; add at least one wrong solution"
        return [Problem(kata.spec_path, 1, 1, message)]
    for mutant in mutants:
        shown = project.display(mutant.path)
        try:
            mutant.source()
        except MutantError as exc:
            problems.append(Problem(shown, exc.line, 1, exc.message))
            continue
        if mutant.whole and not mutant.description():
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "a whole-module mutant needs a docstring: its bug, and why it is not a diff",
                )
            )
    return problems
