"""Mutants stored as diffs: applied strictly, linted with their location, made by `kata mutant`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT

from katakit.mutants import Mutant, MutantError, discover

COUNTER = "specs/counter"
ALL_MUTANTS = [
    m
    for kata in sorted((ROOT / "specs").glob("*/mutants"))
    for m in discover(kata, kata.parent.name)
]


@pytest.mark.parametrize("mutant", ALL_MUTANTS, ids=lambda m: f"{m.slug}/{m.name}")
def test_every_stored_mutant_applies_and_is_a_short_diff_or_a_justified_whole_module(mutant):
    source = mutant.source()
    assert source != mutant.base().read_text(encoding="utf-8")
    assert mutant.description()
    if mutant.whole:
        assert mutant.description().startswith("Whole module, not a diff:")
    else:
        assert len(mutant.path.read_text(encoding="utf-8").splitlines()) <= 40


def write_diff(repo: Path, name: str, text: str) -> Path:
    path = repo / COUNTER / "mutants" / f"{name}.diff"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_diff_whose_context_drifted_is_refused_with_its_hunk_line(counter_repo):
    original = (counter_repo / COUNTER / "mutants" / "no_lock.diff").read_text(encoding="utf-8")
    path = write_diff(
        counter_repo,
        "drifted",
        original.replace(" self._lock = threading.Lock()", " self._lock = None"),
    )
    with pytest.raises(
        MutantError, match=r"drifted\.diff:5: the diff no longer applies to reference\.py"
    ) as caught:
        Mutant("counter", "drifted", path).source()
    assert "kata mutant new counter drifted --from /tmp/drifted.py --force" in str(caught.value)


def test_a_diff_that_changes_nothing_is_refused(counter_repo):
    path = write_diff(
        counter_repo,
        "nothing",
        "Changes nothing.\n\n--- a/reference.py\n+++ b/reference.py\n@@ -5,3 +5,3 @@\n import threading\n-\n+\n \n",
    )
    with pytest.raises(MutantError, match=r"nothing\.diff:3: the diff changes nothing"):
        Mutant("counter", "nothing", path).source()


def test_a_diff_without_a_description_is_refused(counter_repo):
    original = (counter_repo / COUNTER / "mutants" / "no_lock.diff").read_text(encoding="utf-8")
    path = write_diff(counter_repo, "silent", original[original.index("---") :])
    with pytest.raises(MutantError, match=r"silent\.diff:1: no description"):
        Mutant("counter", "silent", path).source()


def test_lint_names_the_file_and_line_of_a_broken_diff(counter_repo, kata):
    write_diff(
        counter_repo,
        "broken",
        "Broken.\n\n--- a/reference.py\n+++ b/other.py\n@@ -1 +1 @@\n-x\n+y\n",
    )
    code, _, err = kata(counter_repo, "lint")
    assert code == 1
    assert "specs/counter/mutants/broken.diff:4:1: expected a `+++ b/reference.py` line" in err


def test_mutant_new_writes_a_diff_that_check_runs_and_show_prints(counter_repo, kata, tmp_path):
    edited = tmp_path / "edited.py"
    reference = (counter_repo / COUNTER / "reference.py").read_text(encoding="utf-8")
    edited.write_text(reference.replace("self._value += 1", "self._value += 2"), encoding="utf-8")
    code, _, err = kata(
        counter_repo,
        "mutant",
        "new",
        "counter",
        "counts_by_two",
        "--from",
        str(edited),
        "-m",
        "Counts in twos.",
    )
    assert code == 0, err
    diff = (counter_repo / COUNTER / "mutants" / "counts_by_two.diff").read_text(encoding="utf-8")
    assert diff.startswith("Counts in twos.\n\n--- a/reference.py\n+++ b/reference.py\n@@")
    assert "-            self._value += 1\n+            self._value += 2\n" in diff

    code, out, _ = kata(counter_repo, "mutant", "show", "counter", "counts_by_two")
    assert out == edited.read_text(encoding="utf-8")
    code, out, _ = kata(counter_repo, "mutant", "list", "counter")
    assert "counts_by_two" in out and "Counts in twos." in out
    code, out, _ = kata(counter_repo, "check", "counter", "--mutant", "counts_by_two")
    assert code == 1
    assert "FAIL counts_up_from_the_start" in out


def test_mutant_new_never_overwrites_without_force(counter_repo, kata, tmp_path):
    edited = tmp_path / "edited.py"
    edited.write_text("x = 1\n", encoding="utf-8")
    before = (counter_repo / COUNTER / "mutants" / "no_lock.diff").read_text(encoding="utf-8")
    code, _, err = kata(counter_repo, "mutant", "new", "counter", "no_lock", "--from", str(edited))
    assert code == 2
    assert "specs/counter/mutants/no_lock.diff exists; pass --force to replace it" in err
    assert (counter_repo / COUNTER / "mutants" / "no_lock.diff").read_text(
        encoding="utf-8"
    ) == before


def test_check_names_the_closest_mutant_when_one_is_misspelt(counter_repo, kata):
    code, _, err = kata(counter_repo, "check", "counter", "--mutant", "no_lok")
    assert code == 2
    assert "no mutant 'no_lok'; did you mean 'no_lock'?" in err


def test_verify_writes_a_kill_matrix(counter_repo, kata, tmp_path):
    matrix = tmp_path / "matrix.json"
    code, _, err = kata(counter_repo, "verify", "--json", str(matrix))
    assert code == 0, err
    report = json.loads(matrix.read_text(encoding="utf-8"))["katas"]["counter"]
    no_lock = report["mutants"]["no_lock"]
    assert (no_lock["status"], no_lock["failed"], no_lock["timed_out"]) == (
        "killed",
        ["never_loses_an_increment_under_threads"],
        [],
    )
    assert report["counts"] == {"killed": 1, "timed out": 0, "survived": 0, "error": 0}
    assert report["score"] == 1.0


def test_a_deadlocking_mutant_is_stopped_by_verify_and_counted_as_timed_out(
    counter_repo, kata, tmp_path
):
    reference = (counter_repo / COUNTER / "reference.py").read_text(encoding="utf-8")
    blocked = reference.replace(
        "        with self._lock:\n", "        self._lock.acquire()\n        with self._lock:\n"
    )
    edited = tmp_path / "deadlock.py"
    edited.write_text(blocked, encoding="utf-8")
    assert (
        kata(
            counter_repo,
            "mutant",
            "new",
            "counter",
            "deadlock",
            "--from",
            str(edited),
            "-m",
            "Takes its own lock twice.",
        )[0]
        == 0
    )
    matrix = tmp_path / "matrix.json"
    code, _, err = kata(counter_repo, "verify", "--strict", "--json", str(matrix))
    report = json.loads(matrix.read_text(encoding="utf-8"))["katas"]["counter"]
    assert report["mutants"]["deadlock"]["status"] == "timed out"
    assert report["mutants"]["deadlock"]["timed_out"] == [
        "counts_up_from_the_start",
        "never_loses_an_increment_under_threads",
    ]
