"""The sandbox's limits stop runaway submissions, never a correct one: a solution with many
threads alive at once gets them, however many malloc arenas glibc would reserve for them."""

from __future__ import annotations

from conftest import LRU, ROOT, needs_sandbox

CROWD = '''
import threading as _threading


def _crowd(n: int = 150) -> None:
    """150 threads alive at once, each allocating for itself (a pool warming up, say)."""
    barrier = _threading.Barrier(n)

    def work() -> None:
        data = [bytearray(64) for _ in range(200)]
        barrier.wait(timeout=60)
        del data

    threads = [_threading.Thread(target=work) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


_crowd()
'''


@needs_sandbox
def test_a_solution_with_many_live_threads_is_not_refused_threads(repo, kata):
    kata(repo, "generate")
    solution = repo / "crowd.py"
    reference = (ROOT / "specs" / "lru_cache" / "reference.py").read_text(encoding="utf-8")
    solution.write_text(reference + CROWD, encoding="utf-8")
    code, out, _ = kata(repo, "check", "lru_cache", "--impl", str(solution))
    assert "can't start new thread" not in out
    assert code == 0, out[-2000:]
    assert f"lru_cache: {LRU}/{LRU} behaviours pass" in out
