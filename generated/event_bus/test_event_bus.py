# Generated from specs/event_bus/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 1352f407879d5e71b6df49ff9779ee1b7c361e0b469d8fb07438a11de5734ad3
"""Conformance suite for the event_bus kata: one test per behaviour of its spec.

Run it with `kata check event_bus` or `pytest generated/event_bus --impl PATH`.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
import uuid
from contextlib import contextmanager
from datetime import datetime, timedelta

import pytest
from hypothesis import strategies as st

from katakit.testing import (
    ModelMachine,
    expect_equal,
    expect_is,
    initialize,
    rule,
    run_model_machine,
    run_threads,
    step,
)


class Recorder:
    """A callable handler that appends (name, event) to a shared log; may raise."""

    def __init__(self, name, log, fail=False):
        self.name = name
        self.log = log
        self.fail = fail
        self.raised = []

    def __call__(self, event):
        self.log.append((self.name, event))
        if self.fail:
            exc = ValueError(f"handler {self.name} failed")
            self.raised.append(exc)
            raise exc

    def __repr__(self):
        return f"Recorder({self.name!r})"


def names(log, *wanted):
    """The names in a Recorder log, in call order (only `wanted` ones when given)."""
    return [name for name, _ in log if not wanted or name in wanted]


class Listener:
    """An object whose bound method is used as a handler."""

    def __init__(self):
        self.seen = []

    def on_event(self, event):
        self.seen.append(event)


class Counter:
    """A thread-safe counting handler; its equality is Python code, like a dataclass handler's."""

    def __init__(self):
        self.value = 0
        self._lock = threading.Lock()

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return id(self)

    def __call__(self, event):
        with self._lock:
            self.value += 1


class YieldingCounter(Counter):
    """A Counter whose equality check blocks briefly, as one that logs or does I/O would.

    Comparing against it pauses the comparing thread, so an unlocked check-then-update
    of the subscriptions is interrupted right in the middle, nearly every time. (The
    pause only widens a race window; no result depends on how long it lasts.)
    """

    def __eq__(self, other):
        time.sleep(0.0001)
        return self is other

    def __hash__(self):
        return id(self)


def quiet(event):
    pass


def hush(event):
    pass


def loud(event):
    raise ValueError("loud handler failed")


def ignore_error(event, handler, exc):
    pass


class Gate:
    """Makes handlers that block until `release` is set, counting how many run at once."""

    def __init__(self):
        self.release = threading.Event()
        self._changed = threading.Condition()
        self.started = 0
        self.running = 0
        self.peak = 0
        self.finished = 0

    def handler(self):
        def blocked(event):
            with self._changed:
                self.started += 1
                self.running += 1
                self.peak = max(self.peak, self.running)
                self._changed.notify_all()
            self.release.wait(5)
            with self._changed:
                self.running -= 1
                self.finished += 1
                self._changed.notify_all()

        return blocked

    def wait_started(self, count, timeout):
        with self._changed:
            return self._changed.wait_for(lambda: self.started >= count, timeout)


def is_recent(timestamp):
    """Whether a naive or aware datetime is within a minute of now."""
    now = datetime.now(timestamp.tzinfo) if timestamp.tzinfo else datetime.now()
    return abs(now - timestamp) < timedelta(minutes=1)


class RecordCollector(logging.Handler):
    """Collects every log record emitted while attached."""

    def __init__(self):
        super().__init__(logging.NOTSET)
        self.records = []

    def emit(self, record):
        self.records.append(record)

    def mentions(self, exc):
        """Whether some record carries `exc` as exc_info or quotes its message."""
        for record in self.records:
            if record.exc_info and record.exc_info[1] is exc:
                return True
            try:
                message = record.getMessage()
            except Exception:
                message = str(record.msg)
            if str(exc) in message:
                return True
        return False


@contextmanager
def collecting_logs():
    """Attach a RecordCollector to the root logger, at DEBUG level, for the block."""
    collector = RecordCollector()
    root = logging.getLogger()
    level = root.level
    root.addHandler(collector)
    root.setLevel(logging.DEBUG)
    try:
        yield collector
    finally:
        root.removeHandler(collector)
        root.setLevel(level)


pytestmark = pytest.mark.kata(
    "event_bus",
    classes=["Event", "EventHandler", "EventBus", "AsyncEventBus"],
    exceptions=[],
    functions=[],
)


@pytest.mark.behaviour("71f8efc1-8d3b-4c04-85fc-47d68ae72b56", "scenario")
@pytest.mark.timeout(10.0)
def test_an_event_keeps_its_type_and_data_and_is_a_dataclass(solution):
    """The event is the contract between publisher and handlers; its fields are named by the catalogue."""
    Event = solution.Event
    with step(1, 'event = Event("order.placed", {"order_id": 7})'):
        event = Event("order.placed", {"order_id": 7})
    with step(2, "event.event_type"):
        expect_equal(event.event_type, "order.placed")
    with step(3, "event.data"):
        expect_equal(event.data, {"order_id": 7})
    with step(4, "dataclasses.is_dataclass(Event)"):
        expect_is(dataclasses.is_dataclass(Event), True)
    with step(5, 'stamp = datetime(2024, 1, 2, 3, 4, 5) fixed = Event("x", {}, stamp, "event-1")'):
        stamp = datetime(2024, 1, 2, 3, 4, 5)
        fixed = Event("x", {}, stamp, "event-1")
    with step(6, "fixed.timestamp == stamp and fixed.event_id == 'event-1'"):
        expect_is(fixed.timestamp == stamp and fixed.event_id == "event-1", True)


@pytest.mark.behaviour("c763781d-a6e5-4564-be2f-6e0ca4d6336f", "scenario")
@pytest.mark.timeout(10.0)
def test_an_event_defaults_to_now_and_a_fresh_uuid4_id(solution):
    """Ids let consumers de-duplicate and trace events; a shared or missing default makes every event look the same."""
    Event = solution.Event
    with step(1, 'first = Event("a", {}) second = Event("a", {})'):
        first = Event("a", {})
        second = Event("a", {})
    with step(2, "isinstance(first.timestamp, datetime) and is_recent(first.timestamp)"):
        expect_is(isinstance(first.timestamp, datetime) and is_recent(first.timestamp), True)
    with step(3, "isinstance(first.event_id, str)"):
        expect_is(isinstance(first.event_id, str), True)
    with step(4, "uuid.UUID(first.event_id).version"):
        expect_equal(uuid.UUID(first.event_id).version, 4)
    with step(5, "first.event_id != second.event_id"):
        expect_is(first.event_id != second.event_id, True)


@pytest.mark.behaviour("6ebcd3aa-6e59-4194-bfc8-ffd872c08bd0", "scenario")
@pytest.mark.timeout(10.0)
def test_an_event_handler_object_has_its_handle_method_called(solution):
    """Handlers may be EventHandler objects as well as plain callables; the bus must call handle(event) on them."""
    Event = solution.Event
    EventHandler = solution.EventHandler
    EventBus = solution.EventBus
    with step(
        1,
        'class Audit(EventHandler): def __init__(self): self.seen = [] def handle(self, event): self.seen.append(event) audit = Audit() bus = EventBus() bus.subscribe("order.placed", audit) event = Event("order.placed", {"order_id": 1})',
    ):

        class Audit(EventHandler):
            def __init__(self):
                self.seen = []

            def handle(self, event):
                self.seen.append(event)

        audit = Audit()
        bus = EventBus()
        bus.subscribe("order.placed", audit)
        event = Event("order.placed", {"order_id": 1})
    with step(2, "bus.publish(event)"):
        expect_equal(bus.publish(event), 1)
    with step(3, "len(audit.seen) == 1 and audit.seen[0] is event"):
        expect_is(len(audit.seen) == 1 and audit.seen[0] is event, True)
    with step(4, "bus.unsubscribe('order.placed', audit)"):
        expect_is(bus.unsubscribe("order.placed", audit), True)
    with step(5, "EventHandler()", raises=TypeError):
        EventHandler()


@pytest.mark.behaviour("f40c3479-b922-4675-9118-88b23d8e1c06", "scenario")
@pytest.mark.timeout(10.0)
def test_publish_delivers_the_event_only_to_handlers_of_its_type(solution):
    """Routing by type is the point of the bus; a handler must get the very event published, and nothing else."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        1,
        'bus = EventBus() log = [] bus.subscribe("order.placed", Recorder("placed", log)) bus.subscribe("order.shipped", Recorder("shipped", log)) event = Event("order.placed", {"order_id": 1})',
    ):
        bus = EventBus()
        log = []
        bus.subscribe("order.placed", Recorder("placed", log))
        bus.subscribe("order.shipped", Recorder("shipped", log))
        event = Event("order.placed", {"order_id": 1})
    with step(2, "bus.publish(event)"):
        bus.publish(event)
    with step(3, "names(log)"):
        expect_equal(names(log), ["placed"])
    with step(4, "log[0][1] is event"):
        expect_is(log[0][1] is event, True)
    with step(5, "bus.publish(Event('user.created', {}))"):
        expect_equal(bus.publish(Event("user.created", {})), 0)
    with step(6, "len(log)"):
        expect_equal(len(log), 1)


@pytest.mark.behaviour("ae44fcae-e7bb-4a3d-a5f3-3338fb9db702", "scenario")
@pytest.mark.timeout(10.0)
def test_handlers_of_a_type_run_in_subscription_order(solution):
    """Subscribers often depend on order (validate, then persist, then notify)."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        1,
        'bus = EventBus() log = [] for name in ["first", "second", "third"]: bus.subscribe("job", Recorder(name, log)) bus.publish(Event("job", {}))',
    ):
        bus = EventBus()
        log = []
        for name in ["first", "second", "third"]:
            bus.subscribe("job", Recorder(name, log))
        bus.publish(Event("job", {}))
    with step(2, "names(log)"):
        expect_equal(names(log), ["first", "second", "third"])


@pytest.mark.behaviour("e845df55-82f8-4e29-b771-a2595484ea8c", "scenario")
@pytest.mark.timeout(10.0)
def test_wildcard_handlers_receive_every_event_in_subscription_order(solution):
    """A "*" subscriber (auditing, metrics) must see every event; within the wildcard group order is subscription order, and the order between the type's group and the wildcard group is not specified."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        1,
        'bus = EventBus() log = [] bus.subscribe("job", Recorder("typed1", log)) bus.subscribe("*", Recorder("any1", log)) bus.subscribe("job", Recorder("typed2", log)) bus.subscribe("*", Recorder("any2", log))',
    ):
        bus = EventBus()
        log = []
        bus.subscribe("job", Recorder("typed1", log))
        bus.subscribe("*", Recorder("any1", log))
        bus.subscribe("job", Recorder("typed2", log))
        bus.subscribe("*", Recorder("any2", log))
    with step(2, "bus.publish(Event('job', {}))"):
        expect_equal(bus.publish(Event("job", {})), 4)
    with step(3, "names(log, 'typed1', 'typed2')"):
        expect_equal(names(log, "typed1", "typed2"), ["typed1", "typed2"])
    with step(4, "names(log, 'any1', 'any2')"):
        expect_equal(names(log, "any1", "any2"), ["any1", "any2"])
    with step(5, "log.clear()"):
        log.clear()
    with step(6, "bus.publish(Event('something.else', {}))"):
        expect_equal(bus.publish(Event("something.else", {})), 2)
    with step(7, "names(log)"):
        expect_equal(names(log), ["any1", "any2"])


@pytest.mark.behaviour("d370effa-af83-42ea-9726-70dd845f7660", "scenario")
@pytest.mark.timeout(10.0)
def test_a_handler_on_its_type_and_on_the_wildcard_runs_twice(solution):
    """Subscribing to a type and to "*" are two subscriptions; the catalogue says such a handler runs (and counts) twice."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        1,
        'bus = EventBus() log = [] both = Recorder("both", log) bus.subscribe("job", both) bus.subscribe("*", both)',
    ):
        bus = EventBus()
        log = []
        both = Recorder("both", log)
        bus.subscribe("job", both)
        bus.subscribe("*", both)
    with step(2, "bus.publish(Event('job', {}))"):
        expect_equal(bus.publish(Event("job", {})), 2)
    with step(3, "names(log)"):
        expect_equal(names(log), ["both", "both"])


@pytest.mark.behaviour("c81b7542-459a-4a32-8dea-9b3e7de5098c", "scenario")
@pytest.mark.timeout(10.0)
def test_subscribing_the_same_handler_twice_keeps_one_subscription(solution):
    """Double registration (an init run twice) must not double every side effect."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        1,
        'bus = EventBus() log = [] once = Recorder("once", log) bus.subscribe("job", once) bus.subscribe("job", once)',
    ):
        bus = EventBus()
        log = []
        once = Recorder("once", log)
        bus.subscribe("job", once)
        bus.subscribe("job", once)
    with step(2, "bus.publish(Event('job', {}))"):
        expect_equal(bus.publish(Event("job", {})), 1)
    with step(3, "names(log)"):
        expect_equal(names(log), ["once"])
    with step(4, "bus.unsubscribe('job', once)"):
        expect_is(bus.unsubscribe("job", once), True)
    with step(5, "bus.publish(Event('job', {}))"):
        expect_equal(bus.publish(Event("job", {})), 0)
    with step(6, "bus.unsubscribe('job', once)"):
        expect_is(bus.unsubscribe("job", once), False)


@pytest.mark.behaviour("55ac9446-3709-4baa-8049-b71874554cdc", "scenario")
@pytest.mark.timeout(10.0)
def test_one_handler_may_subscribe_to_several_types(solution):
    """De-duplication is per event type; the same handler on two types must receive both."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        1,
        'bus = EventBus() log = [] shared = Recorder("shared", log) bus.subscribe("a", shared) bus.subscribe("b", shared)',
    ):
        bus = EventBus()
        log = []
        shared = Recorder("shared", log)
        bus.subscribe("a", shared)
        bus.subscribe("b", shared)
    with step(2, "bus.publish(Event('a', {})) + bus.publish(Event('b', {}))"):
        expect_equal(bus.publish(Event("a", {})) + bus.publish(Event("b", {})), 2)
    with step(3, "bus.unsubscribe('a', shared)"):
        expect_is(bus.unsubscribe("a", shared), True)
    with step(4, "bus.publish(Event('b', {}))"):
        expect_equal(bus.publish(Event("b", {})), 1)
    with step(5, "bus.publish(Event('a', {}))"):
        expect_equal(bus.publish(Event("a", {})), 0)


@pytest.mark.behaviour("ba345d9e-556a-4492-bac0-78783718c56d", "scenario")
@pytest.mark.timeout(10.0)
def test_unsubscribe_reports_whether_the_handler_was_subscribed(solution):
    """Callers need to know whether removal did anything, and a removed handler must stop receiving events."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        1, 'bus = EventBus() log = [] kept = Recorder("kept", log) gone = Recorder("gone", log)'
    ):
        bus = EventBus()
        log = []
        kept = Recorder("kept", log)
        gone = Recorder("gone", log)
    with step(2, "bus.unsubscribe('never.used', gone)"):
        expect_is(bus.unsubscribe("never.used", gone), False)
    with step(3, 'bus.subscribe("job", kept) bus.subscribe("job", gone)'):
        bus.subscribe("job", kept)
        bus.subscribe("job", gone)
    with step(4, "bus.unsubscribe('job', Recorder('stranger', log))"):
        expect_is(bus.unsubscribe("job", Recorder("stranger", log)), False)
    with step(5, "bus.unsubscribe('other.type', gone)"):
        expect_is(bus.unsubscribe("other.type", gone), False)
    with step(6, "bus.unsubscribe('job', gone)"):
        expect_is(bus.unsubscribe("job", gone), True)
    with step(7, "bus.publish(Event('job', {}))"):
        expect_equal(bus.publish(Event("job", {})), 1)
    with step(8, "names(log)"):
        expect_equal(names(log), ["kept"])


@pytest.mark.behaviour("3cf245aa-d70e-4612-a645-a70108dad3b3", "scenario")
@pytest.mark.timeout(10.0)
def test_a_bound_method_counts_as_the_same_handler_each_time(solution):
    """`obj.method` builds a new object on every access; it is the same handler (equal), so subscribing it twice keeps one and unsubscribing it works."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        1,
        'bus = EventBus() listener = Listener() bus.subscribe("job", listener.on_event) bus.subscribe("job", listener.on_event)',
    ):
        bus = EventBus()
        listener = Listener()
        bus.subscribe("job", listener.on_event)
        bus.subscribe("job", listener.on_event)
    with step(2, "bus.publish(Event('job', {}))"):
        expect_equal(bus.publish(Event("job", {})), 1)
    with step(3, "bus.unsubscribe('job', listener.on_event)"):
        expect_is(bus.unsubscribe("job", listener.on_event), True)
    with step(4, "bus.publish(Event('job', {}))"):
        expect_equal(bus.publish(Event("job", {})), 0)
    with step(5, "len(listener.seen)"):
        expect_equal(len(listener.seen), 1)


@pytest.mark.behaviour("3c84e6bf-baf5-4fa3-889b-bed50fdb55b4", "scenario")
@pytest.mark.timeout(10.0)
def test_resubscribing_after_unsubscribe_puts_the_handler_last(solution):
    """Order is subscription order, so a handler that left and came back runs after those that stayed."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        1,
        'bus = EventBus() log = [] first = Recorder("first", log) bus.subscribe("job", first) bus.subscribe("job", Recorder("second", log)) bus.unsubscribe("job", first) bus.subscribe("job", first) bus.publish(Event("job", {}))',
    ):
        bus = EventBus()
        log = []
        first = Recorder("first", log)
        bus.subscribe("job", first)
        bus.subscribe("job", Recorder("second", log))
        bus.unsubscribe("job", first)
        bus.subscribe("job", first)
        bus.publish(Event("job", {}))
    with step(2, "names(log)"):
        expect_equal(names(log), ["second", "first"])


@pytest.mark.behaviour("c29520ff-c12d-4f29-9f37-cc8297b677f8", "scenario")
@pytest.mark.timeout(10.0)
def test_publish_returns_the_number_of_handlers_that_ran_without_raising(solution):
    """The publisher needs to know how many reactions succeeded (0 when nobody listens); returning None hides failures."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(1, "bus = EventBus(on_error=ignore_error) log = []"):
        bus = EventBus(on_error=ignore_error)
        log = []
    with step(2, "bus.publish(Event('job', {}))"):
        expect_equal(bus.publish(Event("job", {})), 0)
    with step(
        3,
        'bus.subscribe("job", Recorder("ok1", log)) bus.subscribe("job", Recorder("bad1", log, fail=True)) bus.subscribe("job", Recorder("ok2", log)) bus.subscribe("*", Recorder("bad2", log, fail=True)) bus.subscribe("*", Recorder("ok3", log))',
    ):
        bus.subscribe("job", Recorder("ok1", log))
        bus.subscribe("job", Recorder("bad1", log, fail=True))
        bus.subscribe("job", Recorder("ok2", log))
        bus.subscribe("*", Recorder("bad2", log, fail=True))
        bus.subscribe("*", Recorder("ok3", log))
    with step(4, "bus.publish(Event('job', {}))"):
        expect_equal(bus.publish(Event("job", {})), 3)
    with step(5, "len(log)"):
        expect_equal(len(log), 5)


@pytest.mark.behaviour("7d6ec700-e7de-4df3-9c59-40aaab868466", "scenario")
@pytest.mark.timeout(10.0)
def test_a_raising_handler_does_not_stop_the_others(solution):
    """One broken subscriber must not silence every subscriber after it, nor blow up in the publisher's face."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        1,
        'bus = EventBus(on_error=ignore_error) log = [] bus.subscribe("job", Recorder("before", log)) bus.subscribe("job", Recorder("broken", log, fail=True)) bus.subscribe("job", Recorder("after", log))',
    ):
        bus = EventBus(on_error=ignore_error)
        log = []
        bus.subscribe("job", Recorder("before", log))
        bus.subscribe("job", Recorder("broken", log, fail=True))
        bus.subscribe("job", Recorder("after", log))
    with step(2, "bus.publish(Event('job', {}))"):
        expect_equal(bus.publish(Event("job", {})), 2)
    with step(3, "names(log)"):
        expect_equal(names(log), ["before", "broken", "after"])


@pytest.mark.behaviour("348525ab-0fa3-4c1d-8f2c-98a258bfe23c", "scenario")
@pytest.mark.timeout(10.0)
def test_on_error_receives_the_event_the_handler_and_the_exception(solution):
    """The error callback is how an application alerts, retries or dead-letters; it needs all three to act."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        1,
        'errors = [] bus = EventBus(on_error=lambda event, handler, exc: errors.append((event, handler, exc))) log = [] broken = Recorder("broken", log, fail=True) bus.subscribe("job", broken) bus.subscribe("job", Recorder("fine", log)) event = Event("job", {})',
    ):
        errors = []
        bus = EventBus(on_error=lambda event, handler, exc: errors.append((event, handler, exc)))
        log = []
        broken = Recorder("broken", log, fail=True)
        bus.subscribe("job", broken)
        bus.subscribe("job", Recorder("fine", log))
        event = Event("job", {})
    with step(2, "bus.publish(event)"):
        expect_equal(bus.publish(event), 1)
    with step(3, "len(errors)"):
        expect_equal(len(errors), 1)
    with step(4, "errors[0][0] is event"):
        expect_is(errors[0][0] is event, True)
    with step(5, "errors[0][1] == broken"):
        expect_is(errors[0][1] == broken, True)
    with step(6, "errors[0][2] is broken.raised[0]"):
        expect_is(errors[0][2] is broken.raised[0], True)


@pytest.mark.behaviour("dbf6f46f-1bd1-440e-b7ed-8c88df7caed2", "scenario")
@pytest.mark.timeout(10.0)
def test_without_on_error_a_handler_error_is_logged(solution):
    """Printing is invisible in production; with no callback the error must reach `logging` (a record carrying the exception or its message)."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        1,
        'bus = EventBus() log = [] broken = Recorder("broken", log, fail=True) bus.subscribe("job", broken) with collecting_logs() as logs: count = bus.publish(Event("job", {}))',
    ):
        bus = EventBus()
        log = []
        broken = Recorder("broken", log, fail=True)
        bus.subscribe("job", broken)
        with collecting_logs() as logs:
            count = bus.publish(Event("job", {}))
    with step(2, "count"):
        expect_equal(count, 0)
    with step(3, "logs.mentions(broken.raised[0])"):
        expect_is(logs.mentions(broken.raised[0]), True)


@pytest.mark.behaviour("92ca8dcf-f345-4ff5-a3ad-3f6cfa8293f4", "scenario")
@pytest.mark.timeout(5.0)
def test_a_handler_may_subscribe_and_unsubscribe_during_publish(solution):
    """Handlers that rewire the bus (one-shot handlers, sagas) must not deadlock it or break its iteration; who receives the in-flight event is not specified, the next publish must see the change."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        1,
        'bus = EventBus() log = [] late = Recorder("late", log) def rewire(event): log.append(("rewire", event)) bus.unsubscribe("job", rewire) bus.subscribe("job", late) bus.subscribe("extra", late) bus.subscribe("job", rewire) bus.subscribe("job", Recorder("steady", log))',
    ):
        bus = EventBus()
        log = []
        late = Recorder("late", log)

        def rewire(event):
            log.append(("rewire", event))
            bus.unsubscribe("job", rewire)
            bus.subscribe("job", late)
            bus.subscribe("extra", late)

        bus.subscribe("job", rewire)
        bus.subscribe("job", Recorder("steady", log))
    with step(2, 'bus.publish(Event("job", {}))'):
        bus.publish(Event("job", {}))
    with step(3, "'rewire' in names(log)"):
        expect_is("rewire" in names(log), True)
    with step(4, "log.clear()"):
        log.clear()
    with step(5, "bus.publish(Event('job', {}))"):
        expect_equal(bus.publish(Event("job", {})), 2)
    with step(6, "sorted(names(log))"):
        expect_equal(sorted(names(log)), ["late", "steady"])
    with step(7, "bus.publish(Event('extra', {}))"):
        expect_equal(bus.publish(Event("extra", {})), 1)


@pytest.mark.behaviour("c1343c15-9efd-46f8-95eb-0039659d0620", "property")
@pytest.mark.timeout(60.0)
def test_subscriptions_and_publish_counts_match_a_model(solution):
    """Any sequence of subscribe, unsubscribe and publish must agree with an obviously correct list-per-type model (with "*" and failing handlers)."""
    Event = solution.Event
    EventBus = solution.EventBus

    class Model:
        def __init__(self):
            self.subscriptions = {}

        def subscribe(self, event_type, handler):
            handlers = self.subscriptions.setdefault(event_type, [])
            if handler not in handlers:
                handlers.append(handler)

        def unsubscribe(self, event_type, handler):
            handlers = self.subscriptions.get(event_type, [])
            if handler not in handlers:
                return False
            handlers.remove(handler)
            return True

        def publish(self, event):
            handlers = self.subscriptions.get(event.event_type, []) + self.subscriptions.get(
                "*", []
            )
            return sum(1 for handler in handlers if handler is not loud)

    class Machine(ModelMachine):
        @initialize()
        def start(self):
            self.begin(
                lambda: EventBus(on_error=ignore_error),
                lambda: Model(),
                "EventBus(on_error=ignore_error)",
            )

        @rule(
            event_type=st.sampled_from(["a", "b", "*"]),
            handler=st.sampled_from([quiet, hush, loud]),
        )
        def rule_1_subscribe(self, event_type, handler):
            self.apply(
                "subscribe(event_type, handler)",
                lambda target: target.subscribe(event_type, handler),
                event_type=event_type,
                handler=handler,
                compare=False,
            )

        @rule(
            event_type=st.sampled_from(["a", "b", "*"]),
            handler=st.sampled_from([quiet, hush, loud]),
        )
        def rule_2_unsubscribe(self, event_type, handler):
            self.apply(
                "unsubscribe(event_type, handler)",
                lambda target: target.unsubscribe(event_type, handler),
                event_type=event_type,
                handler=handler,
                compare=True,
            )

        @rule(event_type=st.sampled_from(["a", "b", "c"]))
        def rule_3_publish(self, event_type):
            self.apply(
                "publish(Event(event_type, {}))",
                lambda target: target.publish(Event(event_type, {})),
                event_type=event_type,
                compare=True,
            )

    run_model_machine(Machine, examples=50, steps=25)


@pytest.mark.behaviour("9b375e8f-9ff2-4bbd-9e3e-7d22bdc5005a", "concurrency")
@pytest.mark.timeout(25.0)
def test_concurrent_subscribes_and_unsubscribes_lose_no_subscription(solution):
    """Without one lock around each change, two threads updating the same type's handlers overwrite each other and subscriptions vanish or come back."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        "setup",
        'bus = EventBus() first = YieldingCounter() bus.subscribe("tick", first) kept = [[Counter() for _ in range(10)] for _ in range(8)] dropped = [[Counter() for _ in range(10)] for _ in range(8)]',
    ):
        bus = EventBus()
        first = YieldingCounter()
        bus.subscribe("tick", first)
        kept = [[Counter() for _ in range(10)] for _ in range(8)]
        dropped = [[Counter() for _ in range(10)] for _ in range(8)]

    def worker(index):
        for keep, drop in zip(kept[index], dropped[index]):
            bus.subscribe("tick", keep)
            bus.subscribe("tick", drop)
            bus.publish(Event("tock", {}))
            bus.unsubscribe("tick", drop)

    run_threads(worker, threads=8, timeout=20.0, preempt=solution.__name__)
    with step("after 1", "bus.publish(Event('tick', {}))"):
        expect_equal(bus.publish(Event("tick", {})), 81)
    with step("after 2", "first.value"):
        expect_equal(first.value, 1)
    with step("after 3", "all((counter.value == 1 for row in kept for counter in row))"):
        expect_is(all(counter.value == 1 for row in kept for counter in row), True)
    with step("after 4", "all((counter.value == 0 for row in dropped for counter in row))"):
        expect_is(all(counter.value == 0 for row in dropped for counter in row), True)


@pytest.mark.behaviour("ef0eaf98-f6c8-4ba2-b4c0-285ba82294d0", "concurrency")
@pytest.mark.timeout(25.0)
def test_concurrent_subscribes_of_the_same_handlers_keep_one_subscription_each(solution):
    """Subscribe is check-then-add; without a lock two threads both see "absent" and the handler ends up subscribed twice."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        "setup",
        "bus = EventBus() shared = [YieldingCounter() for _ in range(20)] in_step = threading.Barrier(8)",
    ):
        bus = EventBus()
        shared = [YieldingCounter() for _ in range(20)]
        in_step = threading.Barrier(8)

    def worker(index):
        for handler in shared:
            in_step.wait(5)
            bus.subscribe("tick", handler)

    run_threads(worker, threads=8, timeout=20.0, preempt=solution.__name__)
    with step("after 1", "bus.publish(Event('tick', {}))"):
        expect_equal(bus.publish(Event("tick", {})), 20)
    with step("after 2", "all((counter.value == 1 for counter in shared))"):
        expect_is(all(counter.value == 1 for counter in shared), True)


@pytest.mark.behaviour("ed9c1769-2ab0-49ba-86c1-772199209d20", "concurrency")
@pytest.mark.timeout(25.0)
def test_concurrent_publishes_deliver_every_event_exactly_once(solution):
    """Publishing from many threads at once must neither lose nor duplicate deliveries, nor raise."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        "setup",
        'bus = EventBus() typed = Counter() everything = Counter() bus.subscribe("tick", typed) bus.subscribe("*", everything) returned = []',
    ):
        bus = EventBus()
        typed = Counter()
        everything = Counter()
        bus.subscribe("tick", typed)
        bus.subscribe("*", everything)
        returned = []

    def worker(index):
        for n in range(150):
            returned.append(bus.publish(Event("tick", {"n": n})))

    run_threads(worker, threads=8, timeout=20.0, preempt=solution.__name__)
    with step("after 1", "typed.value"):
        expect_equal(typed.value, 1200)
    with step("after 2", "everything.value"):
        expect_equal(everything.value, 1200)
    with step("after 3", "set(returned)"):
        expect_equal(set(returned), {2})


@pytest.mark.behaviour("ff684207-f1d1-4a48-8a42-c025a0a9e96c", "scenario")
@pytest.mark.timeout(10.0)
def test_async_publish_returns_one_future_per_handler_resolving_to_success(solution):
    """Each future says whether its handler ran without raising (True) or not (False); it never raises, so callers can gather results safely."""
    Event = solution.Event
    AsyncEventBus = solution.AsyncEventBus
    with step(
        1,
        'bus = AsyncEventBus(on_error=ignore_error) log = [] bus.subscribe("job", Recorder("ok", log)) bus.subscribe("job", Recorder("bad", log, fail=True)) bus.subscribe("*", Recorder("any", log)) event = Event("job", {}) futures = bus.publish(event)',
    ):
        bus = AsyncEventBus(on_error=ignore_error)
        log = []
        bus.subscribe("job", Recorder("ok", log))
        bus.subscribe("job", Recorder("bad", log, fail=True))
        bus.subscribe("*", Recorder("any", log))
        event = Event("job", {})
        futures = bus.publish(event)
    with step(2, "len(futures)"):
        expect_equal(len(futures), 3)
    with step(3, "sorted((future.result(timeout=5) for future in futures))"):
        expect_equal(sorted(future.result(timeout=5) for future in futures), [False, True, True])
    with step(4, "all((future.exception(timeout=5) is None for future in futures))"):
        expect_is(all(future.exception(timeout=5) is None for future in futures), True)
    with step(5, "sorted(names(log))"):
        expect_equal(sorted(names(log)), ["any", "bad", "ok"])
    with step(6, "all((seen is event for _, seen in log))"):
        expect_is(all((seen is event for _, seen in log)), True)
    with step(7, "bus.shutdown()"):
        bus.shutdown()


@pytest.mark.behaviour("4506c448-a5dc-408d-88b1-01975736b5cd", "scenario")
@pytest.mark.timeout(10.0)
def test_async_publish_with_no_subscribers_returns_an_empty_list(solution):
    """No handlers means no futures; the result must still be a list the caller can iterate."""
    Event = solution.Event
    AsyncEventBus = solution.AsyncEventBus
    with step(1, 'bus = AsyncEventBus() futures = bus.publish(Event("nobody.listens", {}))'):
        bus = AsyncEventBus()
        futures = bus.publish(Event("nobody.listens", {}))
    with step(2, "futures"):
        expect_equal(futures, [])
    with step(3, "bus.shutdown()"):
        bus.shutdown()


@pytest.mark.behaviour("6dc0bc5d-f62b-484f-b0c6-f510a277445d", "scenario")
@pytest.mark.timeout(15.0)
def test_async_publish_returns_without_waiting_for_handlers(solution):
    """The point of the async bus is that a slow handler does not block the publisher."""
    Event = solution.Event
    AsyncEventBus = solution.AsyncEventBus
    with step(
        1,
        'bus = AsyncEventBus() gate = Gate() bus.subscribe("job", gate.handler()) futures = bus.publish(Event("job", {}))',
    ):
        bus = AsyncEventBus()
        gate = Gate()
        bus.subscribe("job", gate.handler())
        futures = bus.publish(Event("job", {}))
    with step(2, "len(futures)"):
        expect_equal(len(futures), 1)
    with step(3, "futures[0].done()"):
        expect_is(futures[0].done(), False)
    with step(4, "gate.release.set()"):
        gate.release.set()
    with step(5, "futures[0].result(timeout=5)"):
        expect_is(futures[0].result(timeout=5), True)
    with step(6, "bus.shutdown()"):
        bus.shutdown()


@pytest.mark.behaviour("948f8537-61e9-4980-b038-76ce750d7d47", "scenario")
@pytest.mark.timeout(15.0)
def test_async_bus_runs_at_most_max_workers_handlers_at_once(solution):
    """max_workers bounds the thread pool, which is how the async bus protects the process from an event storm."""
    Event = solution.Event
    AsyncEventBus = solution.AsyncEventBus
    with step(
        1,
        'bus = AsyncEventBus(max_workers=2) gate = Gate() for _ in range(3): bus.subscribe("job", gate.handler()) futures = bus.publish(Event("job", {}))',
    ):
        bus = AsyncEventBus(max_workers=2)
        gate = Gate()
        for _ in range(3):
            bus.subscribe("job", gate.handler())
        futures = bus.publish(Event("job", {}))
    with step(2, "gate.wait_started(2, timeout=5)"):
        expect_is(gate.wait_started(2, timeout=5), True)
    with step(3, "gate.wait_started(3, timeout=0.3)"):
        expect_is(gate.wait_started(3, timeout=0.3), False)
    with step(4, "gate.release.set()"):
        gate.release.set()
    with step(5, "[future.result(timeout=5) for future in futures]"):
        expect_equal([future.result(timeout=5) for future in futures], [True, True, True])
    with step(6, "gate.peak"):
        expect_equal(gate.peak, 2)
    with step(7, "bus.shutdown()"):
        bus.shutdown()


@pytest.mark.behaviour("4fe50525-0558-49c4-b158-f5e73ee4cedd", "scenario")
@pytest.mark.timeout(10.0)
def test_async_handler_errors_go_to_on_error(solution):
    """A failure on a worker thread is otherwise invisible; the async bus reports it like the synchronous one, before its future resolves."""
    Event = solution.Event
    AsyncEventBus = solution.AsyncEventBus
    with step(
        1,
        'errors = [] bus = AsyncEventBus(on_error=lambda event, handler, exc: errors.append((event, handler, exc))) log = [] broken = Recorder("broken", log, fail=True) bus.subscribe("job", broken) event = Event("job", {}) results = [future.result(timeout=5) for future in bus.publish(event)]',
    ):
        errors = []
        bus = AsyncEventBus(
            on_error=lambda event, handler, exc: errors.append((event, handler, exc))
        )
        log = []
        broken = Recorder("broken", log, fail=True)
        bus.subscribe("job", broken)
        event = Event("job", {})
        results = [future.result(timeout=5) for future in bus.publish(event)]
    with step(2, "results"):
        expect_equal(results, [False])
    with step(3, "len(errors)"):
        expect_equal(len(errors), 1)
    with step(
        4, "errors[0][0] is event and errors[0][1] == broken and (errors[0][2] is broken.raised[0])"
    ):
        expect_is(
            errors[0][0] is event and errors[0][1] == broken and (errors[0][2] is broken.raised[0]),
            True,
        )
    with step(5, "bus.shutdown()"):
        bus.shutdown()


@pytest.mark.behaviour("d8ff38f6-01d0-4897-80df-7eed55985d82", "scenario")
@pytest.mark.timeout(10.0)
def test_async_handler_errors_are_logged_without_on_error(solution):
    """With no callback, a worker thread's error must reach `logging`, not vanish or only be printed."""
    Event = solution.Event
    AsyncEventBus = solution.AsyncEventBus
    with step(
        1,
        'bus = AsyncEventBus() log = [] broken = Recorder("broken", log, fail=True) bus.subscribe("job", broken) with collecting_logs() as logs: results = [future.result(timeout=5) for future in bus.publish(Event("job", {}))]',
    ):
        bus = AsyncEventBus()
        log = []
        broken = Recorder("broken", log, fail=True)
        bus.subscribe("job", broken)
        with collecting_logs() as logs:
            results = [future.result(timeout=5) for future in bus.publish(Event("job", {}))]
    with step(2, "results"):
        expect_equal(results, [False])
    with step(3, "logs.mentions(broken.raised[0])"):
        expect_is(logs.mentions(broken.raised[0]), True)
    with step(4, "bus.shutdown()"):
        bus.shutdown()


@pytest.mark.behaviour("71f1c70e-c00b-47e5-91f9-10a3d004d094", "scenario")
@pytest.mark.timeout(10.0)
def test_async_bus_deduplicates_and_unsubscribes_like_the_sync_bus(solution):
    """The async bus shares the subscription rules; a duplicate subscription must not schedule the handler twice."""
    Event = solution.Event
    AsyncEventBus = solution.AsyncEventBus
    with step(
        1,
        'bus = AsyncEventBus() log = [] once = Recorder("once", log) bus.subscribe("job", once) bus.subscribe("job", once) futures = bus.publish(Event("job", {}))',
    ):
        bus = AsyncEventBus()
        log = []
        once = Recorder("once", log)
        bus.subscribe("job", once)
        bus.subscribe("job", once)
        futures = bus.publish(Event("job", {}))
    with step(2, "[future.result(timeout=5) for future in futures]"):
        expect_equal([future.result(timeout=5) for future in futures], [True])
    with step(3, "bus.unsubscribe('job', once)"):
        expect_is(bus.unsubscribe("job", once), True)
    with step(4, "bus.publish(Event('job', {}))"):
        expect_equal(bus.publish(Event("job", {})), [])
    with step(5, "bus.shutdown()"):
        bus.shutdown()


@pytest.mark.behaviour("54e9f78e-86d8-4247-a957-b8b5221ecc24", "scenario")
@pytest.mark.timeout(10.0)
def test_async_publish_after_shutdown_raises_even_with_no_subscribers(solution):
    """A closed bus must say so; silently accepting an event nobody listens to hides a lifecycle bug."""
    Event = solution.Event
    AsyncEventBus = solution.AsyncEventBus
    with step(1, "empty = AsyncEventBus() empty.shutdown()"):
        empty = AsyncEventBus()
        empty.shutdown()
    with step(2, 'empty.publish(Event("nobody.listens", {}))', raises=RuntimeError):
        empty.publish(Event("nobody.listens", {}))
    with step(
        3,
        'bus = AsyncEventBus() log = [] bus.subscribe("job", Recorder("job", log)) bus.shutdown()',
    ):
        bus = AsyncEventBus()
        log = []
        bus.subscribe("job", Recorder("job", log))
        bus.shutdown()
    with step(4, 'bus.publish(Event("other.type", {}))', raises=RuntimeError):
        bus.publish(Event("other.type", {}))
    with step(5, 'bus.publish(Event("job", {}))', raises=RuntimeError):
        bus.publish(Event("job", {}))
    with step(6, "log"):
        expect_equal(log, [])


@pytest.mark.behaviour("7631c709-f77e-438b-a8f0-5d569b5c611f", "scenario")
@pytest.mark.timeout(15.0)
def test_shutdown_with_wait_blocks_until_running_handlers_finish(solution):
    """A graceful stop must let scheduled work finish before the process moves on."""
    Event = solution.Event
    AsyncEventBus = solution.AsyncEventBus
    with step(
        1,
        'bus = AsyncEventBus(max_workers=2) gate = Gate() bus.subscribe("job", gate.handler()) futures = bus.publish(Event("job", {}))',
    ):
        bus = AsyncEventBus(max_workers=2)
        gate = Gate()
        bus.subscribe("job", gate.handler())
        futures = bus.publish(Event("job", {}))
    with step(2, "gate.wait_started(1, timeout=5)"):
        expect_is(gate.wait_started(1, timeout=5), True)
    with step(
        3,
        'stopper = threading.Thread(target=bus.shutdown, kwargs={"wait": True}, daemon=True) stopper.start() stopper.join(0.3)',
    ):
        stopper = threading.Thread(target=bus.shutdown, kwargs={"wait": True}, daemon=True)
        stopper.start()
        stopper.join(0.3)
    with step(4, "stopper.is_alive()"):
        expect_is(stopper.is_alive(), True)
    with step(5, "gate.release.set() stopper.join(5)"):
        gate.release.set()
        stopper.join(5)
    with step(6, "stopper.is_alive()"):
        expect_is(stopper.is_alive(), False)
    with step(7, "gate.finished"):
        expect_equal(gate.finished, 1)
    with step(8, "futures[0].result(timeout=0)"):
        expect_is(futures[0].result(timeout=0), True)


@pytest.mark.behaviour("ba821934-014a-4505-910f-796234dbdd18", "scenario")
@pytest.mark.timeout(15.0)
def test_shutdown_without_wait_returns_at_once_and_refuses_publishes(solution):
    """shutdown(wait=False) must not block on a slow handler, and the bus is closed from then on."""
    Event = solution.Event
    AsyncEventBus = solution.AsyncEventBus
    with step(
        1,
        'bus = AsyncEventBus() gate = Gate() bus.subscribe("job", gate.handler()) futures = bus.publish(Event("job", {}))',
    ):
        bus = AsyncEventBus()
        gate = Gate()
        bus.subscribe("job", gate.handler())
        futures = bus.publish(Event("job", {}))
    with step(2, "gate.wait_started(1, timeout=5)"):
        expect_is(gate.wait_started(1, timeout=5), True)
    with step(
        3,
        'stopper = threading.Thread(target=bus.shutdown, kwargs={"wait": False}, daemon=True) stopper.start() stopper.join(3)',
    ):
        stopper = threading.Thread(target=bus.shutdown, kwargs={"wait": False}, daemon=True)
        stopper.start()
        stopper.join(3)
    with step(4, "stopper.is_alive()"):
        expect_is(stopper.is_alive(), False)
    with step(5, 'bus.publish(Event("job", {}))', raises=RuntimeError):
        bus.publish(Event("job", {}))
    with step(6, "gate.release.set()"):
        gate.release.set()
    with step(7, "futures[0].result(timeout=5)"):
        expect_is(futures[0].result(timeout=5), True)


@pytest.mark.behaviour("4112afbc-26be-4867-a299-ffb966842e31", "scenario")
@pytest.mark.timeout(10.0)
def test_async_bus_rejects_max_workers_below_one(solution):
    """A pool with no workers would accept events and never run them."""
    Event = solution.Event
    AsyncEventBus = solution.AsyncEventBus
    with step(1, "AsyncEventBus(max_workers=0)", raises=ValueError, match="max_workers"):
        AsyncEventBus(max_workers=0)
    with step(2, "AsyncEventBus(-1)", raises=ValueError, match="max_workers"):
        AsyncEventBus(-1)
    with step(3, 'bus = AsyncEventBus(max_workers=1) bus.subscribe("job", quiet)'):
        bus = AsyncEventBus(max_workers=1)
        bus.subscribe("job", quiet)
    with step(4, "[future.result(timeout=5) for future in bus.publish(Event('job', {}))]"):
        expect_equal([future.result(timeout=5) for future in bus.publish(Event("job", {}))], [True])
    with step(5, "bus.shutdown()"):
        bus.shutdown()


@pytest.mark.behaviour("28d3a33d-fb7e-4666-b80e-55cd36be2e9a", "concurrency")
@pytest.mark.timeout(25.0)
def test_concurrent_async_publishes_resolve_every_future(solution):
    """Many threads publishing on one async bus must get every handler run once and every future resolved True."""
    Event = solution.Event
    AsyncEventBus = solution.AsyncEventBus
    with step(
        "setup",
        'bus = AsyncEventBus(max_workers=4) counter = Counter() bus.subscribe("tick", counter) futures = []',
    ):
        bus = AsyncEventBus(max_workers=4)
        counter = Counter()
        bus.subscribe("tick", counter)
        futures = []

    def worker(index):
        for n in range(50):
            futures.extend(bus.publish(Event("tick", {"n": n})))

    run_threads(worker, threads=8, timeout=20.0, preempt=solution.__name__)
    with step("after 1", "len(futures)"):
        expect_equal(len(futures), 400)
    with step("after 2", "all((future.result(timeout=5) is True for future in futures))"):
        expect_is(all(future.result(timeout=5) is True for future in futures), True)
    with step("after 3", "counter.value"):
        expect_equal(counter.value, 400)
    with step("after 4", "bus.shutdown()"):
        bus.shutdown()


@pytest.mark.behaviour("8575fae6-63b7-44bf-ab13-0d8a2c1066e0", "scenario")
@pytest.mark.timeout(10.0)
def test_event_types_match_exactly_without_case_folding_or_trimming(solution):
    """An event's type is matched as the exact string; folding case or trimming would deliver "Order.Placed" to "order.placed" handlers, which the publisher never asked for."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        1,
        'bus = EventBus() log = [] bus.subscribe("order.placed", Recorder("lower", log)) bus.subscribe("Order.Placed", Recorder("capitalised", log)) bus.subscribe(" order.placed ", Recorder("padded", log)) bus.subscribe("straße", Recorder("eszett", log))',
    ):
        bus = EventBus()
        log = []
        bus.subscribe("order.placed", Recorder("lower", log))
        bus.subscribe("Order.Placed", Recorder("capitalised", log))
        bus.subscribe(" order.placed ", Recorder("padded", log))
        bus.subscribe("straße", Recorder("eszett", log))
    with step(2, "bus.publish(Event('order.placed', {}))"):
        expect_equal(bus.publish(Event("order.placed", {})), 1)
    with step(3, "names(log)"):
        expect_equal(names(log), ["lower"])
    with step(4, "bus.publish(Event('ORDER.PLACED', {}))"):
        expect_equal(bus.publish(Event("ORDER.PLACED", {})), 0)
    with step(5, "bus.publish(Event('STRASSE', {}))"):
        expect_equal(bus.publish(Event("STRASSE", {})), 0)
    with step(6, "bus.unsubscribe('ORDER.PLACED', Recorder('lower', log))"):
        expect_is(bus.unsubscribe("ORDER.PLACED", Recorder("lower", log)), False)
    with step(7, "bus.publish(Event('Order.Placed', {}))"):
        expect_equal(bus.publish(Event("Order.Placed", {})), 1)
    with step(8, "names(log)"):
        expect_equal(names(log), ["lower", "capitalised"])


@pytest.mark.behaviour("84b43650-e884-437d-8745-40330f41976a", "scenario")
@pytest.mark.timeout(10.0)
def test_publishing_the_same_event_again_delivers_it_again(solution):
    """The bus is not a de-duplicating consumer; every publish delivers and counts, also of an event object it has seen, and a second unsubscribe says it removed nothing."""
    Event = solution.Event
    EventBus = solution.EventBus
    with step(
        1,
        'bus = EventBus() log = [] handler = Recorder("only", log) bus.subscribe("job", handler) event = Event("job", {"n": 1})',
    ):
        bus = EventBus()
        log = []
        handler = Recorder("only", log)
        bus.subscribe("job", handler)
        event = Event("job", {"n": 1})
    with step(2, "bus.publish(event)"):
        expect_equal(bus.publish(event), 1)
    with step(3, "bus.publish(event)"):
        expect_equal(bus.publish(event), 1)
    with step(4, "names(log)"):
        expect_equal(names(log), ["only", "only"])
    with step(5, "bus.unsubscribe('job', handler)"):
        expect_is(bus.unsubscribe("job", handler), True)
    with step(6, "bus.unsubscribe('job', handler)"):
        expect_is(bus.unsubscribe("job", handler), False)
    with step(7, "bus.publish(event)"):
        expect_equal(bus.publish(event), 0)


@pytest.mark.behaviour("c78e03c8-9d42-4749-8633-9d8c498bab1a", "scenario")
@pytest.mark.timeout(10.0)
def test_each_event_takes_its_timestamp_when_it_is_created(solution):
    """A default computed once (at import or class definition) stamps every event with the same moment; each event's default timestamp is taken when that event is created."""
    Event = solution.Event
    with step(
        1,
        'first = Event("a", {}) zone = first.timestamp.tzinfo middle = datetime.now(zone) if zone else datetime.now() while middle <= first.timestamp: # until the clock has moved past the first event middle = datetime.now(zone) if zone else datetime.now() second = Event("a", {})',
    ):
        first = Event("a", {})
        zone = first.timestamp.tzinfo
        middle = datetime.now(zone) if zone else datetime.now()
        while middle <= first.timestamp:  # until the clock has moved past the first event
            middle = datetime.now(zone) if zone else datetime.now()
        second = Event("a", {})
    with step(2, "first.timestamp < middle <= second.timestamp"):
        expect_is(first.timestamp < middle <= second.timestamp, True)
