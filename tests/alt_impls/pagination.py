"""An alternative pagination for the suite to accept: a scan instead of bisect, hex cursors.

What is this pattern about?
    Keyset pagination: a cursor is the position "after id N", signed so that it cannot
    be edited or used on another store.

What does this example do?
    The store keeps one insertion-ordered dict (ids only grow, so insertion order is id
    order) with ids from 101 in steps of 3, and a keyed BLAKE2b MAC of its own. A cursor
    is `<after id in hex>-<MAC of that text>`; the text is matched against a strict
    pattern and the MAC checked before anything is parsed.

TL;DR
    Same contract as the reference, different structure: linear scan, counter with a
    step, hex position, BLAKE2b instead of HMAC-SHA256.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import os
import re

_CURSOR = re.compile(r"([0-9a-f]{1,16})-([0-9a-f]{32})")


class InvalidCursorError(ValueError):
    """A cursor this store's paginators did not issue."""


class Page:
    __slots__ = ("items", "next_cursor")

    def __init__(self, items: list[dict], next_cursor: str | None) -> None:
        self.items = items
        self.next_cursor = next_cursor


class ItemStore:
    def __init__(self) -> None:
        self._rows: dict[int, dict] = {}
        self._next = itertools.count(101, 3)
        self._key = os.urandom(32)

    def add(self, item: dict) -> int:
        new_id = next(self._next)
        self._rows[new_id] = dict(item)
        return new_id

    def delete(self, id: int) -> bool:
        return self._rows.pop(id, None) is not None

    def mac(self, text: str) -> str:
        return hashlib.blake2b(text.encode("ascii"), key=self._key, digest_size=16).hexdigest()

    def rows_after(self, after: int):
        for row_id, row in list(self._rows.items()):
            if row_id > after:
                yield {**row, "id": row_id}


class CursorPaginator:
    def __init__(self, store: ItemStore, max_limit: int = 100) -> None:
        if not isinstance(max_limit, int) or max_limit < 1:
            raise ValueError("max_limit must be a positive int")
        self.store = store
        self.max_limit = max_limit

    def page(self, limit: int, cursor: str | None = None) -> Page:
        if not isinstance(limit, int) or not 1 <= limit <= self.max_limit:
            raise ValueError(f"limit must be in 1..{self.max_limit}")
        after = -1 if cursor is None else self._read(cursor)
        chunk = list(itertools.islice(self.store.rows_after(after), limit + 1))
        if len(chunk) > limit:
            chunk.pop()
            text = format(chunk[-1]["id"], "x")
            return Page(chunk, f"{text}-{self.store.mac(text)}")
        return Page(chunk, None)

    def _read(self, cursor: object) -> int:
        found = _CURSOR.fullmatch(cursor) if isinstance(cursor, str) else None
        if found is None:
            raise InvalidCursorError("malformed cursor")
        text, mac = found.groups()
        if not hmac.compare_digest(mac, self.store.mac(text)):
            raise InvalidCursorError("cursor edited or from another store")
        return int(text, 16)
