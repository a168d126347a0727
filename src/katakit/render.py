"""Render a Kata into its generated files (text only; writing is elsewhere)."""

from __future__ import annotations

import ast
import inspect
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

from .codecheck import bound_names
from .filters import FILTERS
from .model import Behaviour, Class, Function, Interface, Kata, Rule, Step


def environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # outputs are Python and Markdown; values go through filters
    )
    env.filters.update(FILTERS)
    env.globals["rule_call"] = rule_call
    env.globals["class_doc"] = class_doc
    env.globals["compared_sides"] = compared_sides
    env.globals["is_equality"] = is_equality
    return env


def rule_call(code: str, target: str) -> str:
    """`put(key, value)` becomes `target.put(key, value)`."""
    call = ast.parse(code, mode="eval").body
    assert isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
    call.func = ast.Attribute(ast.Name(target, ast.Load()), call.func.id, ast.Load())
    return ast.unparse(call)


def compared_sides(code: str) -> str | None:
    """`len(subject) == len(model)` -> `(len(subject), len(model))`, to show both on failure."""
    tree = ast.parse(code.strip(), mode="eval").body
    if isinstance(tree, ast.Compare) and len(tree.ops) == 1:
        return f"({ast.unparse(tree.left)}, {ast.unparse(tree.comparators[0])})"
    return None


def is_equality(code: str) -> bool:
    """`a == b`: compared type-strictly by the harness, not by either side's `__eq__`."""
    tree = ast.parse(code.strip(), mode="eval").body
    return isinstance(tree, ast.Compare) and len(tree.ops) == 1 and isinstance(tree.ops[0], ast.Eq)


def class_doc(cls: Class) -> str:
    """A class docstring: its doc, then its public attributes."""
    lines = [cls.doc.strip()]
    if cls.attributes:
        lines += ["", "Attributes:"]
        lines += [f"    {a.name}: {' '.join(a.doc.split())}" for a in cls.attributes]
    return "\n".join(lines)


def render_kata(kata: Kata, env: jinja2.Environment) -> dict[str, str]:
    """Relative file name -> content for one kata."""
    context = {
        "kata": kata,
        "header": f"Generated from specs/{kata.slug}/spec.yaml by `kata generate`; do not edit.",
        "kinds": sorted({b.kind for b in kata.behaviours}),
        "bindings": _binding_lines,
    }
    files = {
        "skeleton.py": env.get_template("skeleton.py.j2").render(context),
        f"test_{kata.slug}.py": env.get_template("test_kata.py.j2").render(context),
        "README.md": env.get_template("README.md.j2").render(context),
    }
    for name, text in files.items():
        if name.endswith(".py"):
            try:
                ast.parse(text)
            except SyntaxError as exc:  # a template bug, never a spec's fault once validated
                raise RuntimeError(
                    f"generated/{kata.slug}/{name}:{exc.lineno}:{exc.offset}: rendered Python "
                    f"does not parse ({exc.msg}); this is a template bug"
                ) from exc
    return files


def _binding_lines(behaviour: Behaviour) -> list[str]:
    return [f"{name} = solution.{name}" for name in behaviour.names_used]


@dataclass(frozen=True)
class Reserved:
    """Names the generated modules bind themselves, which a spec's own names must not replace.

    `module`: bound at the top of a generated module (imports such as `step`, `pytest`,
    `annotations`, `abc`); `anywhere`: also the names the templates bind inside tests
    (`solution`, `worker`, `Machine`, lambda parameters...); `drawn`: the module's, the
    parameters of a property test's methods and lambdas (`self`, `target`), and those of the
    calls that receive drawn values by keyword (`rule(target=...)`, `begin(text=...)`).
    """

    module: frozenset[str]
    anywhere: frozenset[str]
    drawn: frozenset[str]


PROBE = "zz_probe"


def _probe_kata() -> Kata:
    """A kata whose own code binds nothing, with one behaviour of each kind."""
    steps = (
        Step("pass", "do", raises="ValueError", match="x"),
        Step("True", "check", equals=1),
        Step("True", "check", equals_code="True"),
        Step("True", "check", is_=True),
        Step("True", "check"),
    )
    common = dict(id="", why="probe", timeout=1.0)
    draw = ((f"{PROBE}_drawn", "st.none()"),)
    behaviours = (
        Behaviour(**common, name=f"{PROBE}_s", kind="scenario", steps=steps),
        Behaviour(
            **common,
            name=f"{PROBE}_p",
            kind="property",
            model="pass",
            init_draw=draw,
            init_subject="None",
            init_model="None",
            rules=(Rule(f"{PROBE}()", PROBE, draw),),
            invariants=("True == True",),
        ),
        Behaviour(
            **common,
            name=f"{PROBE}_c",
            kind="concurrency",
            threads=2,
            setup="pass",
            worker="pass",
            steps=steps,
        ),
        Behaviour(
            **common,
            name=f"{PROBE}_x",
            kind="complexity",
            sizes=(1, 2),
            setup="pass",
            operation="pass",
        ),
    )
    method = Function(PROBE, "probe", abstract=True)
    interface = Interface(classes=(Class(f"Zz{PROBE}", "probe", abstract=True, methods=(method,)),))
    text = ("probe",)
    return Kata(
        slug=PROBE,
        title="probe",
        section="testing",
        difficulty="beginner",
        summary="probe",
        about="probe",
        example="probe",
        tldr="probe",
        objectives=text,
        hints=text * 3,
        guide_errors=(),
        interface=interface,
        behaviours=behaviours,
    )


@cache
def reserved_names(templates: Path) -> Reserved:
    """What the templates in `templates/` bind, found by rendering a probe kata (cannot drift)."""
    from . import testing  # hypothesis is only imported when a spec is validated

    files = render_kata(_probe_kata(), environment(templates))
    module: set[str] = set()
    anywhere: set[str] = set()
    drawn: set[str] = set()  # drawn values live in the property test only
    for name, text in files.items():
        if name.endswith(".py"):
            tree = ast.parse(text)
            module |= {n for top in tree.body for n in _bound_at_top(top)}
            anywhere |= bound_names(tree)
            for top in tree.body:
                if isinstance(top, ast.FunctionDef) and top.name == f"test_{PROBE}_p":
                    drawn |= {n.arg for n in ast.walk(top) if isinstance(n, ast.arg)}
    for call in (
        testing.ModelMachine.begin,
        testing.ModelMachine.apply,
        testing.rule,
        testing.initialize,
    ):
        drawn |= {
            p.name
            for p in inspect.signature(call).parameters.values()
            if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)
        }
    ours = {n for n in anywhere if PROBE in n.lower()}
    return Reserved(
        frozenset(module - ours),
        frozenset(anywhere - ours),
        frozenset((module | drawn) - ours),
    )


def _bound_at_top(statement: ast.stmt) -> set[str]:
    """Names a module-level statement binds in the module (not inside its function bodies)."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {statement.name}
    return bound_names(ast.Module([statement], []))
