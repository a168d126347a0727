"""Alternative LRU cache: a dict of nodes plus a hand-made doubly linked list.

What is this pattern about?
    A bounded cache that throws out the least recently used entry when it is full.

What does this example do?
    Each key maps to a node in a circular doubly linked list with a sentinel; the node
    after the sentinel is the least recently used. Eviction happens before inserting a
    new key into a full cache (the reference inserts, then evicts). An RLock guards it.

TL;DR
    dict + linked list, O(1) everything, evict-then-insert.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable


class _Node:
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key: object = None, value: object = None) -> None:
        self.key = key
        self.value = value
        self.prev: _Node = self
        self.next: _Node = self


class LRUCache:
    def __init__(self, capacity: int) -> None:
        if type(capacity) is not int:
            raise TypeError("capacity must be an int")
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self._nodes: dict[Hashable, _Node] = {}
        self._root = _Node()
        self._lock = threading.RLock()
        self._stats = {"hits": 0, "misses": 0, "evictions": 0}

    def _unlink(self, node: _Node) -> None:
        node.prev.next = node.next
        node.next.prev = node.prev

    def _append(self, node: _Node) -> None:
        last = self._root.prev
        last.next = node
        node.prev = last
        node.next = self._root
        self._root.prev = node

    def get(self, key: Hashable, default: object = None) -> object:
        with self._lock:
            node = self._nodes.get(key)
            if node is None:
                self._stats["misses"] += 1
                return default
            self._unlink(node)
            self._append(node)
            self._stats["hits"] += 1
            return node.value

    def put(self, key: Hashable, value: object) -> None:
        with self._lock:
            node = self._nodes.get(key)
            if node is not None:
                node.value = value
                self._unlink(node)
                self._append(node)
                return
            if len(self._nodes) >= self.capacity:
                oldest = self._root.next
                self._unlink(oldest)
                del self._nodes[oldest.key]
                self._stats["evictions"] += 1
            node = _Node(key, value)
            self._nodes[key] = node
            self._append(node)

    def delete(self, key: Hashable) -> bool:
        with self._lock:
            node = self._nodes.pop(key, None)
            if node is None:
                return False
            self._unlink(node)
            return True

    def clear(self) -> None:
        with self._lock:
            self._nodes = {}
            self._root.prev = self._root.next = self._root

    def size(self) -> int:
        return len(self._nodes)

    __len__ = size

    def __contains__(self, key: object) -> bool:
        return key in self._nodes

    def stats(self) -> dict[str, int]:
        with self._lock:
            return dict(self._stats)
