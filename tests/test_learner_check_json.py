"""`kata check --json`: only Exercism-style results.json (v3) on stdout, one test per behaviour."""

from __future__ import annotations

import json

from conftest import ROOT

COUNTER = ROOT / "tests/fixtures/counter"
NAMES = ["counts_up_from_the_start", "never_loses_an_increment_under_threads"]
# Ignores `start`: fails the scenario, and (deterministically) passes the threaded behaviour.
IGNORES_START = (
    COUNTER.joinpath("reference.py")
    .read_text(encoding="utf-8")
    .replace("self._value = start", "self._value = 0")
)


def results(kata, root, *args: str) -> tuple[int, dict]:
    code, out, _ = kata(root, "check", "counter", "--json", *args)
    return code, json.loads(out)  # fails unless stdout is the JSON and nothing else


def test_a_failing_solution_reports_every_behaviour_in_spec_order(counter_repo, kata):
    (counter_repo / "katas/counter/solution.py").write_text(IGNORES_START, encoding="utf-8")
    code, data = results(kata, counter_repo)
    assert code == 1
    assert data["version"] == 3
    assert data["status"] == "fail"
    assert data["message"] is None
    assert [t["name"] for t in data["tests"]] == NAMES
    failing, passing = data["tests"]
    assert failing["status"] == "fail"
    assert failing["id"] == "7a0d2f5e-6f4e-4c4b-9f34-2b7f3c1d9a01"
    assert failing["kind"] == "scenario"
    assert failing["test_code"] == "counter = Counter(5)\ncounter.increment()\ncounter.value"
    assert "expected: 6" in failing["message"]
    assert "got:      1" in failing["message"]
    assert passing == {
        "name": "never_loses_an_increment_under_threads",
        "status": "pass",
        "message": None,
        "id": "0c8b1a5e-3d2f-4e6a-8b7c-9d0e1f2a3b4c",
        "kind": "concurrency",
        "test_code": "counter = Counter()\n# in each of 8 threads, started together:\n"
        "for _ in range(200):\n    counter.increment()\ncounter.value",
    }


def test_a_passing_solution_is_status_pass_and_exit_0(counter_repo, kata):
    code, data = results(kata, counter_repo, "--impl", str(COUNTER / "reference.py"))
    assert code == 0
    assert data["status"] == "pass"
    assert {t["status"] for t in data["tests"]} == {"pass"}


def test_a_missing_suite_is_status_error_with_a_message(counter_repo, kata):
    (counter_repo / "generated/counter/test_counter.py").unlink()
    code, data = results(kata, counter_repo)
    assert code == 2
    assert data["status"] == "error"
    assert "run `kata generate` first" in data["message"]
    assert [t["status"] for t in data["tests"]] == ["error", "error"]


def test_text_mode_is_unchanged(counter_repo, kata):
    code, out, _ = kata(counter_repo, "check", "counter")
    assert code == 1
    assert "counter: 0/2 behaviours pass" in out
    assert not out.lstrip().startswith("{")
