"""`kata export gradescope`: the autograder bundle, run for real in an /autograder-shaped tree.

The bundle is unpacked the way Gradescope does it (the zip into source/, run_autograder copied
beside it), setup.sh and run_autograder run with no network (a fresh network namespace), and
every results.json validates against the JSON Schema written from Gradescope's documentation.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, mutant_source, needs_sandbox
from test_broken_solutions import GOOD_COUNTER

from katakit.gradescope import collect_wheels, results_json
from katakit.points import PointsError, points_for
from katakit.project import Project
from katakit.runner import SuiteResult

FIXTURE = Path(__file__).parent / "fixtures" / "counter"
SCHEMA = json.loads((Path(__file__).parent / "schemas/gradescope_results.schema.json").read_text())
NAMES = ["counts_up_from_the_start", "never_loses_an_increment_under_threads"]


def valid(report: dict) -> dict:
    jsonschema.Draft202012Validator(SCHEMA).validate(report)
    return report


# --- points ---------------------------------------------------------------------------------


def test_points_equal_and_by_kind(counter_repo):
    kata = Project(counter_repo).load("counter")
    assert points_for("equal", [kata]) == {"counter": dict.fromkeys(NAMES, 1.0)}
    assert points_for("by-kind", [kata]) == {"counter": {NAMES[0]: 1.0, NAMES[1]: 3.0}}


def test_points_file_yaml_and_json(counter_repo, tmp_path):
    kata = Project(counter_repo).load("counter")
    yaml_file = tmp_path / "points.yaml"
    yaml_file.write_text("counter:\n  never_loses_an_increment_under_threads: 4\n  '*': 0.5\n")
    assert points_for(str(yaml_file), [kata]) == {"counter": {NAMES[0]: 0.5, NAMES[1]: 4.0}}
    json_file = tmp_path / "points.json"
    json_file.write_text(json.dumps({"counter": {NAMES[0]: 3}}))
    assert points_for(str(json_file), [kata]) == {"counter": {NAMES[0]: 3.0, NAMES[1]: 1.0}}


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("countr:\n  x: 1\n", ":1:1:", "no kata 'countr' in this export (did you mean 'counter'?)"),
        (
            "counter:\n  counts_up_from_start: 2\n",
            ":2:3:",
            "has no behaviour 'counts_up_from_start' (did you mean 'counts_up_from_the_start'?)",
        ),
        ("counter:\n  counts_up_from_the_start: lots\n", ":2:29:", "must be a number >= 0"),
        ("counter:\n  counts_up_from_the_start: -1\n", ":2:29:", "must be a number >= 0"),
        ("counter: [1, 2]\n", ":1:10:", "expected a mapping of behaviour name to points"),
        ("counter:\n  a: 1\n b: 2\n", ":3:", "not valid YAML/JSON"),
    ],
)
def test_a_bad_points_file_names_its_line(counter_repo, tmp_path, kata, text, where, says):
    bad = tmp_path / "points.yaml"
    bad.write_text(text)
    with pytest.raises(PointsError) as caught:
        points_for(str(bad), [Project(counter_repo).load("counter")])
    assert str(caught.value).startswith(f"{bad}{where}"), caught.value
    assert says in str(caught.value)
    code, _, err = kata(counter_repo, "export", "gradescope", "counter", "--points", str(bad))
    assert code == 2 and says in err  # the command says so too, and writes nothing
    assert not (Path.cwd() / "autograder.zip").exists()


def test_points_that_are_neither_a_mode_nor_a_file(counter_repo):
    with pytest.raises(PointsError, match="not 'equal', 'by-kind' or a YAML/JSON file"):
        points_for("fair", [Project(counter_repo).load("counter")])


# --- results.json ----------------------------------------------------------------------------


def record(name: str, status: str, message: str = "") -> dict:
    return {"name": name, "status": status, "message": message, "reported": True}


def test_results_follow_gradescopes_format(counter_repo):
    kata = Project(counter_repo).load("counter")
    result = SuiteResult(
        Path("x.py"), "complete", [record(NAMES[0], "pass"), record(NAMES[1], "fail", "lost 3")]
    )
    points = {"counter": {NAMES[0]: 1.0, NAMES[1]: 3.0}}
    report = valid(results_json([kata], points, {"counter": (result, "")}, "after_due_date"))
    assert report["score"] == 1.0
    assert [t["name"] for t in report["tests"]] == NAMES  # spec order, one per behaviour
    assert [t["status"] for t in report["tests"]] == ["passed", "failed"]
    assert [(t["score"], t["max_score"]) for t in report["tests"]] == [(1.0, 1.0), (0.0, 3.0)]
    assert report["tests"][1]["output"] == "lost 3"
    assert "output" not in report["tests"][0]
    assert {t["visibility"] for t in report["tests"]} == {"after_due_date"}
    assert report["output"] == "counter: 1/2 behaviours pass (1/4 points)"


def test_a_tampered_or_missing_run_earns_nothing(counter_repo):
    kata = Project(counter_repo).load("counter")
    tampered = SuiteResult(
        Path("x.py"),
        "tampered",
        [record(n, "error", "tampering detected: a decoy passed") for n in NAMES],
        problem="tampering detected: a decoy passed",
    )
    points = points_for("equal", [kata])
    report = valid(results_json([kata], points, {"counter": (tampered, "")}))
    assert report["score"] == 0 and {t["status"] for t in report["tests"]} == {"failed"}
    assert "tampering detected" in report["output"]
    missing = valid(results_json([kata], points, {"counter": (None, "no solution for counter")}))
    assert missing["score"] == 0
    assert {t["output"] for t in missing["tests"]} == {"no solution for counter"}


# --- the bundle, for real ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory) -> Path:
    """katakit's wheel and its dependencies', fetched once for this module's bundles."""
    folder = tmp_path_factory.mktemp("wheels")
    collect_wheels(folder, None, None)
    return folder


def unpack(bundle: Path, root: Path) -> Path:
    """What Gradescope does: the zip into <root>/source, run_autograder copied to <root>."""
    with zipfile.ZipFile(bundle) as archive:
        for info in archive.infolist():
            path = Path(archive.extract(info, root / "source"))
            if info.external_attr >> 16 & 0o777:
                path.chmod(info.external_attr >> 16 & 0o777)
    shutil.copy(root / "source" / "run_autograder", root / "run_autograder")
    (root / "submission").mkdir()
    (root / "results").mkdir()
    return root


def offline(root: Path, *command: str) -> subprocess.CompletedProcess:
    """Run `command` in <root> in a network namespace of its own: no network at all."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(root), "KATA_AUTOGRADER_ROOT": str(root)}
    return subprocess.run(
        ["unshare", "--net", *command],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def hand_in(root: Path, name: str, source: str) -> dict:
    shutil.rmtree(root / "submission")
    (root / "submission" / Path(name).parent).mkdir(parents=True, exist_ok=True)
    (root / "submission" / name).write_text(source, encoding="utf-8")
    (root / "results" / "results.json").unlink(missing_ok=True)
    done = offline(root, str(root / "run_autograder"))
    assert done.returncode == 0, done.stderr
    return valid(json.loads((root / "results" / "results.json").read_text(encoding="utf-8")))


def stragglers(marker: str) -> list[int]:
    """Processes still alive whose command line holds `marker`."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if marker.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(int(pid))
        except OSError:
            continue
    return [p for p in found if p != os.getpid()]


def forger(root: Path) -> str:
    """Writes a full-marks results.json where Gradescope reads it, now and after the run."""
    results = root / "results" / "results.json"
    fake = json.dumps({"score": 999, "tests": []})
    return (
        mutant_source(FIXTURE, "no_lock")
        + f"""
import subprocess, sys
for attempt in range(2):
    try:
        open({str(results)!r}, "w").write({fake!r})
    except OSError:
        pass
LATER = "import sys, time; time.sleep(3); open(sys.argv[1], 'w').write(sys.argv[2])"
subprocess.Popen([sys.executable, "-c", LATER, {str(results)!r}, {fake!r}], start_new_session=True)
print("FORGED")
"""
    )


@needs_sandbox
@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare (util-linux)")
@pytest.mark.skipif(os.geteuid() != 0, reason="a network namespace of its own needs root")
def test_the_bundle_grades_offline_in_an_autograder_tree(counter_repo, tmp_path, kata, wheelhouse):
    points = tmp_path / "points.yaml"
    points.write_text("counter:\n  never_loses_an_increment_under_threads: 3\n")
    bundle = tmp_path / "autograder.zip"
    code, out, err = kata(
        counter_repo, "export", "gradescope", "counter", "--points", str(points),
        "-o", str(bundle), "--wheels", str(wheelhouse),
    )  # fmt: skip
    assert code == 0, err
    assert "2 behaviours, 4 points" in out
    names = zipfile.ZipFile(bundle).namelist()
    assert {"setup.sh", "run_autograder", "kata-autograder.json"} <= set(names)
    assert not any("reference" in n or "mutants" in n for n in names)  # no answers shipped
    code, _, err = kata(counter_repo, "export", "gradescope", "counter", "-o", str(bundle))
    assert code == 2 and "exists; pass --force" in err  # never overwritten unasked

    root = unpack(bundle, tmp_path / "autograder")
    setup = offline(root, "bash", str(root / "source" / "setup.sh"))
    assert setup.returncode == 0, setup.stdout + setup.stderr
    assert "autograder ready: counter (2 behaviours)" in setup.stdout

    good = hand_in(root, "counter.py", GOOD_COUNTER)
    assert good["score"] == 4.0
    assert [t["status"] for t in good["tests"]] == ["passed", "passed"]
    assert good["output"] == "counter: 2/2 behaviours pass (4/4 points)"
    assert isinstance(good["execution_time"], int)

    skeleton = (counter_repo / "generated" / "counter" / "skeleton.py").read_text()
    empty = hand_in(root, "counter/solution.py", skeleton)
    assert empty["score"] == 0 and {t["status"] for t in empty["tests"]} == {"failed"}
    assert all(t["output"] for t in empty["tests"])  # each says what was expected

    wrong_name = hand_in(root, "my_counter.py", GOOD_COUNTER)
    assert wrong_name["score"] == 0
    assert "hand in counter.py or counter/solution.py or solution.py" in wrong_name["output"]
    assert "found: my_counter.py" in wrong_name["output"]

    hostile = hand_in(root, "counter.py", forger(root))
    assert hostile["score"] == 1.0  # its own honest score: the lock-free counter loses counts
    assert [t["status"] for t in hostile["tests"]] == ["passed", "failed"]
    assert not stragglers("time.sleep(3)")  # its detached writer died with its sandbox
    final = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    assert final == hostile  # results.json is still the one kata wrote


def test_the_bundles_scripts_are_what_gradescope_runs(counter_repo, tmp_path, kata, monkeypatch):
    """Without building wheels: setup.sh installs offline, run_autograder always leaves a result."""
    monkeypatch.setattr("katakit.gradescope.collect_wheels", lambda into, *_: into.mkdir())
    bundle = tmp_path / "autograder.zip"
    code, _, err = kata(counter_repo, "export", "gradescope", "counter", "-o", str(bundle))
    assert code == 0, err
    archive = zipfile.ZipFile(bundle)
    setup = archive.read("setup.sh").decode()
    assert "--no-index --find-links" in setup and "katakit==0.1.0" in setup
    assert archive.getinfo("run_autograder").external_attr >> 16 & 0o111  # executable
    config = json.loads(archive.read("kata-autograder.json"))
    assert config["katas"] == ["counter"] and config["visibility"] == "visible"
    root = unpack(bundle, tmp_path / "autograder")  # no venv: the autograder cannot start
    done = subprocess.run(
        [str(root / "run_autograder")],
        env={"PATH": "/usr/bin:/bin", "KATA_AUTOGRADER_ROOT": str(root)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    report = valid(json.loads((root / "results" / "results.json").read_text()))
    assert report["score"] == 0 and "autograder itself failed" in report["output"]


def test_the_real_repository_exports_every_kata(tmp_path, monkeypatch, kata):
    """Every kata's spec and suite make it into a bundle (checked without building wheels)."""
    monkeypatch.setattr("katakit.gradescope.collect_wheels", lambda into, *_: into.mkdir())
    bundle = tmp_path / "all.zip"
    slugs = Project(ROOT).slugs()
    code, _, err = kata(ROOT, "export", "gradescope", *slugs, "-o", str(bundle))
    assert code == 0, err
    names = set(zipfile.ZipFile(bundle).namelist())
    assert {f"repo/generated/{s}/test_{s}.py" for s in slugs} <= names
