"""Run a kata's generated suite against an implementation, in its own process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .model import Kata
from .mutants import materialized
from .project import Project
from .writer import render_tree

START_UP_GRACE = 60.0  # interpreter + pytest + hypothesis start-up, and a slow machine


@dataclass
class SuiteResult:
    impl: Path
    returncode: int
    results: list[dict] = field(default_factory=list)
    output: str = ""
    timed_out: bool = False

    @property
    def passed(self) -> list[dict]:
        return [r for r in self.results if r["status"] == "pass"]

    @property
    def failed(self) -> list[dict]:
        return [r for r in self.results if r["status"] != "pass"]


def suite_budget(kata: Kata) -> float:
    """A hard ceiling for one whole run: every behaviour timing out, plus start-up."""
    return sum(b.timeout + 5 for b in kata.behaviours) + START_UP_GRACE


def run_suite(
    suite_dir: Path,
    impl: Path,
    budget: float,
    extra_args: tuple[str, ...] = (),
    select: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
) -> SuiteResult:
    """pytest <suite_dir> --impl <impl>; per-behaviour results come back through a JSON file.

    `select` names behaviours to run (all when empty).
    """
    suite_file = next(suite_dir.glob("test_*.py"), suite_dir)
    targets = [f"{suite_file}::test_{name}" for name in select] or [str(suite_dir)]
    with tempfile.TemporaryDirectory(prefix="kata-run-") as tmp:
        results_file = Path(tmp) / "results.json"
        command = [
            sys.executable,
            "-m",
            "pytest",
            *targets,
            "--impl",
            str(impl),
            "--kata-results",
            str(results_file),
            "--rootdir",
            str(suite_dir.parent),
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            "--tb=short",
            "-q",
            *extra_args,
        ]
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=budget, env=env, cwd=tmp
            )
            result = SuiteResult(impl, done.returncode, output=done.stdout + done.stderr)
        except subprocess.TimeoutExpired as exc:
            output = (
                (exc.stdout or b"").decode(errors="replace")
                if isinstance(exc.stdout, bytes)
                else (exc.stdout or "")
            )
            result = SuiteResult(impl, -1, output=output, timed_out=True)
        if results_file.exists():
            result.results = json.loads(results_file.read_text(encoding="utf-8"))
        return result


@dataclass
class Verdict:
    kata: Kata
    reference: SuiteResult
    skeleton: SuiteResult
    mutants: list[SuiteResult]

    def unproven(self) -> list[str]:
        """Behaviours no mutant fails: nothing shows the suite would notice them broken."""
        caught = {r["name"] for m in self.mutants for r in m.failed}
        return [b.name for b in self.kata.behaviours if b.name not in caught]

    def problems(self) -> list[str]:
        slug = self.kata.slug
        total = len(self.kata.behaviours)
        found = []
        ref = self.reference
        if len(ref.passed) != total or ref.returncode != 0:
            failing = ", ".join(r["name"] for r in ref.failed) or "no results (see output)"
            found.append(
                f"{slug}: the reference passes {len(ref.passed)}/{total} behaviours; failing: {failing}"
            )
        passing = [r["name"] for r in self.skeleton.passed]
        if passing or len(self.skeleton.results) != total:
            found.append(
                f"{slug}: the skeleton must fail every behaviour but passes: {', '.join(passing) or '(missing results)'}"
            )
        for mutant in self.mutants:
            if not mutant.failed and not mutant.timed_out:
                found.append(
                    f"{slug}: mutant {mutant.impl.name} passes every behaviour: the suite misses its bug"
                )
        return found


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
        runs = []
        for kata in katas:
            suite = out / kata.slug
            impls = [
                project.reference(kata.slug),
                suite / "skeleton.py",
                *(paths[m.name, m.slug] for m in project.mutants(kata.slug)),
            ]
            runs.extend((kata, suite, impl) for impl in impls)

        def run(job: tuple[Kata, Path, Path]) -> SuiteResult:
            kata, suite, impl = job
            if impl == project.reference(kata.slug):
                return run_suite(suite, impl, suite_budget(kata))
            # A skeleton or mutant only has to fail: no shrinking, and a mutant stops at its
            # first failing behaviour.
            first_failure = () if impl.name == "skeleton.py" or strict else ("-x",)
            return run_suite(
                suite, impl, suite_budget(kata), first_failure, env={"KATA_NO_SHRINK": "1"}
            )

        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            outcomes = list(pool.map(run, runs))
        verdicts = []
        for kata in katas:
            mine = [o for (k, _, _), o in zip(runs, outcomes, strict=True) if k is kata]
            verdicts.append(Verdict(kata, mine[0], mine[1], mine[2:]))
        return verdicts
