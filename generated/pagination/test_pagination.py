# Generated from specs/pagination/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 031991b9778067a713d8e9fe814db0d08b3dddb497699d21a5ae4291f92f8e32
"""Conformance suite for the pagination kata: one test per behaviour of its spec.

Run it with `kata check pagination` or `pytest generated/pagination --impl PATH`.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from hypothesis import strategies as st

from katakit.testing import (
    ModelMachine,
    expect_equal,
    expect_is,
    initialize,
    rule,
    run_model_machine,
    step,
)


def filled_store(store_cls, count):
    """A store holding `count` items named "item 1" ... and the ids they were given."""
    store = store_cls()
    ids = [store.add({"name": f"item {n}"}) for n in range(1, count + 1)]
    return store, ids


def walk(paginator, limit, between=None):
    """The item ids of every page of a walk; `between(pages_so_far)` runs before each next page."""
    pages, cursor = [], None
    while True:
        page = paginator.page(limit, cursor)
        pages.append([item["id"] for item in page.items])
        if page.next_cursor is None:
            return pages
        if len(pages) > 500:
            raise AssertionError("the walk never ends: next_cursor is never None")
        cursor = page.next_cursor
        if between is not None:
            between(pages)


def through_http(cursor):
    """What a client gets back after the cursor went out in a JSON body and came back in a next link.

    Returns (the cursor as the server receives it again, problems seen on the way).
    """
    if not isinstance(cursor, str):
        return cursor, [f"next_cursor is a {type(cursor).__name__}, not a str"]
    problems = []
    in_json = json.loads(json.dumps({"next_cursor": cursor}))["next_cursor"]
    if in_json != cursor:
        problems.append(f"JSON changed {cursor!r} into {in_json!r}")
    encoded = parse_qs(urlencode({"cursor": cursor, "limit": 2}))["cursor"]
    if encoded != [cursor]:
        problems.append(f"an escaped query string changed {cursor!r} into {encoded!r}")
    link = f"https://api.example/items?limit=2&cursor={cursor}"
    pasted = parse_qs(urlsplit(link).query).get("cursor")
    if pasted != [cursor]:
        problems.append(f"pasted into a URL unescaped, {cursor!r} came back as {pasted!r}")
    return (pasted[0] if pasted else cursor), problems


def http_walk(paginator, limit):
    """A walk in which every cursor goes through JSON and a URL first: (pages of ids, problems)."""
    pages, problems, cursor = [], [], None
    while True:
        page = paginator.page(limit, cursor)
        pages.append([item["id"] for item in page.items])
        if page.next_cursor is None or len(pages) > 500:
            return pages, problems
        back, seen = through_http(page.next_cursor)
        problems.extend(seen)
        cursor = page.next_cursor if seen else back  # a mangled cursor is reported, not used


def one_character_edits(cursor):
    """Cursors one character away from `cursor`: each character replaced in three ways, one dropped or added."""
    edits = set()
    for i, char in enumerate(cursor):
        following = chr(ord(char) + 1) if char not in "z~" else "a"
        for other in (following, "A" if char != "A" else "B", "." if char != "." else "-"):
            edits.add(cursor[:i] + other + cursor[i + 1 :])
    edits.update({cursor[:-1], cursor[1:], cursor + "A", "A" + cursor})
    edits.discard(cursor)
    return sorted(edits)


def not_refused(paginator, cursors, error_cls):
    """The cursors that `page` did not refuse with `error_cls`, and what it did instead."""
    slips = []
    for cursor in cursors:
        try:
            paginator.page(2, cursor)
        except error_cls:
            continue
        except Exception as exc:
            slips.append(f"{cursor!r}: raised {type(exc).__name__} instead")
            continue
        slips.append(f"{cursor!r}: accepted")
    return slips


class WalkHarness:
    """A paginator over a store, walked page by page while the store changes.

    Items are named by the order they were added (1, 2, ...), whatever ids the store
    chose; each cursor goes through JSON and a URL before it is used.
    """

    def __init__(self, store_cls, paginator_cls):
        self.store = store_cls()
        self.paginator = paginator_cls(self.store)
        self.ids = []  # the ids add() returned, in order
        self.cursor = None

    def add(self, n):
        self.ids.append(self.store.add({"n": n}))

    def delete(self, k):
        return self.store.delete(self.ids[k - 1] if k <= len(self.ids) else -k)

    def page(self, limit):
        page = self.paginator.page(limit, self.cursor)
        order = {item_id: k for k, item_id in enumerate(self.ids, start=1)}
        items = [(order.get(item.get("id")), item.get("n")) for item in page.items]
        self.cursor = None if page.next_cursor is None else through_http(page.next_cursor)[0]
        return items, page.next_cursor is not None


pytestmark = pytest.mark.kata(
    "pagination",
    classes=["Page", "ItemStore", "CursorPaginator"],
    exceptions=["InvalidCursorError"],
    functions=[],
)


@pytest.mark.behaviour("6d9a2c61-d3d2-470b-9a35-571a31090e7b", "scenario")
@pytest.mark.timeout(10.0)
def test_pages_through_every_item_in_id_order(solution):
    """A walk from no cursor to a None cursor returns every item once, in id order, each as stored with its "id"."""
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(1, "store, ids = filled_store(ItemStore, 5)"):
        store, ids = filled_store(ItemStore, 5)
    with step(2, "paginator = CursorPaginator(store)"):
        paginator = CursorPaginator(store)
    with step(3, "first = paginator.page(2)"):
        first = paginator.page(2)
    with step(4, "first.items"):
        expect_equal(
            first.items, [{"name": "item 1", "id": ids[0]}, {"name": "item 2", "id": ids[1]}]
        )
    with step(5, "isinstance(first.next_cursor, str)"):
        expect_is(isinstance(first.next_cursor, str), True)
    with step(6, "walk(paginator, 2)"):
        expect_equal(walk(paginator, 2), [ids[0:2], ids[2:4], ids[4:5]])
    with step(7, "walk(paginator, 100)"):
        expect_equal(walk(paginator, 100), [ids])


@pytest.mark.behaviour("c5c929ef-270d-4450-9e45-6415ad1f8a68", "scenario")
@pytest.mark.timeout(10.0)
def test_ids_increase_and_are_never_reused(solution):
    """Keyset order needs every new item to have a larger id than all before it; reusing a deleted item's id (`len(items) + 1`) gives two items one id."""
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(
        1,
        'store = ItemStore() a, b, c = store.add({"n": 1}), store.add({"n": 2}), store.add({"n": 3}) store.delete(c) d = store.add({"n": 4}) store.delete(a) e = store.add({"n": 5}) f = store.add({"n": 6})',
    ):
        store = ItemStore()
        a, b, c = store.add({"n": 1}), store.add({"n": 2}), store.add({"n": 3})
        store.delete(c)
        d = store.add({"n": 4})
        store.delete(a)
        e = store.add({"n": 5})
        f = store.add({"n": 6})
    with step(2, "a < b < c < d < e < f"):
        expect_is(a < b < c < d < e < f, True)
    with step(3, "[item['n'] for item in CursorPaginator(store).page(10).items]"):
        expect_equal([item["n"] for item in CursorPaginator(store).page(10).items], [2, 4, 5, 6])


@pytest.mark.behaviour("b3fcf3ce-d081-423c-b213-2b35f1073688", "scenario")
@pytest.mark.timeout(10.0)
def test_delete_reports_whether_the_item_existed(solution):
    """The caller must learn whether there was anything to delete, and a deleted item must never be served again."""
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(1, "store, ids = filled_store(ItemStore, 3)"):
        store, ids = filled_store(ItemStore, 3)
    with step(2, "store.delete(ids[1])"):
        expect_is(store.delete(ids[1]), True)
    with step(3, "store.delete(ids[1])"):
        expect_is(store.delete(ids[1]), False)
    with step(4, "store.delete(ids[2] + 1000)"):
        expect_is(store.delete(ids[2] + 1000), False)
    with step(5, "walk(CursorPaginator(store), 10)"):
        expect_equal(walk(CursorPaginator(store), 10), [[ids[0], ids[2]]])


@pytest.mark.behaviour("531e9307-a140-4c9f-86c7-6fdcb1b9514f", "scenario")
@pytest.mark.timeout(10.0)
def test_the_last_page_has_no_next_cursor_even_when_it_is_exactly_full(solution):
    """A cursor to an empty page makes every client send one useless request; the last page says so even when it holds exactly `limit` items, and an empty store is one empty last page."""
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(1, "store, ids = filled_store(ItemStore, 4)"):
        store, ids = filled_store(ItemStore, 4)
    with step(2, "paginator = CursorPaginator(store)"):
        paginator = CursorPaginator(store)
    with step(3, "first = paginator.page(2)"):
        first = paginator.page(2)
    with step(4, "first.next_cursor is None"):
        expect_is(first.next_cursor is None, False)
    with step(5, "second = paginator.page(2, first.next_cursor)"):
        second = paginator.page(2, first.next_cursor)
    with step(6, "[item['id'] for item in second.items]"):
        expect_equal([item["id"] for item in second.items], ids[2:4])
    with step(7, "second.next_cursor"):
        expect_is(second.next_cursor, None)
    with step(8, "paginator.page(4).next_cursor"):
        expect_is(paginator.page(4).next_cursor, None)
    with step(9, "empty = CursorPaginator(ItemStore()).page(3)"):
        empty = CursorPaginator(ItemStore()).page(3)
    with step(10, "(empty.items, empty.next_cursor)"):
        expect_equal((empty.items, empty.next_cursor), ([], None))


@pytest.mark.behaviour("727e2cf9-ff35-4165-a0a7-ede75030ff97", "scenario")
@pytest.mark.timeout(10.0)
def test_cursors_survive_json_and_a_url_query_string_unchanged(solution):
    """A cursor goes out in a JSON body and comes back in a URL, often pasted unescaped into a next link; it must be a str of URL-safe characters (standard base64's `+` turns into a space) that still works after the trip."""
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(1, "store, ids = filled_store(ItemStore, 40)"):
        store, ids = filled_store(ItemStore, 40)
    with step(2, "pages, problems = http_walk(CursorPaginator(store), 1)"):
        pages, problems = http_walk(CursorPaginator(store), 1)
    with step(3, "problems[:3]"):
        expect_equal(problems[:3], [])
    with step(4, "sum(pages, [])"):
        expect_equal(sum(pages, []), ids)


@pytest.mark.behaviour("f7fa68cb-6731-4c00-bfd6-111442db6a4d", "scenario")
@pytest.mark.timeout(10.0)
def test_a_walk_while_items_are_added_and_deleted_never_skips_or_repeats(solution):
    """Offset pagination skips one unseen item for every seen item deleted during the walk; keyset pagination continues after the last id served, so nothing repeats, every item that existed for the whole walk is served, and a deleted item is not."""
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(1, "store, ids = filled_store(ItemStore, 12)"):
        store, ids = filled_store(ItemStore, 12)
    with step(
        2,
        'added = [] def change(pages): for item_id in pages[-1]: store.delete(item_id) # the items just seen if len(pages) == 1: store.delete(ids[7]) # one not seen yet: it must never appear added.append(store.add({"name": "late"})) pages = walk(CursorPaginator(store), 3, between=change) served = sum(pages, [])',
    ):
        added = []

        def change(pages):
            for item_id in pages[-1]:
                store.delete(item_id)  # the items just seen
            if len(pages) == 1:
                store.delete(ids[7])  # one not seen yet: it must never appear
            added.append(store.add({"name": "late"}))

        pages = walk(CursorPaginator(store), 3, between=change)
        served = sum(pages, [])
    with step(3, "len(served) == len(set(served))"):
        expect_is(len(served) == len(set(served)), True)
    with step(4, "[item_id for item_id in ids if item_id != ids[7] and item_id not in served]"):
        expect_equal(
            [item_id for item_id in ids if item_id != ids[7] and item_id not in served], []
        )
    with step(5, "ids[7] in served"):
        expect_is(ids[7] in served, False)
    with step(6, "served"):
        expect_equal(served, [*ids[:7], *ids[8:], *added])


@pytest.mark.behaviour("012d5c4c-a4bd-4d3a-856a-607f3f4d0a84", "scenario")
@pytest.mark.timeout(10.0)
def test_a_cursor_stays_valid_after_its_last_item_is_deleted(solution):
    """The item a cursor points after may be deleted before the client asks for the next page; the cursor holds a position, not a reference to a live item."""
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(1, "store, ids = filled_store(ItemStore, 6)"):
        store, ids = filled_store(ItemStore, 6)
    with step(2, "paginator = CursorPaginator(store)"):
        paginator = CursorPaginator(store)
    with step(3, "first = paginator.page(2)"):
        first = paginator.page(2)
    with step(4, "store.delete(ids[1]) store.delete(ids[2])"):
        store.delete(ids[1])
        store.delete(ids[2])
    with step(5, "[item['id'] for item in paginator.page(2, first.next_cursor).items]"):
        expect_equal([item["id"] for item in paginator.page(2, first.next_cursor).items], ids[3:5])


@pytest.mark.behaviour("49ec6303-f1d4-4642-bcc6-ecd8a1f37edf", "scenario")
@pytest.mark.timeout(10.0)
def test_the_limit_may_change_between_pages(solution):
    """A cursor marks a position, not a page number; a client may ask for pages of a different size as it goes."""
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(1, "store, ids = filled_store(ItemStore, 10)"):
        store, ids = filled_store(ItemStore, 10)
    with step(2, "paginator = CursorPaginator(store)"):
        paginator = CursorPaginator(store)
    with step(3, "first = paginator.page(2)"):
        first = paginator.page(2)
    with step(4, "second = paginator.page(5, first.next_cursor)"):
        second = paginator.page(5, first.next_cursor)
    with step(5, "[item['id'] for item in second.items]"):
        expect_equal([item["id"] for item in second.items], ids[2:7])
    with step(6, "third = paginator.page(1, second.next_cursor)"):
        third = paginator.page(1, second.next_cursor)
    with step(7, "[item['id'] for item in third.items]"):
        expect_equal([item["id"] for item in third.items], ids[7:8])


@pytest.mark.behaviour("6b25d0dd-020e-45c5-879a-739849fcc2ab", "scenario")
@pytest.mark.timeout(10.0)
def test_an_edited_cursor_raises_invalid_cursor_error(solution):
    """A client must not be able to steer the walk by editing its cursor: every cursor one character away from a real one (replaced, dropped or added) raises InvalidCursorError, never another error and never a page."""
    InvalidCursorError = solution.InvalidCursorError
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(1, "store, ids = filled_store(ItemStore, 30)"):
        store, ids = filled_store(ItemStore, 30)
    with step(
        2,
        "paginator = CursorPaginator(store) cursors = [] for limit in (4, 12, 25): cursors.append(paginator.page(limit).next_cursor)",
    ):
        paginator = CursorPaginator(store)
        cursors = []
        for limit in (4, 12, 25):
            cursors.append(paginator.page(limit).next_cursor)
    with step(
        3,
        "[not_refused(paginator, one_character_edits(cursor), InvalidCursorError)[:3] for cursor in cursors]",
    ):
        expect_equal(
            [
                not_refused(paginator, one_character_edits(cursor), InvalidCursorError)[:3]
                for cursor in cursors
            ],
            [[], [], []],
        )
    with step(4, "[item['id'] for item in paginator.page(2, cursors[0]).items]"):
        expect_equal([item["id"] for item in paginator.page(2, cursors[0]).items], ids[4:6])


@pytest.mark.behaviour("fb5b7a23-4d60-4d43-9c6d-66615e9930b0", "scenario")
@pytest.mark.timeout(10.0)
def test_a_malformed_cursor_raises_invalid_cursor_error(solution):
    """Whatever a client sends as a cursor, the API must answer with its documented error (a ValueError subclass), not a decoding error from deep inside."""
    InvalidCursorError = solution.InvalidCursorError
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(1, "store, ids = filled_store(ItemStore, 5)"):
        store, ids = filled_store(ItemStore, 5)
    with step(2, "paginator = CursorPaginator(store)"):
        paginator = CursorPaginator(store)
    with step(3, "issubclass(InvalidCursorError, ValueError)"):
        expect_is(issubclass(InvalidCursorError, ValueError), True)
    with step(
        4,
        "not_refused(paginator, ['abc', 'not.a.cursor', '=====', '.', '....', '%%%', 'a' * 300, '🙂', '🙂.🙂', '\\ud800', 'x.\\ud800', 'eyJhZnRlciI6IDJ9', 'eyJhZnRlciI6IDJ9.', 'bnVsbA.00', ' '], InvalidCursorError)",
    ):
        expect_equal(
            not_refused(
                paginator,
                [
                    "abc",
                    "not.a.cursor",
                    "=====",
                    ".",
                    "....",
                    "%%%",
                    "a" * 300,
                    "🙂",
                    "🙂.🙂",
                    "\ud800",
                    "x.\ud800",
                    "eyJhZnRlciI6IDJ9",
                    "eyJhZnRlciI6IDJ9.",
                    "bnVsbA.00",
                    " ",
                ],
                InvalidCursorError,
            ),
            [],
        )


@pytest.mark.behaviour("a88430cb-ad73-41cb-b619-7b79a783b605", "scenario")
@pytest.mark.timeout(10.0)
def test_a_cursor_from_another_store_raises_invalid_cursor_error(solution):
    """A cursor names a position in one store; another store with the same ids must refuse it instead of silently continuing from a position that means something else there."""
    InvalidCursorError = solution.InvalidCursorError
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(
        1,
        "store, ids = filled_store(ItemStore, 6) other, other_ids = filled_store(ItemStore, 6) cursor = CursorPaginator(store).page(2).next_cursor",
    ):
        store, ids = filled_store(ItemStore, 6)
        other, other_ids = filled_store(ItemStore, 6)
        cursor = CursorPaginator(store).page(2).next_cursor
    with step(2, "CursorPaginator(other).page(2, cursor)", raises=InvalidCursorError):
        CursorPaginator(other).page(2, cursor)
    with step(3, "[item['id'] for item in CursorPaginator(store).page(2, cursor).items]"):
        expect_equal(
            [item["id"] for item in CursorPaginator(store).page(2, cursor).items], ids[2:4]
        )


@pytest.mark.behaviour("9e3b439f-64bd-4a6d-9ba7-a1100045d569", "scenario")
@pytest.mark.timeout(10.0)
def test_any_paginator_over_the_same_store_accepts_its_cursors(solution):
    """A cursor belongs to its store, not to the paginator object that issued it; a server builds a new paginator per request."""
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(1, "store, ids = filled_store(ItemStore, 6)"):
        store, ids = filled_store(ItemStore, 6)
    with step(2, "cursor = CursorPaginator(store).page(2).next_cursor"):
        cursor = CursorPaginator(store).page(2).next_cursor
    with step(3, "[item['id'] for item in CursorPaginator(store).page(2, cursor).items]"):
        expect_equal(
            [item["id"] for item in CursorPaginator(store).page(2, cursor).items], ids[2:4]
        )
    with step(
        4, "[item['id'] for item in CursorPaginator(store, max_limit=3).page(3, cursor).items]"
    ):
        expect_equal(
            [item["id"] for item in CursorPaginator(store, max_limit=3).page(3, cursor).items],
            ids[2:5],
        )


@pytest.mark.behaviour("439e647d-7520-4047-aec4-c322d72b8392", "scenario")
@pytest.mark.timeout(10.0)
def test_rejects_a_limit_outside_one_to_max_limit(solution):
    """A page of no items is meaningless and an unbounded page defeats pagination; `limit` must be 1..max_limit (100 by default)."""
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(1, "store, ids = filled_store(ItemStore, 3)"):
        store, ids = filled_store(ItemStore, 3)
    with step(2, "paginator = CursorPaginator(store)"):
        paginator = CursorPaginator(store)
    with step(3, "paginator.page(0)", raises=ValueError, match="limit"):
        paginator.page(0)
    with step(4, "paginator.page(-1)", raises=ValueError, match="limit"):
        paginator.page(-1)
    with step(5, "paginator.page(101)", raises=ValueError, match="limit"):
        paginator.page(101)
    with step(6, "len(paginator.page(100).items)"):
        expect_equal(len(paginator.page(100).items), 3)
    with step(7, "small = CursorPaginator(store, max_limit=2)"):
        small = CursorPaginator(store, max_limit=2)
    with step(8, "small.page(3)", raises=ValueError, match="limit"):
        small.page(3)
    with step(9, "len(small.page(2).items)"):
        expect_equal(len(small.page(2).items), 2)


@pytest.mark.behaviour("bcadca08-3f81-4aa1-b427-5d4c1095ea1c", "scenario")
@pytest.mark.timeout(10.0)
def test_rejects_a_max_limit_below_one(solution):
    """A paginator that allows no page size at all is a caller's mistake to report at construction."""
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(1, "CursorPaginator(ItemStore(), max_limit=0)", raises=ValueError, match="max_limit"):
        CursorPaginator(ItemStore(), max_limit=0)
    with step(2, "CursorPaginator(ItemStore(), -5)", raises=ValueError, match="max_limit"):
        CursorPaginator(ItemStore(), -5)
    with step(3, "len(CursorPaginator(ItemStore(), max_limit=1).page(1).items)"):
        expect_equal(len(CursorPaginator(ItemStore(), max_limit=1).page(1).items), 0)


@pytest.mark.behaviour("60de480b-b6ec-4178-a59b-3d54f326e8bc", "scenario")
@pytest.mark.timeout(10.0)
def test_the_same_cursor_gives_the_same_page_every_time(solution):
    """A client whose response was lost retries with the same cursor; a cursor is a position, valid as often as it is sent, not a one-time ticket."""
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(1, "store, ids = filled_store(ItemStore, 6)"):
        store, ids = filled_store(ItemStore, 6)
    with step(2, "paginator = CursorPaginator(store) cursor = paginator.page(2).next_cursor"):
        paginator = CursorPaginator(store)
        cursor = paginator.page(2).next_cursor
    with step(3, "[[item['id'] for item in paginator.page(2, cursor).items] for _ in range(3)]"):
        expect_equal(
            [[item["id"] for item in paginator.page(2, cursor).items] for _ in range(3)],
            [ids[2:4]] * 3,
        )
    with step(4, "[item['id'] for item in paginator.page(2).items]"):
        expect_equal([item["id"] for item in paginator.page(2).items], ids[0:2])


@pytest.mark.behaviour("b7c4c28b-8657-46d5-916a-88a8a949495d", "scenario")
@pytest.mark.timeout(10.0)
def test_an_empty_cursor_is_refused_not_read_as_the_start(solution):
    """Only `None` means "from the start"; an empty string is a cursor the store never issued (`if cursor:` is the bug), so it raises InvalidCursorError instead of silently restarting the walk."""
    InvalidCursorError = solution.InvalidCursorError
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(1, "store, ids = filled_store(ItemStore, 4)"):
        store, ids = filled_store(ItemStore, 4)
    with step(2, "paginator = CursorPaginator(store)"):
        paginator = CursorPaginator(store)
    with step(3, 'paginator.page(2, "")', raises=InvalidCursorError):
        paginator.page(2, "")
    with step(4, "[item['id'] for item in paginator.page(2, None).items]"):
        expect_equal([item["id"] for item in paginator.page(2, None).items], ids[0:2])


@pytest.mark.behaviour("7a670366-1c88-4eaf-9b90-d656812694f4", "scenario")
@pytest.mark.timeout(10.0)
def test_adding_an_equal_item_again_stores_a_second_item(solution):
    """Two equal dicts (two identical orders) are two items; every `add` stores its item under a new id, even when an equal one is already stored."""
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator
    with step(
        1,
        'store = ItemStore() first = store.add({"name": "same"}) second = store.add({"name": "same"})',
    ):
        store = ItemStore()
        first = store.add({"name": "same"})
        second = store.add({"name": "same"})
    with step(2, "first < second"):
        expect_is(first < second, True)
    with step(3, "[item['id'] for item in CursorPaginator(store).page(10).items]"):
        expect_equal(
            [item["id"] for item in CursorPaginator(store).page(10).items], [first, second]
        )


@pytest.mark.behaviour("9df157b6-f9c7-43ac-b9c4-acb249838347", "property")
@pytest.mark.timeout(60.0)
def test_paging_a_changing_store_behaves_like_a_keyset_model(solution):
    """Any mix of adds, deletes and pages of 1 to 4 items (cursors sent through JSON and a URL; a walk restarts when it ends) must match a keyset model, page for page."""
    ItemStore = solution.ItemStore
    CursorPaginator = solution.CursorPaginator

    class KeysetModel:
        def __init__(self):
            self.items = {}  # add order -> n
            self.added = 0
            self.after = 0  # the position of the walk: items after this one come next

        def add(self, n):
            self.added += 1
            self.items[self.added] = n

        def delete(self, k):
            return self.items.pop(k, None) is not None

        def page(self, limit):
            following = sorted(k for k in self.items if k > self.after)
            chosen = following[:limit]
            more = len(following) > limit
            self.after = chosen[-1] if more else 0
            return [(k, self.items[k]) for k in chosen], more

    class Machine(ModelMachine):
        @initialize()
        def start(self):
            self.begin(
                lambda: WalkHarness(ItemStore, CursorPaginator),
                lambda: KeysetModel(),
                "WalkHarness(ItemStore, CursorPaginator)",
            )

        @rule(n=st.integers(0, 9))
        def rule_1_add(self, n):
            self.apply(
                "add(n)",
                lambda target: target.add(n),
                n=n,
                compare=False,
            )

        @rule(k=st.integers(1, 12))
        def rule_2_delete(self, k):
            self.apply(
                "delete(k)",
                lambda target: target.delete(k),
                k=k,
                compare=True,
            )

        @rule(limit=st.integers(1, 4))
        def rule_3_page(self, limit):
            self.apply(
                "page(limit)",
                lambda target: target.page(limit),
                limit=limit,
                compare=True,
            )

    run_model_machine(Machine, examples=100, steps=40)
