"""Every malformed spec in tests/bad_specs/ fails with exactly its expected.txt, and writes nothing.

Each case is a folder holding `spec.yaml` (installed as specs/counter/spec.yaml) and
`expected.txt` (the exact `path:line:column: message` lines on stderr).
"""

from __future__ import annotations

import shutil
import time

import pytest
from conftest import ROOT, make_repo

CASES = sorted(p for p in (ROOT / "tests" / "bad_specs").iterdir() if p.is_dir())


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_malformed_spec_fails_with_its_exact_error(tmp_path, kata, case):
    repo = make_repo(tmp_path / "repo", ROOT / "tests" / "fixtures" / "counter")
    assert kata(repo, "generate")[0] == 0
    generated = {p: p.read_bytes() for p in (repo / "generated").rglob("*") if p.is_file()}
    shutil.copy(case / "spec.yaml", repo / "specs" / "counter" / "spec.yaml")

    code, out, err = kata(repo, "generate")

    assert code == 1
    problems = [line for line in err.splitlines() if line.startswith("specs/")]
    assert problems == (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert "Traceback" not in err
    assert {p: p.read_bytes() for p in (repo / "generated").rglob("*") if p.is_file()} == generated


def test_a_spec_larger_than_reason_is_refused(tmp_path, kata):
    repo = make_repo(tmp_path / "repo", ROOT / "tests" / "fixtures" / "counter")
    spec = repo / "specs" / "counter" / "spec.yaml"
    spec.write_text(spec.read_text(encoding="utf-8") + "# padding\n" * 40_000, encoding="utf-8")
    code, _, err = kata(repo, "generate")
    assert code == 1
    assert "specs/counter/spec.yaml:1:1: spec is larger than 262144 bytes" in err


def test_a_spec_that_is_not_utf8_is_refused(tmp_path, kata):
    repo = make_repo(tmp_path / "repo", ROOT / "tests" / "fixtures" / "counter")
    (repo / "specs" / "counter" / "spec.yaml").write_bytes(b"slug: caf\xe9\n")
    code, _, err = kata(repo, "generate")
    assert code == 1
    assert "specs/counter/spec.yaml:1:1: spec is not UTF-8" in err


def alias_bomb(levels: int) -> str:
    """`? [&l0 [x, ...], &l1 [*l0, ...], ...]`: ten times bigger per level, used as a key."""
    parts = ["&l0 [" + ", ".join(["x"] * 10) + "]"]
    parts += [f"&l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return "? [" + ", ".join(parts) + "]\n: 1\n"


@pytest.mark.timeout(20)
def test_an_alias_bomb_used_as_a_key_is_refused_at_once(tmp_path, kata):
    repo = make_repo(tmp_path / "repo", ROOT / "tests" / "fixtures" / "counter")
    spec = repo / "specs" / "counter" / "spec.yaml"
    spec.write_text(spec.read_text(encoding="utf-8") + alias_bomb(9), encoding="utf-8")
    started = time.perf_counter()
    code, _, err = kata(repo, "generate")
    assert time.perf_counter() - started < 1.0
    assert code == 1
    assert "YAML anchors and aliases (&name, *name) are not allowed in a spec" in err
    assert len(err) < 1000


def test_a_huge_value_in_a_problem_is_elided(tmp_path, kata):
    repo = make_repo(tmp_path / "repo", ROOT / "tests" / "fixtures" / "counter")
    spec = repo / "specs" / "counter" / "spec.yaml"
    huge = "[" + ", ".join(["x"] * 20_000) + "]"
    text = spec.read_text(encoding="utf-8").replace("title: Thread-safe counter", f"title: {huge}")
    spec.write_text(text, encoding="utf-8")
    code, _, err = kata(repo, "generate")
    assert code == 1
    assert "title must be text" in err
    assert max(len(line) for line in err.splitlines()) < 500
