"""Spec text and spec code as safe HTML, for the catalogue site's templates.

Prose fields are Markdown: rendered by markdown-it with raw HTML switched off, so a spec
can never inject markup. Code is highlighted at build time from Python's own tokenizer (no
script needed to read it; ten times quicker than Pygments for the same classes). A behaviour becomes one readable block of Python-like code, built from the same
model the generated suite is rendered from.
"""

from __future__ import annotations

import builtins
import functools
import io
import keyword
import textwrap
import tokenize

from markupsafe import Markup, escape

from .model import Behaviour, Step

# Token classes named as Pygments names them, so any Pygments theme's CSS would fit too.
_CONSTANTS = {"True", "False", "None"}
_BUILTINS = {name for name in dir(builtins) if not name.startswith("_")}
_CLASSES = {tokenize.STRING: "s", tokenize.NUMBER: "m", tokenize.COMMENT: "c"}


@functools.cache
def _markdown():  # imported on first use: only `kata site` pays for it
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def markdown(text: str) -> Markup:
    """Block Markdown (paragraphs, lists, code) as HTML; raw HTML in the text is escaped."""
    return Markup(_markdown().render(text.strip()))


def markdown_inline(text: str) -> Markup:
    """One line of Markdown (a table cell, a list item) as inline HTML: no <p> around it."""
    return Markup(_markdown().renderInline(" ".join(text.split())))


def python(code: str) -> Markup:
    """Python source as escaped HTML with highlighted spans (to go inside <pre><code>)."""
    starts = [0]
    for line in code.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def offset(row_col: tuple[int, int]) -> int:
        row, col = row_col
        return min(starts[min(row, len(starts)) - 1] + col, len(code))

    parts, done, previous = [], 0, ""
    try:
        for tok in tokenize.generate_tokens(io.StringIO(code).readline):
            start, end = offset(tok.start), offset(tok.end)
            if end <= start:
                continue
            css = _token_class(tok, previous)
            previous = tok.string if tok.type == tokenize.NAME else ""
            text = escape(code[start:end])
            parts += [
                escape(code[done:start]),
                f'<span class="{css}">{text}</span>' if css else text,
            ]
            done = end
    except (tokenize.TokenError, SyntaxError):  # never for validated spec code
        return Markup(escape(code))
    parts.append(escape(code[done:]))
    return Markup("".join(parts))


def _token_class(tok: tokenize.TokenInfo, previous: str) -> str:
    if tok.type != tokenize.NAME:
        return _CLASSES.get(tok.type, "")
    if previous in ("def", "class"):
        return "nf" if previous == "def" else "nc"
    if tok.string in _CONSTANTS:
        return "kc"
    if keyword.iskeyword(tok.string):
        return "k"
    return "nb" if tok.string in _BUILTINS else ""


def _block(code: str) -> str:
    return textwrap.dedent(code).strip("\n")


def _pad(code: str, width: int = 4) -> str:
    return textwrap.indent(_block(code), " " * width)


def _step(step: Step) -> str:
    code = _block(step.code)
    if step.mode == "do":
        if not step.raises:
            return code
        match = f", match={step.match!r}" if step.match else ""
        return f"with raises({step.raises}{match}):\n{_pad(code)}"
    if step.comparison == "equals":
        return f"assert {code} == {step.equals!r}"
    if step.comparison == "equals_code":
        return f"assert {code} == {_block(step.equals_code or '')}"
    if step.comparison == "is":
        return f"assert {code} is {step.is_!r}"
    return f"assert {code}"


def _steps(steps: tuple[Step, ...]) -> list[str]:
    return [_step(s) for s in steps]


def _draws(draw: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{name} = {strategy}" for name, strategy in draw)


def behaviour_code(b: Behaviour) -> str:
    """What a behaviour does, as one block of Python a reader can follow top to bottom."""
    if b.kind == "scenario":
        return "\n".join(_steps(b.steps))
    if b.kind == "property":
        return _property_code(b)
    if b.kind == "concurrency":
        lines = []
        if b.setup.strip():
            lines += ["# once, before the threads:", _block(b.setup), ""]
        lines += [
            f"# in each of {b.threads} threads released together (index = 0..{b.threads - 1}):",
            _block(b.worker),
        ]
        if b.steps:
            lines += ["", "# once every thread has finished:", *_steps(b.steps)]
        return "\n".join(lines)
    return _complexity_code(b)


def _property_code(b: Behaviour) -> str:
    lines = ["# the model the solution is compared with:", _block(b.model), ""]
    if b.init_draw:
        lines.append(f"# each example draws {_draws(b.init_draw)}")
    lines += [f"subject = {b.init_subject}", f"model = {b.init_model}", ""]
    lines.append(f"# then up to {b.max_steps} of these calls, in any order, on both:")
    for rule in b.rules:
        note = f"  # {_draws(rule.draw)}" if rule.draw else ""
        same = "" if rule.compare else " (results not compared)"
        lines.append(f"subject.{rule.call}{note}{same}")
    if b.invariants:
        lines += ["", "# after every call:"]
        lines += [f"assert {_block(inv)}" for inv in b.invariants]
    lines.append(f"# ({b.examples} examples)")
    return "\n".join(lines)


def _complexity_code(b: Behaviour) -> str:
    sizes = ", ".join(f"{n:_}" for n in b.sizes)
    lines = [f"# for each size n in {sizes}:", _block(b.setup), ""]
    lines += [f"# timed, {b.operations} times (i counts the operations):", _block(b.operation)]
    lines += [
        "",
        f"# the time per operation may grow at most {b.max_ratio:g}x "
        f"from n={b.sizes[0]:_} to n={b.sizes[-1]:_}",
    ]
    return "\n".join(lines)
