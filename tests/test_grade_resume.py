"""`kata grade` remembers results: a re-run grades only new or changed submissions."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from conftest import mutant_source
from test_broken_solutions import GOOD_COUNTER

import katakit.grading
from katakit.commands.grade import default_jobs
from katakit.grade_cache import GradeCache
from katakit.project import Project
from katakit.runner import SuiteResult

FIXTURE = Path(__file__).parent / "fixtures" / "counter"


def klass(root: Path) -> Path:
    folder = root / "class"
    for student, source in (
        ("alice", GOOD_COUNTER),
        ("bob", mutant_source(FIXTURE, "no_lock")),
        ("carol", "class Counter:\n    pass\n"),
    ):
        (folder / student).mkdir(parents=True)
        (folder / student / "counter.py").write_text(source, encoding="utf-8")
    return folder


@pytest.fixture
def runs(monkeypatch) -> list[str]:
    """The submissions actually run (through the real run_suite), in the order they ran."""
    ran: list[str] = []
    real = katakit.grading.run_suite

    def counting(kata, suite, impl, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        ran.append(impl.parent.name)
        return real(kata, suite, impl, *args, **kwargs)

    monkeypatch.setattr(katakit.grading, "run_suite", counting)
    return ran


def rows(folder: Path) -> list[dict]:
    with (folder.with_name("class-grades") / "results.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_a_rerun_grades_only_what_changed(counter_repo, kata, runs):
    folder = klass(counter_repo)
    code, _, err = kata(counter_repo, "grade", str(folder))
    assert code == 0, err
    assert sorted(runs) == ["alice", "bob", "carol"]
    assert "graded 3 submission(s), 0 unchanged" in err
    first = rows(folder)

    runs.clear()
    code, _, err = kata(counter_repo, "grade", str(folder))
    assert code == 0 and runs == []  # nothing changed: nothing runs
    assert "graded 0 submission(s), 3 unchanged" in err
    assert rows(folder) == first  # and the reports are the same

    (folder / "carol" / "counter.py").write_text(GOOD_COUNTER + "\n# fixed\n", encoding="utf-8")
    (folder / "dave").mkdir()
    (folder / "dave" / "counter.py").write_text(GOOD_COUNTER, encoding="utf-8")  # alice's bytes
    code, _, err = kata(counter_repo, "grade", str(folder))
    # dave's file holds alice's bytes, but its messages must name dave's file: it runs too
    assert code == 0 and sorted(runs) == ["carol", "dave"]
    assert "graded 2 submission(s), 2 unchanged" in err
    carol = {r["behaviour"]: r["status"] for r in rows(folder) if r["student"] == "carol"}
    assert set(carol.values()) == {"pass"}

    runs.clear()
    code, _, err = kata(counter_repo, "grade", str(folder), "--fresh")
    assert code == 0 and sorted(runs) == ["alice", "bob", "carol", "dave"]


def test_a_changed_suite_or_spec_invalidates_every_entry(counter_repo, tmp_path):
    kata = Project(counter_repo).load("counter")
    impl = tmp_path / "counter.py"
    impl.write_text(GOOD_COUNTER)
    cache = GradeCache(tmp_path / "cache", counter_repo / "generated", counter_repo / "specs")
    key = cache.key(kata, impl, 60.0, True)
    assert key == cache.key(kata, impl, 60.0, True)
    assert key != cache.key(kata, impl, 30.0, True)  # another time limit
    assert key != cache.key(kata, impl, 60.0, False)  # sandboxed or not
    twin = tmp_path / "twin" / "counter.py"
    twin.parent.mkdir()
    twin.write_text(GOOD_COUNTER)
    assert key != cache.key(kata, twin, 60.0, True)  # another student's identical file
    suite = counter_repo / "generated" / "counter" / "test_counter.py"
    suite.write_text(suite.read_text() + "\n# regenerated\n")
    fresh = GradeCache(tmp_path / "cache", counter_repo / "generated", counter_repo / "specs")
    assert fresh.key(kata, impl, 60.0, True) != key


def test_only_verdicts_that_belong_to_the_submission_are_kept(tmp_path):
    cache = GradeCache(tmp_path / "cache", tmp_path, tmp_path)
    records = [{"name": "x", "status": "pass", "message": ""}]
    cache.put("a", SuiteResult(Path("s.py"), "complete", records, seconds=1.5))
    cache.put("b", SuiteResult(Path("s.py"), "timed out", records))  # the machine's fault?
    cache.put("c", SuiteResult(Path("s.py"), "error", [], problem="runner died"))
    kept = cache.get("a", Path("t.py"))
    assert kept is not None and kept.status == "complete" and kept.records == records
    assert kept.impl == Path("t.py") and kept.seconds == 1.5
    assert cache.get("b", Path("t.py")) is None and cache.get("c", Path("t.py")) is None
    (tmp_path / "cache" / "a.json").write_text("{not json")
    assert cache.get("a", Path("t.py")) is None  # a damaged entry is graded again
    assert json.loads('"ok"') == "ok"


def test_jobs_default_to_the_cores_available():
    import os

    assert default_jobs() == min(64, len(os.sched_getaffinity(0)))
