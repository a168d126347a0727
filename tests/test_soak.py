"""`kata soak`: repeats the concurrency and property behaviours and counts every failure."""

from __future__ import annotations

from conftest import mutant_source


def test_a_sound_reference_soaks_clean(counter_repo, kata):
    code, out, _ = kata(counter_repo, "soak", "--runs", "3")
    assert code == 0
    assert "0 failure(s) in 3 behaviour runs" in out


def test_a_racy_reference_is_reported(counter_repo, kata):
    kata_dir = counter_repo / "specs" / "counter"
    (kata_dir / "reference.py").write_text(mutant_source(kata_dir, "no_lock"), encoding="utf-8")
    code, out, err = kata(counter_repo, "soak", "--runs", "3")
    assert code == 1
    assert "3 failure(s) in 3 behaviour runs" in out
    assert "counter › never_loses_an_increment_under_threads failed" in err
