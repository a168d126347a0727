"""`make new` / `kata new`: a scaffolded kata validates and passes `kata verify` straight away."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def repo_copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "specs").mkdir(parents=True)
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copy2(ROOT / "specs" / "schema.json", root / "specs" / "schema.json")
    for name in ("pyproject.toml", "Makefile"):
        shutil.copy2(ROOT / name, root / name)
    return root


def make(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    stamp = root / ".stamp"
    stamp.touch()  # newer than pyproject.toml: reuse this environment, install nothing
    return subprocess.run(
        ["make", "-s", *args, f"VENV={sys.prefix}", f"STAMP={stamp}"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_make_new_then_generate_then_verify_is_green(tmp_path, kata):
    root = repo_copy(tmp_path)
    done = make(
        root, "new", "NAME=rate_limiter", "TITLE=Token bucket rate limiter", "SECTION=api_design"
    )
    assert done.returncode == 0, done.stderr
    spec = (root / "specs" / "rate_limiter" / "spec.yaml").read_text(encoding="utf-8")
    assert "title: Token bucket rate limiter" in spec and "section: api_design" in spec
    assert make(root, "generate").returncode == 0
    code, out, err = kata(root, "verify", "rate_limiter")
    assert code == 0, out + err
    assert kata(root, "lint", "--update-lock")[0] == 0


def test_each_scaffold_gets_fresh_behaviour_ids(tmp_path, kata):
    root = repo_copy(tmp_path)
    kata(root, "new", "--no-input", "slug=first")
    kata(root, "new", "--no-input", "slug=second")
    assert kata(root, "lint", "--update-lock")[0] == 0  # no id is shared between the two


def test_never_overwrites_an_existing_kata(tmp_path, kata):
    root = repo_copy(tmp_path)
    kata(root, "new", "--no-input", "slug=mine")
    spec = root / "specs" / "mine" / "spec.yaml"
    spec.write_text("my work", encoding="utf-8")
    code, _, err = kata(root, "new", "--no-input", "slug=mine")
    assert code == 1 and "already exists; nothing was written" in err
    assert spec.read_text(encoding="utf-8") == "my work"


def test_refuses_a_slug_that_is_not_an_identifier(tmp_path, kata):
    root = repo_copy(tmp_path)
    code, _, err = kata(root, "new", "--no-input", "slug=Bad-Slug")
    assert code == 1
    assert "the answers were refused" in err  # the hook explains which answer on the terminal
    assert not (root / "specs" / "Bad-Slug").exists()
