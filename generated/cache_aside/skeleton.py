# Generated from specs/cache_aside/spec.yaml by `kata generate`; do not edit.
# spec-sha256: ad3878b11201d3d7b7ad7f6507b00112dc9526d5131103177cb9c11317873976
"""Cache-aside with TTL and invalidation: your solution starts here.

Fill in every method until `kata check cache_aside` passes; the brief is generated/cache_aside/README.md.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable


class TTLCache:
    """A key/value store whose entries expire after their own time-to-live. An entry set
    at time `t` with `ttl_seconds=d` is returned while `clock() < t + d` and is gone
    once `clock() >= t + d`. Setting a key again replaces its value and restarts its
    TTL. Whether `delete` reports an expired entry that was never read again as
    present is not specified.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        """Create an empty cache that reads the time from `clock`."""
        raise NotImplementedError(
            "TTLCache.__init__: keep the clock and an empty dict of key -> (value, expires_at); never call time.time() yourself."
        )

    def get(self, key: Hashable) -> object | None:
        """The value stored under `key`, or None when it is absent or has expired."""
        raise NotImplementedError(
            "TTLCache.get: return None when the key is missing or clock() >= its expires_at (drop it then); otherwise its value."
        )

    def set(self, key: Hashable, value: object, ttl_seconds: float = 300) -> None:
        """Store `value` under `key` for `ttl_seconds` from now; ValueError when ttl_seconds <= 0."""
        raise NotImplementedError(
            "TTLCache.set: reject ttl_seconds <= 0 with a ValueError naming ttl_seconds, then store (value, clock() + ttl_seconds)."
        )

    def delete(self, key: Hashable) -> bool:
        """Remove `key`; True when it was stored."""
        raise NotImplementedError("TTLCache.delete: pop the key and report whether it was there.")


class DatabaseService:
    """An in-memory stand-in for a slow database of users, keyed by integer id. It starts
    empty when `data` is None. `query_count` counts calls of `get_user` (found or not);
    `update_user` does not count. `update_user` stores the user whether or not its id
    was already there: it is the only way to add a user.

    Attributes:
        query_count: How many times get_user has been called.
    """

    def __init__(self, data: dict[int, dict] | None = None) -> None:
        """Create the database, holding `data` (user id -> user dict) or nothing."""
        raise NotImplementedError(
            "DatabaseService.__init__: store the users (an empty dict when data is None) and set query_count to 0."
        )

    def get_user(self, user_id: int) -> dict | None:
        """The user stored under `user_id`, or None; counts one query either way."""
        raise NotImplementedError(
            "DatabaseService.get_user: increment query_count, then return a copy of the user (or None)."
        )

    def update_user(self, user_id: int, user_data: dict) -> None:
        """Store `user_data` as the user with id `user_id`."""
        raise NotImplementedError(
            "DatabaseService.update_user: store a copy of user_data under user_id; this is not a query."
        )


class UserService:
    """Reads users through a TTLCache (cache-aside) and invalidates on every write.
    `get_user` answers from the cache when it can (a hit); otherwise (a miss) it reads
    the database once and caches what it found for `ttl_seconds`, including "no such
    user", so a cached unknown user is a hit that returns None. A cached falsy user
    such as `{}` is a hit. Every dict returned is a copy. How cache keys are spelled is
    not specified.
    """

    def __init__(self, db: DatabaseService, cache: TTLCache, ttl_seconds: float = 300) -> None:
        """Create the service over `db` and `cache`, caching lookups for `ttl_seconds`."""
        raise NotImplementedError(
            "UserService.__init__: keep db, cache and ttl_seconds; start hits and misses at 0."
        )

    def get_user(self, user_id: int) -> dict | None:
        """The user with id `user_id` (a copy), or None; from the cache when possible."""
        raise NotImplementedError(
            'UserService.get_user: cache first (test with `is not None`); on a miss read the database and cache the result, or a sentinel for "not found"; return copies.'
        )

    def update_user(self, user_id: int, user_data: dict) -> None:
        """Write `user_data` to the database, then invalidate the cached entry for `user_id`."""
        raise NotImplementedError(
            "UserService.update_user: db.update_user first, then cache.delete the user's key so the next read is a miss."
        )

    @property
    def hits(self) -> int:
        """Lookups answered from the cache (including a cached "no such user")."""
        raise NotImplementedError("UserService.hits: not implemented yet")

    @property
    def misses(self) -> int:
        """Lookups that had to read the database."""
        raise NotImplementedError("UserService.misses: not implemented yet")
