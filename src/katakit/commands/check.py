"""`kata check <slug> [--impl PATH] [--json]`: run one kata's suite against a solution."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .. import sandbox
from ..console import err, out
from ..errors import KataError
from ..exercism import results_json
from ..learner import Outcome, run_learner_suite
from ..mutants import materialized
from ..project import Project
from ..safe import plain, terminal


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="run a kata's suite against your solution")
    p.add_argument("slug")
    p.add_argument("--impl", help="solution module (default: katas/<slug>/solution.py)")
    p.add_argument(
        "--mutant", metavar="NAME", help="run the suite against one of the kata's mutants"
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="print only a JSON result per behaviour (Exercism results.json v3) on stdout",
    )
    p.set_defaults(handler=check)


def check(args: argparse.Namespace, project: Project) -> int:
    if args.mutant:
        if args.impl:
            raise KataError("--mutant and --impl both name the code to test; give one of them")
        with materialized([project.mutant(args.slug, args.mutant)]) as paths:
            args.impl, args.mutant = str(paths[args.mutant, args.slug]), None
            return check(args, project)
    kata = project.load(args.slug)
    impl = _impl(args)
    if impl is not None and not impl.is_file():
        # Before anything runs: a suite of FAILs would only hide the typo.
        what = "is not a file" if impl.exists() else "does not exist"
        raise KataError(f"--impl {args.impl}: {what}")
    suite = project.generated / kata.slug
    if not (suite / f"test_{kata.slug}.py").is_file():
        problem = f"{project.display(suite)} has no suite; run `kata generate` first"
        if args.json:
            check_json(Outcome(kata, None, problem))
        else:
            err.print(problem, markup=False)
        return 2
    outcome = run_learner_suite(project, kata, impl)
    if args.json:
        return check_json(outcome)
    notice = sandbox_notice(outcome)
    if notice:
        err.print(notice, markup=False)
    for record in outcome.records:
        mark = "[green]PASS[/]" if record["status"] == "pass" else "[red]FAIL[/]"
        out.print(f"{mark} {terminal(record['name'])}")
    for record in outcome.records:
        if record["status"] != "pass" and outcome.ran:
            out.print(f"\n[bold red]✗ {terminal(record['name'])}[/]")
            out.print(plain(record["message"]), markup=False)
    if not outcome.ran:
        out.print(plain(outcome.error_message()), markup=False)
    out.print(f"\n{kata.slug}: {outcome.passed}/{outcome.total} behaviours pass")
    return 0 if outcome.solved else 1


def sandbox_notice(outcome: Outcome) -> str:
    """One line when the run could not be sandboxed on this machine."""
    if outcome.result is None or outcome.result.sandboxed:
        return ""
    return f"note: ran without a sandbox ({sandbox.unavailable()}); see the README's threat model"


def _impl(args: argparse.Namespace) -> Path | None:
    return Path(args.impl).resolve() if args.impl else None


def check_json(outcome: Outcome) -> int:
    """Nothing but the JSON on stdout, so it can be piped; exit 0 exactly when all pass."""
    out.out(json.dumps(results_json(outcome), indent=2, ensure_ascii=False), highlight=False)
    return 0 if outcome.solved else 1
