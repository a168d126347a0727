"""A private copy of a kata's suite for one run: opaque test names, and decoys among them.

The run sees only this copy. Every test is renamed to a random token and loses its
behaviour marker, so the names a submission finds carry no meaning; only the parent knows
which token is which behaviour. A few decoys are mixed in: copies of real scenarios whose
first expected value is one no solution can produce. A decoy must fail; a decoy reported
as passing means the run's reporting was tampered with (a patched harness, pytest hooks
that turn failures into passes, or records forged from the suite file).
"""

from __future__ import annotations

import ast
import copy
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from .model import Kata

DECOYS = 2
EXPECTATIONS = {"expect_equal", "expect_is"}


@dataclass
class Stage:
    suite: Path  # the staged test file
    names: dict[str, str] = field(default_factory=dict)  # token -> behaviour name
    decoys: set[str] = field(default_factory=set)  # tokens of decoys
    paths: dict[str, str] = field(default_factory=dict)  # staged path -> the caller's path

    def reveal(self, text: str) -> str:
        """Put behaviour names back where a message mentions a token."""
        for staged, original in self.paths.items():
            text = text.replace(staged, original)
        for token, name in self.names.items():
            text = text.replace(f"test_{token}", f"test_{name}").replace(token, name)
        return text


def stage_suite(kata: Kata, suite_file: Path, folder: Path, select: tuple[str, ...] = ()) -> Stage:
    """Write `folder/test_<slug>.py`: the suite with opaque names and decoys."""
    tree = ast.parse(suite_file.read_text(encoding="utf-8"))
    stage = Stage(folder / f"test_{kata.slug}.py")
    body, scenarios = [], []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            name = node.name.removeprefix("test_")
            if select and name not in select:
                continue
            if _decoyable(node):
                scenarios.append(node)
            body.append(_rename(node, stage, name))
        else:
            body.append(node)
    for original in _pick(scenarios, DECOYS):
        decoy = copy.deepcopy(original)
        _poison(decoy)
        token = _token()
        decoy.name = f"test_{token}"
        stage.decoys.add(token)
        first = next(
            i
            for i, n in enumerate(body)
            if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")
        )
        body.insert(first + secrets.randbelow(len(body) - first + 1), decoy)
    tree.body = body
    folder.mkdir(parents=True, exist_ok=True)
    stage.suite.write_text(ast.unparse(ast.fix_missing_locations(tree)) + "\n", encoding="utf-8")
    return stage


def _token() -> str:
    return "b" + secrets.token_hex(8)


def _rename(node: ast.FunctionDef, stage: Stage, name: str) -> ast.FunctionDef:
    token = _token()
    stage.names[token] = name
    node.name = f"test_{token}"
    node.decorator_list = [d for d in node.decorator_list if not _is_marker(d, "behaviour")]
    return node


def _is_marker(node: ast.expr, name: str) -> bool:
    target = node.func if isinstance(node, ast.Call) else node
    return isinstance(target, ast.Attribute) and target.attr == name


def _expectations(node: ast.FunctionDef) -> list[ast.Call]:
    """Expectations that surely run when the test passes: direct statements of a top-level
    `with step(...)` that expects no exception (not inside a loop, branch or nested def)."""
    found = []
    for statement in node.body:
        if not isinstance(statement, ast.With) or any(
            kw.arg == "raises"
            for item in statement.items
            if isinstance(item.context_expr, ast.Call)
            for kw in item.context_expr.keywords
        ):
            continue
        for inner in statement.body:
            call = inner.value if isinstance(inner, ast.Expr) else None
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name)
                and call.func.id in EXPECTATIONS
                and len(call.args) == 2
            ):
                found.append(call)
    return found


def _decoyable(node: ast.FunctionDef) -> bool:
    return bool(_expectations(node))


def _pick(nodes: list[ast.FunctionDef], count: int) -> list[ast.FunctionDef]:
    pool = list(nodes)
    picked = []
    while pool and len(picked) < count:
        picked.append(pool.pop(secrets.randbelow(len(pool))))
    return picked


def _poison(node: ast.FunctionDef) -> None:
    """Replace the first expected value with a fresh random integer nothing returns."""
    call = _expectations(node)[0]
    call.args[1] = ast.Constant(secrets.randbits(62) + 2**62)
