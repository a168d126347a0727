"""An alternative CQRS user service: an event-sourced aggregate and a scanning read side.

What is this pattern about?
    Commands change aggregates and emit events; a projection turns the events into read
    models; queries read only those.

What does this example do?
    `User` changes state only by applying its own events (`_apply`), the way an
    event-sourced aggregate does. The write store keeps aggregates in a list of
    records, the read side keeps read models in a dict and answers the email query by
    scanning, and `CQRSBus` keeps one registry keyed by (kind, message type).

TL;DR
    Same contract as the reference with different machinery: the suite must accept it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any


def _uid() -> str:
    return str(uuid.uuid4())


def _stamp() -> datetime:
    return datetime.now(timezone.utc)


class HandlerNotFoundError(LookupError):
    pass


@dataclass
class CreateUserCommand:
    name: str
    email: str
    command_id: str = field(default_factory=_uid, kw_only=True)


@dataclass
class UpdateUserCommand:
    user_id: str
    name: str | None = None
    email: str | None = None
    command_id: str = field(default_factory=_uid, kw_only=True)


@dataclass
class GetUserQuery:
    user_id: str


@dataclass
class GetUsersByEmailQuery:
    email: str


@dataclass
class DomainEvent:
    event_id: str
    aggregate_id: str
    timestamp: datetime
    version: int


@dataclass
class UserCreatedEvent(DomainEvent):
    name: str
    email: str


@dataclass
class UserUpdatedEvent(DomainEvent):
    name: str | None = None
    email: str | None = None


class User:
    def __init__(self, user_id: str) -> None:
        self.user_id = user_id
        self.name = ""
        self.email = ""
        self.version = 0
        self._changes: list[DomainEvent] = []

    def _apply(self, event: DomainEvent) -> None:
        if isinstance(event, UserCreatedEvent):
            self.name, self.email = event.name, event.email
        elif isinstance(event, UserUpdatedEvent):
            if event.name is not None:
                self.name = event.name
            if event.email is not None:
                self.email = event.email
        self.version = event.version
        self._changes.append(event)

    @classmethod
    def create(cls, name: str, email: str) -> User:
        user = cls(_uid())
        user._apply(UserCreatedEvent(_uid(), user.user_id, _stamp(), 1, name, email))
        return user

    def update(self, name: str | None = None, email: str | None = None) -> None:
        self._apply(UserUpdatedEvent(_uid(), self.user_id, _stamp(), self.version + 1, name, email))

    def get_uncommitted_events(self) -> list[DomainEvent]:
        return self._changes[:]

    def mark_events_committed(self) -> None:
        del self._changes[:]


@dataclass
class UserReadModel:
    user_id: str
    name: str
    email: str
    created_at: datetime
    updated_at: datetime


class CQRSBus:
    def __init__(self) -> None:
        self._routes: dict[tuple[str, type], Callable[[Any], Any]] = {}

    def register_command_handler(self, command_type: type, handler: Callable[[Any], Any]) -> None:
        self._routes["command", command_type] = handler

    def register_query_handler(self, query_type: type, handler: Callable[[Any], Any]) -> None:
        self._routes["query", query_type] = handler

    def _send(self, kind: str, message: object) -> Any:
        try:
            handler = self._routes[kind, type(message)]
        except KeyError:
            raise HandlerNotFoundError(f"no {kind} handler for {type(message).__name__}") from None
        return handler(message)

    def send_command(self, command: object) -> Any:
        return self._send("command", command)

    def send_query(self, query: object) -> Any:
        return self._send("query", query)


class _System:
    """The write store, the read store and the subscriptions of one bootstrap()."""

    def __init__(self) -> None:
        self.aggregates: list[User] = []
        self.views: dict[str, UserReadModel] = {}
        self.subscribers: list[tuple[type, Callable[[DomainEvent], None]]] = [
            (UserCreatedEvent, self._project_created),
            (UserUpdatedEvent, self._project_updated),
        ]

    def _find(self, user_id: str) -> User | None:
        return next((u for u in self.aggregates if u.user_id == user_id), None)

    def _owner(self, email: str) -> User | None:
        return next((u for u in self.aggregates if u.email == email), None)

    def _publish_pending(self, user: User) -> None:
        for event in user.get_uncommitted_events():
            for event_type, subscriber in self.subscribers:
                if isinstance(event, event_type):
                    subscriber(event)
        user.mark_events_committed()

    def _project_created(self, event: UserCreatedEvent) -> None:
        self.views[event.aggregate_id] = UserReadModel(
            event.aggregate_id, event.name, event.email, event.timestamp, event.timestamp
        )

    def _project_updated(self, event: UserUpdatedEvent) -> None:
        old = self.views[event.aggregate_id]
        self.views[event.aggregate_id] = UserReadModel(
            old.user_id,
            old.name if event.name is None else event.name,
            old.email if event.email is None else event.email,
            old.created_at,
            event.timestamp,
        )

    def create(self, command: CreateUserCommand) -> str:
        if self._owner(command.email) is not None:
            raise ValueError("email already registered")
        user = User.create(command.name, command.email)
        self.aggregates.append(user)
        self._publish_pending(user)
        return user.user_id

    def update(self, command: UpdateUserCommand) -> bool:
        user = self._find(command.user_id)
        if user is None:
            raise ValueError("unknown user_id")
        if command.email is not None:
            owner = self._owner(command.email)
            if owner is not None and owner is not user:
                raise ValueError("email belongs to another user")
        user.update(command.name, command.email)
        self._publish_pending(user)
        return True

    def get(self, query: GetUserQuery) -> UserReadModel | None:
        return self.views.get(query.user_id)

    def by_email(self, query: GetUsersByEmailQuery) -> list[UserReadModel]:
        return [view for view in self.views.values() if view.email == query.email]


def bootstrap() -> CQRSBus:
    system = _System()
    bus = CQRSBus()
    bus.register_command_handler(CreateUserCommand, system.create)
    bus.register_command_handler(UpdateUserCommand, system.update)
    bus.register_query_handler(GetUserQuery, system.get)
    bus.register_query_handler(GetUsersByEmailQuery, system.by_email)
    return bus
