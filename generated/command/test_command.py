# Generated from specs/command/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 5205f853e00ffb6bb60d92b36fd441d811fc1693ce592626a068f485851cc91d
"""Conformance suite for the command kata: one test per behaviour of its spec.

Run it with `kata check command` or `pytest generated/command --impl PATH`.
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


class CommandFailed(ConnectionError):
    """Raised by a Step built with fails=True: the device did not respond."""


def command_class(base):
    """A subclass of the solution's Command that logs "execute NAME" / "undo NAME"; may fail."""

    class Step(base):
        def __init__(self, name="step", log=None, fails=False):
            self.name = name
            self.log = [] if log is None else log
            self.fails = fails
            self.net = 0  # executes minus undos that went through

        def execute(self):
            self.log.append(f"execute {self.name}")
            if self.fails:
                raise CommandFailed(f"{self.name} failed")
            self.net += 1

        def undo(self):
            self.log.append(f"undo {self.name}")
            self.net -= 1

        def __repr__(self):
            return f"Step({self.name!r}, fails={self.fails})"

    return Step


# A plain (duck-typed) command class for the property test, whose strategies cannot see the
# solution's names; the model registers it as a virtual subclass of the solution's Command.
Token = command_class(object)


def fresh_remote(remote_class, command_base):
    """A new remote; Token becomes a virtual subclass of Command so an isinstance check in submit accepts it."""
    command_base.register(Token)
    return remote_class()


pytestmark = pytest.mark.kata(
    "command",
    classes=[
        "Command",
        "Light",
        "LightOnCommand",
        "LightOffCommand",
        "MacroCommand",
        "RemoteControl",
    ],
    exceptions=[],
    functions=[],
)


@pytest.mark.behaviour("5ccd9e61-94d3-49bf-86f2-ded4dacbc8e1", "scenario")
@pytest.mark.timeout(10.0)
def test_a_new_light_is_off_and_turns_on_and_off(solution):
    """The receiver is the simple part; the commands rely on it doing exactly what it says."""
    Light = solution.Light
    with step(1, "light = Light()"):
        light = Light()
    with step(2, "light.is_on"):
        expect_is(light.is_on, False)
    with step(3, "light.turn_on()"):
        light.turn_on()
    with step(4, "light.is_on"):
        expect_is(light.is_on, True)
    with step(5, "light.turn_on()"):
        light.turn_on()
    with step(6, "light.is_on"):
        expect_is(light.is_on, True)
    with step(7, "light.turn_off()"):
        light.turn_off()
    with step(8, "light.is_on"):
        expect_is(light.is_on, False)


@pytest.mark.behaviour("910e8ed8-1abb-4607-b77f-a21df4967a13", "scenario")
@pytest.mark.timeout(10.0)
def test_light_commands_switch_the_light_and_undo_switches_it_back(solution):
    """Executing a command performs its request on the receiver; undoing it reverses that request."""
    Light = solution.Light
    LightOnCommand = solution.LightOnCommand
    LightOffCommand = solution.LightOffCommand
    with step(1, "light = Light() on = LightOnCommand(light) off = LightOffCommand(light)"):
        light = Light()
        on = LightOnCommand(light)
        off = LightOffCommand(light)
    with step(2, "on.execute()"):
        on.execute()
    with step(3, "light.is_on"):
        expect_is(light.is_on, True)
    with step(4, "on.undo()"):
        on.undo()
    with step(5, "light.is_on"):
        expect_is(light.is_on, False)
    with step(6, "light.turn_on() off.execute()"):
        light.turn_on()
        off.execute()
    with step(7, "light.is_on"):
        expect_is(light.is_on, False)
    with step(8, "off.undo()"):
        off.undo()
    with step(9, "light.is_on"):
        expect_is(light.is_on, True)


@pytest.mark.behaviour("959a03b4-3f2f-47d3-a5cd-a6bd6fbdef48", "scenario")
@pytest.mark.timeout(10.0)
def test_undo_restores_the_state_the_light_had_before_the_command(solution):
    """Undo must restore the remembered previous state, not apply the opposite action: undoing "on" for a light that was already on leaves it on (the guide turns it off)."""
    Light = solution.Light
    LightOnCommand = solution.LightOnCommand
    LightOffCommand = solution.LightOffCommand
    with step(
        1, "light = Light() light.turn_on() on = LightOnCommand(light) on.execute() on.undo()"
    ):
        light = Light()
        light.turn_on()
        on = LightOnCommand(light)
        on.execute()
        on.undo()
    with step(2, "light.is_on"):
        expect_is(light.is_on, True)
    with step(3, "dark = Light() off = LightOffCommand(dark) off.execute() off.undo()"):
        dark = Light()
        off = LightOffCommand(dark)
        off.execute()
        off.undo()
    with step(4, "dark.is_on"):
        expect_is(dark.is_on, False)


@pytest.mark.behaviour("53ef6b83-d83f-406b-b525-a3a4186d6a18", "scenario")
@pytest.mark.timeout(10.0)
def test_every_command_shares_the_abstract_command_interface(solution):
    """The invoker depends only on Command; Command itself is abstract, so a subclass that forgets undo() cannot even be created."""
    Command = solution.Command
    Light = solution.Light
    LightOnCommand = solution.LightOnCommand
    LightOffCommand = solution.LightOffCommand
    MacroCommand = solution.MacroCommand
    with step(
        1,
        "light = Light() macro = MacroCommand([LightOnCommand(light), LightOffCommand(light)]) macro.execute()",
    ):
        light = Light()
        macro = MacroCommand([LightOnCommand(light), LightOffCommand(light)])
        macro.execute()
    with step(2, "light.is_on"):
        expect_is(light.is_on, False)
    with step(3, "isinstance(LightOnCommand(light), Command)"):
        expect_is(isinstance(LightOnCommand(light), Command), True)
    with step(4, "isinstance(LightOffCommand(light), Command)"):
        expect_is(isinstance(LightOffCommand(light), Command), True)
    with step(5, "isinstance(macro, Command)"):
        expect_is(isinstance(macro, Command), True)
    with step(6, "Command()", raises=TypeError):
        Command()
    with step(7, "class NoUndo(Command): def execute(self): pass"):

        class NoUndo(Command):
            def execute(self):
                pass

    with step(8, "NoUndo()", raises=TypeError):
        NoUndo()


@pytest.mark.behaviour("6fcf1cd9-7d62-4797-a4b2-3dcbcc0f90f6", "scenario")
@pytest.mark.timeout(10.0)
def test_a_macro_executes_in_order_and_undoes_in_reverse_order(solution):
    """A composite's parts may depend on each other, so undo must unwind them last-first, like a stack."""
    Command = solution.Command
    MacroCommand = solution.MacroCommand
    with step(
        1,
        'Step = command_class(Command) log = [] macro = MacroCommand([Step("a", log), Step("b", log), Step("c", log)])',
    ):
        Step = command_class(Command)
        log = []
        macro = MacroCommand([Step("a", log), Step("b", log), Step("c", log)])
    with step(2, "macro.execute()"):
        macro.execute()
    with step(3, "log"):
        expect_equal(log, ["execute a", "execute b", "execute c"])
    with step(4, "log.clear() macro.undo()"):
        log.clear()
        macro.undo()
    with step(5, "log"):
        expect_equal(log, ["undo c", "undo b", "undo a"])


@pytest.mark.behaviour("220ad14d-80a7-4177-8ca1-0bc3344b1a28", "scenario")
@pytest.mark.timeout(10.0)
def test_undoing_a_macro_of_light_commands_restores_the_starting_state(solution):
    """A macro is one history entry; undoing it must take the light back to where it started, which only works when its parts are undone in reverse."""
    Light = solution.Light
    LightOnCommand = solution.LightOnCommand
    LightOffCommand = solution.LightOffCommand
    MacroCommand = solution.MacroCommand
    RemoteControl = solution.RemoteControl
    with step(
        1,
        "light = Light() remote = RemoteControl() remote.submit(MacroCommand([LightOnCommand(light), LightOffCommand(light)]))",
    ):
        light = Light()
        remote = RemoteControl()
        remote.submit(MacroCommand([LightOnCommand(light), LightOffCommand(light)]))
    with step(2, "light.is_on"):
        expect_is(light.is_on, False)
    with step(3, "remote.undo()"):
        expect_is(remote.undo(), True)
    with step(4, "light.is_on"):
        expect_is(light.is_on, False)
    with step(5, "remote.can_undo"):
        expect_is(remote.can_undo, False)
    with step(6, "remote.redo()"):
        expect_is(remote.redo(), True)
    with step(7, "light.is_on"):
        expect_is(light.is_on, False)
    with step(
        8,
        "lamp = Light() remote.submit(MacroCommand([LightOffCommand(lamp), LightOnCommand(lamp)]))",
    ):
        lamp = Light()
        remote.submit(MacroCommand([LightOffCommand(lamp), LightOnCommand(lamp)]))
    with step(9, "lamp.is_on"):
        expect_is(lamp.is_on, True)
    with step(10, "remote.undo()"):
        expect_is(remote.undo(), True)
    with step(11, "lamp.is_on"):
        expect_is(lamp.is_on, False)


@pytest.mark.behaviour("ac9a04be-0161-4624-9aa1-f529696f0424", "scenario")
@pytest.mark.timeout(10.0)
def test_submit_executes_the_command_and_undo_and_redo_reverse_and_repeat_it(solution):
    """The remote is the invoker; undo and redo must drive the receiver back and forth."""
    Light = solution.Light
    LightOnCommand = solution.LightOnCommand
    LightOffCommand = solution.LightOffCommand
    RemoteControl = solution.RemoteControl
    with step(1, "light = Light() remote = RemoteControl() remote.submit(LightOnCommand(light))"):
        light = Light()
        remote = RemoteControl()
        remote.submit(LightOnCommand(light))
    with step(2, "light.is_on"):
        expect_is(light.is_on, True)
    with step(3, "remote.undo()"):
        expect_is(remote.undo(), True)
    with step(4, "light.is_on"):
        expect_is(light.is_on, False)
    with step(5, "remote.redo()"):
        expect_is(remote.redo(), True)
    with step(6, "light.is_on"):
        expect_is(light.is_on, True)
    with step(7, "remote.submit(LightOffCommand(light))"):
        remote.submit(LightOffCommand(light))
    with step(8, "light.is_on"):
        expect_is(light.is_on, False)
    with step(9, "remote.undo()"):
        expect_is(remote.undo(), True)
    with step(10, "light.is_on"):
        expect_is(light.is_on, True)
    with step(11, "remote.undo()"):
        expect_is(remote.undo(), True)
    with step(12, "light.is_on"):
        expect_is(light.is_on, False)


@pytest.mark.behaviour("45d61f72-bc19-4755-87ac-5a104eebd19a", "scenario")
@pytest.mark.timeout(10.0)
def test_undo_with_nothing_to_undo_returns_false_and_does_nothing(solution):
    """Pressing undo on an empty history is normal use, not an error; it must answer False and change nothing."""
    Command = solution.Command
    RemoteControl = solution.RemoteControl
    with step(1, "Step = command_class(Command) log = [] remote = RemoteControl()"):
        Step = command_class(Command)
        log = []
        remote = RemoteControl()
    with step(2, "remote.undo()"):
        expect_is(remote.undo(), False)
    with step(3, 'remote.submit(Step("a", log)) remote.undo()'):
        remote.submit(Step("a", log))
        remote.undo()
    with step(4, "remote.undo()"):
        expect_is(remote.undo(), False)
    with step(5, "log"):
        expect_equal(log, ["execute a", "undo a"])
    with step(6, "remote.can_redo"):
        expect_is(remote.can_redo, True)


@pytest.mark.behaviour("1e783acd-66e3-47dc-9df7-3834579aa9df", "scenario")
@pytest.mark.timeout(10.0)
def test_redo_with_nothing_to_redo_returns_false_and_does_nothing(solution):
    """Pressing redo when nothing was undone is normal use, not an error; it must answer False and change nothing."""
    Command = solution.Command
    RemoteControl = solution.RemoteControl
    with step(1, "Step = command_class(Command) log = [] remote = RemoteControl()"):
        Step = command_class(Command)
        log = []
        remote = RemoteControl()
    with step(2, "remote.redo()"):
        expect_is(remote.redo(), False)
    with step(3, 'remote.submit(Step("a", log))'):
        remote.submit(Step("a", log))
    with step(4, "remote.redo()"):
        expect_is(remote.redo(), False)
    with step(5, "log"):
        expect_equal(log, ["execute a"])
    with step(6, "remote.can_undo"):
        expect_is(remote.can_undo, True)


@pytest.mark.behaviour("283df0d6-3fa3-493a-b499-96818361fccf", "scenario")
@pytest.mark.timeout(10.0)
def test_redo_re_executes_the_most_recently_undone_command_first(solution):
    """Redo is the mirror of undo; it must replay undone commands newest-undone first, like a stack."""
    Command = solution.Command
    RemoteControl = solution.RemoteControl
    with step(
        1,
        'Step = command_class(Command) log = [] remote = RemoteControl() for name in "abc": remote.submit(Step(name, log)) remote.undo() remote.undo() log.clear()',
    ):
        Step = command_class(Command)
        log = []
        remote = RemoteControl()
        for name in "abc":
            remote.submit(Step(name, log))
        remote.undo()
        remote.undo()
        log.clear()
    with step(2, "remote.redo()"):
        expect_is(remote.redo(), True)
    with step(3, "log"):
        expect_equal(log, ["execute b"])
    with step(4, "remote.redo()"):
        expect_is(remote.redo(), True)
    with step(5, "log"):
        expect_equal(log, ["execute b", "execute c"])
    with step(6, "remote.redo()"):
        expect_is(remote.redo(), False)
    with step(7, "remote.undo()"):
        expect_is(remote.undo(), True)
    with step(8, "log"):
        expect_equal(log, ["execute b", "execute c", "undo c"])


@pytest.mark.behaviour("e8581469-4a80-4592-ba7e-4bb4a950b74b", "scenario")
@pytest.mark.timeout(10.0)
def test_undo_after_a_new_submit_undoes_the_first_command(solution):
    """After submit a, submit b, undo, submit c, the history is a then c: the second undo must undo a, never b again (the guide's index-based history re-undoes b)."""
    Command = solution.Command
    RemoteControl = solution.RemoteControl
    with step(
        1,
        'Step = command_class(Command) log = [] remote = RemoteControl() remote.submit(Step("a", log)) remote.submit(Step("b", log)) remote.undo() remote.submit(Step("c", log))',
    ):
        Step = command_class(Command)
        log = []
        remote = RemoteControl()
        remote.submit(Step("a", log))
        remote.submit(Step("b", log))
        remote.undo()
        remote.submit(Step("c", log))
    with step(2, "remote.undo()"):
        expect_is(remote.undo(), True)
    with step(3, "log[-1]"):
        expect_equal(log[-1], "undo c")
    with step(4, "remote.undo()"):
        expect_is(remote.undo(), True)
    with step(5, "log"):
        expect_equal(log, ["execute a", "execute b", "undo b", "execute c", "undo c", "undo a"])
    with step(6, "remote.undo()"):
        expect_is(remote.undo(), False)


@pytest.mark.behaviour("cd994f3c-0c1c-458e-8eb0-20a38ac9a84c", "scenario")
@pytest.mark.timeout(10.0)
def test_submit_clears_everything_that_could_be_redone(solution):
    """A new action starts a new branch of history; redoing commands from the abandoned branch would replay actions the user replaced."""
    Command = solution.Command
    RemoteControl = solution.RemoteControl
    with step(
        1,
        'Step = command_class(Command) log = [] remote = RemoteControl() remote.submit(Step("a", log)) remote.submit(Step("b", log)) remote.undo() remote.undo() remote.submit(Step("c", log))',
    ):
        Step = command_class(Command)
        log = []
        remote = RemoteControl()
        remote.submit(Step("a", log))
        remote.submit(Step("b", log))
        remote.undo()
        remote.undo()
        remote.submit(Step("c", log))
    with step(2, "remote.can_redo"):
        expect_is(remote.can_redo, False)
    with step(3, "remote.redo()"):
        expect_is(remote.redo(), False)
    with step(4, "log"):
        expect_equal(log, ["execute a", "execute b", "undo b", "undo a", "execute c"])


@pytest.mark.behaviour("31ca41ce-10b9-4c94-a66c-8be14a3e20d3", "scenario")
@pytest.mark.timeout(10.0)
def test_can_undo_and_can_redo_follow_the_history(solution):
    """A user interface greys out its undo and redo buttons from these flags, so they must match what undo() and redo() would do."""
    Command = solution.Command
    RemoteControl = solution.RemoteControl
    with step(1, "Step = command_class(Command) remote = RemoteControl()"):
        Step = command_class(Command)
        remote = RemoteControl()
    with step(2, "(remote.can_undo, remote.can_redo)"):
        expect_equal((remote.can_undo, remote.can_redo), (False, False))
    with step(3, 'remote.submit(Step("a"))'):
        remote.submit(Step("a"))
    with step(4, "(remote.can_undo, remote.can_redo)"):
        expect_equal((remote.can_undo, remote.can_redo), (True, False))
    with step(5, "remote.undo()"):
        remote.undo()
    with step(6, "(remote.can_undo, remote.can_redo)"):
        expect_equal((remote.can_undo, remote.can_redo), (False, True))
    with step(7, "remote.redo()"):
        remote.redo()
    with step(8, "(remote.can_undo, remote.can_redo)"):
        expect_equal((remote.can_undo, remote.can_redo), (True, False))
    with step(9, "type(remote.can_undo) is bool and type(remote.can_redo) is bool"):
        expect_is(type(remote.can_undo) is bool and type(remote.can_redo) is bool, True)


@pytest.mark.behaviour("b837e4d6-33bb-4928-bdda-4a2af82e0000", "scenario")
@pytest.mark.timeout(10.0)
def test_can_undo_and_can_redo_are_read_only_properties(solution):
    """The history belongs to the remote; callers may ask about it but must not be able to overwrite the flags."""
    RemoteControl = solution.RemoteControl
    with step(1, "remote = RemoteControl()"):
        remote = RemoteControl()
    with step(2, "remote.can_undo"):
        expect_is(remote.can_undo, False)
    with step(3, "remote.can_undo = True", raises=AttributeError):
        remote.can_undo = True
    with step(4, "remote.can_redo = True", raises=AttributeError):
        remote.can_redo = True


@pytest.mark.behaviour("14e336c6-15d6-4298-9335-d8354f84d838", "scenario")
@pytest.mark.timeout(10.0)
def test_a_command_that_fails_to_execute_is_not_recorded(solution):
    """A command that never took effect must not be undone later; the failure must also reach the caller."""
    Command = solution.Command
    RemoteControl = solution.RemoteControl
    with step(
        1,
        'Step = command_class(Command) log = [] remote = RemoteControl() remote.submit(Step("a", log))',
    ):
        Step = command_class(Command)
        log = []
        remote = RemoteControl()
        remote.submit(Step("a", log))
    with step(
        2, 'remote.submit(Step("bad", log, fails=True))', raises=ConnectionError, match="bad failed"
    ):
        remote.submit(Step("bad", log, fails=True))
    with step(3, "remote.undo()"):
        expect_is(remote.undo(), True)
    with step(4, "log"):
        expect_equal(log, ["execute a", "execute bad", "undo a"])
    with step(5, "remote.undo()"):
        expect_is(remote.undo(), False)
    with step(
        6,
        'empty = RemoteControl() try: empty.submit(Step("worse", log, fails=True)) except CommandFailed: pass',
    ):
        empty = RemoteControl()
        try:
            empty.submit(Step("worse", log, fails=True))
        except CommandFailed:
            pass
    with step(7, "empty.can_undo"):
        expect_is(empty.can_undo, False)


@pytest.mark.behaviour("db434e9a-ce2d-4619-8aed-71bb372aaa8e", "scenario")
@pytest.mark.timeout(10.0)
def test_a_failed_submit_keeps_the_redo_history(solution):
    """Clearing the redo history is part of recording a new command; a command that failed recorded nothing, so what could be redone still can be."""
    Command = solution.Command
    RemoteControl = solution.RemoteControl
    with step(
        1,
        'Step = command_class(Command) log = [] remote = RemoteControl() remote.submit(Step("a", log)) remote.undo()',
    ):
        Step = command_class(Command)
        log = []
        remote = RemoteControl()
        remote.submit(Step("a", log))
        remote.undo()
    with step(2, 'remote.submit(Step("bad", log, fails=True))', raises=ConnectionError):
        remote.submit(Step("bad", log, fails=True))
    with step(3, "remote.can_redo"):
        expect_is(remote.can_redo, True)
    with step(4, "remote.redo()"):
        expect_is(remote.redo(), True)
    with step(5, "log"):
        expect_equal(log, ["execute a", "undo a", "execute bad", "execute a"])


@pytest.mark.behaviour("b2e3e378-6063-4be0-b7c1-ce9914e5fed5", "scenario")
@pytest.mark.timeout(10.0)
def test_a_light_command_remembers_the_state_it_finds_each_time_it_executes(solution):
    """Undo restores the state the light had when the command last executed: not when the command was built, and not only the first time (redo executes it again, possibly on a light someone switched meanwhile)."""
    Light = solution.Light
    LightOnCommand = solution.LightOnCommand
    RemoteControl = solution.RemoteControl
    with step(
        1,
        "light = Light() on = LightOnCommand(light) remote = RemoteControl() light.turn_on() remote.submit(on) remote.undo()",
    ):
        light = Light()
        on = LightOnCommand(light)
        remote = RemoteControl()
        light.turn_on()
        remote.submit(on)
        remote.undo()
    with step(2, "light.is_on"):
        expect_is(light.is_on, True)
    with step(3, "light.turn_off() remote.redo()"):
        light.turn_off()
        remote.redo()
    with step(4, "light.is_on"):
        expect_is(light.is_on, True)
    with step(5, "remote.undo()"):
        remote.undo()
    with step(6, "light.is_on"):
        expect_is(light.is_on, False)
    with step(7, "remote.redo() remote.undo()"):
        remote.redo()
        remote.undo()
    with step(8, "light.is_on"):
        expect_is(light.is_on, False)


@pytest.mark.behaviour("2663420c-4bbb-4930-b3ee-920e05ad412d", "scenario")
@pytest.mark.timeout(10.0)
def test_a_macro_can_be_undone_and_redone_again_and_again(solution):
    """Undo and redo may be pressed any number of times; every redo of a macro must run its parts first to last again and every undo last to first."""
    Command = solution.Command
    MacroCommand = solution.MacroCommand
    RemoteControl = solution.RemoteControl
    with step(
        1,
        'Step = command_class(Command) log = [] remote = RemoteControl() remote.submit(MacroCommand([Step("a", log), Step("b", log), Step("c", log)])) log.clear() for _ in range(2): remote.undo() remote.redo()',
    ):
        Step = command_class(Command)
        log = []
        remote = RemoteControl()
        remote.submit(MacroCommand([Step("a", log), Step("b", log), Step("c", log)]))
        log.clear()
        for _ in range(2):
            remote.undo()
            remote.redo()
    with step(2, "log"):
        expect_equal(
            log,
            [
                "undo c",
                "undo b",
                "undo a",
                "execute a",
                "execute b",
                "execute c",
                "undo c",
                "undo b",
                "undo a",
                "execute a",
                "execute b",
                "execute c",
            ],
        )


@pytest.mark.behaviour("8972b979-1660-442a-8357-1d770afe4d2c", "property")
@pytest.mark.timeout(60.0)
def test_any_mix_of_submits_undos_and_redos_matches_a_two_stack_model(solution):
    """Whatever order the buttons are pressed in, the remote must behave like a done stack and an undone stack, and every command must be executed exactly when the history says it is."""
    Command = solution.Command
    RemoteControl = solution.RemoteControl

    class Model:
        def __init__(self):
            self.done = []
            self.undone = []

        def submit(self, command):
            if command.fails:
                raise CommandFailed(command.name)
            self.done.append(command)
            self.undone.clear()

        def undo(self):
            if not self.done:
                return False
            self.undone.append(self.done.pop())
            return True

        def redo(self):
            if not self.undone:
                return False
            self.done.append(self.undone.pop())
            return True

        @property
        def can_undo(self):
            return bool(self.done)

        @property
        def can_redo(self):
            return bool(self.undone)

        def in_effect(self):
            return all(c.net == 1 for c in self.done) and all(c.net == 0 for c in self.undone)

    class Machine(ModelMachine):
        @initialize()
        def start(self):
            self.begin(
                lambda: fresh_remote(RemoteControl, Command),
                lambda: Model(),
                "fresh_remote(RemoteControl, Command)",
            )

        @rule(
            command=st.builds(
                Token,
                name=st.sampled_from(["a", "b", "c", "d"]),
                fails=st.sampled_from([False, False, False, True]),
            )
        )
        def rule_1_submit(self, command):
            self.apply(
                "submit(command)",
                lambda target: target.submit(command),
                command=command,
                compare=True,
            )

        @rule()
        def rule_2_undo(self):
            self.apply(
                "undo()",
                lambda target: target.undo(),
                compare=True,
            )

        @rule()
        def rule_3_redo(self):
            self.apply(
                "redo()",
                lambda target: target.redo(),
                compare=True,
            )

        @invariant()
        def invariant_1(self):
            self.holds(
                "subject.can_undo == model.can_undo",
                lambda subject, model: subject.can_undo == model.can_undo,
                sides=lambda subject, model: (subject.can_undo, model.can_undo),
                equality=True,
            )

        @invariant()
        def invariant_2(self):
            self.holds(
                "subject.can_redo == model.can_redo",
                lambda subject, model: subject.can_redo == model.can_redo,
                sides=lambda subject, model: (subject.can_redo, model.can_redo),
                equality=True,
            )

        @invariant()
        def invariant_3(self):
            self.holds(
                "model.in_effect()",
                lambda subject, model: model.in_effect(),
            )

    run_model_machine(Machine, examples=80, steps=25)
