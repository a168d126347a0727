# Generated from specs/command/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 5205f853e00ffb6bb60d92b36fd441d811fc1693ce592626a068f485851cc91d
"""Command pattern with undo and redo: your solution starts here.

Fill in every method until `kata check command` passes; the brief is generated/command/README.md.
"""

from __future__ import annotations

import abc


class Command(abc.ABC):
    """A request as an object. Subclasses implement `execute()` and `undo()`; `Command()` itself cannot be instantiated."""

    @abc.abstractmethod
    def execute(self) -> None:
        """Carry out the request."""
        raise NotImplementedError("Command.execute: not implemented yet")

    @abc.abstractmethod
    def undo(self) -> None:
        """Reverse the effect of the last `execute()`."""
        raise NotImplementedError("Command.undo: not implemented yet")


class Light:
    """The receiver the light commands act on.

    Attributes:
        is_on: Whether the light is on; a new light is off.
    """

    def __init__(self) -> None:
        """A light that is off."""
        raise NotImplementedError("Light.__init__: set self.is_on = False.")

    def turn_on(self) -> None:
        """Switch the light on (it may already be on)."""
        raise NotImplementedError("Light.turn_on: not implemented yet")

    def turn_off(self) -> None:
        """Switch the light off (it may already be off)."""
        raise NotImplementedError("Light.turn_off: not implemented yet")


class LightOnCommand(Command):
    """Turns a light on; `undo()` restores the state the light had before `execute()`."""

    def __init__(self, light: Light) -> None:
        """A command acting on `light`."""
        raise NotImplementedError(
            "LightOnCommand.__init__: keep the light; you will also need somewhere to remember its previous state."
        )

    def execute(self) -> None:
        """Remember whether the light was on, then turn it on."""
        raise NotImplementedError(
            "LightOnCommand.execute: save self.light.is_on first, then call turn_on()."
        )

    def undo(self) -> None:
        """Put the light back into the state it had before `execute()` (not simply off)."""
        raise NotImplementedError(
            "LightOnCommand.undo: turn the light on or off according to the saved state."
        )


class LightOffCommand(Command):
    """Turns a light off; `undo()` restores the state the light had before `execute()`."""

    def __init__(self, light: Light) -> None:
        """A command acting on `light`."""
        raise NotImplementedError(
            "LightOffCommand.__init__: keep the light; you will also need somewhere to remember its previous state."
        )

    def execute(self) -> None:
        """Remember whether the light was on, then turn it off."""
        raise NotImplementedError(
            "LightOffCommand.execute: save self.light.is_on first, then call turn_off()."
        )

    def undo(self) -> None:
        """Put the light back into the state it had before `execute()` (not simply on)."""
        raise NotImplementedError(
            "LightOffCommand.undo: turn the light on or off according to the saved state."
        )


class MacroCommand(Command):
    """Several commands run as one command."""

    def __init__(self, commands: list[Command]) -> None:
        """A macro of `commands`, in the order they are to be executed."""
        raise NotImplementedError("MacroCommand.__init__: keep a copy of the list.")

    def execute(self) -> None:
        """Execute every command, first to last."""
        raise NotImplementedError("MacroCommand.execute: a plain for loop over the commands.")

    def undo(self) -> None:
        """Undo every command, last to first."""
        raise NotImplementedError("MacroCommand.undo: iterate over reversed(self.commands).")


class RemoteControl:
    """The invoker: executes submitted commands and keeps their undo and redo history.
    A successful `submit` clears everything that could be redone; a `submit` whose
    command raises records nothing and keeps the redo history.
    """

    def __init__(self) -> None:
        """A remote with an empty history."""
        raise NotImplementedError(
            "RemoteControl.__init__: two empty lists, one of commands that can be undone and one of commands that can be redone."
        )

    def submit(self, command: Command) -> None:
        """Execute `command`, then record it and clear the redo history. If `execute()` raises, nothing is recorded, the redo history is kept and the exception propagates."""
        raise NotImplementedError(
            "RemoteControl.submit: execute first; only then append it to the undo stack and clear the redo stack."
        )

    def undo(self) -> bool:
        """Undo the most recently executed, not-yet-undone command and return True; return False (doing nothing) when there is none."""
        raise NotImplementedError(
            "RemoteControl.undo: pop from the undo stack, call its undo(), push it on the redo stack."
        )

    def redo(self) -> bool:
        """Re-execute the most recently undone command and return True; return False when there is none."""
        raise NotImplementedError(
            "RemoteControl.redo: pop from the redo stack, call its execute(), push it back on the undo stack."
        )

    @property
    def can_undo(self) -> bool:
        """Whether undo() would undo something (read-only)."""
        raise NotImplementedError("RemoteControl.can_undo: not implemented yet")

    @property
    def can_redo(self) -> bool:
        """Whether redo() would redo something (read-only)."""
        raise NotImplementedError("RemoteControl.can_redo: not implemented yet")
