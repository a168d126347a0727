"""Whole module, not a diff: the guide's event bus: errors only printed, publish returns nothing, publish after shutdown accepted when nobody listens."""

from __future__ import annotations

import threading
import uuid
from abc import ABC, abstractmethod
from collections import defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Dict, List


@dataclass
class Event:
    event_type: str
    data: Dict[str, Any]
    timestamp: datetime = field(default_factory=datetime.now)
    event_id: str = field(default_factory=lambda: str(uuid.uuid4()))


class EventHandler(ABC):
    @abstractmethod
    def handle(self, event: Event) -> None:
        pass


class EventBus:
    def __init__(self, on_error=None):
        self._subscribers: Dict[str, List[Any]] = defaultdict(list)
        self._lock = threading.Lock()

    def subscribe(self, event_type: str, handler) -> None:
        with self._lock:
            if handler not in self._subscribers[event_type]:
                self._subscribers[event_type].append(handler)

    def unsubscribe(self, event_type: str, handler) -> bool:
        with self._lock:
            if handler in self._subscribers[event_type]:
                self._subscribers[event_type].remove(handler)
                return True
            return False

    def publish(self, event: Event):
        with self._lock:
            handlers = self._subscribers[event.event_type].copy()
            handlers.extend(self._subscribers["*"])

        for handler in handlers:
            try:
                if isinstance(handler, EventHandler):
                    handler.handle(event)
                else:
                    handler(event)
            except Exception as e:
                print(f"Error handling event {event.event_id}: {e}")


class AsyncEventBus(EventBus):
    def __init__(self, max_workers: int = 5, on_error=None):
        super().__init__(on_error)
        self._executor = ThreadPoolExecutor(max_workers=max_workers)

    def publish(self, event: Event) -> List[Future]:
        with self._lock:
            handlers = self._subscribers[event.event_type].copy()
            handlers.extend(self._subscribers["*"])

        futures = []
        for handler in handlers:
            future = self._executor.submit(self._safe_handle, handler, event)
            futures.append(future)
        return futures

    def _safe_handle(self, handler: Callable, event: Event) -> bool:
        try:
            if isinstance(handler, EventHandler):
                handler.handle(event)
            else:
                handler(event)
            return True
        except Exception as e:
            print(f"Error handling event {event.event_id}: {e}")
            return False

    def shutdown(self, wait: bool = True) -> None:
        self._executor.shutdown(wait=wait)
