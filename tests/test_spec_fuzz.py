"""A fuzzer for the spec pipeline: mutated specs are either generated or refused, nothing else.

What is this about?
    A spec author can write anything, carelessly or on purpose. Whatever the text, loading,
    validating and rendering it must end in one of two ways: the spec is valid and every
    generated Python module parses, or a SpecError names where it is wrong
    (`path:line:column: message`, one short line each). Never another exception, never a
    traceback, never more than a few seconds.

What does this example do?
    Hypothesis starts from valid specs (the counter fixture with a behaviour of every kind,
    and two real katas) and mutates them, as data (drop, duplicate or retype a key; odd
    Unicode, control characters and whitespace; reserved and malformed names; huge, float,
    non-finite numbers; deep nesting) and as YAML text (anchors and aliases, tags, merge
    keys, flow collections, tabs, documents, deleted, doubled and cut lines).

TL;DR
    `pytest tests/test_spec_fuzz.py` runs a deterministic 150 examples of each kind (under a
    minute); `make fuzz` runs 2,000 fresh ones and prints how many were generated or refused.
"""

from __future__ import annotations

import ast
import copy
import os
import time
from typing import Any

import pytest
import yaml
from conftest import ROOT
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from katakit.errors import MAX_MESSAGE, SpecError
from katakit.loader import load_spec_text
from katakit.render import environment, render_kata, reserved_names
from katakit.validate import validate

EXAMPLES = int(os.environ.get("KATA_FUZZ_EXAMPLES", "150"))
SECONDS_PER_SPEC = 5.0
SUITE_TIMEOUT = 120 + EXAMPLES  # a backstop; a typical spec takes a tenth of a second
SCHEMA = ROOT / "specs" / "schema.json"
TEMPLATES = ROOT / "templates"
ENV = environment(TEMPLATES)

EXTRA_BEHAVIOURS = """\
  - id: 5f1e2d3c-4b5a-4e6f-8a7b-1c2d3e4f5a6b
    name: increments_take_constant_time
    why: A counter must not slow down as it grows.
    kind: complexity
    sizes: [100, 1000]
    max_ratio: 4.0
    setup: |
      counter = Counter(n)
    operation: |
      counter.increment()
  - id: 6a2b3c4d-5e6f-4a7b-9c8d-2e3f4a5b6c7d
    name: counts_like_a_model
    why: Any sequence of increments ends at start plus their number.
    kind: property
    examples: 80
    model: |
      class Model:
          def __init__(self, start):
              self.value = start
          def increment(self):
              self.value += 1
              return self.value
    init:
      draw: {start: "st.integers(0, 5)"}
      subject: Counter(start)
      model: Model(start)
    rules:
      - call: increment()
    invariants:
      - subject.value == model.value
"""


def _bases() -> list[tuple[str, str]]:
    counter = (ROOT / "tests" / "fixtures" / "counter" / "spec.yaml").read_text(encoding="utf-8")
    bases = [("counter", counter + EXTRA_BEHAVIOURS)]
    for slug in ("lru_cache", "event_bus"):
        bases.append((slug, (ROOT / "specs" / slug / "spec.yaml").read_text(encoding="utf-8")))
    return bases


BASES = _bases()


def outcome(text: str, slug: str) -> str:
    """'generated' or 'refused'; anything else raises, which is what the fuzzer looks for."""
    path = f"specs/{slug}/spec.yaml"
    try:
        kata = validate(load_spec_text(text, path), SCHEMA, slug, TEMPLATES)
    except SpecError as exc:
        assert exc.problems
        lines = text.count("\n") + 2
        for problem in exc.problems:
            assert problem.path == path
            assert 1 <= problem.line <= lines and problem.column >= 1, problem
            assert problem.message and "\n" not in problem.message, problem
            assert len(problem.message) <= MAX_MESSAGE
        return "refused"
    for name, body in render_kata(kata, ENV).items():
        body.encode("utf-8")  # what the writer does; a lone surrogate would fail here
        if name.endswith(".py"):
            ast.parse(body)
    return "generated"


def check(text: str, slug: str) -> str:
    started = time.perf_counter()
    result = outcome(text, slug)
    seconds = time.perf_counter() - started
    assert seconds < SECONDS_PER_SPEC, f"took {seconds:.1f} s"
    return result


# --- values a careless or hostile author writes -------------------------------------------

RESERVED = sorted(reserved_names(TEMPLATES).anywhere | reserved_names(TEMPLATES).drawn)
ODD_CHARS = "\x00\x01\t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u2029\u200b\ufeff\ud800\udfff\U0001f600"
odd_text = st.text(st.sampled_from(ODD_CHARS) | st.characters(), max_size=12)
names = st.one_of(
    st.sampled_from(RESERVED),
    st.sampled_from(["class", "match", "self", "cls", "__init__", "_", "*", "**", "*args"]),
    st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,8}", fullmatch=True).map(lambda s: s + "\n"),
    st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,8}", fullmatch=True),
    odd_text,
)
numbers = st.one_of(
    st.integers(),
    st.integers(min_value=10**300, max_value=10**320),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 1, 8.0, 1e308, -0.0, True, False]),
)
code = st.one_of(
    st.sampled_from(
        [
            "pass",
            "# only a comment",
            "x = 1\n\x0cy = 2",
            "x = 'a\u2028b'",
            "x = '''a\n  b'''",
            "(" * 150 + "1" + ")" * 150,
            "-" * 3000 + "1",
            "1" + " + 1" * 3000,
            "import os; os.system('true')",
            "step = print",
            "expect_equal = lambda *a: None",
            "counter = Counter(5)\ncounter.nonexistent()",
            "lambda: (yield)",
            "await x",
            "def f(:\n",
            "x = 1\r\ny = 2",
            "x = 1\ry = 2",
            "int  # comment",
            "int\n",
        ]
    ),
    odd_text,
)
leaves = st.one_of(st.none(), st.booleans(), numbers, odd_text, names, code)
values = st.recursive(
    leaves,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(names | odd_text, inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, prefix + (i,))
    return found


def _parent(data: Any, path: tuple) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@st.composite
def data_mutants(draw: st.DrawFn) -> tuple[str, str]:
    """Mutate the spec as data, then write it back as YAML."""
    slug, text = draw(st.sampled_from(BASES))
    data = copy.deepcopy(yaml.safe_load(text))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        action = draw(st.sampled_from(["drop", "replace", "replace", "copy", "nest", "rename"]))
        if action == "drop":
            del parent[path[-1]]
        elif action == "replace":
            parent[path[-1]] = draw(values)
        elif action == "copy" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
        elif action == "nest":
            value = parent[path[-1]]
            for _ in range(draw(st.integers(1, 40))):
                value = [value]
            parent[path[-1]] = value
        elif action == "rename" and isinstance(parent, dict):
            parent[draw(names | odd_text)] = parent.pop(path[-1])
    try:
        dumped = yaml.safe_dump(data, allow_unicode=draw(st.booleans()), sort_keys=False)
    except (yaml.YAMLError, RecursionError):
        dumped = text  # PyYAML cannot write it: nothing an author could type
    return slug, dumped


YAML_TRICKS = [
    "x: &a [1, 2]\ny: *a\n",
    "<<: {title: merged}\n",
    "? [a, b]\n: 1\n",
    "? {a: 1}\n: 1\n",
    "title: !!python/object/apply:os.system [true]\n",
    "title: !!binary aGVsbG8=\n",
    "title: !!set {a, b}\n",
    "title: !custom x\n",
    "title: 2001-12-14\n",
    "title: .nan\n",
    "title: 0x" + "f" * 3000 + "\n",
    "title: " + "9" * 5000 + "\n",
    "title: " + "[" * 100 + "]" * 100 + "\n",
    "title: " + "{a: " * 50 + "1" + "}" * 50 + "\n",
    "---\nslug: other\n",
    "...\n",
    "%YAML 1.1\n---\n",
    "\ttitle: tabbed\n",
    "\ufefftitle: bom\n",
    'title: "\\ud800"\n',
    'title: "\\0"\n',
    "title: [unclosed\n",
    "title: 'unclosed\n",
    "title: |\n  block\n bad indent\n",
    "title: =\n",
    "slug: __pycache__\n",
    "slug: build\n",
]


@st.composite
def text_mutants(draw: st.DrawFn) -> tuple[str, str]:
    """Mutate the spec as YAML text: insert tricks, delete, double, cut or spoil lines."""
    slug, text = draw(st.sampled_from(BASES))
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["insert", "insert", "delete", "double", "cut", "char"]))
        if action == "insert":
            indent = " " * draw(st.sampled_from([0, 0, 2, 4, 6]))
            trick = draw(st.sampled_from(YAML_TRICKS))
            lines[i:i] = [indent + line for line in trick.rstrip("\n").split("\n")]
        elif action == "delete" and len(lines) > 1:
            del lines[i]
        elif action == "double":
            lines.insert(i, lines[i])
        elif action == "cut":
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
        elif action == "char" and lines[i]:
            j = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:j] + draw(st.sampled_from(ODD_CHARS)) + lines[i][j + 1 :]
    return slug, "\n".join(lines)


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 150,  # the default run is the same every time; `make fuzz` is fresh
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
    # a failing spec is shown as found: shrinking a mutated 40 KB spec costs minutes
    phases=[Phase.explicit, Phase.generate],
    report_multiple_bugs=True,
)


def test_every_base_spec_is_valid():
    for slug, text in BASES:
        assert outcome(text, slug) == "generated", slug


@pytest.mark.timeout(SUITE_TIMEOUT)
@FUZZ
@given(data_mutants())
def test_a_spec_mutated_as_data_is_generated_or_refused_with_a_location(mutant):
    event(check(mutant[1], mutant[0]))


@pytest.mark.timeout(SUITE_TIMEOUT)
@FUZZ
@given(text_mutants())
def test_a_spec_mutated_as_text_is_generated_or_refused_with_a_location(mutant):
    event(check(mutant[1], mutant[0]))


@pytest.mark.parametrize("trick", YAML_TRICKS)
def test_each_yaml_trick_at_the_top_level_is_generated_or_refused(trick):
    slug, text = BASES[0]
    check(text + trick, slug)
