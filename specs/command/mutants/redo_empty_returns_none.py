"""Mutant: redo() with nothing to redo falls off the end and returns None instead of False."""

from __future__ import annotations

from abc import ABC, abstractmethod


class Command(ABC):
    """A request as an object: something that can be executed and undone."""

    @abstractmethod
    def execute(self) -> None:
        """Carry out the request."""

    @abstractmethod
    def undo(self) -> None:
        """Reverse the effect of the last `execute()`."""


class Light:
    """The receiver: a light that is on or off."""

    def __init__(self) -> None:
        self.is_on = False

    def turn_on(self) -> None:
        self.is_on = True

    def turn_off(self) -> None:
        self.is_on = False


class _LightCommand(Command):
    """Sets a light to one state; undo restores whatever state it found."""

    _target: bool

    def __init__(self, light: Light) -> None:
        self.light = light
        self._was_on: bool | None = None  # unknown until executed

    def execute(self) -> None:
        self._was_on = self.light.is_on
        self._set(self._target)

    def undo(self) -> None:
        # Restore, don't invert: undoing "on" for a light that was already on leaves it on.
        if self._was_on is not None:
            self._set(self._was_on)

    def _set(self, on: bool) -> None:
        if on:
            self.light.turn_on()
        else:
            self.light.turn_off()


class LightOnCommand(_LightCommand):
    """Turns the light on."""

    _target = True


class LightOffCommand(_LightCommand):
    """Turns the light off."""

    _target = False


class MacroCommand(Command):
    """Several commands treated as one: executed in order, undone in reverse order."""

    def __init__(self, commands: list[Command]) -> None:
        self.commands = list(commands)  # a copy: later edits to the caller's list don't leak in

    def execute(self) -> None:
        done: list[Command] = []
        try:
            for command in self.commands:
                command.execute()
                done.append(command)
        except BaseException:
            # All or nothing: a half-executed macro would not be undoable as one step.
            for command in reversed(done):
                command.undo()
            raise

    def undo(self) -> None:
        for command in reversed(self.commands):
            command.undo()


class RemoteControl:
    """The invoker: executes commands and keeps the undo and redo history."""

    def __init__(self) -> None:
        self._done: list[Command] = []
        self._undone: list[Command] = []

    def submit(self, command: Command) -> None:
        command.execute()  # if this raises, nothing below runs: not recorded, redo kept
        self._done.append(command)
        self._undone.clear()  # a new action starts a new branch; the old future is gone

    def undo(self) -> bool:
        if not self._done:
            return False
        command = self._done[-1]
        command.undo()
        self._undone.append(self._done.pop())
        return True

    def redo(self) -> bool | None:
        if self._undone:
            command = self._undone[-1]
            command.execute()
            self._done.append(self._undone.pop())
            return True
        return None

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)
