"""Mutant: update and delete report True even when no user has that id."""

from __future__ import annotations

import sqlite3
import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass
from types import TracebackType


class DuplicateEmailError(ValueError):
    """Another user already has this email."""


@dataclass
class User:
    """A user record; two users are equal when all their fields are equal."""

    id: int | None = None
    name: str | None = None
    email: str | None = None


class UserDAO(ABC):
    """Persistence operations for users, independent of the storage behind them."""

    @abstractmethod
    def create(self, user: User) -> User:
        """Store a new user and return it as stored, with its id."""

    @abstractmethod
    def get_by_id(self, id: int) -> User | None:
        """The user with this id, or None."""

    @abstractmethod
    def get_by_email(self, email: str) -> User | None:
        """The user with this email, or None."""

    @abstractmethod
    def update(self, user: User) -> bool:
        """Overwrite the stored user with `user.id`; False when there is none."""

    @abstractmethod
    def delete(self, id: int) -> bool:
        """Remove the user with this id; False when there is none."""

    @abstractmethod
    def get_all(self) -> list[User]:
        """Every user, in ascending id order."""

    @abstractmethod
    def close(self) -> None:
        """Release the storage."""

    def __enter__(self) -> UserDAO:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()  # returns None, so an exception from the block propagates


# No NOT NULL constraints: the UNIQUE email is then the only integrity rule a write can
# break, so every IntegrityError means "duplicate email".
_SCHEMA = """
    CREATE TABLE IF NOT EXISTS users (
        id    INTEGER PRIMARY KEY AUTOINCREMENT,
        name  TEXT,
        email TEXT UNIQUE
    )
"""
_SELECT = "SELECT id, name, email FROM users"


class SQLiteUserDAO(UserDAO):
    """A UserDAO over one SQLite connection, shared safely between threads."""

    def __init__(self, db_path: str) -> None:
        # sqlite3 refuses cross-thread use by default; the lock below makes it safe instead.
        self._connection = sqlite3.connect(db_path, check_same_thread=False)
        self._lock = threading.Lock()
        with self._connection:
            self._connection.execute(_SCHEMA)

    def create(self, user: User) -> User:
        cursor = self._write(
            "INSERT INTO users (name, email) VALUES (?, ?)", (user.name, user.email), user.email
        )
        return User(cursor.lastrowid, user.name, user.email)

    def get_by_id(self, id: int) -> User | None:
        return self._read_one(f"{_SELECT} WHERE id = ?", (id,))

    def get_by_email(self, email: str) -> User | None:
        return self._read_one(f"{_SELECT} WHERE email = ?", (email,))

    def update(self, user: User) -> bool:
        cursor = self._write(
            "UPDATE users SET name = ?, email = ? WHERE id = ?",
            (user.name, user.email, user.id),
            user.email,
        )
        return True

    def delete(self, id: int) -> bool:
        self._write("DELETE FROM users WHERE id = ?", (id,), None)
        return True

    def get_all(self) -> list[User]:
        with self._lock:
            rows = self._connection.execute(f"{_SELECT} ORDER BY id").fetchall()
        return [User(*row) for row in rows]

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def _write(self, sql: str, params: tuple[object, ...], email: str | None) -> sqlite3.Cursor:
        # execute() records lastrowid and rowcount while the lock keeps other writers out.
        with self._lock:
            try:
                with self._connection:  # commit on success, roll back on error
                    return self._connection.execute(sql, params)
            except sqlite3.IntegrityError as exc:
                raise DuplicateEmailError(f"email {email!r} is already in use") from exc

    def _read_one(self, sql: str, params: tuple[object, ...]) -> User | None:
        with self._lock:
            row = self._connection.execute(sql, params).fetchone()
        return None if row is None else User(*row)
