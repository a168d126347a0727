"""Cursor (keyset) pagination with signed, opaque cursors.

What is this pattern about?
    An API that returns a long list hands it out a page at a time. Offset pagination
    ("skip 20, take 10") is easy but wrong on data that changes: delete an item you
    have already seen and every later item moves up one place, so the next page skips
    one. Keyset pagination remembers the sort key of the last item returned instead
    ("items with id > 20, take 10"), so deletions and insertions elsewhere never shift
    the page boundary. The position travels to the client as an opaque cursor, signed so
    that an edited or foreign cursor is refused instead of silently misread.

What does this example do?
    `ItemStore` keeps dicts under increasing ids (never reused) and a secret of its
    own. `CursorPaginator(store, max_limit)` answers `page(limit, cursor)` with the next
    `limit` items in id order after the cursor's id, and a `next_cursor` only when more
    items follow. A cursor is `<base64url JSON>.<HMAC-SHA256 of that text>`, keyed by
    the store's secret: URL- and JSON-safe, valid for any paginator over the same store,
    and rejected with `InvalidCursorError` when it was edited or comes from another
    store.

TL;DR
    Cursor = signed "after id"; page = the first `limit` items with a larger id; ask for
    `limit + 1` to know whether a next page exists; sign the cursor's text (not the
    decoded bytes) with a per-store secret and compare in constant time.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass


class InvalidCursorError(ValueError):
    """A cursor that this store's paginators did not issue: edited, foreign or malformed."""


@dataclass(frozen=True)
class Page:
    """One page of items, and the cursor of the page after it (None on the last page)."""

    items: list[dict]
    next_cursor: str | None


class ItemStore:
    """Items (dicts) under increasing ids that are never reused."""

    def __init__(self) -> None:
        self._items: dict[int, dict] = {}
        self._ids: list[int] = []  # the live ids, ascending (new ids are always the largest)
        self._last_id = 0
        self._secret = secrets.token_bytes(32)  # signs this store's cursors, and no other's

    def add(self, item: dict) -> int:
        self._last_id += 1
        self._items[self._last_id] = {**item, "id": self._last_id}
        self._ids.append(self._last_id)
        return self._last_id

    def delete(self, id: int) -> bool:
        if self._items.pop(id, None) is None:
            return False
        del self._ids[bisect.bisect_left(self._ids, id)]
        return True

    def _after(self, after_id: int, count: int) -> list[dict]:
        """Copies of up to `count` items whose id is greater than `after_id`, in id order."""
        start = bisect.bisect_right(self._ids, after_id)
        return [dict(self._items[i]) for i in self._ids[start : start + count]]

    def _sign(self, text: str) -> str:
        return hmac.new(self._secret, text.encode(), hashlib.sha256).hexdigest()


class CursorPaginator:
    """Pages through an ItemStore in id order with signed keyset cursors."""

    def __init__(self, store: ItemStore, max_limit: int = 100) -> None:
        if max_limit < 1:
            raise ValueError(f"max_limit must be at least 1, got {max_limit!r}")
        self._store = store
        self._max_limit = max_limit

    def page(self, limit: int, cursor: str | None = None) -> Page:
        if not 1 <= limit <= self._max_limit:
            raise ValueError(f"limit must be between 1 and {self._max_limit}, got {limit!r}")
        after_id = 0 if cursor is None else self._decode(cursor)
        items = self._store._after(after_id, limit + 1)  # one extra: is there a next page?
        if len(items) <= limit:
            return Page(items, None)
        items = items[:limit]
        return Page(items, self._encode(items[-1]["id"]))

    def _encode(self, after_id: int) -> str:
        body = base64.urlsafe_b64encode(json.dumps({"after": after_id}).encode())
        text = body.decode().rstrip("=")
        return f"{text}.{self._store._sign(text)}"

    def _decode(self, cursor: str) -> int:
        if not isinstance(cursor, str):
            raise InvalidCursorError(f"a cursor is a string, got {type(cursor).__name__}")
        text, _, signature = cursor.rpartition(".")
        try:
            expected = self._store._sign(text)
            # The signature covers the exact text, so no two spellings of a cursor both pass.
            genuine = hmac.compare_digest(signature.encode(), expected.encode())
        except UnicodeError as exc:  # a lone surrogate cannot have come from us
            raise InvalidCursorError("malformed cursor") from exc
        if not genuine:
            raise InvalidCursorError("this cursor was not issued for this store, or was edited")
        try:
            data = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
            after_id = data["after"]
        except (binascii.Error, ValueError, KeyError, TypeError) as exc:
            raise InvalidCursorError("malformed cursor") from exc
        if not isinstance(after_id, int):
            raise InvalidCursorError("malformed cursor")
        return after_id
