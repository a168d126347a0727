"""Mutant: publish iterates the live subscription dicts, so a handler that (un)subscribes raises "dictionary changed size during iteration"."""

from __future__ import annotations

import itertools
import logging
import threading
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

logger = logging.getLogger(__name__)


@dataclass
class Event:
    event_type: str
    data: dict
    timestamp: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    event_id: str = field(default_factory=lambda: str(uuid.uuid4()))


class EventHandler(ABC):
    @abstractmethod
    def handle(self, event: Event) -> None:
        """React to `event`."""


class EventBus:
    def __init__(self, on_error: Callable[..., Any] | None = None) -> None:
        self._on_error = on_error
        # dicts used as ordered sets: O(1) subscribe/unsubscribe, order kept
        self._handlers: dict[str, dict[Any, None]] = {}
        self._lock = threading.Lock()

    def subscribe(self, event_type: str, handler: Any) -> None:
        with self._lock:
            self._handlers.setdefault(event_type, {})[handler] = None

    def unsubscribe(self, event_type: str, handler: Any) -> bool:
        with self._lock:
            return self._handlers.get(event_type, {}).pop(handler, 0) is None

    def _matching(self, event: Event):
        return itertools.chain(
            self._handlers.get(event.event_type, {}), self._handlers.get("*", {})
        )

    def publish(self, event: Event) -> int:
        return sum(self._deliver(event, handler) for handler in self._matching(event))

    def _deliver(self, event: Event, handler: Any) -> bool:
        try:
            if isinstance(handler, EventHandler):
                handler.handle(event)
            else:
                handler(event)
        except Exception as exc:
            if self._on_error is None:
                logger.exception("handler %r failed", handler)
            else:
                self._on_error(event, handler, exc)
            return False
        return True


class AsyncEventBus(EventBus):
    def __init__(self, max_workers: int = 5, on_error: Callable[..., Any] | None = None) -> None:
        if max_workers < 1:
            raise ValueError(f"max_workers must be at least 1, got {max_workers}")
        super().__init__(on_error)
        self._executor = ThreadPoolExecutor(max_workers=max_workers)
        self._closed = False

    def publish(self, event: Event) -> list[Future]:
        with self._lock:
            if self._closed:
                raise RuntimeError("bus is shut down")
            handlers = list(self._matching(event))
            return [self._executor.submit(self._deliver, event, h) for h in handlers]

    def shutdown(self, wait: bool = True) -> None:
        self._closed = True
        self._executor.shutdown(wait=wait)
