"""Mutant: CoinInsertedState does not override refund, so a coin inserted but not yet spent cannot be refunded."""

from __future__ import annotations

from abc import ABC, abstractmethod


class VendingMachineState(ABC):
    """One mode of the machine: answers each action and chooses the next state."""

    name: str

    @abstractmethod
    def insert_coin(self, machine: VendingMachine) -> str: ...

    @abstractmethod
    def select_product(self, machine: VendingMachine) -> str: ...

    @abstractmethod
    def dispense(self, machine: VendingMachine) -> str: ...

    def refund(self, machine: VendingMachine) -> str:
        # Only the states holding a coin override this; elsewhere there is nothing to give back.
        return "No coin to refund"


class IdleState(VendingMachineState):
    """Waiting for a coin."""

    name = "idle"

    def insert_coin(self, machine: VendingMachine) -> str:
        machine.current_state = CoinInsertedState()
        return "Coin inserted"

    def select_product(self, machine: VendingMachine) -> str:
        return "Please insert coin first"

    def dispense(self, machine: VendingMachine) -> str:
        return "Please insert coin and select product"


class CoinInsertedState(VendingMachineState):
    """Holding the customer's coin, waiting for a selection."""

    name = "coin_inserted"

    def insert_coin(self, machine: VendingMachine) -> str:
        return "Coin already inserted"

    def select_product(self, machine: VendingMachine) -> str:
        machine.current_state = ProductSelectedState()
        return "Product selected"

    def dispense(self, machine: VendingMachine) -> str:
        return "Please select a product first"


class ProductSelectedState(VendingMachineState):
    """Paid and selected: the next dispense hands the product out."""

    name = "product_selected"

    def insert_coin(self, machine: VendingMachine) -> str:
        return "Product already selected, processing..."

    def select_product(self, machine: VendingMachine) -> str:
        return "Product already selected"

    def dispense(self, machine: VendingMachine) -> str:
        machine.stock -= 1
        # The machine only reaches this state with stock left, so stock never goes negative.
        machine.current_state = SoldOutState() if machine.stock == 0 else IdleState()
        return "Dispensing product"

    def refund(self, machine: VendingMachine) -> str:
        machine.current_state = IdleState()
        return "Coin refunded"


class SoldOutState(VendingMachineState):
    """Nothing left to sell: refuse everything until restocked."""

    name = "sold_out"

    def insert_coin(self, machine: VendingMachine) -> str:
        return "Sold out"  # the coin is not taken, so there is nothing to refund later

    def select_product(self, machine: VendingMachine) -> str:
        return "Sold out"

    def dispense(self, machine: VendingMachine) -> str:
        return "Sold out"


class VendingMachine:
    """A one-product vending machine whose behaviour lives in its state objects."""

    def __init__(self, stock: int = 10) -> None:
        if isinstance(stock, bool) or not isinstance(stock, int):
            raise TypeError(f"stock must be an int, got {type(stock).__name__}")
        if stock < 0:
            raise ValueError(f"stock must be 0 or more, got {stock}")
        self.stock = stock
        self.current_state: VendingMachineState = SoldOutState() if stock == 0 else IdleState()

    @property
    def state(self) -> str:
        return self.current_state.name

    def insert_coin(self) -> str:
        return self.current_state.insert_coin(self)

    def select_product(self) -> str:
        return self.current_state.select_product(self)

    def dispense(self) -> str:
        return self.current_state.dispense(self)

    def refund(self) -> str:
        return self.current_state.refund(self)

    def restock(self, count: int) -> str:
        # An operator action, not a customer one: only the sold-out state cares about it.
        if isinstance(count, bool) or not isinstance(count, int):
            raise TypeError(f"count must be an int, got {type(count).__name__}")
        if count < 1:
            raise ValueError(f"count must be at least 1, got {count}")
        self.stock += count
        if isinstance(self.current_state, SoldOutState):
            self.current_state = IdleState()
        return "Restocked"
