"""Alternative command implementation: one history list and a cursor, truncated on submit.

What is this pattern about?
    The Command pattern: requests as objects with execute() and undo().

What does this example do?
    Instead of two stacks, RemoteControl keeps one list and the index of the next
    command to redo; a successful submit cuts the list at the cursor. Light commands keep
    a per-execution record of the state they found (a list used as a stack of snapshots).

TL;DR
    Same contract, different data structure: a cursor into one truncated history.
"""

from __future__ import annotations

import abc


class Command(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def execute(self) -> None: ...

    @abc.abstractmethod
    def undo(self) -> None: ...


class Light:
    def __init__(self) -> None:
        self.is_on = False

    def turn_on(self) -> None:
        self.is_on = True

    def turn_off(self) -> None:
        self.is_on = False


class LightOnCommand(Command):
    target = True

    def __init__(self, light: Light) -> None:
        self.light = light
        self._snapshots: list[bool] = []

    def execute(self) -> None:
        before = self.light.is_on
        (self.light.turn_on if self.target else self.light.turn_off)()
        self._snapshots.append(before)

    def undo(self) -> None:
        if self._snapshots:
            before = self._snapshots.pop()
            (self.light.turn_on if before else self.light.turn_off)()


class LightOffCommand(LightOnCommand):
    target = False


class MacroCommand(Command):
    def __init__(self, commands: list[Command]) -> None:
        self.commands = tuple(commands)

    def execute(self) -> None:
        for i, command in enumerate(self.commands):
            try:
                command.execute()
            except BaseException:
                for done in self.commands[i - 1 :: -1] if i else ():
                    done.undo()
                raise

    def undo(self) -> None:
        for command in self.commands[::-1]:
            command.undo()


class RemoteControl:
    def __init__(self) -> None:
        self._history: list[Command] = []
        self._cursor = 0  # history[:cursor] is done, history[cursor:] is undone

    def submit(self, command: Command) -> None:
        command.execute()
        del self._history[self._cursor :]
        self._history.append(command)
        self._cursor = len(self._history)

    def undo(self) -> bool:
        if self._cursor == 0:
            return False
        self._history[self._cursor - 1].undo()
        self._cursor -= 1
        return True

    def redo(self) -> bool:
        if self._cursor == len(self._history):
            return False
        self._history[self._cursor].execute()
        self._cursor += 1
        return True

    @property
    def can_undo(self) -> bool:
        return self._cursor > 0

    @property
    def can_redo(self) -> bool:
        return self._cursor < len(self._history)
