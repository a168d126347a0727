"""The tool's exceptions: one base class, each subclass also the matching built-in."""

from __future__ import annotations

from dataclasses import dataclass


class KataError(Exception):
    """Base class of every error the `kata` tool reports to its user."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a spec, located as `path:line:column`."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class SpecError(ValueError, KataError):
    """A spec is malformed; carries every problem found, each with its location."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class UnknownKataError(LookupError, KataError):
    """A command named a kata that has no spec."""


class SolutionError(RuntimeError, KataError):
    """A solution module could not be loaded or used."""
