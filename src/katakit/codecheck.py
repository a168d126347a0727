"""Static checks of the Python snippets a spec carries (steps, models, workers, types)."""

from __future__ import annotations

import ast
import builtins
from collections.abc import Iterable

BUILTIN_NAMES = frozenset(dir(builtins))


class CodeProblem(Exception):
    """A snippet is wrong; `line`/`column` are 1-based within the snippet."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def parse(code: str, mode: str, what: str) -> ast.AST:
    """Parse a snippet as 'exec' (statements) or 'eval' (one expression)."""
    try:
        return ast.parse(code, mode=mode)
    except SyntaxError as exc:
        shape = "an expression" if mode == "eval" else "Python statements"
        raise CodeProblem(
            f"{what} must be {shape}: {exc.msg}", exc.lineno or 1, exc.offset or 1
        ) from None


def bound_names(tree: ast.AST) -> set[str]:
    """Every name a snippet binds anywhere (assignments, defs, imports, loop targets...)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                names.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            names.update(node.names)
        elif isinstance(node, ast.MatchAs) and node.name:
            names.add(node.name)
    return names


def used_names(tree: ast.AST) -> list[ast.Name]:
    """Names read by a snippet, in source order."""
    found = [n for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)]
    return sorted(found, key=lambda n: (n.lineno, n.col_offset))


def check_names(tree: ast.AST, known: Iterable[str], what: str) -> None:
    """Raise CodeProblem for the first name that is neither known, bound nor a builtin."""
    defined = set(known) | bound_names(tree) | BUILTIN_NAMES
    for name in used_names(tree):
        if name.id not in defined:
            raise CodeProblem(
                f"{what} uses {name.id!r}, which is not in the interface, not bound by an "
                "earlier step and not defined in `support`",
                name.lineno,
                name.col_offset + 1,
            )


def instances_created(tree: ast.AST, classes: set[str]) -> dict[str, str]:
    """Variables assigned straight from an interface class call: `cache = LRUCache(2)`."""
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id in classes
        ):
            found[node.targets[0].id] = node.value.func.id
    return found


def check_members(tree: ast.AST, instances: dict[str, str], members: dict[str, set[str]]) -> None:
    """`obj.attr` on an object made from an interface class must name one of its members."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in instances
            and not node.attr.startswith("__")
        ):
            cls = instances[node.value.id]
            if node.attr not in members[cls]:
                raise CodeProblem(
                    f"{node.value.id}.{node.attr}: class {cls} has no member {node.attr!r} in "
                    "the interface (add it there, or fix the spelling)",
                    node.lineno,
                    node.col_offset + 1,
                )


def imported_names(lines: Iterable[str]) -> set[str]:
    names: set[str] = set()
    for line in lines:
        names |= bound_names(ast.parse(line))
    return names
