"""Benchmarks, reported as ratios measured side by side in one run (`make bench`).

Each benchmark times our side and a well-known library (or a goal) back to back, several
rounds, and keeps the best round of each: noise only ever adds time. Exit status 1 when a
goal is missed; `--json FILE` also writes the figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
KATA = [sys.executable, "-m", "katakit.cli", "--root", str(ROOT)]


@dataclass
class Result:
    name: str
    ours: str
    theirs: str
    ratio: float
    goal: str
    met: bool


def reference(slug: str) -> ModuleType:
    path = ROOT / "specs" / slug / "reference.py"
    spec = importlib.util.spec_from_file_location(f"bench_{slug}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def best_of(rounds: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def wall(command: list[str], rounds: int = 3) -> float:
    def run() -> None:
        subprocess.run(command, check=False, capture_output=True, cwd=ROOT)

    return best_of(rounds, run)


def bench_check_time() -> Result:
    seconds = wall(
        [*KATA, "check", "lru_cache", "--impl", str(ROOT / "specs/lru_cache/reference.py")]
    )
    return Result(
        "kata check lru_cache (reference)",
        f"{seconds:.2f} s",
        "goal 3 s",
        3.0 / seconds,
        "≤ 3 s",
        seconds <= 3.0,
    )


def bench_sandbox_overhead() -> Result:
    """`kata check` sandboxed against the same check with KATA_NO_SANDBOX=1, alternating."""
    import os

    command = [*KATA, "check", "command", "--impl", str(ROOT / "specs/command/reference.py")]
    plain_env = {**os.environ, "KATA_NO_SANDBOX": "1"}
    sandboxed, bare = [], []
    for _ in range(5):
        for times, env in ((sandboxed, None), (bare, plain_env)):
            start = time.perf_counter()
            subprocess.run(command, check=False, capture_output=True, cwd=ROOT, env=env)
            times.append(time.perf_counter() - start)
    ratio = min(sandboxed) / min(bare)
    return Result(
        "kata check command: sandboxed vs not",
        f"{min(sandboxed):.2f} s",
        f"{min(bare):.2f} s unsandboxed",
        ratio,
        "≤ 1.25×",
        ratio <= 1.25,
    )


def bench_scores_under_load() -> Result:
    """Correct solutions score full marks as often with two CPU burners running as without.

    KATA_LOAD_RUNS (default 20) checks of each kata's reference per condition.
    """
    import os

    runs = int(os.environ.get("KATA_LOAD_RUNS", "20"))
    slugs = ("read_write_lock", "thread_pool")

    def full_marks() -> dict[str, int]:
        counts = dict.fromkeys(slugs, 0)
        for slug in slugs:
            for _ in range(runs):
                impl = str(ROOT / "specs" / slug / "reference.py")
                done = subprocess.run(
                    [*KATA, "check", slug, "--impl", impl], capture_output=True, cwd=ROOT
                )
                counts[slug] += done.returncode == 0
        return counts

    def shown(counts: dict[str, int]) -> str:
        return ", ".join(f"{slug} {n}/{runs}" for slug, n in counts.items())

    idle = full_marks()
    burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        loaded = full_marks()
    finally:
        for burner in burners:
            burner.kill()
    total = runs * len(slugs)
    return Result(
        f"full marks for correct {' and '.join(slugs)}, {runs} runs each",
        f"{shown(loaded)} under 2 CPU burners",
        f"{shown(idle)} idle",
        sum(loaded.values()) / max(sum(idle.values()), 1),
        "the same",
        sum(loaded.values()) == sum(idle.values()) == total,
    )


def bench_generate_time() -> Result:
    with tempfile.TemporaryDirectory() as tmp:
        seconds = best_of(
            3,
            lambda: subprocess.run(
                [*KATA, "render", "--out", f"{tmp}/{time.monotonic_ns()}"],
                check=True,
                capture_output=True,
            ),
        )
    slugs = len(list((ROOT / "specs").glob("*/spec.yaml")))
    return Result(
        f"kata render, all {slugs} specs",
        f"{seconds:.2f} s",
        "goal 10 s",
        10.0 / seconds,
        "≤ 10 s",
        seconds <= 10.0,
    )


def _worst_specs(base: str) -> dict[str, str]:
    """The malformed-spec corpus and the issue's worst cases, each a whole spec.yaml text."""
    bomb = ["&l0 [" + ", ".join(["x"] * 10) + "]"]
    bomb += [f"&l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 9)]
    cases = {
        p.name: (p / "spec.yaml").read_text(encoding="utf-8")
        for p in sorted((ROOT / "tests" / "bad_specs").iterdir())
        if (p / "spec.yaml").is_file()
    }
    cases["alias bomb as a key, 9 levels"] = base + "? [" + ", ".join(bomb) + "]\n: 1\n"
    cases["flow lists nested 600 deep"] = base + "extra: " + "[" * 600 + "]" * 600 + "\n"
    cases["a 5,000-digit integer"] = base.replace("title:", "title: " + "9" * 5000 + "\n_old:", 1)
    return cases


def bench_generate_bounds() -> Result:
    """`kata generate` on every malformed spec: the slowest run and the largest peak RSS."""
    import os

    fixture = ROOT / "tests" / "fixtures" / "counter"
    worst_seconds, worst_rss, slowest, largest = 0.0, 0, "", ""
    not_refused = []  # a malformed spec must be refused (exit 1), never crash or pass
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        (repo / "specs").mkdir(parents=True)
        shutil.copytree(ROOT / "templates", repo / "templates")
        shutil.copy(ROOT / "specs" / "schema.json", repo / "specs" / "schema.json")
        shutil.copy(ROOT / "pyproject.toml", repo / "pyproject.toml")
        shutil.copytree(fixture, repo / "specs" / "counter")
        spec = repo / "specs" / "counter" / "spec.yaml"
        base = spec.read_text(encoding="utf-8")
        command = [sys.executable, "-m", "katakit.cli", "--root", str(repo), "generate"]
        for name, text in _worst_specs(base).items():
            spec.write_text(text, encoding="utf-8")
            start = time.perf_counter()
            child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(child.pid, 0)
            if os.waitstatus_to_exitcode(status) != 1:
                not_refused.append(name)
            seconds = time.perf_counter() - start
            rss = usage.ru_maxrss * 1024  # Linux reports KiB
            if seconds > worst_seconds:
                worst_seconds, slowest = seconds, name
            if rss > worst_rss:
                worst_rss, largest = rss, name
        count = len(_worst_specs(base))
    mib = worst_rss / 2**20
    return Result(
        f"kata generate on {count} malformed specs: slowest run, largest peak RSS",
        f"{worst_seconds:.2f} s ({slowest}); {mib:.0f} MiB ({largest}); "
        f"not refused: {', '.join(not_refused) or 'none'}",
        "goal 10 s and 500 MB",
        10.0 / worst_seconds,
        "≤ 10 s, ≤ 500 MB, all refused",
        worst_seconds <= 10.0 and worst_rss <= 500 * 10**6 and not not_refused,
    )


def wall_and_cpu(command: list[str], rounds: int = 3) -> tuple[float, float]:
    """Best wall time and best CPU time (user + system, the child's) of `command`.

    CPU time is what the build costs on a quiet machine; wall time grows with the load.
    """
    walls, cpus = [], []
    for _ in range(rounds):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


def bench_site_time() -> Result:
    """`kata site` (the whole static site) against `kata generate --check` (every file of
    generated/ rendered and formatted, nothing written), side by side; goal: under 2 s."""
    slugs = len(list((ROOT / "specs").glob("*/spec.yaml")))
    with tempfile.TemporaryDirectory() as tmp:
        site, site_cpu = wall_and_cpu([*KATA, "site", "--out", f"{tmp}/site"])
        files = [p for p in Path(tmp, "site").rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files) / 1e6
        mermaid = (Path(tmp) / "site/assets/vendor/mermaid.min.js").stat().st_size / 1e6
    generate, generate_cpu = wall_and_cpu([*KATA, "generate", "--check"])
    return Result(
        f"kata site, all {slugs} specs ({len(files)} files, {size:.1f} MB, of which "
        f"{mermaid:.1f} MB is mermaid.min.js) vs kata generate --check",
        f"{site:.2f} s ({site_cpu:.2f} s CPU)",
        f"{generate:.2f} s ({generate_cpu:.2f} s CPU)",
        generate / site,
        "≤ 2 s",
        site <= 2.0,
    )


def bench_verify_per_mutant() -> Result:
    """What each mutant adds to `kata verify`, against one cold `import pytest, hypothesis`.

    Side by side in one run: verify of every kata, and verify of a copy of the repository with
    no mutants (references and skeletons only); the difference over the mutant count is the
    cost of one more mutant, which used to be at least one interpreter start-up.
    """
    mutants = sum(1 for p in (ROOT / "specs").glob("*/mutants/*") if p.suffix in (".diff", ".py"))
    start_up = best_of(
        5,
        lambda: subprocess.run(
            [sys.executable, "-c", "import pytest, hypothesis"], check=True, capture_output=True
        ),
    )
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "repo"
        shutil.copytree(ROOT / "templates", bare / "templates")
        shutil.copytree(ROOT / "specs", bare / "specs", ignore=shutil.ignore_patterns("mutants"))
        without = wall([sys.executable, "-m", "katakit.cli", "--root", str(bare), "verify"], 1)
    full = wall([*KATA, "verify"], rounds=1)
    per_mutant = max(0.0, full - without) / mutants
    ratio = per_mutant / start_up
    return Result(
        f"kata verify: what one mutant adds ({mutants} mutants; {full:.0f} s in all, "
        f"{without:.0f} s without them; {full / mutants:.2f} s per mutant in all)",
        f"{per_mutant:.3f} s",
        f"{start_up:.3f} s (python -c 'import pytest, hypothesis')",
        ratio,
        "< 0.35×",
        ratio < 0.35,
    )


def bench_lru_throughput() -> Result:
    import cachetools

    ours_cls = reference("lru_cache").LRUCache
    ops = 200_000

    def ours() -> None:
        cache = ours_cls(1000)
        get, put = cache.get, cache.put
        for i in range(ops):
            put(i % 1500, i)
            get((i * 7) % 1500)

    def theirs() -> None:
        cache = cachetools.LRUCache(maxsize=1000)
        lock = threading.Lock()
        for i in range(ops):
            with lock:
                cache[i % 1500] = i
            with lock:
                cache.get((i * 7) % 1500)

    t_ours, t_theirs = best_of(5, ours), best_of(5, theirs)
    ratio = t_theirs / t_ours
    return Result(
        "lru_cache reference vs cachetools.LRUCache + Lock (get+put/s)",
        f"{2 * ops / t_ours:,.0f}/s",
        f"{2 * ops / t_theirs:,.0f}/s",
        ratio,
        "≥ 1.5×",
        ratio >= 1.5,
    )


def bench_rwlock() -> Result:
    from readerwriterlock import rwlock

    ours_lock = reference("read_write_lock").ReadWriteLock()
    theirs_lock = rwlock.RWLockWrite()
    theirs_read = theirs_lock.gen_rlock()
    n = 200_000

    def ours() -> None:
        acquire, release = ours_lock.acquire_read, ours_lock.release_read
        for _ in range(n):
            acquire()
            release()

    def theirs() -> None:
        acquire, release = theirs_read.acquire, theirs_read.release
        for _ in range(n):
            acquire()
            release()

    t_ours, t_theirs = best_of(5, ours), best_of(5, theirs)
    share = t_ours / t_theirs
    return Result(
        "read_write_lock: uncontended read acquire+release vs readerwriterlock RWLockWrite",
        f"{t_ours / n * 1e9:.0f} ns",
        f"{t_theirs / n * 1e9:.0f} ns",
        1 / share,
        "≤ 0.5× its time",
        share <= 0.5,
    )


def bench_thread_pool() -> Result:
    from concurrent.futures import ThreadPoolExecutor

    pool_cls = reference("thread_pool").ThreadPool
    n = 20_000

    def noop() -> None:
        return None

    def ours() -> None:
        with pool_cls(4) as pool:
            tasks = [pool.submit(noop) for _ in range(n)]
            for task in tasks:
                task.get_result(timeout=30)

    def theirs() -> None:
        with ThreadPoolExecutor(max_workers=4) as pool:
            futures = [pool.submit(noop) for _ in range(n)]
            for future in futures:
                future.result(timeout=30)

    t_ours, t_theirs = best_of(3, ours), best_of(3, theirs)
    ratio = t_theirs / t_ours
    return Result(
        "thread_pool reference vs ThreadPoolExecutor (no-op tasks/s)",
        f"{n / t_ours:,.0f}/s",
        f"{n / t_theirs:,.0f}/s",
        ratio,
        "≥ 1.0×",
        ratio >= 1.0,
    )


def bench_event_bus() -> Result:
    from pyee import EventEmitter

    module = reference("event_bus")
    bus = module.EventBus()
    event = module.Event("order_placed", {"id": 1})
    emitter = EventEmitter()
    sinks: list[list] = [[], [], []]  # three distinct handlers: the bus keeps one per handler
    for sink in sinks:
        bus.subscribe("order_placed", sink.append)
        emitter.on("order_placed", sink.append)
    n = 50_000

    def ours() -> None:
        publish = bus.publish
        for _ in range(n):
            publish(event)
        for sink in sinks:
            sink.clear()

    def theirs() -> None:
        emit = emitter.emit
        for _ in range(n):
            emit("order_placed", event)
        for sink in sinks:
            sink.clear()

    t_ours, t_theirs = best_of(5, ours), best_of(5, theirs)
    ratio = t_theirs / t_ours
    return Result(
        "event_bus reference vs pyee EventEmitter (publishes/s, 3 handlers)",
        f"{n / t_ours:,.0f}/s",
        f"{n / t_theirs:,.0f}/s",
        ratio,
        "≥ 2×",
        ratio >= 2.0,
    )


def bench_object_pool() -> Result:
    import queue

    pool = reference("object_pool").ObjectPool(object, 8)
    idle: queue.Queue[object] = queue.Queue()
    for _ in range(8):
        idle.put(object())
    pool.release(pool.acquire())  # the pool makes its objects lazily; the queue starts full
    n = 200_000

    def ours() -> None:
        acquire, release = pool.acquire, pool.release
        for _ in range(n):
            release(acquire())

    def theirs() -> None:
        get, put = idle.get, idle.put
        for _ in range(n):
            put(get())

    t_ours, t_theirs = best_of(5, ours), best_of(5, theirs)
    ratio = t_theirs / t_ours
    return Result(
        "object_pool reference vs queue.Queue (acquire+release vs get+put pairs/s)",
        f"{n / t_ours:,.0f}/s",
        f"{n / t_theirs:,.0f}/s",
        ratio,
        "≥ 0.8×",
        ratio >= 0.8,
    )


def bench_single_flight() -> Result:
    import hashlib

    flight = reference("request_coalescing").SingleFlight()
    callers, rounds = 8, 20
    runs: list[None] = []

    def fn() -> bytes:
        runs.append(None)  # list.append is atomic
        # A fixed amount of CPU work (about 5 ms here), standing in for a query; hashlib
        # releases the GIL, so 8 direct calls can overlap on several cores.
        return hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 20_000)

    def herd(call: Callable[[], object]) -> None:
        """`rounds` rounds of 8 threads making `call()` at the same moment."""
        gate = threading.Barrier(callers + 1)

        def caller() -> None:
            for _ in range(rounds):
                gate.wait()
                call()
                gate.wait()

        threads = [threading.Thread(target=caller) for _ in range(callers)]
        for thread in threads:
            thread.start()
        for _ in range(rounds):
            gate.wait()  # release the 8 callers together
            gate.wait()  # all 8 have their answer
        for thread in threads:
            thread.join()

    def ours() -> None:
        herd(lambda: flight.do("report", fn))

    def theirs() -> None:
        herd(fn)

    runs.clear()
    t_ours = best_of(3, ours)
    runs_per_round = len(runs) / (3 * rounds)
    t_theirs = best_of(3, theirs)
    ratio = t_theirs / t_ours
    return Result(
        "request_coalescing SingleFlight.do, 8 concurrent callers vs 8 direct calls of fn (fixed CPU work)",
        f"{t_ours / rounds * 1e3:.2f} ms/round, fn ran {runs_per_round:.1f}×",
        f"{t_theirs / rounds * 1e3:.2f} ms/round, fn ran 8×",
        ratio,
        "report (> 1×)",
        ratio > 1.0,
    )


def bench_token_bucket() -> Result:
    """The reference TokenBucket.allow() against its floor: a bare Lock acquire/release."""
    bucket_cls = reference("rate_limiter").TokenBucket
    lock = threading.Lock()
    n = 200_000

    def ours() -> None:
        allow = bucket_cls(n, 1.0).allow  # real time.monotonic; never runs dry
        for _ in range(n):
            allow()

    def floor() -> None:
        acquire, release = lock.acquire, lock.release
        for _ in range(n):
            acquire()
            release()

    t_ours, t_floor = best_of(5, ours), best_of(5, floor)
    ratio = t_ours / t_floor
    return Result(
        "rate_limiter: TokenBucket.allow() vs bare Lock acquire+release (the floor)",
        f"{t_ours / n * 1e9:.0f} ns",
        f"{t_floor / n * 1e9:.0f} ns",
        ratio,
        "≤ 10× the floor (report)",
        ratio <= 10.0,
    )


def bench_grade_resume() -> Result:
    """`kata grade` of 200 submissions cold, then again with nothing changed (KATA_GRADE_N)."""
    import os

    n = int(os.environ.get("KATA_GRADE_N", "200"))
    good = (ROOT / "tests" / "fixtures" / "counter" / "reference.py").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        (repo / "specs").mkdir(parents=True)
        shutil.copytree(ROOT / "templates", repo / "templates")
        shutil.copy(ROOT / "specs" / "schema.json", repo / "specs" / "schema.json")
        shutil.copytree(ROOT / "tests" / "fixtures" / "counter", repo / "specs" / "counter")
        kata = [sys.executable, "-m", "katakit.cli", "--root", str(repo)]
        subprocess.run([*kata, "generate"], check=True, capture_output=True, cwd=repo)
        folder = Path(tmp) / "class"
        for i in range(n):  # every file differs, so none is a copy of another
            (folder / f"student{i:03d}").mkdir(parents=True)
            (folder / f"student{i:03d}" / "counter.py").write_text(f"{good}\n# {i}\n")
        timings = []
        for _ in range(2):
            start = time.perf_counter()
            done = subprocess.run(
                [*kata, "grade", str(folder)], capture_output=True, text=True, cwd=repo
            )
            timings.append(time.perf_counter() - start)
        regraded = done.stderr.split("graded ", 1)[-1].split(" ", 1)[0]
    cold, resumed = timings
    return Result(
        f"kata grade of {n} submissions: cold vs resumed with nothing changed "
        f"(the second run re-graded {regraded})",
        f"{resumed:.2f} s resumed",
        f"{cold:.1f} s cold",
        cold / resumed,
        "re-grades 0, ≥ 20×",
        regraded == "0" and cold / resumed >= 20,
    )


BENCHMARKS = {
    "check": bench_check_time,
    "sandbox": bench_sandbox_overhead,
    "under_load": bench_scores_under_load,
    "generate": bench_generate_time,
    "generate_bounds": bench_generate_bounds,
    "site": bench_site_time,
    "verify": bench_verify_per_mutant,
    "lru": bench_lru_throughput,
    "rwlock": bench_rwlock,
    "thread_pool": bench_thread_pool,
    "event_bus": bench_event_bus,
    "token_bucket": bench_token_bucket,
    "object_pool": bench_object_pool,
    "single_flight": bench_single_flight,
    "grade_resume": bench_grade_resume,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "only", nargs="*", choices=[*BENCHMARKS, []], help="benchmarks to run (default: all)"
    )
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    results = []
    for name in args.only or BENCHMARKS:
        results.append(BENCHMARKS[name]())
    table = Table(title="kata benchmarks (best of several rounds, side by side)")
    for column in ("benchmark", "ours", "theirs / goal", "ratio", "goal", "met"):
        table.add_column(column)
    for r in results:
        table.add_row(r.name, r.ours, r.theirs, f"{r.ratio:.2f}×", r.goal, "yes" if r.met else "NO")
    Console().print(table)
    if args.json:
        Path(args.json).write_text(
            json.dumps([r.__dict__ for r in results], indent=2), encoding="utf-8"
        )
    return 0 if all(r.met for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
