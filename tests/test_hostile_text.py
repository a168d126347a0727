"""Spec text is data: whatever a free-text field holds, it can only reach generated Python as a
string constant. Proven by rendering arbitrary text into every free-text field and comparing
the generated modules' AST, string constants blanked, with a plain baseline.
"""

from __future__ import annotations

import ast
import copy
from functools import cache

from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from katakit.loader import LoadedSpec, load_spec_file
from katakit.render import environment, render_kata
from katakit.validate import validate

SPEC = ROOT / "tests" / "fixtures" / "counter" / "spec.yaml"
SCHEMA = ROOT / "specs" / "schema.json"
NASTY = st.sampled_from(
    [
        '"""',
        "'''",
        "\\",
        "\\n",
        "\n",
        "{{ x }}",
        "{% raw %}",
        "#",
        "'",
        '"',
        "\r",
        "\x00",
        "\u2028",
        "é",
        "🙂",
        "__import__('os').system('x')",
        "\"); import os; ('",
        "*/",
        "</script>",
    ]
)
TEXT = st.lists(st.one_of(st.text(min_size=1, max_size=8), NASTY), min_size=1, max_size=6).map(
    "".join
)


@cache
def base_data() -> dict:
    return load_spec_file(SPEC).data


def free_text_fields(data: dict) -> list[tuple[dict | list, object]]:
    """(container, key) for every free-text field of the counter spec."""
    fields: list[tuple[dict | list, object]] = [
        (data, k) for k in ("title", "summary", "about", "example", "tldr")
    ]
    for group in ("objectives", "hints", "guide_errors"):
        fields += [(data[group], i) for i in range(len(data[group]))]
    for cls in data["interface"]["classes"]:
        fields.append((cls, "doc"))
        for group in ("attributes", "properties", "methods"):
            fields += [(member, "doc") for member in cls.get(group, [])]
        fields += [(method, "hint") for method in cls.get("methods", [])]
    for behaviour in data["behaviours"]:
        fields.append((behaviour, "why"))
    return fields


class BlankStrings(ast.NodeTransformer):
    def visit_Constant(self, node: ast.Constant) -> ast.Constant:
        return ast.Constant("") if isinstance(node.value, str) else node


def shape(source: str) -> str:
    return ast.dump(BlankStrings().visit(ast.parse(source)))


def render(data: dict) -> dict[str, str]:
    kata = validate(
        LoadedSpec(path="specs/counter/spec.yaml", text="", data=data), SCHEMA, "counter"
    )
    return render_kata(kata, environment(ROOT / "templates"))


@cache
def baseline() -> dict[str, str]:
    data = copy.deepcopy(base_data())
    data["guide_errors"] = ["plain"]
    for container, key in free_text_fields(data):
        container[key] = "plain text"
    return {name: shape(text) for name, text in render(data).items() if name.endswith(".py")}


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(st.data())
def test_free_text_never_becomes_code(data):
    spec = copy.deepcopy(base_data())
    spec["guide_errors"] = ["plain"]
    for container, key in free_text_fields(spec):
        container[key] = data.draw(TEXT)
    for name, source in render(spec).items():
        if name.endswith(".py"):
            assert shape(source) == baseline()[name], name
