"""Whole module, not a diff: the guide's LRU cache: a list for recency (O(n)), `if value:` lookups, capacity 0 accepted."""

from __future__ import annotations

import threading


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.cache = {}
        self.order = []
        self.lock = threading.Lock()
        self.hits = self.misses = self.evictions = 0

    def get(self, key, default=None):
        with self.lock:
            value = self.cache.get(key)
            if value:
                self.order.remove(key)
                self.order.append(key)
                self.hits += 1
                return value
            self.misses += 1
            return default

    def put(self, key, value):
        with self.lock:
            if key in self.cache:
                self.order.remove(key)
            elif len(self.cache) >= self.capacity and self.order:
                oldest = self.order.pop(0)
                del self.cache[oldest]
                self.evictions += 1
            self.cache[key] = value
            self.order.append(key)

    def delete(self, key):
        with self.lock:
            if key in self.cache:
                del self.cache[key]
                self.order.remove(key)
                return True
            return False

    def clear(self):
        with self.lock:
            self.cache.clear()
            self.order.clear()

    def size(self):
        return len(self.cache)

    def __len__(self):
        return len(self.cache)

    def __contains__(self, key):
        return key in self.cache

    def stats(self):
        return {"hits": self.hits, "misses": self.misses, "evictions": self.evictions}
