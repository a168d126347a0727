"""A bad spec fails with `path:line:column: message`, a non-zero exit and nothing written."""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, make_repo

from katakit.errors import SpecError
from katakit.filters import indent_code
from katakit.loader import load_spec_text
from katakit.render import reserved_names
from katakit.validate import ignored_slug, validate

SPEC = Path("specs/lru_cache/spec.yaml")


def edit(root: Path, old: str, new: str) -> None:
    path = root / SPEC
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root: Path, fragment: str) -> int:
    lines = (root / SPEC).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if fragment in line)


@pytest.mark.parametrize(
    ("old", "new", "marker", "column", "message"),
    [
        pytest.param(
            "title: Thread-safe LRU cache",
            "title: [unclosed",
            "section: caching",
            8,
            "YAML syntax error: while parsing a flow sequence expected ',' or ']'",
            id="yaml-syntax-error",
        ),
        pytest.param(
            "difficulty: intermediate",
            "difficulty: intermediate\ncolour: blue",
            "colour: blue",
            1,
            "unknown key 'colour'",
            id="unknown-key",
        ),
        pytest.param(
            "- name: LRUCache\n",
            "- name: 3LRUCache\n",
            "name: 3LRUCache",
            13,
            "'3LRUCache' is not a valid name for interface.classes.0.name",
            id="invalid-identifier",
        ),
        pytest.param(
            "        - name: clear\n",
            "        - name: class\n",
            "name: class",
            17,
            "'class' is a Python keyword",
            id="keyword-identifier",
        ),
        pytest.param(
            "      - check: cache.capacity\n        equals: 2",
            "      - check: cache.capcity\n        equals: 2",
            "check: cache.capcity",
            16,
            "class LRUCache has no member 'capcity'",
            id="unknown-member",
        ),
        pytest.param(
            '      - do: cache.put("a", 1)\n      - check: cache.get("a")',
            '      - do: cache.put("a", 1)\n      - check: kache.get("a")',
            'check: kache.get("a")',
            16,
            "uses 'kache'",
            id="unknown-name",
        ),
        pytest.param(
            "difficulty: intermediate",
            "difficulty: intermediate\ndifficulty: advanced",
            "difficulty: advanced",
            1,
            "duplicate key 'difficulty'",
            id="duplicate-key",
        ),
        pytest.param(
            "hints:\n",
            "hints:\n\t- tabbed\n",
            "\t- tabbed",
            1,
            "never tabs",
            id="tab",
        ),
    ],
)
def test_reports_the_problem_at_its_line_and_column(repo, kata, old, new, marker, column, message):
    edit(repo, old, new)
    line = line_of(repo, marker)
    code, out, err = kata(repo, "generate")
    assert code == 1
    assert f"specs/lru_cache/spec.yaml:{line}:{column}: " in err
    assert message in err
    assert "Traceback" not in err
    assert not (repo / "generated").exists()


def test_reports_a_missing_field_at_its_parent(repo, kata):
    edit(
        repo,
        "summary: A bounded cache that evicts the least recently used key in O(1), safe under threads.\n",
        "",
    )
    code, _, err = kata(repo, "generate")
    assert code == 1
    assert "specs/lru_cache/spec.yaml:2:1: missing required key 'summary'" in err


def test_reports_a_duplicate_behaviour_id(repo, kata):
    text = (repo / SPEC).read_text(encoding="utf-8")
    ids = [line.split("id: ")[1] for line in text.splitlines() if line.startswith("  - id: ")]
    edit(repo, f"id: {ids[1]}", f"id: {ids[0]}")
    code, _, err = kata(repo, "generate")
    assert code == 1
    assert f"behaviour id '{ids[0]}' is already used by behaviour 1" in err


def test_an_empty_spec_is_an_error(repo, kata):
    (repo / SPEC).write_text("", encoding="utf-8")
    code, _, err = kata(repo, "generate")
    assert code == 1
    assert "specs/lru_cache/spec.yaml:1:1: spec is empty" in err


def test_a_bad_spec_leaves_generated_untouched(repo, kata):
    assert kata(repo, "generate")[0] == 0
    before = {p: p.read_bytes() for p in (repo / "generated").rglob("*") if p.is_file()}
    edit(repo, "title: Thread-safe LRU cache", "title: [unclosed")
    assert kata(repo, "generate")[0] == 1
    after = {p: p.read_bytes() for p in (repo / "generated").rglob("*") if p.is_file()}
    assert after == before


def test_soft_keywords_are_valid_names(repo, kata):
    method = "        - name: match\n          doc: Named like re.match.\n"
    edit(repo, "        - name: clear\n", method + "        - name: clear\n")
    code, _, err = kata(repo, "lint", "--update-lock")
    assert code == 0, err


def test_names_are_checked_in_python_too_not_only_by_the_schema_patterns(tmp_path):
    """Python's `$` matches before a final newline: the schema's patterns guard against it, and
    validate() checks identifiers itself, so an editor's schema cannot be the only guard."""
    text = (ROOT / "tests" / "fixtures" / "counter" / "spec.yaml").read_text(encoding="utf-8")
    text = text.replace("{name: start,", '{name: "start\\n",')
    permissive = tmp_path / "schema.json"
    permissive.write_text("{}", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        validate(load_spec_text(text, "spec.yaml"), permissive)
    assert [str(p) for p in caught.value.problems] == [
        "spec.yaml:22:27: 'start\\n' is not a Python identifier; use letters, digits and _"
    ]


def test_reserved_names_are_what_the_templates_bind():
    reserved = reserved_names(ROOT / "templates")
    suite = {"step", "expect_equal", "run_threads", "pytest", "annotations", "st", "abc"}
    assert suite <= reserved.module
    assert {"solution", "worker", "Machine", "target", "subject", "model"} <= reserved.anywhere
    assert {"target", "compare", "text", "self"} <= reserved.drawn
    assert not any("probe" in name for name in reserved.anywhere | reserved.drawn)


def test_a_name_a_changed_template_binds_becomes_reserved(tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    test_template = templates / "test_kata.py.j2"
    text = test_template.read_text(encoding="utf-8")
    test_template.write_text(text.replace("import pytest\n", "import pytest\nimport Counter\n", 1))
    spec = load_spec_text((ROOT / "tests/fixtures/counter/spec.yaml").read_text(), "spec.yaml")
    with pytest.raises(SpecError, match="'Counter' cannot be an interface name"):
        validate(spec, ROOT / "specs" / "schema.json", templates=templates)


LINE_BREAKS_OF_SPLITLINES = "\u2028\u2029\x85\x0c\x0b\x1c\x1d\x1e"


def test_line_separators_inside_a_string_literal_survive_generation(counter_repo, kata):
    """str.splitlines breaks at U+2028, \\x85, \\f...; Python does not, inside a literal."""
    literal = "a" + "b".join(LINE_BREAKS_OF_SPLITLINES) + "z"
    spec = counter_repo / "specs" / "counter" / "spec.yaml"
    text = spec.read_text(encoding="utf-8")
    quoted = literal.encode("unicode_escape").decode("ascii")
    step = f"      - do: \"counter = Counter(5)\\nx = '{quoted}'\"\n"
    spec.write_text(text.replace("      - do: counter = Counter(5)\n", step), encoding="utf-8")
    assert kata(counter_repo, "generate")[0] == 0
    tree = ast.parse((counter_repo / "generated/counter/test_counter.py").read_text("utf-8"))
    constants = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]
    assert literal in constants


def test_indenting_code_keeps_multi_line_strings_and_odd_line_breaks_as_written():
    code = 'x = "a\u2028b"\nif x:\n    y = """p\n  q"""\n\n    z = 1\n'
    assert indent_code(code, 8) == (
        '        x = "a\u2028b"\n        if x:\n            y = """p\n  q"""\n\n            z = 1'
    )


@pytest.mark.parametrize("slug", ["build", "dist", "__pycache__", "_private"])
def test_a_slug_git_would_ignore_is_refused(tmp_path, kata, slug):
    repo = make_repo(tmp_path / "repo", ROOT / "tests" / "fixtures" / "counter")
    shutil.copy(ROOT / ".gitignore", repo / ".gitignore")
    folder = repo / "specs" / slug
    (repo / "specs" / "counter").rename(folder)
    text = (folder / "spec.yaml").read_text(encoding="utf-8")
    (folder / "spec.yaml").write_text(text.replace("slug: counter", f"slug: {slug}"), "utf-8")
    code, _, err = kata(repo, "generate")
    assert code == 1
    assert f"specs/{slug}/spec.yaml:2:7: slug {slug!r} is ignored by git (" in err
    assert not (repo / "generated").exists()


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize(
    "slug",
    ["build", "dist", "lru_cache", "counter", "results", "node_modules", "katas", "hypothesis"],
)
def test_the_slug_rule_agrees_with_git_check_ignore(tmp_path, slug):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    shutil.copy(ROOT / ".gitignore", tmp_path / ".gitignore")
    paths = [f"specs/{slug}/spec.yaml", f"generated/{slug}/test_{slug}.py"]
    done = subprocess.run(["git", "check-ignore", *paths], cwd=tmp_path, capture_output=True)
    assert (ignored_slug(slug, tmp_path) is not None) == (done.returncode == 0)
