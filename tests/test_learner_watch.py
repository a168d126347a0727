"""`kata watch`: a save in katas/<slug>/ re-runs the suite within 2 s and redraws the summary.

The watcher runs in a subprocess, as a learner starts it; its output is read by a thread and
every wait has a deadline, so a broken watcher fails the test instead of hanging it.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT

from katakit.commands import watch as watch_command
from katakit.learner import Outcome

REFERENCE = (ROOT / "tests/fixtures/counter/reference.py").read_text(encoding="utf-8")
RERUN_WITHIN = 2.0  # seconds from a save to the re-run starting
SUITE_DEADLINE = 60.0  # generous: one suite run on a loaded machine


class Watcher:
    """`kata watch counter --no-clear --max-runs 2`, with its output lines on a queue."""

    def __init__(self, root: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "katakit.cli", "--root", str(root), "watch", "counter", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_for(self, text: str, within: float) -> float:
        """Seconds until a line containing `text` appears; fails after `within` seconds."""
        start = time.monotonic()
        deadline = start + within
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                pytest.fail(f"kata watch exited before printing {text!r}:\n" + "\n".join(self.seen))
            self.seen.append(line)
            if text in line:
                return time.monotonic() - start
        pytest.fail(f"no {text!r} within {within} s; output so far:\n" + "\n".join(self.seen))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)


@pytest.fixture
def watcher(counter_repo):
    started: list[Watcher] = []

    def start(*args: str, env: dict[str, str] | None = None) -> Watcher:
        started.append(Watcher(counter_repo, *args, env=env))
        return started[-1]

    yield start
    for w in started:
        w.stop()


@pytest.mark.parametrize("flags", [(), ("--poll",)], ids=["os-events", "polling"])
def test_a_save_reruns_the_suite_within_two_seconds(counter_repo, watcher, flags):
    w = watcher("--no-clear", "--max-runs", "2", *flags)
    w.wait_for("run 1 at", SUITE_DEADLINE)
    w.wait_for("░ 0/2 behaviours pass", 5)
    w.wait_for("next: ✗ counts_up_from_the_start", 5)
    w.wait_for("watching katas/counter/ for changes", SUITE_DEADLINE)

    # Only Python files count: notes and backups (from `kata reset`) trigger nothing.
    (counter_repo / "katas/counter/notes.txt").write_text("ideas\n", encoding="utf-8")
    (counter_repo / "katas/counter/solution.py.bak-1").write_text("old\n", encoding="utf-8")
    (counter_repo / "katas/counter/solution.py").write_text(REFERENCE, encoding="utf-8")
    assert w.wait_for("changed: solution.py; running the suite again", 10) < RERUN_WITHIN

    w.wait_for("run 2 at", SUITE_DEADLINE)
    w.wait_for("█ 2/2 behaviours pass", 5)
    w.wait_for("✓ every behaviour passes", 5)
    w.wait_for("stopped watching katas/counter/ after 2 run(s)", 10)
    assert w.process.wait(timeout=10) == 0


def test_max_runs_one_runs_once_and_exits(counter_repo, kata):
    code, out, _ = kata(counter_repo, "watch", "counter", "--no-clear", "--max-runs", "1")
    assert code == 1  # the skeleton fails
    assert "run 1 at" in out
    assert "0/2 behaviours pass" in out
    assert "step 1: counter = Counter(5): not implemented yet" in out
    assert "changed:" not in out


@pytest.mark.parametrize(
    ("flags", "env", "forced"),
    [
        ((), {}, None),
        (("--poll",), {}, True),
        ((), {"KATA_WATCH_POLL": "1"}, True),
        ((), {"KATA_WATCH_POLL": "0"}, None),
    ],
)
def test_polling_is_chosen_by_flag_or_environment(
    counter_repo, kata, monkeypatch, flags, env, forced
):
    seen: dict = {}

    def fake_watch(*paths, **options):  # armed at once, then Ctrl+C
        seen.update(options, paths=paths)
        yield set()

    monkeypatch.setattr(watch_command.watchfiles, "watch", fake_watch)
    monkeypatch.setattr(
        watch_command, "run_learner_suite", lambda project, kata: Outcome(kata, None, "x")
    )
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code, out, _ = kata(counter_repo, "watch", "counter", "--no-clear", *flags)
    assert seen["force_polling"] is forced
    assert seen["paths"] == (counter_repo / "katas/counter",)
    assert "stopped watching katas/counter/ after 1 run(s)" in out
    assert code == 1


def test_an_unknown_kata_is_a_clear_error(counter_repo, kata):
    code, _, err = kata(counter_repo, "watch", "no_such_kata", "--max-runs", "1")
    assert code == 2
    assert "unknown kata 'no_such_kata'" in err
