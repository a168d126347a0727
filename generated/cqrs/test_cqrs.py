# Generated from specs/cqrs/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 6259d7ec94ce1a4f81652648575b14db9cfde137feed853fef7c5aa4ba75f705
"""Conformance suite for the cqrs kata: one test per behaviour of its spec.

Run it with `kata check cqrs` or `pytest generated/cqrs --impl PATH`.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import strategies as st

from katakit.testing import (
    ModelMachine,
    expect_equal,
    expect_is,
    expect_true,
    initialize,
    rule,
    run_model_machine,
    step,
)


class Handler:
    """A stand-in handler: records every message it gets and returns `result`.

    It is callable and has handle(message), so a bus may use either convention.
    """

    def __init__(self, result=None):
        self.result = result
        self.received = []

    def handle(self, message):
        self.received.append(message)
        return self.result

    def __call__(self, message):
        return self.handle(message)


class UnknownCommand:
    """A command type nobody registered."""


class UnknownQuery:
    """A query type nobody registered."""


def ids(views):
    """The user ids of a list of read models."""
    return [view.user_id for view in views]


pytestmark = pytest.mark.kata(
    "cqrs",
    classes=[
        "CreateUserCommand",
        "UpdateUserCommand",
        "GetUserQuery",
        "GetUsersByEmailQuery",
        "DomainEvent",
        "UserCreatedEvent",
        "UserUpdatedEvent",
        "User",
        "UserReadModel",
        "CQRSBus",
    ],
    exceptions=["HandlerNotFoundError"],
    functions=["bootstrap"],
)


@pytest.mark.behaviour("e53fd61c-164c-42f5-a01e-a8dcfed77994", "scenario")
@pytest.mark.timeout(10.0)
def test_create_user_command_holds_name_email_and_a_fresh_command_id(solution):
    """Commands are the write side's input; each needs its own id so it can be traced and de-duplicated."""
    CreateUserCommand = solution.CreateUserCommand
    with step(1, 'first = CreateUserCommand("Ada", "ada@example.com")'):
        first = CreateUserCommand("Ada", "ada@example.com")
    with step(2, "(first.name, first.email)"):
        expect_equal((first.name, first.email), ("Ada", "ada@example.com"))
    with step(3, 'second = CreateUserCommand(name="Ada", email="ada@example.com")'):
        second = CreateUserCommand(name="Ada", email="ada@example.com")
    with step(4, "first.command_id is not None and first.command_id != ''"):
        expect_true(first.command_id is not None and first.command_id != "")
    with step(5, "first.command_id != second.command_id"):
        expect_is(first.command_id != second.command_id, True)


@pytest.mark.behaviour("41a8a8ec-1907-4f0c-8ab1-8da1fe60c2e5", "scenario")
@pytest.mark.timeout(10.0)
def test_update_user_command_defaults_name_and_email_to_none(solution):
    """An update names only what changes; None means "keep", and each command still gets its own id."""
    UpdateUserCommand = solution.UpdateUserCommand
    with step(1, 'bare = UpdateUserCommand("user-1")'):
        bare = UpdateUserCommand("user-1")
    with step(2, "(bare.user_id, bare.name, bare.email)"):
        expect_equal((bare.user_id, bare.name, bare.email), ("user-1", None, None))
    with step(3, 'renamed = UpdateUserCommand("user-1", name="Bo")'):
        renamed = UpdateUserCommand("user-1", name="Bo")
    with step(4, "(renamed.name, renamed.email)"):
        expect_equal((renamed.name, renamed.email), ("Bo", None))
    with step(5, 'both = UpdateUserCommand("user-1", "Bo", "bo@example.com")'):
        both = UpdateUserCommand("user-1", "Bo", "bo@example.com")
    with step(6, "(both.name, both.email)"):
        expect_equal((both.name, both.email), ("Bo", "bo@example.com"))
    with step(7, "bare.command_id is not None and bare.command_id != renamed.command_id"):
        expect_is(bare.command_id is not None and bare.command_id != renamed.command_id, True)


@pytest.mark.behaviour("fd0c7e22-c78f-4b66-b0a2-646ec06f0f1a", "scenario")
@pytest.mark.timeout(10.0)
def test_queries_hold_what_they_ask_for(solution):
    """Queries are plain request objects; the bus routes them by type and the handler reads their fields."""
    GetUserQuery = solution.GetUserQuery
    GetUsersByEmailQuery = solution.GetUsersByEmailQuery
    with step(1, "GetUserQuery('user-1').user_id"):
        expect_equal(GetUserQuery("user-1").user_id, "user-1")
    with step(2, "GetUserQuery(user_id='user-2').user_id"):
        expect_equal(GetUserQuery(user_id="user-2").user_id, "user-2")
    with step(3, "GetUsersByEmailQuery('ada@example.com').email"):
        expect_equal(GetUsersByEmailQuery("ada@example.com").email, "ada@example.com")


@pytest.mark.behaviour("565825c0-85ea-4660-a1e1-5667b7979720", "scenario")
@pytest.mark.timeout(10.0)
def test_domain_events_carry_id_aggregate_timestamp_and_version(solution):
    """Events are the only link between the write and read sides; their fields and order are the contract the catalogue names."""
    DomainEvent = solution.DomainEvent
    UserCreatedEvent = solution.UserCreatedEvent
    UserUpdatedEvent = solution.UserUpdatedEvent
    with step(1, "stamp = datetime(2024, 1, 2, 3, 4, 5)"):
        stamp = datetime(2024, 1, 2, 3, 4, 5)
    with step(2, 'base = DomainEvent("event-1", "user-1", stamp, 1)'):
        base = DomainEvent("event-1", "user-1", stamp, 1)
    with step(3, "(base.event_id, base.aggregate_id, base.timestamp, base.version)"):
        expect_equal(
            (base.event_id, base.aggregate_id, base.timestamp, base.version),
            ("event-1", "user-1", stamp, 1),
        )
    with step(
        4, 'created = UserCreatedEvent("event-2", "user-1", stamp, 1, "Ada", "ada@example.com")'
    ):
        created = UserCreatedEvent("event-2", "user-1", stamp, 1, "Ada", "ada@example.com")
    with step(5, "isinstance(created, DomainEvent)"):
        expect_is(isinstance(created, DomainEvent), True)
    with step(6, "(created.aggregate_id, created.version, created.name, created.email)"):
        expect_equal(
            (created.aggregate_id, created.version, created.name, created.email),
            ("user-1", 1, "Ada", "ada@example.com"),
        )
    with step(7, 'updated = UserUpdatedEvent("event-3", "user-1", stamp, 2)'):
        updated = UserUpdatedEvent("event-3", "user-1", stamp, 2)
    with step(8, "isinstance(updated, DomainEvent)"):
        expect_is(isinstance(updated, DomainEvent), True)
    with step(9, "(updated.version, updated.name, updated.email)"):
        expect_equal((updated.version, updated.name, updated.email), (2, None, None))
    with step(
        10,
        "UserUpdatedEvent(event_id='event-4', aggregate_id='user-1', timestamp=stamp, version=3, email='new@example.com').email",
    ):
        expect_equal(
            UserUpdatedEvent(
                event_id="event-4",
                aggregate_id="user-1",
                timestamp=stamp,
                version=3,
                email="new@example.com",
            ).email,
            "new@example.com",
        )


@pytest.mark.behaviour("1b8bf29c-966b-4601-9825-14fa90d8a8fe", "scenario")
@pytest.mark.timeout(10.0)
def test_user_read_model_holds_id_name_email_and_timestamps(solution):
    """The read model is what queries hand out; its five fields are named by the catalogue."""
    UserReadModel = solution.UserReadModel
    with step(
        1,
        'created = datetime(2024, 1, 2, 3, 4, 5) changed = datetime(2024, 2, 3, 4, 5, 6) view = UserReadModel("user-1", "Ada", "ada@example.com", created, changed)',
    ):
        created = datetime(2024, 1, 2, 3, 4, 5)
        changed = datetime(2024, 2, 3, 4, 5, 6)
        view = UserReadModel("user-1", "Ada", "ada@example.com", created, changed)
    with step(2, "(view.user_id, view.name, view.email, view.created_at, view.updated_at)"):
        expect_equal(
            (view.user_id, view.name, view.email, view.created_at, view.updated_at),
            ("user-1", "Ada", "ada@example.com", created, changed),
        )
    with step(
        3,
        "UserReadModel(user_id='u', name='n', email='e', created_at=created, updated_at=changed).updated_at",
    ):
        expect_equal(
            UserReadModel(
                user_id="u", name="n", email="e", created_at=created, updated_at=changed
            ).updated_at,
            changed,
        )


@pytest.mark.behaviour("2476f178-bdd1-4539-b2c3-59544fafc1d5", "scenario")
@pytest.mark.timeout(10.0)
def test_user_create_starts_at_version_one_with_one_created_event(solution):
    """A new aggregate is version 1 and announces its birth with exactly one UserCreatedEvent carrying its data."""
    UserCreatedEvent = solution.UserCreatedEvent
    User = solution.User
    with step(1, 'user = User.create("Ada", "ada@example.com")'):
        user = User.create("Ada", "ada@example.com")
    with step(2, "user.version"):
        expect_equal(user.version, 1)
    with step(3, "events = user.get_uncommitted_events()"):
        events = user.get_uncommitted_events()
    with step(4, "len(events)"):
        expect_equal(len(events), 1)
    with step(5, "isinstance(events[0], UserCreatedEvent)"):
        expect_is(isinstance(events[0], UserCreatedEvent), True)
    with step(6, "(events[0].version, events[0].name, events[0].email)"):
        expect_equal(
            (events[0].version, events[0].name, events[0].email), (1, "Ada", "ada@example.com")
        )
    with step(7, "events[0].aggregate_id is not None"):
        expect_is(events[0].aggregate_id is not None, True)


@pytest.mark.behaviour("498349f9-84d8-492c-a66a-28daac239313", "scenario")
@pytest.mark.timeout(10.0)
def test_user_update_bumps_the_version_and_queues_one_updated_event(solution):
    """Every change is one new version and one event about the same aggregate, and committed events are not published twice."""
    UserUpdatedEvent = solution.UserUpdatedEvent
    User = solution.User
    with step(1, 'user = User.create("Ada", "ada@example.com")'):
        user = User.create("Ada", "ada@example.com")
    with step(2, "aggregate_id = user.get_uncommitted_events()[0].aggregate_id"):
        aggregate_id = user.get_uncommitted_events()[0].aggregate_id
    with step(3, "user.mark_events_committed()"):
        user.mark_events_committed()
    with step(4, "len(user.get_uncommitted_events())"):
        expect_equal(len(user.get_uncommitted_events()), 0)
    with step(5, 'user.update(name="Ada Lovelace")'):
        user.update(name="Ada Lovelace")
    with step(6, "user.version"):
        expect_equal(user.version, 2)
    with step(7, "events = user.get_uncommitted_events()"):
        events = user.get_uncommitted_events()
    with step(8, "len(events)"):
        expect_equal(len(events), 1)
    with step(9, "isinstance(events[0], UserUpdatedEvent)"):
        expect_is(isinstance(events[0], UserUpdatedEvent), True)
    with step(10, "(events[0].aggregate_id, events[0].version, events[0].name)"):
        expect_equal(
            (events[0].aggregate_id, events[0].version, events[0].name),
            (aggregate_id, 2, "Ada Lovelace"),
        )


@pytest.mark.behaviour("43fbcacc-531f-478a-b5ff-93433d327d8a", "scenario")
@pytest.mark.timeout(10.0)
def test_uncommitted_events_accumulate_in_order_until_committed(solution):
    """The write side publishes the pending events in order and then forgets them; losing or reordering one corrupts the read side."""
    User = solution.User
    with step(
        1,
        'user = User.create("Ada", "ada@example.com") user.update(email="ada@lovelace.org") user.update(name="Countess")',
    ):
        user = User.create("Ada", "ada@example.com")
        user.update(email="ada@lovelace.org")
        user.update(name="Countess")
    with step(2, "user.version"):
        expect_equal(user.version, 3)
    with step(3, "events = user.get_uncommitted_events()"):
        events = user.get_uncommitted_events()
    with step(4, "[type(event).__name__ for event in events]"):
        expect_equal(
            [type(event).__name__ for event in events],
            ["UserCreatedEvent", "UserUpdatedEvent", "UserUpdatedEvent"],
        )
    with step(5, "[event.version for event in events]"):
        expect_equal([event.version for event in events], [1, 2, 3])
    with step(6, "len({event.aggregate_id for event in events})"):
        expect_equal(len({event.aggregate_id for event in events}), 1)
    with step(7, "len({event.event_id for event in events})"):
        expect_equal(len({event.event_id for event in events}), 3)
    with step(8, "user.mark_events_committed()"):
        user.mark_events_committed()
    with step(9, "len(user.get_uncommitted_events())"):
        expect_equal(len(user.get_uncommitted_events()), 0)


@pytest.mark.behaviour("e93ff6b7-b1c4-46a0-9fdf-76dc9e7b046a", "scenario")
@pytest.mark.timeout(10.0)
def test_bus_routes_each_message_to_the_handler_registered_for_its_type(solution):
    """The bus is a router; it must hand the very message to its type's handler and give back the handler's result."""
    CreateUserCommand = solution.CreateUserCommand
    UpdateUserCommand = solution.UpdateUserCommand
    GetUserQuery = solution.GetUserQuery
    CQRSBus = solution.CQRSBus
    with step(
        1,
        'bus = CQRSBus() creates = Handler("new-id") updates = Handler("updated") gets = Handler("a view") bus.register_command_handler(CreateUserCommand, creates) bus.register_command_handler(UpdateUserCommand, updates) bus.register_query_handler(GetUserQuery, gets) command = CreateUserCommand("Ada", "ada@example.com") query = GetUserQuery("user-1")',
    ):
        bus = CQRSBus()
        creates = Handler("new-id")
        updates = Handler("updated")
        gets = Handler("a view")
        bus.register_command_handler(CreateUserCommand, creates)
        bus.register_command_handler(UpdateUserCommand, updates)
        bus.register_query_handler(GetUserQuery, gets)
        command = CreateUserCommand("Ada", "ada@example.com")
        query = GetUserQuery("user-1")
    with step(2, "bus.send_command(command)"):
        expect_equal(bus.send_command(command), "new-id")
    with step(3, "len(creates.received) == 1 and creates.received[0] is command"):
        expect_is(len(creates.received) == 1 and creates.received[0] is command, True)
    with step(4, "updates.received"):
        expect_equal(updates.received, [])
    with step(5, "bus.send_query(query)"):
        expect_equal(bus.send_query(query), "a view")
    with step(6, "len(gets.received) == 1 and gets.received[0] is query"):
        expect_is(len(gets.received) == 1 and gets.received[0] is query, True)


@pytest.mark.behaviour("f7a4638d-c2a7-46c1-b65d-e86c53ae4fae", "scenario")
@pytest.mark.timeout(10.0)
def test_an_unregistered_type_raises_handler_not_found_error_a_lookup_error(solution):
    """An unrouted message is a wiring bug; it must fail loudly with the catalogue's exception, which callers may catch as LookupError."""
    HandlerNotFoundError = solution.HandlerNotFoundError
    CreateUserCommand = solution.CreateUserCommand
    UpdateUserCommand = solution.UpdateUserCommand
    GetUserQuery = solution.GetUserQuery
    GetUsersByEmailQuery = solution.GetUsersByEmailQuery
    CQRSBus = solution.CQRSBus
    with step(1, "bus = CQRSBus()"):
        bus = CQRSBus()
    with step(
        2,
        'bus.send_command(CreateUserCommand("Ada", "ada@example.com"))',
        raises=HandlerNotFoundError,
    ):
        bus.send_command(CreateUserCommand("Ada", "ada@example.com"))
    with step(3, 'bus.send_query(GetUserQuery("user-1"))', raises=HandlerNotFoundError):
        bus.send_query(GetUserQuery("user-1"))
    with step(4, "issubclass(HandlerNotFoundError, LookupError)"):
        expect_is(issubclass(HandlerNotFoundError, LookupError), True)
    with step(5, "bus.register_command_handler(CreateUserCommand, Handler())"):
        bus.register_command_handler(CreateUserCommand, Handler())
    with step(
        6, 'bus.send_command(UpdateUserCommand("user-1", name="Bo"))', raises=HandlerNotFoundError
    ):
        bus.send_command(UpdateUserCommand("user-1", name="Bo"))
    with step(7, 'bus.send_query(GetUsersByEmailQuery("ada@example.com"))', raises=LookupError):
        bus.send_query(GetUsersByEmailQuery("ada@example.com"))


@pytest.mark.behaviour("3e5c7144-6df4-4059-8a32-6298475bb651", "scenario")
@pytest.mark.timeout(10.0)
def test_commands_and_queries_have_separate_registries(solution):
    """Segregation is the point of CQRS; a query handler must never run for send_command, nor a command handler for send_query."""
    HandlerNotFoundError = solution.HandlerNotFoundError
    CreateUserCommand = solution.CreateUserCommand
    GetUserQuery = solution.GetUserQuery
    CQRSBus = solution.CQRSBus
    with step(
        1,
        'bus = CQRSBus() gets = Handler("a view") creates = Handler("new-id") bus.register_query_handler(GetUserQuery, gets) bus.register_command_handler(CreateUserCommand, creates)',
    ):
        bus = CQRSBus()
        gets = Handler("a view")
        creates = Handler("new-id")
        bus.register_query_handler(GetUserQuery, gets)
        bus.register_command_handler(CreateUserCommand, creates)
    with step(2, 'bus.send_command(GetUserQuery("user-1"))', raises=HandlerNotFoundError):
        bus.send_command(GetUserQuery("user-1"))
    with step(
        3,
        'bus.send_query(CreateUserCommand("Ada", "ada@example.com"))',
        raises=HandlerNotFoundError,
    ):
        bus.send_query(CreateUserCommand("Ada", "ada@example.com"))
    with step(4, "(gets.received, creates.received)"):
        expect_equal((gets.received, creates.received), ([], []))


@pytest.mark.behaviour("890ba31b-c3fb-40b9-93a9-4a77d69d209a", "scenario")
@pytest.mark.timeout(10.0)
def test_the_bootstrapped_bus_rejects_unknown_message_types(solution):
    """The composition root registers exactly the four user handlers; anything else is a HandlerNotFoundError, not a crash elsewhere."""
    HandlerNotFoundError = solution.HandlerNotFoundError
    bootstrap = solution.bootstrap
    with step(1, "bus = bootstrap()"):
        bus = bootstrap()
    with step(2, "bus.send_command(UnknownCommand())", raises=HandlerNotFoundError):
        bus.send_command(UnknownCommand())
    with step(3, "bus.send_query(UnknownQuery())", raises=HandlerNotFoundError):
        bus.send_query(UnknownQuery())


@pytest.mark.behaviour("a2455581-36f2-4781-9645-82c3c1df1a98", "scenario")
@pytest.mark.timeout(10.0)
def test_a_created_user_is_queryable_at_once(solution):
    """The read model must exist as soon as the create command returns; an event bus that never reaches the projection (the source guide's looked handlers up by a class name while they were subscribed by class) saves the user but leaves the read side empty."""
    CreateUserCommand = solution.CreateUserCommand
    GetUserQuery = solution.GetUserQuery
    UserReadModel = solution.UserReadModel
    bootstrap = solution.bootstrap
    with step(1, "bus = bootstrap()"):
        bus = bootstrap()
    with step(2, 'user_id = bus.send_command(CreateUserCommand("Ada", "ada@example.com"))'):
        user_id = bus.send_command(CreateUserCommand("Ada", "ada@example.com"))
    with step(3, "user_id is not None"):
        expect_is(user_id is not None, True)
    with step(4, "view = bus.send_query(GetUserQuery(user_id))"):
        view = bus.send_query(GetUserQuery(user_id))
    with step(5, "view is not None"):
        expect_is(view is not None, True)
    with step(6, "isinstance(view, UserReadModel)"):
        expect_is(isinstance(view, UserReadModel), True)
    with step(7, "(view.user_id, view.name, view.email)"):
        expect_equal((view.user_id, view.name, view.email), (user_id, "Ada", "ada@example.com"))
    with step(8, "view.updated_at >= view.created_at"):
        expect_is(view.updated_at >= view.created_at, True)


@pytest.mark.behaviour("96ee2ad5-f7f6-4380-974e-ff190abef47a", "scenario")
@pytest.mark.timeout(10.0)
def test_each_created_user_gets_its_own_id(solution):
    """Ids identify aggregates; two users must never share one or see each other's data."""
    CreateUserCommand = solution.CreateUserCommand
    GetUserQuery = solution.GetUserQuery
    bootstrap = solution.bootstrap
    with step(
        1,
        'bus = bootstrap() ada = bus.send_command(CreateUserCommand("Ada", "ada@example.com")) bob = bus.send_command(CreateUserCommand("Bob", "bob@example.com"))',
    ):
        bus = bootstrap()
        ada = bus.send_command(CreateUserCommand("Ada", "ada@example.com"))
        bob = bus.send_command(CreateUserCommand("Bob", "bob@example.com"))
    with step(2, "ada != bob"):
        expect_is(ada != bob, True)
    with step(3, "bus.send_query(GetUserQuery(ada)).name"):
        expect_equal(bus.send_query(GetUserQuery(ada)).name, "Ada")
    with step(4, "bus.send_query(GetUserQuery(bob)).name"):
        expect_equal(bus.send_query(GetUserQuery(bob)).name, "Bob")


@pytest.mark.behaviour("e2f5880e-30bf-4548-8d31-d61fde128d23", "scenario")
@pytest.mark.timeout(10.0)
def test_update_user_changes_only_the_given_fields_in_the_read_model(solution):
    """The projection must apply each update to the read model, and None in a command means "keep", not "erase"."""
    CreateUserCommand = solution.CreateUserCommand
    UpdateUserCommand = solution.UpdateUserCommand
    GetUserQuery = solution.GetUserQuery
    bootstrap = solution.bootstrap
    with step(
        1,
        'bus = bootstrap() user_id = bus.send_command(CreateUserCommand("Cleo", "cleo@example.com")) bus.send_command(UpdateUserCommand(user_id, name="Cleopatra"))',
    ):
        bus = bootstrap()
        user_id = bus.send_command(CreateUserCommand("Cleo", "cleo@example.com"))
        bus.send_command(UpdateUserCommand(user_id, name="Cleopatra"))
    with step(2, "view = bus.send_query(GetUserQuery(user_id))"):
        view = bus.send_query(GetUserQuery(user_id))
    with step(3, "(view.name, view.email)"):
        expect_equal((view.name, view.email), ("Cleopatra", "cleo@example.com"))
    with step(4, 'bus.send_command(UpdateUserCommand(user_id, email="queen@example.com"))'):
        bus.send_command(UpdateUserCommand(user_id, email="queen@example.com"))
    with step(5, "view = bus.send_query(GetUserQuery(user_id))"):
        view = bus.send_query(GetUserQuery(user_id))
    with step(6, "(view.user_id, view.name, view.email)"):
        expect_equal(
            (view.user_id, view.name, view.email), (user_id, "Cleopatra", "queen@example.com")
        )


@pytest.mark.behaviour("fdf054ef-b7c9-4012-9c63-c3fa57705e68", "scenario")
@pytest.mark.timeout(10.0)
def test_update_user_sets_a_new_updated_at_and_keeps_created_at(solution):
    """updated_at tells readers how fresh a row is. No clock is injectable in this kata (bootstrap() takes none), so without sleeping 'changed' is checked as: after the update, updated_at is a newly set value (`is not` the old one) that is not earlier than before, and created_at is unchanged."""
    CreateUserCommand = solution.CreateUserCommand
    UpdateUserCommand = solution.UpdateUserCommand
    GetUserQuery = solution.GetUserQuery
    bootstrap = solution.bootstrap
    with step(
        1,
        'bus = bootstrap() user_id = bus.send_command(CreateUserCommand("Dora", "dora@example.com")) before = bus.send_query(GetUserQuery(user_id))',
    ):
        bus = bootstrap()
        user_id = bus.send_command(CreateUserCommand("Dora", "dora@example.com"))
        before = bus.send_query(GetUserQuery(user_id))
    with step(2, "before is not None"):
        expect_is(before is not None, True)
    with step(3, "created_at, updated_at = before.created_at, before.updated_at"):
        created_at, updated_at = before.created_at, before.updated_at
    with step(4, 'bus.send_command(UpdateUserCommand(user_id, name="Dorothy"))'):
        bus.send_command(UpdateUserCommand(user_id, name="Dorothy"))
    with step(5, "after = bus.send_query(GetUserQuery(user_id))"):
        after = bus.send_query(GetUserQuery(user_id))
    with step(6, "after.name"):
        expect_equal(after.name, "Dorothy")
    with step(7, "after.updated_at is not updated_at"):
        expect_is(after.updated_at is not updated_at, True)
    with step(8, "after.updated_at >= updated_at"):
        expect_is(after.updated_at >= updated_at, True)
    with step(9, "after.created_at == created_at"):
        expect_is(after.created_at == created_at, True)
    with step(10, "after.updated_at >= after.created_at"):
        expect_is(after.updated_at >= after.created_at, True)


@pytest.mark.behaviour("e2525698-8562-42d2-b725-3bc7aa9082a6", "scenario")
@pytest.mark.timeout(10.0)
def test_users_by_email_query_returns_a_list(solution):
    """A query for a non-unique key returns a collection; callers iterate it, even when it holds one user or none."""
    CreateUserCommand = solution.CreateUserCommand
    GetUsersByEmailQuery = solution.GetUsersByEmailQuery
    bootstrap = solution.bootstrap
    with step(
        1,
        'bus = bootstrap() user_id = bus.send_command(CreateUserCommand("Eve", "eve@example.com")) found = bus.send_query(GetUsersByEmailQuery("eve@example.com"))',
    ):
        bus = bootstrap()
        user_id = bus.send_command(CreateUserCommand("Eve", "eve@example.com"))
        found = bus.send_query(GetUsersByEmailQuery("eve@example.com"))
    with step(2, "isinstance(found, list)"):
        expect_is(isinstance(found, list), True)
    with step(3, "ids(found)"):
        expect_equal(ids(found), [user_id])
    with step(4, "found[0].name"):
        expect_equal(found[0].name, "Eve")
    with step(5, "bus.send_query(GetUsersByEmailQuery('nobody@example.com'))"):
        expect_equal(bus.send_query(GetUsersByEmailQuery("nobody@example.com")), [])


@pytest.mark.behaviour("3b862bfd-0d69-41ca-b914-ae7a647b060a", "scenario")
@pytest.mark.timeout(10.0)
def test_a_duplicate_email_is_rejected_on_create(solution):
    """Email uniqueness is a write-side invariant; the second registration must raise ValueError and leave no trace on either side."""
    CreateUserCommand = solution.CreateUserCommand
    GetUserQuery = solution.GetUserQuery
    GetUsersByEmailQuery = solution.GetUsersByEmailQuery
    bootstrap = solution.bootstrap
    with step(
        1,
        'bus = bootstrap() first = bus.send_command(CreateUserCommand("Finn", "finn@example.com"))',
    ):
        bus = bootstrap()
        first = bus.send_command(CreateUserCommand("Finn", "finn@example.com"))
    with step(
        2, 'bus.send_command(CreateUserCommand("Impostor", "finn@example.com"))', raises=ValueError
    ):
        bus.send_command(CreateUserCommand("Impostor", "finn@example.com"))
    with step(3, "ids(bus.send_query(GetUsersByEmailQuery('finn@example.com')))"):
        expect_equal(ids(bus.send_query(GetUsersByEmailQuery("finn@example.com"))), [first])
    with step(4, "bus.send_query(GetUserQuery(first)).name"):
        expect_equal(bus.send_query(GetUserQuery(first)).name, "Finn")


@pytest.mark.behaviour("9941c692-3abf-4842-b48f-774842610907", "scenario")
@pytest.mark.timeout(10.0)
def test_an_update_to_another_users_email_is_rejected_and_changes_nothing(solution):
    """The uniqueness rule applies to updates too; the command must be checked before anything changes, so the name in the same command is not applied either."""
    CreateUserCommand = solution.CreateUserCommand
    UpdateUserCommand = solution.UpdateUserCommand
    GetUserQuery = solution.GetUserQuery
    GetUsersByEmailQuery = solution.GetUsersByEmailQuery
    bootstrap = solution.bootstrap
    with step(
        1,
        'bus = bootstrap() gus = bus.send_command(CreateUserCommand("Gus", "gus@example.com")) hal = bus.send_command(CreateUserCommand("Hal", "hal@example.com"))',
    ):
        bus = bootstrap()
        gus = bus.send_command(CreateUserCommand("Gus", "gus@example.com"))
        hal = bus.send_command(CreateUserCommand("Hal", "hal@example.com"))
    with step(
        2,
        'bus.send_command(UpdateUserCommand(hal, name="Hal 9000", email="gus@example.com"))',
        raises=ValueError,
    ):
        bus.send_command(UpdateUserCommand(hal, name="Hal 9000", email="gus@example.com"))
    with step(3, "view = bus.send_query(GetUserQuery(hal))"):
        view = bus.send_query(GetUserQuery(hal))
    with step(4, "(view.name, view.email)"):
        expect_equal((view.name, view.email), ("Hal", "hal@example.com"))
    with step(5, "ids(bus.send_query(GetUsersByEmailQuery('gus@example.com')))"):
        expect_equal(ids(bus.send_query(GetUsersByEmailQuery("gus@example.com"))), [gus])
    with step(6, 'bus.send_command(UpdateUserCommand(hal, name="Hal 9000"))'):
        bus.send_command(UpdateUserCommand(hal, name="Hal 9000"))
    with step(7, "bus.send_query(GetUserQuery(hal)).email"):
        expect_equal(bus.send_query(GetUserQuery(hal)).email, "hal@example.com")


@pytest.mark.behaviour("e6bc5427-4b80-4e32-b351-0d60d141498a", "scenario")
@pytest.mark.timeout(10.0)
def test_an_update_to_the_users_own_email_is_allowed(solution):
    """Only an email another user has is a conflict (catalogue clarification); re-sending your own email with a new name must succeed."""
    CreateUserCommand = solution.CreateUserCommand
    UpdateUserCommand = solution.UpdateUserCommand
    GetUserQuery = solution.GetUserQuery
    GetUsersByEmailQuery = solution.GetUsersByEmailQuery
    bootstrap = solution.bootstrap
    with step(
        1,
        'bus = bootstrap() ivy = bus.send_command(CreateUserCommand("Ivy", "ivy@example.com")) bus.send_command(UpdateUserCommand(ivy, name="Ivy League", email="ivy@example.com"))',
    ):
        bus = bootstrap()
        ivy = bus.send_command(CreateUserCommand("Ivy", "ivy@example.com"))
        bus.send_command(UpdateUserCommand(ivy, name="Ivy League", email="ivy@example.com"))
    with step(2, "view = bus.send_query(GetUserQuery(ivy))"):
        view = bus.send_query(GetUserQuery(ivy))
    with step(3, "(view.name, view.email)"):
        expect_equal((view.name, view.email), ("Ivy League", "ivy@example.com"))
    with step(4, "ids(bus.send_query(GetUsersByEmailQuery('ivy@example.com')))"):
        expect_equal(ids(bus.send_query(GetUsersByEmailQuery("ivy@example.com"))), [ivy])


@pytest.mark.behaviour("f3d0adea-8322-4158-9342-15e152b443ec", "scenario")
@pytest.mark.timeout(10.0)
def test_an_email_freed_by_an_update_can_be_registered_again(solution):
    """After a user moves to a new email, the old one belongs to nobody; both the write side's uniqueness check and the read side's email index must forget it."""
    CreateUserCommand = solution.CreateUserCommand
    UpdateUserCommand = solution.UpdateUserCommand
    GetUsersByEmailQuery = solution.GetUsersByEmailQuery
    bootstrap = solution.bootstrap
    with step(
        1,
        'bus = bootstrap() jan = bus.send_command(CreateUserCommand("Jan", "jan@example.com")) bus.send_command(UpdateUserCommand(jan, email="jan@work.example.com"))',
    ):
        bus = bootstrap()
        jan = bus.send_command(CreateUserCommand("Jan", "jan@example.com"))
        bus.send_command(UpdateUserCommand(jan, email="jan@work.example.com"))
    with step(2, "bus.send_query(GetUsersByEmailQuery('jan@example.com'))"):
        expect_equal(bus.send_query(GetUsersByEmailQuery("jan@example.com")), [])
    with step(3, "ids(bus.send_query(GetUsersByEmailQuery('jan@work.example.com')))"):
        expect_equal(ids(bus.send_query(GetUsersByEmailQuery("jan@work.example.com"))), [jan])
    with step(4, 'kim = bus.send_command(CreateUserCommand("Kim", "jan@example.com"))'):
        kim = bus.send_command(CreateUserCommand("Kim", "jan@example.com"))
    with step(5, "ids(bus.send_query(GetUsersByEmailQuery('jan@example.com')))"):
        expect_equal(ids(bus.send_query(GetUsersByEmailQuery("jan@example.com"))), [kim])


@pytest.mark.behaviour("ddc0c018-4e17-4a68-9ad1-64172560e928", "scenario")
@pytest.mark.timeout(10.0)
def test_an_unknown_user_id_gives_none_from_get_user_query(solution):
    """Absence is an ordinary answer for a query; it must be None, not an exception or an empty object."""
    CreateUserCommand = solution.CreateUserCommand
    GetUserQuery = solution.GetUserQuery
    bootstrap = solution.bootstrap
    with step(1, 'bus = bootstrap() bus.send_command(CreateUserCommand("Lea", "lea@example.com"))'):
        bus = bootstrap()
        bus.send_command(CreateUserCommand("Lea", "lea@example.com"))
    with step(2, "bus.send_query(GetUserQuery('no-such-user'))"):
        expect_is(bus.send_query(GetUserQuery("no-such-user")), None)


@pytest.mark.behaviour("9e54016b-0799-40ca-ac22-f962a226065c", "scenario")
@pytest.mark.timeout(10.0)
def test_updating_an_unknown_user_raises_value_error(solution):
    """A command for a user who does not exist must be refused loudly, not silently ignored, and must create nothing."""
    CreateUserCommand = solution.CreateUserCommand
    UpdateUserCommand = solution.UpdateUserCommand
    GetUserQuery = solution.GetUserQuery
    GetUsersByEmailQuery = solution.GetUsersByEmailQuery
    bootstrap = solution.bootstrap
    with step(1, "bus = bootstrap()"):
        bus = bootstrap()
    with step(
        2, 'bus.send_command(UpdateUserCommand("no-such-user", name="Ghost"))', raises=ValueError
    ):
        bus.send_command(UpdateUserCommand("no-such-user", name="Ghost"))
    with step(3, "bus.send_query(GetUserQuery('no-such-user'))"):
        expect_is(bus.send_query(GetUserQuery("no-such-user")), None)
    with step(4, 'mia = bus.send_command(CreateUserCommand("Mia", "mia@example.com"))'):
        mia = bus.send_command(CreateUserCommand("Mia", "mia@example.com"))
    with step(
        5,
        'bus.send_command(UpdateUserCommand("no-such-user", email="mia2@example.com"))',
        raises=ValueError,
    ):
        bus.send_command(UpdateUserCommand("no-such-user", email="mia2@example.com"))
    with step(6, "bus.send_query(GetUsersByEmailQuery('mia2@example.com'))"):
        expect_equal(bus.send_query(GetUsersByEmailQuery("mia2@example.com")), [])
    with step(7, "bus.send_query(GetUserQuery(mia)).email"):
        expect_equal(bus.send_query(GetUserQuery(mia)).email, "mia@example.com")


@pytest.mark.behaviour("c01c531e-c083-42aa-8ede-0f28387416c4", "scenario")
@pytest.mark.timeout(10.0)
def test_each_bootstrap_builds_an_independent_system(solution):
    """A composition root wires fresh parts on every call; module-level stores would leak users between systems (and between tests)."""
    CreateUserCommand = solution.CreateUserCommand
    GetUserQuery = solution.GetUserQuery
    GetUsersByEmailQuery = solution.GetUsersByEmailQuery
    bootstrap = solution.bootstrap
    with step(
        1,
        'first = bootstrap() second = bootstrap() ned = first.send_command(CreateUserCommand("Ned", "ned@example.com"))',
    ):
        first = bootstrap()
        second = bootstrap()
        ned = first.send_command(CreateUserCommand("Ned", "ned@example.com"))
    with step(2, "second.send_query(GetUserQuery(ned))"):
        expect_is(second.send_query(GetUserQuery(ned)), None)
    with step(3, "second.send_query(GetUsersByEmailQuery('ned@example.com'))"):
        expect_equal(second.send_query(GetUsersByEmailQuery("ned@example.com")), [])
    with step(4, 'other = second.send_command(CreateUserCommand("Ned Two", "ned@example.com"))'):
        other = second.send_command(CreateUserCommand("Ned Two", "ned@example.com"))
    with step(5, "second.send_query(GetUserQuery(other)).name"):
        expect_equal(second.send_query(GetUserQuery(other)).name, "Ned Two")
    with step(6, "first.send_query(GetUserQuery(ned)).name"):
        expect_equal(first.send_query(GetUserQuery(ned)).name, "Ned")


@pytest.mark.behaviour("e1343ef9-24e3-4c16-b421-9bb7677ab671", "property")
@pytest.mark.timeout(60.0)
def test_matches_a_model_through_any_sequence_of_commands_and_queries(solution):
    """Any mix of creates, updates (valid, conflicting or for unknown users) and queries must agree with a simple model of users and their emails."""
    CreateUserCommand = solution.CreateUserCommand
    UpdateUserCommand = solution.UpdateUserCommand
    GetUserQuery = solution.GetUserQuery
    GetUsersByEmailQuery = solution.GetUsersByEmailQuery
    bootstrap = solution.bootstrap

    class Driver:
        """Drives bootstrap()'s bus; users are named by creation index because real ids are random.

        The solution's names are passed in because model code is not given them.
        """

        def __init__(self, bootstrap, create, update, get, by_email):
            self.bus = bootstrap()
            self.messages = (create, update, get, by_email)
            self.ids = []

        def user_id(self, user):
            return self.ids[user] if user < len(self.ids) else f"no-such-user-{user}"

        def create(self, name, email):
            self.ids.append(self.bus.send_command(self.messages[0](name, email)))
            return len(self.ids) - 1

        def update(self, user, name, email):
            self.bus.send_command(self.messages[1](self.user_id(user), name=name, email=email))

        def get(self, user):
            view = self.bus.send_query(self.messages[2](self.user_id(user)))
            return (
                None
                if view is None
                else (view.user_id == self.user_id(user), view.name, view.email)
            )

        def by_email(self, email):
            found = self.bus.send_query(self.messages[3](email))
            return sorted(self.ids.index(view.user_id) for view in found)

    class Model:
        def __init__(self):
            self.users = []  # [name, email], indexed by creation order

        def owner(self, email):
            return next((i for i, user in enumerate(self.users) if user[1] == email), None)

        def create(self, name, email):
            if self.owner(email) is not None:
                raise ValueError("duplicate email")
            self.users.append([name, email])
            return len(self.users) - 1

        def update(self, user, name, email):
            if user >= len(self.users):
                raise ValueError("unknown user")
            if email is not None and self.owner(email) not in (None, user):
                raise ValueError("email taken by another user")
            if name is not None:
                self.users[user][0] = name
            if email is not None:
                self.users[user][1] = email

        def get(self, user):
            if user >= len(self.users):
                return None
            return (True, self.users[user][0], self.users[user][1])

        def by_email(self, email):
            return sorted(i for i, user in enumerate(self.users) if user[1] == email)

    class Machine(ModelMachine):
        @initialize()
        def start(self):
            self.begin(
                lambda: Driver(
                    bootstrap,
                    CreateUserCommand,
                    UpdateUserCommand,
                    GetUserQuery,
                    GetUsersByEmailQuery,
                ),
                lambda: Model(),
                "Driver(bootstrap, CreateUserCommand, UpdateUserCommand, GetUserQuery, GetUsersByEmailQuery)",
            )

        @rule(
            email=st.sampled_from(["a@x.io", "b@x.io", "c@x.io", "d@x.io"]),
            name=st.sampled_from(["Ada", "Bob", "Cy"]),
        )
        def rule_1_create(self, email, name):
            self.apply(
                "create(name, email)",
                lambda target: target.create(name, email),
                email=email,
                name=name,
                compare=True,
            )

        @rule(
            email=st.one_of(st.none(), st.sampled_from(["a@x.io", "b@x.io", "c@x.io", "d@x.io"])),
            name=st.one_of(st.none(), st.sampled_from(["Ada", "Bob", "Dee"])),
            user=st.integers(0, 4),
        )
        def rule_2_update(self, email, name, user):
            self.apply(
                "update(user, name, email)",
                lambda target: target.update(user, name, email),
                email=email,
                name=name,
                user=user,
                compare=True,
            )

        @rule(user=st.integers(0, 4))
        def rule_3_get(self, user):
            self.apply(
                "get(user)",
                lambda target: target.get(user),
                user=user,
                compare=True,
            )

        @rule(email=st.sampled_from(["a@x.io", "b@x.io", "c@x.io", "d@x.io"]))
        def rule_4_by_email(self, email):
            self.apply(
                "by_email(email)",
                lambda target: target.by_email(email),
                email=email,
                compare=True,
            )

    run_model_machine(Machine, examples=60, steps=25)


@pytest.mark.behaviour("d2a6e46c-35df-40ae-9d8e-a305a6fede34", "scenario")
@pytest.mark.timeout(10.0)
def test_emails_are_compared_exactly_without_case_folding(solution):
    """Two emails are the same only when they are equal strings; a write side that folds case before checking uniqueness refuses "Ann@Example.com" after "ann@example.com", and a read side that folds case answers a query for one with the other."""
    CreateUserCommand = solution.CreateUserCommand
    GetUsersByEmailQuery = solution.GetUsersByEmailQuery
    bootstrap = solution.bootstrap
    with step(
        1,
        'bus = bootstrap() lower = bus.send_command(CreateUserCommand("Ann", "ann@example.com")) mixed = bus.send_command(CreateUserCommand("Annie", "Ann@Example.com"))',
    ):
        bus = bootstrap()
        lower = bus.send_command(CreateUserCommand("Ann", "ann@example.com"))
        mixed = bus.send_command(CreateUserCommand("Annie", "Ann@Example.com"))
    with step(2, "lower != mixed"):
        expect_is(lower != mixed, True)
    with step(3, "ids(bus.send_query(GetUsersByEmailQuery('ann@example.com')))"):
        expect_equal(ids(bus.send_query(GetUsersByEmailQuery("ann@example.com"))), [lower])
    with step(4, "ids(bus.send_query(GetUsersByEmailQuery('Ann@Example.com')))"):
        expect_equal(ids(bus.send_query(GetUsersByEmailQuery("Ann@Example.com"))), [mixed])
    with step(5, "bus.send_query(GetUsersByEmailQuery('ANN@EXAMPLE.COM'))"):
        expect_equal(bus.send_query(GetUsersByEmailQuery("ANN@EXAMPLE.COM")), [])
    with step(
        6, 'bus.send_command(CreateUserCommand("Ann again", "ann@example.com"))', raises=ValueError
    ):
        bus.send_command(CreateUserCommand("Ann again", "ann@example.com"))


@pytest.mark.behaviour("bc7f80ab-3f6e-49ea-93ef-aa3db7ede443", "scenario")
@pytest.mark.timeout(10.0)
def test_reading_and_committing_events_again_keeps_their_contract(solution):
    """Reading the pending events does not consume them (the caller may read them twice, say to publish and to log), and marking them committed a second time is harmless and leaves the next change's event to be read."""
    User = solution.User
    with step(1, 'user = User.create("Ada", "ada@example.com")'):
        user = User.create("Ada", "ada@example.com")
    with step(2, "len(user.get_uncommitted_events())"):
        expect_equal(len(user.get_uncommitted_events()), 1)
    with step(3, "[type(event).__name__ for event in user.get_uncommitted_events()]"):
        expect_equal(
            [type(event).__name__ for event in user.get_uncommitted_events()], ["UserCreatedEvent"]
        )
    with step(4, "user.mark_events_committed() user.mark_events_committed()"):
        user.mark_events_committed()
        user.mark_events_committed()
    with step(5, "user.get_uncommitted_events()"):
        expect_equal(user.get_uncommitted_events(), [])
    with step(6, 'user.update(name="Countess")'):
        user.update(name="Countess")
    with step(7, "[event.version for event in user.get_uncommitted_events()]"):
        expect_equal([event.version for event in user.get_uncommitted_events()], [2])
    with step(8, "[event.version for event in user.get_uncommitted_events()]"):
        expect_equal([event.version for event in user.get_uncommitted_events()], [2])


@pytest.mark.behaviour("b49dc42f-a36f-49f3-a41f-fd2e20190f94", "scenario")
@pytest.mark.timeout(10.0)
def test_an_empty_name_is_a_value_not_unchanged(solution):
    """None means "leave it as it is"; an empty string is a value to store. `if name:` silently keeps the old name."""
    CreateUserCommand = solution.CreateUserCommand
    UpdateUserCommand = solution.UpdateUserCommand
    GetUserQuery = solution.GetUserQuery
    User = solution.User
    bootstrap = solution.bootstrap
    with step(1, 'user = User.create("Ada", "ada@example.com") user.update(name="")'):
        user = User.create("Ada", "ada@example.com")
        user.update(name="")
    with step(2, "user.name"):
        expect_equal(user.name, "")
    with step(3, "user.get_uncommitted_events()[-1].name"):
        expect_equal(user.get_uncommitted_events()[-1].name, "")
    with step(
        4,
        'bus = bootstrap() user_id = bus.send_command(CreateUserCommand("Bea", "bea@example.com")) bus.send_command(UpdateUserCommand(user_id, name=""))',
    ):
        bus = bootstrap()
        user_id = bus.send_command(CreateUserCommand("Bea", "bea@example.com"))
        bus.send_command(UpdateUserCommand(user_id, name=""))
    with step(5, "bus.send_query(GetUserQuery(user_id)).name"):
        expect_equal(bus.send_query(GetUserQuery(user_id)).name, "")


@pytest.mark.behaviour("1ce21513-f1ed-45f9-a0d6-c74b7f9a0766", "scenario")
@pytest.mark.timeout(10.0)
def test_each_user_is_stamped_when_it_is_created(solution):
    """A timestamp computed once (a default argument evaluated at definition) stamps every user with the same moment; each created_at is taken when that user is created."""
    CreateUserCommand = solution.CreateUserCommand
    GetUserQuery = solution.GetUserQuery
    User = solution.User
    bootstrap = solution.bootstrap
    with step(
        1,
        'bus = bootstrap() first = bus.send_query(GetUserQuery(bus.send_command(CreateUserCommand("Ann", "ann@example.com")))) zone = first.created_at.tzinfo middle = datetime.now(zone) if zone else datetime.now() while middle <= first.created_at: # until the clock has moved past the first user middle = datetime.now(zone) if zone else datetime.now() second = bus.send_query(GetUserQuery(bus.send_command(CreateUserCommand("Bob", "bob@example.com"))))',
    ):
        bus = bootstrap()
        first = bus.send_query(
            GetUserQuery(bus.send_command(CreateUserCommand("Ann", "ann@example.com")))
        )
        zone = first.created_at.tzinfo
        middle = datetime.now(zone) if zone else datetime.now()
        while middle <= first.created_at:  # until the clock has moved past the first user
            middle = datetime.now(zone) if zone else datetime.now()
        second = bus.send_query(
            GetUserQuery(bus.send_command(CreateUserCommand("Bob", "bob@example.com")))
        )
    with step(2, "first.created_at < middle <= second.created_at"):
        expect_is(first.created_at < middle <= second.created_at, True)
    with step(3, "middle <= second.updated_at"):
        expect_is(middle <= second.updated_at, True)
    with step(
        4, "User.create('Cy', 'cy@example.com').get_uncommitted_events()[0].timestamp >= middle"
    ):
        expect_is(
            User.create("Cy", "cy@example.com").get_uncommitted_events()[0].timestamp >= middle,
            True,
        )


@pytest.mark.behaviour("29c06f8b-abb5-43ac-8498-7ed71751c47a", "scenario")
@pytest.mark.timeout(10.0)
def test_an_update_to_the_current_values_still_bumps_the_version(solution):
    """User.update bumps the version and records one event every time, also when the new values equal the current ones (or none are given); skipping "no-op" updates loses events the read side and auditors count on."""
    User = solution.User
    with step(
        1,
        'user = User.create("Ada", "ada@example.com") user.mark_events_committed() user.update(name="Ada", email="ada@example.com")',
    ):
        user = User.create("Ada", "ada@example.com")
        user.mark_events_committed()
        user.update(name="Ada", email="ada@example.com")
    with step(2, "user.version"):
        expect_equal(user.version, 2)
    with step(
        3, "[(type(event).__name__, event.version) for event in user.get_uncommitted_events()]"
    ):
        expect_equal(
            [(type(event).__name__, event.version) for event in user.get_uncommitted_events()],
            [("UserUpdatedEvent", 2)],
        )
    with step(4, "user.update()"):
        user.update()
    with step(5, "user.version"):
        expect_equal(user.version, 3)
    with step(6, "len(user.get_uncommitted_events())"):
        expect_equal(len(user.get_uncommitted_events()), 2)
