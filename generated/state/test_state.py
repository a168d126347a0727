# Generated from specs/state/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 256a3e1cb207cdd6169f532167cfdcc24e6eb07e64216852c074d21da23c6bbf
"""Conformance suite for the state kata: one test per behaviour of its spec.

Run it with `kata check state` or `pytest generated/state --impl PATH`.
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

# The catalogue's transition table: (state, action) -> (message, next state).
# Dispensing from product_selected goes to sold_out instead of idle when the stock reaches 0.
TABLE = {
    ("idle", "insert_coin"): ("Coin inserted", "coin_inserted"),
    ("idle", "select_product"): ("Please insert coin first", "idle"),
    ("idle", "dispense"): ("Please insert coin and select product", "idle"),
    ("idle", "refund"): ("No coin to refund", "idle"),
    ("coin_inserted", "insert_coin"): ("Coin already inserted", "coin_inserted"),
    ("coin_inserted", "select_product"): ("Product selected", "product_selected"),
    ("coin_inserted", "dispense"): ("Please select a product first", "coin_inserted"),
    ("coin_inserted", "refund"): ("Coin refunded", "idle"),
    ("product_selected", "insert_coin"): (
        "Product already selected, processing...",
        "product_selected",
    ),
    ("product_selected", "select_product"): ("Product already selected", "product_selected"),
    ("product_selected", "dispense"): ("Dispensing product", "idle"),
    ("product_selected", "refund"): ("Coin refunded", "idle"),
    ("sold_out", "insert_coin"): ("Sold out", "sold_out"),
    ("sold_out", "select_product"): ("Sold out", "sold_out"),
    ("sold_out", "dispense"): ("Sold out", "sold_out"),
    ("sold_out", "refund"): ("No coin to refund", "sold_out"),
}


ACTIONS = ["insert_coin", "select_product", "dispense", "refund"]


class Driver:
    """Calls a machine's customer action by name, so one rule can draw which action to take."""

    def __init__(self, machine):
        self.machine = machine

    def act(self, action):
        return getattr(self.machine, action)()

    def buy(self):
        return [self.act(action) for action in ("insert_coin", "select_product", "dispense")]

    def restock(self, count):
        return self.machine.restock(count)


pytestmark = pytest.mark.kata(
    "state",
    classes=[
        "VendingMachineState",
        "IdleState",
        "CoinInsertedState",
        "ProductSelectedState",
        "SoldOutState",
        "VendingMachine",
    ],
    exceptions=[],
    functions=[],
)


@pytest.mark.behaviour("a46f32cc-93ce-4b25-878e-ebc7629ed1c6", "scenario")
@pytest.mark.timeout(10.0)
def test_a_new_machine_starts_idle_with_its_stock(solution):
    """A machine with products must be ready for a coin, and report the stock it was loaded with (10 by default)."""
    IdleState = solution.IdleState
    VendingMachine = solution.VendingMachine
    with step(1, "machine = VendingMachine()"):
        machine = VendingMachine()
    with step(2, "machine.state"):
        expect_equal(machine.state, "idle")
    with step(3, "machine.stock"):
        expect_equal(machine.stock, 10)
    with step(4, "isinstance(machine.current_state, IdleState)"):
        expect_is(isinstance(machine.current_state, IdleState), True)
    with step(5, "small = VendingMachine(3)"):
        small = VendingMachine(3)
    with step(6, "(small.state, small.stock)"):
        expect_equal((small.state, small.stock), ("idle", 3))
    with step(7, "VendingMachine(stock=1).stock"):
        expect_equal(VendingMachine(stock=1).stock, 1)


@pytest.mark.behaviour("72bd4716-316c-435c-a54b-d28341bd85c8", "scenario")
@pytest.mark.timeout(10.0)
def test_a_machine_built_with_no_stock_starts_sold_out(solution):
    """An empty machine must not take a coin for a product it cannot deliver."""
    SoldOutState = solution.SoldOutState
    VendingMachine = solution.VendingMachine
    with step(1, "machine = VendingMachine(0)"):
        machine = VendingMachine(0)
    with step(2, "machine.state"):
        expect_equal(machine.state, "sold_out")
    with step(3, "isinstance(machine.current_state, SoldOutState)"):
        expect_is(isinstance(machine.current_state, SoldOutState), True)
    with step(4, "machine.stock"):
        expect_equal(machine.stock, 0)
    with step(5, "machine.insert_coin()"):
        expect_equal(machine.insert_coin(), "Sold out")
    with step(6, "machine.state"):
        expect_equal(machine.state, "sold_out")


@pytest.mark.behaviour("db01521b-1fed-4c6e-afc0-115c24de956b", "scenario")
@pytest.mark.timeout(10.0)
def test_a_negative_stock_is_rejected(solution):
    """A machine cannot hold fewer than zero products; accepting it would let stock accounting go wrong from the start."""
    VendingMachine = solution.VendingMachine
    with step(1, "VendingMachine(-1)", raises=ValueError, match="stock"):
        VendingMachine(-1)
    with step(2, "VendingMachine(stock=-10)", raises=ValueError, match="stock"):
        VendingMachine(stock=-10)


@pytest.mark.behaviour("77018315-f527-4d1b-bfea-01475282b601", "scenario")
@pytest.mark.timeout(10.0)
def test_idle_follows_its_row_of_the_transition_table(solution):
    """From idle only a coin moves the machine on; selecting, dispensing and refunding explain why nothing happens and stay idle."""
    CoinInsertedState = solution.CoinInsertedState
    VendingMachine = solution.VendingMachine
    with step(1, "machine = VendingMachine(5)"):
        machine = VendingMachine(5)
    with step(2, "machine.select_product()"):
        expect_equal(machine.select_product(), "Please insert coin first")
    with step(3, "machine.state"):
        expect_equal(machine.state, "idle")
    with step(4, "machine.dispense()"):
        expect_equal(machine.dispense(), "Please insert coin and select product")
    with step(5, "machine.state"):
        expect_equal(machine.state, "idle")
    with step(6, "machine.refund()"):
        expect_equal(machine.refund(), "No coin to refund")
    with step(7, "machine.state"):
        expect_equal(machine.state, "idle")
    with step(8, "machine.insert_coin()"):
        expect_equal(machine.insert_coin(), "Coin inserted")
    with step(9, "machine.state"):
        expect_equal(machine.state, "coin_inserted")
    with step(10, "isinstance(machine.current_state, CoinInsertedState)"):
        expect_is(isinstance(machine.current_state, CoinInsertedState), True)
    with step(11, "machine.stock"):
        expect_equal(machine.stock, 5)


@pytest.mark.behaviour("23f78acb-a86c-4f98-b269-94011d75cd7d", "scenario")
@pytest.mark.timeout(10.0)
def test_coin_inserted_follows_its_row_of_the_transition_table(solution):
    """With a coin in, a second coin and an early dispense are refused in place, a selection moves on, and a refund returns to idle."""
    IdleState = solution.IdleState
    ProductSelectedState = solution.ProductSelectedState
    VendingMachine = solution.VendingMachine
    with step(1, "machine = VendingMachine(5) machine.insert_coin()"):
        machine = VendingMachine(5)
        machine.insert_coin()
    with step(2, "machine.insert_coin()"):
        expect_equal(machine.insert_coin(), "Coin already inserted")
    with step(3, "machine.state"):
        expect_equal(machine.state, "coin_inserted")
    with step(4, "machine.dispense()"):
        expect_equal(machine.dispense(), "Please select a product first")
    with step(5, "machine.state"):
        expect_equal(machine.state, "coin_inserted")
    with step(6, "machine.refund()"):
        expect_equal(machine.refund(), "Coin refunded")
    with step(7, "machine.state"):
        expect_equal(machine.state, "idle")
    with step(8, "isinstance(machine.current_state, IdleState)"):
        expect_is(isinstance(machine.current_state, IdleState), True)
    with step(9, "machine.insert_coin()"):
        machine.insert_coin()
    with step(10, "machine.select_product()"):
        expect_equal(machine.select_product(), "Product selected")
    with step(11, "machine.state"):
        expect_equal(machine.state, "product_selected")
    with step(12, "isinstance(machine.current_state, ProductSelectedState)"):
        expect_is(isinstance(machine.current_state, ProductSelectedState), True)
    with step(13, "machine.stock"):
        expect_equal(machine.stock, 5)


@pytest.mark.behaviour("05d8e4e8-e59f-4e5b-9e72-ff3a5ba47bd4", "scenario")
@pytest.mark.timeout(10.0)
def test_product_selected_follows_its_row_of_the_transition_table(solution):
    """Once a product is selected, more coins or selections change nothing, and a refund still gives the coin back and returns to idle."""
    VendingMachine = solution.VendingMachine
    with step(1, "machine = VendingMachine(5) machine.insert_coin() machine.select_product()"):
        machine = VendingMachine(5)
        machine.insert_coin()
        machine.select_product()
    with step(2, "machine.insert_coin()"):
        expect_equal(machine.insert_coin(), "Product already selected, processing...")
    with step(3, "machine.state"):
        expect_equal(machine.state, "product_selected")
    with step(4, "machine.select_product()"):
        expect_equal(machine.select_product(), "Product already selected")
    with step(5, "machine.state"):
        expect_equal(machine.state, "product_selected")
    with step(6, "machine.refund()"):
        expect_equal(machine.refund(), "Coin refunded")
    with step(7, "machine.state"):
        expect_equal(machine.state, "idle")
    with step(8, "machine.stock"):
        expect_equal(machine.stock, 5)


@pytest.mark.behaviour("d83d443a-2d04-4de6-8e71-f79485192a6b", "scenario")
@pytest.mark.timeout(10.0)
def test_dispensing_hands_out_one_item_and_returns_to_idle(solution):
    """ "Dispensing product" must take exactly one item from stock and leave the machine ready for the next customer."""
    IdleState = solution.IdleState
    VendingMachine = solution.VendingMachine
    with step(1, "machine = VendingMachine(3) machine.insert_coin() machine.select_product()"):
        machine = VendingMachine(3)
        machine.insert_coin()
        machine.select_product()
    with step(2, "machine.dispense()"):
        expect_equal(machine.dispense(), "Dispensing product")
    with step(3, "machine.state"):
        expect_equal(machine.state, "idle")
    with step(4, "isinstance(machine.current_state, IdleState)"):
        expect_is(isinstance(machine.current_state, IdleState), True)
    with step(5, "machine.stock"):
        expect_equal(machine.stock, 2)
    with step(6, "[machine.insert_coin(), machine.select_product(), machine.dispense()]"):
        expect_equal(
            [machine.insert_coin(), machine.select_product(), machine.dispense()],
            ["Coin inserted", "Product selected", "Dispensing product"],
        )
    with step(7, "(machine.state, machine.stock)"):
        expect_equal((machine.state, machine.stock), ("idle", 1))


@pytest.mark.behaviour("90a5a4f0-237e-4de8-a6d4-5a4aac41d814", "scenario")
@pytest.mark.timeout(10.0)
def test_dispensing_the_last_item_moves_to_sold_out(solution):
    """When stock reaches 0 the machine must go to sold_out, not idle; otherwise it takes the next customer's coin for nothing and stock goes negative."""
    SoldOutState = solution.SoldOutState
    VendingMachine = solution.VendingMachine
    with step(1, "machine = VendingMachine(1) machine.insert_coin() machine.select_product()"):
        machine = VendingMachine(1)
        machine.insert_coin()
        machine.select_product()
    with step(2, "machine.dispense()"):
        expect_equal(machine.dispense(), "Dispensing product")
    with step(3, "machine.state"):
        expect_equal(machine.state, "sold_out")
    with step(4, "isinstance(machine.current_state, SoldOutState)"):
        expect_is(isinstance(machine.current_state, SoldOutState), True)
    with step(5, "machine.stock"):
        expect_equal(machine.stock, 0)
    with step(
        6,
        "two = VendingMachine(2) for _ in range(2): two.insert_coin() two.select_product() two.dispense()",
    ):
        two = VendingMachine(2)
        for _ in range(2):
            two.insert_coin()
            two.select_product()
            two.dispense()
    with step(7, "(two.state, two.stock)"):
        expect_equal((two.state, two.stock), ("sold_out", 0))


@pytest.mark.behaviour("3bf443de-475d-4b8d-8865-03ea1fa1729a", "scenario")
@pytest.mark.timeout(10.0)
def test_sold_out_follows_its_row_of_the_transition_table(solution):
    """A sold-out machine refuses coins, selections and dispensing with "Sold out", has no coin to refund, and stays sold out whatever the customer does."""
    VendingMachine = solution.VendingMachine
    with step(
        1,
        "machine = VendingMachine(1) machine.insert_coin() machine.select_product() machine.dispense()",
    ):
        machine = VendingMachine(1)
        machine.insert_coin()
        machine.select_product()
        machine.dispense()
    with step(2, "machine.insert_coin()"):
        expect_equal(machine.insert_coin(), "Sold out")
    with step(3, "machine.state"):
        expect_equal(machine.state, "sold_out")
    with step(4, "machine.select_product()"):
        expect_equal(machine.select_product(), "Sold out")
    with step(5, "machine.state"):
        expect_equal(machine.state, "sold_out")
    with step(6, "machine.dispense()"):
        expect_equal(machine.dispense(), "Sold out")
    with step(7, "machine.state"):
        expect_equal(machine.state, "sold_out")
    with step(8, "machine.refund()"):
        expect_equal(machine.refund(), "No coin to refund")
    with step(9, "machine.state"):
        expect_equal(machine.state, "sold_out")
    with step(10, "machine.stock"):
        expect_equal(machine.stock, 0)
    with step(11, "empty = VendingMachine(0)"):
        empty = VendingMachine(0)
    with step(
        12,
        "[empty.refund(), empty.insert_coin(), empty.refund(), empty.select_product(), empty.dispense()]",
    ):
        expect_equal(
            [
                empty.refund(),
                empty.insert_coin(),
                empty.refund(),
                empty.select_product(),
                empty.dispense(),
            ],
            ["No coin to refund", "Sold out", "No coin to refund", "Sold out", "Sold out"],
        )
    with step(13, "(empty.state, empty.stock)"):
        expect_equal((empty.state, empty.stock), ("sold_out", 0))


@pytest.mark.behaviour("a7922ee1-faff-4d30-8908-2c0fcf834746", "scenario")
@pytest.mark.timeout(10.0)
def test_restock_adds_stock_and_reopens_a_sold_out_machine(solution):
    """Restocking is the only way out of sold_out; it must add to the stock (not replace it) and make the machine idle again."""
    IdleState = solution.IdleState
    VendingMachine = solution.VendingMachine
    with step(1, "machine = VendingMachine(0)"):
        machine = VendingMachine(0)
    with step(2, "machine.restock(2)"):
        expect_equal(machine.restock(2), "Restocked")
    with step(3, "machine.state"):
        expect_equal(machine.state, "idle")
    with step(4, "isinstance(machine.current_state, IdleState)"):
        expect_is(isinstance(machine.current_state, IdleState), True)
    with step(5, "machine.stock"):
        expect_equal(machine.stock, 2)
    with step(6, "machine.restock(3)"):
        expect_equal(machine.restock(3), "Restocked")
    with step(7, "(machine.state, machine.stock)"):
        expect_equal((machine.state, machine.stock), ("idle", 5))
    with step(8, "[machine.insert_coin(), machine.select_product(), machine.dispense()]"):
        expect_equal(
            [machine.insert_coin(), machine.select_product(), machine.dispense()],
            ["Coin inserted", "Product selected", "Dispensing product"],
        )
    with step(9, "machine.stock"):
        expect_equal(machine.stock, 4)


@pytest.mark.behaviour("b1c57ab6-02a5-468c-9c51-e02974748f11", "scenario")
@pytest.mark.timeout(10.0)
def test_restock_keeps_any_state_other_than_sold_out(solution):
    """An operator topping up the machine must not swallow a customer's coin or selection: only sold_out changes on restock."""
    VendingMachine = solution.VendingMachine
    with step(1, "machine = VendingMachine(1) machine.insert_coin()"):
        machine = VendingMachine(1)
        machine.insert_coin()
    with step(2, "machine.restock(1)"):
        expect_equal(machine.restock(1), "Restocked")
    with step(3, "(machine.state, machine.stock)"):
        expect_equal((machine.state, machine.stock), ("coin_inserted", 2))
    with step(4, "machine.select_product()"):
        machine.select_product()
    with step(5, "machine.restock(4)"):
        expect_equal(machine.restock(4), "Restocked")
    with step(6, "(machine.state, machine.stock)"):
        expect_equal((machine.state, machine.stock), ("product_selected", 6))
    with step(7, "machine.dispense()"):
        expect_equal(machine.dispense(), "Dispensing product")
    with step(8, "machine.restock(1)"):
        expect_equal(machine.restock(1), "Restocked")
    with step(9, "(machine.state, machine.stock)"):
        expect_equal((machine.state, machine.stock), ("idle", 6))


@pytest.mark.behaviour("a94ad79b-0348-4d50-9db6-bd9187d96101", "scenario")
@pytest.mark.timeout(10.0)
def test_restock_rejects_a_count_below_one(solution):
    """Restocking nothing or a negative amount is an operator error; it must raise and change neither the stock nor the state."""
    VendingMachine = solution.VendingMachine
    with step(1, "machine = VendingMachine(0)"):
        machine = VendingMachine(0)
    with step(2, "machine.restock(0)", raises=ValueError, match="count"):
        machine.restock(0)
    with step(3, "machine.restock(-3)", raises=ValueError, match="count"):
        machine.restock(-3)
    with step(4, "(machine.state, machine.stock)"):
        expect_equal((machine.state, machine.stock), ("sold_out", 0))
    with step(5, "busy = VendingMachine(2)"):
        busy = VendingMachine(2)
    with step(6, "busy.restock(0)", raises=ValueError, match="count"):
        busy.restock(0)
    with step(7, "(busy.state, busy.stock)"):
        expect_equal((busy.state, busy.stock), ("idle", 2))


@pytest.mark.behaviour("d814ebc4-23f9-4d47-b952-b0dfe51e11fc", "scenario")
@pytest.mark.timeout(10.0)
def test_each_state_is_a_named_subclass_of_the_abstract_state(solution):
    """The pattern is one class per state: each is a `VendingMachineState` with its own `name`, the base cannot be built, and `state` always mirrors `current_state` and cannot be assigned."""
    VendingMachineState = solution.VendingMachineState
    IdleState = solution.IdleState
    CoinInsertedState = solution.CoinInsertedState
    ProductSelectedState = solution.ProductSelectedState
    SoldOutState = solution.SoldOutState
    VendingMachine = solution.VendingMachine
    with step(1, "VendingMachineState()", raises=TypeError):
        VendingMachineState()
    with step(
        2,
        "[cls().name for cls in (IdleState, CoinInsertedState, ProductSelectedState, SoldOutState)]",
    ):
        expect_equal(
            [
                cls().name
                for cls in (IdleState, CoinInsertedState, ProductSelectedState, SoldOutState)
            ],
            ["idle", "coin_inserted", "product_selected", "sold_out"],
        )
    with step(
        3,
        "all((issubclass(cls, VendingMachineState) for cls in (IdleState, CoinInsertedState, ProductSelectedState, SoldOutState)))",
    ):
        expect_is(
            all(
                issubclass(cls, VendingMachineState)
                for cls in (IdleState, CoinInsertedState, ProductSelectedState, SoldOutState)
            ),
            True,
        )
    with step(4, "machine = VendingMachine(2)"):
        machine = VendingMachine(2)
    with step(5, "isinstance(machine.current_state, VendingMachineState)"):
        expect_is(isinstance(machine.current_state, VendingMachineState), True)
    with step(6, "machine.current_state.name == machine.state"):
        expect_is(machine.current_state.name == machine.state, True)
    with step(7, 'machine.state = "sold_out"', raises=AttributeError):
        machine.state = "sold_out"
    with step(8, "machine.state"):
        expect_equal(machine.state, "idle")


@pytest.mark.behaviour("071c3863-08ee-497e-a949-14cf86cdf430", "scenario")
@pytest.mark.timeout(10.0)
def test_the_current_state_object_makes_the_transition(solution):
    """In the State pattern the state object, given the machine, answers and moves it on; the machine's methods only forward to it."""
    VendingMachine = solution.VendingMachine
    with step(1, "machine = VendingMachine(1)"):
        machine = VendingMachine(1)
    with step(2, "machine.current_state.insert_coin(machine)"):
        expect_equal(machine.current_state.insert_coin(machine), "Coin inserted")
    with step(3, "machine.state"):
        expect_equal(machine.state, "coin_inserted")
    with step(4, "machine.current_state.select_product(machine)"):
        expect_equal(machine.current_state.select_product(machine), "Product selected")
    with step(5, "machine.state"):
        expect_equal(machine.state, "product_selected")
    with step(6, "machine.current_state.dispense(machine)"):
        expect_equal(machine.current_state.dispense(machine), "Dispensing product")
    with step(7, "(machine.state, machine.stock)"):
        expect_equal((machine.state, machine.stock), ("sold_out", 0))
    with step(8, "machine.current_state.insert_coin(machine)"):
        expect_equal(machine.current_state.insert_coin(machine), "Sold out")
    with step(9, "machine.state"):
        expect_equal(machine.state, "sold_out")


@pytest.mark.behaviour("a9965ba8-26d0-4f40-b1c4-9bbca0d7ea89", "property")
@pytest.mark.timeout(60.0)
def test_any_sequence_of_actions_follows_the_transition_table(solution):
    """Every cell of the table (message and next state) must hold from every reachable situation, with the stock counted exactly and restock validated."""
    VendingMachine = solution.VendingMachine

    class MachineModel:
        def __init__(self, stock):
            self.stock = stock
            self.state = "sold_out" if stock == 0 else "idle"

        def act(self, action):
            message, following = TABLE[(self.state, action)]
            if (self.state, action) == ("product_selected", "dispense"):
                self.stock -= 1
                if self.stock == 0:
                    following = "sold_out"
            self.state = following
            return message

        def buy(self):
            return [self.act(action) for action in ("insert_coin", "select_product", "dispense")]

        def restock(self, count):
            if count < 1:
                raise ValueError("count must be at least 1")
            self.stock += count
            if self.state == "sold_out":
                self.state = "idle"
            return "Restocked"

    class Machine(ModelMachine):
        @initialize(stock=st.integers(min_value=0, max_value=3))
        def start(self, stock):
            self.begin(
                lambda: Driver(VendingMachine(stock)),
                lambda: MachineModel(stock),
                "Driver(VendingMachine(stock))",
                stock=stock,
            )

        @rule(action=st.sampled_from(ACTIONS))
        def rule_1_act(self, action):
            self.apply(
                "act(action)",
                lambda target: target.act(action),
                action=action,
                compare=True,
            )

        @rule()
        def rule_2_buy(self):
            self.apply(
                "buy()",
                lambda target: target.buy(),
                compare=True,
            )

        @rule(count=st.integers(min_value=-1, max_value=2))
        def rule_3_restock(self, count):
            self.apply(
                "restock(count)",
                lambda target: target.restock(count),
                count=count,
                compare=True,
            )

        @invariant()
        def invariant_1(self):
            self.holds(
                "subject.machine.state == model.state",
                lambda subject, model: subject.machine.state == model.state,
                sides=lambda subject, model: (subject.machine.state, model.state),
                equality=True,
            )

        @invariant()
        def invariant_2(self):
            self.holds(
                "subject.machine.stock == model.stock",
                lambda subject, model: subject.machine.stock == model.stock,
                sides=lambda subject, model: (subject.machine.stock, model.stock),
                equality=True,
            )

        @invariant()
        def invariant_3(self):
            self.holds(
                "subject.machine.current_state.name == subject.machine.state",
                lambda subject, model: subject.machine.current_state.name == subject.machine.state,
                sides=lambda subject, model: (
                    subject.machine.current_state.name,
                    subject.machine.state,
                ),
                equality=True,
            )

    run_model_machine(Machine, examples=80, steps=30)
