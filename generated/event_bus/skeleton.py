# Generated from specs/event_bus/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 1352f407879d5e71b6df49ff9779ee1b7c361e0b469d8fb07438a11de5734ad3
"""Synchronous and asynchronous event bus: your solution starts here.

Fill in every method until `kata check event_bus` passes; the brief is generated/event_bus/README.md.
"""

from __future__ import annotations

import abc
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime


class Event:
    """Something that happened. Make this a `@dataclass` with fields `event_type: str`,
    `data: dict`, `timestamp: datetime` (defaults to now) and `event_id: str`
    (defaults to a new UUID4 string, different for every event).

    Attributes:
        event_type: What happened, e.g. "order.placed"; handlers subscribe to it.
        data: The event's payload.
        timestamp: When the event was created (defaults to now).
        event_id: A unique id (defaults to str(uuid.uuid4())).
    """

    def __init__(
        self,
        event_type: str,
        data: dict,
        timestamp: datetime | None = None,
        event_id: str | None = None,
    ) -> None:
        """Create an event; timestamp and event_id get fresh defaults when omitted."""
        raise NotImplementedError(
            "Event.__init__: replace this class body with @dataclass fields; use field(default_factory=...) for timestamp and event_id."
        )


class EventHandler(abc.ABC):
    """An object that reacts to events. Any plain callable taking the event may be subscribed as well."""

    @abc.abstractmethod
    def handle(self, event: Event) -> None:
        """React to `event`."""
        raise NotImplementedError("EventHandler.handle: not implemented yet")


class EventBus:
    """Delivers each published event, synchronously, to the handlers subscribed to its type
    and to the `"*"` wildcard, each group in subscription order (the order between the
    two groups is not specified). A handler on both its type and `"*"` is two
    subscriptions and runs twice. Thread-safe; a handler may subscribe or unsubscribe
    while an event is being published (whether that changes who receives the event
    being delivered is not specified).
    """

    def __init__(
        self, on_error: Callable[[Event, object, Exception], object] | None = None
    ) -> None:
        """Create a bus; `on_error(event, handler, exc)` is called for each handler that raises (when None, the error is logged with `logging`)."""
        raise NotImplementedError(
            "EventBus.__init__: keep on_error, a dict from event type to its handlers, and a threading.Lock."
        )

    def subscribe(self, event_type: str, handler: object) -> None:
        """Subscribe `handler` (an EventHandler or a callable) to `event_type` (or "*" for every event); subscribing it again to the same type keeps one subscription ("the same" means equal, so `obj.method` given twice is one subscription)."""
        raise NotImplementedError(
            "EventBus.subscribe: under the lock, append the handler unless an equal one is already subscribed to that type."
        )

    def unsubscribe(self, event_type: str, handler: object) -> bool:
        """Remove `handler` from `event_type`; True when it was subscribed there."""
        raise NotImplementedError(
            "EventBus.unsubscribe: under the lock, remove it and report whether it was there."
        )

    def publish(self, event: Event) -> int:
        """Run every matching handler; a raising handler is reported and the rest still run. Returns how many ran without raising."""
        raise NotImplementedError(
            'EventBus.publish: snapshot the type\'s handlers and the "*" handlers under the lock, then call each outside the lock inside try/except, counting successes.'
        )


class AsyncEventBus(EventBus):
    """An EventBus whose `publish` runs each matching handler on a thread pool of
    `max_workers` threads and returns at once with one future per handler. Each future
    resolves to True when its handler ran without raising and False otherwise; it never
    raises. Handler errors still go to `on_error` or `logging`.
    """

    def __init__(
        self,
        max_workers: int = 5,
        on_error: Callable[[Event, object, Exception], object] | None = None,
    ) -> None:
        """Create the bus and its thread pool; `ValueError` when max_workers < 1."""
        raise NotImplementedError(
            "AsyncEventBus.__init__: validate max_workers, call super().__init__(on_error), create a ThreadPoolExecutor and a closed flag."
        )

    def publish(self, event: Event) -> list[Future]:
        """Schedule every matching handler; returns one Future per handler (an empty list when nobody listens). Raises RuntimeError after shutdown, subscribers or not."""
        raise NotImplementedError(
            "AsyncEventBus.publish: raise RuntimeError if closed; otherwise submit a wrapper returning True/False for each handler."
        )

    def shutdown(self, wait: bool = True) -> None:
        """Refuse further publishes; with `wait`, block until every scheduled handler has finished."""
        raise NotImplementedError(
            "AsyncEventBus.shutdown: set the closed flag first, then shut the executor down with the same wait."
        )
