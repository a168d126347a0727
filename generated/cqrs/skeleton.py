# Generated from specs/cqrs/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 6259d7ec94ce1a4f81652648575b14db9cfde137feed853fef7c5aa4ba75f705
"""Command Query Responsibility Segregation: your solution starts here.

Fill in every method until `kata check cqrs` passes; the brief is generated/cqrs/README.md.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any


class HandlerNotFoundError(LookupError):
    """Raised by `CQRSBus.send_command` / `send_query` when no handler is registered for the message's type."""


class CreateUserCommand:
    """A command asking the write side to register a user. Make this a `@dataclass` with
    `name: str`, `email: str` and an auto-generated `command_id` (a new UUID4 string per
    command), constructible as `CreateUserCommand(name, email)`.

    Attributes:
        name: The new user's name.
        email: The new user's email; must not belong to another user.
        command_id: A fresh id per command (e.g. str(uuid.uuid4())), for tracing and idempotency.
    """

    def __init__(self, name: str, email: str) -> None:
        """Create the command; `command_id` is generated."""
        raise NotImplementedError(
            "CreateUserCommand.__init__: replace this class body with @dataclass fields; command_id = field(default_factory=..., kw_only=True)."
        )


class UpdateUserCommand:
    """A command asking the write side to change a user. A `@dataclass` with `user_id: str`,
    `name: str | None = None`, `email: str | None = None` (None means "leave unchanged")
    and an auto-generated `command_id`.

    Attributes:
        user_id: The user to change.
        name: The new name, or None to keep it.
        email: The new email, or None to keep it.
        command_id: A fresh id per command.
    """

    def __init__(self, user_id: str, name: str | None = None, email: str | None = None) -> None:
        """Create the command; `command_id` is generated."""
        raise NotImplementedError(
            "UpdateUserCommand.__init__: replace this class body with @dataclass fields (command_id keyword-only with a default_factory)."
        )


class GetUserQuery:
    """A query for one user's read model. A `@dataclass` with `user_id: str`.

    Attributes:
        user_id: The user asked for.
    """

    def __init__(self, user_id: str) -> None:
        """Create the query."""
        raise NotImplementedError(
            "GetUserQuery.__init__: replace this class body with a @dataclass field."
        )


class GetUsersByEmailQuery:
    """A query for every user registered with an email. A `@dataclass` with `email: str`.

    Attributes:
        email: The email asked for.
    """

    def __init__(self, email: str) -> None:
        """Create the query."""
        raise NotImplementedError(
            "GetUsersByEmailQuery.__init__: replace this class body with a @dataclass field."
        )


class DomainEvent:
    """Something that happened to an aggregate. A `@dataclass` with `event_id: str`,
    `aggregate_id: str` (the user's id), `timestamp: datetime` and `version: int` (the
    aggregate's version after the change), in that order.

    Attributes:
        event_id: A unique id for this event.
        aggregate_id: The id of the aggregate (user) that changed.
        timestamp: When it happened.
        version: The aggregate's version after this event.
    """

    def __init__(self, event_id: str, aggregate_id: str, timestamp: datetime, version: int) -> None:
        """Create the event."""
        raise NotImplementedError(
            "DomainEvent.__init__: replace this class body with @dataclass fields."
        )


class UserCreatedEvent(DomainEvent):
    """A user was registered. A `@dataclass` subclass of DomainEvent adding `name: str` and `email: str` after the inherited fields.

    Attributes:
        name: The user's name.
        email: The user's email.
    """

    def __init__(
        self,
        event_id: str,
        aggregate_id: str,
        timestamp: datetime,
        version: int,
        name: str,
        email: str,
    ) -> None:
        """Create the event."""
        raise NotImplementedError(
            "UserCreatedEvent.__init__: @dataclass subclass of DomainEvent with two more fields."
        )


class UserUpdatedEvent(DomainEvent):
    """A user changed. A `@dataclass` subclass of DomainEvent adding `name: str | None = None` and `email: str | None = None` (None means that field did not change).

    Attributes:
        name: The new name, or None when unchanged.
        email: The new email, or None when unchanged.
    """

    def __init__(
        self,
        event_id: str,
        aggregate_id: str,
        timestamp: datetime,
        version: int,
        name: str | None = None,
        email: str | None = None,
    ) -> None:
        """Create the event."""
        raise NotImplementedError(
            "UserUpdatedEvent.__init__: @dataclass subclass of DomainEvent with two defaulted fields."
        )


class User:
    """The write-side aggregate: the only place a user's state changes. It counts its
    changes in `version` and queues the events describing them until they are
    committed. (The suite observes it through `version` and its events only; the
    attributes below are the natural way to hold its state.)

    Attributes:
        user_id: The user's id (a new UUID4 string).
        name: The current name.
        email: The current email.
        version: 1 after create, + 1 per update.
    """

    @classmethod
    def create(cls, name: str, email: str) -> User:
        """A new user with a fresh id, `version == 1` and exactly one pending `UserCreatedEvent` (version 1, aggregate_id = the user's id)."""
        raise NotImplementedError(
            "User.create: build the user, set version 1, queue a UserCreatedEvent."
        )

    def update(self, name: str | None = None, email: str | None = None) -> None:
        """Change the given fields (None keeps a field), add 1 to `version` and queue one `UserUpdatedEvent` carrying the new version."""
        raise NotImplementedError(
            "User.update: apply the changes, bump version, append a UserUpdatedEvent with the same aggregate_id."
        )

    def get_uncommitted_events(self) -> list[DomainEvent]:
        """The events queued since the last `mark_events_committed()`, oldest first."""
        raise NotImplementedError("User.get_uncommitted_events: return a copy of the pending list.")

    def mark_events_committed(self) -> None:
        """Forget the pending events (they have been saved and published)."""
        raise NotImplementedError("User.mark_events_committed: clear the pending list.")


class UserReadModel:
    """A user as the read side shows it. A `@dataclass` with `user_id`, `name`, `email`,
    `created_at` and `updated_at` (timestamps, e.g. datetimes taken from the events).
    `updated_at` is never earlier than `created_at` and gets a new value on every update.

    Attributes:
        user_id: The user's id.
        name: The current name.
        email: The current email.
        created_at: When the user was created.
        updated_at: When the user last changed (the creation time until the first update).
    """

    def __init__(
        self, user_id: str, name: str, email: str, created_at: datetime, updated_at: datetime
    ) -> None:
        """Create the read model."""
        raise NotImplementedError(
            "UserReadModel.__init__: replace this class body with @dataclass fields."
        )


class CQRSBus:
    """Routes each command, and each query, to the one handler registered for its exact
    type, and returns what that handler returns. Commands and queries have separate
    registries. A handler is called with the message: any callable works (the suite's
    own test handlers are callable and also have a `handle(message)` method, so a bus
    that calls `handler.handle(message)` passes too). Re-registering a type is not
    specified.
    """

    def __init__(self) -> None:
        """Create a bus with no handlers."""
        raise NotImplementedError(
            "CQRSBus.__init__: one dict for command handlers, another for query handlers."
        )

    def register_command_handler(self, command_type: type, handler: Callable[[Any], Any]) -> None:
        """Register `handler` for commands of type `command_type`."""
        raise NotImplementedError(
            "CQRSBus.register_command_handler: store it in the command registry."
        )

    def register_query_handler(self, query_type: type, handler: Callable[[Any], Any]) -> None:
        """Register `handler` for queries of type `query_type`."""
        raise NotImplementedError("CQRSBus.register_query_handler: store it in the query registry.")

    def send_command(self, command: object) -> Any:
        """Run the command's handler and return its result (for `CreateUserCommand` through `bootstrap()`, the new user's id; for `UpdateUserCommand` the result is not specified). `HandlerNotFoundError` when none is registered."""
        raise NotImplementedError(
            "CQRSBus.send_command: look up type(command) in the command registry; raise HandlerNotFoundError when missing."
        )

    def send_query(self, query: object) -> Any:
        """Run the query's handler and return its result. `HandlerNotFoundError` when none is registered."""
        raise NotImplementedError(
            "CQRSBus.send_query: look up type(query) in the query registry; raise HandlerNotFoundError when missing."
        )


def bootstrap() -> CQRSBus:
    """The composition root: build a fresh write repository, read store, event bus and
    projection, register the four handlers on a new `CQRSBus` and return it. Through it,
    `CreateUserCommand` returns the new user's id and the read model is queryable at
    once; a duplicate email, an update of an unknown id and an update to an email that
    another user has raise `ValueError` and change nothing; `GetUserQuery` of an unknown
    id returns `None`; `GetUsersByEmailQuery` returns a list. Two calls share nothing.
    """
    raise NotImplementedError(
        "bootstrap: create the stores, subscribe the projection to the event classes, register the handlers, return the bus."
    )
