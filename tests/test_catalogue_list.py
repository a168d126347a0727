"""`kata list`: the slugs a learner must type are shown whole, and outside a repository it
says so instead of printing an empty table."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

KATA_BIN = Path(sys.executable).with_name("kata")


def test_every_slug_is_shown_whole_at_80_columns():
    done = subprocess.run(
        [str(KATA_BIN), "--root", str(ROOT), "list"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
        check=True,
        timeout=120,
    )
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    for spec in sorted((ROOT / "specs").glob("*/spec.yaml")):
        assert any(f"│ {spec.parent.name} " in line for line in lines), spec.parent.name


def test_outside_a_repository_it_says_where_it_looked(tmp_path):
    done = subprocess.run(
        [str(KATA_BIN), "list"], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert f"no katas here: {tmp_path.resolve()}/specs holds no spec" in done.stderr
    assert "pass --root PATH" in done.stderr
