"""Where a platform put a student's file: `<slug>.py` or `<slug>/solution.py` (or `solution.py`).

Shared by the Gradescope autograder (files in /autograder/submission) and the Exercism-style
runner (its input directory). A symlink is never followed: it could point at anything.
"""

from __future__ import annotations

from pathlib import Path

from .safe import plain


def candidates(slug: str, alone: bool) -> list[str]:
    """The names accepted for `slug`; a bare `solution.py` only when the export has one kata."""
    names = [f"{slug}.py", f"{slug}/solution.py"]
    return [*names, "solution.py"] if alone else names


def find_solution(folder: Path, slug: str, alone: bool) -> tuple[Path | None, str]:
    """The student's file for `slug` in `folder`, or None and a message saying what to hand in."""
    for name in candidates(slug, alone):
        path = folder / name
        if path.is_file() and not path.is_symlink() and not path.parent.is_symlink():
            return path, ""
    found = sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )[:20]
    shown = ", ".join(plain(name) for name in found) or "nothing"
    wanted = " or ".join(candidates(slug, alone))
    return None, f"no solution for {slug}: hand in {wanted} (found: {shown})"
