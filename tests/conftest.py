"""Fixtures for the tool's own tests: a throwaway copy of the repository to run `kata` in."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from katakit import sandbox
from katakit.cli import main
from katakit.mutants import Mutant

ROOT = Path(__file__).resolve().parents[1]
# How many behaviours the lru_cache pilot has (tests use it as their everyday kata).
LRU = len(
    yaml.safe_load((ROOT / "specs/lru_cache/spec.yaml").read_text(encoding="utf-8"))["behaviours"]
)


def needs_sandbox(test):  # noqa: ANN001, ANN201
    """Skip where no sandbox can run, except in CI (KATA_REQUIRE_SANDBOX=1), where it fails."""
    reason = sandbox.unavailable()
    if reason is not None and os.environ.get("KATA_REQUIRE_SANDBOX") == "1":
        raise RuntimeError(f"KATA_REQUIRE_SANDBOX=1 but no sandbox can run: {reason}")
    return pytest.mark.skipif(reason is not None, reason=f"no sandbox here: {reason}")(test)


def mutant_source(kata: Path, name: str) -> str:
    """The module a kata's mutant stands for (its diff applied to the reference)."""
    return Mutant(kata.name, name, kata / "mutants" / f"{name}.diff").source()


def make_repo(root: Path, kata: Path) -> Path:
    """A kata repository at `root` holding the one kata whose folder is `kata`."""
    (root / "specs").mkdir(parents=True)
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copy(ROOT / "specs" / "schema.json", root / "specs" / "schema.json")
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(kata, root / "specs" / kata.name)
    return root


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A minimal kata repository holding only the lru_cache pilot."""
    return make_repo(tmp_path / "repo", ROOT / "specs" / "lru_cache")


@pytest.fixture
def counter_repo(tmp_path: Path) -> Path:
    """A repository with the tiny `counter` kata (short timeouts), generated."""
    root = make_repo(tmp_path / "repo", ROOT / "tests" / "fixtures" / "counter")
    assert main(["--root", str(root), "generate"]) == 0
    return root


@pytest.fixture
def kata(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run the `kata` CLI in-process: kata(root, "generate", "--check") -> (code, out, err)."""

    def run(root: Path, *args: str) -> tuple[int, str, str]:
        code = main(["--root", str(root), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
