"""Where the learner is: each kata's status and the next kata to do, from stored state only.

Shared by plain `kata`, `kata next` and `kata list`. Nothing here runs a suite: a status is
read from the last result `kata check` (or watch, progress, solution) remembered for the
solution's current content (see katakit.state), so it answers instantly and never runs
learner code.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import KataError
from .model import DIFFICULTIES, SECTIONS, Kata
from .project import Project
from .state import digest, stored_results
from .writer import fresh_solution

NOT_STARTED, IN_PROGRESS, DONE, CHANGED = "not started", "in progress", "done", "changed"


def section_label(kata: Kata) -> str:
    """The short section name `kata list`, `kata progress` and plain `kata` all show."""
    return kata.section.replace("_", " ")


def learning_order(katas: list[Kata]) -> list[Kata]:
    """The order to do them in: by section (the catalogue's), then difficulty, then slug."""
    sections = {key: rank for rank, key in enumerate(SECTIONS)}
    levels = {key: rank for rank, key in enumerate(DIFFICULTIES)}
    return sorted(
        katas, key=lambda k: (sections[k.section], levels.get(k.difficulty, len(levels)), k.slug)
    )


def catalogue(project: Project) -> list[Kata]:
    """Every kata in learning order; a clear error when there is none (not a repository)."""
    katas = project.load_all()
    if not katas:
        raise KataError(
            f"no katas here: {project.specs} holds no spec. Run `kata` inside "
            "a kata repository (a clone of this project), or pass --root PATH."
        )
    return learning_order(katas)


@dataclass(frozen=True)
class Status:
    kind: str  # NOT_STARTED, IN_PROGRESS, DONE or CHANGED
    passed: int = 0
    total: int = 0

    @property
    def done(self) -> bool:
        return self.kind == DONE

    def __str__(self) -> str:
        if self.kind == IN_PROGRESS:
            return f"in progress {self.passed}/{self.total}"
        if self.kind == CHANGED:
            return "changed, not checked"
        return self.kind


def status_of(project: Project, kata: Kata, stored: dict[str, dict]) -> Status:
    """A kata's status from its solution.py and the result stored for it (never a run)."""
    solution = project.solution(kata.slug)
    current = digest(solution)
    if current is None:
        return Status(NOT_STARTED)
    suite = project.generated / kata.slug / f"test_{kata.slug}.py"
    fresh = fresh_solution(project, kata.slug)
    if fresh is not None and solution.read_bytes() == fresh:
        return Status(NOT_STARTED)
    entry = stored.get(kata.slug)
    if (
        entry is None
        or entry["solution_sha256"] != current
        or entry.get("suite_sha256") != digest(suite)
    ):
        return Status(CHANGED)
    statuses = entry["behaviours"]
    passed = sum(1 for b in kata.behaviours if statuses.get(b.id) == "pass")
    total = len(kata.behaviours)
    return Status(DONE if passed == total else IN_PROGRESS, passed, total)


def statuses(project: Project, katas: list[Kata]) -> dict[str, Status]:
    stored = stored_results(project)
    return {kata.slug: status_of(project, kata, stored) for kata in katas}


def next_kata(katas: list[Kata], status: dict[str, Status]) -> Kata | None:
    """The first kata, in learning order, that is not done; None when all are."""
    return next((k for k in learning_order(katas) if not status[k.slug].done), None)


def next_steps(project: Project, kata: Kata) -> list[tuple[str, str]]:
    """What to open and what to run for `kata`, as (label, value) lines."""
    solution = project.solution(kata.slug)
    where = project.display(solution)
    if not solution.is_file():
        where += " (not there yet: `kata generate` creates it)"
    return [
        ("brief", project.display(project.generated / kata.slug / "README.md")),
        ("solution", where),
        ("check it", f"kata check {kata.slug}"),
    ]
