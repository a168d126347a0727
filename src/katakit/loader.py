"""Load spec YAML safely, keeping a line/column mark for every key and value.

A spec is plain JSON-like data written in YAML: mappings with string keys, lists, strings,
finite numbers, booleans and null. Everything else YAML can express is refused where it is
written, before it can cost time or memory: anchors and aliases (no spec needs them, and they
are how a few hundred bytes expand to gigabytes), merge keys, tags other than the JSON ones
(dates, binary, sets...), nesting deeper than MAX_DEPTH, lone surrogates, NaN and infinity,
and integers too long to print.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, SpecError, shown

MAX_SPEC_BYTES = 256 * 1024
MAX_NODES = 50_000  # sheer size
MAX_DEPTH = 32  # nested lists and mappings; the schema itself needs 8
MAX_INT_CHARS = 1000  # far below Python's 4,300-digit int/str limit, whatever the base

Location = tuple[int, int]
JsonPath = tuple[Any, ...]

_TAG = "tag:yaml.org,2002:"
SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null")}
TAG_NAMES = {"timestamp": "a date or time", "binary": "binary data", "set": "a set"}
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class LoadedSpec:
    """A spec's plain data plus where each part of it stands in the file."""

    path: str
    text: str
    data: Any
    value_marks: dict[JsonPath, Location] = field(default_factory=dict)
    key_marks: dict[JsonPath, Location] = field(default_factory=dict)

    def where(self, json_path: JsonPath, *, key: bool = False) -> Location:
        """The closest known mark for `json_path` (falls back to its parents)."""
        marks = self.key_marks if key else self.value_marks
        probe = tuple(json_path)
        while probe:
            if probe in marks:
                return marks[probe]
            if not key and probe in self.key_marks:
                return self.key_marks[probe]
            probe = probe[:-1]
        return self.value_marks.get((), (1, 1))

    def problem(self, json_path: JsonPath, message: str, *, key: bool = False) -> Problem:
        line, column = self.where(json_path, key=key)
        return Problem(self.path, line, column, message)


def _mark(node: yaml.Node | yaml.Event) -> Location:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Refused(Exception):
    """Raised while composing: the spec uses YAML a spec may not use."""

    def __init__(self, where: yaml.Node | yaml.Event, message: str) -> None:
        super().__init__(message)
        self.location = _mark(where)
        self.message = message


class _SpecLoader(yaml.SafeLoader):
    """SafeLoader that composes no alias, no anchor and nothing nested deeper than MAX_DEPTH.

    PyYAML composes recursively; counting depth here stops a 1 KB spec of nested `[[[...]]]`
    long before the RecursionError, and refusing anchors at the first `&name` means an alias
    bomb is never expanded, as a value or as a key.
    """

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event, _ALIASES)
        if getattr(event, "anchor", None) is not None:
            raise _Refused(event, _ALIASES)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _Refused(event, f"nested more than {MAX_DEPTH} lists or mappings deep")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_ALIASES = (
    "YAML anchors and aliases (&name, *name) are not allowed in a spec; "
    "write the value out where it is used"
)


class _Converter:
    """Turns a composed YAML node tree into plain data, recording marks."""

    def __init__(self, loader: yaml.SafeLoader, spec: LoadedSpec) -> None:
        self.loader = loader
        self.spec = spec
        self.count = 0

    def convert(self, node: yaml.Node, path: JsonPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self._error(node, f"spec is too large (more than {MAX_NODES} YAML nodes)")
        self.spec.value_marks.setdefault(path, _mark(node))
        if isinstance(node, yaml.MappingNode):
            self._expect_tag(node, _TAG + "map")
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self._key(key_node)
                if key in result:
                    first = self.spec.key_marks[path + (key,)]
                    raise self._error(
                        key_node,
                        f"duplicate key {shown(key)} (first defined at line {first[0]}); "
                        "remove one of them",
                    )
                self.spec.key_marks[path + (key,)] = _mark(key_node)
                result[key] = self.convert(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            self._expect_tag(node, _TAG + "seq")
            return [self.convert(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _key(self, node: yaml.Node) -> str:
        if node.tag == _TAG + "merge":
            raise self._error(node, "YAML merge keys (<<) are not allowed in a spec")
        if not isinstance(node, yaml.ScalarNode):
            what = "a mapping" if isinstance(node, yaml.MappingNode) else "a list"
            raise self._error(node, f"keys must be strings, not {what}")
        key = self._scalar(node)
        if not isinstance(key, str):
            raise self._error(node, f"keys must be strings, not {shown(key)}; quote it")
        return key

    def _scalar(self, node: yaml.Node) -> Any:
        self._expect_tag(node, *SCALAR_TAGS)
        if node.tag == _TAG + "int" and len(node.value) > MAX_INT_CHARS:
            raise self._error(
                node,
                f"an integer of {len(node.value)} characters is too long (at most "
                f"{MAX_INT_CHARS}); compute it with `equals_code` instead",
            )
        value = self.loader.construct_object(node, deep=True)
        if isinstance(value, float) and not math.isfinite(value):
            raise self._error(
                node,
                f"{node.value} is not a finite number, and spec numbers must be finite (a check "
                "can still compare with `equals_code: math.inf` or test `math.isnan(x)`)",
            )
        if isinstance(value, str) and (bad := _SURROGATE.search(value)):
            raise self._error(
                node,
                f"text holds a lone surrogate (U+{ord(bad.group()):04X}), which is not "
                "Unicode text and cannot be written as UTF-8; remove the \\u escape",
            )
        return value

    def _expect_tag(self, node: yaml.Node, *allowed: str) -> None:
        if node.tag in allowed:
            return
        name = node.tag.removeprefix(_TAG)
        what = TAG_NAMES.get(
            name,
            f"a value tagged !!{name}"
            if node.tag.startswith(_TAG)
            else f"a value tagged {node.tag}",
        )
        raise self._error(
            node,
            f"{what} is not a spec value (a spec holds only text, numbers, true/false, null, "
            "lists and mappings); quote it for text, or write Python in `equals_code` or "
            "`default_code`",
        )

    def _error(self, node: yaml.Node, message: str) -> SpecError:
        line, column = _mark(node)
        return SpecError([Problem(self.spec.path, line, column, message)])


def load_spec_text(text: str, path: str) -> LoadedSpec:
    """Parse YAML text; raise SpecError located at the offending character."""
    spec = LoadedSpec(path=path, text=text, data=None)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_SPEC_BYTES:
        raise SpecError([Problem(path, 1, 1, f"spec is larger than {MAX_SPEC_BYTES} bytes")])
    try:
        loader = _SpecLoader(text)  # the reader refuses control characters here
    except yaml.reader.ReaderError as exc:
        raise SpecError([_unreadable(exc, text, path)]) from None
    try:
        root = loader.get_single_node()
        if root is None:
            raise SpecError([Problem(path, 1, 1, "spec is empty; start from `make new`")])
        spec.data = _Converter(loader, spec).convert(root, ())
    except _Refused as exc:
        raise SpecError([Problem(path, *exc.location, exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(part for part in (exc.context, exc.problem) if part)
        hint = " (YAML indents with spaces, never tabs)" if "\\t" in what else ""
        raise SpecError([Problem(path, line, column, f"YAML syntax error: {what}{hint}")]) from None
    except yaml.reader.ReaderError as exc:
        raise SpecError([_unreadable(exc, text, path)]) from None
    except yaml.YAMLError as exc:
        raise SpecError([Problem(path, 1, 1, f"YAML error: {shown(str(exc))}")]) from None
    finally:
        loader.dispose()
    return spec


def _unreadable(exc: yaml.reader.ReaderError, text: str, path: str) -> Problem:
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    line, column = _location(text, exc.position)
    escape = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    message = (
        f"YAML does not allow the character U+{code:04X} in a spec; write it as an escape "
        f'inside a double-quoted string ("{escape}")'
    )
    return Problem(path, line, column, message)


def _location(text: str, index: int) -> Location:
    """1-based line and column of a character index."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def load_spec_file(file: Path, display: str | None = None) -> LoadedSpec:
    """Read and parse one spec file (see load_spec_text)."""
    shown_path = display or str(file)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise SpecError([Problem(shown_path, 1, 1, f"cannot read spec: {exc.strerror}")]) from None
    if len(raw) > MAX_SPEC_BYTES:
        raise SpecError([Problem(shown_path, 1, 1, f"spec is larger than {MAX_SPEC_BYTES} bytes")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SpecError([Problem(shown_path, 1, 1, f"spec is not UTF-8: {exc.reason}")]) from None
    return load_spec_text(text, shown_path)
