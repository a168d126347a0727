"""`kata watch <slug>`: re-run a kata's suite every time a file in katas/<slug>/ is saved."""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import watchfiles
from rich.text import Text

from ..console import out
from ..errors import KataError
from ..learner import Outcome, failure_details, run_learner_suite, score_bar
from ..model import Kata
from ..project import Project

POLL_ENV = "KATA_WATCH_POLL"
# How often the watcher wakes up with no change. Its first wake-up proves it is armed, so the
# first run starts then, and no save made after `kata watch` started can be missed.
TICK_MS = 200


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("watch", help="re-run a kata's suite on every save, with a live summary")
    p.add_argument("slug")
    p.add_argument(
        "--poll",
        action="store_true",
        help=f"poll for changes instead of OS events (network or VM file systems); also {POLL_ENV}=1",
    )
    p.add_argument("--max-runs", type=int, default=0, metavar="N", help="stop after N runs")
    p.add_argument("--no-clear", action="store_true", help="do not clear the screen between runs")
    p.set_defaults(handler=watch)


def polling_wanted(flag: bool) -> bool:
    return flag or os.environ.get(POLL_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def watch(args: argparse.Namespace, project: Project) -> int:
    kata = project.load(args.slug)
    folder = project.katas / kata.slug
    if not folder.is_dir():
        raise KataError(f"{project.display(folder)} does not exist; run `kata generate` first")
    where = f"{project.display(folder)}/"
    footer = f"watching {where} for changes (Ctrl+C to stop)"
    runs, outcome = 0, None
    try:
        changes_seen = watchfiles.watch(
            folder,
            watch_filter=watchfiles.PythonFilter(),
            # None, not False: watchfiles then still honours its own WATCHFILES_FORCE_POLLING.
            force_polling=True if polling_wanted(args.poll) else None,
            rust_timeout=TICK_MS,
            yield_on_timeout=True,
            raise_interrupt=False,
        )
        for changes in changes_seen:
            # The first (empty) wake-up means the watcher is armed: run once straight away.
            # Saves made while a run is going are kept and trigger the next run.
            if runs and not changes:
                continue
            if changes:
                names = ", ".join(sorted({Path(path).name for _, path in changes}))
                out.print(f"changed: {names}; running the suite again…", markup=False)
            runs += 1
            outcome = _run_and_draw(project, kata, runs, args.no_clear)
            if args.max_runs and runs >= args.max_runs:
                break
            out.print(footer, style="dim", markup=False)
    except KeyboardInterrupt:
        pass  # Ctrl+C during a run: stopping is how a watch normally ends
    out.print(f"stopped watching {where} after {runs} run(s)", style="dim", markup=False)
    return 0 if outcome is not None and outcome.solved else 1


def _run_and_draw(project: Project, kata: Kata, run: int, no_clear: bool) -> Outcome:
    outcome = run_learner_suite(project, kata)
    if not no_clear:
        out.clear()
    draw(outcome, run)
    return outcome


def draw(outcome: Outcome, run: int) -> None:
    """The compact summary: score, bar, and the one failure to work on next."""
    kata = outcome.kata
    out.print(
        Text.assemble(
            (kata.slug, "bold"),
            f" · {kata.title} · run {run} at {time.strftime('%H:%M:%S')} ",
            (f"({outcome.seconds:.1f} s)", "dim"),
        )
    )
    out.print(score_bar(outcome.passed, outcome.total).append(" behaviours pass"))
    if outcome.result is None:
        out.print(outcome.problem, style="yellow", markup=False)
        return
    failure = outcome.first_failure()
    if failure is None:
        out.print(
            f"[green]✓ every behaviour passes.[/] Compare with the reference: "
            f"`kata solution {kata.slug}`",
            emoji=False,
        )
        return
    out.print(Text(f"next: ✗ {failure['name']}", style="bold red"))
    out.print(failure_details(failure), markup=False, emoji=False)
    if not outcome.ran:
        out.print(outcome.error_message()[-1500:], markup=False, emoji=False)
