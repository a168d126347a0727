"""Alternative vending machine: shared state singletons driven by per-class tables.

What is this pattern about?
    The State pattern: each mode of an object is a class; the object forwards every
    action to its current state object, which answers and picks the next state.

What does this example do?
    Each state class declares a small table of (message, next state name) per action;
    the state instances are module-level singletons (they hold no per-machine data), and
    the machine looks the next state up by name. Stock is kept in a private counter.

TL;DR
    Same transition table, expressed as data on each state class, with shared stateless
    state objects.
"""

from __future__ import annotations

from abc import ABC, abstractmethod


class VendingMachineState(ABC):
    name: str = ""
    table: dict[str, tuple[str, str]] = {}

    def _go(self, machine: VendingMachine, action: str) -> str:
        message, following = self.table[action]
        machine.current_state = STATES[following]
        return message

    @abstractmethod
    def insert_coin(self, machine: VendingMachine) -> str: ...

    @abstractmethod
    def select_product(self, machine: VendingMachine) -> str: ...

    @abstractmethod
    def dispense(self, machine: VendingMachine) -> str: ...

    def refund(self, machine: VendingMachine) -> str:
        return self._go(machine, "refund")


class _TableState(VendingMachineState):
    def insert_coin(self, machine: VendingMachine) -> str:
        return self._go(machine, "insert_coin")

    def select_product(self, machine: VendingMachine) -> str:
        return self._go(machine, "select_product")

    def dispense(self, machine: VendingMachine) -> str:
        return self._go(machine, "dispense")


class IdleState(_TableState):
    name = "idle"
    table = {
        "insert_coin": ("Coin inserted", "coin_inserted"),
        "select_product": ("Please insert coin first", "idle"),
        "dispense": ("Please insert coin and select product", "idle"),
        "refund": ("No coin to refund", "idle"),
    }


class CoinInsertedState(_TableState):
    name = "coin_inserted"
    table = {
        "insert_coin": ("Coin already inserted", "coin_inserted"),
        "select_product": ("Product selected", "product_selected"),
        "dispense": ("Please select a product first", "coin_inserted"),
        "refund": ("Coin refunded", "idle"),
    }


class ProductSelectedState(_TableState):
    name = "product_selected"
    table = {
        "insert_coin": ("Product already selected, processing...", "product_selected"),
        "select_product": ("Product already selected", "product_selected"),
        "dispense": ("Dispensing product", "idle"),
        "refund": ("Coin refunded", "idle"),
    }

    def dispense(self, machine: VendingMachine) -> str:
        machine._take_one()
        message = self._go(machine, "dispense")
        if machine.stock <= 0:
            machine.current_state = STATES["sold_out"]
        return message


class SoldOutState(_TableState):
    name = "sold_out"
    table = {
        "insert_coin": ("Sold out", "sold_out"),
        "select_product": ("Sold out", "sold_out"),
        "dispense": ("Sold out", "sold_out"),
        "refund": ("No coin to refund", "sold_out"),
    }


STATES: dict[str, VendingMachineState] = {
    cls.name: cls() for cls in (IdleState, CoinInsertedState, ProductSelectedState, SoldOutState)
}


def _count(value: object, what: str, minimum: int) -> int:
    if type(value) is not int:
        raise TypeError(f"{what} must be an int")
    if value < minimum:
        raise ValueError(f"{what} must be >= {minimum}, got {value}")
    return value


class VendingMachine:
    def __init__(self, stock: int = 10) -> None:
        self._stock = _count(stock, "stock", 0)
        self.current_state = STATES["idle" if self._stock else "sold_out"]

    @property
    def stock(self) -> int:
        return self._stock

    def _take_one(self) -> None:
        self._stock -= 1

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
        self._stock += _count(count, "count", 1)
        if self.current_state.name == "sold_out":
            self.current_state = STATES["idle"]
        return "Restocked"
