"""An alternative RBAC for the suite to accept: a recursive walk with memoised grants.

What is this pattern about?
    Role-based access control: permissions belong to roles, roles to users, and roles
    inherit other roles, so a check asks "does any role this user holds, or inherits,
    grant it?".

What does this example do?
    Unlike the reference (an explicit stack from the user's roles), each role's full set
    of grants is computed recursively and cached; the cache is dropped whenever a role is
    defined or replaced. A cycle is found by a depth-first search from the new role's
    parents before anything is stored. Wildcards are checked by splitting at the first
    colon.

TL;DR
    Same contract, different structure: recursion plus a cache invalidated on change.
"""

from __future__ import annotations


class RBAC:
    def __init__(self) -> None:
        self._perms: dict[str, frozenset[str]] = {}
        self._parents: dict[str, list[str]] = {}
        self._users: dict[object, set[str]] = {}
        self._cache: dict[str, frozenset[str]] = {}

    def _reaches(self, start: str, target: str, parents: dict[str, list[str]]) -> bool:
        seen: set[str] = set()

        def walk(role: str) -> bool:
            if role == target:
                return True
            if role in seen:
                return False
            seen.add(role)
            return any(walk(p) for p in parents.get(role, ()))

        return walk(start)

    def add_role(self, name, permissions=(), inherits=()):
        perms = frozenset(permissions)
        parents = list(inherits)
        unknown = [p for p in parents if p != name and p not in self._perms]
        if unknown:
            raise ValueError(f"unknown parent role(s): {unknown}")
        trial = {**self._parents, name: parents}
        if any(self._reaches(p, name, trial) for p in parents):
            raise ValueError(f"role {name!r} would inherit itself")
        self._perms[name] = perms
        self._parents[name] = parents
        self._cache.clear()

    def _check(self, role) -> None:
        if role not in self._perms:
            raise ValueError(f"no role {role!r}")

    def assign(self, user, role):
        self._check(role)
        self._users.setdefault(user, set()).add(role)

    def revoke(self, user, role):
        self._check(role)
        held = self._users.get(user)
        if not held or role not in held:
            return False
        held.discard(role)
        return True

    def _grants(self, role: str) -> frozenset[str]:
        if role not in self._cache:
            found = set(self._perms[role])
            for parent in self._parents[role]:
                found |= self._grants(parent)
            self._cache[role] = frozenset(found)
        return self._cache[role]

    def permissions_of(self, user):
        result: set[str] = set()
        for role in self._users.get(user, ()):
            result |= self._grants(role)
        return result

    def is_allowed(self, user, permission):
        held = self.permissions_of(user)
        if permission in held:
            return True
        resource, colon, action = permission.partition(":")
        if not colon or not action:
            return False
        return f"{resource}:*" in held or any(
            p.endswith(":*") and permission.startswith(p[:-1]) and permission != p[:-1]
            for p in held
        )
