"""Run a kata's suite against an implementation: staged, sandboxed, judged by the parent.

Every run of learner code (check, watch, progress, solution, grade, soak) comes through
`run_suite`: a private copy of the suite with opaque test names and decoys
(katakit.stage), one pytest process in the sandbox (katakit.sandbox) that collects the
suite and forks a child to run the solution (katakit.forkrun, which stops a behaviour that
overruns from outside the child), and a verdict computed here from the behaviours the spec
names (katakit.judging), never taken on trust from the run.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import sandbox
from .errors import SolutionError
from .judging import judge
from .model import Kata
from .stage import stage_suite

START_UP_GRACE = 60.0  # interpreter + pytest + hypothesis start-up, and a slow machine
SOURCE = Path(__file__).resolve().parent.parent  # katakit's own code, visible in the sandbox


@dataclass
class SuiteResult:
    """What one run earned: a record per spec behaviour, and whether the run can be trusted.

    `status`: "complete" (every behaviour reported), "timed out" (stopped at its budget:
    behaviours that finished still count), "error" (the run reported missing, unknown,
    duplicated or malformed results, or none: nothing counts) or "tampered" (a decoy
    passed or the harness was modified: nothing counts).
    """

    impl: Path
    status: str
    records: list[dict] = field(default_factory=list)
    problem: str = ""
    output: str = ""
    seconds: float = 0.0
    sandboxed: bool = True

    @property
    def credited(self) -> bool:
        return self.status in ("complete", "timed out")

    @property
    def timed_out(self) -> bool:
        return self.status == "timed out"

    @property
    def results(self) -> list[dict]:
        """Records that actually reported (none when the run is not credited)."""
        return [r for r in self.records if r["reported"]] if self.credited else []

    @property
    def passed(self) -> list[dict]:
        return [r for r in self.results if r["status"] == "pass"]

    @property
    def failed(self) -> list[dict]:
        return [r for r in self.records if r["status"] != "pass" or not self.credited]

    @property
    def solved(self) -> bool:
        return self.status == "complete" and all(r["status"] == "pass" for r in self.records)


def suite_budget(kata: Kata) -> float:
    """A hard ceiling for one whole run: every behaviour timing out, plus start-up."""
    return sum(b.timeout + 5 for b in kata.behaviours) + START_UP_GRACE


def run_suite(
    kata: Kata,
    suite_dir: Path,
    impl: Path,
    budget: float,
    select: tuple[str, ...] = (),
    hidden: tuple[Path, ...] = (),
    sandboxed: bool | None = None,
    env: dict[str, str] | None = None,
) -> SuiteResult:
    """Run the suite in `suite_dir` on `impl`; `select` names behaviours (all when empty).

    `hidden` folders are invisible inside the sandbox (a class's other submissions).
    `sandboxed`: None means "when this machine can" (see `sandbox.unavailable`).
    """
    if sandboxed is None:
        sandboxed = sandbox.unavailable() is None
    if not impl.is_file():
        raise SolutionError(f"There is no solution at {impl}.")
    with tempfile.TemporaryDirectory(prefix="kata-run-") as tmp:
        work = Path(tmp)
        copy = work / "solution" / impl.name  # its own copy: nothing else of the caller's is needed
        copy.parent.mkdir()
        shutil.copyfile(impl, copy)
        stage = stage_suite(kata, suite_dir / f"test_{kata.slug}.py", work / "suite", select)
        results, log = work / "results.json", work / "run.log"
        plan = {
            "jobs": 1,
            "reference": None,
            "limit_factor": 1.0,
            "limit_slack": 0.0,
            "runs": [
                {
                    "impl": str(copy),
                    "results": str(results),
                    "log": str(log),
                    "maxfail": 0,
                    "no_shrink": False,
                }
            ],
        }
        (work / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
        argv = [
            sys.executable,
            "-m",
            "pytest",
            str(stage.suite),
            "-p",
            "katakit.forkrun",
            "--kata-fork-plan",
            str(work / "plan.json"),
            "--rootdir",
            str(work),
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            "-q",
            "-s",
        ]
        done = sandbox.run(
            argv,
            work,
            budget,
            sandbox.Mounts(hidden=hidden, visible=(SOURCE,)),
            sandbox.Limits(cpu_seconds=int(budget) + 30),
            env={**(env or {}), "KATA_SANDBOXED": "1" if sandboxed else "0"},
            sandboxed=sandboxed,
        )
        stage.paths[str(copy)] = str(impl)
        return judge(kata, stage, impl, done, results, log)
