"""Whole module, not a diff: the guide's CQRS code: its event bus looks handlers up by class name while they are subscribed by class, so the read model is never written."""

import uuid
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Dict, List, Optional, Type


# Commands
@dataclass
class Command(ABC):
    # The guide declares `command_id` here with a default, before the subclasses' required
    # fields, which makes `@dataclass` raise TypeError at import. Fixed only as far as needed
    # to import (kw_only), so that the next bug can be observed.
    command_id: str = field(default_factory=lambda: str(uuid.uuid4()), kw_only=True)


@dataclass
class CreateUserCommand(Command):
    name: str
    email: str


@dataclass
class UpdateUserCommand(Command):
    user_id: str
    name: Optional[str] = None
    email: Optional[str] = None


# Queries
@dataclass
class Query(ABC):
    pass


@dataclass
class GetUserQuery(Query):
    user_id: str


@dataclass
class GetUsersByEmailQuery(Query):
    email: str


# Events
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
    name: Optional[str] = None
    email: Optional[str] = None


# Handler interfaces
class CommandHandler(ABC):
    @abstractmethod
    def handle(self, command: Command) -> Any:
        pass


class QueryHandler(ABC):
    @abstractmethod
    def handle(self, query: Query) -> Any:
        pass


# Write model
class User:
    def __init__(self, user_id: str, name: str, email: str):
        self.user_id = user_id
        self.name = name
        self.email = email
        self.version = 0
        self._uncommitted_events: List[DomainEvent] = []

    @classmethod
    def create(cls, name: str, email: str) -> "User":
        user_id = str(uuid.uuid4())
        user = cls(user_id, name, email)
        event = UserCreatedEvent(
            event_id=str(uuid.uuid4()),
            aggregate_id=user_id,
            timestamp=datetime.now(),
            version=1,
            name=name,
            email=email,
        )
        user._apply_event(event)
        user._uncommitted_events.append(event)
        return user

    def update(self, name: Optional[str] = None, email: Optional[str] = None):
        event = UserUpdatedEvent(
            event_id=str(uuid.uuid4()),
            aggregate_id=self.user_id,
            timestamp=datetime.now(),
            version=self.version + 1,
            name=name,
            email=email,
        )
        self._apply_event(event)
        self._uncommitted_events.append(event)

    def _apply_event(self, event: DomainEvent):
        if isinstance(event, UserCreatedEvent):
            self.name = event.name
            self.email = event.email
        elif isinstance(event, UserUpdatedEvent):
            if event.name:
                self.name = event.name
            if event.email:
                self.email = event.email
        self.version = event.version

    def get_uncommitted_events(self) -> List[DomainEvent]:
        return self._uncommitted_events.copy()

    def mark_events_committed(self):
        self._uncommitted_events.clear()


class UserWriteRepository:
    def __init__(self):
        self._users: Dict[str, User] = {}

    def save(self, user: User):
        self._users[user.user_id] = user

    def get_by_id(self, user_id: str) -> Optional[User]:
        return self._users.get(user_id)

    def get_by_email(self, email: str) -> Optional[User]:
        for user in self._users.values():
            if user.email == email:
                return user
        return None


# Read model
@dataclass
class UserReadModel:
    user_id: str
    name: str
    email: str
    created_at: datetime
    updated_at: datetime


class UserReadRepository:
    def __init__(self):
        self._users: Dict[str, UserReadModel] = {}
        self._email_index: Dict[str, List[str]] = {}

    def save(self, user: UserReadModel):
        old = self._users.get(user.user_id)
        if old and old.email in self._email_index:
            self._email_index[old.email].remove(user.user_id)
        self._users[user.user_id] = user
        self._email_index.setdefault(user.email, []).append(user.user_id)

    def get_by_id(self, user_id: str) -> Optional[UserReadModel]:
        return self._users.get(user_id)

    def get_by_email(self, email: str) -> List[UserReadModel]:
        return [self._users[uid] for uid in self._email_index.get(email, [])]


# Event bus
class EventBus:
    def __init__(self):
        self._handlers: Dict[Any, List[Callable]] = {}

    def subscribe(self, event_type: Type[DomainEvent], handler: Callable):
        if event_type not in self._handlers:
            self._handlers[event_type] = []
        self._handlers[event_type].append(handler)

    def publish(self, event: DomainEvent):
        event_type = event.__class__.__name__  # a str; the keys are the event classes
        for handler in self._handlers.get(event_type, []):
            handler(event)


# Projection
class UserProjection:
    def __init__(self, read_repository: UserReadRepository):
        self.read_repository = read_repository

    def handle_user_created(self, event: UserCreatedEvent):
        read_model = UserReadModel(
            user_id=event.aggregate_id,
            name=event.name,
            email=event.email,
            created_at=event.timestamp,
            updated_at=event.timestamp,
        )
        self.read_repository.save(read_model)

    def handle_user_updated(self, event: UserUpdatedEvent):
        read_model = self.read_repository.get_by_id(event.aggregate_id)
        if read_model:
            updated = UserReadModel(
                user_id=read_model.user_id,
                name=event.name or read_model.name,
                email=event.email or read_model.email,
                created_at=read_model.created_at,
                updated_at=event.timestamp,
            )
            self.read_repository.save(updated)


# Command handlers
class CreateUserCommandHandler(CommandHandler):
    def __init__(self, repository: UserWriteRepository, event_bus: EventBus):
        self.repository = repository
        self.event_bus = event_bus

    def handle(self, command: CreateUserCommand) -> str:
        if self.repository.get_by_email(command.email):
            raise ValueError(f"User with email {command.email} already exists")
        user = User.create(command.name, command.email)
        self.repository.save(user)
        for event in user.get_uncommitted_events():
            self.event_bus.publish(event)
        user.mark_events_committed()
        return user.user_id


class UpdateUserCommandHandler(CommandHandler):
    def __init__(self, repository: UserWriteRepository, event_bus: EventBus):
        self.repository = repository
        self.event_bus = event_bus

    def handle(self, command: UpdateUserCommand) -> None:
        user = self.repository.get_by_id(command.user_id)
        if not user:
            raise ValueError(f"User {command.user_id} not found")
        if command.email:
            existing = self.repository.get_by_email(command.email)
            if existing and existing.user_id != user.user_id:
                raise ValueError(f"User with email {command.email} already exists")
        user.update(command.name, command.email)
        self.repository.save(user)
        for event in user.get_uncommitted_events():
            self.event_bus.publish(event)
        user.mark_events_committed()


# Query handlers
class GetUserQueryHandler(QueryHandler):
    def __init__(self, read_repository: UserReadRepository):
        self.read_repository = read_repository

    def handle(self, query: GetUserQuery) -> Optional[UserReadModel]:
        return self.read_repository.get_by_id(query.user_id)


class GetUsersByEmailQueryHandler(QueryHandler):
    def __init__(self, read_repository: UserReadRepository):
        self.read_repository = read_repository

    def handle(self, query: GetUsersByEmailQuery) -> List[UserReadModel]:
        return self.read_repository.get_by_email(query.email)


class HandlerNotFoundError(LookupError):
    pass


# Bus
class CQRSBus:
    def __init__(self):
        self._command_handlers: Dict[Type, CommandHandler] = {}
        self._query_handlers: Dict[Type, QueryHandler] = {}

    def register_command_handler(self, command_type: Type, handler: CommandHandler):
        self._command_handlers[command_type] = handler

    def register_query_handler(self, query_type: Type, handler: QueryHandler):
        self._query_handlers[query_type] = handler

    def send_command(self, command: Command) -> Any:
        handler = self._command_handlers.get(type(command))
        if not handler:
            raise HandlerNotFoundError(f"No handler for {type(command).__name__}")
        return handler.handle(command)

    def send_query(self, query: Query) -> Any:
        handler = self._query_handlers.get(type(query))
        if not handler:
            raise HandlerNotFoundError(f"No handler for {type(query).__name__}")
        return handler.handle(query)


def bootstrap() -> CQRSBus:
    write_repository = UserWriteRepository()
    read_repository = UserReadRepository()
    event_bus = EventBus()

    projection = UserProjection(read_repository)
    event_bus.subscribe(UserCreatedEvent, projection.handle_user_created)
    event_bus.subscribe(UserUpdatedEvent, projection.handle_user_updated)

    bus = CQRSBus()
    bus.register_command_handler(
        CreateUserCommand, CreateUserCommandHandler(write_repository, event_bus)
    )
    bus.register_command_handler(
        UpdateUserCommand, UpdateUserCommandHandler(write_repository, event_bus)
    )
    bus.register_query_handler(GetUserQuery, GetUserQueryHandler(read_repository))
    bus.register_query_handler(GetUsersByEmailQuery, GetUsersByEmailQueryHandler(read_repository))
    return bus
