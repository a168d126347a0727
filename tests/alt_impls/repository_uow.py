"""Alternative repository and unit of work: atomic commit by compensation, not snapshots.

What is this pattern about?
    Repositories give collection-like access to stored entities; a unit of work collects
    new, changed and removed entities and commits them all or not at all.

What does this example do?
    Each repository call made during a commit pushes an "undo" closure onto a journal; if
    any call raises, the journal is replayed backwards (hard-removing added entities,
    putting replaced ones back, clearing deleted flags, rewinding id counters). Repositories
    keep entities in a list ordered by id. Uniqueness of emails is checked by scanning.

TL;DR
    Same contract; atomicity through a compensation journal instead of state snapshots.
"""

from __future__ import annotations

import bisect
from abc import ABC, abstractmethod
from collections.abc import Callable


class Entity:
    def __init__(self, id: int | None = None) -> None:
        self.id = id
        self.is_deleted = False


class User(Entity):
    def __init__(
        self, id: int | None = None, name: str | None = None, email: str | None = None
    ) -> None:
        super().__init__(id)
        self.name = name
        self.email = email


class Order(Entity):
    def __init__(
        self, id: int | None = None, user_id: int | None = None, total_amount: float | None = None
    ) -> None:
        super().__init__(id)
        self.user_id = user_id
        self.total_amount = total_amount


class UnitOfWorkError(LookupError):
    pass


class Repository(ABC):
    @abstractmethod
    def add(self, entity): ...

    @abstractmethod
    def get(self, id): ...

    @abstractmethod
    def update(self, entity): ...

    @abstractmethod
    def delete(self, id): ...

    @abstractmethod
    def find_all(self): ...


class InMemoryRepository(Repository):
    def __init__(self) -> None:
        self._ids: list[int] = []  # sorted
        self._rows: list[Entity] = []  # parallel to _ids
        self._counter = 0  # the last id handed out or seen
        self.journal: list[Callable[[], None]] | None = None

    def _index(self, id: int) -> int | None:
        i = bisect.bisect_left(self._ids, id)
        return i if i < len(self._ids) and self._ids[i] == id else None

    def _note(self, undo: Callable[[], None]) -> None:
        if self.journal is not None:
            self.journal.append(undo)

    def add(self, entity):
        old_counter, had_no_id = self._counter, entity.id is None
        if had_no_id:
            entity.id = self._counter + 1
        if self._index(entity.id) is not None:
            raise ValueError(f"id {entity.id} taken")
        i = bisect.bisect_left(self._ids, entity.id)
        self._ids.insert(i, entity.id)
        self._rows.insert(i, entity)
        self._counter = max(self._counter, entity.id)

        def undo():
            j = self._index(entity.id)
            del self._ids[j], self._rows[j]
            self._counter = old_counter
            if had_no_id:
                entity.id = None

        self._note(undo)
        return entity

    def get(self, id):
        i = self._index(id)
        if i is None or self._rows[i].is_deleted:
            return None
        return self._rows[i]

    def update(self, entity):
        i = self._index(entity.id)
        if i is None or self._rows[i].is_deleted:
            raise KeyError(entity.id)
        previous = self._rows[i]
        self._rows[i] = entity

        def undo():
            self._rows[self._index(previous.id)] = previous

        self._note(undo)
        return entity

    def delete(self, id):
        entity = self.get(id)
        if entity is None:
            return False
        entity.is_deleted = True

        def undo():
            entity.is_deleted = False

        self._note(undo)
        return True

    def find_all(self):
        return [row for row in self._rows if not row.is_deleted]


class UserRepository(InMemoryRepository):
    def find_by_email(self, email):
        for user in self.find_all():
            if user.email == email:
                return user
        return None


class OrderRepository(InMemoryRepository):
    def find_by_user_id(self, user_id):
        return [order for order in self.find_all() if order.user_id == user_id]


class UnitOfWork:
    def __init__(self) -> None:
        self.repositories: dict[type, Repository] = {}
        self.pending: list[tuple[str, Entity]] = []

    def register_repository(self, entity_type, repository) -> None:
        self.repositories[entity_type] = repository

    def register_new(self, entity) -> None:
        self.pending.append(("new", entity))

    def register_dirty(self, entity) -> None:
        self.pending.append(("dirty", entity))

    def register_removed(self, entity) -> None:
        self.pending.append(("removed", entity))

    def commit(self) -> None:
        missing = [type(e).__name__ for _, e in self.pending if type(e) not in self.repositories]
        if missing:
            raise UnitOfWorkError(f"no repository for {missing[0]}")
        journal: list[Callable[[], None]] = []
        repos = {id(r): r for r in self.repositories.values()}.values()
        for repository in repos:
            repository.journal = journal
        rank = {"new": 0, "dirty": 1, "removed": 2}
        try:
            for kind, entity in sorted(self.pending, key=lambda p: rank[p[0]]):
                repository = self.repositories[type(entity)]
                if kind == "new":
                    repository.add(entity)
                elif kind == "dirty":
                    repository.update(entity)
                else:
                    repository.delete(entity.id)
        except BaseException:
            for undo in reversed(journal):
                undo()
            raise
        finally:
            for repository in repos:
                repository.journal = None
        self.pending = []

    def rollback(self) -> None:
        self.pending = []

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> bool:
        self.rollback()
        return False


class UserService:
    def __init__(self, uow: UnitOfWork, user_repo: UserRepository) -> None:
        self.uow = uow
        self.user_repo = user_repo

    def create_user(self, name, email):
        taken = self.user_repo.find_by_email(email) is not None or any(
            kind == "new" and isinstance(e, User) and e.email == email
            for kind, e in self.uow.pending
        )
        if taken:
            raise ValueError("email already registered")
        user = User(name=name, email=email)
        self.uow.register_new(user)
        return user

    def _user(self, id):
        user = self.user_repo.get(id)
        if user is None:
            raise ValueError(f"unknown user {id}")
        return user

    def update_user(self, id, name=None, email=None):
        user = self._user(id)
        user.name = user.name if name is None else name
        user.email = user.email if email is None else email
        self.uow.register_dirty(user)
        return user

    def delete_user(self, id):
        self.uow.register_removed(self._user(id))
