"""`kata reset`: back to the skeleton, and never a lost line of the learner's work."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

MINE = "# my attempt, with hours of work in it\nclass Counter: ...\n"


class Terminal(io.StringIO):
    """A stdin that claims to be a terminal, holding the learner's answer."""

    def isatty(self) -> bool:
        return True


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def fresh_solution(root: Path) -> str:
    """What `kata generate` seeded, before the test touches it."""
    return (root / "katas/counter/solution.py").read_text(encoding="utf-8")


def test_yes_resets_and_keeps_the_old_solution_as_a_backup(counter_repo, kata):
    folder = counter_repo / "katas/counter"
    seeded = fresh_solution(counter_repo)
    (folder / "solution.py").write_text(MINE, encoding="utf-8")
    code, out, _ = kata(counter_repo, "reset", "counter", "--yes")
    assert code == 0
    assert "kept your solution as katas/counter/solution.py.bak-1" in out
    assert (folder / "solution.py.bak-1").read_text(encoding="utf-8") == MINE
    assert (folder / "solution.py").read_text(encoding="utf-8") == seeded


def test_existing_backups_are_never_overwritten(counter_repo, kata):
    folder = counter_repo / "katas/counter"
    (folder / "solution.py.bak-1").write_text("first backup\n", encoding="utf-8")
    (folder / "solution.py.bak-3").write_text("third backup\n", encoding="utf-8")
    (folder / "solution.py").write_text(MINE, encoding="utf-8")
    before = snapshot(folder)
    code, out, _ = kata(counter_repo, "reset", "counter", "--yes")
    assert code == 0
    after = snapshot(folder)
    assert after["solution.py.bak-1"] == before["solution.py.bak-1"]
    assert after["solution.py.bak-3"] == before["solution.py.bak-3"]
    assert after["solution.py.bak-4"] == MINE.encode()
    assert set(after) == {
        "solution.py",
        "solution.py.bak-1",
        "solution.py.bak-3",
        "solution.py.bak-4",
    }
    # A second reset after more work makes yet another backup.
    (folder / "solution.py").write_text(MINE + "# more\n", encoding="utf-8")
    kata(counter_repo, "reset", "counter", "--yes")
    assert (folder / "solution.py.bak-5").read_text(encoding="utf-8") == MINE + "# more\n"
    assert snapshot(folder)["solution.py.bak-4"] == MINE.encode()


def test_without_a_terminal_or_yes_it_refuses_and_changes_nothing(counter_repo):
    folder = counter_repo / "katas/counter"
    (folder / "solution.py").write_text(MINE, encoding="utf-8")
    (folder / "solution.py.bak-1").write_text("older\n", encoding="utf-8")
    before = snapshot(folder)
    done = subprocess.run(
        [sys.executable, "-m", "katakit.cli", "--root", str(counter_repo), "reset", "counter"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "not resetting without confirmation" in done.stderr
    assert "--yes" in done.stderr
    assert snapshot(folder) == before


@pytest.mark.parametrize("answer", ["n\n", "\n", ""])
def test_answering_anything_but_yes_changes_nothing(counter_repo, kata, monkeypatch, answer):
    folder = counter_repo / "katas/counter"
    (folder / "solution.py").write_text(MINE, encoding="utf-8")
    before = snapshot(folder)
    monkeypatch.setattr(sys, "stdin", Terminal(answer))
    code, out, _ = kata(counter_repo, "reset", "counter")
    assert code == 1
    assert "Replace katas/counter/solution.py with the skeleton?" in out
    assert "solution.py.bak-1" in out  # the question says where the work would be kept
    assert snapshot(folder) == before


def test_answering_yes_on_a_terminal_resets(counter_repo, kata, monkeypatch):
    folder = counter_repo / "katas/counter"
    seeded = fresh_solution(counter_repo)
    (folder / "solution.py").write_text(MINE, encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", Terminal("y\n"))
    code, _, _ = kata(counter_repo, "reset", "counter")
    assert code == 0
    assert (folder / "solution.py").read_text(encoding="utf-8") == seeded
    assert (folder / "solution.py.bak-1").read_text(encoding="utf-8") == MINE


def test_an_untouched_solution_needs_no_backup(counter_repo, kata):
    folder = counter_repo / "katas/counter"
    before = snapshot(folder)
    code, out, _ = kata(counter_repo, "reset", "counter")
    assert code == 0
    assert "already the skeleton; nothing to do" in out
    assert snapshot(folder) == before


def test_a_deleted_solution_is_restored_without_asking(counter_repo, kata):
    folder = counter_repo / "katas/counter"
    seeded = fresh_solution(counter_repo)
    (folder / "solution.py").unlink()
    code, _, _ = kata(counter_repo, "reset", "counter")
    assert code == 0
    assert (folder / "solution.py").read_text(encoding="utf-8") == seeded
    assert sorted(p.name for p in folder.iterdir()) == ["solution.py"]


def test_without_a_skeleton_it_says_to_generate(counter_repo, kata):
    folder = counter_repo / "katas/counter"
    (folder / "solution.py").write_text(MINE, encoding="utf-8")
    (counter_repo / "generated/counter/skeleton.py").unlink()
    code, _, err = kata(counter_repo, "reset", "counter", "--yes")
    assert code == 2
    assert "run `kata generate` first" in err
    assert snapshot(folder) == {"solution.py": MINE.encode()}
