"""`kata generate`: deterministic output, `--check`, no clobbering, stale outputs removed."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def snapshot(folder: Path) -> dict[Path, bytes]:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generates_a_skeleton_a_suite_and_a_brief(repo, kata):
    code, out, _ = kata(repo, "generate")
    assert code == 0
    folder = repo / "generated" / "lru_cache"
    assert sorted(p.name for p in folder.iterdir()) == [
        "README.md",
        "skeleton.py",
        "test_lru_cache.py",
    ]
    for name in ("skeleton.py", "test_lru_cache.py"):
        text = (folder / name).read_text(encoding="utf-8")
        ast.parse(text)
        assert text.startswith(
            "# Generated from specs/lru_cache/spec.yaml by `kata generate`; do not edit."
        )
    assert "```mermaid\nclassDiagram" in (folder / "README.md").read_text(encoding="utf-8")
    assert "created katas/lru_cache/solution.py" in out


def test_output_is_deterministic(repo, kata):
    kata(repo, "generate")
    first = snapshot(repo / "generated")
    kata(repo, "generate")
    assert snapshot(repo / "generated") == first


def test_generated_python_passes_ruff(repo, kata):
    kata(repo, "generate")
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "generated"],
        capture_output=True,
        text=True,
        cwd=repo,  # per-file-ignores are relative to the project root
    )
    assert done.returncode == 0, done.stdout


def test_check_is_clean_after_generate(repo, kata):
    kata(repo, "generate")
    code, out, _ = kata(repo, "generate", "--check")
    assert code == 0
    assert "up to date" in out


def test_check_fails_with_a_diff_and_the_fix_when_a_spec_changed(repo, kata):
    kata(repo, "generate")
    spec = repo / "specs" / "lru_cache" / "spec.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("Thread-safe LRU cache", "Thread-safe LRU"),
        encoding="utf-8",
    )
    before = snapshot(repo / "generated")
    code, _, err = kata(repo, "generate", "--check")
    assert code == 1
    assert "generated/lru_cache/README.md: out of date" in err
    assert "+# Thread-safe LRU" in err
    assert "run `make generate`" in err
    assert snapshot(repo / "generated") == before  # --check writes nothing


def test_never_changes_an_existing_solution(repo, kata):
    kata(repo, "generate")
    solution = repo / "katas" / "lru_cache" / "solution.py"
    solution.write_bytes(b"# my work in progress\r\nclass LRUCache: ...\n")
    kata(repo, "generate")
    assert solution.read_bytes() == b"# my work in progress\r\nclass LRUCache: ...\n"


def test_seeds_a_missing_solution_from_the_skeleton(repo, kata):
    kata(repo, "generate")
    solution = (repo / "katas" / "lru_cache" / "solution.py").read_text(encoding="utf-8")
    skeleton = (repo / "generated" / "lru_cache" / "skeleton.py").read_text(encoding="utf-8")
    assert "do not edit" not in solution
    assert solution.split("\n", 2)[2] == skeleton.split("\n", 2)[2]


def test_removes_the_output_of_a_deleted_spec(repo, kata):
    shutil.copytree(repo / "specs" / "lru_cache", repo / "specs" / "lru_cache_copy")
    spec = repo / "specs" / "lru_cache_copy" / "spec.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("slug: lru_cache", "slug: lru_cache_copy"),
        encoding="utf-8",
    )
    kata(repo, "generate")
    assert (repo / "generated" / "lru_cache_copy").is_dir()
    shutil.rmtree(repo / "specs" / "lru_cache_copy")
    code, _, err = kata(repo, "generate", "--check")
    assert code == 1 and "lru_cache_copy/README.md: no spec produces this file any more" in err
    kata(repo, "generate")
    assert not (repo / "generated" / "lru_cache_copy").exists()
    assert (repo / "katas" / "lru_cache_copy" / "solution.py").exists()  # learners' work stays


def test_the_committed_generated_folder_matches_the_specs(kata):
    code, _, err = kata(ROOT, "generate", "--check")
    assert code == 0, err
