"""Navigation (issue 10): plain `kata` and `kata next` say where you are and what is next,
`kata list` shows each kata's status from stored results only, an unknown slug gets a
suggestion, `--impl` to nowhere fails before anything runs, and `kata restore` brings a
backup back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, make_repo

from katakit import console, learner
from katakit.cli import main
from katakit.project import Project

COUNTER = ROOT / "tests" / "fixtures" / "counter"
MINE = "# my attempt\nclass Counter: ...\n"

# (slug, section, difficulty), deliberately not in learning order.
SHELF = [
    ("zz_pool", "concurrency", "beginner"),
    ("bb_state", "design_patterns", "advanced"),
    ("yy_command", "design_patterns", "beginner"),
    ("aa_chain", "design_patterns", "intermediate"),
]
LEARNING_ORDER = ["yy_command", "aa_chain", "bb_state", "zz_pool"]


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    """A generated repository holding four copies of `counter` in two sections."""
    root = make_repo(tmp_path / "repo", COUNTER)
    shutil.rmtree(root / "specs" / "counter")
    spec = (COUNTER / "spec.yaml").read_text(encoding="utf-8")
    for slug, section, difficulty in SHELF:
        folder = root / "specs" / slug
        shutil.copytree(COUNTER, folder)
        (folder / "spec.yaml").write_text(
            spec.replace("slug: counter", f"slug: {slug}")
            .replace("section: concurrency", f"section: {section}")
            .replace("difficulty: beginner", f"difficulty: {difficulty}"),
            encoding="utf-8",
        )
    assert main(["--root", str(root), "generate"]) == 0
    return root


def remember(root: Path, slug: str, passing: int) -> None:
    """Store a result for the solution as it is now, as `kata check` does after a run."""
    from katakit.state import digest, record_result

    project = Project(root)
    kata = project.load(slug)
    records = [
        {"id": b.id, "status": "pass" if n < passing else "fail"}
        for n, b in enumerate(kata.behaviours)
    ]
    suite = project.generated / slug / f"test_{slug}.py"
    record_result(project, slug, digest(project.solution(slug)), digest(suite), records)


def edit(root: Path, slug: str, text: str = MINE) -> None:
    (root / "katas" / slug / "solution.py").write_text(text, encoding="utf-8")


@pytest.fixture
def no_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Navigation answers from stored state: any suite run fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("navigation ran a suite")

    monkeypatch.setattr(learner, "run_suite", refuse)


# 1. plain `kata`


def test_plain_kata_shows_each_section_its_katas_and_the_next(shelf, kata, no_runs):
    edit(shelf, "yy_command")
    remember(shelf, "yy_command", passing=2)  # done
    edit(shelf, "aa_chain")
    remember(shelf, "aa_chain", passing=1)  # in progress
    code, out, err = kata(shelf)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "kata: 1/4 katas done"
    design = lines.index("1. Advanced design patterns")
    concurrency = lines.index("4. Concurrency and multithreading")
    assert design < concurrency
    rows = {
        slug: next(line.split() for line in lines if f" {slug} " in line) for slug in LEARNING_ORDER
    }
    assert rows["yy_command"] == ["✓", "yy_command", "beginner", "done"]
    assert rows["aa_chain"] == ["→", "~", "aa_chain", "intermediate", "in", "progress", "1/2"]
    assert rows["bb_state"] == ["bb_state", "advanced", "not", "started"]
    assert rows["zz_pool"] == ["zz_pool", "beginner", "not", "started"]
    at = [next(i for i, line in enumerate(lines) if f" {slug} " in line) for slug in LEARNING_ORDER]
    assert at == sorted(at) and design < at[0] < at[2] < concurrency < at[3]
    assert "next: aa_chain (design patterns, intermediate; in progress 1/2)" in out
    assert "  check it:  kata check aa_chain" in out
    assert lines[-1] == "`kata --help` lists every command."


def test_plain_kata_outside_a_repository_is_a_one_line_error(tmp_path, kata):
    code, out, err = kata(tmp_path)
    assert code == 2 and out == ""
    assert err.startswith("kata: no katas here:") and err.count("\n") == 1


# 2. `kata next`


def test_next_follows_section_then_difficulty_then_slug(shelf, kata, no_runs):
    for slug in LEARNING_ORDER:
        code, out, _ = kata(shelf, "next")
        assert code == 0
        assert out.startswith(f"next: {slug} (")
        assert f"  solution:  katas/{slug}/solution.py\n" in out
        assert f"  check it:  kata check {slug}\n" in out
        edit(shelf, slug)
        remember(shelf, slug, passing=2)
    code, out, _ = kata(shelf, "next")
    assert code == 0 and out.startswith("Every kata is done (4/4).")


def test_a_checked_pass_makes_the_kata_done(counter_repo, kata):
    """The real loop: `kata check` records the result that `list` and `next` read."""
    shutil.copy(counter_repo / "specs/counter/reference.py", counter_repo / "katas/counter")
    (counter_repo / "katas/counter/reference.py").replace(
        counter_repo / "katas/counter/solution.py"
    )
    assert kata(counter_repo, "next")[1].startswith("next: counter (concurrency, beginner; changed")
    assert kata(counter_repo, "check", "counter")[0] == 0
    code, out, _ = kata(counter_repo, "next")
    assert code == 0 and out.startswith("Every kata is done (1/1).")
    assert "│ done " in kata(counter_repo, "list")[1]


# 3. `kata list`


def test_list_shows_every_status_from_stored_state(shelf, kata, no_runs, monkeypatch):
    monkeypatch.setattr(console.out, "width", 80)
    (shelf / "katas/zz_pool/solution.py").unlink()  # absent: not started
    # yy_command: still the seeded skeleton, even with a stored result: not started
    remember(shelf, "yy_command", passing=0)
    edit(shelf, "aa_chain")
    remember(shelf, "aa_chain", passing=1)  # in progress 1/2
    edit(shelf, "bb_state")
    remember(shelf, "bb_state", passing=2)
    edit(shelf, "bb_state", MINE + "# edited after the check\n")  # changed since
    code, out, _ = kata(shelf, "list")
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    rows = [[c.strip() for c in line.split("│")[1:-1]] for line in lines if line.startswith("│ ")]
    assert rows == [
        ["yy_command", "design patterns", "beginner", "not started"],
        ["aa_chain", "design patterns", "intermediate", "in progress 1/2"],
        ["bb_state", "design patterns", "advanced", "changed, not checked"],
        ["zz_pool", "concurrency", "beginner", "not started"],
    ]
    assert lines[-1] == "0/4 katas done; next: yy_command (`kata next`)"


def test_a_result_for_another_suite_is_not_trusted(shelf, kata, no_runs):
    edit(shelf, "yy_command")
    remember(shelf, "yy_command", passing=2)
    suite = shelf / "generated/yy_command/test_yy_command.py"
    suite.write_text(suite.read_text(encoding="utf-8") + "\n# regenerated\n", encoding="utf-8")
    assert "changed, not checked" in kata(shelf, "list")[1]


def test_list_and_progress_share_section_labels(shelf):
    from katakit.commands import catalogue, progress

    for module in (catalogue, progress):
        assert "section_label" in vars(module), module.__name__


def test_stored_results_ignore_a_damaged_entry(shelf):
    from katakit.state import stored_results

    project = Project(shelf)
    remember(shelf, "aa_chain", passing=1)
    state = shelf / ".kata-state.json"
    text = state.read_text(encoding="utf-8").replace('"solution_sha256"', '"x"')
    state.write_text(text, encoding="utf-8")
    assert stored_results(project) == {}


# 4. did you mean


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["hint"],
        ["reset", "--yes"],
        ["restore"],
        ["solution"],
        ["watch"],
        ["progress"],
        ["mutant", "list"],
    ],
)
def test_an_unknown_slug_gets_a_suggestion(repo, kata, command):
    code, out, err = kata(repo, *command, "lru_cach")
    assert code == 2 and out == ""
    assert err == "kata: unknown kata 'lru_cach'; did you mean lru_cache?\n"


def test_a_slug_like_none_lists_the_katas(repo, kata):
    code, _, err = kata(repo, "check", "qqqqqq")
    assert code == 2 and err == "kata: unknown kata 'qqqqqq'; katas: lru_cache\n"


# 5. --impl to nowhere


def test_impl_that_does_not_exist_fails_before_anything_runs(counter_repo, kata, no_runs):
    code, out, err = kata(counter_repo, "check", "counter", "--impl", "/nonexistent.py")
    assert code == 2 and out == ""
    assert err == "kata: --impl /nonexistent.py: does not exist\n"


def test_impl_that_is_a_folder_is_refused_too(counter_repo, kata, no_runs, tmp_path):
    code, out, err = kata(counter_repo, "check", "counter", "--impl", str(tmp_path), "--json")
    assert code == 2 and out == ""
    assert err == f"kata: --impl {tmp_path}: is not a file\n"


# 6. kata restore


def test_reset_says_how_to_restore(counter_repo, kata):
    edit(counter_repo, "counter")
    code, out, _ = kata(counter_repo, "reset", "counter", "--yes")
    assert code == 0
    assert (
        "kept your solution as katas/counter/solution.py.bak-1; "
        "`kata restore counter` brings it back" in out
    )


def test_restore_brings_back_the_latest_backup_and_keeps_the_current(counter_repo, kata):
    folder = counter_repo / "katas/counter"
    edit(counter_repo, "counter", "# first\n")
    kata(counter_repo, "reset", "counter", "--yes")
    edit(counter_repo, "counter", "# second\n")
    kata(counter_repo, "reset", "counter", "--yes")
    edit(counter_repo, "counter", "# third, not yet backed up\n")
    code, out, _ = kata(counter_repo, "restore", "counter")
    assert code == 0
    assert (folder / "solution.py").read_text(encoding="utf-8") == "# second\n"
    assert (folder / "solution.py.bak-3").read_text(
        encoding="utf-8"
    ) == "# third, not yet backed up\n"
    assert "kept your current solution as katas/counter/solution.py.bak-3" in out
    assert "restored katas/counter/solution.py from solution.py.bak-2" in out
    code, out, _ = kata(counter_repo, "restore", "counter", "--backup", "1")
    assert code == 0 and (folder / "solution.py").read_text(encoding="utf-8") == "# first\n"
    # the second restore kept the second attempt too: nothing is ever lost
    assert (folder / "solution.py.bak-4").read_text(encoding="utf-8") == "# second\n"


def test_restore_over_the_untouched_skeleton_keeps_no_needless_backup(counter_repo, kata):
    folder = counter_repo / "katas/counter"
    edit(counter_repo, "counter")
    kata(counter_repo, "reset", "counter", "--yes")  # solution.py is the skeleton again
    code, out, _ = kata(counter_repo, "restore", "counter")
    assert code == 0 and (folder / "solution.py").read_text(encoding="utf-8") == MINE
    assert sorted(p.name for p in folder.iterdir()) == ["solution.py", "solution.py.bak-1"]
    assert "kept your current" not in out


def test_restore_without_a_backup_refuses(counter_repo, kata):
    before = (counter_repo / "katas/counter/solution.py").read_bytes()
    code, out, err = kata(counter_repo, "restore", "counter")
    assert code == 2 and out == ""
    assert err.startswith("kata: no backup of katas/counter/solution.py to restore")
    assert (counter_repo / "katas/counter/solution.py").read_bytes() == before


def test_restore_of_a_backup_that_is_not_there_lists_those_that_are(counter_repo, kata):
    edit(counter_repo, "counter")
    kata(counter_repo, "reset", "counter", "--yes")
    code, _, err = kata(counter_repo, "restore", "counter", "--backup", "7")
    assert code == 2
    assert err == "kata: no solution.py.bak-7 for counter; there are: solution.py.bak-1\n"
