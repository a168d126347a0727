# Generated from specs/pagination/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 031991b9778067a713d8e9fe814db0d08b3dddb497699d21a5ae4291f92f8e32
"""Cursor pagination: your solution starts here.

Fill in every method until `kata check pagination` passes; the brief is generated/pagination/README.md.
"""

from __future__ import annotations


class InvalidCursorError(ValueError):
    """Raised for a cursor that is not exactly one this store's paginators issued; edited, malformed, or from another ItemStore."""


class Page:
    """One page of items in id order, and the cursor of the page after it.

    Attributes:
        items: The page's items, in increasing id order, each a dict holding its "id".
        next_cursor: The cursor of the next page, or None when no item follows this page.
    """

    def __init__(self, items: list[dict], next_cursor: str | None) -> None:
        """A page holding `items` and `next_cursor`."""
        raise NotImplementedError("Page.__init__: not implemented yet")


class ItemStore:
    """Items (dicts) stored under ids that increase with every `add` and are never reused,
    even after a deletion. A stored item is returned by the paginator with its `"id"`
    key set to its id. What the first id is, and whether `add` writes `"id"` into the
    dict it was given, are not specified.
    """

    def __init__(self) -> None:
        """An empty store."""
        raise NotImplementedError("ItemStore.__init__: not implemented yet")

    def add(self, item: dict) -> int:
        """Store `item` under a new id, greater than every id handed out before, and return that id."""
        raise NotImplementedError("ItemStore.add: not implemented yet")

    def delete(self, id: int) -> bool:
        """Remove the item with `id`; True when it was stored, False otherwise."""
        raise NotImplementedError("ItemStore.delete: not implemented yet")


class CursorPaginator:
    """Pages through an ItemStore in increasing id order. `page(limit)` starts at the
    lowest id; `page(limit, cursor)` continues after the last item of the page that
    returned `cursor`, however the store has changed since: while items are added and
    deleted, a walk never repeats an item and never skips one that existed for the
    whole walk. A page holds the next `min(limit, remaining)` items and `next_cursor`
    is None exactly when no item follows it. Cursors are opaque strings of URL-safe
    characters; any paginator over the same store accepts them, and anything else
    (an edited or malformed cursor, or one from another ItemStore) raises
    InvalidCursorError.
    """

    def __init__(self, store: ItemStore, max_limit: int = 100) -> None:
        """A paginator over `store` allowing pages of 1 to `max_limit` items (ValueError naming max_limit when it is below 1)."""
        raise NotImplementedError("CursorPaginator.__init__: not implemented yet")

    def page(self, limit: int, cursor: str | None = None) -> Page:
        """The next `limit` items after `cursor` (from the start when it is None) and the cursor that follows them. ValueError naming limit when `limit` is outside 1..max_limit; InvalidCursorError for a cursor this store did not issue."""
        raise NotImplementedError("CursorPaginator.page: not implemented yet")
