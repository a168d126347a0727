"""{{ cookiecutter.title }}.

What is this pattern about?
    Replace this with the problem the pattern solves and the idea that solves it.

What does this example do?
    `{{ cookiecutter.class_name }}` records items in arrival order and hands out copies.

TL;DR
    Replace this with the pattern in one sentence.
"""

from __future__ import annotations


class {{ cookiecutter.class_name }}:
    """Records items in the order they arrive."""

    def __init__(self) -> None:
        self._items: list[object] = []

    def record(self, item: object) -> int:
        self._items.append(item)
        return len(self._items)

    def items(self) -> list[object]:
        return list(self._items)  # a copy: callers cannot reorder our record
