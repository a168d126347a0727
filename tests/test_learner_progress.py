"""`kata progress` and `kata solution`: the learner's scoreboard, and the reward at the end."""

from __future__ import annotations

import re

from conftest import ROOT

REFERENCE = (ROOT / "tests/fixtures/counter/reference.py").read_text(encoding="utf-8")


def solve(root) -> None:
    (root / "katas/counter/solution.py").write_text(REFERENCE, encoding="utf-8")


def row(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("│ counter"))


def test_progress_shows_each_kata_and_an_overall_bar(counter_repo, kata):
    kata(counter_repo, "hint", "counter")
    code, out, _ = kata(counter_repo, "progress")
    assert code == 0
    for heading in ("kata", "section", "difficulty", "passing", "hints"):
        assert heading in out
    assert re.search(r"counter\s+│ concurrency\s+│ beginner\s+│ 0/2\s+│ 1/3", row(out))
    assert "overall ░░░" in out
    assert "0/2 behaviours; 0/1 katas solved" in out


def test_progress_counts_a_solved_kata(counter_repo, kata):
    solve(counter_repo)
    code, out, _ = kata(counter_repo, "progress", "--jobs", "2")
    assert code == 0
    assert "✓ 2/2" in row(out)
    assert "2/2 behaviours; 1/1 katas solved" in out


def test_progress_says_when_a_kata_has_no_solution(counter_repo, kata):
    (counter_repo / "katas/counter/solution.py").unlink()
    code, out, _ = kata(counter_repo, "progress")
    assert code == 0
    assert "no solution.py" in row(out)


def test_solution_is_held_back_until_the_suite_passes(counter_repo, kata):
    code, out, err = kata(counter_repo, "solution", "counter")
    assert code == 1
    assert out == ""
    assert "unlocks once your solution passes every behaviour; counter: 0/2 pass" in err
    assert "--force" in err


def test_solution_is_shown_once_the_suite_passes(counter_repo, kata):
    solve(counter_repo)
    code, out, _ = kata(counter_repo, "solution", "counter")
    assert code == 0
    assert out == f"# specs/counter/reference.py\n{REFERENCE.rstrip()}\n"


def test_solution_force_shows_it_anyway(counter_repo, kata):
    code, out, _ = kata(counter_repo, "solution", "counter", "--force")
    assert code == 0
    assert "class Counter:" in out
    assert "self._lock = threading.Lock()" in out
