"""specs/behaviours.lock.json: every published behaviour id, the kata it belongs to and what it checks.

Suites and grade reports key results by behaviour id, so an id must mean the same check
forever: a changed behaviour gets a new id (and may name the one it `reimplements`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .model import Kata

LOCK_NAME = "behaviours.lock.json"


@dataclass(frozen=True)
class Entry:
    kata: str
    name: str
    fingerprint: str


def read_lock(path: Path) -> dict[str, Entry]:
    if not path.exists():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {bid: Entry(**entry) for bid, entry in raw.get("behaviours", {}).items()}


def write_lock(path: Path, entries: dict[str, Entry]) -> None:
    data = {
        "version": 1,
        "behaviours": {bid: entries[bid].__dict__ for bid in sorted(entries)},
    }
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def lock_problems(
    katas: list[Kata], lock: dict[str, Entry]
) -> tuple[list[Problem], dict[str, Entry]]:
    """Problems with ids (duplicates, changed or moved behaviours), and the entries to add."""
    problems: list[Problem] = []
    new: dict[str, Entry] = {}
    first_seen: dict[str, str] = {}
    for kata in katas:
        for b in kata.behaviours:

            def problem(message: str, b=b, kata=kata) -> None:
                problems.append(Problem(kata.spec_path, b.line, b.column, message))

            if b.id in first_seen:
                problem(
                    f"behaviour id {b.id} is also used in {first_seen[b.id]}; ids are unique across all specs"
                )
            first_seen[b.id] = kata.spec_path
            published = lock.get(b.id)
            if published is None:
                new[b.id] = Entry(kata.slug, b.name, b.fingerprint)
            elif published.kata != kata.slug:
                problem(
                    f"behaviour id {b.id} was published for the {published.kata} kata; give this behaviour a new id"
                )
            elif published.fingerprint != b.fingerprint:
                problem(
                    f"behaviour {b.name!r} changed since it was published; give it a new id "
                    f"and add `reimplements: {b.id}`"
                )
            if b.reimplements is not None and (
                b.reimplements == b.id or b.reimplements not in lock
            ):
                problem(
                    f"reimplements: {b.reimplements} is not the id of another published behaviour"
                )
    return problems, new
