"""`kata check`: exit 0 exactly when every behaviour passes, and say which ones do not."""

from __future__ import annotations

import re

from conftest import LRU, ROOT


def test_the_reference_passes_every_behaviour(repo, kata):
    kata(repo, "generate")
    code, out, _ = kata(
        repo, "check", "lru_cache", "--impl", str(ROOT / "specs/lru_cache/reference.py")
    )
    assert code == 0
    assert f"lru_cache: {LRU}/{LRU} behaviours pass" in out


def test_the_skeleton_fails_every_behaviour_and_says_so(repo, kata):
    kata(repo, "generate")
    code, out, _ = kata(
        repo, "check", "lru_cache", "--impl", str(repo / "generated/lru_cache/skeleton.py")
    )
    assert code == 1
    assert f"lru_cache: 0/{LRU} behaviours pass" in out
    assert len(re.findall(r"^FAIL ", out, re.M)) == LRU
    assert "not implemented yet" in out


def test_defaults_to_the_learners_solution(repo, kata):
    kata(repo, "generate")
    code, out, _ = kata(repo, "check", "lru_cache")
    assert code == 1
    assert f"0/{LRU} behaviours pass" in out


def test_a_failure_names_the_step_what_was_expected_and_what_came_back(repo, kata):
    kata(repo, "generate")
    code, out, _ = kata(
        repo, "check", "lru_cache", "--impl", str(ROOT / "specs/lru_cache/mutants/guide.py")
    )
    assert code == 1
    assert "lru_cache › rejects_a_capacity_below_one" in out
    assert "step 1: LRUCache(0): returned normally" in out
    assert "expected: ValueError mentioning 'capacity'" in out
    assert "got:      no exception" in out


def test_an_unknown_kata_is_a_clear_error(repo, kata):
    code, _, err = kata(repo, "check", "no_such_kata")
    assert code == 2
    assert "unknown kata 'no_such_kata'" in err
