"""Mutant: items() hands out the internal list, so callers can change the record."""

from __future__ import annotations


class {{ cookiecutter.class_name }}:
    def __init__(self) -> None:
        self._items: list[object] = []

    def record(self, item: object) -> int:
        self._items.append(item)
        return len(self._items)

    def items(self) -> list[object]:
        return self._items
