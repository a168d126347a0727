# Generated from specs/repository_uow/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 931caab97eca9c604473b3c46342ed26a1fc12b89369a8193a31c249fe388198
"""Conformance suite for the repository_uow kata: one test per behaviour of its spec.

Run it with `kata check repository_uow` or `pytest generated/repository_uow --impl PATH`.
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


class RepositoryDown(ConnectionError):
    """What the failing fake raises: storage going away in the middle of a commit."""


def failing(repository_class):
    """A fake: a subclass of the solution's own `repository_class` (no mocks).

    It behaves exactly like its parent until `fail_after(n)` is called; then the next
    `n` calls of add/update/delete go through and the one after raises RepositoryDown,
    once. Calls a repository method makes on itself are not counted.
    """

    class FailingRepository(repository_class):
        calls_before_failure = None
        busy = False

        def fail_after(self, calls):
            self.calls_before_failure = calls

        def _guard(self, method, args, kwargs):
            if self.busy or self.calls_before_failure is None:
                return method(*args, **kwargs)
            if self.calls_before_failure == 0:
                self.calls_before_failure = None
                raise RepositoryDown("the storage went away in the middle of a commit")
            self.calls_before_failure -= 1
            self.busy = True
            try:
                return method(*args, **kwargs)
            finally:
                self.busy = False

        def add(self, *args, **kwargs):
            return self._guard(super().add, args, kwargs)

        def update(self, *args, **kwargs):
            return self._guard(super().update, args, kwargs)

        def delete(self, *args, **kwargs):
            return self._guard(super().delete, args, kwargs)

    FailingRepository.__name__ = FailingRepository.__qualname__ = (
        "Failing" + repository_class.__name__
    )
    return FailingRepository


def names(entities):
    """The names of users (or the ids of orders), sorted, so that order never matters."""
    return sorted(getattr(e, "name", None) or str(e.id) for e in entities)


class RepositoryHarness:
    """Adds users to a solution UserRepository (some with explicit ids) and deletes some
    through a UnitOfWork; observes only what the catalogue specifies."""

    def __init__(self, user_cls, repository_cls, uow_cls):
        self.user_cls = user_cls
        self.repo = repository_cls()
        self.uow = uow_cls()
        self.uow.register_repository(user_cls, self.repo)
        self.users = []
        self.deleted = []

    def _keep(self, user):
        self.users.append(user)
        self.deleted.append(False)

    def add(self):
        user = self.user_cls(name=f"user{len(self.users)}")
        self.repo.add(user)
        self._keep(user)

    def add_with_id(self, wanted):
        taken = {user.id for user in self.users}
        while wanted in taken:  # a free id: reusing a taken one is not specified
            wanted += 1
        user = self.user_cls(id=wanted, name=f"user{len(self.users)}")
        self.repo.add(user)
        self._keep(user)
        return user.id == wanted

    def delete(self, slot):
        if not self.users or self.deleted[slot % len(self.users)]:
            return None
        index = slot % len(self.users)
        self.uow.register_removed(self.users[index])
        self.uow.commit()
        self.deleted[index] = True
        return None

    def visible(self):
        found = [self.repo.get(user.id) for user in self.users]
        return [None if user is None else user.name for user in found]

    def listed(self):
        return sorted(user.name for user in self.repo.find_all())


def recording(repository_class):
    """A fake: a subclass of the solution's `repository_class` that logs every add, update and delete call."""

    class RecordingRepository(repository_class):
        def __init__(self):
            super().__init__()
            self.calls = []

        def add(self, entity):
            self.calls.append("add")
            return super().add(entity)

        def update(self, entity):
            self.calls.append("update")
            return super().update(entity)

        def delete(self, id):
            self.calls.append("delete")
            return super().delete(id)

    return RecordingRepository


pytestmark = pytest.mark.kata(
    "repository_uow",
    classes=[
        "Entity",
        "User",
        "Order",
        "Repository",
        "InMemoryRepository",
        "UserRepository",
        "OrderRepository",
        "UnitOfWork",
        "UserService",
    ],
    exceptions=["UnitOfWorkError"],
    functions=[],
)


@pytest.mark.behaviour("69ab48da-fe50-41cf-a599-81c5486cca5e", "scenario")
@pytest.mark.timeout(10.0)
def test_entities_keep_their_fields_and_start_not_deleted(solution):
    """Every entity carries an optional id and a deleted flag that starts False; users and orders keep the fields they were given."""
    Entity = solution.Entity
    User = solution.User
    Order = solution.Order
    with step(1, "entity = Entity()"):
        entity = Entity()
    with step(2, "entity.id"):
        expect_is(entity.id, None)
    with step(3, "entity.is_deleted"):
        expect_is(entity.is_deleted, False)
    with step(4, "Entity(id=7).id"):
        expect_equal(Entity(id=7).id, 7)
    with step(5, 'user = User(id=3, name="Ann", email="ann@example.com")'):
        user = User(id=3, name="Ann", email="ann@example.com")
    with step(6, "(user.id, user.name, user.email, user.is_deleted)"):
        expect_equal(
            (user.id, user.name, user.email, user.is_deleted), (3, "Ann", "ann@example.com", False)
        )
    with step(7, "(User().id, User().name, User().email)"):
        expect_equal((User().id, User().name, User().email), (None, None, None))
    with step(8, "order = Order(user_id=3, total_amount=9.5)"):
        order = Order(user_id=3, total_amount=9.5)
    with step(9, "(order.id, order.user_id, order.total_amount, order.is_deleted)"):
        expect_equal(
            (order.id, order.user_id, order.total_amount, order.is_deleted), (None, 3, 9.5, False)
        )


@pytest.mark.behaviour("f95c6ed7-1689-4dd9-b84c-739f2ad63db5", "scenario")
@pytest.mark.timeout(10.0)
def test_add_numbers_new_entities_1_2_3(solution):
    """A repository gives each entity without an id the next number of its sequence, starting at 1, and finds it again by that id."""
    User = solution.User
    UserRepository = solution.UserRepository
    with step(1, "users = UserRepository()"):
        users = UserRepository()
    with step(
        2,
        'ann = User(name="Ann") bob = User(name="Bob") cat = User(name="Cat") users.add(ann) users.add(bob) users.add(cat)',
    ):
        ann = User(name="Ann")
        bob = User(name="Bob")
        cat = User(name="Cat")
        users.add(ann)
        users.add(bob)
        users.add(cat)
    with step(3, "(ann.id, bob.id, cat.id)"):
        expect_equal((ann.id, bob.id, cat.id), (1, 2, 3))
    with step(4, "users.get(2).name"):
        expect_equal(users.get(2).name, "Bob")
    with step(5, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Ann", "Bob", "Cat"])


@pytest.mark.behaviour("2624d81f-e219-4406-93fd-795e7c63c3b3", "scenario")
@pytest.mark.timeout(10.0)
def test_each_repository_numbers_its_own_entities_from_1(solution):
    """Ids are per repository; a counter shared between repositories makes the first order id depend on how many users exist."""
    User = solution.User
    Order = solution.Order
    UserRepository = solution.UserRepository
    OrderRepository = solution.OrderRepository
    with step(
        1,
        'users = UserRepository() users.add(User(name="Ann")) users.add(User(name="Bob")) orders = OrderRepository() first_order = Order(user_id=1, total_amount=10.0) orders.add(first_order) other_users = UserRepository() other = User(name="Zed") other_users.add(other)',
    ):
        users = UserRepository()
        users.add(User(name="Ann"))
        users.add(User(name="Bob"))
        orders = OrderRepository()
        first_order = Order(user_id=1, total_amount=10.0)
        orders.add(first_order)
        other_users = UserRepository()
        other = User(name="Zed")
        other_users.add(other)
    with step(2, "first_order.id"):
        expect_equal(first_order.id, 1)
    with step(3, "other.id"):
        expect_equal(other.id, 1)


@pytest.mark.behaviour("6e884608-905c-4996-b938-dfd562af0d23", "scenario")
@pytest.mark.timeout(10.0)
def test_a_generated_id_never_overwrites_an_explicit_one(solution):
    """The guide's counter ignores explicit ids, so add(User(id=1)) then add(User()) gives both id 1 and silently loses the first user."""
    User = solution.User
    UserRepository = solution.UserRepository
    with step(1, "users = UserRepository()"):
        users = UserRepository()
    with step(
        2, 'ann = User(id=1, name="Ann") users.add(ann) bob = User(name="Bob") users.add(bob)'
    ):
        ann = User(id=1, name="Ann")
        users.add(ann)
        bob = User(name="Bob")
        users.add(bob)
    with step(3, "ann.id"):
        expect_equal(ann.id, 1)
    with step(4, "bob.id != 1"):
        expect_is(bob.id != 1, True)
    with step(5, "users.get(1).name"):
        expect_equal(users.get(1).name, "Ann")
    with step(6, "users.get(bob.id).name"):
        expect_equal(users.get(bob.id).name, "Bob")
    with step(7, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Ann", "Bob"])


@pytest.mark.behaviour("ffaa214c-3bb0-46cd-a87f-6404ef5633da", "scenario")
@pytest.mark.timeout(10.0)
def test_get_and_find_all_skip_deleted_entities(solution):
    """A soft-deleted entity stays stored but must be invisible to every read; an unknown id reads as None too."""
    User = solution.User
    UserRepository = solution.UserRepository
    UnitOfWork = solution.UnitOfWork
    with step(
        1,
        'users = UserRepository() for name in ("Ann", "Bob", "Cat"): users.add(User(name=name)) uow = UnitOfWork() uow.register_repository(User, users) bob = users.get(2) uow.register_removed(bob) uow.commit()',
    ):
        users = UserRepository()
        for name in ("Ann", "Bob", "Cat"):
            users.add(User(name=name))
        uow = UnitOfWork()
        uow.register_repository(User, users)
        bob = users.get(2)
        uow.register_removed(bob)
        uow.commit()
    with step(2, "users.get(2)"):
        expect_is(users.get(2), None)
    with step(3, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Ann", "Cat"])
    with step(4, "users.get(1).name"):
        expect_equal(users.get(1).name, "Ann")
    with step(5, "users.get(99)"):
        expect_is(users.get(99), None)


@pytest.mark.behaviour("6fe340e0-ba00-4b32-8c00-5acbca36cc29", "scenario")
@pytest.mark.timeout(10.0)
def test_find_by_email_returns_the_matching_user_or_none(solution):
    """The user repository's finder is how the domain looks users up without knowing the storage."""
    User = solution.User
    UserRepository = solution.UserRepository
    with step(
        1,
        'users = UserRepository() users.add(User(name="Ann", email="ann@example.com")) users.add(User(name="Bob", email="bob@example.com"))',
    ):
        users = UserRepository()
        users.add(User(name="Ann", email="ann@example.com"))
        users.add(User(name="Bob", email="bob@example.com"))
    with step(2, "users.find_by_email('bob@example.com').name"):
        expect_equal(users.find_by_email("bob@example.com").name, "Bob")
    with step(3, "users.find_by_email('bob@example.com').id"):
        expect_equal(users.find_by_email("bob@example.com").id, 2)
    with step(4, "users.find_by_email('nobody@example.com')"):
        expect_is(users.find_by_email("nobody@example.com"), None)


@pytest.mark.behaviour("dcd3fdb5-dd58-458d-8563-dc6684d3da9e", "scenario")
@pytest.mark.timeout(10.0)
def test_find_by_user_id_lists_exactly_that_users_orders(solution):
    """The order repository's finder must return every order of the user and no one else's (an empty list when there are none)."""
    Order = solution.Order
    OrderRepository = solution.OrderRepository
    with step(
        1,
        "orders = OrderRepository() orders.add(Order(user_id=1, total_amount=10.0)) orders.add(Order(user_id=2, total_amount=20.0)) orders.add(Order(user_id=1, total_amount=30.0))",
    ):
        orders = OrderRepository()
        orders.add(Order(user_id=1, total_amount=10.0))
        orders.add(Order(user_id=2, total_amount=20.0))
        orders.add(Order(user_id=1, total_amount=30.0))
    with step(2, "sorted([order.id for order in orders.find_by_user_id(1)])"):
        expect_equal(sorted([order.id for order in orders.find_by_user_id(1)]), [1, 3])
    with step(3, "sorted([order.total_amount for order in orders.find_by_user_id(1)])"):
        expect_equal(
            sorted([order.total_amount for order in orders.find_by_user_id(1)]), [10.0, 30.0]
        )
    with step(4, "list(orders.find_by_user_id(3))"):
        expect_equal(list(orders.find_by_user_id(3)), [])


@pytest.mark.behaviour("33c7a077-daa4-4801-86ac-cb1aa0594a04", "scenario")
@pytest.mark.timeout(10.0)
def test_commit_adds_new_updates_dirty_and_deletes_removed_entities(solution):
    """One commit applies every kind of registration, each to the repository registered for the entity's type."""
    User = solution.User
    Order = solution.Order
    UserRepository = solution.UserRepository
    OrderRepository = solution.OrderRepository
    UnitOfWork = solution.UnitOfWork
    with step(
        1,
        'users = UserRepository() orders = OrderRepository() users.add(User(name="Ann", email="ann@example.com")) users.add(User(name="Bob", email="bob@example.com")) uow = UnitOfWork() uow.register_repository(User, users) uow.register_repository(Order, orders)',
    ):
        users = UserRepository()
        orders = OrderRepository()
        users.add(User(name="Ann", email="ann@example.com"))
        users.add(User(name="Bob", email="bob@example.com"))
        uow = UnitOfWork()
        uow.register_repository(User, users)
        uow.register_repository(Order, orders)
    with step(
        2,
        'cat = User(name="Cat", email="cat@example.com") uow.register_new(cat) uow.register_new(Order(user_id=1, total_amount=42.0)) uow.register_dirty(User(id=1, name="Ann Smith", email="ann@example.com")) uow.register_removed(users.get(2)) uow.commit()',
    ):
        cat = User(name="Cat", email="cat@example.com")
        uow.register_new(cat)
        uow.register_new(Order(user_id=1, total_amount=42.0))
        uow.register_dirty(User(id=1, name="Ann Smith", email="ann@example.com"))
        uow.register_removed(users.get(2))
        uow.commit()
    with step(3, "cat.id"):
        expect_equal(cat.id, 3)
    with step(4, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Ann Smith", "Cat"])
    with step(5, "users.get(1).name"):
        expect_equal(users.get(1).name, "Ann Smith")
    with step(6, "users.get(2)"):
        expect_is(users.get(2), None)
    with step(7, "[order.total_amount for order in orders.find_by_user_id(1)]"):
        expect_equal([order.total_amount for order in orders.find_by_user_id(1)], [42.0])


@pytest.mark.behaviour("8298e6da-2854-4afb-a8bf-dc5d585719ae", "scenario")
@pytest.mark.timeout(10.0)
def test_rollback_discards_pending_registrations_but_keeps_committed_work(solution):
    """Rollback forgets what was registered since the last commit; a later commit must not apply it, and committed work is never undone."""
    User = solution.User
    UserRepository = solution.UserRepository
    UnitOfWork = solution.UnitOfWork
    with step(
        1,
        'users = UserRepository() uow = UnitOfWork() uow.register_repository(User, users) uow.register_new(User(name="Ann")) uow.commit() uow.register_new(User(name="Bob")) uow.register_removed(users.get(1)) uow.rollback() uow.commit()',
    ):
        users = UserRepository()
        uow = UnitOfWork()
        uow.register_repository(User, users)
        uow.register_new(User(name="Ann"))
        uow.commit()
        uow.register_new(User(name="Bob"))
        uow.register_removed(users.get(1))
        uow.rollback()
        uow.commit()
    with step(2, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Ann"])
    with step(3, "users.get(1).name"):
        expect_equal(users.get(1).name, "Ann")


@pytest.mark.behaviour("d56fbf8f-e818-458a-a68f-9e2f21ac208b", "scenario")
@pytest.mark.timeout(10.0)
def test_with_block_discards_uncommitted_work_when_it_ends(solution):
    """Leaving `with uow:` rolls back whatever was not committed; committing is always explicit, so work registered after the last commit is lost, not saved."""
    User = solution.User
    UserRepository = solution.UserRepository
    UnitOfWork = solution.UnitOfWork
    with step(
        1,
        'users = UserRepository() uow = UnitOfWork() uow.register_repository(User, users) with uow: uow.register_new(User(name="Ann")) uow.commit() uow.register_new(User(name="Bob"))',
    ):
        users = UserRepository()
        uow = UnitOfWork()
        uow.register_repository(User, users)
        with uow:
            uow.register_new(User(name="Ann"))
            uow.commit()
            uow.register_new(User(name="Bob"))
    with step(2, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Ann"])
    with step(3, "uow.commit()"):
        uow.commit()
    with step(4, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Ann"])


@pytest.mark.behaviour("30b278d6-311a-423f-8a00-224693d7fa74", "scenario")
@pytest.mark.timeout(10.0)
def test_with_block_rolls_back_on_an_exception_and_lets_it_propagate(solution):
    """An exception inside `with uow:` must discard the pending work and still reach the caller; swallowing it hides the failure."""
    User = solution.User
    UserRepository = solution.UserRepository
    UnitOfWork = solution.UnitOfWork
    with step(
        1, "users = UserRepository() uow = UnitOfWork() uow.register_repository(User, users)"
    ):
        users = UserRepository()
        uow = UnitOfWork()
        uow.register_repository(User, users)
    with step(
        2,
        'with uow: uow.register_new(User(name="Ann")) raise ValueError("the use case failed")',
        raises=ValueError,
        match="the use case failed",
    ):
        with uow:
            uow.register_new(User(name="Ann"))
            raise ValueError("the use case failed")
    with step(3, "list(users.find_all())"):
        expect_equal(list(users.find_all()), [])
    with step(4, "uow.commit()"):
        uow.commit()
    with step(5, "list(users.find_all())"):
        expect_equal(list(users.find_all()), [])


@pytest.mark.behaviour("8200f17c-829d-4810-9ff1-5ba33ccf2b40", "scenario")
@pytest.mark.timeout(10.0)
def test_commit_raises_unit_of_work_error_before_changing_anything(solution):
    """An entity type without a repository is a programming error; detect it before the first repository call, or the commit is left half done."""
    UnitOfWorkError = solution.UnitOfWorkError
    User = solution.User
    Order = solution.Order
    UserRepository = solution.UserRepository
    UnitOfWork = solution.UnitOfWork
    with step(1, "issubclass(UnitOfWorkError, LookupError)"):
        expect_is(issubclass(UnitOfWorkError, LookupError), True)
    with step(
        2,
        'users = UserRepository() users.add(User(name="Ann", email="ann@example.com")) uow = UnitOfWork() uow.register_repository(User, users) uow.register_new(User(name="Cat", email="cat@example.com")) uow.register_removed(users.get(1)) uow.register_new(Order(user_id=1, total_amount=5.0))',
    ):
        users = UserRepository()
        users.add(User(name="Ann", email="ann@example.com"))
        uow = UnitOfWork()
        uow.register_repository(User, users)
        uow.register_new(User(name="Cat", email="cat@example.com"))
        uow.register_removed(users.get(1))
        uow.register_new(Order(user_id=1, total_amount=5.0))
    with step(3, "uow.commit()", raises=UnitOfWorkError):
        uow.commit()
    with step(4, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Ann"])
    with step(5, "users.find_by_email('cat@example.com')"):
        expect_is(users.find_by_email("cat@example.com"), None)
    with step(6, "users.get(1).is_deleted"):
        expect_is(users.get(1).is_deleted, False)
    with step(
        7,
        "other = UnitOfWork() other.register_repository(User, users) other.register_dirty(Order(id=1, user_id=1, total_amount=1.0))",
    ):
        other = UnitOfWork()
        other.register_repository(User, users)
        other.register_dirty(Order(id=1, user_id=1, total_amount=1.0))
    with step(8, "other.commit()", raises=UnitOfWorkError):
        other.commit()


@pytest.mark.behaviour("23b14d55-b81d-41b4-84f7-975059fc637a", "scenario")
@pytest.mark.timeout(5.0)
def test_a_failing_repository_call_leaves_every_repository_as_it_was(solution):
    """Commit is atomic: when a repository call fails midway, entities already added or deleted must be put back and the error must reach the caller (the guide deadlocks here, then leaves the first changes in place)."""
    User = solution.User
    Order = solution.Order
    UserRepository = solution.UserRepository
    OrderRepository = solution.OrderRepository
    UnitOfWork = solution.UnitOfWork
    with step(
        1,
        'users = failing(UserRepository)() orders = OrderRepository() uow = UnitOfWork() uow.register_repository(User, users) uow.register_repository(Order, orders) ann = User(name="Ann", email="ann@example.com") bob = User(name="Bob", email="bob@example.com") uow.register_new(ann) uow.register_new(bob) uow.register_new(Order(user_id=1, total_amount=10.0)) uow.commit()',
    ):
        users = failing(UserRepository)()
        orders = OrderRepository()
        uow = UnitOfWork()
        uow.register_repository(User, users)
        uow.register_repository(Order, orders)
        ann = User(name="Ann", email="ann@example.com")
        bob = User(name="Bob", email="bob@example.com")
        uow.register_new(ann)
        uow.register_new(bob)
        uow.register_new(Order(user_id=1, total_amount=10.0))
        uow.commit()
    with step(
        2,
        'uow.register_new(Order(user_id=2, total_amount=20.0)) uow.register_new(User(name="Cat", email="cat@example.com")) uow.register_dirty(User(id=1, name="Ann Smith", email="ann@example.com")) uow.register_removed(bob) users.fail_after(2)',
    ):
        uow.register_new(Order(user_id=2, total_amount=20.0))
        uow.register_new(User(name="Cat", email="cat@example.com"))
        uow.register_dirty(User(id=1, name="Ann Smith", email="ann@example.com"))
        uow.register_removed(bob)
        users.fail_after(2)
    with step(3, "uow.commit()", raises=ConnectionError, match="the storage went away"):
        uow.commit()
    with step(4, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Ann", "Bob"])
    with step(5, "users.find_by_email('cat@example.com')"):
        expect_is(users.find_by_email("cat@example.com"), None)
    with step(6, "users.get(2).name"):
        expect_equal(users.get(2).name, "Bob")
    with step(7, "bob.is_deleted"):
        expect_is(bob.is_deleted, False)
    with step(8, "[order.total_amount for order in orders.find_all()]"):
        expect_equal([order.total_amount for order in orders.find_all()], [10.0])
    with step(9, "list(orders.find_by_user_id(2))"):
        expect_equal(list(orders.find_by_user_id(2)), [])


@pytest.mark.behaviour("fad575e2-d534-439c-8854-e0ae32e5309b", "scenario")
@pytest.mark.timeout(5.0)
def test_a_failed_commit_undoes_deletions_in_other_repositories(solution):
    """Atomicity spans repositories and includes deletions: a user deleted before another repository failed must come back, not deleted."""
    User = solution.User
    Order = solution.Order
    UserRepository = solution.UserRepository
    OrderRepository = solution.OrderRepository
    UnitOfWork = solution.UnitOfWork
    with step(
        1,
        'users = UserRepository() orders = failing(OrderRepository)() uow = UnitOfWork() uow.register_repository(User, users) uow.register_repository(Order, orders) bob = User(name="Bob", email="bob@example.com") order = Order(user_id=1, total_amount=10.0) uow.register_new(bob) uow.register_new(order) uow.commit()',
    ):
        users = UserRepository()
        orders = failing(OrderRepository)()
        uow = UnitOfWork()
        uow.register_repository(User, users)
        uow.register_repository(Order, orders)
        bob = User(name="Bob", email="bob@example.com")
        order = Order(user_id=1, total_amount=10.0)
        uow.register_new(bob)
        uow.register_new(order)
        uow.commit()
    with step(2, "uow.register_removed(bob) uow.register_removed(order) orders.fail_after(0)"):
        uow.register_removed(bob)
        uow.register_removed(order)
        orders.fail_after(0)
    with step(3, "uow.commit()", raises=ConnectionError, match="the storage went away"):
        uow.commit()
    with step(4, "users.get(1).name"):
        expect_equal(users.get(1).name, "Bob")
    with step(5, "bob.is_deleted"):
        expect_is(bob.is_deleted, False)
    with step(6, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Bob"])
    with step(7, "orders.get(1).total_amount"):
        expect_equal(orders.get(1).total_amount, 10.0)
    with step(8, "order.is_deleted"):
        expect_is(order.is_deleted, False)


@pytest.mark.behaviour("bc603f2b-c75f-446d-ba86-4e0d3d0ad6ca", "scenario")
@pytest.mark.timeout(10.0)
def test_create_user_registers_a_user_that_commit_stores(solution):
    """The service registers the change and the caller commits; the new user gets its id when it is stored."""
    User = solution.User
    UserRepository = solution.UserRepository
    UnitOfWork = solution.UnitOfWork
    UserService = solution.UserService
    with step(
        1,
        'users = UserRepository() uow = UnitOfWork() uow.register_repository(User, users) service = UserService(uow, users) ann = service.create_user("Ann", "ann@example.com")',
    ):
        users = UserRepository()
        uow = UnitOfWork()
        uow.register_repository(User, users)
        service = UserService(uow, users)
        ann = service.create_user("Ann", "ann@example.com")
    with step(2, "(ann.name, ann.email)"):
        expect_equal((ann.name, ann.email), ("Ann", "ann@example.com"))
    with step(3, "uow.commit()"):
        uow.commit()
    with step(4, "ann.id"):
        expect_equal(ann.id, 1)
    with step(5, "users.find_by_email('ann@example.com').name"):
        expect_equal(users.find_by_email("ann@example.com").name, "Ann")


@pytest.mark.behaviour("de767c5b-9295-459d-898e-15ebbc9c4072", "scenario")
@pytest.mark.timeout(10.0)
def test_create_user_rejects_an_email_already_stored(solution):
    """Emails are unique; creating a second user with a stored email must fail with ValueError and register nothing."""
    User = solution.User
    UserRepository = solution.UserRepository
    UnitOfWork = solution.UnitOfWork
    UserService = solution.UserService
    with step(
        1,
        'users = UserRepository() uow = UnitOfWork() uow.register_repository(User, users) service = UserService(uow, users) service.create_user("Ann", "ann@example.com") uow.commit()',
    ):
        users = UserRepository()
        uow = UnitOfWork()
        uow.register_repository(User, users)
        service = UserService(uow, users)
        service.create_user("Ann", "ann@example.com")
        uow.commit()
    with step(2, 'service.create_user("Another Ann", "ann@example.com")', raises=ValueError):
        service.create_user("Another Ann", "ann@example.com")
    with step(3, "uow.commit()"):
        uow.commit()
    with step(4, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Ann"])


@pytest.mark.behaviour("b46b076a-c839-4e3e-b83d-ab8b00044f11", "scenario")
@pytest.mark.timeout(10.0)
def test_create_user_rejects_an_email_pending_in_the_same_unit_of_work(solution):
    """Uniqueness must count users registered but not committed yet; the guide checks only the repository, so both duplicates get committed."""
    User = solution.User
    UserRepository = solution.UserRepository
    UnitOfWork = solution.UnitOfWork
    UserService = solution.UserService
    with step(
        1,
        'users = UserRepository() uow = UnitOfWork() uow.register_repository(User, users) service = UserService(uow, users) service.create_user("Ann", "ann@example.com")',
    ):
        users = UserRepository()
        uow = UnitOfWork()
        uow.register_repository(User, users)
        service = UserService(uow, users)
        service.create_user("Ann", "ann@example.com")
    with step(2, 'service.create_user("Another Ann", "ann@example.com")', raises=ValueError):
        service.create_user("Another Ann", "ann@example.com")
    with step(3, "uow.commit()"):
        uow.commit()
    with step(4, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Ann"])


@pytest.mark.behaviour("699253fa-a08b-426f-b138-00ce9692b2d9", "scenario")
@pytest.mark.timeout(10.0)
def test_an_email_is_free_again_once_its_pending_user_is_rolled_back(solution):
    """A rolled-back user was never registered as far as anyone can see, so its email must be available again."""
    User = solution.User
    UserRepository = solution.UserRepository
    UnitOfWork = solution.UnitOfWork
    UserService = solution.UserService
    with step(
        1,
        'users = UserRepository() uow = UnitOfWork() uow.register_repository(User, users) service = UserService(uow, users) service.create_user("Ann", "ann@example.com") uow.rollback() service.create_user("Ann again", "ann@example.com") uow.commit()',
    ):
        users = UserRepository()
        uow = UnitOfWork()
        uow.register_repository(User, users)
        service = UserService(uow, users)
        service.create_user("Ann", "ann@example.com")
        uow.rollback()
        service.create_user("Ann again", "ann@example.com")
        uow.commit()
    with step(2, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Ann again"])


@pytest.mark.behaviour("07e8f620-b743-4c9d-b889-770e0df7daa6", "scenario")
@pytest.mark.timeout(10.0)
def test_update_user_changes_only_the_given_fields(solution):
    """A field passed as None means "leave it", so a partial update must not wipe the other field."""
    User = solution.User
    UserRepository = solution.UserRepository
    UnitOfWork = solution.UnitOfWork
    UserService = solution.UserService
    with step(
        1,
        'users = UserRepository() uow = UnitOfWork() uow.register_repository(User, users) service = UserService(uow, users) service.create_user("Ann", "ann@example.com") uow.commit()',
    ):
        users = UserRepository()
        uow = UnitOfWork()
        uow.register_repository(User, users)
        service = UserService(uow, users)
        service.create_user("Ann", "ann@example.com")
        uow.commit()
    with step(2, 'service.update_user(1, name="Ann Smith") uow.commit()'):
        service.update_user(1, name="Ann Smith")
        uow.commit()
    with step(3, "(users.get(1).name, users.get(1).email)"):
        expect_equal((users.get(1).name, users.get(1).email), ("Ann Smith", "ann@example.com"))
    with step(4, 'service.update_user(1, email="smith@example.com") uow.commit()'):
        service.update_user(1, email="smith@example.com")
        uow.commit()
    with step(5, "(users.get(1).name, users.get(1).email)"):
        expect_equal((users.get(1).name, users.get(1).email), ("Ann Smith", "smith@example.com"))
    with step(6, "users.find_by_email('smith@example.com').id"):
        expect_equal(users.find_by_email("smith@example.com").id, 1)


@pytest.mark.behaviour("ae9774d7-73ad-4900-a110-7457a4ae23f1", "scenario")
@pytest.mark.timeout(10.0)
def test_delete_user_removes_on_commit_and_rejects_an_unknown_id(solution):
    """Deleting a user that does not exist is a caller error (ValueError); deleting one that does hides it after the commit."""
    User = solution.User
    UserRepository = solution.UserRepository
    UnitOfWork = solution.UnitOfWork
    UserService = solution.UserService
    with step(
        1,
        'users = UserRepository() uow = UnitOfWork() uow.register_repository(User, users) service = UserService(uow, users) service.create_user("Ann", "ann@example.com") service.create_user("Bob", "bob@example.com") uow.commit()',
    ):
        users = UserRepository()
        uow = UnitOfWork()
        uow.register_repository(User, users)
        service = UserService(uow, users)
        service.create_user("Ann", "ann@example.com")
        service.create_user("Bob", "bob@example.com")
        uow.commit()
    with step(2, "service.delete_user(99)", raises=ValueError):
        service.delete_user(99)
    with step(3, "service.delete_user(1) uow.commit()"):
        service.delete_user(1)
        uow.commit()
    with step(4, "users.get(1)"):
        expect_is(users.get(1), None)
    with step(5, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Bob"])


@pytest.mark.behaviour("fa8e686c-ef64-4a20-8bda-2d1d57148041", "scenario")
@pytest.mark.timeout(10.0)
def test_emails_match_exactly_without_case_folding(solution):
    """A duplicate email is an equal string: find_by_email and the uniqueness check must not lower-case or trim, so "Ann@Example.com" is another email than "ann@example.com"."""
    User = solution.User
    UserRepository = solution.UserRepository
    UnitOfWork = solution.UnitOfWork
    UserService = solution.UserService
    with step(
        1,
        'users = UserRepository() uow = UnitOfWork() uow.register_repository(User, users) service = UserService(uow, users) service.create_user("Ann", "ann@example.com") uow.commit()',
    ):
        users = UserRepository()
        uow = UnitOfWork()
        uow.register_repository(User, users)
        service = UserService(uow, users)
        service.create_user("Ann", "ann@example.com")
        uow.commit()
    with step(
        2,
        "[users.find_by_email(email) for email in ['Ann@Example.com', 'ANN@EXAMPLE.COM', ' ann@example.com']]",
    ):
        expect_equal(
            [
                users.find_by_email(email)
                for email in ["Ann@Example.com", "ANN@EXAMPLE.COM", " ann@example.com"]
            ],
            [None, None, None],
        )
    with step(
        3,
        'service.create_user("Other Ann", "Ann@Example.com") service.create_user("Bob", "bob@example.com") service.create_user("Other Bob", "BOB@example.com") uow.commit()',
    ):
        service.create_user("Other Ann", "Ann@Example.com")
        service.create_user("Bob", "bob@example.com")
        service.create_user("Other Bob", "BOB@example.com")
        uow.commit()
    with step(4, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Ann", "Bob", "Other Ann", "Other Bob"])
    with step(5, "users.find_by_email('Ann@Example.com').name"):
        expect_equal(users.find_by_email("Ann@Example.com").name, "Other Ann")
    with step(6, "users.find_by_email('ann@example.com').name"):
        expect_equal(users.find_by_email("ann@example.com").name, "Ann")


@pytest.mark.behaviour("c0ed0289-e085-4ad0-85ec-510ffc1a582c", "scenario")
@pytest.mark.timeout(10.0)
def test_a_missing_repository_is_found_before_any_repository_call(solution):
    """Check, then act: a commit that will fail for a type without a repository must not call add, update or delete on any repository first, even if it would restore them afterwards."""
    UnitOfWorkError = solution.UnitOfWorkError
    User = solution.User
    Order = solution.Order
    UserRepository = solution.UserRepository
    UnitOfWork = solution.UnitOfWork
    with step(
        1,
        'users = recording(UserRepository)() users.add(User(name="Ann", email="ann@example.com")) users.calls.clear() uow = UnitOfWork() uow.register_repository(User, users) uow.register_new(User(name="Cat", email="cat@example.com")) uow.register_dirty(User(id=1, name="Ann Smith", email="ann@example.com")) uow.register_removed(users.get(1)) uow.register_new(Order(user_id=1, total_amount=5.0))',
    ):
        users = recording(UserRepository)()
        users.add(User(name="Ann", email="ann@example.com"))
        users.calls.clear()
        uow = UnitOfWork()
        uow.register_repository(User, users)
        uow.register_new(User(name="Cat", email="cat@example.com"))
        uow.register_dirty(User(id=1, name="Ann Smith", email="ann@example.com"))
        uow.register_removed(users.get(1))
        uow.register_new(Order(user_id=1, total_amount=5.0))
    with step(2, "uow.commit()", raises=UnitOfWorkError):
        uow.commit()
    with step(3, "users.calls"):
        expect_equal(users.calls, [])
    with step(4, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Ann"])


@pytest.mark.behaviour("aadfd448-5057-4030-bdb7-97488006621b", "scenario")
@pytest.mark.timeout(10.0)
def test_services_sharing_a_unit_of_work_see_each_others_pending_users(solution):
    """Uniqueness counts every user registered with the unit of work but not committed, whichever service (or direct register_new) registered it."""
    User = solution.User
    UserRepository = solution.UserRepository
    UnitOfWork = solution.UnitOfWork
    UserService = solution.UserService
    with step(
        1,
        'users = UserRepository() uow = UnitOfWork() uow.register_repository(User, users) first = UserService(uow, users) second = UserService(uow, users) first.create_user("Ann", "ann@example.com")',
    ):
        users = UserRepository()
        uow = UnitOfWork()
        uow.register_repository(User, users)
        first = UserService(uow, users)
        second = UserService(uow, users)
        first.create_user("Ann", "ann@example.com")
    with step(2, 'second.create_user("Another Ann", "ann@example.com")', raises=ValueError):
        second.create_user("Another Ann", "ann@example.com")
    with step(3, 'uow.register_new(User(name="Bob", email="bob@example.com"))'):
        uow.register_new(User(name="Bob", email="bob@example.com"))
    with step(4, 'first.create_user("Another Bob", "bob@example.com")', raises=ValueError):
        first.create_user("Another Bob", "bob@example.com")
    with step(5, "uow.commit()"):
        uow.commit()
    with step(6, "names(users.find_all())"):
        expect_equal(names(users.find_all()), ["Ann", "Bob"])


@pytest.mark.behaviour("ee523c88-8cdc-4166-93b9-440e6d23f9c7", "scenario")
@pytest.mark.timeout(10.0)
def test_an_id_of_0_and_an_empty_name_are_values(solution):
    """Only None means "no id" or "leave this field": an explicit id 0 is kept, and update_user(id, name="") sets the name to the empty string."""
    User = solution.User
    UserRepository = solution.UserRepository
    UnitOfWork = solution.UnitOfWork
    UserService = solution.UserService
    with step(
        1,
        'users = UserRepository() zero = User(id=0, name="Zero", email="zero@example.com") users.add(zero)',
    ):
        users = UserRepository()
        zero = User(id=0, name="Zero", email="zero@example.com")
        users.add(zero)
    with step(2, "zero.id"):
        expect_equal(zero.id, 0)
    with step(3, "users.get(0).name"):
        expect_equal(users.get(0).name, "Zero")
    with step(
        4,
        'uow = UnitOfWork() uow.register_repository(User, users) service = UserService(uow, users) ann = service.create_user("Ann", "ann@example.com") uow.commit()',
    ):
        uow = UnitOfWork()
        uow.register_repository(User, users)
        service = UserService(uow, users)
        ann = service.create_user("Ann", "ann@example.com")
        uow.commit()
    with step(5, "ann.id != 0 and users.get(0).name == 'Zero'"):
        expect_is(ann.id != 0 and users.get(0).name == "Zero", True)
    with step(6, 'service.update_user(ann.id, name="", email="") uow.commit()'):
        service.update_user(ann.id, name="", email="")
        uow.commit()
    with step(7, "(users.get(ann.id).name, users.get(ann.id).email)"):
        expect_equal((users.get(ann.id).name, users.get(ann.id).email), ("", ""))


@pytest.mark.behaviour("ff9bc54a-2e67-46cc-8be7-3b183b67b675", "property")
@pytest.mark.timeout(60.0)
def test_repository_behaves_like_a_list_of_named_users(solution):
    """Any mix of adds (with and without explicit ids) and deletions must keep every live user readable by its id, hide the deleted ones and never give two users one id."""
    User = solution.User
    UserRepository = solution.UserRepository
    UnitOfWork = solution.UnitOfWork

    class Model:
        def __init__(self):
            self.names = []
            self.deleted = []

        def add(self):
            self.names.append(f"user{len(self.names)}")
            self.deleted.append(False)

        def add_with_id(self, wanted):
            self.add()
            return True

        def delete(self, slot):
            if self.names:
                self.deleted[slot % len(self.names)] = True
            return None

        def visible(self):
            return [
                None if gone else name for name, gone in zip(self.names, self.deleted, strict=True)
            ]

        def listed(self):
            return sorted(
                name for name, gone in zip(self.names, self.deleted, strict=True) if not gone
            )

    class Machine(ModelMachine):
        @initialize()
        def start(self):
            self.begin(
                lambda: RepositoryHarness(User, UserRepository, UnitOfWork),
                lambda: Model(),
                "RepositoryHarness(User, UserRepository, UnitOfWork)",
            )

        @rule()
        def rule_1_add(self):
            self.apply(
                "add()",
                lambda target: target.add(),
                compare=True,
            )

        @rule(wanted=st.integers(min_value=1, max_value=6))
        def rule_2_add_with_id(self, wanted):
            self.apply(
                "add_with_id(wanted)",
                lambda target: target.add_with_id(wanted),
                wanted=wanted,
                compare=True,
            )

        @rule(slot=st.integers(min_value=0, max_value=9))
        def rule_3_delete(self, slot):
            self.apply(
                "delete(slot)",
                lambda target: target.delete(slot),
                slot=slot,
                compare=True,
            )

        @invariant()
        def invariant_1(self):
            self.holds(
                "subject.visible() == model.visible()",
                lambda subject, model: subject.visible() == model.visible(),
                sides=lambda subject, model: (subject.visible(), model.visible()),
                equality=True,
            )

        @invariant()
        def invariant_2(self):
            self.holds(
                "subject.listed() == model.listed()",
                lambda subject, model: subject.listed() == model.listed(),
                sides=lambda subject, model: (subject.listed(), model.listed()),
                equality=True,
            )

        @invariant()
        def invariant_3(self):
            self.holds(
                "len({user.id for user in subject.users}) == len(subject.users)",
                lambda subject, model: (
                    len({user.id for user in subject.users}) == len(subject.users)
                ),
                sides=lambda subject, model: (
                    len({user.id for user in subject.users}),
                    len(subject.users),
                ),
                equality=True,
            )

    run_model_machine(Machine, examples=60, steps=20)
