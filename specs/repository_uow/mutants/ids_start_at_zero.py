"""Mutant: the repository's id counter starts at 0, so new entities are numbered 0, 1, 2."""


from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from types import TracebackType
from typing import Generic, TypeVar


class Entity:
    """Anything with an identity; `is_deleted` marks a soft-deleted entity."""

    def __init__(self, id: int | None = None) -> None:
        self.id = id
        self.is_deleted = False

    def __repr__(self) -> str:
        fields = ", ".join(f"{key}={value!r}" for key, value in vars(self).items())
        return f"{type(self).__name__}({fields})"


class User(Entity):
    def __init__(
        self, id: int | None = None, name: str | None = None, email: str | None = None
    ) -> None:
        super().__init__(id)
        self.name = name
        self.email = email


class Order(Entity):
    def __init__(
        self,
        id: int | None = None,
        user_id: int | None = None,
        total_amount: float | None = None,
    ) -> None:
        super().__init__(id)
        self.user_id = user_id
        self.total_amount = total_amount


E = TypeVar("E", bound=Entity)


class UnitOfWorkError(LookupError):
    """A registered entity's type has no repository."""


class Repository(ABC, Generic[E]):
    """A collection-like port over stored entities of one type.

    Besides the collection methods it can `snapshot()` its state and `restore()` one:
    that is what lets a unit of work make a commit across repositories atomic.
    """

    @abstractmethod
    def add(self, entity: E) -> E:
        """Store a new entity, giving it the next id when its id is None."""

    @abstractmethod
    def get(self, id: int) -> E | None:
        """The entity with this id, or None when it is absent or deleted."""

    @abstractmethod
    def update(self, entity: E) -> E:
        """Store `entity` in place of the stored entity with the same id."""

    @abstractmethod
    def delete(self, id: int) -> bool:
        """Soft-delete the entity with this id; False when there is none to delete."""

    @abstractmethod
    def find_all(self) -> list[E]:
        """Every entity that is not deleted, in id order."""

    @abstractmethod
    def snapshot(self) -> object:
        """An opaque copy of the repository's state, for `restore`."""

    @abstractmethod
    def restore(self, snapshot: object) -> None:
        """Put the repository back exactly as it was when `snapshot` was taken."""


@dataclass(frozen=True)
class _Snapshot(Generic[E]):
    entities: dict[int, E]
    deleted: dict[int, bool]  # the flags live on the entities, so they are copied apart
    next_id: int


class InMemoryRepository(Repository[E]):
    """A dict-backed repository with soft deletion."""

    def __init__(self) -> None:
        self._entities: dict[int, E] = {}
        self._next_id = 0

    def add(self, entity: E) -> E:
        if entity.id is None:
            entity.id = self._next_id
        elif entity.id in self._entities:
            raise ValueError(f"id {entity.id} is already taken")
        # Explicit ids move the counter too, so a later generated id never collides.
        self._next_id = max(self._next_id, entity.id + 1)
        self._entities[entity.id] = entity
        return entity

    def get(self, id: int) -> E | None:
        entity = self._entities.get(id)
        return None if entity is None or entity.is_deleted else entity

    def update(self, entity: E) -> E:
        if self.get(entity.id) is None:
            raise KeyError(f"no stored entity with id {entity.id}")
        self._entities[entity.id] = entity
        return entity

    def delete(self, id: int) -> bool:
        entity = self.get(id)
        if entity is None:
            return False
        entity.is_deleted = True
        return True

    def find_all(self) -> list[E]:
        return [entity for _, entity in sorted(self._entities.items()) if not entity.is_deleted]

    def snapshot(self) -> object:
        entities = dict(self._entities)
        deleted = {key: entity.is_deleted for key, entity in entities.items()}
        return _Snapshot(entities, deleted, self._next_id)

    def restore(self, snapshot: object) -> None:
        if not isinstance(snapshot, _Snapshot):
            raise TypeError("restore() takes a snapshot made by snapshot()")
        self._entities = dict(snapshot.entities)
        for key, entity in self._entities.items():
            entity.is_deleted = snapshot.deleted[key]
        self._next_id = snapshot.next_id


class UserRepository(InMemoryRepository[User]):
    def find_by_email(self, email: str) -> User | None:
        """The live user with this email, or None."""
        return next((user for user in self.find_all() if user.email == email), None)


class OrderRepository(InMemoryRepository[Order]):
    def find_by_user_id(self, user_id: int) -> list[Order]:
        """Every live order of this user, in id order."""
        return [order for order in self.find_all() if order.user_id == user_id]


class UnitOfWork:
    """Collects new, dirty and removed entities and commits them all or not at all."""

    def __init__(self) -> None:
        self._repositories: dict[type[Entity], Repository] = {}
        self._new: list[Entity] = []
        self._dirty: list[Entity] = []
        self._removed: list[Entity] = []

    def register_repository(self, entity_type: type[Entity], repository: Repository) -> None:
        self._repositories[entity_type] = repository

    def register_new(self, entity: Entity) -> None:
        self._new.append(entity)

    def register_dirty(self, entity: Entity) -> None:
        self._dirty.append(entity)

    def register_removed(self, entity: Entity) -> None:
        self._removed.append(entity)

    def registered_new(self, entity_type: type[E]) -> list[E]:
        """Entities of this type registered as new and not yet committed."""
        return [entity for entity in self._new if isinstance(entity, entity_type)]

    def commit(self) -> None:
        # Resolve every repository first: a missing one must fail before any change.
        plan = [(self._repository_for(e), "add", e) for e in self._new]
        plan += [(self._repository_for(e), "update", e) for e in self._dirty]
        plan += [(self._repository_for(e), "delete", e.id) for e in self._removed]
        involved = {id(repository): repository for repository, _, _ in plan}
        snapshots = [(repository, repository.snapshot()) for repository in involved.values()]
        unnumbered = [entity for entity in self._new if entity.id is None]
        try:
            for repository, method, argument in plan:
                getattr(repository, method)(argument)
        except BaseException:
            for repository, snapshot in snapshots:
                repository.restore(snapshot)
            for entity in unnumbered:  # so that a retry numbers them afresh
                entity.id = None
            raise
        self._clear()

    def rollback(self) -> None:
        """Forget every change registered since the last commit; committed work stays."""
        self._clear()

    def __enter__(self) -> UnitOfWork:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Committing is always explicit; whatever is still pending is discarded.
        self.rollback()

    def _repository_for(self, entity: Entity) -> Repository:
        try:
            return self._repositories[type(entity)]
        except KeyError:
            raise UnitOfWorkError(f"no repository registered for {type(entity).__name__}") from None

    def _clear(self) -> None:
        self._new.clear()
        self._dirty.clear()
        self._removed.clear()


class UserService:
    """User use cases; changes are registered with the unit of work, which the caller commits."""

    def __init__(self, uow: UnitOfWork, user_repo: UserRepository) -> None:
        self.uow = uow
        self.user_repo = user_repo

    def create_user(self, name: str, email: str) -> User:
        pending = self.uow.registered_new(User)
        if self.user_repo.find_by_email(email) or any(u.email == email for u in pending):
            raise ValueError(f"email {email!r} is already registered")
        user = User(name=name, email=email)
        self.uow.register_new(user)
        return user

    def update_user(self, id: int, name: str | None = None, email: str | None = None) -> User:
        user = self._existing(id)
        if name is not None:
            user.name = name
        if email is not None:
            user.email = email
        self.uow.register_dirty(user)
        return user

    def delete_user(self, id: int) -> None:
        self.uow.register_removed(self._existing(id))

    def _existing(self, id: int) -> User:
        user = self.user_repo.get(id)
        if user is None:
            raise ValueError(f"no user with id {id}")
        return user
