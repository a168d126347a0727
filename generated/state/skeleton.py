# Generated from specs/state/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 256a3e1cb207cdd6169f532167cfdcc24e6eb07e64216852c074d21da23c6bbf
"""Vending machine as a State pattern: your solution starts here.

Fill in every method until `kata check state` passes; the brief is generated/state/README.md.
"""

from __future__ import annotations

import abc


class VendingMachineState(abc.ABC):
    """One mode of the machine. Each action method takes the machine, moves it to the next
    state when the table says so, and returns the message to show.

    Attributes:
        name: The state's name: "idle", "coin_inserted", "product_selected" or "sold_out" (a class attribute is fine).
    """

    @abc.abstractmethod
    def insert_coin(self, machine: VendingMachine) -> str:
        """Handle a coin being inserted; return the message."""
        raise NotImplementedError("VendingMachineState.insert_coin: not implemented yet")

    @abc.abstractmethod
    def select_product(self, machine: VendingMachine) -> str:
        """Handle the product button; return the message."""
        raise NotImplementedError("VendingMachineState.select_product: not implemented yet")

    @abc.abstractmethod
    def dispense(self, machine: VendingMachine) -> str:
        """Handle a dispense request; return the message."""
        raise NotImplementedError("VendingMachineState.dispense: not implemented yet")

    def refund(self, machine: VendingMachine) -> str:
        """Handle a refund request (not abstract: the default suits every state without a coin)."""
        raise NotImplementedError(
            'VendingMachineState.refund: return "No coin to refund"; the states that hold a coin override this.'
        )


class IdleState(VendingMachineState):
    """`idle`: waiting for a coin."""

    def insert_coin(self, machine: VendingMachine) -> str:
        """ "Coin inserted"; moves to coin_inserted."""
        raise NotImplementedError(
            "IdleState.insert_coin: set machine.current_state to a CoinInsertedState, then return the message."
        )

    def select_product(self, machine: VendingMachine) -> str:
        """ "Please insert coin first"; stays idle."""
        raise NotImplementedError("IdleState.select_product: not implemented yet")

    def dispense(self, machine: VendingMachine) -> str:
        """ "Please insert coin and select product"; stays idle."""
        raise NotImplementedError("IdleState.dispense: not implemented yet")


class CoinInsertedState(VendingMachineState):
    """`coin_inserted`: holding the customer's coin, waiting for a selection."""

    def insert_coin(self, machine: VendingMachine) -> str:
        """ "Coin already inserted"; stays coin_inserted."""
        raise NotImplementedError("CoinInsertedState.insert_coin: not implemented yet")

    def select_product(self, machine: VendingMachine) -> str:
        """ "Product selected"; moves to product_selected."""
        raise NotImplementedError("CoinInsertedState.select_product: not implemented yet")

    def dispense(self, machine: VendingMachine) -> str:
        """ "Please select a product first"; stays coin_inserted."""
        raise NotImplementedError("CoinInsertedState.dispense: not implemented yet")

    def refund(self, machine: VendingMachine) -> str:
        """ "Coin refunded"; moves to idle."""
        raise NotImplementedError("CoinInsertedState.refund: not implemented yet")


class ProductSelectedState(VendingMachineState):
    """`product_selected`: paid and selected; the next dispense hands the product out."""

    def insert_coin(self, machine: VendingMachine) -> str:
        """ "Product already selected, processing..."; stays product_selected."""
        raise NotImplementedError("ProductSelectedState.insert_coin: not implemented yet")

    def select_product(self, machine: VendingMachine) -> str:
        """ "Product already selected"; stays product_selected."""
        raise NotImplementedError("ProductSelectedState.select_product: not implemented yet")

    def dispense(self, machine: VendingMachine) -> str:
        """ "Dispensing product"; takes one item from stock, then moves to sold_out when the stock is now 0, otherwise to idle."""
        raise NotImplementedError(
            "ProductSelectedState.dispense: decrement machine.stock, then pick SoldOutState or IdleState."
        )

    def refund(self, machine: VendingMachine) -> str:
        """ "Coin refunded"; moves to idle (the stock is untouched)."""
        raise NotImplementedError("ProductSelectedState.refund: not implemented yet")


class SoldOutState(VendingMachineState):
    """`sold_out`: refuses every action with "Sold out" (and refund with "No coin to refund") until restocked."""

    def insert_coin(self, machine: VendingMachine) -> str:
        """ "Sold out"; the coin is not taken; stays sold_out."""
        raise NotImplementedError("SoldOutState.insert_coin: not implemented yet")

    def select_product(self, machine: VendingMachine) -> str:
        """ "Sold out"; stays sold_out."""
        raise NotImplementedError("SoldOutState.select_product: not implemented yet")

    def dispense(self, machine: VendingMachine) -> str:
        """ "Sold out"; stays sold_out."""
        raise NotImplementedError("SoldOutState.dispense: not implemented yet")


class VendingMachine:
    """A one-product vending machine whose behaviour lives in its state objects. Each
    action is forwarded to `current_state`, which returns the message and picks the next
    state.

    Attributes:
        current_state: The state object the machine is in.
        stock: How many products are left.
    """

    def __init__(self, stock: int = 10) -> None:
        """Load `stock` products (`ValueError` naming stock when it is negative); start idle, or sold_out when stock is 0."""
        raise NotImplementedError(
            "VendingMachine.__init__: validate stock, keep it, and start in SoldOutState() when it is 0, else IdleState()."
        )

    def insert_coin(self) -> str:
        """Forward to the current state; return its message."""
        raise NotImplementedError(
            "VendingMachine.insert_coin: return self.current_state.insert_coin(self)"
        )

    def select_product(self) -> str:
        """Forward to the current state; return its message."""
        raise NotImplementedError("VendingMachine.select_product: not implemented yet")

    def dispense(self) -> str:
        """Forward to the current state; return its message."""
        raise NotImplementedError("VendingMachine.dispense: not implemented yet")

    def refund(self) -> str:
        """Forward to the current state; return its message."""
        raise NotImplementedError("VendingMachine.refund: not implemented yet")

    def restock(self, count: int) -> str:
        """Add `count` (>= 1, else `ValueError` naming count) products; return "Restocked". A sold_out machine moves to idle; any other state is kept."""
        raise NotImplementedError(
            "VendingMachine.restock: validate count first; add it to the stock; leave sold_out for idle."
        )

    @property
    def state(self) -> str:
        """The current state's name (read-only): idle, coin_inserted, product_selected or sold_out."""
        raise NotImplementedError("VendingMachine.state: not implemented yet")
