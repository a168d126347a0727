"""`kata runner` and `bin/run.sh`: Exercism's test-runner interface, checked against its rules.

One test per behaviour, in the suite's order; `status` error only when no behaviour ran; a
test's `output` (what the solution printed) capped at 500 characters with Exercism's notice;
exit status 0 whatever the tests said; the input folder never written.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
from conftest import ROOT, mutant_source
from test_broken_solutions import GOOD_COUNTER

from katakit.commands.runner import _slug
from katakit.exercism import OUTPUT_CAP, TRUNCATED, capped_output
from katakit.project import Project

FIXTURE = Path(__file__).parent / "fixtures" / "counter"
SCHEMA = json.loads((Path(__file__).parent / "schemas/exercism_results_v3.schema.json").read_text())
ORDER = ["counts_up_from_the_start", "never_loses_an_increment_under_threads"]
CHATTY = GOOD_COUNTER.replace(
    "        with self._lock:\n", "        print('x' * 2000)\n        with self._lock:\n"
)


def run_sh(repo: Path, slug: str, source: str | None, tmp: Path, name: str = "counter.py"):
    """bin/run.sh as Exercism's tooling calls it: slug, input dir/, output dir/."""
    shutil.copytree(ROOT / "bin", repo / "bin", dirs_exist_ok=True)
    given, results = tmp / "input", tmp / "output"
    given.mkdir()
    if source is not None:
        (given / name).parent.mkdir(parents=True, exist_ok=True)
        (given / name).write_text(source, encoding="utf-8")
    before = sorted((p.name, p.stat().st_mtime_ns) for p in given.rglob("*"))
    done = subprocess.run(
        [str(repo / "bin" / "run.sh"), slug, f"{given}/", f"{results}/"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={
            "PATH": f"{Path(shutil.which('kata') or ROOT / '.venv/bin/kata').parent}:/usr/bin:/bin"
        },
    )
    assert sorted((p.name, p.stat().st_mtime_ns) for p in given.rglob("*")) == before
    report = json.loads((results / "results.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(report)
    return done, report


def test_a_correct_solution_passes_in_suite_order(counter_repo, tmp_path):
    done, report = run_sh(counter_repo, "counter", GOOD_COUNTER, tmp_path)
    assert done.returncode == 0, done.stderr
    assert report["version"] == 3 and report["status"] == "pass" and report["message"] is None
    assert [t["name"] for t in report["tests"]] == ORDER
    assert {t["status"] for t in report["tests"]} == {"pass"}
    assert report["tests"][0]["test_code"].startswith("counter = Counter(5)")
    assert all("output" not in t for t in report["tests"])  # it printed nothing


def test_a_failing_solution_still_exits_zero(counter_repo, tmp_path):
    done, report = run_sh(counter_repo, "counter", mutant_source(FIXTURE, "no_lock"), tmp_path)
    assert done.returncode == 0
    assert report["status"] == "fail"
    assert [t["status"] for t in report["tests"]] == ["pass", "fail"]
    assert "expected" in report["tests"][1]["message"]


def test_error_only_when_no_behaviour_ran(counter_repo, tmp_path):
    done, report = run_sh(counter_repo, "counter", "def broken(:\n", tmp_path)
    assert done.returncode == 0
    assert report["status"] == "error" and "syntax error" in report["message"]
    assert {t["status"] for t in report["tests"]} == {"error"}


def test_a_missing_solution_says_what_to_hand_in(counter_repo, tmp_path):
    done, report = run_sh(counter_repo, "counter", "x = 1\n", tmp_path, name="notes.py")
    assert done.returncode == 0
    assert report["status"] == "error"
    assert "hand in counter.py or counter/solution.py or solution.py" in report["message"]


def test_what_a_behaviour_printed_is_its_output_capped_at_500(counter_repo, tmp_path):
    done, report = run_sh(counter_repo, "counter", CHATTY, tmp_path, name="solution.py")
    assert done.returncode == 0 and report["status"] == "pass"
    for test in report["tests"]:
        assert len(test["output"]) == OUTPUT_CAP
        assert test["output"].startswith("xxxx") and test["output"].endswith(TRUNCATED)


def test_the_cap_keeps_short_output_whole():
    assert capped_output("hello\n") == "hello\n"
    assert capped_output("y" * 500) == "y" * 500
    assert capped_output("y" * 501) == "y" * (500 - len(TRUNCATED)) + TRUNCATED


def test_exercism_slugs_with_dashes_and_classroom_points(counter_repo, tmp_path, kata, monkeypatch):
    given = tmp_path / "in"
    (given / "counter").mkdir(parents=True)
    (given / "counter" / "solution.py").write_text(mutant_source(FIXTURE, "no_lock"))
    outputs = tmp_path / "github_output"
    monkeypatch.setenv("GITHUB_OUTPUT", str(outputs))
    code, _, err = kata(
        counter_repo, "runner", "counter", str(given), str(tmp_path / "out"),
        "--points", "by-kind", "--github-output",
    )  # fmt: skip
    assert code == 0, err
    (line,) = outputs.read_text().splitlines()
    assert line.startswith("result=")
    sent = json.loads(base64.b64decode(line.removeprefix("result=")))
    assert sent == json.loads((tmp_path / "out" / "results.json").read_text())
    assert sent["max_score"] == 4.0  # scenario 1 + concurrency 3
    assert [(t["name"], t["score"]) for t in sent["tests"]] == [(ORDER[0], 1.0), (ORDER[1], 0)]


def test_an_unknown_kata_is_refused(counter_repo, tmp_path, kata):
    (tmp_path / "in").mkdir()
    code, _, err = kata(counter_repo, "runner", "two-fer", str(tmp_path / "in"), str(tmp_path))
    assert code == 2 and "unknown kata 'two-fer'" in err


def test_dashes_map_to_underscores(counter_repo):
    renamed = counter_repo / "specs" / "count_er"
    shutil.copytree(counter_repo / "specs" / "counter", renamed)
    assert _slug(Project(counter_repo), "count-er") == "count_er"
    assert _slug(Project(counter_repo), "counter") == "counter"
