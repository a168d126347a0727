"""Text that came from a submission (folder names, output, exception messages), made safe
for where it is shown: a terminal, Markdown, HTML or a spreadsheet cell."""

from __future__ import annotations

import html
import re

from rich.markup import escape as _rich_escape

# ANSI/VT escape sequences (CSI, OSC and two-character forms), then any other control char.
_ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROLS = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def plain(text: str) -> str:
    """No escape sequences or control characters (newlines and tabs stay)."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text.replace("\r\n", "\n")))


def terminal(text: str) -> str:
    """For rich: plain, and with `[markup]` shown as typed."""
    return _rich_escape(plain(text))


def markdown(text: str) -> str:
    """One line of Markdown that renders as the text itself: no HTML, links or tables."""
    one_line = " ".join(plain(text).split())
    escaped = html.escape(one_line, quote=True)
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|~>])", r"\\\1", escaped)


def html_text(text: str) -> str:
    return html.escape(plain(text), quote=True)


def csv_cell(text: str) -> str:
    """OWASP's rule against formula injection: a cell that could start a formula is quoted."""
    text = plain(text)
    return "'" + text if text.startswith(_FORMULA) else text
