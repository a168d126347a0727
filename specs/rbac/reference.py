"""Role-based access control with role inheritance and wildcard permissions.

What is this pattern about?
    Role-based access control (RBAC) does not grant permissions to people directly: it
    grants them to roles ("viewer", "editor", "admin"), and assigns roles to users. A role
    may inherit other roles, so an admin automatically has everything an editor has, and
    a permission such as `orders:*` stands for every action on a resource. The role graph
    must stay acyclic: a role that inherits itself, directly or through others, has no
    well-defined set of permissions, and a naive recursive lookup never returns.

What does this example do?
    `RBAC` keeps roles by name, each with its own permissions and the roles it inherits.
    `add_role` defines or replaces a role, refusing unknown parents and any inheritance
    cycle (and then changing nothing); `assign` and `revoke` link users to roles;
    `permissions_of` is the union of the permissions of every role a user has and of all
    the roles those inherit; `is_allowed` checks one permission against that set, where
    `resource:*` grants `resource:<action>` for any non-empty action. Inheritance is by
    name, so replacing a role changes what every role inheriting it grants.

TL;DR
    Store roles as a graph of names; walk it iteratively with a `seen` set; refuse a role
    whose parents (or their ancestors) include the role itself; match `res:*` by
    prefix with a non-empty rest.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

WILDCARD = "*"


@dataclass(frozen=True)
class _Role:
    permissions: frozenset[str]
    inherits: tuple[str, ...]


class RBAC:
    """Roles with inherited permissions, and users assigned to roles."""

    def __init__(self) -> None:
        self._roles: dict[str, _Role] = {}
        self._assignments: dict[Hashable, set[str]] = {}

    def add_role(
        self, name: str, permissions: Iterable[str] = (), inherits: Iterable[str] = ()
    ) -> None:
        role = _Role(frozenset(permissions), tuple(dict.fromkeys(inherits)))
        for parent in role.inherits:
            if parent != name and parent not in self._roles:
                raise ValueError(f"role {name!r} inherits unknown role {parent!r}")
        # The graph is acyclic so far; the new edges close a cycle exactly when `name` is
        # among its parents or their ancestors.
        if name in role.inherits or name in self._closure(role.inherits):
            raise ValueError(f"role {name!r} would inherit itself (an inheritance cycle)")
        self._roles[name] = role

    def assign(self, user: Hashable, role: str) -> None:
        self._require(role)
        self._assignments.setdefault(user, set()).add(role)

    def revoke(self, user: Hashable, role: str) -> bool:
        self._require(role)
        roles = self._assignments.get(user, set())
        if role not in roles:
            return False
        roles.remove(role)
        return True

    def is_allowed(self, user: Hashable, permission: str) -> bool:
        granted = self.permissions_of(user)
        if permission in granted:
            return True
        return any(_wildcard_grants(held, permission) for held in granted)

    def permissions_of(self, user: Hashable) -> set[str]:
        permissions: set[str] = set()
        for role in self._closure(self._assignments.get(user, ())):
            permissions |= self._roles[role].permissions
        return permissions

    def _require(self, role: str) -> None:
        if role not in self._roles:
            raise ValueError(f"unknown role {role!r}")

    def _closure(self, start: Iterable[str]) -> set[str]:
        """Every role in `start` and every role they inherit, walked without recursion."""
        seen: set[str] = set()
        stack = list(start)
        while stack:
            role = stack.pop()
            if role not in seen:
                seen.add(role)
                stack.extend(self._roles[role].inherits)
        return seen


def _wildcard_grants(held: str, permission: str) -> bool:
    """`orders:*` grants `orders:<action>` for any non-empty action."""
    if not held.endswith(":" + WILDCARD):
        return False
    prefix = held[: -len(WILDCARD)]
    return permission.startswith(prefix) and len(permission) > len(prefix)
