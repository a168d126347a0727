# Generated from specs/rbac/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 863a1cac264ad8b37b788e1daddc763e6c8b03c4c5b84a236ab04e99e70f1cf1
"""Conformance suite for the rbac kata: one test per behaviour of its spec.

Run it with `kata check rbac` or `pytest generated/rbac --impl PATH`.
"""

from __future__ import annotations

import pytest
from hypothesis import strategies as st

from katakit.testing import (
    ModelMachine,
    expect_equal,
    expect_is,
    initialize,
    invariant,
    rule,
    run_model_machine,
    step,
)

ROLE_NAMES = ["guest", "viewer", "editor", "admin", "ops"]
PERMISSIONS = ["orders:read", "orders:write", "orders:*", "users:read", "users:*", "reports:export"]
QUERIES = PERMISSIONS + [
    "orders:",
    "orders",
    "ordersx:read",
    "orders:refund:partial",
    "users:delete",
    "Orders:read",
    "reports:*",
]
USERS = ["ann", "bob", 7]


def answers(rbac, user, permissions):
    """{permission: is_allowed(user, permission)} for each permission."""
    return {permission: rbac.is_allowed(user, permission) for permission in permissions}


class Rebuilder:
    """Macro steps that replace roles in ways that close cycles or reshape a diamond."""

    def __init__(self, rbac_cls):
        self.rbac = rbac_cls()

    def add_role(self, name, permissions, inherits):
        return self.rbac.add_role(name, permissions, inherits)

    def assign(self, user, role):
        return self.rbac.assign(user, role)

    def revoke(self, user, role):
        return self.rbac.revoke(user, role)

    def is_allowed(self, user, permission):
        return self.rbac.is_allowed(user, permission)

    def permissions_of(self, user):
        return self.rbac.permissions_of(user)

    def chain(self, names, permission):
        """Define names[0] <- names[1] <- ... (each inheriting the previous), one permission each."""
        outcomes = []
        for index, name in enumerate(names):
            parents = [names[index - 1]] if index else []
            try:
                self.rbac.add_role(name, [f"{permission}{index}"], parents)
                outcomes.append("ok")
            except ValueError:
                outcomes.append("ValueError")
        return outcomes

    def everything(self):
        """Every user's permissions, and every query's answer for every user."""
        return {
            user: (self.rbac.permissions_of(user), answers(self.rbac, user, QUERIES))
            for user in USERS
        }


pytestmark = pytest.mark.kata(
    "rbac",
    classes=["RBAC"],
    exceptions=[],
    functions=[],
)


@pytest.mark.behaviour("2dff4ed4-88fe-466c-8133-468672882470", "scenario")
@pytest.mark.timeout(10.0)
def test_a_role_grants_its_permissions_to_its_users(solution):
    """At its core, a user holds exactly the permissions of the roles assigned to them, and nobody else does."""
    RBAC = solution.RBAC
    with step(
        1,
        'rbac = RBAC() rbac.add_role("viewer", ["orders:read", "reports:read"]) rbac.assign("ann", "viewer")',
    ):
        rbac = RBAC()
        rbac.add_role("viewer", ["orders:read", "reports:read"])
        rbac.assign("ann", "viewer")
    with step(2, "rbac.is_allowed('ann', 'orders:read')"):
        expect_is(rbac.is_allowed("ann", "orders:read"), True)
    with step(3, "rbac.is_allowed('ann', 'orders:write')"):
        expect_is(rbac.is_allowed("ann", "orders:write"), False)
    with step(4, "rbac.is_allowed('bob', 'orders:read')"):
        expect_is(rbac.is_allowed("bob", "orders:read"), False)
    with step(5, "rbac.permissions_of('ann')"):
        expect_equal(rbac.permissions_of("ann"), {"orders:read", "reports:read"})
    with step(6, "rbac.permissions_of('bob')"):
        expect_equal(rbac.permissions_of("bob"), set())
    with step(7, 'rbac.add_role("nobody") rbac.assign(42, "nobody")'):
        rbac.add_role("nobody")
        rbac.assign(42, "nobody")
    with step(8, "rbac.permissions_of(42)"):
        expect_equal(rbac.permissions_of(42), set())
    with step(9, "rbac.is_allowed(42, 'orders:read')"):
        expect_is(rbac.is_allowed(42, "orders:read"), False)


@pytest.mark.behaviour("99b5e0c4-f455-40df-ba49-fcd78c0afc02", "scenario")
@pytest.mark.timeout(10.0)
def test_permissions_are_inherited_transitively(solution):
    """An admin inherits an editor who inherits a viewer who inherits a guest; permissions flow down the whole chain, and never back up it."""
    RBAC = solution.RBAC
    with step(
        1,
        'rbac = RBAC() rbac.add_role("guest", ["site:view"]) rbac.add_role("viewer", ["orders:read"], inherits=["guest"]) rbac.add_role("editor", ["orders:write"], inherits=["viewer"]) rbac.add_role("admin", ["users:manage"], inherits=("editor",)) rbac.assign("ann", "admin") rbac.assign("bob", "viewer")',
    ):
        rbac = RBAC()
        rbac.add_role("guest", ["site:view"])
        rbac.add_role("viewer", ["orders:read"], inherits=["guest"])
        rbac.add_role("editor", ["orders:write"], inherits=["viewer"])
        rbac.add_role("admin", ["users:manage"], inherits=("editor",))
        rbac.assign("ann", "admin")
        rbac.assign("bob", "viewer")
    with step(2, "rbac.permissions_of('ann')"):
        expect_equal(
            rbac.permissions_of("ann"), {"site:view", "orders:read", "orders:write", "users:manage"}
        )
    with step(3, "rbac.is_allowed('ann', 'site:view')"):
        expect_is(rbac.is_allowed("ann", "site:view"), True)
    with step(4, "rbac.permissions_of('bob')"):
        expect_equal(rbac.permissions_of("bob"), {"site:view", "orders:read"})
    with step(5, "rbac.is_allowed('bob', 'orders:write')"):
        expect_is(rbac.is_allowed("bob", "orders:write"), False)
    with step(6, "rbac.is_allowed('bob', 'users:manage')"):
        expect_is(rbac.is_allowed("bob", "users:manage"), False)


@pytest.mark.behaviour("b40c64bb-f7b6-4277-b9b2-acbb57d27ddf", "scenario")
@pytest.mark.timeout(10.0)
def test_a_diamond_or_several_parents_is_not_a_cycle(solution):
    """Two parents sharing an ancestor (`top` inherits `left` and `right`, both inheriting `base`) is ordinary multiple inheritance; a cycle check that calls every second visit a cycle refuses it."""
    RBAC = solution.RBAC
    with step(
        1,
        'rbac = RBAC() rbac.add_role("base", ["a"]) rbac.add_role("left", ["l"], inherits=["base"]) rbac.add_role("right", ["r"], inherits=["base"]) rbac.add_role("top", ["t"], inherits=["left", "right"]) rbac.assign("ann", "top")',
    ):
        rbac = RBAC()
        rbac.add_role("base", ["a"])
        rbac.add_role("left", ["l"], inherits=["base"])
        rbac.add_role("right", ["r"], inherits=["base"])
        rbac.add_role("top", ["t"], inherits=["left", "right"])
        rbac.assign("ann", "top")
    with step(2, "rbac.permissions_of('ann')"):
        expect_equal(rbac.permissions_of("ann"), {"a", "l", "r", "t"})
    with step(
        3,
        'rbac.add_role("wide", ["w"], inherits=["top", "base", "left", "left"]) rbac.assign("bob", "wide") rbac.assign("bob", "base")',
    ):
        rbac.add_role("wide", ["w"], inherits=["top", "base", "left", "left"])
        rbac.assign("bob", "wide")
        rbac.assign("bob", "base")
    with step(4, "rbac.permissions_of('bob')"):
        expect_equal(rbac.permissions_of("bob"), {"a", "l", "r", "t", "w"})
    with step(5, 'rbac.add_role("top", ["t2"], inherits=["right", "base"])'):
        rbac.add_role("top", ["t2"], inherits=["right", "base"])
    with step(6, "rbac.permissions_of('ann')"):
        expect_equal(rbac.permissions_of("ann"), {"a", "r", "t2"})


@pytest.mark.behaviour("f8d55a8f-0c49-445b-a69c-34b6f8e9645c", "scenario")
@pytest.mark.timeout(10.0)
def test_an_inheritance_cycle_raises_and_changes_nothing(solution):
    """A role that inherits itself, directly or through others, has no well-defined permissions and sends a naive lookup into endless recursion; `add_role` must refuse it with `ValueError` and keep the role as it was."""
    RBAC = solution.RBAC
    with step(
        1,
        'rbac = RBAC() rbac.add_role("a", ["pa"]) rbac.add_role("b", ["pb"], inherits=["a"]) rbac.add_role("c", ["pc"], inherits=["b"]) rbac.assign("ann", "c")',
    ):
        rbac = RBAC()
        rbac.add_role("a", ["pa"])
        rbac.add_role("b", ["pb"], inherits=["a"])
        rbac.add_role("c", ["pc"], inherits=["b"])
        rbac.assign("ann", "c")
    with step(2, 'rbac.add_role("a", ["pa2"], inherits=["b"])', raises=ValueError):
        rbac.add_role("a", ["pa2"], inherits=["b"])
    with step(3, 'rbac.add_role("a", ["pa3"], inherits=["c"])', raises=ValueError):
        rbac.add_role("a", ["pa3"], inherits=["c"])
    with step(4, 'rbac.add_role("b", ["pb2"], inherits=["a", "c"])', raises=ValueError):
        rbac.add_role("b", ["pb2"], inherits=["a", "c"])
    with step(5, 'rbac.add_role("c", inherits=["c"])', raises=ValueError):
        rbac.add_role("c", inherits=["c"])
    with step(6, 'rbac.add_role("solo", inherits=["solo"])', raises=ValueError):
        rbac.add_role("solo", inherits=["solo"])
    with step(7, "rbac.permissions_of('ann')"):
        expect_equal(rbac.permissions_of("ann"), {"pa", "pb", "pc"})
    with step(8, "rbac.is_allowed('ann', 'pa2')"):
        expect_is(rbac.is_allowed("ann", "pa2"), False)
    with step(9, 'rbac.assign("bob", "solo")', raises=ValueError):
        rbac.assign("bob", "solo")
    with step(10, 'rbac.add_role("a", ["pa4"])'):
        rbac.add_role("a", ["pa4"])
    with step(11, "rbac.permissions_of('ann')"):
        expect_equal(rbac.permissions_of("ann"), {"pa4", "pb", "pc"})


@pytest.mark.behaviour("b96f4958-12ee-419c-a307-9acc6ef2b24b", "scenario")
@pytest.mark.timeout(10.0)
def test_an_unknown_role_raises_value_error_and_changes_nothing(solution):
    """A typo in a role name must fail loudly: inheriting, assigning or revoking a role that was never defined raises `ValueError`, and the half-made change is not kept."""
    RBAC = solution.RBAC
    with step(1, 'rbac = RBAC() rbac.add_role("viewer", ["orders:read"])'):
        rbac = RBAC()
        rbac.add_role("viewer", ["orders:read"])
    with step(
        2,
        'rbac.add_role("editor", ["orders:write"], inherits=["viewer", "ghost"])',
        raises=ValueError,
    ):
        rbac.add_role("editor", ["orders:write"], inherits=["viewer", "ghost"])
    with step(3, 'rbac.assign("ann", "editor")', raises=ValueError):
        rbac.assign("ann", "editor")
    with step(4, 'rbac.assign("ann", "ghost")', raises=ValueError):
        rbac.assign("ann", "ghost")
    with step(5, 'rbac.revoke("ann", "ghost")', raises=ValueError):
        rbac.revoke("ann", "ghost")
    with step(6, "rbac.permissions_of('ann')"):
        expect_equal(rbac.permissions_of("ann"), set())
    with step(7, 'rbac.add_role("viewer", ["orders:list"], inherits=["ghost"])', raises=ValueError):
        rbac.add_role("viewer", ["orders:list"], inherits=["ghost"])
    with step(8, 'rbac.assign("ann", "viewer")'):
        rbac.assign("ann", "viewer")
    with step(9, "rbac.permissions_of('ann')"):
        expect_equal(rbac.permissions_of("ann"), {"orders:read"})


@pytest.mark.behaviour("cfb5e9e3-6155-461a-8eaa-f782ad8d341f", "scenario")
@pytest.mark.timeout(10.0)
def test_replacing_a_role_changes_what_every_heir_grants(solution):
    """Inheritance is by name, resolved when asked; a role that copied its parents' permissions when it was defined keeps granting what a replaced parent no longer has."""
    RBAC = solution.RBAC
    with step(
        1,
        'rbac = RBAC() rbac.add_role("viewer", ["orders:read"]) rbac.add_role("editor", ["orders:write"], inherits=["viewer"]) rbac.assign("ann", "editor") rbac.assign("bob", "viewer") rbac.add_role("viewer", ["reports:read"])',
    ):
        rbac = RBAC()
        rbac.add_role("viewer", ["orders:read"])
        rbac.add_role("editor", ["orders:write"], inherits=["viewer"])
        rbac.assign("ann", "editor")
        rbac.assign("bob", "viewer")
        rbac.add_role("viewer", ["reports:read"])
    with step(2, "rbac.permissions_of('bob')"):
        expect_equal(rbac.permissions_of("bob"), {"reports:read"})
    with step(3, "rbac.permissions_of('ann')"):
        expect_equal(rbac.permissions_of("ann"), {"orders:write", "reports:read"})
    with step(4, "rbac.is_allowed('ann', 'orders:read')"):
        expect_is(rbac.is_allowed("ann", "orders:read"), False)
    with step(5, 'rbac.add_role("editor", ["orders:write", "orders:delete"])'):
        rbac.add_role("editor", ["orders:write", "orders:delete"])
    with step(6, "rbac.permissions_of('ann')"):
        expect_equal(rbac.permissions_of("ann"), {"orders:write", "orders:delete"})
    with step(
        7,
        'rbac.add_role("root", ["all"]) rbac.add_role("viewer", ["reports:read"], inherits=["root"])',
    ):
        rbac.add_role("root", ["all"])
        rbac.add_role("viewer", ["reports:read"], inherits=["root"])
    with step(8, "rbac.is_allowed('bob', 'all')"):
        expect_is(rbac.is_allowed("bob", "all"), True)


@pytest.mark.behaviour("9bc62eb6-4368-4561-8292-77c7f39abe96", "scenario")
@pytest.mark.timeout(10.0)
def test_a_wildcard_grants_every_action_of_its_resource_and_nothing_else(solution):
    """`orders:*` must grant `orders:<action>` for any non-empty action, and not `orders:`, `orders`, `ordersx:read` or another resource: `fnmatch` and a bare `startswith` both over-grant."""
    RBAC = solution.RBAC
    with step(
        1,
        'rbac = RBAC() rbac.add_role("orders_admin", ["orders:*", "users:read"]) rbac.add_role("boss", inherits=["orders_admin"]) rbac.assign("ann", "boss")',
    ):
        rbac = RBAC()
        rbac.add_role("orders_admin", ["orders:*", "users:read"])
        rbac.add_role("boss", inherits=["orders_admin"])
        rbac.assign("ann", "boss")
    with step(
        2,
        "answers(rbac, 'ann', ['orders:read', 'orders:refund', 'orders:refund:partial', 'orders:*', 'orders:?', 'orders:[x]'])",
    ):
        expect_equal(
            answers(
                rbac,
                "ann",
                [
                    "orders:read",
                    "orders:refund",
                    "orders:refund:partial",
                    "orders:*",
                    "orders:?",
                    "orders:[x]",
                ],
            ),
            {
                "orders:read": True,
                "orders:refund": True,
                "orders:refund:partial": True,
                "orders:*": True,
                "orders:?": True,
                "orders:[x]": True,
            },
        )
    with step(
        3,
        "answers(rbac, 'ann', ['orders:', 'orders', 'ordersx:read', 'order:read', 'Orders:read', 'users:write', 'xorders:read'])",
    ):
        expect_equal(
            answers(
                rbac,
                "ann",
                [
                    "orders:",
                    "orders",
                    "ordersx:read",
                    "order:read",
                    "Orders:read",
                    "users:write",
                    "xorders:read",
                ],
            ),
            {
                "orders:": False,
                "orders": False,
                "ordersx:read": False,
                "order:read": False,
                "Orders:read": False,
                "users:write": False,
                "xorders:read": False,
            },
        )
    with step(4, "rbac.permissions_of('ann')"):
        expect_equal(rbac.permissions_of("ann"), {"orders:*", "users:read"})
    with step(5, "rbac.is_allowed('ann', 'users:read')"):
        expect_is(rbac.is_allowed("ann", "users:read"), True)
    with step(
        6, 'rbac.add_role("item_editor", ["orders:items:*"]) rbac.assign("bob", "item_editor")'
    ):
        rbac.add_role("item_editor", ["orders:items:*"])
        rbac.assign("bob", "item_editor")
    with step(
        7,
        "answers(rbac, 'bob', ['orders:items:add', 'orders:items:', 'orders:read', 'orders:itemsx'])",
    ):
        expect_equal(
            answers(
                rbac, "bob", ["orders:items:add", "orders:items:", "orders:read", "orders:itemsx"]
            ),
            {
                "orders:items:add": True,
                "orders:items:": False,
                "orders:read": False,
                "orders:itemsx": False,
            },
        )


@pytest.mark.behaviour("972942b5-1bca-48cd-a220-4afd8710bd50", "scenario")
@pytest.mark.timeout(10.0)
def test_assign_and_revoke_report_what_they_did(solution):
    """`revoke` says whether the user had the role (never `KeyError`), assigning twice is the same as once, and revoking one role leaves what other roles grant."""
    RBAC = solution.RBAC
    with step(
        1,
        'rbac = RBAC() rbac.add_role("viewer", ["orders:read"]) rbac.add_role("auditor", ["orders:read", "logs:read"]) rbac.assign("ann", "viewer") rbac.assign("ann", "viewer") rbac.assign("ann", "auditor")',
    ):
        rbac = RBAC()
        rbac.add_role("viewer", ["orders:read"])
        rbac.add_role("auditor", ["orders:read", "logs:read"])
        rbac.assign("ann", "viewer")
        rbac.assign("ann", "viewer")
        rbac.assign("ann", "auditor")
    with step(2, "rbac.revoke('ann', 'auditor')"):
        expect_is(rbac.revoke("ann", "auditor"), True)
    with step(3, "rbac.permissions_of('ann')"):
        expect_equal(rbac.permissions_of("ann"), {"orders:read"})
    with step(4, "rbac.revoke('ann', 'auditor')"):
        expect_is(rbac.revoke("ann", "auditor"), False)
    with step(5, "rbac.revoke('ann', 'viewer')"):
        expect_is(rbac.revoke("ann", "viewer"), True)
    with step(6, "rbac.is_allowed('ann', 'orders:read')"):
        expect_is(rbac.is_allowed("ann", "orders:read"), False)
    with step(7, "rbac.revoke('ann', 'viewer')"):
        expect_is(rbac.revoke("ann", "viewer"), False)
    with step(8, "rbac.revoke('stranger', 'viewer')"):
        expect_is(rbac.revoke("stranger", "viewer"), False)
    with step(9, 'rbac.assign("ann", "viewer")'):
        rbac.assign("ann", "viewer")
    with step(10, "rbac.is_allowed('ann', 'orders:read')"):
        expect_is(rbac.is_allowed("ann", "orders:read"), True)


@pytest.mark.behaviour("96b945ca-b368-4419-8ce5-c1d6c4eee67e", "scenario")
@pytest.mark.timeout(10.0)
def test_callers_cannot_change_roles_through_their_own_objects(solution):
    """The set `permissions_of` returns, and the lists given to `add_role`, belong to the caller; changing them afterwards must not grant or revoke anything."""
    RBAC = solution.RBAC
    with step(
        1,
        'rbac = RBAC() permissions = ["orders:read"] parents = [] rbac.add_role("base", ["base:use"]) rbac.add_role("viewer", permissions, parents) rbac.assign("ann", "viewer") permissions.append("orders:delete") parents.append("base")',
    ):
        rbac = RBAC()
        permissions = ["orders:read"]
        parents = []
        rbac.add_role("base", ["base:use"])
        rbac.add_role("viewer", permissions, parents)
        rbac.assign("ann", "viewer")
        permissions.append("orders:delete")
        parents.append("base")
    with step(2, "rbac.permissions_of('ann')"):
        expect_equal(rbac.permissions_of("ann"), {"orders:read"})
    with step(
        3,
        'granted = rbac.permissions_of("ann") granted.add("users:*") granted.discard("orders:read")',
    ):
        granted = rbac.permissions_of("ann")
        granted.add("users:*")
        granted.discard("orders:read")
    with step(4, "rbac.permissions_of('ann')"):
        expect_equal(rbac.permissions_of("ann"), {"orders:read"})
    with step(5, "rbac.is_allowed('ann', 'users:read')"):
        expect_is(rbac.is_allowed("ann", "users:read"), False)
    with step(
        6, 'rbac.add_role("gen", (f"gen:{n}" for n in range(3)), (name for name in ["viewer"]))'
    ):
        rbac.add_role("gen", (f"gen:{n}" for n in range(3)), (name for name in ["viewer"]))
    with step(7, 'rbac.assign("bob", "gen")'):
        rbac.assign("bob", "gen")
    with step(8, "rbac.permissions_of('bob')"):
        expect_equal(rbac.permissions_of("bob"), {"gen:0", "gen:1", "gen:2", "orders:read"})
    with step(9, "rbac.permissions_of('bob')"):
        expect_equal(rbac.permissions_of("bob"), {"gen:0", "gen:1", "gen:2", "orders:read"})


@pytest.mark.behaviour("7f01816e-fb15-4f23-a332-768d558b3b31", "scenario")
@pytest.mark.timeout(10.0)
def test_role_names_and_permissions_match_exactly(solution):
    """Role names and permissions match exactly, case and spaces included: "Viewer" and "viewer" are two roles, and "orders:read" does not grant "Orders:Read" or "orders:read "; folding them lets one role's users into another."""
    RBAC = solution.RBAC
    with step(
        1,
        'rbac = RBAC() rbac.add_role("viewer", ["orders:read"]) rbac.add_role("Viewer", ["Reports:Export"]) rbac.assign("ann", "Viewer")',
    ):
        rbac = RBAC()
        rbac.add_role("viewer", ["orders:read"])
        rbac.add_role("Viewer", ["Reports:Export"])
        rbac.assign("ann", "Viewer")
    with step(2, "rbac.permissions_of('ann')"):
        expect_equal(rbac.permissions_of("ann"), {"Reports:Export"})
    with step(3, "answers(rbac, 'ann', ['orders:read', 'Reports:Export', 'reports:export'])"):
        expect_equal(
            answers(rbac, "ann", ["orders:read", "Reports:Export", "reports:export"]),
            {"orders:read": False, "Reports:Export": True, "reports:export": False},
        )
    with step(4, 'rbac.assign("bob", "VIEWER")', raises=ValueError):
        rbac.assign("bob", "VIEWER")
    with step(5, 'rbac.assign("bob", " viewer")', raises=ValueError):
        rbac.assign("bob", " viewer")
    with step(6, 'rbac.assign("bob", "viewer")'):
        rbac.assign("bob", "viewer")
    with step(
        7, "answers(rbac, 'bob', ['orders:read', 'Orders:Read', 'orders:read ', 'ORDERS:READ'])"
    ):
        expect_equal(
            answers(rbac, "bob", ["orders:read", "Orders:Read", "orders:read ", "ORDERS:READ"]),
            {
                "orders:read": True,
                "Orders:Read": False,
                "orders:read ": False,
                "ORDERS:READ": False,
            },
        )
    with step(8, "rbac.revoke('bob', 'Viewer')"):
        expect_is(rbac.revoke("bob", "Viewer"), False)
    with step(9, "rbac.is_allowed('bob', 'orders:read')"):
        expect_is(rbac.is_allowed("bob", "orders:read"), True)


@pytest.mark.behaviour("b8fef2bd-f4a3-4f6d-b676-b6f0f32d65b7", "scenario")
@pytest.mark.timeout(10.0)
def test_falsy_users_and_empty_roles_are_values(solution):
    """Users are any hashable values: `0`, `""` and `None` are users like any other (`if not user:` is the bug), and a role with no permissions is still a role that can be assigned and inherited from."""
    RBAC = solution.RBAC
    with step(
        1,
        'rbac = RBAC() rbac.add_role("viewer", ["orders:read"]) rbac.add_role("empty", [], []) rbac.add_role("heir", inherits=["empty", "viewer"]) for user in (0, "", None): rbac.assign(user, "heir")',
    ):
        rbac = RBAC()
        rbac.add_role("viewer", ["orders:read"])
        rbac.add_role("empty", [], [])
        rbac.add_role("heir", inherits=["empty", "viewer"])
        for user in (0, "", None):
            rbac.assign(user, "heir")
    with step(2, "[rbac.is_allowed(user, 'orders:read') for user in (0, '', None)]"):
        expect_equal(
            [rbac.is_allowed(user, "orders:read") for user in (0, "", None)], [True, True, True]
        )
    with step(3, "[rbac.permissions_of(user) for user in (0, '', None)]"):
        expect_equal([rbac.permissions_of(user) for user in (0, "", None)], [{"orders:read"}] * 3)
    with step(
        4,
        "(rbac.revoke(0, 'heir'), rbac.is_allowed(0, 'orders:read'), rbac.is_allowed('', 'orders:read'))",
    ):
        expect_equal(
            (
                rbac.revoke(0, "heir"),
                rbac.is_allowed(0, "orders:read"),
                rbac.is_allowed("", "orders:read"),
            ),
            (True, False, True),
        )


@pytest.mark.behaviour("c57299ca-a749-458a-acb1-33e1c1b5bdec", "scenario")
@pytest.mark.timeout(10.0)
def test_two_rbacs_share_no_roles_or_users(solution):
    """Each RBAC holds its own roles and assignments; state made once (a table at class level) lets one tenant's roles and users leak into another's."""
    RBAC = solution.RBAC
    with step(
        1,
        'first, second = RBAC(), RBAC() first.add_role("admin", ["users:*"]) first.assign("ann", "admin")',
    ):
        first, second = RBAC(), RBAC()
        first.add_role("admin", ["users:*"])
        first.assign("ann", "admin")
    with step(2, 'second.assign("ann", "admin")', raises=ValueError):
        second.assign("ann", "admin")
    with step(3, "(second.permissions_of('ann'), second.is_allowed('ann', 'users:delete'))"):
        expect_equal(
            (second.permissions_of("ann"), second.is_allowed("ann", "users:delete")), (set(), False)
        )
    with step(4, 'second.add_role("admin", ["reports:read"]) second.assign("bob", "admin")'):
        second.add_role("admin", ["reports:read"])
        second.assign("bob", "admin")
    with step(5, "(first.permissions_of('ann'), first.permissions_of('bob'))"):
        expect_equal(
            (first.permissions_of("ann"), first.permissions_of("bob")), ({"users:*"}, set())
        )


@pytest.mark.behaviour("ce8c9e8e-80f8-46bb-aa3d-d918a3c4d16f", "property")
@pytest.mark.timeout(60.0)
def test_rbac_behaves_like_a_model_of_the_role_graph(solution):
    """Any mix of defining and replacing roles (unknown parents and cycles included), assigning, revoking and checking must match a model: the same errors, permissions and answers, and never endless recursion."""
    RBAC = solution.RBAC

    class RoleGraphModel:
        def __init__(self):
            self.roles = {}  # name -> (permissions, parents)
            self.users = {}

        def ancestors(self, roles, name):
            found, frontier = set(), {name}
            while frontier:
                parents = set()
                for role in frontier:
                    parents |= roles[role][1]
                frontier = parents - found
                found |= parents
            return found

        def add_role(self, name, permissions, inherits):
            if any(parent not in self.roles and parent != name for parent in inherits):
                raise ValueError("unknown role")
            candidate = dict(self.roles)
            candidate[name] = (set(permissions), set(inherits))
            if name in self.ancestors(candidate, name):
                raise ValueError("cycle")
            self.roles = candidate

        def assign(self, user, role):
            if role not in self.roles:
                raise ValueError("unknown role")
            self.users.setdefault(user, set()).add(role)

        def revoke(self, user, role):
            if role not in self.roles:
                raise ValueError("unknown role")
            held = self.users.get(user, set())
            had = role in held
            held.discard(role)
            return had

        def permissions_of(self, user):
            result = set()
            for role in self.users.get(user, set()):
                for each in {role} | self.ancestors(self.roles, role):
                    result |= self.roles[each][0]
            return result

        def is_allowed(self, user, permission):
            held = self.permissions_of(user)
            return permission in held or any(
                p.endswith(":*") and permission.startswith(p[:-1]) and len(permission) >= len(p)
                for p in held
            )

        def chain(self, names, permission):
            outcomes = []
            for index, name in enumerate(names):
                try:
                    self.add_role(
                        name, [f"{permission}{index}"], [names[index - 1]] if index else []
                    )
                    outcomes.append("ok")
                except ValueError:
                    outcomes.append("ValueError")
            return outcomes

        def everything(self):
            return {
                user: (self.permissions_of(user), {q: self.is_allowed(user, q) for q in QUERIES})
                for user in USERS
            }

    class Machine(ModelMachine):
        @initialize()
        def start(self):
            self.begin(
                lambda: Rebuilder(RBAC),
                lambda: RoleGraphModel(),
                "Rebuilder(RBAC)",
            )

        @rule(
            inherits=st.lists(st.sampled_from(ROLE_NAMES), max_size=2),
            name=st.sampled_from(ROLE_NAMES),
            permissions=st.lists(st.sampled_from(PERMISSIONS), max_size=3),
        )
        def rule_1_add_role(self, inherits, name, permissions):
            self.apply(
                "add_role(name, permissions, inherits)",
                lambda target: target.add_role(name, permissions, inherits),
                inherits=inherits,
                name=name,
                permissions=permissions,
                compare=True,
            )

        @rule(
            names=st.lists(st.sampled_from(ROLE_NAMES), min_size=2, max_size=5),
            permission=st.sampled_from(["orders:", "users:", "p"]),
        )
        def rule_2_chain(self, names, permission):
            self.apply(
                "chain(names, permission)",
                lambda target: target.chain(names, permission),
                names=names,
                permission=permission,
                compare=True,
            )

        @rule(role=st.sampled_from(ROLE_NAMES + ["ghost"]), user=st.sampled_from(USERS))
        def rule_3_assign(self, role, user):
            self.apply(
                "assign(user, role)",
                lambda target: target.assign(user, role),
                role=role,
                user=user,
                compare=True,
            )

        @rule(role=st.sampled_from(ROLE_NAMES + ["ghost"]), user=st.sampled_from(USERS))
        def rule_4_revoke(self, role, user):
            self.apply(
                "revoke(user, role)",
                lambda target: target.revoke(user, role),
                role=role,
                user=user,
                compare=True,
            )

        @rule(permission=st.sampled_from(QUERIES), user=st.sampled_from(USERS))
        def rule_5_is_allowed(self, permission, user):
            self.apply(
                "is_allowed(user, permission)",
                lambda target: target.is_allowed(user, permission),
                permission=permission,
                user=user,
                compare=True,
            )

        @rule(user=st.sampled_from(USERS))
        def rule_6_permissions_of(self, user):
            self.apply(
                "permissions_of(user)",
                lambda target: target.permissions_of(user),
                user=user,
                compare=True,
            )

        @invariant()
        def invariant_1(self):
            self.holds(
                "subject.everything() == model.everything()",
                lambda subject, model: subject.everything() == model.everything(),
                sides=lambda subject, model: (subject.everything(), model.everything()),
                equality=True,
            )

    run_model_machine(Machine, examples=80, steps=30)
