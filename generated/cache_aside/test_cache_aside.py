# Generated from specs/cache_aside/spec.yaml by `kata generate`; do not edit.
# spec-sha256: ad3878b11201d3d7b7ad7f6507b00112dc9526d5131103177cb9c11317873976
"""Conformance suite for the cache_aside kata: one test per behaviour of its spec.

Run it with `kata check cache_aside` or `pytest generated/cache_aside --impl PATH`.
"""

from __future__ import annotations

import pytest
from hypothesis import strategies as st

from katakit.testing import (
    ModelMachine,
    expect_equal,
    expect_is,
    initialize,
    invariant,
    rule,
    run_model_machine,
    step,
)


class FakeClock:
    """A clock the test moves by hand: `clock.now = 12.5`, then `clock()` returns 12.5."""

    def __init__(self, now=0.0):
        self.now = now

    def __call__(self):
        return self.now


class CacheHarness:
    """A TTLCache driven by a FakeClock, with an `advance` step for the model test."""

    def __init__(self, cache_cls):
        self.clock = FakeClock(1000.0)
        self.cache = cache_cls(clock=self.clock)

    def set(self, key, value, ttl):
        return self.cache.set(key, value, ttl)

    def get(self, key):
        return self.cache.get(key)

    def delete(self, key):
        return self.cache.delete(key)

    def advance(self, seconds):
        self.clock.now += seconds


USERS = {1: {"name": "Ada"}, 2: {"name": "Lin"}, 3: {}}


class ServiceHarness:
    """A UserService over a fresh DatabaseService and a TTLCache on a FakeClock.

    `get_user` tampers with the dict it receives (as a careless caller would) and
    reports a snapshot taken before the tampering.
    """

    def __init__(self, cache_cls, db_cls, service_cls, ttl):
        self.clock = FakeClock(1000.0)
        self.db = db_cls({key: dict(value) for key, value in USERS.items()})
        self.service = service_cls(self.db, cache_cls(clock=self.clock), ttl)

    def get_user(self, user_id):
        user = self.service.get_user(user_id)
        snapshot = None if user is None else dict(user)
        if isinstance(user, dict):
            user["name"] = "tampered"
            user["extra"] = True
        return snapshot

    def update_user(self, user_id, user_data):
        return self.service.update_user(user_id, dict(user_data))

    def advance(self, seconds):
        self.clock.now += seconds

    def counters(self):
        return {
            "hits": self.service.hits,
            "misses": self.service.misses,
            "queries": self.db.query_count,
        }


def db_with_a_reader_during_writes(db_cls):
    """A DatabaseService whose update_user first runs `on_write` (a read arriving mid-write), then writes."""

    class RacingDatabase(db_cls):
        def __init__(self, data=None):
            super().__init__(data)
            self.on_write = None

        def update_user(self, user_id, user_data):
            if self.on_write is not None:
                self.on_write()
            return super().update_user(user_id, user_data)

    return RacingDatabase


pytestmark = pytest.mark.kata(
    "cache_aside",
    classes=["TTLCache", "DatabaseService", "UserService"],
    exceptions=[],
    functions=[],
)


@pytest.mark.behaviour("3796a0d5-5f0c-4736-bae9-d5ef9ee70365", "scenario")
@pytest.mark.timeout(10.0)
def test_ttl_cache_returns_what_was_set_and_none_for_a_missing_key(solution):
    """The cache must give back exactly what was stored, and None for a key it never saw."""
    TTLCache = solution.TTLCache
    with step(1, "clock = FakeClock(0.0)"):
        clock = FakeClock(0.0)
    with step(2, "cache = TTLCache(clock=clock)"):
        cache = TTLCache(clock=clock)
    with step(3, 'cache.set("a", {"name": "Ada"}, 60)'):
        cache.set("a", {"name": "Ada"}, 60)
    with step(4, "cache.get('a')"):
        expect_equal(cache.get("a"), {"name": "Ada"})
    with step(5, "cache.get('missing')"):
        expect_is(cache.get("missing"), None)


@pytest.mark.behaviour("280c68a0-e08e-4fbd-b4c8-e812e8be841b", "scenario")
@pytest.mark.timeout(10.0)
def test_ttl_cache_entry_expires_exactly_at_set_time_plus_ttl(solution):
    """The rule is `clock() >= set_time + ttl`: the entry lives up to, but not at, its deadline, and time comes from the injected clock, never time.time()."""
    TTLCache = solution.TTLCache
    with step(1, "clock = FakeClock(100.0)"):
        clock = FakeClock(100.0)
    with step(2, "cache = TTLCache(clock=clock)"):
        cache = TTLCache(clock=clock)
    with step(3, 'cache.set("k", "v", 2.5)'):
        cache.set("k", "v", 2.5)
    with step(4, "clock.now = 102.25"):
        clock.now = 102.25
    with step(5, "cache.get('k')"):
        expect_equal(cache.get("k"), "v")
    with step(6, "clock.now = 102.5"):
        clock.now = 102.5
    with step(7, "cache.get('k')"):
        expect_is(cache.get("k"), None)


@pytest.mark.behaviour("4222d5b8-fc43-4618-8b7c-16d1e1f8c5b7", "scenario")
@pytest.mark.timeout(10.0)
def test_ttl_cache_default_ttl_is_300_seconds(solution):
    """`set` without a ttl_seconds keeps the entry for exactly 300 seconds of the injected clock."""
    TTLCache = solution.TTLCache
    with step(1, "clock = FakeClock(0.0)"):
        clock = FakeClock(0.0)
    with step(2, "cache = TTLCache(clock=clock)"):
        cache = TTLCache(clock=clock)
    with step(3, 'cache.set("k", 1)'):
        cache.set("k", 1)
    with step(4, "clock.now = 299.5"):
        clock.now = 299.5
    with step(5, "cache.get('k')"):
        expect_equal(cache.get("k"), 1)
    with step(6, "clock.now = 300.0"):
        clock.now = 300.0
    with step(7, "cache.get('k')"):
        expect_is(cache.get("k"), None)


@pytest.mark.behaviour("34ce5858-751e-4e6a-8137-c0fb585f7aa1", "scenario")
@pytest.mark.timeout(10.0)
def test_ttl_cache_setting_a_key_again_restarts_its_ttl(solution):
    """The set time of an entry is its latest set; keeping the first deadline expires fresh data early."""
    TTLCache = solution.TTLCache
    with step(1, "clock = FakeClock(0.0)"):
        clock = FakeClock(0.0)
    with step(2, "cache = TTLCache(clock=clock)"):
        cache = TTLCache(clock=clock)
    with step(3, 'cache.set("k", "old", 10)'):
        cache.set("k", "old", 10)
    with step(4, "clock.now = 5.0"):
        clock.now = 5.0
    with step(5, 'cache.set("k", "new", 10)'):
        cache.set("k", "new", 10)
    with step(6, "clock.now = 12.0"):
        clock.now = 12.0
    with step(7, "cache.get('k')"):
        expect_equal(cache.get("k"), "new")
    with step(8, "clock.now = 15.0"):
        clock.now = 15.0
    with step(9, "cache.get('k')"):
        expect_is(cache.get("k"), None)


@pytest.mark.behaviour("867a0641-d2dc-4a86-8535-4239703b24d4", "scenario")
@pytest.mark.timeout(10.0)
def test_ttl_cache_rejects_a_ttl_that_is_not_positive(solution):
    """A zero or negative TTL would store an entry that is dead on arrival; the caller's mistake must surface at set()."""
    TTLCache = solution.TTLCache
    with step(1, "cache = TTLCache(clock=FakeClock(0.0))"):
        cache = TTLCache(clock=FakeClock(0.0))
    with step(2, 'cache.set("k", 1, 0)', raises=ValueError, match="ttl"):
        cache.set("k", 1, 0)
    with step(3, 'cache.set("k", 1, -5)', raises=ValueError, match="ttl"):
        cache.set("k", 1, -5)
    with step(4, "cache.get('k')"):
        expect_is(cache.get("k"), None)
    with step(5, 'cache.set("k", 1, 0.5)'):
        cache.set("k", 1, 0.5)
    with step(6, "cache.get('k')"):
        expect_equal(cache.get("k"), 1)


@pytest.mark.behaviour("744c513f-6814-4645-ad52-943594d09f38", "scenario")
@pytest.mark.timeout(10.0)
def test_ttl_cache_delete_reports_whether_the_key_was_stored(solution):
    """delete must remove the entry and tell the caller whether there was one."""
    TTLCache = solution.TTLCache
    with step(1, "cache = TTLCache(clock=FakeClock(0.0))"):
        cache = TTLCache(clock=FakeClock(0.0))
    with step(2, 'cache.set("k", 1, 60)'):
        cache.set("k", 1, 60)
    with step(3, "cache.delete('k')"):
        expect_is(cache.delete("k"), True)
    with step(4, "cache.get('k')"):
        expect_is(cache.get("k"), None)
    with step(5, "cache.delete('k')"):
        expect_is(cache.delete("k"), False)
    with step(6, "cache.delete('never')"):
        expect_is(cache.delete("never"), False)


@pytest.mark.behaviour("234328ac-0960-4006-8354-6bcb2ace722a", "scenario")
@pytest.mark.timeout(10.0)
def test_ttl_cache_returns_stored_falsy_values(solution):
    """An empty dict, 0 or an empty string are values like any other; the cache must hand them back."""
    TTLCache = solution.TTLCache
    with step(1, "cache = TTLCache(clock=FakeClock(0.0))"):
        cache = TTLCache(clock=FakeClock(0.0))
    with step(2, 'cache.set("empty", {}, 60) cache.set("zero", 0, 60) cache.set("blank", "", 60)'):
        cache.set("empty", {}, 60)
        cache.set("zero", 0, 60)
        cache.set("blank", "", 60)
    with step(3, "cache.get('empty')"):
        expect_equal(cache.get("empty"), {})
    with step(4, "cache.get('zero')"):
        expect_equal(cache.get("zero"), 0)
    with step(5, "cache.get('blank')"):
        expect_equal(cache.get("blank"), "")


@pytest.mark.behaviour("acc4aa15-b51b-45f4-9f5a-5975004ad62e", "property")
@pytest.mark.timeout(60.0)
def test_ttl_cache_behaves_like_a_model_on_a_fake_clock(solution):
    """Any mix of set, get, delete and clock steps must match a model whose entries live while `now < set_time + ttl`."""
    TTLCache = solution.TTLCache

    class CacheModel:
        def __init__(self):
            self.now = 1000.0
            self.entries = {}

        def set(self, key, value, ttl):
            self.entries[key] = (value, self.now + ttl)

        def get(self, key):
            entry = self.entries.get(key)
            if entry is None or self.now >= entry[1]:
                return None
            return entry[0]

        def delete(self, key):
            return self.entries.pop(key, None) is not None

        def advance(self, seconds):
            self.now += seconds

    class Machine(ModelMachine):
        @initialize()
        def start(self):
            self.begin(
                lambda: CacheHarness(TTLCache),
                lambda: CacheModel(),
                "CacheHarness(TTLCache)",
            )

        @rule(
            key=st.integers(0, 4),
            ttl=st.integers(1, 4),
            value=st.one_of(st.integers(-1, 3), st.just(""), st.just("x")),
        )
        def rule_1_set(self, key, ttl, value):
            self.apply(
                "set(key, value, ttl)",
                lambda target: target.set(key, value, ttl),
                key=key,
                ttl=ttl,
                value=value,
                compare=True,
            )

        @rule(key=st.integers(0, 4))
        def rule_2_get(self, key):
            self.apply(
                "get(key)",
                lambda target: target.get(key),
                key=key,
                compare=True,
            )

        @rule(key=st.integers(0, 4))
        def rule_3_delete(self, key):
            self.apply(
                "delete(key)",
                lambda target: target.delete(key),
                key=key,
                compare=False,
            )

        @rule(seconds=st.integers(0, 3))
        def rule_4_advance(self, seconds):
            self.apply(
                "advance(seconds)",
                lambda target: target.advance(seconds),
                seconds=seconds,
                compare=False,
            )

    run_model_machine(Machine, examples=80, steps=30)


@pytest.mark.behaviour("4c7054f1-ed58-4b9b-baa0-25e2b3e4e998", "scenario")
@pytest.mark.timeout(10.0)
def test_database_starts_empty_and_counts_every_get_user(solution):
    """query_count is how the service's caching is measured, so it must count every get_user call, found or not, and nothing else."""
    DatabaseService = solution.DatabaseService
    with step(1, "db = DatabaseService()"):
        db = DatabaseService()
    with step(2, "db.query_count"):
        expect_equal(db.query_count, 0)
    with step(3, "db.get_user(1)"):
        expect_is(db.get_user(1), None)
    with step(4, "db.query_count"):
        expect_equal(db.query_count, 1)
    with step(5, 'db.update_user(1, {"name": "Ada"})'):
        db.update_user(1, {"name": "Ada"})
    with step(6, "db.query_count"):
        expect_equal(db.query_count, 1)
    with step(7, "db.get_user(1)"):
        expect_equal(db.get_user(1), {"name": "Ada"})
    with step(8, "db.query_count"):
        expect_equal(db.query_count, 2)
    with step(9, 'seeded = DatabaseService({7: {"name": "Lin"}})'):
        seeded = DatabaseService({7: {"name": "Lin"}})
    with step(10, "seeded.get_user(7)"):
        expect_equal(seeded.get_user(7), {"name": "Lin"})
    with step(11, "seeded.query_count"):
        expect_equal(seeded.query_count, 1)


@pytest.mark.behaviour("fd6d1df6-6061-47e6-b98c-babbf652640b", "scenario")
@pytest.mark.timeout(10.0)
def test_second_lookup_of_a_user_is_served_from_the_cache(solution):
    """The point of cache-aside is that only the first read of a user reaches the database."""
    TTLCache = solution.TTLCache
    DatabaseService = solution.DatabaseService
    UserService = solution.UserService
    with step(1, 'db = DatabaseService({1: {"name": "Ada"}})'):
        db = DatabaseService({1: {"name": "Ada"}})
    with step(2, "service = UserService(db, TTLCache(clock=FakeClock(0.0)), 60)"):
        service = UserService(db, TTLCache(clock=FakeClock(0.0)), 60)
    with step(3, "(service.hits, service.misses)"):
        expect_equal((service.hits, service.misses), (0, 0))
    with step(4, "service.get_user(1)"):
        expect_equal(service.get_user(1), {"name": "Ada"})
    with step(5, "(service.hits, service.misses, db.query_count)"):
        expect_equal((service.hits, service.misses, db.query_count), (0, 1, 1))
    with step(6, "service.get_user(1)"):
        expect_equal(service.get_user(1), {"name": "Ada"})
    with step(7, "(service.hits, service.misses, db.query_count)"):
        expect_equal((service.hits, service.misses, db.query_count), (1, 1, 1))


@pytest.mark.behaviour("0ba7f210-071b-4c10-902a-7ffcc4702322", "scenario")
@pytest.mark.timeout(10.0)
def test_a_cached_empty_user_is_a_hit_not_a_miss(solution):
    """`if cached:` mistakes a cached `{}` for a miss and queries the database on every lookup."""
    TTLCache = solution.TTLCache
    DatabaseService = solution.DatabaseService
    UserService = solution.UserService
    with step(1, "db = DatabaseService({5: {}})"):
        db = DatabaseService({5: {}})
    with step(2, "service = UserService(db, TTLCache(clock=FakeClock(0.0)), 60)"):
        service = UserService(db, TTLCache(clock=FakeClock(0.0)), 60)
    with step(3, "service.get_user(5)"):
        expect_equal(service.get_user(5), {})
    with step(4, "service.get_user(5)"):
        expect_equal(service.get_user(5), {})
    with step(5, "service.get_user(5)"):
        expect_equal(service.get_user(5), {})
    with step(6, "db.query_count"):
        expect_equal(db.query_count, 1)
    with step(7, "(service.hits, service.misses)"):
        expect_equal((service.hits, service.misses), (2, 1))


@pytest.mark.behaviour("0f9b7ad2-5bec-4047-99ef-fdbbb693cf17", "scenario")
@pytest.mark.timeout(10.0)
def test_an_unknown_user_is_cached_as_missing(solution):
    """Repeated lookups of an id the database does not have must query it once per TTL, or unknown ids become a way to overload the database."""
    TTLCache = solution.TTLCache
    DatabaseService = solution.DatabaseService
    UserService = solution.UserService
    with step(1, 'db = DatabaseService({1: {"name": "Ada"}})'):
        db = DatabaseService({1: {"name": "Ada"}})
    with step(2, "service = UserService(db, TTLCache(clock=FakeClock(0.0)), 60)"):
        service = UserService(db, TTLCache(clock=FakeClock(0.0)), 60)
    with step(3, "service.get_user(42)"):
        expect_is(service.get_user(42), None)
    with step(4, "service.get_user(42)"):
        expect_is(service.get_user(42), None)
    with step(5, "service.get_user(42)"):
        expect_is(service.get_user(42), None)
    with step(6, "db.query_count"):
        expect_equal(db.query_count, 1)


@pytest.mark.behaviour("0eb402de-a191-4875-b125-43afa370cef1", "scenario")
@pytest.mark.timeout(10.0)
def test_an_unknown_user_is_looked_up_again_once_the_ttl_ends(solution):
    """A cached "not found" lives for the same TTL as a found user, exactly until set time + ttl, then the database is asked again."""
    TTLCache = solution.TTLCache
    DatabaseService = solution.DatabaseService
    UserService = solution.UserService
    with step(1, "clock = FakeClock(0.0)"):
        clock = FakeClock(0.0)
    with step(2, "db = DatabaseService()"):
        db = DatabaseService()
    with step(3, "service = UserService(db, TTLCache(clock=clock), 10)"):
        service = UserService(db, TTLCache(clock=clock), 10)
    with step(4, "service.get_user(42)"):
        expect_is(service.get_user(42), None)
    with step(5, 'db.update_user(42, {"name": "Late"})'):
        db.update_user(42, {"name": "Late"})
    with step(6, "clock.now = 9.75"):
        clock.now = 9.75
    with step(7, "service.get_user(42)"):
        expect_is(service.get_user(42), None)
    with step(8, "db.query_count"):
        expect_equal(db.query_count, 1)
    with step(9, "clock.now = 10.0"):
        clock.now = 10.0
    with step(10, "service.get_user(42)"):
        expect_equal(service.get_user(42), {"name": "Late"})
    with step(11, "db.query_count"):
        expect_equal(db.query_count, 2)


@pytest.mark.behaviour("5492182e-97cd-4901-9290-5c994c5f0f32", "scenario")
@pytest.mark.timeout(10.0)
def test_a_cached_user_expires_exactly_at_the_service_ttl(solution):
    """The service caches with its own ttl_seconds on the injected clock; at set time + ttl the next lookup must reach the database."""
    TTLCache = solution.TTLCache
    DatabaseService = solution.DatabaseService
    UserService = solution.UserService
    with step(1, "clock = FakeClock(1000.0)"):
        clock = FakeClock(1000.0)
    with step(2, 'db = DatabaseService({1: {"name": "Ada"}})'):
        db = DatabaseService({1: {"name": "Ada"}})
    with step(3, "service = UserService(db, TTLCache(clock=clock), 30)"):
        service = UserService(db, TTLCache(clock=clock), 30)
    with step(4, "service.get_user(1)"):
        expect_equal(service.get_user(1), {"name": "Ada"})
    with step(5, "clock.now = 1029.5"):
        clock.now = 1029.5
    with step(6, "service.get_user(1)"):
        expect_equal(service.get_user(1), {"name": "Ada"})
    with step(7, "db.query_count"):
        expect_equal(db.query_count, 1)
    with step(8, "clock.now = 1030.0"):
        clock.now = 1030.0
    with step(9, "service.get_user(1)"):
        expect_equal(service.get_user(1), {"name": "Ada"})
    with step(10, "db.query_count"):
        expect_equal(db.query_count, 2)
    with step(11, "(service.hits, service.misses)"):
        expect_equal((service.hits, service.misses), (1, 2))


@pytest.mark.behaviour("769bf019-c5ae-4036-9ad7-3c2fd6a3fce3", "scenario")
@pytest.mark.timeout(10.0)
def test_the_service_ttl_defaults_to_300_seconds(solution):
    """`UserService(db, cache)` caches each lookup for 300 seconds of the injected clock."""
    TTLCache = solution.TTLCache
    DatabaseService = solution.DatabaseService
    UserService = solution.UserService
    with step(1, "clock = FakeClock(0.0)"):
        clock = FakeClock(0.0)
    with step(2, 'db = DatabaseService({1: {"name": "Ada"}})'):
        db = DatabaseService({1: {"name": "Ada"}})
    with step(3, "service = UserService(db, TTLCache(clock=clock))"):
        service = UserService(db, TTLCache(clock=clock))
    with step(4, "service.get_user(1)"):
        service.get_user(1)
    with step(5, "clock.now = 299.0"):
        clock.now = 299.0
    with step(6, "service.get_user(1)"):
        service.get_user(1)
    with step(7, "db.query_count"):
        expect_equal(db.query_count, 1)
    with step(8, "clock.now = 300.0"):
        clock.now = 300.0
    with step(9, "service.get_user(1)"):
        service.get_user(1)
    with step(10, "db.query_count"):
        expect_equal(db.query_count, 2)


@pytest.mark.behaviour("dff9ce00-31e7-457d-94dd-90dc19f4d425", "scenario")
@pytest.mark.timeout(10.0)
def test_update_user_invalidates_the_cached_user(solution):
    """After a write the next read must be a miss that fetches the new data; a stale or written-through entry is not invalidation."""
    TTLCache = solution.TTLCache
    DatabaseService = solution.DatabaseService
    UserService = solution.UserService
    with step(1, 'db = DatabaseService({1: {"name": "Ada"}})'):
        db = DatabaseService({1: {"name": "Ada"}})
    with step(2, "service = UserService(db, TTLCache(clock=FakeClock(0.0)), 60)"):
        service = UserService(db, TTLCache(clock=FakeClock(0.0)), 60)
    with step(3, "service.get_user(1)"):
        expect_equal(service.get_user(1), {"name": "Ada"})
    with step(4, 'service.update_user(1, {"name": "Grace"})'):
        service.update_user(1, {"name": "Grace"})
    with step(5, "db.get_user(1)"):
        expect_equal(db.get_user(1), {"name": "Grace"})
    with step(6, "service.get_user(1)"):
        expect_equal(service.get_user(1), {"name": "Grace"})
    with step(7, "(service.hits, service.misses)"):
        expect_equal((service.hits, service.misses), (0, 2))
    with step(8, "db.query_count"):
        expect_equal(db.query_count, 3)
    with step(9, "service.get_user(1)"):
        expect_equal(service.get_user(1), {"name": "Grace"})
    with step(10, "db.query_count"):
        expect_equal(db.query_count, 3)


@pytest.mark.behaviour("e87c5a06-45db-4024-b579-c121e0379c9d", "scenario")
@pytest.mark.timeout(10.0)
def test_mutating_a_returned_user_changes_neither_the_cache_nor_the_database(solution):
    """Handing out the stored dict lets any caller silently corrupt shared state; every returned dict must be a copy (top-level edits are checked)."""
    TTLCache = solution.TTLCache
    DatabaseService = solution.DatabaseService
    UserService = solution.UserService
    with step(1, 'db = DatabaseService({1: {"name": "Ada", "role": "admin"}})'):
        db = DatabaseService({1: {"name": "Ada", "role": "admin"}})
    with step(2, "service = UserService(db, TTLCache(clock=FakeClock(0.0)), 60)"):
        service = UserService(db, TTLCache(clock=FakeClock(0.0)), 60)
    with step(3, 'first = service.get_user(1) first["name"] = "Mallory" del first["role"]'):
        first = service.get_user(1)
        first["name"] = "Mallory"
        del first["role"]
    with step(4, "service.get_user(1)"):
        expect_equal(service.get_user(1), {"name": "Ada", "role": "admin"})
    with step(5, 'second = service.get_user(1) second["role"] = "root" second["extra"] = True'):
        second = service.get_user(1)
        second["role"] = "root"
        second["extra"] = True
    with step(6, "service.get_user(1)"):
        expect_equal(service.get_user(1), {"name": "Ada", "role": "admin"})
    with step(7, "db.get_user(1)"):
        expect_equal(db.get_user(1), {"name": "Ada", "role": "admin"})
    with step(8, 'raw = db.get_user(1) raw["name"] = "Eve"'):
        raw = db.get_user(1)
        raw["name"] = "Eve"
    with step(9, "db.get_user(1)"):
        expect_equal(db.get_user(1), {"name": "Ada", "role": "admin"})


@pytest.mark.behaviour("081f10ee-f564-4aac-a362-3ff81a6b169c", "scenario")
@pytest.mark.timeout(10.0)
def test_misses_count_database_reads_and_hits_count_everything_else(solution):
    """A miss is exactly a lookup that reads the database; every other lookup, a cached "no such user" included, is a hit, so hits + misses equals the lookups."""
    TTLCache = solution.TTLCache
    DatabaseService = solution.DatabaseService
    UserService = solution.UserService
    with step(1, 'db = DatabaseService({1: {"name": "Ada"}, 2: {}})'):
        db = DatabaseService({1: {"name": "Ada"}, 2: {}})
    with step(2, "service = UserService(db, TTLCache(clock=FakeClock(0.0)), 60)"):
        service = UserService(db, TTLCache(clock=FakeClock(0.0)), 60)
    with step(3, "for user_id in (1, 2, 9, 1, 2, 9, 9, 1): service.get_user(user_id)"):
        for user_id in (1, 2, 9, 1, 2, 9, 9, 1):
            service.get_user(user_id)
    with step(4, "db.query_count"):
        expect_equal(db.query_count, 3)
    with step(5, "service.misses"):
        expect_equal(service.misses, 3)
    with step(6, "service.hits"):
        expect_equal(service.hits, 5)


@pytest.mark.behaviour("5c270869-fcae-45f0-98e9-dc16272c0cb7", "scenario")
@pytest.mark.timeout(10.0)
def test_update_writes_the_database_before_invalidating_the_cache(solution):
    """Invalidate first and a read that arrives while the write is in flight misses, reads the old row and caches it for a whole TTL; write first, then invalidate, and the next read gets the new data."""
    TTLCache = solution.TTLCache
    DatabaseService = solution.DatabaseService
    UserService = solution.UserService
    with step(
        1,
        'db = db_with_a_reader_during_writes(DatabaseService)({1: {"name": "Ada"}}) service = UserService(db, TTLCache(clock=FakeClock(0.0)), 60) service.get_user(1) seen_mid_write = [] db.on_write = lambda: seen_mid_write.append(service.get_user(1)) service.update_user(1, {"name": "Grace"}) db.on_write = None',
    ):
        db = db_with_a_reader_during_writes(DatabaseService)({1: {"name": "Ada"}})
        service = UserService(db, TTLCache(clock=FakeClock(0.0)), 60)
        service.get_user(1)
        seen_mid_write = []
        db.on_write = lambda: seen_mid_write.append(service.get_user(1))
        service.update_user(1, {"name": "Grace"})
        db.on_write = None
    with step(2, "seen_mid_write"):
        expect_equal(seen_mid_write, [{"name": "Ada"}])
    with step(3, "service.get_user(1)"):
        expect_equal(service.get_user(1), {"name": "Grace"})
    with step(4, "service.get_user(1)"):
        expect_equal(service.get_user(1), {"name": "Grace"})


@pytest.mark.behaviour("7546af53-ae44-4b1d-9fc6-2ceb10d440a9", "scenario")
@pytest.mark.timeout(10.0)
def test_services_sharing_one_cache_see_each_others_invalidations(solution):
    """Several service instances (one per worker) share one cache; an update through one must invalidate the entry every other one reads."""
    TTLCache = solution.TTLCache
    DatabaseService = solution.DatabaseService
    UserService = solution.UserService
    with step(
        1,
        'db = DatabaseService({1: {"name": "Ada"}}) cache = TTLCache(clock=FakeClock(0.0)) writer = UserService(db, cache, 60) reader = UserService(db, cache, 60)',
    ):
        db = DatabaseService({1: {"name": "Ada"}})
        cache = TTLCache(clock=FakeClock(0.0))
        writer = UserService(db, cache, 60)
        reader = UserService(db, cache, 60)
    with step(2, "writer.get_user(1)"):
        expect_equal(writer.get_user(1), {"name": "Ada"})
    with step(3, "reader.get_user(1)"):
        expect_equal(reader.get_user(1), {"name": "Ada"})
    with step(4, "(reader.hits, db.query_count)"):
        expect_equal((reader.hits, db.query_count), (1, 1))
    with step(5, 'writer.update_user(1, {"name": "Grace"})'):
        writer.update_user(1, {"name": "Grace"})
    with step(6, "reader.get_user(1)"):
        expect_equal(reader.get_user(1), {"name": "Grace"})
    with step(7, "writer.get_user(1)"):
        expect_equal(writer.get_user(1), {"name": "Grace"})
    with step(8, "db.query_count"):
        expect_equal(db.query_count, 2)


@pytest.mark.behaviour("b977fdd3-4281-404f-9f89-d5a35f719ab9", "scenario")
@pytest.mark.timeout(10.0)
def test_each_new_database_starts_empty_on_its_own(solution):
    """`DatabaseService()` is a fresh, empty database every time; a default dict made once and shared would leak one database's writes into every other."""
    DatabaseService = solution.DatabaseService
    with step(
        1,
        'first = DatabaseService() first.update_user(1, {"name": "Ada"}) second = DatabaseService()',
    ):
        first = DatabaseService()
        first.update_user(1, {"name": "Ada"})
        second = DatabaseService()
    with step(2, "second.get_user(1)"):
        expect_is(second.get_user(1), None)
    with step(3, "first.get_user(1)"):
        expect_equal(first.get_user(1), {"name": "Ada"})
    with step(4, "DatabaseService(None).get_user(1)"):
        expect_is(DatabaseService(None).get_user(1), None)


@pytest.mark.behaviour("179f93e6-4508-4908-aeef-478d179ecba6", "scenario")
@pytest.mark.timeout(10.0)
def test_an_update_with_unchanged_data_still_invalidates(solution):
    """update_user writes and invalidates every time, also when the new data equals what is cached; the next read is a miss that reads the database."""
    TTLCache = solution.TTLCache
    DatabaseService = solution.DatabaseService
    UserService = solution.UserService
    with step(
        1,
        'db = DatabaseService({1: {"name": "Ada"}}) service = UserService(db, TTLCache(clock=FakeClock(0.0)), 60) service.get_user(1) service.update_user(1, {"name": "Ada"})',
    ):
        db = DatabaseService({1: {"name": "Ada"}})
        service = UserService(db, TTLCache(clock=FakeClock(0.0)), 60)
        service.get_user(1)
        service.update_user(1, {"name": "Ada"})
    with step(2, "service.get_user(1)"):
        expect_equal(service.get_user(1), {"name": "Ada"})
    with step(3, "(service.hits, service.misses, db.query_count)"):
        expect_equal((service.hits, service.misses, db.query_count), (0, 2, 2))


@pytest.mark.behaviour("70710dd6-5c4f-4e0c-909e-dbebb656b027", "property")
@pytest.mark.timeout(60.0)
def test_user_service_behaves_like_a_model_on_a_fake_clock(solution):
    """Any mix of lookups, updates and clock steps, with callers editing what they receive, must match a model of cache-aside: same users, hits, misses and query count."""
    TTLCache = solution.TTLCache
    DatabaseService = solution.DatabaseService
    UserService = solution.UserService

    class ServiceModel:
        def __init__(self, ttl):
            self.ttl = ttl
            self.now = 1000.0
            self.db = {key: dict(value) for key, value in USERS.items()}
            self.cache = {}
            self.hits = self.misses = self.queries = 0

        def get_user(self, user_id):
            entry = self.cache.get(user_id)
            if entry is not None and self.now < entry[1]:
                self.hits += 1
                return entry[0]
            self.misses += 1
            self.queries += 1
            user = self.db.get(user_id)
            self.cache[user_id] = (user, self.now + self.ttl)
            return user

        def update_user(self, user_id, user_data):
            self.db[user_id] = dict(user_data)
            self.cache.pop(user_id, None)

        def advance(self, seconds):
            self.now += seconds

        def counters(self):
            return {"hits": self.hits, "misses": self.misses, "queries": self.queries}

    class Machine(ModelMachine):
        @initialize(ttl=st.sampled_from([1, 3, 300]))
        def start(self, ttl):
            self.begin(
                lambda: ServiceHarness(TTLCache, DatabaseService, UserService, ttl),
                lambda: ServiceModel(ttl),
                "ServiceHarness(TTLCache, DatabaseService, UserService, ttl)",
                ttl=ttl,
            )

        @rule(user_id=st.integers(1, 5))
        def rule_1_get_user(self, user_id):
            self.apply(
                "get_user(user_id)",
                lambda target: target.get_user(user_id),
                user_id=user_id,
                compare=True,
            )

        @rule(
            user_data=st.sampled_from([{"name": "Grace"}, {"name": "Ada"}, {"name": ""}]),
            user_id=st.integers(1, 3),
        )
        def rule_2_update_user(self, user_data, user_id):
            self.apply(
                "update_user(user_id, user_data)",
                lambda target: target.update_user(user_id, user_data),
                user_data=user_data,
                user_id=user_id,
                compare=False,
            )

        @rule(seconds=st.integers(0, 2))
        def rule_3_advance(self, seconds):
            self.apply(
                "advance(seconds)",
                lambda target: target.advance(seconds),
                seconds=seconds,
                compare=False,
            )

        @invariant()
        def invariant_1(self):
            self.holds(
                "subject.counters() == model.counters()",
                lambda subject, model: subject.counters() == model.counters(),
                sides=lambda subject, model: (subject.counters(), model.counters()),
                equality=True,
            )

    run_model_machine(Machine, examples=80, steps=30)
