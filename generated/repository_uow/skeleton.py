# Generated from specs/repository_uow/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 931caab97eca9c604473b3c46342ed26a1fc12b89369a8193a31c249fe388198
"""Repository with Unit of Work: your solution starts here.

Fill in every method until `kata check repository_uow` passes; the brief is generated/repository_uow/README.md.
"""

from __future__ import annotations

import abc
from types import TracebackType


class UnitOfWorkError(LookupError):
    """Raised by `commit()`, before any change is made, when a registered entity's type has no repository."""


class Entity:
    """Anything with an identity. `id` is None until a repository assigns one; `is_deleted` marks a soft-deleted entity (False at first).

    Attributes:
        id: The identity; None until stored.
        is_deleted: True once the entity has been deleted; deleted entities are hidden from reads.
    """

    def __init__(self, id: int | None = None) -> None:
        """Keep the id; a new entity is not deleted."""
        raise NotImplementedError("Entity.__init__: set self.id and self.is_deleted = False.")


class User(Entity):
    """A user.

    Attributes:
        name: The user's name.
        email: The user's email; `UserService` keeps it unique.
    """

    def __init__(
        self, id: int | None = None, name: str | None = None, email: str | None = None
    ) -> None:
        """Keep the three fields as given."""
        raise NotImplementedError(
            "User.__init__: call Entity.__init__(self, id), then store name and email."
        )


class Order(Entity):
    """An order placed by a user.

    Attributes:
        user_id: The id of the user who placed it.
        total_amount: The order's total.
    """

    def __init__(
        self, id: int | None = None, user_id: int | None = None, total_amount: float | None = None
    ) -> None:
        """Keep the three fields as given."""
        raise NotImplementedError(
            "Order.__init__: call Entity.__init__(self, id), then store user_id and total_amount."
        )


class Repository(abc.ABC):
    """A collection-like port over stored entities of one type. Reads (`get`, `find_all`) never return deleted entities."""

    @abc.abstractmethod
    def add(self, entity: Entity) -> Entity:
        """Store a new entity, giving it the next free id when its id is None; returns the entity."""
        raise NotImplementedError("Repository.add: not implemented yet")

    @abc.abstractmethod
    def get(self, id: int) -> Entity | None:
        """The entity with this id, or None when there is none or it is deleted."""
        raise NotImplementedError("Repository.get: not implemented yet")

    @abc.abstractmethod
    def update(self, entity: Entity) -> Entity:
        """Store `entity` in place of the stored entity with the same id; returns the entity."""
        raise NotImplementedError("Repository.update: not implemented yet")

    @abc.abstractmethod
    def delete(self, id: int) -> bool:
        """Soft-delete the entity with this id (set its `is_deleted`); False when there is none to delete."""
        raise NotImplementedError("Repository.delete: not implemented yet")

    @abc.abstractmethod
    def find_all(self) -> list[Entity]:
        """Every entity that is not deleted."""
        raise NotImplementedError("Repository.find_all: not implemented yet")


class InMemoryRepository(Repository):
    """A dict-backed repository. New entities get ids 1, 2, 3, … in its own sequence (each repository counts on its own), and a generated id never collides with an id that was given explicitly."""

    def __init__(self) -> None:
        """An empty repository whose next generated id is 1."""
        raise NotImplementedError(
            "InMemoryRepository.__init__: a dict from id to entity, and a counter starting at 1."
        )

    def add(self, entity: Entity) -> Entity:
        """Store the entity; when its id is None, set it to the next id. An explicit id is kept and moves the counter past it."""
        raise NotImplementedError(
            "InMemoryRepository.add: if entity.id is None, use the counter; either way next_id = max(next_id, entity.id + 1)."
        )

    def get(self, id: int) -> Entity | None:
        """The entity with this id, or None when absent or deleted."""
        raise NotImplementedError(
            "InMemoryRepository.get: look the id up and hide deleted entities."
        )

    def update(self, entity: Entity) -> Entity:
        """Replace the stored entity that has `entity.id`; returns the entity."""
        raise NotImplementedError(
            "InMemoryRepository.update: store the entity under its id (complain if no such entity is stored)."
        )

    def delete(self, id: int) -> bool:
        """Set `is_deleted` on the stored entity; True when there was a live entity to delete."""
        raise NotImplementedError(
            "InMemoryRepository.delete: soft delete - keep the entity, set its flag."
        )

    def find_all(self) -> list[Entity]:
        """Every entity that is not deleted, in id order."""
        raise NotImplementedError("InMemoryRepository.find_all: filter out deleted entities.")


class UserRepository(InMemoryRepository):
    """A repository of users."""

    def find_by_email(self, email: str) -> User | None:
        """The live (not deleted) user with this email, or None."""
        raise NotImplementedError("UserRepository.find_by_email: search find_all() for the email.")


class OrderRepository(InMemoryRepository):
    """A repository of orders."""

    def find_by_user_id(self, user_id: int) -> list[Order]:
        """Every live order placed by this user (a list, possibly empty)."""
        raise NotImplementedError("OrderRepository.find_by_user_id: filter find_all() by user_id.")


class UnitOfWork:
    """Collects new, dirty and removed entities and applies them in one atomic `commit()`. Registering changes nothing in the repositories; `rollback()` forgets every registration made since the last commit (committed work stays). `with uow:` (no `as` needed) rolls back whatever was not committed when the block ends, and always on an exception, which then propagates. Whether registrations survive a failed commit, and whether in-place attribute edits are reverted, is up to you."""

    def __init__(self) -> None:
        """No repositories and nothing registered."""
        raise NotImplementedError(
            "UnitOfWork.__init__: a dict {entity_type - repository} and three lists (new, dirty, removed)."
        )

    def register_repository(self, entity_type: type[Entity], repository: Repository) -> None:
        """Use `repository` for entities whose type is exactly `entity_type`."""
        raise NotImplementedError("UnitOfWork.register_repository: remember the pair.")

    def register_new(self, entity: Entity) -> None:
        """Add `entity` to its repository at the next commit."""
        raise NotImplementedError("UnitOfWork.register_new: append to the new list.")

    def register_dirty(self, entity: Entity) -> None:
        """Update `entity` in its repository at the next commit."""
        raise NotImplementedError("UnitOfWork.register_dirty: append to the dirty list.")

    def register_removed(self, entity: Entity) -> None:
        """Delete `entity` from its repository at the next commit."""
        raise NotImplementedError("UnitOfWork.register_removed: append to the removed list.")

    def commit(self) -> None:
        """Apply every registration (add the new, update the dirty, delete the removed), then forget them. Raises UnitOfWorkError before changing anything when a registered entity's type has no repository. Atomic: if a repository call raises, every repository is left exactly as it was before `commit()` began (which entities it holds and which are deleted) and the exception propagates."""
        raise NotImplementedError(
            "UnitOfWork.commit: resolve every repository first (UnitOfWorkError), snapshot the repositories involved, apply inside try, and on any exception restore the snapshots and re-raise."
        )

    def rollback(self) -> None:
        """Forget every registration not yet committed; committed work is not touched."""
        raise NotImplementedError(
            "UnitOfWork.rollback: empty the three lists (without re-taking any lock commit() may hold)."
        )

    def __enter__(self) -> UnitOfWork:
        """Start a block of work; returns the unit of work."""
        raise NotImplementedError("UnitOfWork.__enter__: return self.")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Roll back whatever was not committed; never swallow the block's exception."""
        raise NotImplementedError(
            "UnitOfWork.__exit__: call self.rollback() and return None; never commit implicitly."
        )


class UserService:
    """User use cases. Each method registers its change with the unit of work; the caller decides when to commit."""

    def __init__(self, uow: UnitOfWork, user_repo: UserRepository) -> None:
        """Work through `uow`, reading users from `user_repo`."""
        raise NotImplementedError("UserService.__init__: keep both.")

    def create_user(self, name: str, email: str) -> User:
        """Register a new user and return it (its id is assigned at commit). ValueError when the email belongs to a stored user or to a user registered as new in the unit of work and not committed yet."""
        raise NotImplementedError(
            "UserService.create_user: check user_repo.find_by_email AND the unit of work's pending new users, then register_new."
        )

    def update_user(self, id: int, name: str | None = None, email: str | None = None) -> User:
        """Change the given fields of the stored user (None leaves a field as it is) and register it as dirty; returns the user."""
        raise NotImplementedError(
            "UserService.update_user: get the user, set the fields that are not None, register_dirty."
        )

    def delete_user(self, id: int) -> None:
        """Register the stored user for removal; ValueError for an unknown id."""
        raise NotImplementedError(
            "UserService.delete_user: get the user (ValueError when None), then register_removed."
        )
