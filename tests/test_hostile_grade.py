"""`kata grade` over a class holding a saboteur: nobody else's grade or files can be touched.

The saboteur tries every attack of issue 8 at once; hostile folder names try to break the
reports. The correct solution still gets full marks, everything outside the saboteur's
own sandbox is byte-identical afterwards, no process is left behind, and the reports hold
no raw HTML and no formula cells.
"""

from __future__ import annotations

import csv
import os
import subprocess
from pathlib import Path

from conftest import mutant_source, needs_sandbox
from test_broken_solutions import GOOD_COUNTER

from katakit import sandbox

FIXTURE = Path(__file__).parent / "fixtures" / "counter"
HOSTILE_NAMES = [
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    '=HYPERLINK("evil.example";"x")',
    "@SUM(1+1)",
    "\x1b[2Jred",
    "[bold red]boom",
    "grades",
]


def saboteur(folder: Path, root: Path, marker: str) -> str:
    """Every attack at once: siblings, the suite, bytecode, other runs, the reports, the results."""
    alice = folder / "alice" / "counter" / "solution.py"
    suite = root / "generated" / "counter" / "test_counter.py"
    reports = folder.with_name(folder.name + "-grades")
    return f"""
import json, os, signal, subprocess, sys
for path in ({str(alice)!r}, {str(suite)!r}):
    try:
        open(path, "w").write("raise SystemExit(0)\\n")
    except OSError:
        pass
try:
    os.makedirs({str(suite.parent / "__pycache__")!r}, exist_ok=True)
    open({str(suite.parent / "__pycache__" / "test_counter.cpython-311.pyc")!r}, "wb").write(b"x")
except OSError:
    pass
for pid in os.listdir("/proc"):
    if pid.isdigit() and int(pid) != os.getpid():
        try:
            if b"pytest" in open(f"/proc/{{pid}}/cmdline", "rb").read():
                os.kill(int(pid), signal.SIGKILL)
        except OSError:
            pass
subprocess.Popen([sys.executable, "-c", '''
import time, os
time.sleep(1)
for name in ("report.md", "results.csv"):
    try:
        open(os.path.join({str(reports)!r}, name), "w").write("=HYPERLINK(1)")
    except OSError:
        pass
''', {marker!r}], start_new_session=True)
plan = json.load(open(sys.argv[sys.argv.index("--kata-fork-plan") + 1]))
open(plan["runs"][0]["results"], "w").write("{{not json")
os._exit(0)
"""


def skeleton_of(root: Path) -> str:
    return (root / "generated/counter/skeleton.py").read_text(encoding="utf-8")


def snapshot(*folders: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for f in folders for p in sorted(f.rglob("*")) if p.is_file()}


@needs_sandbox
def test_a_saboteur_in_the_class_damages_no_one(counter_repo, kata, tmp_path):
    folder = tmp_path / "class"
    marker = f"kata-saboteur-{os.getpid()}"
    (folder / "alice" / "counter").mkdir(parents=True)
    (folder / "alice" / "counter" / "solution.py").write_text(GOOD_COUNTER, encoding="utf-8")
    (folder / "mallory").mkdir()
    (folder / "mallory" / "counter.py").write_text(
        saboteur(folder, counter_repo, marker), encoding="utf-8"
    )
    (folder / "dora" / "counter").mkdir(parents=True)  # two submissions of one kata: two rows
    (folder / "dora" / "counter.py").write_text(GOOD_COUNTER, encoding="utf-8")
    (folder / "dora" / "counter" / "solution.py").write_text(skeleton_of(counter_repo), "utf-8")
    (folder / "sam").mkdir()
    skeleton = (counter_repo / "generated/counter/skeleton.py").read_text(encoding="utf-8")
    (folder / "sam" / "counter.py").write_text(skeleton, encoding="utf-8")
    for name in HOSTILE_NAMES:
        (folder / name).mkdir()
        (folder / name / "counter.py").write_text(mutant_source(FIXTURE, "no_lock"), "utf-8")
    before = snapshot(folder, counter_repo / "generated", counter_repo / "specs")

    code, out, err = kata(counter_repo, "grade", str(folder))

    assert code == 0, err
    assert snapshot(folder, counter_repo / "generated", counter_repo / "specs") == before
    assert subprocess.run(["pgrep", "-f", marker], capture_output=True).stdout == b""
    reports = tmp_path / "class-grades"
    rows = list(csv.DictReader((reports / "results.csv").open(encoding="utf-8")))
    score = {}
    for row in rows:
        score.setdefault(row["submission"], []).append(row["status"])
    assert score["alice/counter/solution.py"] == ["pass", "pass"]
    assert "pass" not in score["mallory/counter.py"]
    assert "pass" not in score["sam/counter.py"]
    assert "grades/counter.py" in score  # a student called "grades" is just a student
    assert score["dora/counter.py"] == ["pass", "pass"]
    assert "pass" not in score["dora/counter/solution.py"]
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@")), cell
    markdown = (reports / "report.md").read_text(encoding="utf-8")
    page = (reports / "report.html").read_text(encoding="utf-8")
    assert "<img" not in markdown and "](javascript" not in markdown
    assert "<img" not in page and "\x1b" not in page + markdown + out
    assert "| mallory | mallory/counter\\.py | counter | 0 | 2 | error |" in markdown
    assert "<a href='results.csv'>" in page and "<details>" in page
    assert "[bold" in out  # rich markup in a folder name is shown as typed, not applied


def test_grade_validates_its_options(counter_repo, kata, tmp_path):
    folder = tmp_path / "class"
    (folder / "alice").mkdir(parents=True)
    (folder / "alice" / "counter.py").write_text(GOOD_COUNTER, encoding="utf-8")
    for option in (
        ["--timeout", "nan"],
        ["--timeout", "-1"],
        ["--timeout", "inf"],
        ["--jobs", "0"],
    ):
        code, _, err = kata(counter_repo, "grade", str(folder), *option)
        assert code == 2 and "must be" in err, (option, err)
    code, _, err = kata(counter_repo, "grade", str(folder), "--out", str(folder / "grades"))
    assert code == 2 and "inside the submissions folder" in err


def test_grade_refuses_to_run_unsandboxed_unless_told(counter_repo, kata, tmp_path, monkeypatch):
    folder = tmp_path / "class"
    (folder / "alice").mkdir(parents=True)
    (folder / "alice" / "counter.py").write_text(GOOD_COUNTER, encoding="utf-8")
    monkeypatch.setenv("KATA_NO_SANDBOX", "1")
    sandbox.unavailable.cache_clear()
    try:
        code, _, err = kata(counter_repo, "grade", str(folder))
        assert code == 2 and "--no-sandbox" in err
        code, out, err = kata(counter_repo, "grade", str(folder), "--no-sandbox")
        assert code == 0 and "grading without a sandbox" in err
        assert "2/2" in out
    finally:
        monkeypatch.delenv("KATA_NO_SANDBOX")
        sandbox.unavailable.cache_clear()


@needs_sandbox
def test_a_short_timeout_keeps_the_behaviours_that_finished(counter_repo, kata, tmp_path):
    folder = tmp_path / "class"
    (folder / "carol").mkdir(parents=True)
    hangs_under_threads = GOOD_COUNTER.replace(
        "        with self._lock:\n",
        "        import threading\n"
        "        if threading.current_thread() is not threading.main_thread():\n"
        "            while True:\n"
        "                pass\n"
        "        with self._lock:\n",
    )
    (folder / "carol" / "counter.py").write_text(hangs_under_threads, encoding="utf-8")
    code, out, err = kata(counter_repo, "grade", str(folder), "--timeout", "8")
    assert code == 0, err
    assert "1/2" in out
