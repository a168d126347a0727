"""However a solution is broken, `kata check` explains it, within the timeout, and carries on."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import mutant_source

GOOD_COUNTER = """
import threading

class Counter:
    def __init__(self, start=0):
        self._value = start
        self._lock = threading.Lock()

    def increment(self):
        with self._lock:
            self._value += 1
            return self._value

    @property
    def value(self):
        return self._value
"""


def check(root: Path, source: str) -> tuple[int, str, float]:
    """Run `kata check counter` in a subprocess, as a learner would, against `source`."""
    impl = root / "attempt.py"
    impl.write_text(textwrap.dedent(source), encoding="utf-8")
    start = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "katakit.cli",
            "--root",
            str(root),
            "check",
            "counter",
            "--impl",
            str(impl),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode, done.stdout + done.stderr, time.monotonic() - start


def test_a_correct_solution_passes(counter_repo):
    code, output, _ = check(counter_repo, GOOD_COUNTER)
    assert code == 0, output
    assert "counter: 2/2 behaviours pass" in output


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "class Counter(:\n    pass\n",
            "attempt.py:1:15: your solution has a syntax error",
            id="syntax-error",
        ),
        pytest.param(
            "raise RuntimeError('boom')\n",
            "raised RuntimeError: boom at line 1 while being imported",
            id="raises-at-import",
        ),
        pytest.param(
            "import sys\nsys.exit(3)\n",
            "called sys.exit(3) while being imported",
            id="exits-at-import",
        ),
        pytest.param(
            "while True:\n    pass\n",
            "did not finish importing within the time limit",
            id="loops-at-import",
        ),
        pytest.param(
            "VALUE = 1\n",
            "does not define `Counter`, which this behaviour needs",
            id="lacks-a-class",
        ),
        pytest.param(
            GOOD_COUNTER.replace("def increment(self):", "def increase(self):"),
            "Counter has no attribute 'increment'; the kata's interface requires it",
            id="lacks-a-method",
        ),
        pytest.param(
            GOOD_COUNTER.replace(
                "with self._lock:", "import sys; sys.exit(0)\n        with self._lock:"
            ),
            "the solution called sys.exit(); a library must never exit the process",
            id="exits-in-a-method",
        ),
        pytest.param(
            GOOD_COUNTER.replace("with self._lock:", "while True: pass\n        with self._lock:"),
            "did not finish within",
            id="loops-forever",
        ),
        pytest.param(
            GOOD_COUNTER.replace(
                "with self._lock:", "self._lock.acquire()\n        with self._lock:"
            ),
            "did not finish within",
            id="deadlocks",
        ),
    ],
)
def test_a_broken_solution_gets_a_specific_explanation(counter_repo, source, expected):
    code, output, seconds = check(counter_repo, source)
    assert code == 1
    assert expected in output
    assert "Traceback" not in output
    assert seconds < 30


def test_threads_a_solution_never_stops_do_not_hang_the_run(counter_repo):
    source = GOOD_COUNTER.replace(
        "self._lock = threading.Lock()",
        "self._lock = threading.Lock()\n        threading.Thread(target=threading.Event().wait).start()",
    )
    code, output, seconds = check(counter_repo, source)
    assert code == 0, output
    assert "counter: 2/2 behaviours pass" in output
    assert seconds < 30


def test_a_missing_lock_is_caught_by_the_concurrency_behaviour(counter_repo):
    source = mutant_source(Path(__file__).parent / "fixtures" / "counter", "no_lock")
    code, output, _ = check(counter_repo, source)
    assert code == 1
    assert "never_loses_an_increment_under_threads" in output
    assert "expected: 1600" in output
