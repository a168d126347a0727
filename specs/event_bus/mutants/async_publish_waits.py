"""Mutant: AsyncEventBus.publish waits for every scheduled handler to finish before returning."""

from __future__ import annotations

import logging
import threading
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

logger = logging.getLogger(__name__)

WILDCARD = "*"


@dataclass
class Event:
    """Something that happened: a type, its data, when, and a unique id."""

    event_type: str
    data: dict
    timestamp: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    event_id: str = field(default_factory=lambda: str(uuid.uuid4()))


class EventHandler(ABC):
    """An object that reacts to events; plain callables taking the event work too."""

    @abstractmethod
    def handle(self, event: Event) -> None:
        """React to `event`."""


Handler = EventHandler | Callable[[Event], Any]
ErrorCallback = Callable[[Event, Handler, Exception], Any]
# Who gets an event: (handler as subscribed, the function to call) pairs, in delivery order.
Route = tuple[tuple[Handler, Callable[[Event], Any]], ...]


class EventBus:
    """Delivers each published event to its type's handlers and the "*" handlers."""

    def __init__(self, on_error: ErrorCallback | None = None) -> None:
        self._on_error = on_error
        # Tuples are replaced, never mutated, so a publish in progress keeps a stable view.
        self._handlers: dict[str, tuple[Handler, ...]] = {}
        # A routing table, event type -> (handler, function to call) pairs, type's first then
        # "*": built on first publish of a type, dropped on every subscription change, so
        # publish needs no lock and no per-handler type check.
        self._routes: dict[str, Route] = {}
        self._lock = threading.Lock()

    def subscribe(self, event_type: str, handler: Handler) -> None:
        if not (isinstance(handler, EventHandler) or callable(handler)):
            raise TypeError(f"handler must be an EventHandler or a callable, got {handler!r}")
        with self._lock:
            current = self._handlers.get(event_type, ())
            if handler not in current:  # == so that a re-created bound method counts as the same
                self._handlers[event_type] = (*current, handler)
                self._routes = {}

    def unsubscribe(self, event_type: str, handler: Handler) -> bool:
        with self._lock:
            current = self._handlers.get(event_type, ())
            if handler not in current:
                return False
            remaining = tuple(h for h in current if h != handler)
            if remaining:
                self._handlers[event_type] = remaining
            else:
                del self._handlers[event_type]
            self._routes = {}
            return True

    def publish(self, event: Event) -> int:
        """Run every matching handler in turn; return how many ran without raising."""
        route = self._routes.get(event.event_type) or self._route(event.event_type)
        # Called outside the lock: a handler may subscribe, unsubscribe or publish.
        return self._deliver(event, route)

    def _deliver(self, event: Event, route: Route) -> int:
        """Call each handler in turn, reporting errors instead of raising; count successes."""
        ran = 0
        for handler, call in route:
            try:
                call(event)
            except Exception as exc:  # one failing handler must not stop the others
                self._report(event, handler, exc)
            else:
                ran += 1
        return ran

    def _route(self, event_type: str) -> Route:
        """Build (and remember) who gets events of this type: type's handlers, then "*"."""
        with self._lock:  # so a concurrent (un)subscribe cannot leave a stale route behind
            route = self._matching(event_type)
            self._routes[event_type] = route
            return route

    def _matching(self, event_type: str) -> Route:
        """(handler, call) pairs for a type: its handlers, then "*"; call with the lock held."""
        # A handler on both the type and "*" is two subscriptions, so it runs twice.
        handlers = self._handlers.get(event_type, ()) + self._handlers.get(WILDCARD, ())
        return tuple((h, h.handle if isinstance(h, EventHandler) else h) for h in handlers)

    def _report(self, event: Event, handler: Handler, exc: Exception) -> None:
        if self._on_error is None:
            logger.error("handler %r failed on event %s", handler, event.event_id, exc_info=exc)
            return
        try:
            self._on_error(event, handler, exc)
        except Exception:  # a broken error callback must not break delivery either
            logger.exception("on_error failed for event %s", event.event_id)


class AsyncEventBus(EventBus):
    """An EventBus that runs each handler on a thread pool and returns futures."""

    def __init__(self, max_workers: int = 5, on_error: ErrorCallback | None = None) -> None:
        if isinstance(max_workers, bool) or not isinstance(max_workers, int):
            raise TypeError(f"max_workers must be an int, got {type(max_workers).__name__}")
        if max_workers < 1:
            raise ValueError(f"max_workers must be at least 1, got {max_workers}")
        super().__init__(on_error)
        self._executor = ThreadPoolExecutor(max_workers=max_workers)
        self._closed = False

    def publish(self, event: Event) -> list[Future]:
        """Schedule every matching handler; each future resolves to True or False."""
        with self._lock:
            # Checked even when nobody listens: a closed bus must say so, not drop events.
            if self._closed:
                raise RuntimeError("cannot publish on an AsyncEventBus after shutdown()")
            futures = [
                self._executor.submit(self._delivered, event, pair)
                for pair in self._matching(event.event_type)
            ]
        wait(futures)
        return futures

    def _delivered(self, event: Event, pair: tuple[Handler, Callable[[Event], object]]) -> bool:
        """One handler on a worker thread: True when it ran without raising."""
        return self._deliver(event, (pair,)) == 1

    def shutdown(self, wait: bool = True) -> None:
        """Refuse further publishes; with wait, block until scheduled handlers finish."""
        with self._lock:
            self._closed = True
        self._executor.shutdown(wait=wait)
