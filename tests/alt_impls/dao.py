"""Alternative user DAO: an autocommit connection, RETURNING and a re-entrant lock.

What is this pattern about?
    A Data Access Object hides every SQL statement for one kind of record behind a small
    interface, so the rest of the code never sees the database.

What does this example do?
    The connection runs in autocommit mode (isolation_level=None), so each statement is
    its own committed transaction; create reads the new id with INSERT ... RETURNING, and
    update/delete count changed rows with SQLite's changes(). User is a plain class with
    __eq__ instead of a dataclass.

TL;DR
    Same contract; autocommit instead of a transaction per call, one RLock for threads.
"""

from __future__ import annotations

import sqlite3
import threading
from abc import ABC, abstractmethod


class DuplicateEmailError(ValueError):
    pass


class User:
    __slots__ = ("id", "name", "email")

    def __init__(
        self, id: int | None = None, name: str | None = None, email: str | None = None
    ) -> None:
        self.id = id
        self.name = name
        self.email = email

    def _fields(self):
        return (self.id, self.name, self.email)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, User) and self._fields() == other._fields()

    __hash__ = None  # mutable

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, name={self.name!r}, email={self.email!r})"


class UserDAO(ABC):
    @abstractmethod
    def create(self, user: User) -> User: ...

    @abstractmethod
    def get_by_id(self, id: int) -> User | None: ...

    @abstractmethod
    def get_by_email(self, email: str) -> User | None: ...

    @abstractmethod
    def update(self, user: User) -> bool: ...

    @abstractmethod
    def delete(self, id: int) -> bool: ...

    @abstractmethod
    def get_all(self) -> list[User]: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> bool:
        self.close()
        return False


class SQLiteUserDAO(UserDAO):
    def __init__(self, db_path: str) -> None:
        self._db = sqlite3.connect(
            db_path, isolation_level=None, check_same_thread=False, timeout=10
        )
        self._guard = threading.RLock()
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, email TEXT UNIQUE)"
        )

    def _run(self, sql: str, *params):
        with self._guard:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.IntegrityError:
                raise DuplicateEmailError("email already in use") from None

    def _changed(self, sql: str, *params) -> bool:
        with self._guard:
            self._run(sql, *params)
            return self._db.execute("SELECT changes()").fetchone()[0] > 0

    def create(self, user: User) -> User:
        ((new_id,),) = self._run(
            "INSERT INTO users (name, email) VALUES (?, ?) RETURNING id", user.name, user.email
        )
        return User(new_id, user.name, user.email)

    def _one(self, where: str, value) -> User | None:
        rows = self._run(f"SELECT id, name, email FROM users WHERE {where} = ?", value)
        return User(*rows[0]) if rows else None

    def get_by_id(self, id: int) -> User | None:
        return self._one("id", id)

    def get_by_email(self, email: str) -> User | None:
        return self._one("email", email)

    def update(self, user: User) -> bool:
        return self._changed(
            "UPDATE users SET name = ?, email = ? WHERE id = ?", user.name, user.email, user.id
        )

    def delete(self, id: int) -> bool:
        return self._changed("DELETE FROM users WHERE id = ?", id)

    def get_all(self) -> list[User]:
        return [
            User(*row) for row in self._run("SELECT id, name, email FROM users ORDER BY id ASC")
        ]

    def close(self) -> None:
        with self._guard:
            self._db.close()
