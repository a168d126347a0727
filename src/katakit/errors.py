"""The tool's exceptions: one base class, each subclass also the matching built-in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_SHOWN = 60  # characters of a spec value quoted in a message
MAX_MESSAGE = 400  # characters of one problem's message


def shown(value: Any, limit: int = MAX_SHOWN) -> str:
    """A value's repr for a message, elided in the middle when long (a spec may be hostile)."""
    text = repr(value)
    if len(text) <= limit:
        return text
    half = (limit - 5) // 2
    return f"{text[:half]} ... {text[-half:]} ({len(text)} characters)"


def _capped(message: str) -> str:
    if len(message) <= MAX_MESSAGE:
        return message
    return message[: MAX_MESSAGE - 30] + f" ... ({len(message)} characters)"


class KataError(Exception):
    """Base class of every error the `kata` tool reports to its user."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a spec, located as `path:line:column`."""

    path: str
    line: int
    column: int
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", _capped(self.message))

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
