"""An alternative event bus: mutable per-type lists and hand-made futures.

What is this pattern about?
    Publishers hand events to the bus, which delivers them to every handler subscribed to
    the event's type and to the "*" wildcard, surviving handlers that raise.

What does this example do?
    Subscriptions are lists per type, changed in place under an `RLock`; `publish`
    copies the type's list and the "*" list under the lock and calls them outside it. The
    asynchronous bus starts its own worker threads on a `queue.Queue` and resolves plain
    `concurrent.futures.Future` objects itself instead of using a `ThreadPoolExecutor`.

TL;DR
    Same contract as the reference with different machinery: the suite must accept it.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

log = logging.getLogger("alt_event_bus")


def _now() -> datetime:
    return datetime.fromtimestamp(time.time()).astimezone()


@dataclass
class Event:
    event_type: str
    data: dict
    timestamp: datetime = field(default_factory=_now)
    event_id: str = field(default_factory=lambda: str(uuid.uuid4()))


class EventHandler(ABC):
    @abstractmethod
    def handle(self, event: Event) -> None: ...


class EventBus:
    def __init__(self, on_error: Callable[..., Any] | None = None) -> None:
        self.on_error = on_error
        self._subs: dict[str, list[Any]] = {}  # lists changed in place, copied on read
        self._guard = threading.RLock()

    def subscribe(self, event_type: str, handler: Any) -> None:
        if not callable(handler) and not isinstance(handler, EventHandler):
            raise TypeError("handler must be callable")
        with self._guard:
            group = self._subs.setdefault(event_type, [])
            if handler not in group:
                group.append(handler)

    def unsubscribe(self, event_type: str, handler: Any) -> bool:
        with self._guard:
            group = self._subs.get(event_type, [])
            if handler not in group:
                return False
            group.remove(handler)
            return True

    def _targets(self, event: Event) -> list[Any]:
        with self._guard:
            return [*self._subs.get(event.event_type, ()), *self._subs.get("*", ())]

    def _run_one(self, event: Event, handler: Any) -> bool:
        try:
            if isinstance(handler, EventHandler):
                handler.handle(event)
            else:
                handler(event)
            return True
        except Exception as exc:
            if self.on_error is not None:
                try:
                    self.on_error(event, handler, exc)
                except Exception:
                    log.exception("on_error raised")
            else:
                log.exception("handler %r failed: %s", handler, exc)
            return False

    def publish(self, event: Event) -> int:
        return sum(self._run_one(event, h) for h in self._targets(event))


class AsyncEventBus(EventBus):
    def __init__(self, max_workers: int = 5, on_error: Callable[..., Any] | None = None) -> None:
        if not isinstance(max_workers, int) or max_workers < 1:
            raise ValueError("max_workers must be an int >= 1")
        super().__init__(on_error)
        self._jobs: queue.Queue = queue.Queue()
        self._open = True
        self._state = threading.Lock()
        self._workers = [
            threading.Thread(target=self._work, daemon=True) for _ in range(max_workers)
        ]
        for worker in self._workers:
            worker.start()

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            future, event, handler = job
            if future.set_running_or_notify_cancel():
                future.set_result(self._run_one(event, handler))

    def publish(self, event: Event) -> list[Future]:  # type: ignore[override]
        with self._state:
            if not self._open:
                raise RuntimeError("bus is shut down")
            futures = []
            for handler in self._targets(event):
                future: Future = Future()
                self._jobs.put((future, event, handler))
                futures.append(future)
            return futures

    def shutdown(self, wait: bool = True) -> None:
        with self._state:
            if self._open:
                self._open = False
                for _ in self._workers:
                    self._jobs.put(None)
        if wait:
            for worker in self._workers:
                worker.join()
