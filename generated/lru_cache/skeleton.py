# Generated from specs/lru_cache/spec.yaml by `kata generate`; do not edit.
# spec-sha256: fb21af7437dd7e88ad75321b231f79f654e4ebd746b017ffae9a223dd0caeca6
"""Thread-safe LRU cache: your solution starts here.

Fill in every method until `kata check lru_cache` passes; the brief is generated/lru_cache/README.md.
"""

from __future__ import annotations

from collections.abc import Hashable


class LRUCache:
    """A bounded mapping that evicts the least recently used key; thread-safe.

    Attributes:
        capacity: The most keys the cache holds at once.
    """

    def __init__(self, capacity: int) -> None:
        """Create an empty cache holding at most `capacity` keys."""
        raise NotImplementedError(
            "LRUCache.__init__: validate capacity (ValueError below 1), then set up the storage, a lock and the counters."
        )

    def get(self, key: Hashable, default: object = None) -> object:
        """The value for `key` (marking it most recently used), or `default` when absent."""
        raise NotImplementedError(
            "LRUCache.get: a miss returns default; a hit refreshes recency. Count hits and misses."
        )

    def put(self, key: Hashable, value: object) -> None:
        """Insert or update `key`, mark it most recently used, evict the LRU key if over capacity."""
        raise NotImplementedError(
            "LRUCache.put: insert or update, refresh recency, then evict exactly one LRU key if len > capacity."
        )

    def delete(self, key: Hashable) -> bool:
        """Remove `key`; True when it was present."""
        raise NotImplementedError("LRUCache.delete: not implemented yet")

    def clear(self) -> None:
        """Remove every key (the stats are kept)."""
        raise NotImplementedError("LRUCache.clear: not implemented yet")

    def size(self) -> int:
        """The number of keys stored."""
        raise NotImplementedError("LRUCache.size: not implemented yet")

    def __len__(self) -> int:
        """Same as size()."""
        raise NotImplementedError("LRUCache.__len__: not implemented yet")

    def __contains__(self, key: object) -> bool:
        """Whether `key` is stored; does not change recency."""
        raise NotImplementedError("LRUCache.__contains__: not implemented yet")

    def stats(self) -> dict[str, int]:
        """Cumulative counters: {'hits': int, 'misses': int, 'evictions': int}."""
        raise NotImplementedError("LRUCache.stats: not implemented yet")
