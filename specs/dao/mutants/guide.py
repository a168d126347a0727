"""Whole module, not a diff: the guide's DAO opens a new connection per call, so SQLiteUserDAO(':memory:') loses its table (`no such table: users`)."""

import sqlite3
from abc import ABC, abstractmethod
from typing import List, Optional


class DuplicateEmailError(ValueError):
    pass


class User:
    def __init__(self, id: Optional[int] = None, name: str = None, email: str = None):
        self.id = id
        self.name = name
        self.email = email

    def __eq__(self, other):
        if not isinstance(other, User):
            return False
        return self.id == other.id and self.name == other.name and self.email == other.email

    def __repr__(self):
        return f"User(id={self.id}, name='{self.name}', email='{self.email}')"


class UserDAO(ABC):
    @abstractmethod
    def create(self, user: User) -> User:
        pass

    @abstractmethod
    def get_by_id(self, id: int) -> Optional[User]:
        pass

    @abstractmethod
    def get_by_email(self, email: str) -> Optional[User]:
        pass

    @abstractmethod
    def update(self, user: User) -> bool:
        pass

    @abstractmethod
    def delete(self, id: int) -> bool:
        pass

    @abstractmethod
    def get_all(self) -> List[User]:
        pass

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()


class SQLiteUserDAO(UserDAO):
    def __init__(self, db_path: str = "users.db"):
        self.db_path = db_path
        self._create_table()

    def _get_connection(self):
        return sqlite3.connect(self.db_path)

    def _create_table(self):
        with self._get_connection() as conn:
            conn.execute("""
                CREATE TABLE IF NOT EXISTS users (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    email TEXT UNIQUE NOT NULL
                )
            """)

    def create(self, user: User) -> User:
        with self._get_connection() as conn:
            try:
                cursor = conn.execute(
                    "INSERT INTO users (name, email) VALUES (?, ?)",
                    (user.name, user.email),
                )
                user.id = cursor.lastrowid
                return user
            except sqlite3.IntegrityError:
                raise DuplicateEmailError(f"User with email {user.email} already exists")

    def get_by_id(self, id: int) -> Optional[User]:
        with self._get_connection() as conn:
            cursor = conn.execute("SELECT id, name, email FROM users WHERE id = ?", (id,))
            row = cursor.fetchone()
            if row:
                return User(id=row[0], name=row[1], email=row[2])
            return None

    def get_by_email(self, email: str) -> Optional[User]:
        with self._get_connection() as conn:
            cursor = conn.execute("SELECT id, name, email FROM users WHERE email = ?", (email,))
            row = cursor.fetchone()
            if row:
                return User(id=row[0], name=row[1], email=row[2])
            return None

    def update(self, user: User) -> bool:
        with self._get_connection() as conn:
            try:
                cursor = conn.execute(
                    "UPDATE users SET name = ?, email = ? WHERE id = ?",
                    (user.name, user.email, user.id),
                )
                return cursor.rowcount > 0
            except sqlite3.IntegrityError:
                raise DuplicateEmailError(f"User with email {user.email} already exists")

    def delete(self, id: int) -> bool:
        with self._get_connection() as conn:
            cursor = conn.execute("DELETE FROM users WHERE id = ?", (id,))
            return cursor.rowcount > 0

    def get_all(self) -> List[User]:
        with self._get_connection() as conn:
            cursor = conn.execute("SELECT id, name, email FROM users ORDER BY id")
            return [User(id=row[0], name=row[1], email=row[2]) for row in cursor.fetchall()]
