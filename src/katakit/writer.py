"""Write rendered output: generated/ replaced atomically, learners' files never touched."""

from __future__ import annotations

import difflib
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import jinja2

from .errors import KataError
from .files import create_exclusively, disk_error
from .model import Kata
from .project import Project
from .render import environment, render_kata

SOLUTION_HEADER = "# Your solution to the {slug} kata. Started from generated/{slug}/skeleton.py;\n# `kata generate` never changes this file once it exists.\n"


def render_tree(project: Project, katas: list[Kata], out: Path) -> None:
    """Render every kata into out/<slug>/, then format the Python with ruff."""
    env: jinja2.Environment = environment(project.templates)
    for kata in sorted(katas, key=lambda k: k.slug):
        folder = out / kata.slug
        folder.mkdir(parents=True)
        for name, text in render_kata(kata, env).items():
            (folder / name).write_text(text, encoding="utf-8", newline="\n")
    format_python(project, out)


def format_python(project: Project, folder: Path) -> None:
    """ruff-format and auto-fix import order, with the repository's own ruff settings."""
    config = (
        ["--config", str(project.root / "pyproject.toml")]
        if (project.root / "pyproject.toml").is_file()
        else []
    )
    for command in (
        [
            "check",
            "--fix-only",  # safe fixes: import order, unused imports, parentheses from ast.unparse
            "--quiet",
            "--no-cache",
            *config,
            str(folder),
        ],
        ["format", "--quiet", "--no-cache", *config, str(folder)],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *command], capture_output=True, text=True
        )
        if done.returncode not in (0, 1):
            raise KataError(
                f"ruff {command[0]} failed on generated code:\n{done.stderr or done.stdout}"
            )


def write_generated(project: Project, katas: list[Kata]) -> None:
    """Render into a temporary sibling folder, then swap it in for generated/."""
    _recover_interrupted_swap(project)
    project.root.mkdir(exist_ok=True)
    try:
        staging = Path(tempfile.mkdtemp(prefix=".generated.new-", dir=project.root))
        try:
            render_tree(project, katas, staging / "out")
            _swap_in(project.generated, staging / "out", staging)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as exc:
        raise disk_error(
            exc,
            "writing generated/",
            "generated/ was left as it was",
            "kata generate",
        ) from exc


def _swap_in(target: Path, fresh: Path, staging: Path) -> None:
    old = staging / "old"
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(fresh, target)
    except BaseException:
        if old.exists() and not target.exists():
            os.replace(old, target)
        raise


def _recover_interrupted_swap(project: Project) -> None:
    """An interrupted swap leaves generated/ in .generated.new-*/old: put it back."""
    for staging in project.root.glob(".generated.new-*"):
        old = staging / "old"
        if old.is_dir() and not project.generated.exists():
            os.replace(old, project.generated)
        shutil.rmtree(staging, ignore_errors=True)


def starting_solution(skeleton: Path, slug: str) -> str:
    """What a learner starts from: the skeleton under the learner's header, not "do not edit"."""
    body = "".join(skeleton.read_text(encoding="utf-8").splitlines(keepends=True)[2:])
    return SOLUTION_HEADER.format(slug=slug) + body


def fresh_solution(project: Project, slug: str) -> bytes | None:
    """The bytes of an untouched `katas/<slug>/solution.py`; None without a skeleton."""
    skeleton = project.generated / slug / "skeleton.py"
    return starting_solution(skeleton, slug).encode("utf-8") if skeleton.is_file() else None


def seed_solutions(project: Project, katas: list[Kata]) -> list[Path]:
    """Create katas/<slug>/solution.py from the skeleton where absent; never overwrite."""
    created = []
    for kata in katas:
        target = project.solution(kata.slug)
        if target.exists():
            continue
        text = fresh_solution(project, kata.slug)
        if text is None:
            raise KataError(f"generated/{kata.slug}/skeleton.py is missing; run `kata generate`")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # Whole or not at all, and never over a file that appeared meanwhile.
            if create_exclusively(target, text):
                created.append(target)
        except OSError as exc:
            raise disk_error(
                exc,
                f"creating {project.display(target)}",
                "nothing of it was left behind",
                "kata generate",
            ) from exc
    return created


def check_kata_folders(project: Project, katas: list[Kata]) -> None:
    """Before anything is written: each katas/<slug> is a folder, or absent."""
    for kata in katas:
        folder = project.solution(kata.slug).parent
        if folder.exists() and not folder.is_dir():
            raise KataError(
                f"{project.display(folder)} is a file, but kata {kata.slug!r} keeps its solution "
                f"in the folder {project.display(folder)}/; move the file elsewhere (nothing was "
                "changed) and run `kata generate` again."
            )


def stale_report(project: Project, katas: list[Kata]) -> list[str]:
    """Differences between generated/ and what the specs produce (empty when clean)."""
    _recover_interrupted_swap(project)
    with tempfile.TemporaryDirectory(prefix=".generated.check-", dir=project.root) as tmp:
        fresh = Path(tmp) / "out"
        render_tree(project, katas, fresh)
        return _compare(fresh, project.generated)


def _compare(fresh: Path, current: Path) -> list[str]:
    lines: list[str] = []
    fresh_files = {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()}
    current_files = (
        {
            p.relative_to(current)
            for p in current.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }
        if current.exists()
        else set()
    )
    for rel in sorted(current_files - fresh_files):
        lines.append(f"generated/{rel}: no spec produces this file any more (stale)")
    for rel in sorted(fresh_files - current_files):
        lines.append(f"generated/{rel}: missing")
    for rel in sorted(fresh_files & current_files):
        if not filecmp.cmp(fresh / rel, current / rel, shallow=False):
            diff = difflib.unified_diff(
                (current / rel).read_text(encoding="utf-8").splitlines(),
                (fresh / rel).read_text(encoding="utf-8").splitlines(),
                f"generated/{rel} (committed)",
                f"generated/{rel} (from spec)",
                lineterm="",
                n=1,
            )
            lines.append(f"generated/{rel}: out of date")
            lines.extend("    " + d for d in list(diff)[:40])
    return lines
