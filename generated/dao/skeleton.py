# Generated from specs/dao/spec.yaml by `kata generate`; do not edit.
# spec-sha256: f73ec9289416d37a59c38fccaa0d62d61acd41e761aec0a938fe08801ef44590
"""Data Access Object over SQLite: your solution starts here.

Fill in every method until `kata check dao` passes; the brief is generated/dao/README.md.
"""

from __future__ import annotations

import abc
from types import TracebackType


class DuplicateEmailError(ValueError):
    """Raised by `create` and `update` when another user already has the email."""


class User:
    """A user record. Two users are equal when their `id`, `name` and `email` are all equal.

    Attributes:
        id: The database id; None until the user is stored.
        name: The user's name.
        email: The user's email; unique among stored users.
    """

    def __init__(
        self, id: int | None = None, name: str | None = None, email: str | None = None
    ) -> None:
        """Keep the three fields as given."""
        raise NotImplementedError(
            "User.__init__: store id, name and email (or turn User into a @dataclass and delete this skeleton)."
        )

    def __eq__(self, other: object) -> bool:
        """Equal to another User with the same id, name and email."""
        raise NotImplementedError(
            "User.__eq__: return NotImplemented for non-users; otherwise compare (id, name, email)."
        )


class UserDAO(abc.ABC):
    """The persistence operations for users, independent of the storage behind them; usable as a context manager that closes it."""

    @abc.abstractmethod
    def create(self, user: User) -> User:
        """Store a new user and return it as stored, with its assigned id."""
        raise NotImplementedError("UserDAO.create: not implemented yet")

    @abc.abstractmethod
    def get_by_id(self, id: int) -> User | None:
        """The stored user with this id, or None."""
        raise NotImplementedError("UserDAO.get_by_id: not implemented yet")

    @abc.abstractmethod
    def get_by_email(self, email: str) -> User | None:
        """The stored user with this email, or None."""
        raise NotImplementedError("UserDAO.get_by_email: not implemented yet")

    @abc.abstractmethod
    def update(self, user: User) -> bool:
        """Overwrite the name and email of the stored user with `user.id`; False when there is none."""
        raise NotImplementedError("UserDAO.update: not implemented yet")

    @abc.abstractmethod
    def delete(self, id: int) -> bool:
        """Remove the user with this id; False when there is none."""
        raise NotImplementedError("UserDAO.delete: not implemented yet")

    @abc.abstractmethod
    def get_all(self) -> list[User]:
        """Every stored user, in ascending id order."""
        raise NotImplementedError("UserDAO.get_all: not implemented yet")

    @abc.abstractmethod
    def close(self) -> None:
        """Release the storage (for SQLite, close the connection)."""
        raise NotImplementedError("UserDAO.close: not implemented yet")

    def __enter__(self) -> UserDAO:
        """Return the DAO itself, for `with SQLiteUserDAO(path) as dao:`."""
        raise NotImplementedError("UserDAO.__enter__: return self.")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Close the DAO when the `with` block ends; never swallow the block's exception."""
        raise NotImplementedError(
            "UserDAO.__exit__: call self.close() and return None, so an exception from the block propagates."
        )


class SQLiteUserDAO(UserDAO):
    """A UserDAO over SQLite. `db_path` is a file path or `":memory:"`; one instance may be shared by several threads."""

    def __init__(self, db_path: str) -> None:
        """Connect to `db_path` and create the `users` table if it does not exist yet."""
        raise NotImplementedError(
            "SQLiteUserDAO.__init__: open ONE connection (check_same_thread=False) and keep it, make a threading.Lock, then CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, email TEXT UNIQUE)."
        )

    def create(self, user: User) -> User:
        """Insert the user and return a User carrying the new id; DuplicateEmailError when the email is taken."""
        raise NotImplementedError(
            "SQLiteUserDAO.create: INSERT with ? placeholders inside `with connection:`; cursor.lastrowid is the id; turn sqlite3.IntegrityError into DuplicateEmailError."
        )

    def get_by_id(self, id: int) -> User | None:
        """The stored user with this id, or None."""
        raise NotImplementedError(
            "SQLiteUserDAO.get_by_id: SELECT id, name, email ... WHERE id = ?; fetchone() is None when absent."
        )

    def get_by_email(self, email: str) -> User | None:
        """The stored user with this email, or None."""
        raise NotImplementedError(
            "SQLiteUserDAO.get_by_email: SELECT ... WHERE email = ? (a placeholder, never an f-string)."
        )

    def update(self, user: User) -> bool:
        """Overwrite name and email of the user with `user.id`; True when it existed, False otherwise; DuplicateEmailError when another user has the email."""
        raise NotImplementedError(
            "SQLiteUserDAO.update: UPDATE ... WHERE id = ?; cursor.rowcount == 1 means it existed; translate IntegrityError as in create."
        )

    def delete(self, id: int) -> bool:
        """Remove the user with this id; True when it existed."""
        raise NotImplementedError(
            "SQLiteUserDAO.delete: DELETE ... WHERE id = ?; report cursor.rowcount == 1."
        )

    def get_all(self) -> list[User]:
        """Every stored user, ordered by id."""
        raise NotImplementedError(
            "SQLiteUserDAO.get_all: SELECT ... ORDER BY id: without ORDER BY, SQL promises no order at all."
        )

    def close(self) -> None:
        """Close the connection."""
        raise NotImplementedError(
            "SQLiteUserDAO.close: close the connection (under the lock, so no thread is mid-query)."
        )
