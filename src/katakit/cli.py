"""The `kata` command: generate, check, verify, list, hint and friends."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from . import __version__
from .errors import KataError, SpecError
from .project import Project
from .runner import run_suite, suite_budget, verify_katas
from .writer import render_tree, seed_solutions, stale_report, write_generated

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

Handler = Callable[[argparse.Namespace, Project], int]
COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        COMMANDS[name] = handler
        return handler

    return register


@command("generate")
def cmd_generate(args: argparse.Namespace, project: Project) -> int:
    katas = project.load_all()
    if args.check:
        stale = stale_report(project, katas)
        if stale:
            for line in stale:
                err.print(line, markup=False)
            err.print(
                "generated/ is out of date with specs/; run `make generate` (or `kata generate`) and commit the result.",
                markup=False,
            )
            return 1
        out.print(f"generated/ is up to date ({len(katas)} katas).")
        return 0
    write_generated(project, katas)
    created = seed_solutions(project, katas)
    out.print(f"generated {len(katas)} katas into generated/")
    for path in created:
        out.print(f"created {project.display(path)} from the skeleton")
    return 0


@command("render")
def cmd_render(args: argparse.Namespace, project: Project) -> int:
    katas = project.load_all(args.slugs or None)
    target = Path(args.out)
    if target.exists() and any(target.iterdir()):
        err.print(f"{target} is not empty; choose an empty or new folder", markup=False)
        return 2
    render_tree(project, katas, target)
    out.print(f"rendered {len(katas)} katas into {target}", markup=False)
    return 0


@command("check")
def cmd_check(args: argparse.Namespace, project: Project) -> int:
    kata = project.load(args.slug)
    suite = project.generated / kata.slug
    if not (suite / f"test_{kata.slug}.py").is_file():
        err.print(f"{project.display(suite)} has no suite; run `kata generate` first", markup=False)
        return 2
    impl = Path(args.impl).resolve() if args.impl else project.solution(kata.slug)
    result = run_suite(suite, impl, suite_budget(kata))
    total = len(kata.behaviours)
    if result.timed_out:
        err.print(
            f"{kata.slug}: the suite did not finish within {suite_budget(kata):.0f} s and was stopped.",
            markup=False,
        )
    for record in result.results:
        mark = "[green]PASS[/]" if record["status"] == "pass" else "[red]FAIL[/]"
        out.print(f"{mark} {record['name']}")
    for record in result.failed:
        out.print(f"\n[bold red]✗ {record['name']}[/]")
        out.print(record["message"], markup=False)
    if not result.results:
        out.print(result.output[-3000:], markup=False)
    passed = len(result.passed)
    out.print(f"\n{kata.slug}: {passed}/{total} behaviours pass")
    return 0 if result.returncode == 0 and passed == total else 1


@command("verify")
def cmd_verify(args: argparse.Namespace, project: Project) -> int:
    katas = project.load_all(args.slugs or None)
    verdicts = verify_katas(project, katas, jobs=args.jobs)
    table = Table(title="kata verify")
    for column in ("kata", "behaviours", "reference", "skeleton fails", "mutants caught"):
        table.add_column(column)
    problems = []
    for v in verdicts:
        total = len(v.kata.behaviours)
        caught = sum(1 for m in v.mutants if m.failed or m.timed_out)
        table.add_row(
            v.kata.slug,
            str(total),
            f"{len(v.reference.passed)}/{total}",
            f"{len(v.skeleton.failed)}/{total}",
            f"{caught}/{len(v.mutants)}",
        )
        problems.extend(v.problems())
        if args.verbose:
            for m in v.mutants:
                out.print(
                    f"{v.kata.slug}/{m.impl.name}: fails {', '.join(r['name'] for r in m.failed) or 'nothing'}",
                    markup=False,
                )
        if v.reference.failed or not v.reference.results:
            out.print(f"--- reference output for {v.kata.slug} ---", markup=False)
            for record in v.reference.failed:
                out.print(record["message"], markup=False)
            if not v.reference.results:
                out.print(v.reference.output[-4000:], markup=False)
    out.print(table)
    for problem in problems:
        err.print(problem, markup=False)
    return 1 if problems else 0


@command("list")
def cmd_list(args: argparse.Namespace, project: Project) -> int:
    table = Table(title="katas")
    for column in ("kata", "section", "difficulty", "behaviours", "summary"):
        table.add_column(column)
    for kata in project.load_all():
        table.add_row(
            kata.slug, kata.section_title, kata.difficulty, str(len(kata.behaviours)), kata.summary
        )
    out.print(table)
    return 0


@command("lint")
def cmd_lint(args: argparse.Namespace, project: Project) -> int:
    katas = project.load_all(args.slugs or None)
    out.print(f"{len(katas)} specs are valid.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kata",
        description="Practise low-level design patterns against generated conformance suites.",
    )
    parser.add_argument("--version", action="version", version=f"kata {__version__}")
    parser.add_argument(
        "--root", help="the kata repository (default: found upwards from the current folder)"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "generate", help="render generated/ from specs/ and seed missing katas/<slug>/solution.py"
    )
    p.add_argument(
        "--check", action="store_true", help="write nothing; fail when generated/ is out of date"
    )
    p = sub.add_parser("render", help="render specs into another folder (for authors)")
    p.add_argument("slugs", nargs="*")
    p.add_argument("--out", required=True)
    p = sub.add_parser("check", help="run a kata's suite against your solution")
    p.add_argument("slug")
    p.add_argument("--impl", help="solution module (default: katas/<slug>/solution.py)")
    p = sub.add_parser(
        "verify", help="prove each suite: reference passes, skeleton and mutants fail"
    )
    p.add_argument("slugs", nargs="*")
    p.add_argument("--jobs", type=int, default=2, help="suites run at once (default 2)")
    p.add_argument("-v", "--verbose", action="store_true", help="show what each mutant fails")
    sub.add_parser("list", help="list every kata")
    p = sub.add_parser("lint", help="validate specs")
    p.add_argument("slugs", nargs="*")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    project = Project.find(Path(args.root) if args.root else None)
    try:
        return COMMANDS[args.command](args, project)
    except SpecError as exc:
        for problem in exc.problems:
            err.print(str(problem), markup=False)
        err.print(f"{len(exc.problems)} problem(s) in specs; nothing was written.", markup=False)
        return 1
    except KataError as exc:
        err.print(f"kata: {exc}", markup=False)
        return 2
    except KeyboardInterrupt:
        err.print("kata: interrupted", markup=False)
        return 130


if __name__ == "__main__":
    sys.exit(main())
