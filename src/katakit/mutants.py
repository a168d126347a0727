"""Mutants: plausible wrong solutions, stored as unified diffs against the kata's reference.

`specs/<slug>/mutants/<name>.diff` holds a description (the text before the first `--- `
line: what is wrong, in a sentence or two) and an ordinary unified diff with
`--- a/reference.py` / `+++ b/reference.py` headers. It is applied strictly: every context
and removed line must match the reference exactly where the hunk says (no fuzz, no offsets),
so a diff that has drifted from the reference is an error, never a silently different bug.

`specs/<slug>/mutants/<name>.py` is a whole wrong module (the guide's own code, or a wrong
solution that is not a small edit of the reference); its docstring says why it is whole.
"""

from __future__ import annotations

import ast
import difflib
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import whatthepatch
from whatthepatch.exceptions import HunkApplyException, ParseException

from .errors import KataError

CONTEXT = 2  # lines of context around each change: enough to read the bug, short enough to review
BASE_HEADER = re.compile(r"--- a/(?P<base>[a-z][a-z0-9_]*)\.py\Z")


class MutantError(ValueError, KataError):
    """A mutant cannot be read or applied; the message says where and how to re-create it."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        self.path, self.line, self.message = str(path), line, message
        super().__init__(f"{self.path}:{line}: {message}")


@dataclass(frozen=True)
class Mutant:
    slug: str
    name: str
    path: Path  # the .diff or the whole .py

    @property
    def whole(self) -> bool:
        return self.path.suffix == ".py"

    def base(self) -> Path:
        """What the diff applies to: reference.py, or a whole mutant of the same kata."""
        header = split_description(self.path.read_text(encoding="utf-8"))[1].split("\n", 1)[0]
        match = BASE_HEADER.match(header)
        name = match["base"] if match else "reference"
        return (
            self.path.parent.parent / "reference.py"
            if name == "reference"
            else self.path.with_name(f"{name}.py")
        )

    def recreate_hint(self) -> str:
        return (
            f"re-create it from the bug: copy specs/{self.slug}/reference.py to "
            f"/tmp/{self.name}.py, edit the bug in, then run `kata mutant new {self.slug} "
            f"{self.name} --from /tmp/{self.name}.py --force`"
        )

    def description(self) -> str:
        if self.whole:
            tree = ast.parse(self.path.read_text(encoding="utf-8"))
            return " ".join((ast.get_docstring(tree) or "").split())
        return " ".join(split_description(self.path.read_text(encoding="utf-8"))[0].split())

    def source(self) -> str:
        """The mutated module's text (a whole mutant as it is; a diff applied to the reference)."""
        text = self.path.read_text(encoding="utf-8")
        if self.whole:
            return text
        base = self.base()
        if not base.is_file():
            raise MutantError(self.path, 1, f"the diff's base {base.name} does not exist")
        return apply_diff(self, text, base.read_text(encoding="utf-8"))


def discover(mutants_dir: Path, slug: str) -> list[Mutant]:
    """Every mutant of a kata, sorted by name; a name held as both .diff and .py is an error."""
    found = sorted(
        (p for p in mutants_dir.glob("*") if p.suffix in (".diff", ".py")),
        key=lambda p: (p.stem, p.suffix),
    )
    names = [p.stem for p in found]
    for name in {n for n in names if names.count(n) > 1}:
        raise MutantError(
            mutants_dir / f"{name}.diff", 1, f"{name}.py holds the same mutant; keep one of them"
        )
    return [Mutant(slug, p.stem, p) for p in found]


def split_description(text: str) -> tuple[str, str]:
    """(description, diff): the diff starts at the first line that begins with `--- `."""
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith("--- "):
            return "".join(lines[:index]).strip(), "".join(lines[index:])
    return text.strip(), ""


def apply_diff(mutant: Mutant, text: str, reference: str) -> str:
    """The reference with the diff applied strictly; MutantError names the hunk that drifted."""
    description, diff = split_description(text)
    where = str(mutant.path)
    if not description:
        raise MutantError(
            where, 1, "no description; the text before the first `---` line says what is wrong"
        )
    first = len(text[: text.find(diff)].splitlines()) + 1 if diff else 1
    headers = diff.splitlines()[:2]
    match = BASE_HEADER.match(headers[0]) if headers else None
    if match is None:
        raise MutantError(where, first, "expected a `--- a/reference.py` line opening the diff")
    if headers[1:] != [f"+++ b/{match['base']}.py"]:
        raise MutantError(where, first + 1, f"expected a `+++ b/{match['base']}.py` line")
    try:
        patches = list(whatthepatch.parse_patch(diff))
    except ParseException as exc:
        raise MutantError(where, first, f"not a unified diff ({exc})") from None
    if len(patches) != 1 or not patches[0].changes:
        raise MutantError(where, first, "expected one diff of reference.py with hunks")
    patch = patches[0]
    lines = reference.split("\n")
    try:
        result = whatthepatch.apply_diff(patch, lines)
    except HunkApplyException as exc:
        raise MutantError(
            where,
            _hunk_line(diff, exc.hunk, first),
            f"the diff no longer applies to reference.py ({exc}); {mutant.recreate_hint()}",
        ) from None
    mutated = "\n".join(result)
    try:
        ast.parse(mutated)
    except SyntaxError as exc:
        raise MutantError(
            where, first, f"the mutated module does not parse (line {exc.lineno}: {exc.msg})"
        ) from None
    if mutated == reference:
        raise MutantError(where, first, f"the diff changes nothing; {mutant.recreate_hint()}")
    return mutated


def _hunk_line(diff: str, hunk: int | None, first: int) -> int:
    """The line of the file where hunk number `hunk` (from 1) starts."""
    seen = 0
    for offset, line in enumerate(diff.splitlines()):
        if line.startswith("@@"):
            seen += 1
            if seen == hunk:
                return first + offset
    return first


def make_diff(
    reference: str, mutated: str, description: str, base: str = "reference", context: int = CONTEXT
) -> str:
    """The .diff text for a mutant: its description, then a unified diff with `context` lines."""
    body = difflib.unified_diff(
        reference.splitlines(keepends=True),
        mutated.splitlines(keepends=True),
        fromfile=f"a/{base}.py",
        tofile=f"b/{base}.py",
        n=context,
    )
    text = "".join(line if line.endswith("\n") else line + "\n" for line in body)
    return f"{description.strip()}\n\n{text}"


@contextmanager
def materialized(mutants: list[Mutant]) -> Iterator[dict[tuple[str, str], Path]]:
    """Each mutant as an importable `<slug>/<name>.py` in a private temporary folder.

    Keyed by (name, slug).
    """
    with tempfile.TemporaryDirectory(prefix="kata-mutants-") as tmp:
        paths = {}
        for mutant in mutants:
            folder = Path(tmp) / mutant.slug
            folder.mkdir(exist_ok=True)
            path = paths[mutant.name, mutant.slug] = folder / f"{mutant.name}.py"
            path.write_text(mutant.source(), encoding="utf-8")
        yield paths
