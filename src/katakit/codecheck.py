"""Static checks of the Python snippets a spec carries (steps, models, workers, types)."""

from __future__ import annotations

import ast
import builtins
import io
import tokenize
from collections.abc import Iterable

BUILTIN_NAMES = frozenset(dir(builtins))


class CodeProblem(Exception):
    """A snippet is wrong; `line`/`column` are 1-based within the snippet."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


MAX_DEPTH = 100  # AST nesting; ast.unparse and compile recurse, and no kata needs more


def parse(code: str, mode: str, what: str) -> ast.AST:
    """Parse a snippet as 'exec' (statements) or 'eval' (one expression).

    Statements are also parsed once re-indented the way the templates place them, and must
    mean the same: a form feed or carriage return outside a string literal would not.
    """
    shape = "an expression" if mode == "eval" else "Python statements"
    try:
        tree = ast.parse(code, mode=mode)
    except SyntaxError as exc:
        raise CodeProblem(
            f"{what} must be {shape}: {exc.msg}", exc.lineno or 1, exc.offset or 1
        ) from None
    except (ValueError, RecursionError, MemoryError) as exc:  # null bytes, absurd nesting
        raise CodeProblem(
            f"{what} must be {shape}: {str(exc)[:120] or type(exc).__name__}"
        ) from None
    deepest = _too_deep(tree)
    if deepest is not None:
        raise CodeProblem(
            f"{what} is nested more than {MAX_DEPTH} levels deep; split it up",
            getattr(deepest, "lineno", 1),
            getattr(deepest, "col_offset", 0) + 1,
        )
    if mode == "exec":
        _check_reindented(code, tree, what)
    return tree


def check_inline(code: str, what: str) -> None:
    """Code written into a `def` line as it is: one line, and no comment to swallow the rest."""
    for n, char in enumerate(code):
        if char in "\r\n":
            line = code.count("\n", 0, n) + 1
            raise CodeProblem(f"{what} must fit on one line", line, n - code.rfind("\n", 0, n))
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError):
        return  # parse() reports it
    for token in tokens:
        if token.type == tokenize.COMMENT:
            raise CodeProblem(f"{what} must not hold a comment", 1, token.start[1] + 1)


def _too_deep(tree: ast.AST) -> ast.AST | None:
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return None


def _check_reindented(code: str, tree: ast.Module, what: str) -> None:
    from .filters import indent_code  # filters renders; this proves its output faithful

    if not tree.body:
        raise CodeProblem(f"{what} holds no statement (only comments?); write `pass`")
    try:
        placed = ast.parse("if True:\n" + indent_code(code, 4) + "\n").body[0]
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        placed = None
    if not isinstance(placed, ast.If) or [ast.dump(s) for s in placed.body] != [
        ast.dump(s) for s in tree.body
    ]:
        raise CodeProblem(
            f"{what} changes meaning once indented into the test: keep line breaks to "
            "plain newlines (no form feed, vertical tab or carriage return outside a string)"
        )


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
