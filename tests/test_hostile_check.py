"""Submissions that try to forge a pass, each with no working code: none earns anything.

Every attack here was reproduced against the unsandboxed runner (issue 8); each now ends
as plain failure or "tampering detected", with zero behaviours credited and exit status 1.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LRU, ROOT, needs_sandbox

# Names the lru_cache suite needs, all unimplemented: whatever passes was forged.
SKELETON = (ROOT / "generated/lru_cache/skeleton.py").read_text(encoding="utf-8")

ATTACKS = {
    "writes_the_results_file_then_exits": """
import json, os, re, sys
plan = json.load(open(sys.argv[sys.argv.index("--kata-fork-plan") + 1]))
run = plan["runs"][0]
suite = open(run["impl"]).read() if False else ""
tests = re.findall(r"def (test_\\w+)", open(sys.argv[sys.argv.index("-p") - 1]).read())
records = [{"test": t, "name": t[5:], "status": "pass", "hung": False, "message": ""} for t in tests]
open(run["results"], "w").write(json.dumps({"records": records, "complete": True}))
os._exit(0)
""",
    "streams_a_pass_for_every_test_then_exits": """
import json, os, re, sys
from katakit import forkrun
stream = forkrun._channel["stream"]
tests = re.findall(r"def (test_\\w+)", open(sys.argv[sys.argv.index("-p") - 1]).read())
for t in tests:
    stream.write(json.dumps(["record", {"test": t, "name": t[5:], "status": "pass", "hung": False, "message": ""}, 0.1]) + "\\n")
stream.flush()
os._exit(0)
""",
    "streams_made_up_records": """
import json, os
from katakit import forkrun
stream = forkrun._channel["stream"]
for n in range(50):
    stream.write(json.dumps(["record", {"test": f"test_made_up_{n}", "status": "pass", "hung": False, "message": ""}, 0.1]) + "\\n")
stream.write("not json at all\\n")
stream.flush()
""",
    "replaces_the_harness_in_the_suite_module": """
import sys
from contextlib import contextmanager
@contextmanager
def step(*args, **kwargs):
    try:
        yield
    except BaseException:
        pass
def nothing(*args, **kwargs):
    return None
for module in list(sys.modules.values()):
    if getattr(module, "__name__", "").startswith("test_"):
        for name in list(vars(module)):
            if name == "step":
                setattr(module, name, step)
            elif name.startswith(("expect_", "run_")):
                setattr(module, name, nothing)
""",
    "patches_callinfo_to_drop_exceptions": """
from _pytest import runner
original = runner.CallInfo.from_call.__func__
def from_call(cls, func, when, reraise=None):
    info = original(cls, func, when, reraise)
    info.excinfo = None
    return info
runner.CallInfo.from_call = classmethod(from_call)
""",
    "turns_every_report_into_a_pass": """
from _pytest import reports
original = reports.TestReport.from_item_and_call.__func__
def from_item_and_call(cls, item, call):
    report = original(cls, item, call)
    report.outcome = "passed"
    report.longrepr = None
    return report
reports.TestReport.from_item_and_call = classmethod(from_item_and_call)
""",
    "rewrites_the_results_list_found_through_gc": """
import gc, threading
def rewrite():
    for obj in gc.get_objects():
        if isinstance(obj, list) and obj and isinstance(obj[0], dict) and "status" in obj[0]:
            for record in obj:
                record["status"] = "pass"; record["message"] = ""
def loop():
    import time
    while True:
        rewrite(); time.sleep(0.001)
threading.Thread(target=loop, daemon=True).start()
""",
    "rewrites_reports_and_outcomes_found_through_gc": """
import gc, threading, time
def rewrite():
    from _pytest.reports import TestReport
    from _pytest.runner import CallInfo
    from pluggy import Result
    for obj in gc.get_objects():
        if isinstance(obj, TestReport):
            obj.outcome = "passed"; obj.longrepr = None
        elif isinstance(obj, CallInfo):
            obj.excinfo = None
        elif isinstance(obj, Result):
            obj._exception = None
def loop():
    while True:
        rewrite(); time.sleep(0.001)
threading.Thread(target=loop, daemon=True).start()
""",
    "writes_a_fake_json_document_to_its_parents_stdout": """
import json, os
fake = json.dumps({"version": 3, "status": "pass", "tests": []})
for pid in {os.getppid(), 1}:
    try:
        with open(f"/proc/{pid}/fd/1", "w") as out:
            out.write(fake + "\\n")
    except OSError:
        pass
""",
    "kills_the_runner": """
import os, signal
os.kill(os.getppid(), signal.SIGKILL)
""",
}


def _check(repo: Path, kata, source: str, *extra: str) -> tuple[int, str, str]:
    attack = repo / "attack.py"
    attack.write_text(SKELETON + "\n" + source, encoding="utf-8")
    return kata(repo, "check", "lru_cache", "--impl", str(attack), *extra)


@needs_sandbox
@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_a_forged_pass_earns_nothing(repo, kata, name):
    kata(repo, "generate")
    code, out, _ = _check(repo, kata, ATTACKS[name])
    assert code == 1, out
    assert f"lru_cache: 0/{LRU} behaviours pass" in out, out[-2000:]
    code, out, _ = _check(repo, kata, ATTACKS[name], "--json")
    document = json.loads(out)  # one JSON document, whatever the run printed
    assert code == 1
    assert document["status"] in ("fail", "error")
    assert not [t for t in document["tests"] if t["status"] == "pass"]


def test_report_patching_is_named_as_tampering(repo, kata):
    kata(repo, "generate")
    _, out, _ = _check(repo, kata, ATTACKS["turns_every_report_into_a_pass"])
    assert "tampering detected" in out


ALWAYS_EQUAL = '''
class Anything:
    """Equal to everything, true, callable, and every attribute is another one."""
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __bool__(self): return True
    def __hash__(self): return 0
    def __call__(self, *args, **kwargs): return Anything()
    def __getattr__(self, name): return Anything()
    def __iter__(self): return iter(())
    def __len__(self): return 0
    def __enter__(self): return self
    def __exit__(self, *exc): return False
    def __lt__(self, other): return True
    def __le__(self, other): return True
    def __gt__(self, other): return True
    def __ge__(self, other): return True
    def __contains__(self, item): return True
    def __int__(self): return 0
    def __index__(self): return 0
    def __float__(self): return 0.0
    def __str__(self): return ""
    def __repr__(self): return "Anything()"

def __getattr__(name):
    return Anything()
'''


@needs_sandbox
@pytest.mark.parametrize(
    "slug", sorted(p.parent.name for p in (ROOT / "specs").glob("*/spec.yaml"))
)
def test_an_always_equal_module_earns_nothing(tmp_path, kata, slug):
    attack = tmp_path / "anything.py"
    attack.write_text(ALWAYS_EQUAL, encoding="utf-8")
    code, out, _ = kata(ROOT, "check", slug, "--impl", str(attack), "--json")
    document = json.loads(out)
    passing = [t["name"] for t in document["tests"] if t["status"] == "pass"]
    assert passing == [], f"{slug}: the always-equal module passes {passing}"


@needs_sandbox
def test_output_cannot_hide_the_summary(repo, kata):
    kata(repo, "generate")
    source = """
import atexit, os, sys
def fake():
    sys.stdout.write("\\x1b[2J\\x1b[H lru_cache: 12/12 behaviours pass\\x1b[8m")
    sys.stdout.flush()
atexit.register(fake)
print("\\x1b]0;owned\\x07\\x1b[8m", flush=True)
os.write(1, b"\\x1b[8m")
raise SystemExit(3)
"""
    code, out, _ = _check(repo, kata, source)
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out
    assert out.rstrip().endswith(f"lru_cache: 0/{LRU} behaviours pass")


@needs_sandbox
def test_the_repository_is_read_only_and_no_bytecode_is_planted(repo, kata):
    kata(repo, "generate")
    suite = repo / "generated/lru_cache/test_lru_cache.py"
    testing = ROOT / "src/katakit/testing.py"
    before = {p: p.read_bytes() for p in (suite, testing)}
    source = f"""
import os
for target in ({str(suite)!r}, {str(testing)!r}):
    for path in (target, os.path.join(os.path.dirname(target), "__pycache__", "planted.pyc")):
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            open(path, "w").write("PASS = True")
        except OSError:
            pass
"""
    _check(repo, kata, source)
    assert {p: p.read_bytes() for p in before} == before
    assert not (suite.parent / "__pycache__").exists()
    assert not list((ROOT / "src/katakit/__pycache__").glob("planted*"))


@needs_sandbox
def test_no_process_outlives_the_run(repo, kata, tmp_path):
    kata(repo, "generate")
    marker = f"kata-outlive-{os.getpid()}"
    source = f"""
import subprocess, sys
subprocess.Popen(["sleep", "420", {marker!r}][:2] + [], start_new_session=True)
subprocess.Popen([sys.executable, "-c", "import time; time.sleep(420)", {marker!r}], start_new_session=True)
subprocess.Popen([sys.executable, "-c", "import time; time.sleep(420)", {marker!r}], stdout=sys.stdout)
"""
    _check(repo, kata, source)
    alive = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True).stdout
    assert alive.strip() == ""


@needs_sandbox
def test_a_solution_that_ignores_the_alarm_is_stopped_and_keeps_earlier_results(repo, kata):
    kata(repo, "generate")
    reference = (ROOT / "specs/lru_cache/reference.py").read_text(encoding="utf-8")
    source = reference.replace(
        "    def clear(self) -> None:\n",
        "    def clear(self) -> None:\n"
        "        import signal, time\n"
        "        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})\n"
        "        while True:\n"
        "            try:\n"
        "                time.sleep(0.01)\n"
        "            except BaseException:\n"
        "                pass\n",
        1,
    )
    assert source != reference
    attack = repo / "attack.py"
    attack.write_text(source, encoding="utf-8")
    code, out, _ = kata(repo, "check", "lru_cache", "--impl", str(attack))
    assert code == 1
    passed = int(re.search(rf"lru_cache: (\d+)/{LRU}", out).group(1))
    assert 0 < passed < LRU  # the behaviours that never call clear() still count
    assert "stopped by the runner" in out


@needs_sandbox
def test_a_flood_of_output_is_capped(repo, kata):
    kata(repo, "generate")
    source = "import sys\nfor _ in range(200):\n    sys.stdout.write('x' * 1_000_000)\n"
    code, out, _ = _check(repo, kata, source)
    assert code == 1
    assert len(out) < 2_000_000


def test_without_a_sandbox_check_still_runs_with_a_notice(repo, monkeypatch):
    kata_bin = Path(sys.executable).with_name("kata")
    subprocess.run(
        [str(kata_bin), "--root", str(repo), "generate"], check=True, capture_output=True
    )
    done = subprocess.run(
        [
            str(kata_bin),
            "--root",
            str(repo),
            "check",
            "lru_cache",
            "--impl",
            str(ROOT / "specs/lru_cache/reference.py"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "KATA_NO_SANDBOX": "1"},
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ran without a sandbox" in done.stderr
