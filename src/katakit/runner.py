"""Run a kata's generated suite against an implementation, in its own process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .model import Kata

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
