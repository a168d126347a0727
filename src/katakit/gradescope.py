"""Gradescope: the autograder bundle `kata export gradescope` writes, and what it runs there.

The zip holds, at its root (Gradescope unpacks it into /autograder/source):

    setup.sh               run once when Gradescope builds the image: a venv, katakit and its
                           pinned dependencies installed from wheels/ with no network
    run_autograder         run per submission: `python -m katakit.gradescope /autograder`
    kata-autograder.json   the katas, their points per behaviour, the tests' visibility
    repo/                  specs/<slug>/spec.yaml and generated/<slug>/ (the suites) only
    wheels/                katakit's own wheel and every dependency's

`run_autograder` finds each kata's file in /autograder/submission (see katakit.submission),
runs the suite through `katakit.runner.run_suite` (sandboxed where bubblewrap works, with
the results folder hidden from the submission) and writes /autograder/results/results.json
in Gradescope's documented format: one test per behaviour with `name`, `number`, `status`
(passed/failed), `score`, `max_score`, `output` (the failure message) and `visibility`; the
total `score`, `execution_time` and an `output` summary. `KATA_AUTOGRADER_ROOT` replaces
/autograder (the tests unpack the bundle into a temporary tree shaped like it).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from . import __version__, sandbox
from .errors import KataError, SolutionError
from .files import replace_atomically
from .model import Kata
from .points import Points
from .project import Project
from .runner import SuiteResult, run_suite, suite_budget
from .submission import find_solution

CONFIG = "kata-autograder.json"
VISIBILITIES = ("visible", "hidden", "after_due_date", "after_published")
SOURCE_TREE = Path(__file__).resolve().parents[2]  # katakit's own project (pyproject.toml)

SETUP_SH = """#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image.
# Everything Python needs is in wheels/: nothing is downloaded.
set -euo pipefail
ROOT="${KATA_AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"
PYTHON="${KATA_PYTHON:-python3}"
if ! command -v bwrap >/dev/null 2>&1; then
  # The optional part: kata's own sandbox inside Gradescope's container.
  if command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -qq bubblewrap >/dev/null 2>&1 \\
      || echo "setup.sh: bubblewrap could not be installed; submissions run in Gradescope's container without kata's sandbox"
  fi
fi
"$PYTHON" -m venv "$ROOT/kata-venv"
"$ROOT/kata-venv/bin/python" -m pip install --quiet --no-index --find-links "$SOURCE/wheels" \\
  --only-binary=:all: "katakit==@VERSION@"
"$ROOT/kata-venv/bin/python" -m katakit.gradescope --check "$ROOT"
"""

RUN_AUTOGRADER = """#!/usr/bin/env bash
# Gradescope runs this for every submission (the working directory is /autograder).
set -uo pipefail
ROOT="${KATA_AUTOGRADER_ROOT:-/autograder}"
"$ROOT/kata-venv/bin/python" -m katakit.gradescope "$ROOT"
status=$?
if [ ! -s "$ROOT/results/results.json" ]; then
  mkdir -p "$ROOT/results"
  printf '%s\\n' '{"score": 0, "output": "The autograder itself failed (exit status '"$status"'); your instructor can see why in its output."}' \\
    > "$ROOT/results/results.json"
fi
exit 0
"""


# --- building the bundle (the instructor's machine) ---------------------------------------


def build_bundle(
    project: Project,
    katas: list[Kata],
    points: Points,
    out: Path,
    visibility: str = "visible",
    wheels: Path | None = None,
    python_version: str | None = None,
) -> Path:
    for kata in katas:
        if not (project.generated / kata.slug / f"test_{kata.slug}.py").is_file():
            raise KataError(f"generated/{kata.slug} has no suite; run `kata generate` first")
    config = {
        "katakit": __version__,
        "katas": [k.slug for k in katas],
        "points": points,
        "visibility": visibility,
    }
    with tempfile.TemporaryDirectory(prefix="kata-gradescope-") as tmp:
        wheel_dir = Path(tmp) / "wheels"
        collect_wheels(wheel_dir, wheels, python_version)
        partial = out.with_name(f".{out.name}.partial")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as bundle:
            _add(bundle, "setup.sh", SETUP_SH.replace("@VERSION@", __version__), 0o755)
            _add(bundle, "run_autograder", RUN_AUTOGRADER, 0o755)
            _add(bundle, CONFIG, json.dumps(config, indent=2) + "\n")
            _add(bundle, "repo/specs/schema.json", project.schema.read_text(encoding="utf-8"))
            for kata in katas:
                spec = project.specs / kata.slug / "spec.yaml"
                _add(bundle, f"repo/specs/{kata.slug}/spec.yaml", spec.read_text(encoding="utf-8"))
                suite = project.generated / kata.slug / f"test_{kata.slug}.py"
                _add(
                    bundle,
                    f"repo/generated/{kata.slug}/{suite.name}",
                    suite.read_text(encoding="utf-8"),
                )
            for wheel in sorted(wheel_dir.glob("*.whl")):
                bundle.write(wheel, f"wheels/{wheel.name}")
        os.replace(partial, out)
    return out


def _add(bundle: zipfile.ZipFile, name: str, text: str, mode: int = 0o644) -> None:
    info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
    info.external_attr = (0o100000 | mode) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    bundle.writestr(info, text)


def collect_wheels(into: Path, source: Path | None, python_version: str | None) -> None:
    """katakit's wheel, built from its source tree, and every dependency's (from `source`
    when given, else from the package index)."""
    if not (SOURCE_TREE / "pyproject.toml").is_file():
        raise KataError(
            "exporting needs katakit installed from its source tree (pip install -e .), "
            f"so that its wheel can be built; there is no pyproject.toml in {SOURCE_TREE}"
        )
    into.mkdir(parents=True, exist_ok=True)
    _pip("wheel", "--no-deps", "--quiet", "--wheel-dir", str(into), str(SOURCE_TREE))
    wheel = next(into.glob(f"katakit-{__version__}-*.whl"))
    where = ["--no-index", "--find-links", str(source)] if source else []
    target = ["--python-version", python_version] if python_version else []
    _pip(
        "download",
        "--quiet",
        "--only-binary=:all:",
        "--dest",
        str(into),
        *where,
        *target,
        "--find-links",
        str(into),
        str(wheel),
    )


def _pip(*args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-8:])
        raise KataError(f"pip {args[0]} failed while collecting the bundle's wheels:\n{tail}")


# --- running a submission (inside Gradescope's container) ---------------------------------


def run_autograder(
    root: Path,
    runner: Callable[..., SuiteResult] = run_suite,
    clock: Callable[[], float] = time.monotonic,
) -> dict:
    """Grade /autograder/submission into /autograder/results/results.json; the results."""
    started = clock()
    config = json.loads((root / "source" / CONFIG).read_text(encoding="utf-8"))
    project = Project(root / "source" / "repo")
    katas = [project.load(slug) for slug in config["katas"]]
    results_dir = root / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    why_not = sandbox.unavailable()
    if why_not:
        print(f"note: running without kata's sandbox ({why_not}); Gradescope's container isolates")
    outcomes: dict[str, tuple[SuiteResult | None, str]] = {}
    for kata in katas:
        path, problem = find_solution(root / "submission", kata.slug, alone=len(katas) == 1)
        result = None
        if path is not None:
            try:
                result = runner(
                    kata,
                    project.generated / kata.slug,
                    path,
                    suite_budget(kata),
                    hidden=(results_dir,),
                )
            except SolutionError as exc:
                problem = str(exc)
        outcomes[kata.slug] = (result, problem)
    report = results_json(katas, config["points"], outcomes, config["visibility"])
    report["execution_time"] = round(clock() - started)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    replace_atomically(results_dir / "results.json", text.encode("utf-8"))
    print(report["output"])
    return report


def results_json(
    katas: list[Kata],
    points: Points,
    outcomes: dict[str, tuple[SuiteResult | None, str]],
    visibility: str = "visible",
) -> dict:
    """Gradescope's results.json: a test per behaviour, in spec order, numbered kata.behaviour."""
    tests, summary, total = [], [], 0.0
    for k_index, kata in enumerate(katas, start=1):
        result, problem = outcomes[kata.slug]
        passed = {r["name"] for r in result.passed} if result else set()
        messages = {r["name"]: r["message"] for r in result.records} if result else {}
        kata_score = kata_max = 0.0
        for b_index, behaviour in enumerate(kata.behaviours, start=1):
            worth = float(points[kata.slug][behaviour.name])
            won = worth if behaviour.name in passed else 0.0
            kata_score, kata_max = kata_score + won, kata_max + worth
            test = {
                "name": behaviour.name if len(katas) == 1 else f"{kata.slug} › {behaviour.name}",
                "number": f"{k_index}.{b_index}",
                "status": "passed" if behaviour.name in passed else "failed",
                "score": won,
                "max_score": worth,
                "visibility": visibility,
                "extra_data": {"kata": kata.slug, "id": behaviour.id, "kind": behaviour.kind},
            }
            if behaviour.name not in passed:
                test["output"] = messages.get(behaviour.name) or problem or "not run"
                test["output_format"] = "text"
            tests.append(test)
        total += kata_score
        line = f"{kata.slug}: {len(passed)}/{len(kata.behaviours)} behaviours pass"
        line += f" ({_num(kata_score)}/{_num(kata_max)} points)"
        reason = problem or (result.problem if result and result.problem else "")
        summary.append(f"{line}. {reason}" if reason else line)
    return {
        "score": round(total, 4),
        "output": "\n".join(summary),
        "output_format": "text",
        "visibility": visibility,
        "tests": tests,
    }


def _num(value: float) -> str:
    return f"{value:g}"


def check_bundle(root: Path) -> None:
    """setup.sh's last step: the bundle's specs load and its suites are there."""
    config = json.loads((root / "source" / CONFIG).read_text(encoding="utf-8"))
    project = Project(root / "source" / "repo")
    for slug in config["katas"]:
        kata = project.load(slug)
        if not (project.generated / slug / f"test_{slug}.py").is_file():
            raise KataError(f"the bundle has no suite for {slug}")
        print(f"autograder ready: {slug} ({len(kata.behaviours)} behaviours)")
    if shutil.which("bwrap") is None:
        print("note: no bubblewrap: submissions will run without kata's sandbox")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m katakit.gradescope")
    parser.add_argument(
        "root", nargs="?", default=os.environ.get("KATA_AUTOGRADER_ROOT", "/autograder")
    )
    parser.add_argument("--check", action="store_true", help="only check the bundle (setup.sh)")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    try:
        if args.check:
            check_bundle(root)
        else:
            run_autograder(root)
    except KataError as exc:
        print(f"kata autograder: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
