"""Whole module, not a diff: the guide's remote: an index into one history list that submit never truncates (undo after a new submit re-undoes an undone command), and light undo toggles instead of restoring."""

from abc import ABC, abstractmethod


class Command(ABC):
    @abstractmethod
    def execute(self):
        pass

    @abstractmethod
    def undo(self):
        pass


class Light:
    def __init__(self):
        self.is_on = False

    def turn_on(self):
        self.is_on = True
        print("Light is ON")

    def turn_off(self):
        self.is_on = False
        print("Light is OFF")


class LightOnCommand(Command):
    def __init__(self, light):
        self.light = light

    def execute(self):
        self.light.turn_on()

    def undo(self):
        self.light.turn_off()


class LightOffCommand(Command):
    def __init__(self, light):
        self.light = light

    def execute(self):
        self.light.turn_off()

    def undo(self):
        self.light.turn_on()


class MacroCommand(Command):
    def __init__(self, commands):
        self.commands = commands

    def execute(self):
        for command in self.commands:
            command.execute()

    def undo(self):
        for command in reversed(self.commands):
            command.undo()


class RemoteControl:
    def __init__(self):
        self.history = []
        self.current_index = -1

    def submit(self, command):
        command.execute()
        self.history.append(command)
        self.current_index = len(self.history) - 1

    def undo(self):
        if self.current_index >= 0:
            command = self.history[self.current_index]
            command.undo()
            self.current_index -= 1
            return True
        print("Nothing to undo")
        return False

    def redo(self):
        if self.current_index < len(self.history) - 1:
            self.current_index += 1
            command = self.history[self.current_index]
            command.execute()
            return True
        print("Nothing to redo")
        return False

    @property
    def can_undo(self):
        return self.current_index >= 0

    @property
    def can_redo(self):
        return self.current_index < len(self.history) - 1
