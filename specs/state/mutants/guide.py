"""Whole module, not a diff: the guide's machine: dispense never checks stock (never sold out), refund always "succeeds" and goes idle, restock leaves sold_out, bad stock accepted."""

from abc import ABC, abstractmethod


class VendingMachineState(ABC):
    @abstractmethod
    def insert_coin(self, machine):
        pass

    @abstractmethod
    def select_product(self, machine):
        pass

    @abstractmethod
    def dispense(self, machine):
        pass


class IdleState(VendingMachineState):
    name = "idle"

    def insert_coin(self, machine):
        print("Coin inserted")
        machine.set_state(CoinInsertedState())
        return "Coin inserted"

    def select_product(self, machine):
        return "Please insert coin first"

    def dispense(self, machine):
        return "Please insert coin and select product"


class CoinInsertedState(VendingMachineState):
    name = "coin_inserted"

    def insert_coin(self, machine):
        return "Coin already inserted"

    def select_product(self, machine):
        print("Product selected")
        machine.set_state(ProductSelectedState())
        return "Product selected"

    def dispense(self, machine):
        return "Please select a product first"


class ProductSelectedState(VendingMachineState):
    name = "product_selected"

    def insert_coin(self, machine):
        return "Product already selected, processing..."

    def select_product(self, machine):
        return "Product already selected"

    def dispense(self, machine):
        print("Dispensing product")
        machine.stock -= 1
        machine.set_state(IdleState())
        return "Dispensing product"


class SoldOutState(VendingMachineState):
    name = "sold_out"

    def insert_coin(self, machine):
        return "Sold out"

    def select_product(self, machine):
        return "Sold out"

    def dispense(self, machine):
        return "Sold out"


class VendingMachine:
    def __init__(self, stock=10):
        self.stock = stock
        self.current_state = IdleState()

    def set_state(self, state):
        self.current_state = state

    @property
    def state(self):
        return self.current_state.name

    def insert_coin(self):
        return self.current_state.insert_coin(self)

    def select_product(self):
        return self.current_state.select_product(self)

    def dispense(self):
        return self.current_state.dispense(self)

    def refund(self):
        print("Coin refunded")
        self.set_state(IdleState())
        return "Coin refunded"

    def restock(self, count):
        self.stock += count
        return "Restocked"
