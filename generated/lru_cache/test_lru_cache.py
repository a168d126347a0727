# Generated from specs/lru_cache/spec.yaml by `kata generate`; do not edit.
# spec-sha256: fb21af7437dd7e88ad75321b231f79f654e4ebd746b017ffae9a223dd0caeca6
"""Conformance suite for the lru_cache kata: one test per behaviour of its spec.

Run it with `kata check lru_cache` or `pytest generated/lru_cache --impl PATH`.
"""

from __future__ import annotations

import pytest
from hypothesis import strategies as st

from katakit.testing import (
    ModelMachine,
    expect_constant_time,
    expect_equal,
    expect_is,
    initialize,
    invariant,
    rule,
    run_model_machine,
    run_threads,
    step,
)

pytestmark = pytest.mark.kata(
    "lru_cache",
    classes=["LRUCache"],
    exceptions=[],
    functions=[],
)


@pytest.mark.behaviour("c0cb3936-374f-4bf9-9d10-b255e7f0323b", "scenario")
@pytest.mark.timeout(10.0)
def test_returns_what_was_put(solution):
    """The cache must give back exactly what was stored under a key."""
    LRUCache = solution.LRUCache
    with step(1, "cache = LRUCache(2)"):
        cache = LRUCache(2)
    with step(2, 'cache.put("a", 1)'):
        cache.put("a", 1)
    with step(3, "cache.get('a')"):
        expect_equal(cache.get("a"), 1)
    with step(4, "cache.capacity"):
        expect_equal(cache.capacity, 2)


@pytest.mark.behaviour("385aaf3d-c091-4613-b2e2-5ad1e45fc6a3", "scenario")
@pytest.mark.timeout(10.0)
def test_returns_the_default_for_a_missing_key(solution):
    """A miss must be distinguishable, and the caller chooses what a miss looks like."""
    LRUCache = solution.LRUCache
    with step(1, "cache = LRUCache(2)"):
        cache = LRUCache(2)
    with step(2, "cache.get('missing')"):
        expect_is(cache.get("missing"), None)
    with step(3, "cache.get('missing', 'fallback')"):
        expect_equal(cache.get("missing", "fallback"), "fallback")


@pytest.mark.behaviour("4729839b-d156-480c-9ef9-28cf2357ecc8", "scenario")
@pytest.mark.timeout(10.0)
def test_returns_a_stored_falsy_value_as_stored(solution):
    """None, 0 and empty strings are values like any other; treating them as misses loses data."""
    LRUCache = solution.LRUCache
    with step(1, "cache = LRUCache(3)"):
        cache = LRUCache(3)
    with step(2, 'cache.put("none", None) cache.put("zero", 0) cache.put("empty", "")'):
        cache.put("none", None)
        cache.put("zero", 0)
        cache.put("empty", "")
    with step(3, "cache.get('none', 'default')"):
        expect_is(cache.get("none", "default"), None)
    with step(4, "cache.get('zero', 'default')"):
        expect_equal(cache.get("zero", "default"), 0)
    with step(5, "cache.get('empty', 'default')"):
        expect_equal(cache.get("empty", "default"), "")
    with step(6, "cache.stats()"):
        expect_equal(cache.stats(), {"hits": 3, "misses": 0, "evictions": 0})


@pytest.mark.behaviour("f62bac58-2eea-4e62-a741-16cc2f448f0c", "scenario")
@pytest.mark.timeout(10.0)
def test_evicts_the_least_recently_used_key(solution):
    """Eviction must follow use, not insertion order, or hot keys get thrown out."""
    LRUCache = solution.LRUCache
    with step(1, "cache = LRUCache(2)"):
        cache = LRUCache(2)
    with step(2, 'cache.put("a", 1) cache.put("b", 2)'):
        cache.put("a", 1)
        cache.put("b", 2)
    with step(3, "cache.get('a')"):
        expect_equal(cache.get("a"), 1)
    with step(4, 'cache.put("c", 3)'):
        cache.put("c", 3)
    with step(5, "'b' in cache"):
        expect_is("b" in cache, False)
    with step(6, "'a' in cache"):
        expect_is("a" in cache, True)
    with step(7, "'c' in cache"):
        expect_is("c" in cache, True)
    with step(8, "len(cache)"):
        expect_equal(len(cache), 2)


@pytest.mark.behaviour("59c3bbc4-0444-4685-a533-79e8c270bacd", "scenario")
@pytest.mark.timeout(10.0)
def test_updating_a_key_refreshes_it_without_evicting(solution):
    """An update is a use, and it must not count as a new key that pushes another one out."""
    LRUCache = solution.LRUCache
    with step(1, "cache = LRUCache(2)"):
        cache = LRUCache(2)
    with step(2, 'cache.put("a", 1) cache.put("b", 2) cache.put("a", 10)'):
        cache.put("a", 1)
        cache.put("b", 2)
        cache.put("a", 10)
    with step(3, "len(cache)"):
        expect_equal(len(cache), 2)
    with step(4, "cache.stats()['evictions']"):
        expect_equal(cache.stats()["evictions"], 0)
    with step(5, 'cache.put("c", 3)'):
        cache.put("c", 3)
    with step(6, "'b' in cache"):
        expect_is("b" in cache, False)
    with step(7, "cache.get('a')"):
        expect_equal(cache.get("a"), 10)


@pytest.mark.behaviour("0259229f-bda8-4788-9777-82befac23bc2", "scenario")
@pytest.mark.timeout(10.0)
def test_membership_does_not_change_recency(solution):
    """Peeking with `in` must not protect a key from eviction."""
    LRUCache = solution.LRUCache
    with step(1, "cache = LRUCache(2)"):
        cache = LRUCache(2)
    with step(2, 'cache.put("a", 1) cache.put("b", 2)'):
        cache.put("a", 1)
        cache.put("b", 2)
    with step(3, "'a' in cache"):
        expect_is("a" in cache, True)
    with step(4, 'cache.put("c", 3)'):
        cache.put("c", 3)
    with step(5, "'a' in cache"):
        expect_is("a" in cache, False)
    with step(6, "'b' in cache"):
        expect_is("b" in cache, True)


@pytest.mark.behaviour("d74ccb99-dabb-4883-804d-436a6e628431", "scenario")
@pytest.mark.timeout(10.0)
def test_rejects_a_capacity_below_one(solution):
    """A zero or negative capacity makes a cache that silently stores nothing; fail loudly instead."""
    LRUCache = solution.LRUCache
    with step(1, "LRUCache(0)", raises=ValueError, match="capacity"):
        LRUCache(0)
    with step(2, "LRUCache(-3)", raises=ValueError, match="capacity"):
        LRUCache(-3)
    with step(3, "cache = LRUCache(1)"):
        cache = LRUCache(1)
    with step(4, "cache.capacity"):
        expect_equal(cache.capacity, 1)


@pytest.mark.behaviour("1008e800-80eb-4598-8a66-deec311c3588", "scenario")
@pytest.mark.timeout(10.0)
def test_delete_clear_and_size_keep_the_count(solution):
    """Removal must report what it did and the size must always match the contents."""
    LRUCache = solution.LRUCache
    with step(1, "cache = LRUCache(3)"):
        cache = LRUCache(3)
    with step(2, 'cache.put("a", 1) cache.put("b", 2)'):
        cache.put("a", 1)
        cache.put("b", 2)
    with step(3, "cache.delete('a')"):
        expect_is(cache.delete("a"), True)
    with step(4, "cache.delete('a')"):
        expect_is(cache.delete("a"), False)
    with step(5, "cache.size()"):
        expect_equal(cache.size(), 1)
    with step(6, "len(cache)"):
        expect_equal(len(cache), 1)
    with step(7, "cache.clear()"):
        cache.clear()
    with step(8, "cache.size()"):
        expect_equal(cache.size(), 0)
    with step(9, "cache.get('b')"):
        expect_is(cache.get("b"), None)


@pytest.mark.behaviour("61d686c7-1575-4694-bd4c-a9d797f751c9", "scenario")
@pytest.mark.timeout(10.0)
def test_counts_hits_misses_and_evictions(solution):
    """Counters are how operators tune a cache; only get counts hits and misses, only put evicts, clear resets nothing."""
    LRUCache = solution.LRUCache
    with step(1, "cache = LRUCache(1)"):
        cache = LRUCache(1)
    with step(
        2,
        'cache.put("a", 1) cache.get("a") cache.get("zz") cache.put("b", 2) "a" in cache cache.delete("b") cache.clear()',
    ):
        cache.put("a", 1)
        cache.get("a")
        cache.get("zz")
        cache.put("b", 2)
        "a" in cache
        cache.delete("b")
        cache.clear()
    with step(3, "cache.stats()"):
        expect_equal(cache.stats(), {"hits": 1, "misses": 1, "evictions": 1})


@pytest.mark.behaviour("f900584d-a395-4f4b-9bcd-817bb5fab3b3", "scenario")
@pytest.mark.timeout(10.0)
def test_putting_the_same_value_again_still_refreshes_recency(solution):
    """A put is a use even when the value does not change; skipping "unchanged" puts lets a hot key be evicted."""
    LRUCache = solution.LRUCache
    with step(
        1,
        'cache = LRUCache(2) cache.put("a", 1) cache.put("b", 2) cache.put("a", 1) cache.put("c", 3)',
    ):
        cache = LRUCache(2)
        cache.put("a", 1)
        cache.put("b", 2)
        cache.put("a", 1)
        cache.put("c", 3)
    with step(2, "('a' in cache, 'b' in cache, 'c' in cache)"):
        expect_equal(("a" in cache, "b" in cache, "c" in cache), (True, False, True))
    with step(3, "cache.stats()['evictions']"):
        expect_equal(cache.stats()["evictions"], 1)


@pytest.mark.behaviour("6cee519e-1d2b-4b98-9bcd-5261551f181b", "scenario")
@pytest.mark.timeout(10.0)
def test_each_cache_counts_its_own_stats(solution):
    """Two caches are two caches; counters shared between instances make every cache's statistics wrong."""
    LRUCache = solution.LRUCache
    with step(
        1,
        'first = LRUCache(1) first.put("a", 1) first.get("a") first.get("zz") first.put("b", 2) second = LRUCache(1)',
    ):
        first = LRUCache(1)
        first.put("a", 1)
        first.get("a")
        first.get("zz")
        first.put("b", 2)
        second = LRUCache(1)
    with step(2, "second.stats()"):
        expect_equal(second.stats(), {"hits": 0, "misses": 0, "evictions": 0})
    with step(3, 'second.get("a")'):
        second.get("a")
    with step(4, "first.stats()"):
        expect_equal(first.stats(), {"hits": 1, "misses": 1, "evictions": 1})
    with step(5, "second.stats()"):
        expect_equal(second.stats(), {"hits": 0, "misses": 1, "evictions": 0})


@pytest.mark.behaviour("6645eea3-6898-4067-bd08-335a34944652", "property")
@pytest.mark.timeout(60.0)
def test_behaves_like_a_reference_model(solution):
    """Any sequence of puts, gets and deletes must match a simple, obviously correct model."""
    LRUCache = solution.LRUCache

    class Model:
        def __init__(self, capacity):
            self.capacity = capacity
            self.order = []
            self.data = {}

        def touch(self, key):
            if key in self.order:
                self.order.remove(key)
            self.order.append(key)

        def get(self, key, default=None):
            if key not in self.data:
                return default
            self.touch(key)
            return self.data[key]

        def put(self, key, value):
            self.data[key] = value
            self.touch(key)
            if len(self.order) > self.capacity:
                del self.data[self.order.pop(0)]

        def delete(self, key):
            if key not in self.data:
                return False
            del self.data[key]
            self.order.remove(key)
            return True

        def __contains__(self, key):
            return key in self.data

        def __len__(self):
            return len(self.data)

    class Machine(ModelMachine):
        @initialize(capacity=st.integers(min_value=1, max_value=4))
        def start(self, capacity):
            self.begin(
                lambda: LRUCache(capacity),
                lambda: Model(capacity),
                "LRUCache(capacity)",
                capacity=capacity,
            )

        @rule(key=st.integers(0, 6), value=st.one_of(st.none(), st.integers(-2, 2)))
        def rule_1_put(self, key, value):
            self.apply(
                "put(key, value)",
                lambda target: target.put(key, value),
                key=key,
                value=value,
                compare=True,
            )

        @rule(key=st.integers(0, 6))
        def rule_2_get(self, key):
            self.apply(
                "get(key)",
                lambda target: target.get(key),
                key=key,
                compare=True,
            )

        @rule(key=st.integers(0, 6))
        def rule_3_delete(self, key):
            self.apply(
                "delete(key)",
                lambda target: target.delete(key),
                key=key,
                compare=True,
            )

        @rule(key=st.integers(0, 6))
        def rule_4___contains__(self, key):
            self.apply(
                "__contains__(key)",
                lambda target: target.__contains__(key),
                key=key,
                compare=True,
            )

        @invariant()
        def invariant_1(self):
            self.holds(
                "len(subject) == len(model)",
                lambda subject, model: len(subject) == len(model),
                sides=lambda subject, model: (len(subject), len(model)),
                equality=True,
            )

        @invariant()
        def invariant_2(self):
            self.holds(
                "len(subject) <= subject.capacity",
                lambda subject, model: len(subject) <= subject.capacity,
                sides=lambda subject, model: (len(subject), subject.capacity),
            )

    run_model_machine(Machine, examples=80, steps=30)


@pytest.mark.behaviour("60cd1ff4-4d0a-4fbb-ab38-ad7a5273fb18", "concurrency")
@pytest.mark.timeout(35.0)
def test_never_exceeds_capacity_under_concurrent_puts(solution):
    """Without one lock around insert-then-evict, threads overfill the cache or corrupt it."""
    LRUCache = solution.LRUCache
    with step("setup", "cache = LRUCache(32) seen = []"):
        cache = LRUCache(32)
        seen = []

    def worker(index):
        for n in range(80):
            cache.put((index, n), n)
            cache.get((index, n - 1))
            seen.append(len(cache))

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "len(cache)"):
        expect_equal(len(cache), 32)
    with step("after 2", "max(seen) <= 32"):
        expect_is(max(seen) <= 32, True)
    with step("after 3", "cache.stats()['hits'] + cache.stats()['misses']"):
        expect_equal(cache.stats()["hits"] + cache.stats()["misses"], 640)
    with step("after 4", "cache.stats()['evictions']"):
        expect_equal(cache.stats()["evictions"], 608)


@pytest.mark.behaviour("29d1fb0d-5882-439a-801a-ada32ad36c78", "concurrency")
@pytest.mark.timeout(35.0)
def test_one_new_key_put_by_many_threads_at_once_evicts_exactly_one_key(solution):
    """Eight threads putting the same new key into a full cache add one key, so exactly one other key goes; a room-making eviction decided on a stale check evicts once per thread."""
    LRUCache = solution.LRUCache
    with step("setup", "cache = LRUCache(8) for k in range(8): cache.put(k, k)"):
        cache = LRUCache(8)
        for k in range(8):
            cache.put(k, k)

    def worker(index):
        cache.put("x", index)
        cache.get("x")

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "len(cache)"):
        expect_equal(len(cache), 8)
    with step("after 2", "'x' in cache and 0 not in cache"):
        expect_is("x" in cache and 0 not in cache, True)
    with step("after 3", "all((k in cache for k in range(1, 8)))"):
        expect_is(all(k in cache for k in range(1, 8)), True)
    with step("after 4", "cache.stats()"):
        expect_equal(cache.stats(), {"hits": 8, "misses": 0, "evictions": 1})


@pytest.mark.behaviour("f54ef1e0-925e-416e-85f6-2e621232bcbb", "complexity")
@pytest.mark.timeout(60.0)
def test_get_put_and_delete_are_constant_time(solution):
    """An LRU that scans a list on every access becomes the bottleneck it was meant to remove."""
    LRUCache = solution.LRUCache

    def build(n):
        cache = LRUCache(n)
        for k in range(n):
            cache.put(k, k)

        def operation(i):
            cache.get(i % n)
            cache.put(n + i, i)
            cache.delete(i % 7)

        return operation

    expect_constant_time(
        build,
        sizes=[1000, 100000],
        operations=2000,
        max_ratio=4.0,
        budget=36.0,
    )
