"""Mutant: GetUserQuery names its field `id` instead of `user_id`."""


from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any


def _new_id() -> str:
    return str(uuid.uuid4())


def _now() -> datetime:
    return datetime.now(timezone.utc)


# --- Messages -------------------------------------------------------------------------
# command_id is keyword-only: a defaulted base field must not come before the
# subclasses' required fields, or the dataclasses cannot even be defined.


@dataclass(frozen=True)
class CreateUserCommand:
    """Ask the write side to register a new user."""

    name: str
    email: str
    command_id: str = field(default_factory=_new_id, kw_only=True)


@dataclass(frozen=True)
class UpdateUserCommand:
    """Ask the write side to change a user's name and/or email (None means unchanged)."""

    user_id: str
    name: str | None = None
    email: str | None = None
    command_id: str = field(default_factory=_new_id, kw_only=True)


@dataclass(frozen=True)
class GetUserQuery:
    """Ask the read side for one user's read model."""

    id: str


@dataclass(frozen=True)
class GetUsersByEmailQuery:
    """Ask the read side for every user registered with an email."""

    email: str


@dataclass(frozen=True)
class DomainEvent:
    """Something that happened to an aggregate, at a given version of it."""

    event_id: str
    aggregate_id: str
    timestamp: datetime
    version: int


@dataclass(frozen=True)
class UserCreatedEvent(DomainEvent):
    """A user was registered."""

    name: str
    email: str


@dataclass(frozen=True)
class UserUpdatedEvent(DomainEvent):
    """A user changed; a None field did not change."""

    name: str | None = None
    email: str | None = None


class HandlerNotFoundError(LookupError):
    """No handler is registered for the type of the command or query sent."""


# --- Write side -----------------------------------------------------------------------


class User:
    """The aggregate: the only place where a user's state changes."""

    def __init__(self, user_id: str, name: str, email: str) -> None:
        self.user_id = user_id
        self.name = name
        self.email = email
        self.version = 0
        self._pending: list[DomainEvent] = []

    @classmethod
    def create(cls, name: str, email: str) -> User:
        user = cls(_new_id(), name, email)
        user.version = 1
        user._pending.append(
            UserCreatedEvent(_new_id(), user.user_id, _now(), user.version, name, email)
        )
        return user

    def update(self, name: str | None = None, email: str | None = None) -> None:
        if name is not None:
            self.name = name
        if email is not None:
            self.email = email
        self.version += 1
        self._pending.append(
            UserUpdatedEvent(_new_id(), self.user_id, _now(), self.version, name, email)
        )

    def get_uncommitted_events(self) -> list[DomainEvent]:
        return list(self._pending)  # a copy: callers must not edit the aggregate's queue

    def mark_events_committed(self) -> None:
        self._pending.clear()


class UserRepository:
    """The write store: aggregates by id, plus an email index for the uniqueness rule."""

    def __init__(self) -> None:
        self._users: dict[str, User] = {}
        self._ids_by_email: dict[str, str] = {}
        # The email each user was saved with: the aggregate is edited in place before
        # save(), so the old email can only be found here.
        self._saved_emails: dict[str, str] = {}

    def get(self, user_id: str) -> User | None:
        return self._users.get(user_id)

    def id_for_email(self, email: str) -> str | None:
        return self._ids_by_email.get(email)

    def save(self, user: User) -> None:
        old_email = self._saved_emails.get(user.user_id)
        if old_email is not None and old_email != user.email:
            del self._ids_by_email[old_email]  # the old email is free again
        self._users[user.user_id] = user
        self._ids_by_email[user.email] = user.user_id
        self._saved_emails[user.user_id] = user.email


# --- Event bus and read side -----------------------------------------------------------

EventHandler = Callable[[DomainEvent], None]


class EventBus:
    """In-process publish/subscribe, keyed by the event's class (not by a name field)."""

    def __init__(self) -> None:
        self._handlers: defaultdict[type[DomainEvent], list[EventHandler]] = defaultdict(list)

    def subscribe(self, event_type: type[DomainEvent], handler: EventHandler) -> None:
        self._handlers[event_type].append(handler)

    def publish(self, event: DomainEvent) -> None:
        for handler in self._handlers.get(type(event), ()):
            handler(event)


@dataclass(frozen=True)
class UserReadModel:
    """A user as the read side shows it; replaced, never edited, on every change."""

    user_id: str
    name: str
    email: str
    created_at: datetime
    updated_at: datetime


class UserReadStore:
    """Read models by id and by email."""

    def __init__(self) -> None:
        self._by_id: dict[str, UserReadModel] = {}
        self._ids_by_email: defaultdict[str, set[str]] = defaultdict(set)

    def get(self, user_id: str) -> UserReadModel | None:
        return self._by_id.get(user_id)

    def find_by_email(self, email: str) -> list[UserReadModel]:
        return [self._by_id[user_id] for user_id in sorted(self._ids_by_email.get(email, ()))]

    def put(self, view: UserReadModel) -> None:
        previous = self._by_id.get(view.user_id)
        if previous is not None:
            self._ids_by_email[previous.email].discard(view.user_id)
        self._by_id[view.user_id] = view
        self._ids_by_email[view.email].add(view.user_id)


class UserProjection:
    """Keeps the read store in step with the write side's events."""

    def __init__(self, store: UserReadStore) -> None:
        self._store = store

    def on_created(self, event: UserCreatedEvent) -> None:
        # Timestamps come from the events, so the read model says when things happened.
        self._store.put(
            UserReadModel(
                event.aggregate_id, event.name, event.email, event.timestamp, event.timestamp
            )
        )

    def on_updated(self, event: UserUpdatedEvent) -> None:
        current = self._store.get(event.aggregate_id)
        if current is None:
            return  # nothing to project onto; the create event is the source of the row
        self._store.put(
            replace(
                current,
                name=current.name if event.name is None else event.name,
                email=current.email if event.email is None else event.email,
                updated_at=event.timestamp,
            )
        )


# --- Handlers ---------------------------------------------------------------------------


class _UserCommandHandler:
    """Shared plumbing: save the aggregate, then publish and commit its events."""

    def __init__(self, users: UserRepository, events: EventBus) -> None:
        self._users = users
        self._events = events

    def _email_taken(self, email: str, by_other_than: str | None = None) -> bool:
        owner = self._users.id_for_email(email)
        return owner is not None and owner != by_other_than

    def _commit(self, user: User) -> None:
        self._users.save(user)
        for event in user.get_uncommitted_events():
            self._events.publish(event)
        user.mark_events_committed()


class CreateUserHandler(_UserCommandHandler):
    def __call__(self, command: CreateUserCommand) -> str:
        if self._email_taken(command.email):
            raise ValueError(f"email {command.email!r} is already registered")
        user = User.create(command.name, command.email)
        self._commit(user)
        return user.user_id


class UpdateUserHandler(_UserCommandHandler):
    def __call__(self, command: UpdateUserCommand) -> None:
        user = self._users.get(command.user_id)
        if user is None:
            raise ValueError(f"user_id {command.user_id!r} does not exist")
        # Check every rule before changing anything, so a rejected command leaves no trace.
        if command.email is not None and self._email_taken(
            command.email, by_other_than=user.user_id
        ):
            raise ValueError(f"email {command.email!r} is already registered to another user")
        user.update(name=command.name, email=command.email)
        self._commit(user)


class GetUserHandler:
    def __init__(self, store: UserReadStore) -> None:
        self._store = store

    def __call__(self, query: GetUserQuery) -> UserReadModel | None:
        return self._store.get(query.id)


class GetUsersByEmailHandler:
    def __init__(self, store: UserReadStore) -> None:
        self._store = store

    def __call__(self, query: GetUsersByEmailQuery) -> list[UserReadModel]:
        return self._store.find_by_email(query.email)


# --- Bus and composition root -------------------------------------------------------------

Handler = Callable[[Any], Any]


class CQRSBus:
    """Routes each command and each query to the one handler registered for its type."""

    def __init__(self) -> None:
        # Two registries: a command type is never answered by a query handler, and vice versa.
        self._command_handlers: dict[type, Handler] = {}
        self._query_handlers: dict[type, Handler] = {}

    def register_command_handler(self, command_type: type, handler: Handler) -> None:
        self._command_handlers[command_type] = handler

    def register_query_handler(self, query_type: type, handler: Handler) -> None:
        self._query_handlers[query_type] = handler

    def send_command(self, command: object) -> Any:
        return self._dispatch(self._command_handlers, command, "command")

    def send_query(self, query: object) -> Any:
        return self._dispatch(self._query_handlers, query, "query")

    @staticmethod
    def _dispatch(handlers: dict[type, Handler], message: object, kind: str) -> Any:
        handler = handlers.get(type(message))
        if handler is None:
            raise HandlerNotFoundError(f"no {kind} handler registered for {type(message).__name__}")
        return handler(message)


def bootstrap() -> CQRSBus:
    """Build a fresh, fully wired system: stores, event bus, projection, handlers, bus."""
    users = UserRepository()
    events = EventBus()
    store = UserReadStore()
    projection = UserProjection(store)
    events.subscribe(UserCreatedEvent, projection.on_created)
    events.subscribe(UserUpdatedEvent, projection.on_updated)

    bus = CQRSBus()
    bus.register_command_handler(CreateUserCommand, CreateUserHandler(users, events))
    bus.register_command_handler(UpdateUserCommand, UpdateUserHandler(users, events))
    bus.register_query_handler(GetUserQuery, GetUserHandler(store))
    bus.register_query_handler(GetUsersByEmailQuery, GetUsersByEmailHandler(store))
    return bus
