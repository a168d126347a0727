# Generated from specs/rbac/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 863a1cac264ad8b37b788e1daddc763e6c8b03c4c5b84a236ab04e99e70f1cf1
"""Role-based access control with inheritance: your solution starts here.

Fill in every method until `kata check rbac` passes; the brief is generated/rbac/README.md.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable


class RBAC:
    """Roles, each with its own permissions and the roles it inherits (by name), and
    users assigned to roles. A user has the permissions of every role assigned to
    them and of every role those inherit, transitively. A permission `<resource>:*`
    grants `<resource>:<action>` for any non-empty action (anything after the colon,
    further colons included); other permissions match exactly, case included. Whether
    a `*` anywhere else (a bare `"*"`, `"*:read"`) is a wildcard is not specified.
    `add_role` with a name in use replaces that role (its permissions and its
    parents), and because inheritance is by name, the change shows through every role
    inheriting it; users keep their assignments. An `add_role`, `assign` or `revoke`
    that raises changes nothing. Users are any hashable values; a user with no roles
    has no permissions.
    """

    def __init__(self) -> None:
        """An RBAC with no roles and no users."""
        raise NotImplementedError("RBAC.__init__: not implemented yet")

    def add_role(
        self, name: str, permissions: Iterable[str] = (), inherits: Iterable[str] = ()
    ) -> None:
        """Define role `name` (or replace it) with `permissions` and the parents in `inherits` (any iterables, each read once). `ValueError` when a parent is not a defined role, or when the role would inherit itself, directly or through other roles (an inheritance cycle)."""
        raise NotImplementedError("RBAC.add_role: not implemented yet")

    def assign(self, user: Hashable, role: str) -> None:
        """Give `user` the role `role` (assigning it twice is the same as once); `ValueError` when the role is not defined."""
        raise NotImplementedError("RBAC.assign: not implemented yet")

    def revoke(self, user: Hashable, role: str) -> bool:
        """Take the role `role` from `user`; `True` when the user had it, `False` otherwise. `ValueError` when the role is not defined."""
        raise NotImplementedError("RBAC.revoke: not implemented yet")

    def is_allowed(self, user: Hashable, permission: str) -> bool:
        """Whether `user` holds `permission`, through any of their roles and the roles those inherit, or through a matching `<resource>:*` wildcard."""
        raise NotImplementedError("RBAC.is_allowed: not implemented yet")

    def permissions_of(self, user: Hashable) -> set[str]:
        """Every permission `user` holds, as written in the roles (a wildcard stays `orders:*`); a new set each call, which the caller may change freely."""
        raise NotImplementedError("RBAC.permissions_of: not implemented yet")
