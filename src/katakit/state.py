"""The learner's own progress that no spec holds: how many hints each kata has shown.

Kept in `.kata-state.json` at the repository root (ignored by git), so it survives
sessions but never reaches a commit.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .errors import KataError
from .project import Project

STATE_FILE = ".kata-state.json"
VERSION = 1


def state_path(project: Project) -> Path:
    return project.root / STATE_FILE


def load(project: Project) -> dict:
    """The saved state; a fresh one when there is no file yet."""
    path = state_path(project)
    if not path.exists():
        return {"version": VERSION, "hints": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        # Never silently replace it: the learner may have edited it by hand.
        raise KataError(f"{STATE_FILE} cannot be read ({exc}); fix or delete it") from None
    if not isinstance(data, dict) or not isinstance(data.get("hints", {}), dict):
        raise KataError(f"{STATE_FILE} is not a kata state file; fix or delete it")
    data.setdefault("hints", {})
    return data


def save(project: Project, data: dict) -> None:
    """Write atomically, so an interrupted save leaves the previous state intact."""
    path = state_path(project)
    fd, tmp = tempfile.mkstemp(prefix=".kata-state.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, sort_keys=True)
            handle.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def hints_shown(project: Project, slug: str) -> int:
    count = load(project)["hints"].get(slug, 0)
    return count if isinstance(count, int) and count >= 0 else 0


def set_hints_shown(project: Project, slug: str, count: int) -> None:
    data = load(project)
    data["hints"][slug] = count
    save(project, data)
