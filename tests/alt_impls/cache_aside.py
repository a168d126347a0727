"""Alternative cache-aside: boxed cache values and JSON-copied users.

What is this pattern about?
    Cache-aside: the application reads the cache first, loads from the database on a
    miss and stores the result; writes go to the database and then drop the cache entry.

What does this example do?
    TTLCache keeps two dicts (values and deadlines). UserService caches a one-tuple
    `(user,)` so that "no such user" is `(None,)`, a present value distinct from a miss;
    copies are made by a JSON round trip instead of copy.deepcopy.

TL;DR
    Box what you cache, so a cached None or {} is still a hit; write, then invalidate.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Hashable


def _clone(value):
    return None if value is None else json.loads(json.dumps(value))


class TTLCache:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._values: dict[Hashable, object] = {}
        self._deadlines: dict[Hashable, float] = {}

    def get(self, key: Hashable) -> object | None:
        deadline = self._deadlines.get(key)
        if deadline is None:
            return None
        if not self.clock() < deadline:
            self.delete(key)
            return None
        return self._values[key]

    def set(self, key: Hashable, value: object, ttl_seconds: float = 300) -> None:
        if not ttl_seconds > 0:
            raise ValueError("ttl_seconds must be > 0")
        self._deadlines[key] = self.clock() + ttl_seconds
        self._values[key] = value

    def delete(self, key: Hashable) -> bool:
        self._values.pop(key, None)
        return self._deadlines.pop(key, None) is not None


class DatabaseService:
    def __init__(self, data: dict[int, dict] | None = None) -> None:
        self._rows = {k: _clone(v) for k, v in (data or {}).items()}
        self.query_count = 0

    def get_user(self, user_id: int) -> dict | None:
        self.query_count += 1
        return _clone(self._rows.get(user_id))

    def update_user(self, user_id: int, user_data: dict) -> None:
        self._rows[user_id] = _clone(user_data)


class UserService:
    def __init__(self, db: DatabaseService, cache: TTLCache, ttl_seconds: float = 300) -> None:
        self.db = db
        self.cache = cache
        self.ttl_seconds = ttl_seconds
        self._counts = [0, 0]  # hits, misses

    @property
    def hits(self) -> int:
        return self._counts[0]

    @property
    def misses(self) -> int:
        return self._counts[1]

    def get_user(self, user_id: int) -> dict | None:
        key = ("user", user_id)
        boxed = self.cache.get(key)
        if isinstance(boxed, tuple):
            self._counts[0] += 1
            return _clone(boxed[0])
        self._counts[1] += 1
        user = self.db.get_user(user_id)
        self.cache.set(key, (_clone(user),), self.ttl_seconds)
        return user

    def update_user(self, user_id: int, user_data: dict) -> None:
        self.db.update_user(user_id, user_data)
        self.cache.delete(("user", user_id))
