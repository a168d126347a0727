"""Jinja filters, registered in one place; each turns spec data into safe output text."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass
from typing import Any

from . import htmltext
from .model import NO_DEFAULT, Function, Interface, Param


def pyrepr(value: Any) -> str:
    """A Python literal for a YAML value; proven by a literal_eval round trip."""
    text = repr(value)
    if ast.literal_eval(text) != value:  # pragma: no cover - YAML gives only literal types
        raise ValueError(f"cannot render {value!r} as a Python literal")
    return text


def docstring(text: str, indent: int = 0) -> str:
    """A docstring literal for free text: triple-quoted when that is exact, else repr."""
    body = text.strip()
    plain = all(ch.isprintable() or ch == "\n" for ch in body)
    if not plain or '"""' in body or "\\" in body or body.endswith('"'):
        return repr(body)
    if "\n" not in body:
        return f'"""{body}"""'
    pad = " " * indent
    first, *rest = body.splitlines()
    tail = "\n".join(pad + line if line.strip() else "" for line in rest)
    return f'"""{first}\n{tail}\n{pad}"""'


def indent_code(code: str, width: int) -> str:
    """Re-indent a code block to `width` spaces (first line included), splitting on "\\n" only.

    str.splitlines (and so textwrap.indent) also breaks at \\f, \\v, \\x1c-\\x1e, \\x85,
    U+2028 and U+2029, which Python source keeps as ordinary characters inside a string literal;
    and a line that continues a multi-line string literal is part of the string, so it is kept
    exactly as written.
    """
    text = code.strip("\n")
    lines = text.split("\n")
    inside = _string_continuations(text)
    starts = [line for n, line in enumerate(lines) if n not in inside and line.strip(" \t")]
    margin = _common_margin(starts)
    pad = " " * width
    out = []
    for n, line in enumerate(lines):
        if n in inside:
            out.append(line)
        elif not line.strip(" \t"):
            out.append("")
        else:
            out.append(pad + line[len(margin) :])
    return "\n".join(out)


def _common_margin(lines: list[str]) -> str:
    margins = [line[: len(line) - len(line.lstrip(" \t"))] for line in lines]
    if not margins:
        return ""
    first, last = min(margins), max(margins)
    size = next(
        (i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), len(first)
    )
    return first[:size]


def _string_continuations(text: str) -> set[int]:
    """0-based numbers of the lines that begin inside a multi-line token (a string literal)."""
    inside: set[int] = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            (start, _), (end, _) = token.start, token.end
            if token.type != tokenize.NEWLINE and end > start:
                inside.update(range(start, end))  # token rows are 1-based: rows start+1..end
    except (tokenize.TokenError, SyntaxError):
        pass  # not valid Python; validation reports it before anything is rendered
    return inside


def expr(code: str) -> str:
    """A validated expression snippet as one faithful line of source."""
    return ast.unparse(ast.parse(code.strip(), mode="eval").body)


def one_line(text: str) -> str:
    """Collapse whitespace: for Markdown table cells and short labels."""
    return " ".join(text.split())


def md_cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return one_line(text).replace("\\", "\\\\").replace("|", "\\|")


def md_code(text: str) -> str:
    """Inline code for Markdown, with a fence longer than any backtick run inside."""
    text = one_line(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    # GitHub tables split cells on `|` even inside code spans; `\|` renders as `|` there.
    return f"{fence}{pad}{text}{pad}{fence}".replace("|", "\\|")


def mermaid_type(type_text: str | None) -> str:
    """Mermaid class diagrams only accept simple type names; keep the outer one."""
    if not type_text:
        return ""
    match = re.match(r"[A-Za-z_][A-Za-z0-9_.]*", type_text.strip())
    return match.group(0).rsplit(".", 1)[-1] if match else ""


def param_source(param: Param) -> str:
    """One parameter as it appears in a `def` line."""
    text = param.name
    if param.type and param.name != "*":
        text += f": {param.type}"
    if param.default_code is not None:
        text += f" = {param.default_code}"
    elif param.default is not NO_DEFAULT:
        text += f" = {pyrepr(param.default)}"
    return text


def call_text(params: tuple[Param, ...]) -> str:
    """Parameters as a reader sees them in a brief: `get(key, default=None)`."""
    parts = []
    for p in params:
        if p.name == "self":
            continue
        if p.default_code is not None:
            parts.append(f"{p.name}={p.default_code}")
        elif p.default is not NO_DEFAULT:
            parts.append(f"{p.name}={pyrepr(p.default)}")
        else:
            parts.append(p.name)
    return ", ".join(parts)


def fn_signature(fn: Function) -> str:
    """`get(key, default=None) -> object`: a function as the brief's interface table shows it."""
    return f"{fn.name}({call_text(fn.params)})" + (f" -> {fn.returns}" if fn.returns else "")


@dataclass(frozen=True)
class InterfaceRow:
    name: str
    kind: str
    signature: str
    doc: str


def interface_rows(interface: Interface) -> list[InterfaceRow]:
    """Every public name of a kata, in the brief's order: one row of its interface table."""
    rows = [
        InterfaceRow(c.name, "constant", f"{c.name} = {pyrepr(c.value)}", c.doc)
        for c in interface.constants
    ]
    rows += [
        InterfaceRow(e.name, "exception", f"{e.name}({e.base})", e.doc)
        for e in interface.exceptions
    ]
    for cls in interface.classes:
        bases = f" ({', '.join(cls.bases)})" if cls.bases else ""
        kind = "abstract class" if cls.abstract else "class"
        rows.append(InterfaceRow(cls.name, kind, cls.name + bases, cls.doc))
        for kind, members in (("attribute", cls.attributes), ("property", cls.properties)):
            rows += [
                InterfaceRow(f"{cls.name}.{m.name}", kind, f"{m.name}: {m.type}", m.doc)
                for m in members
            ]
        for fn in cls.methods:
            kind = fn.decorator or ("abstract method" if fn.abstract else "method")
            rows.append(InterfaceRow(f"{cls.name}.{fn.name}", kind, fn_signature(fn), fn.doc))
    rows += [
        InterfaceRow(fn.name, "function", fn_signature(fn), fn.doc) for fn in interface.functions
    ]
    return rows


FILTERS = {
    "pyrepr": pyrepr,
    "docstring": docstring,
    "indent_code": indent_code,
    "expr": expr,
    "one_line": one_line,
    "md_cell": md_cell,
    "md_code": md_code,
    "mermaid_type": mermaid_type,
    "param_source": param_source,
    "call_text": call_text,
    "interface_rows": interface_rows,
    # the catalogue site (HTML): safe markup from spec text and code
    "markdown": htmltext.markdown,
    "markdown_inline": htmltext.markdown_inline,
    "python": htmltext.python,
    "behaviour_code": htmltext.behaviour_code,
}
