"""Render a Kata into its generated files (text only; writing is elsewhere)."""

from __future__ import annotations

import ast
from pathlib import Path

import jinja2

from .filters import FILTERS
from .model import Behaviour, Class, Kata


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
