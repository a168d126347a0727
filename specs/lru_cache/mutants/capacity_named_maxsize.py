"""Mutant: the capacity is stored as `maxsize`, so `cache.capacity` does not exist."""


from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

_MISSING = object()


class LRUCache:
    """A bounded mapping that evicts the least recently used key."""

    def __init__(self, capacity: int) -> None:
        if isinstance(capacity, bool) or not isinstance(capacity, int):
            raise TypeError(f"capacity must be an int, got {type(capacity).__name__}")
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity}")
        self.maxsize = capacity
        self._data: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()
        self._hits = self._misses = self._evictions = 0

    def get(self, key: Hashable, default: object = None) -> object:
        with self._lock:
            value = self._data.get(key, _MISSING)
            if value is _MISSING:  # a stored None or 0 is a hit, so compare identity
                self._misses += 1
                return default
            self._data.move_to_end(key)
            self._hits += 1
            return value

    def put(self, key: Hashable, value: object) -> None:
        with self._lock:
            data = self._data
            if key in data:  # an update refreshes recency and can never overflow
                data[key] = value
                data.move_to_end(key)
                return
            data[key] = value
            if len(data) > self.maxsize:
                data.popitem(last=False)
                self._evictions += 1

    def delete(self, key: Hashable) -> bool:
        with self._lock:
            return self._data.pop(key, _MISSING) is not _MISSING

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def size(self) -> int:
        with self._lock:
            return len(self._data)

    def __len__(self) -> int:
        return self.size()

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._data  # membership does not count as use

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {"hits": self._hits, "misses": self._misses, "evictions": self._evictions}
