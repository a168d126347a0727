"""Whole module, not a diff: the guide's code: commit()'s lock is re-taken by rollback() (deadlock), no atomicity, pending emails and explicit ids ignored."""

import threading
from abc import ABC, abstractmethod
from typing import Dict, Generic, List, Optional, Type, TypeVar


class Entity:
    def __init__(self, id: Optional[int] = None):
        self.id = id
        self.is_deleted = False


class User(Entity):
    def __init__(self, id: Optional[int] = None, name: str = None, email: str = None):
        super().__init__(id)
        self.name = name
        self.email = email


class Order(Entity):
    def __init__(self, id: Optional[int] = None, user_id: int = None, total_amount: float = None):
        super().__init__(id)
        self.user_id = user_id
        self.total_amount = total_amount


T = TypeVar("T", bound=Entity)


class UnitOfWorkError(LookupError):
    pass


class Repository(ABC, Generic[T]):
    @abstractmethod
    def add(self, entity: T) -> T:
        pass

    @abstractmethod
    def get(self, id: int) -> Optional[T]:
        pass

    @abstractmethod
    def update(self, entity: T) -> T:
        pass

    @abstractmethod
    def delete(self, id: int) -> bool:
        pass

    @abstractmethod
    def find_all(self) -> List[T]:
        pass


class InMemoryRepository(Repository[T]):
    def __init__(self):
        self._entities: Dict[int, T] = {}
        self._next_id = 1
        self._lock = threading.Lock()

    def add(self, entity: T) -> T:
        with self._lock:
            if entity.id is None:
                entity.id = self._next_id
                self._next_id += 1
            self._entities[entity.id] = entity
            return entity

    def get(self, id: int) -> Optional[T]:
        with self._lock:
            entity = self._entities.get(id)
            return entity if entity and not entity.is_deleted else None

    def update(self, entity: T) -> T:
        with self._lock:
            if entity.id in self._entities:
                self._entities[entity.id] = entity
                return entity
            raise ValueError(f"Entity with id {entity.id} not found")

    def delete(self, id: int) -> bool:
        with self._lock:
            if id in self._entities:
                self._entities[id].is_deleted = True
                return True
            return False

    def find_all(self) -> List[T]:
        with self._lock:
            return [e for e in self._entities.values() if not e.is_deleted]


class UserRepository(InMemoryRepository[User]):
    def find_by_email(self, email: str) -> Optional[User]:
        with self._lock:
            for user in self._entities.values():
                if user.email == email and not user.is_deleted:
                    return user
            return None


class OrderRepository(InMemoryRepository[Order]):
    def find_by_user_id(self, user_id: int) -> List[Order]:
        with self._lock:
            return [o for o in self._entities.values() if o.user_id == user_id and not o.is_deleted]


class UnitOfWork:
    def __init__(self):
        self._new_entities: List[Entity] = []
        self._dirty_entities: List[Entity] = []
        self._removed_entities: List[Entity] = []
        self._repositories: Dict[Type, Repository] = {}
        self._lock = threading.Lock()

    def register_repository(self, entity_type: Type, repository: Repository):
        self._repositories[entity_type] = repository

    def register_new(self, entity: Entity):
        with self._lock:
            self._new_entities.append(entity)

    def register_dirty(self, entity: Entity):
        with self._lock:
            if entity not in self._dirty_entities:
                self._dirty_entities.append(entity)

    def register_removed(self, entity: Entity):
        with self._lock:
            self._removed_entities.append(entity)

    def commit(self):
        with self._lock:
            for entity in self._new_entities + self._dirty_entities + self._removed_entities:
                if type(entity) not in self._repositories:
                    raise UnitOfWorkError(f"No repository registered for {type(entity).__name__}")
            try:
                for entity in self._new_entities:
                    self._repositories[type(entity)].add(entity)
                for entity in self._dirty_entities:
                    self._repositories[type(entity)].update(entity)
                for entity in self._removed_entities:
                    self._repositories[type(entity)].delete(entity.id)
                self._clear()
            except Exception as e:
                self.rollback()
                raise e

    def rollback(self):
        with self._lock:
            self._clear()

    def _clear(self):
        self._new_entities.clear()
        self._dirty_entities.clear()
        self._removed_entities.clear()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.rollback()


class UserService:
    def __init__(self, uow: UnitOfWork, user_repo: UserRepository):
        self.uow = uow
        self.user_repo = user_repo

    def create_user(self, name: str, email: str) -> User:
        if self.user_repo.find_by_email(email):
            raise ValueError(f"User with email {email} already exists")
        user = User(name=name, email=email)
        self.uow.register_new(user)
        return user

    def update_user(self, id: int, name: str = None, email: str = None) -> User:
        user = self.user_repo.get(id)
        if not user:
            raise ValueError(f"User {id} not found")
        if name:
            user.name = name
        if email:
            user.email = email
        self.uow.register_dirty(user)
        return user

    def delete_user(self, id: int):
        user = self.user_repo.get(id)
        if not user:
            raise ValueError(f"User {id} not found")
        self.uow.register_removed(user)
