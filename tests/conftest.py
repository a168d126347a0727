"""Fixtures for the tool's own tests: a throwaway copy of the repository to run `kata` in."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from katakit.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A minimal kata repository holding only the lru_cache pilot."""
    root = tmp_path / "repo"
    (root / "specs").mkdir(parents=True)
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copy(ROOT / "specs" / "schema.json", root / "specs" / "schema.json")
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(ROOT / "specs" / "lru_cache", root / "specs" / "lru_cache")
    return root


@pytest.fixture
def kata(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run the `kata` CLI in-process: kata(root, "generate", "--check") -> (code, out, err)."""

    def run(root: Path, *args: str) -> tuple[int, str, str]:
        code = main(["--root", str(root), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
