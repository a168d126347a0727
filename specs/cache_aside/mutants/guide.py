"""Whole module, not a diff: the guide's cache-aside code: wall-clock TTL (ignores `clock`), unknown users never cached, no copies, `if cached:` lookups."""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable


class TTLCache:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        # The guide reads time.time() directly; the clock parameter is only here to fit the interface.
        self.cache: dict = {}
        self.timestamps: dict = {}
        self.ttls: dict = {}

    def get(self, key: Hashable) -> object | None:
        if key in self.cache:
            if time.time() - self.timestamps[key] < self.ttls[key]:
                return self.cache[key]
            del self.cache[key]
            del self.timestamps[key]
            del self.ttls[key]
        return None

    def set(self, key: Hashable, value: object, ttl_seconds: float = 300) -> None:
        if ttl_seconds <= 0:
            raise ValueError("ttl_seconds must be positive")
        self.cache[key] = value
        self.timestamps[key] = time.time()
        self.ttls[key] = ttl_seconds

    def delete(self, key: Hashable) -> bool:
        if key in self.cache:
            del self.cache[key]
            del self.timestamps[key]
            del self.ttls[key]
            return True
        return False


class DatabaseService:
    def __init__(self, data: dict[int, dict] | None = None) -> None:
        self.data = data if data is not None else {}
        self.query_count = 0

    def get_user(self, user_id: int) -> dict | None:
        self.query_count += 1
        print(f"Database query for user {user_id}")
        return self.data.get(user_id)

    def update_user(self, user_id: int, user_data: dict) -> None:
        self.data[user_id] = user_data


class UserService:
    def __init__(self, db: DatabaseService, cache: TTLCache, ttl_seconds: float = 300) -> None:
        self.db = db
        self.cache = cache
        self.ttl_seconds = ttl_seconds
        self.hits = 0
        self.misses = 0

    def get_user(self, user_id: int) -> dict | None:
        cache_key = f"user:{user_id}"
        cached = self.cache.get(cache_key)
        if cached:
            self.hits += 1
            print(f"Cache hit for user {user_id}")
            return cached

        self.misses += 1
        print(f"Cache miss for user {user_id}")
        user = self.db.get_user(user_id)
        if user:
            self.cache.set(cache_key, user, self.ttl_seconds)
        return user

    def update_user(self, user_id: int, user_data: dict) -> None:
        self.db.update_user(user_id, user_data)
        self.cache.delete(f"user:{user_id}")
