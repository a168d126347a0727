"""`kata verify`: prove each suite against its reference, its skeleton and its mutants.

One pytest process per kata collects the suite once and forks a child per implementation
(katakit.forkrun): the reference first, then the skeleton and every mutant, two at a time,
each with per-behaviour limits sized from what the reference needed.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import sandbox
from .model import Kata
from .mutants import Mutant, materialized
from .project import Project
from .runner import SOURCE, START_UP_GRACE
from .writer import render_tree

LIMIT_FACTOR = 3.0  # a correct behaviour is never three times slower than the reference's...
LIMIT_SLACK = 0.5  # ...plus half a second for a loaded machine; only hangs meet the limit


@dataclass
class Run:
    """One implementation's results: per behaviour name, "pass", "fail" or "timeout"."""

    label: str
    outcomes: dict[str, str] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)
    expected: int = 0  # how many behaviours the suite has
    seconds: float = 0.0  # wall time of the run
    output: str = ""

    @property
    def failed(self) -> list[str]:
        return [name for name, outcome in self.outcomes.items() if outcome != "pass"]

    @property
    def passed(self) -> list[str]:
        return [name for name, outcome in self.outcomes.items() if outcome == "pass"]

    @property
    def status(self) -> str:
        """As mutation-testing tools count: killed, timed out (only hangs caught it), survived;
        "error" when the run reported on fewer behaviours than the suite has and failed none."""
        if any(o == "fail" for o in self.outcomes.values()):
            return "killed"
        if any(o == "timeout" for o in self.outcomes.values()):
            return "timed out"
        return "survived" if len(self.outcomes) == self.expected else "error"


@dataclass
class Verdict:
    kata: Kata
    reference: Run
    skeleton: Run
    mutants: list[Run]

    def unproven(self) -> list[str]:
        """Behaviours no mutant fails: nothing shows the suite would notice them broken."""
        caught = {name for m in self.mutants for name in m.failed}
        return [b.name for b in self.kata.behaviours if b.name not in caught]

    def problems(self) -> list[str]:
        slug, names = self.kata.slug, [b.name for b in self.kata.behaviours]
        found = []
        ref = self.reference
        if set(ref.passed) != set(names):
            failing = ", ".join(n for n in names if n not in ref.passed)
            found.append(
                f"{slug}: the reference passes {len(ref.passed)}/{len(names)} behaviours; failing: {failing}"
            )
        passing = [
            n for n in names if self.skeleton.outcomes.get(n, "missing") not in ("fail", "timeout")
        ]
        if passing:
            found.append(
                f"{slug}: the skeleton must fail every behaviour but does not fail: {', '.join(passing)}"
            )
        for mutant in self.mutants:
            if mutant.status == "survived":
                found.append(
                    f"{slug}: mutant {mutant.label} passes every behaviour: the suite misses its bug"
                )
            elif mutant.status == "error":
                found.append(
                    f"{slug}: mutant {mutant.label} reported no result (its log: {mutant.output[-300:]!r})"
                )
        return found

    def matrix(self) -> dict:
        """The kill matrix: per mutant, its status and the behaviours that failed or hung."""
        mutants = {
            m.label: {
                "status": m.status,
                "failed": sorted(n for n, o in m.outcomes.items() if o == "fail"),
                "timed_out": sorted(n for n, o in m.outcomes.items() if o == "timeout"),
                "seconds": m.seconds,
            }
            for m in self.mutants
        }
        counts = {
            s: sum(1 for m in self.mutants if m.status == s)
            for s in ("killed", "timed out", "survived", "error")
        }
        total = len(self.mutants)
        return {
            "behaviours": [b.name for b in self.kata.behaviours],
            "mutants": mutants,
            "counts": counts,
            "score": round((counts["killed"] + counts["timed out"]) / total, 4) if total else None,
            "unproven": self.unproven(),
        }


def verify_katas(
    project: Project, katas: list[Kata], jobs: int = 2, strict: bool = False
) -> list[Verdict]:
    """Render specs afresh into a temporary folder and run reference, skeleton and mutants.

    `strict` runs every mutant in full, so `Verdict.unproven` can name behaviours no mutant fails.
    """
    all_mutants = [m for kata in katas for m in project.mutants(kata.slug)]
    with (
        tempfile.TemporaryDirectory(prefix="kata-verify-") as tmp,
        materialized(all_mutants) as paths,
    ):
        out = Path(tmp) / "generated"
        render_tree(project, katas, out)
        # Readable by each run's sandbox user; each writes only in its own runs folder.
        for folder in {
            Path(tmp),
            *{p.parent.parent for p in paths.values()},
            *{p.parent for p in paths.values()},
        }:
            os.chmod(folder, 0o755)
        # `jobs` katas at once, each forking one child at a time, so one kata's reference run
        # overlaps another's mutants; a lone kata forks `jobs` children instead.
        inner = jobs if len(katas) == 1 else 1

        def one(kata: Kata) -> Verdict:
            mutants = project.mutants(kata.slug)
            return _verify_one(
                project, kata, out / kata.slug, mutants, paths, Path(tmp), inner, strict
            )

        # The slowest katas first (threaded behaviours dominate), so none runs alone at the end.
        def weight(kata: Kata) -> int:
            threaded = sum(1 for b in kata.behaviours if b.kind == "concurrency")
            return (1 + 4 * threaded) * len(project.mutants(kata.slug))

        order = sorted(katas, key=weight, reverse=True)
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            verdicts = list(pool.map(one, order))
        return sorted(verdicts, key=lambda v: v.kata.slug)


def _verify_one(
    project: Project,
    kata: Kata,
    suite: Path,
    mutants: list[Mutant],
    paths: dict[tuple[str, str], Path],
    tmp: Path,
    jobs: int,
    strict: bool,
) -> Verdict:
    work = tmp / f"runs-{kata.slug}"
    work.mkdir()
    budget = sum(b.timeout + 5 for b in kata.behaviours) + 10

    def run(label: str, impl: Path, maxfail: int) -> dict:
        return {
            "label": label,
            "impl": str(impl),
            "results": str(work / f"{label}.json"),
            "log": str(work / f"{label}.log"),
            "maxfail": maxfail,
            "no_shrink": label != "reference",
        }

    reference = run("reference", project.reference(kata.slug), 0)
    # A mutant only has to fail, so outside strict mode it stops at its first failure.
    runs = [run("skeleton", suite / "skeleton.py", 0)] + [
        run(m.name, paths[m.name, m.slug], 0 if strict else 1) for m in mutants
    ]
    plan = {
        "jobs": jobs,
        "reference": reference,
        "runs": runs,
        "limit_factor": LIMIT_FACTOR,
        "limit_slack": LIMIT_SLACK,
    }
    plan_file = work / "plan.json"
    plan_file.write_text(json.dumps(plan), encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "pytest",
        str(suite),
        "-p",
        "katakit.forkrun",
        "--kata-fork-plan",
        str(plan_file),
        "--rootdir",
        str(suite.parent),
        "-p",
        "no:cacheprovider",
        "-o",
        "addopts=",
        "-q",
        "-s",  # each child's output goes to its own log, not pytest's capture
    ]
    # A last resort only: the fork server itself stops every behaviour that overruns.
    total = budget * (1 + len(runs)) + START_UP_GRACE
    sandboxed = sandbox.unavailable() is None
    done = sandbox.run(
        command,
        work,
        total,
        sandbox.Mounts(visible=(tmp, *{p.parent for p in paths.values()}, project.root, SOURCE)),
        sandbox.Limits(cpu_seconds=int(total) + 30),
        env={"KATA_SANDBOXED": "1" if sandboxed else "0"},
        sandboxed=sandboxed,
    )
    output = done.output[-8000:]
    if done.timed_out:
        output = f"kata verify: the suite's process did not finish within {total:.0f} s"
    collected = [_read(r, kata) for r in [reference, *runs]]
    if not collected[0].outcomes:
        collected[0].output = output
    return Verdict(kata, collected[0], collected[1], collected[2:])


def _read(run: dict, kata: Kata) -> Run:
    result = Run(run["label"])
    result.expected = len(kata.behaviours)
    results = Path(run["results"])
    report = json.loads(results.read_text(encoding="utf-8")) if results.exists() else {}
    records = report.get("records", [])
    result.seconds = round(report.get("seconds", 0.0), 3)
    known = {b.name for b in kata.behaviours}
    for record in records:
        if record.get("name") in known:
            hung = record.get("hung") is True
            outcome = "pass" if record["status"] == "pass" else "timeout" if hung else "fail"
            result.outcomes[record["name"]] = outcome
            result.messages[record["name"]] = record.get("message", "")
    log = Path(run["log"])
    if log.exists():
        result.output = log.read_text(encoding="utf-8", errors="replace")[-4000:]
    return result
