"""`kata soak`: run every concurrency and property behaviour many times against the references.

A flaky suite is worse than none: it teaches learners to ignore red. Soak proves the
nondeterministic behaviours (threads, Hypothesis) are stable on this machine.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from rich.table import Table

from ..console import err, out
from ..project import Project
from ..runner import run_suite, suite_budget

SOAKED_KINDS = ("concurrency", "property")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "soak", help="run concurrency and property behaviours repeatedly against the references"
    )
    p.add_argument("slugs", nargs="*")
    p.add_argument("--runs", type=int, default=20, help="runs per kata (default 20)")
    p.add_argument("--jobs", type=int, default=2, help="suites run at once (default 2)")
    p.set_defaults(handler=soak)


def soak(args: argparse.Namespace, project: Project) -> int:
    started = time.monotonic()
    katas = [
        k
        for k in project.load_all(args.slugs or None)
        if any(b.kind in SOAKED_KINDS for b in k.behaviours)
    ]
    jobs = []
    for kata in katas:
        names = tuple(b.name for b in kata.behaviours if b.kind in SOAKED_KINDS)
        jobs += [(kata, names)] * args.runs
    failures: Counter[tuple[str, str]] = Counter()
    runs: Counter[tuple[str, str]] = Counter()
    messages: dict[tuple[str, str], str] = {}

    def one(job):
        kata, names = job
        return (
            kata,
            names,
            run_suite(
                kata,
                project.generated / kata.slug,
                project.reference(kata.slug),
                suite_budget(kata),
                select=names,
            ),
        )

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for kata, names, result in pool.map(one, jobs):
            seen = {r["name"]: r for r in result.results}
            for name in names:
                key = (kata.slug, name)
                runs[key] += 1
                record = seen.get(name)
                if record is None or record["status"] != "pass":
                    failures[key] += 1
                    messages.setdefault(key, record["message"] if record else result.output[-1500:])
    table = Table(title=f"kata soak: {args.runs} runs per behaviour against the references")
    for column in ("kata", "behaviour", "runs", "failures"):
        table.add_column(column)
    for (slug, name), count in sorted(runs.items()):
        table.add_row(slug, name, str(count), str(failures[(slug, name)]))
    out.print(table)
    for key, message in messages.items():
        err.print(f"--- {key[0]} › {key[1]} failed; first failure: ---\n{message}", markup=False)
    total = sum(failures.values())
    out.print(
        f"{total} failure(s) in {sum(runs.values())} behaviour runs; {time.monotonic() - started:.0f} s"
    )
    return 1 if total else 0
