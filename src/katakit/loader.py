"""Load spec YAML safely, keeping a line/column mark for every key and value."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, SpecError

MAX_SPEC_BYTES = 256 * 1024
MAX_NODES = 50_000  # guards alias expansion ("billion laughs") as well as sheer size

Location = tuple[int, int]
JsonPath = tuple[Any, ...]


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


def _mark(node: yaml.Node) -> Location:
    return node.start_mark.line + 1, node.start_mark.column + 1


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
            self.loader.flatten_mapping(node)
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node, deep=True)
                if not isinstance(key, str):
                    raise self._error(key_node, f"keys must be strings, not {key!r}")
                if key in result:
                    first = self.spec.key_marks[path + (key,)]
                    raise self._error(
                        key_node,
                        f"duplicate key {key!r} (first defined at line {first[0]}); "
                        "remove one of them",
                    )
                self.spec.key_marks[path + (key,)] = _mark(key_node)
                result[key] = self.convert(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)

    def _error(self, node: yaml.Node, message: str) -> SpecError:
        line, column = _mark(node)
        return SpecError([Problem(self.spec.path, line, column, message)])


def load_spec_text(text: str, path: str) -> LoadedSpec:
    """Parse YAML text; raise SpecError located at the offending character."""
    spec = LoadedSpec(path=path, text=text, data=None)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_SPEC_BYTES:
        raise SpecError([Problem(path, 1, 1, f"spec is larger than {MAX_SPEC_BYTES} bytes")])
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise SpecError([Problem(path, 1, 1, "spec is empty; start from `make new`")])
        spec.data = _Converter(loader, spec).convert(root, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(part for part in (exc.context, exc.problem) if part)
        hint = " (YAML indents with spaces, never tabs)" if "\\t" in what else ""
        raise SpecError([Problem(path, line, column, f"YAML syntax error: {what}{hint}")]) from None
    except yaml.YAMLError as exc:
        raise SpecError([Problem(path, 1, 1, f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()
    return spec


def load_spec_file(file: Path, display: str | None = None) -> LoadedSpec:
    """Read and parse one spec file (see load_spec_text)."""
    shown = display or str(file)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise SpecError([Problem(shown, 1, 1, f"cannot read spec: {exc.strerror}")]) from None
    if len(raw) > MAX_SPEC_BYTES:
        raise SpecError([Problem(shown, 1, 1, f"spec is larger than {MAX_SPEC_BYTES} bytes")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SpecError([Problem(shown, 1, 1, f"spec is not UTF-8: {exc.reason}")]) from None
    return load_spec_text(text, shown)
