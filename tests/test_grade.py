"""`kata grade`: one process per submission, in parallel, with reports; a hang stalls no one."""

from __future__ import annotations

import csv
import time
from pathlib import Path

from conftest import mutant_source
from test_broken_solutions import GOOD_COUNTER

FIXTURE = Path(__file__).parent / "fixtures" / "counter"


def submissions(root: Path) -> Path:
    folder = root / "class"
    (folder / "alice" / "counter").mkdir(parents=True)
    (folder / "alice" / "counter" / "solution.py").write_text(GOOD_COUNTER, encoding="utf-8")
    (folder / "bob").mkdir()
    (folder / "bob" / "counter.py").write_text(mutant_source(FIXTURE, "no_lock"), encoding="utf-8")
    (folder / "carol").mkdir()
    (folder / "carol" / "counter.py").write_text(
        GOOD_COUNTER.replace("self._value = start", "while True: pass"), encoding="utf-8"
    )
    (folder / "dave").mkdir()
    (folder / "dave" / "notes.txt").write_text("not code", encoding="utf-8")
    return folder


def test_grades_a_class_into_markdown_html_and_csv(counter_repo, kata):
    folder = submissions(counter_repo)
    start = time.monotonic()
    code, out, err = kata(counter_repo, "grade", str(folder), "--timeout", "40")
    assert code == 0, err
    assert time.monotonic() - start < 60  # carol's endless loop costs seconds, not the run
    assert "ignored dave/notes.txt" in err
    reports = folder.with_name("class-grades")  # beside the submissions, never inside them
    rows = list(csv.DictReader((reports / "results.csv").open(encoding="utf-8")))
    by_student = {}
    for row in rows:
        by_student.setdefault(row["student"], {})[row["behaviour"]] = row["status"]
    assert by_student["alice"] == {
        "counts_up_from_the_start": "pass",
        "never_loses_an_increment_under_threads": "pass",
    }
    assert by_student["bob"] == {
        "counts_up_from_the_start": "pass",
        "never_loses_an_increment_under_threads": "fail",
    }
    assert set(by_student["carol"].values()) == {"fail"}
    assert {row["behaviour_id"] for row in rows} == {
        "7a0d2f5e-6f4e-4c4b-9f34-2b7f3c1d9a01",
        "0c8b1a5e-3d2f-4e6a-8b7c-9d0e1f2a3b4c",
    }
    report = (reports / "report.md").read_text(encoding="utf-8")
    assert "| alice | alice/counter/solution\\.py | counter | 2 | 2 | graded |" in report
    assert "| bob | bob/counter\\.py | counter | 1 | 2 | graded |" in report
    assert "| carol | carol/counter\\.py | counter | 0 | 2 | hang |" in report
    assert "- never_loses_an_increment_under_threads (fail)" in report
    assert "<td>carol</td>" in (reports / "report.html").read_text(encoding="utf-8")


def test_an_empty_folder_is_an_error(counter_repo, kata):
    (counter_repo / "empty").mkdir()
    code, _, err = kata(counter_repo, "grade", str(counter_repo / "empty"))
    assert code == 1 and "no submissions found" in err
