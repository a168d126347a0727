"""Mutant: TTLCache.delete pops the key but forgets to return whether it was stored (returns None)."""


from __future__ import annotations

import copy
import time
from collections.abc import Callable, Hashable

_ABSENT = object()  # TTLCache's internal "no entry" marker, distinct from any stored value
_NO_SUCH_USER = object()  # what UserService caches for an id the database does not have


class TTLCache:
    """A key/value store whose entries expire after their own time-to-live."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._entries: dict[Hashable, tuple[object, float]] = {}  # key -> (value, expires_at)

    def get(self, key: Hashable) -> object | None:
        value = self._lookup(key)
        return None if value is _ABSENT else value

    def set(self, key: Hashable, value: object, ttl_seconds: float = 300) -> None:
        if ttl_seconds <= 0:
            raise ValueError(f"ttl_seconds must be positive, got {ttl_seconds!r}")
        self._entries[key] = (value, self._clock() + ttl_seconds)

    def delete(self, key: Hashable) -> bool:
        self._entries.pop(key, None)

    def _lookup(self, key: Hashable) -> object:
        """The live value for `key`, or `_ABSENT`; drops the entry once it has expired."""
        entry = self._entries.get(key)
        if entry is None:
            return _ABSENT
        value, expires_at = entry
        if self._clock() >= expires_at:  # the deadline itself is already too late
            del self._entries[key]
            return _ABSENT
        return value


class DatabaseService:
    """An in-memory stand-in for a slow database that counts its reads."""

    def __init__(self, data: dict[int, dict] | None = None) -> None:
        self._users: dict[int, dict] = copy.deepcopy(data) if data else {}
        self.query_count = 0

    def get_user(self, user_id: int) -> dict | None:
        self.query_count += 1
        user = self._users.get(user_id)
        return None if user is None else copy.deepcopy(user)

    def update_user(self, user_id: int, user_data: dict) -> None:
        self._users[user_id] = copy.deepcopy(user_data)


class UserService:
    """Reads users through a TTL cache (cache-aside) and invalidates on every write."""

    def __init__(self, db: DatabaseService, cache: TTLCache, ttl_seconds: float = 300) -> None:
        if ttl_seconds <= 0:
            raise ValueError(f"ttl_seconds must be positive, got {ttl_seconds!r}")
        self._db = db
        self._cache = cache
        self._ttl_seconds = ttl_seconds
        self._hits = 0
        self._misses = 0

    @property
    def hits(self) -> int:
        return self._hits

    @property
    def misses(self) -> int:
        return self._misses

    def get_user(self, user_id: int) -> dict | None:
        key = self._key(user_id)
        cached = self._cache.get(key)
        if cached is not None:  # `{}` is a perfectly good cached user
            self._hits += 1
            return None if cached is _NO_SUCH_USER else copy.deepcopy(cached)

        self._misses += 1
        user = self._db.get_user(user_id)
        # Remember "not found" too, so unknown ids cost one query per TTL, not one per call.
        stored = _NO_SUCH_USER if user is None else copy.deepcopy(user)
        self._cache.set(key, stored, self._ttl_seconds)
        return user

    def update_user(self, user_id: int, user_data: dict) -> None:
        # Database first: invalidating first would let a concurrent read re-cache stale data.
        self._db.update_user(user_id, user_data)
        self._cache.delete(self._key(user_id))

    @staticmethod
    def _key(user_id: int) -> str:
        return f"user:{user_id}"
