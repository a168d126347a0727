"""`kata lint`: behaviour ids are stable once published; references and mutants are present."""

from __future__ import annotations

import json
import shutil

from conftest import LRU

SPEC = "specs/lru_cache/spec.yaml"


def first_id(repo):
    text = (repo / SPEC).read_text(encoding="utf-8")
    return next(line.split("id: ")[1] for line in text.splitlines() if line.startswith("  - id: "))


def edit(repo, old, new):
    path = repo / SPEC
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_new_behaviours_must_be_recorded_in_the_lock(repo, kata):
    code, _, err = kata(repo, "lint")
    assert code == 1
    assert "is not in specs/behaviours.lock.json yet; run `kata lint --update-lock`" in err
    code, out, _ = kata(repo, "lint", "--update-lock")
    assert code == 0 and f"recorded {LRU} new behaviour id(s)" in out
    lock = json.loads((repo / "specs" / "behaviours.lock.json").read_text(encoding="utf-8"))
    assert lock["behaviours"][first_id(repo)]["kata"] == "lru_cache"
    assert kata(repo, "lint")[0] == 0


def test_rewording_a_behaviour_keeps_its_id(repo, kata):
    kata(repo, "lint", "--update-lock")
    edit(
        repo, "why: The cache must give back exactly what was stored under a key.", "why: Reworded."
    )
    edit(repo, "name: returns_what_was_put", "name: gives_back_what_was_put")
    assert kata(repo, "lint")[0] == 0


def test_changing_what_a_behaviour_checks_needs_a_new_id(repo, kata):
    kata(repo, "lint", "--update-lock")
    old = first_id(repo)
    edit(
        repo,
        '      - do: cache.put("a", 1)\n      - check: cache.get("a")\n        equals: 1',
        '      - do: cache.put("a", 2)\n      - check: cache.get("a")\n        equals: 2',
    )
    code, _, err = kata(repo, "lint")
    assert code == 1
    assert (
        f"behaviour 'returns_what_was_put' changed since it was published; give it a new id and add `reimplements: {old}`"
        in err
    )
    edit(repo, f"id: {old}", f"id: 11111111-2222-4333-8444-555555555555\n    reimplements: {old}")
    assert kata(repo, "lint", "--update-lock")[0] == 0


def test_ids_are_unique_across_specs(repo, kata):
    shutil.copytree(repo / "specs" / "lru_cache", repo / "specs" / "lru_twin")
    twin = repo / "specs" / "lru_twin" / "spec.yaml"
    twin.write_text(
        twin.read_text(encoding="utf-8").replace("slug: lru_cache", "slug: lru_twin"),
        encoding="utf-8",
    )
    code, _, err = kata(repo, "lint", "--update-lock")
    assert code == 1
    assert f"behaviour id {first_id(repo)} is also used in specs/lru_cache/spec.yaml" in err


def test_the_reference_must_answer_the_brief_questions(repo, kata):
    reference = repo / "specs" / "lru_cache" / "reference.py"
    reference.write_text(
        reference.read_text(encoding="utf-8").replace("TL;DR", "In short"), encoding="utf-8"
    )
    code, _, err = kata(repo, "lint", "--update-lock")
    assert code == 1
    assert "specs/lru_cache/reference.py:1:1: the module docstring must answer 'TL;DR'" in err


def test_a_kata_needs_a_mutant(repo, kata):
    shutil.rmtree(repo / "specs" / "lru_cache" / "mutants")
    code, _, err = kata(repo, "lint", "--update-lock")
    assert code == 1
    assert "specs/lru_cache/mutants/ holds no mutant" in err
