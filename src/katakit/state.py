"""The learner's own progress that no spec holds: how many hints each kata has shown, and the
last result of each kata's suite on the learner's solution.

Kept in `.kata-state.json` at the repository root (ignored by git), so it survives
sessions but never reaches a commit. A result is stored with a hash of the solution and of
the suite it ran, so `kata`, `kata next` and `kata list` answer from memory and can tell
when the file changed since (they never run a suite themselves).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import KataError
from .files import replace_atomically
from .project import Project

STATE_FILE = ".kata-state.json"
VERSION = 1
# Suites of `kata progress` finish in threads: each read-modify-write of the file is serial.
_LOCK = threading.Lock()


def state_path(project: Project) -> Path:
    return project.root / STATE_FILE


def load(project: Project) -> dict:
    """The saved state; a fresh one when there is no file yet."""
    path = state_path(project)
    if not path.exists():
        return {"version": VERSION, "hints": {}, "results": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        # Never silently replace it: the learner may have edited it by hand.
        raise KataError(f"{STATE_FILE} cannot be read ({exc}); fix or delete it") from None
    if not isinstance(data, dict) or not all(
        isinstance(data.get(key, {}), dict) for key in ("hints", "results")
    ):
        raise KataError(f"{STATE_FILE} is not a kata state file; fix or delete it")
    data.setdefault("hints", {})
    data.setdefault("results", {})
    return data


def save(project: Project, data: dict) -> None:
    """Write atomically, so an interrupted save leaves the previous state intact."""
    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    replace_atomically(state_path(project), text.encode("utf-8"))


def hints_shown(project: Project, slug: str) -> int:
    count = load(project)["hints"].get(slug, 0)
    return count if isinstance(count, int) and count >= 0 else 0


def set_hints_shown(project: Project, slug: str, count: int) -> None:
    with _updating(project) as data:
        data["hints"][slug] = count


@contextlib.contextmanager
def _updating(project: Project) -> Iterator[dict]:
    """Load, let the caller change, save: one at a time within this process."""
    with _LOCK:
        data = load(project)
        yield data
        save(project, data)


def digest(path: Path) -> str | None:
    """The sha256 of a file's bytes; None when there is no such file."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def record_result(
    project: Project, slug: str, solution_sha: str, suite_sha: str | None, records: list[dict]
) -> None:
    """Remember one run of `slug`'s suite on the learner's own solution (whose content hashed
    to `solution_sha` when the run began): each behaviour's status, by id."""
    with _updating(project) as data:
        data["results"][slug] = {
            "solution_sha256": solution_sha,
            "suite_sha256": suite_sha,
            "behaviours": {r["id"]: r["status"] for r in records},
        }


def stored_results(project: Project) -> dict[str, dict]:
    """Every kata's last stored result (see `record_result`); entries of another shape are
    left out, as if never checked."""
    results = load(project)["results"]
    return {
        slug: entry
        for slug, entry in results.items()
        if isinstance(entry, dict)
        and isinstance(entry.get("solution_sha256"), str)
        and isinstance(entry.get("behaviours"), dict)
    }


def remembering(callback: Callable[[], None]) -> str:
    """Run `callback` (a state update); a state file that cannot be read or written is
    reported in the returned one-line note instead of failing the command that ran."""
    try:
        callback()
    except (KataError, OSError) as exc:
        return f"note: the result was not remembered ({exc})"
    return ""
