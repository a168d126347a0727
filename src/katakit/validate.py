"""Validate loaded spec data (JSON Schema, then semantic checks) and build the typed model."""

from __future__ import annotations

import ast
import builtins
import fnmatch
import hashlib
import json
import keyword
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError, best_match

from . import codecheck
from .codecheck import CodeProblem
from .errors import Problem, SpecError, shown
from .loader import JsonPath, LoadedSpec
from .model import (
    DEFAULT_TIMEOUTS,
    NO_DEFAULT,
    Behaviour,
    Class,
    Constant,
    ExceptionClass,
    Function,
    Interface,
    Kata,
    Member,
    Param,
    Rule,
    Step,
)
from .render import Reserved, reserved_names

BUILTIN_EXCEPTIONS = {
    name
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, BaseException)
}
PROPERTY_CONTEXT = {"subject", "model", "st"}


def _is_whole_number(checker: Any, instance: Any) -> bool:
    """JSON Schema's "integer" admits 8.0; a count of threads or examples must be an int."""
    return isinstance(instance, int) and not isinstance(instance, bool)


def _is_number(checker: Any, instance: Any) -> bool:
    return isinstance(instance, (int, float)) and not isinstance(instance, bool)


_SpecValidator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator,
    type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine_many(
        {"integer": _is_whole_number, "number": _is_number}
    ),
)


@cache
def _validator(schema_path: Path) -> jsonschema.protocols.Validator:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    return _SpecValidator(schema)


def _leaf_errors(error: ValidationError) -> Iterable[ValidationError]:
    """Descend into anyOf/oneOf to the most telling sub-error."""
    while error.context:
        error = best_match(error.context)
    yield error


def _schema_problems(spec: LoadedSpec, schema_path: Path) -> list[Problem]:
    problems = []
    for top in _validator(schema_path).iter_errors(spec.data):
        for error in _leaf_errors(top):
            path = tuple(error.absolute_path)
            if error.validator in ("additionalProperties", "unevaluatedProperties"):
                allowed = _allowed_keys(error.schema, error.instance)
                for key in sorted(set(error.instance) - allowed):
                    message = f"unknown key {key!r}; allowed here: {', '.join(sorted(allowed))}"
                    problems.append(spec.problem(path + (key,), message, key=True))
            elif error.validator == "required":
                missing = error.message.split("'")[1] if "'" in error.message else error.message
                problems.append(spec.problem(path, f"missing required key {missing!r}", key=True))
            else:
                problems.append(spec.problem(path, _humane(error, path)))
    return problems


def _allowed_keys(schema: dict, instance: dict) -> set[str]:
    """Keys a mapping may hold: its own properties plus those its `kind` switches on."""
    allowed = set(schema.get("properties", {}))
    by_kind = {
        branch["if"]["properties"]["kind"]["const"]: set(branch["then"].get("properties", {}))
        for branch in schema.get("allOf", [])
        if "const" in branch.get("if", {}).get("properties", {}).get("kind", {})
    }
    kind = instance.get("kind")
    if isinstance(kind, str) and kind in by_kind:  # a kind may be any YAML value, even a list
        return allowed | by_kind[kind]
    # an unknown kind is reported on its own; do not also flag the keys it would have used
    return allowed.union(*by_kind.values())


TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}


def _humane(error: ValidationError, path: JsonPath) -> str:
    """jsonschema's messages, reworded for a spec author."""
    where = _where(path)
    if error.validator == "type":
        wanted = error.validator_value
        wanted = [wanted] if isinstance(wanted, str) else wanted
        if not path:
            return "a spec must be a mapping of keys (slug, title, section, ...)"
        return f"{where} must be {' or '.join(TYPE_NAMES.get(w, w) for w in wanted)}, not {type(error.instance).__name__} {shown(error.instance)}"
    if error.validator == "minItems":
        return f"{where} needs at least {error.validator_value} item(s)"
    if error.validator == "minLength":
        return f"{where} must not be empty"
    if error.validator == "enum":
        return f"{where} is {shown(error.instance)}; choose one of: {', '.join(map(str, error.validator_value))}"
    if error.validator == "pattern" and path and path[-1] == "id":
        return (
            "behaviour id must be a lowercase UUID4 (python -c 'import uuid; print(uuid.uuid4())')"
        )
    if error.validator == "pattern":
        shape = (
            "snake_case"
            if path and path[-1] == "name" and "behaviours" in path
            else "a Python identifier"
        )
        return f"{shown(error.instance)} is not a valid name for {where}: use {shape}"
    return f"{where}: {error.message}"


def _where(path: JsonPath) -> str:
    return ".".join(str(p) for p in path) or "spec"


class _Checker:
    """Semantic checks; collects problems rather than stopping at the first."""

    def __init__(self, spec: LoadedSpec, reserved: Reserved | None = None) -> None:
        self.spec = spec
        self.problems: list[Problem] = []
        empty = frozenset[str]()
        self.reserved = reserved or Reserved(empty, empty, empty)

    def not_reserved(self, path: JsonPath, name: str, names: frozenset[str], what: str) -> None:
        if name in names:
            self.add(
                path,
                f"{name!r} cannot be {what}: the generated test module binds {name!r} itself, "
                "and one would replace the other; choose another name",
            )

    def add(self, path: JsonPath, message: str, *, key: bool = False) -> None:
        self.problems.append(self.spec.problem(path, message, key=key))

    def code(self, path: JsonPath, mode: str, what: str, *, inline: bool = False) -> ast.AST | None:
        """Parse a code field; `inline`: the templates write it into a line as it is."""
        text = _get(self.spec.data, path)
        try:
            if inline:
                codecheck.check_inline(text, what)
            return codecheck.parse(text, mode, what)
        except CodeProblem as problem:
            self.code_problem(path, problem)
            return None

    def code_problem(self, path: JsonPath, problem: CodeProblem) -> None:
        line, column = self.spec.where(path)
        source_line = self.spec.text.splitlines()[line - 1] if self.spec.text else ""
        is_block = source_line[column - 1 : column] in ("|", ">")
        if is_block:
            body = self.spec.text.splitlines()[line : line + problem.line]
            indent = len(body[-1]) - len(body[-1].lstrip()) if body else 0
            self.problems.append(
                Problem(
                    self.spec.path, line + problem.line, indent + problem.column, problem.message
                )
            )
        else:
            quoted = source_line[column - 1 : column] in ("'", '"')
            self.problems.append(
                Problem(
                    self.spec.path,
                    line + problem.line - 1,
                    column + problem.column - 1 + quoted,
                    problem.message,
                )
            )

    def identifier(self, path: JsonPath, name: str) -> None:
        bare = name.lstrip("*")
        if bare and not (bare.isascii() and bare.isidentifier()):  # the schema's patterns, again
            self.add(path, f"{shown(name)} is not a Python identifier; use letters, digits and _")
        elif keyword.iskeyword(bare):  # soft keywords (match, case, type) are valid names
            self.add(path, f"{bare!r} is a Python keyword and cannot be a name; rename it")


def _get(data: Any, path: JsonPath) -> Any:
    for part in path:
        data = data[part]
    return data


def validate(
    spec: LoadedSpec, schema_path: Path, slug: str | None = None, templates: Path | None = None
) -> Kata:
    """Return the typed Kata for a loaded spec, or raise SpecError with every problem.

    `templates` (default: the templates/ folder beside specs/) tells which names the
    generated modules bind themselves; a spec may not declare them.
    """
    problems = _schema_problems(spec, schema_path)
    if problems:
        raise SpecError(problems)
    templates = templates or schema_path.parent.parent / "templates"
    reserved = reserved_names(templates.resolve()) if templates.is_dir() else None
    checker = _Checker(spec, reserved)
    data = spec.data
    if slug is not None and data["slug"] != slug:
        checker.add(("slug",), f"slug {data['slug']!r} must match its folder name {slug!r}")
    ignored = ignored_slug(data["slug"], schema_path.parent.parent)
    if ignored:
        checker.add(
            ("slug",),
            f"slug {data['slug']!r} is ignored by git ({ignored}), so its spec, generated files "
            "and kata would never be committed; choose another name",
        )
    interface = _check_interface(checker, data["interface"])
    support_names: set[str] = set()
    if "support" in data:
        tree = checker.code(("support",), "exec", "support")
        if tree is not None:
            support_names = codecheck.bound_names(tree)
            for name in sorted(support_names & checker.reserved.module):
                checker.not_reserved(
                    ("support",), name, checker.reserved.module, "bound by support"
                )
            leaked = [n.id for n in codecheck.used_names(tree) if n.id in interface.names]
            leaked = [n for n in leaked if n not in support_names]
            if leaked:
                checker.add(
                    ("support",),
                    f"support code uses interface name {leaked[0]!r}; it runs before the "
                    "solution is loaded, so pass the class in as an argument instead",
                )
    behaviours = _check_behaviours(checker, data["behaviours"], interface, support_names)
    if checker.problems:
        raise SpecError(checker.problems)
    return Kata(
        slug=data["slug"],
        title=data["title"],
        section=data["section"],
        difficulty=data["difficulty"],
        summary=data["summary"],
        about=data["about"],
        example=data["example"],
        tldr=data["tldr"],
        objectives=tuple(data["objectives"]),
        hints=tuple(data["hints"]),
        guide_errors=tuple(data["guide_errors"]),
        interface=interface,
        behaviours=behaviours,
        support=data.get("support", ""),
        spec_path=spec.path,
        spec_sha256=hashlib.sha256(spec.text.encode("utf-8")).hexdigest(),
    )


def ignored_slug(slug: str, root: Path) -> str | None:
    """Why git would ignore a kata's committed files (None when it would not).

    A rule rather than `git check-ignore`, so it holds outside a git checkout too: a leading
    `_` (`__pycache__`, and Python tools' private folders), then each `.gitignore` pattern,
    matched roughly like git: without a slash inside it, against the names the slug puts in
    a path (`<slug>`, `test_<slug>.py`); with one, against the paths from the root
    (`specs/<slug>`, `generated/<slug>`, `generated/<slug>/test_<slug>.py`). `katas/*` is
    ignored on purpose: learners' own work.
    """
    if slug.startswith("_"):
        return "a name starting with _, like __pycache__"
    try:
        lines = (root / ".gitignore").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    names = (slug, f"test_{slug}.py")
    paths = (f"specs/{slug}", f"generated/{slug}", f"generated/{slug}/test_{slug}.py")
    for line in lines:
        pattern = line.strip()
        if not pattern or pattern.startswith(("#", "!")):
            continue
        bare = pattern.rstrip("/")
        if "/" not in bare:
            hit = any(fnmatch.fnmatchcase(name, bare) for name in names)
        else:
            hit = any(fnmatch.fnmatchcase(path, bare.lstrip("/")) for path in paths)
        if hit:
            return f".gitignore: {pattern}"
    return None


def _check_function(checker: _Checker, path: JsonPath, raw: dict, method: bool) -> Function:
    checker.identifier(path + ("name",), raw["name"])
    params = []
    first = Function(raw["name"], "", decorator=raw.get("decorator")).first_param
    seen: set[str] = {first} if method and first else set()
    for i, p in enumerate(raw.get("params", [])):
        ppath = path + ("params", i)
        checker.identifier(ppath + ("name",), p["name"])
        bare = p["name"].lstrip("*")
        if bare and bare == first and method:
            checker.add(
                ppath + ("name",),
                f"{bare!r} is the method's own first parameter (the skeleton writes it); "
                "list only the parameters after it",
            )
            continue
        if bare and bare in seen:
            checker.add(ppath + ("name",), f"parameter {bare!r} appears twice")
        seen.add(bare)
        if "type" in p:
            checker.code(ppath + ("type",), "eval", "a type", inline=True)
        if "default" in p and "default_code" in p:
            checker.add(ppath, "give either `default` or `default_code`, not both", key=True)
        if "default_code" in p:
            checker.code(ppath + ("default_code",), "eval", "default_code", inline=True)
        params.append(
            Param(p["name"], p.get("type"), p.get("default", NO_DEFAULT), p.get("default_code"))
        )
    if "returns" in raw:
        checker.code(path + ("returns",), "eval", "a return type", inline=True)
    return Function(
        name=raw["name"],
        doc=raw["doc"],
        params=tuple(params),
        returns=raw.get("returns"),
        abstract=raw.get("abstract", False),
        hint=raw.get("hint"),
        decorator=raw.get("decorator"),
    )


def _check_interface(checker: _Checker, raw: dict) -> Interface:
    base = ("interface",)
    imports = raw.get("imports", [])
    for i, _line in enumerate(imports):
        tree = checker.code(base + ("imports", i), "exec", "an import")
        if tree is not None and not all(
            isinstance(node, (ast.Import, ast.ImportFrom)) for node in tree.body
        ):
            checker.add(base + ("imports", i), "imports may only hold import statements")
    imported = codecheck.imported_names(line for line in imports if _parses(line))
    names_seen: dict[str, JsonPath] = {}

    def declare(path: JsonPath, name: str) -> None:
        checker.identifier(path, name)
        checker.not_reserved(path, name, checker.reserved.anywhere, "an interface name")
        if name in names_seen:
            checker.add(path, f"{name!r} is declared twice in the interface")
        names_seen[name] = path

    constants = []
    for i, c in enumerate(raw.get("constants", [])):
        declare(base + ("constants", i, "name"), c["name"])
        constants.append(Constant(c["name"], c["value"], c["doc"], c.get("type")))
    exceptions = []
    for i, e in enumerate(raw.get("exceptions", [])):
        declare(base + ("exceptions", i, "name"), e["name"])
        if e["base"] not in BUILTIN_EXCEPTIONS and e["base"] not in names_seen:
            checker.add(
                base + ("exceptions", i, "base"),
                f"exception base {e['base']!r} is neither a built-in exception nor an exception "
                "declared above it",
            )
        exceptions.append(ExceptionClass(e["name"], e["base"], e["doc"]))
    classes = []
    for i, c in enumerate(raw.get("classes", [])):
        cpath = base + ("classes", i)
        declare(cpath + ("name",), c["name"])
        for j, b in enumerate(c.get("bases", [])):
            if (
                b not in names_seen
                and b not in imported
                and b not in BUILTIN_EXCEPTIONS | {"object"}
            ):
                checker.add(
                    cpath + ("bases", j),
                    f"base {b!r} is not declared earlier in the interface nor imported",
                )
        members: dict[str, JsonPath] = {}
        for group in ("attributes", "properties", "methods"):
            for j, m in enumerate(c.get(group, [])):
                if group != "methods":  # methods are checked by _check_function
                    checker.identifier(cpath + (group, j, "name"), m["name"])
                if m["name"] in members:
                    checker.add(
                        cpath + (group, j, "name"), f"{c['name']}.{m['name']} is declared twice"
                    )
                members[m["name"]] = cpath + (group, j)
                if group != "methods":
                    checker.code(cpath + (group, j, "type"), "eval", "a type", inline=True)
        classes.append(
            Class(
                name=c["name"],
                doc=c["doc"],
                bases=tuple(c.get("bases", [])),
                abstract=c.get("abstract", False),
                attributes=tuple(Member(**m) for m in c.get("attributes", [])),
                properties=tuple(Member(**m) for m in c.get("properties", [])),
                methods=tuple(
                    _check_function(checker, cpath + ("methods", j), m, method=True)
                    for j, m in enumerate(c.get("methods", []))
                ),
            )
        )
    functions = []
    for i, f in enumerate(raw.get("functions", [])):
        declare(base + ("functions", i, "name"), f["name"])
        functions.append(_check_function(checker, base + ("functions", i), f, method=False))
    return Interface(
        classes=tuple(classes),
        imports=tuple(imports),
        constants=tuple(constants),
        exceptions=tuple(exceptions),
        functions=tuple(functions),
    )


def _parses(line: str) -> bool:
    try:
        ast.parse(line)
    except SyntaxError:
        return False
    return True


def _members_by_class(interface: Interface) -> dict[str, set[str]]:
    """Members of each class including those inherited from interface bases."""
    by_name = {c.name: c for c in interface.classes}
    resolved: dict[str, set[str]] = {}

    def members(name: str, seen: frozenset[str] = frozenset()) -> set[str]:
        if name in resolved:
            return resolved[name]
        cls = by_name[name]
        found = set(cls.member_names)
        for b in cls.bases:
            if b in by_name and b not in seen:
                found |= members(b, seen | {name})
        resolved[name] = found
        return found

    for name in by_name:
        members(name)
    return resolved


class _Scope:
    """Names visible to a behaviour's code as its steps proceed."""

    def __init__(self, interface: Interface, support: set[str], extra: Iterable[str] = ()) -> None:
        self.interface = interface
        self.class_names = {c.name for c in interface.classes}
        self.members = _members_by_class(interface)
        self.support = support
        self.known = set(interface.names) | support | set(extra)
        self.instances: dict[str, str] = {}
        self.used: set[str] = set()
        self.broken = False  # after a step that does not parse, names it bound are unknown

    def check(self, checker: _Checker, path: JsonPath, mode: str, what: str) -> ast.AST | None:
        tree = checker.code(path, mode, what)
        if tree is None:
            self.broken = True
            return None
        try:
            if not self.broken:
                codecheck.check_names(tree, self.known, what)
            self.instances.update(codecheck.instances_created(tree, self.class_names))
            codecheck.check_members(tree, self.instances, self.members)
        except CodeProblem as problem:
            checker.code_problem(path, problem)
            return None
        bound = codecheck.bound_names(tree)
        harness = checker.reserved.module | {"solution"}  # what a test's own code must not rebind
        for name in sorted(bound & harness):
            checker.not_reserved(path, name, harness, f"bound by {what}")
        self.known |= bound
        self.used |= {n.id for n in codecheck.used_names(tree) if n.id in self.interface.names}
        return tree


def _check_steps(
    checker: _Checker, path: JsonPath, steps: list[dict], scope: _Scope
) -> tuple[Step, ...]:
    result = []
    for i, s in enumerate(steps):
        spath = path + (i,)
        if "do" in s and "check" in s:
            checker.add(spath, "a step has either `do` or `check`, not both", key=True)
            continue
        comparisons = [k for k in ("equals", "equals_code", "is") if k in s]
        if "do" in s:
            for k in comparisons:
                checker.add(spath + (k,), f"`{k}` goes with `check`, not `do`", key=True)
            if "match" in s and "raises" not in s:
                checker.add(spath + ("match",), "`match` needs `raises`", key=True)
            if "raises" in s:
                known_errors = BUILTIN_EXCEPTIONS | {e.name for e in scope.interface.exceptions}
                if s["raises"] not in known_errors and s["raises"] not in scope.support:
                    checker.add(
                        spath + ("raises",),
                        f"{s['raises']!r} is neither a built-in exception, one of the "
                        "interface's exceptions, nor defined in `support`",
                    )
                scope.used |= {s["raises"]} & set(scope.interface.names)
            scope.check(checker, spath + ("do",), "exec", "a `do` step")
            result.append(Step(s["do"], "do", raises=s.get("raises"), match=s.get("match")))
        else:
            for k in ("raises", "match"):
                if k in s:
                    checker.add(spath + (k,), f"`{k}` goes with `do`, not `check`", key=True)
            if len(comparisons) > 1:
                checker.add(spath, f"use one of {', '.join(comparisons)}, not several", key=True)
            scope.check(checker, spath + ("check",), "eval", "a `check` step")
            if "equals_code" in s:
                scope.check(checker, spath + ("equals_code",), "eval", "equals_code")
            result.append(
                Step(
                    s["check"],
                    "check",
                    equals=s.get("equals", NO_DEFAULT),
                    equals_code=s.get("equals_code"),
                    is_=s.get("is", NO_DEFAULT),
                )
            )
    return tuple(result)


def _check_draw(
    checker: _Checker, path: JsonPath, draw: dict, scope: _Scope
) -> tuple[tuple[str, str], ...]:
    """Strategies may use `st`, support names and interface names (bound before they run)."""
    for name in draw:
        checker.identifier(path + (name,), name)
        checker.not_reserved(path + (name,), name, checker.reserved.drawn, "a drawn name")
        if name in scope.interface.names:
            checker.add(
                path + (name,),
                f"drawn name {name!r} would hide the interface's {name!r}; choose another name",
            )
        scope.check(checker, path + (name,), "eval", "a strategy")
    return tuple(sorted(draw.items()))


def _check_behaviours(
    checker: _Checker, raw: list[dict], interface: Interface, support: set[str]
) -> tuple[Behaviour, ...]:
    ids: dict[str, int] = {}
    names: dict[str, int] = {}
    result = []
    for i, b in enumerate(raw):
        path = ("behaviours", i)
        for value, seen, field in ((b["id"], ids, "id"), (b["name"], names, "name")):
            if value in seen:
                checker.add(
                    path + (field,),
                    f"behaviour {field} {value!r} is already used by behaviour {seen[value] + 1}",
                )
            seen[value] = i
        checker.identifier(path + ("name",), b["name"])
        kind = b["kind"]
        line, column = checker.spec.where(path + ("id",))
        common = dict(
            id=b["id"],
            name=b["name"],
            why=b["why"],
            kind=kind,
            timeout=float(b.get("timeout", DEFAULT_TIMEOUTS[kind])),
            fingerprint=fingerprint(b),
            reimplements=b.get("reimplements"),
            line=line,
            column=column,
        )
        if kind == "scenario":
            scope = _Scope(interface, support)
            steps = _check_steps(checker, path + ("steps",), b["steps"], scope)
            result.append(
                Behaviour(**common, steps=steps, names_used=_ordered(interface, scope.used))
            )
        elif kind == "concurrency":
            scope = _Scope(interface, support, {"index"})
            if "setup" in b:
                scope.check(checker, path + ("setup",), "exec", "setup")
            scope.check(checker, path + ("worker",), "exec", "worker")
            after = _check_steps(checker, path + ("after",), b.get("after", []), scope)
            result.append(
                Behaviour(
                    **common,
                    threads=b["threads"],
                    setup=b.get("setup", ""),
                    worker=b["worker"],
                    steps=after,
                    names_used=_ordered(interface, scope.used),
                )
            )
        elif kind == "complexity":
            scope = _Scope(interface, support, {"n", "i"})
            scope.check(checker, path + ("setup",), "exec", "setup")
            scope.check(checker, path + ("operation",), "exec", "operation")
            sizes = b["sizes"]
            if sizes != sorted(set(sizes)):
                checker.add(path + ("sizes",), "sizes must be distinct and increasing")
            result.append(
                Behaviour(
                    **common,
                    sizes=tuple(sizes),
                    setup=b["setup"],
                    operation=b["operation"],
                    operations=b.get("operations", 2000),
                    max_ratio=float(b.get("max_ratio", 4.0)),
                    names_used=_ordered(interface, scope.used),
                )
            )
        else:
            result.append(_check_property(checker, path, b, common, interface, support))
    return tuple(result)


def _check_property(
    checker: _Checker,
    path: JsonPath,
    b: dict,
    common: dict,
    interface: Interface,
    support: set[str],
) -> Behaviour:
    model_tree = checker.code(path + ("model",), "exec", "model")
    model_names = codecheck.bound_names(model_tree) if model_tree is not None else set()
    init = b["init"]
    strategies = _Scope(interface, support, {"st"})
    init_draw = _check_draw(checker, path + ("init", "draw"), init.get("draw", {}), strategies)
    scope = _Scope(interface, support | model_names, {name for name, _ in init_draw})
    if model_tree is not None:  # the model may raise or build the solution's own classes
        scope.used |= {n.id for n in codecheck.used_names(model_tree)} & set(interface.names)
    scope.check(checker, path + ("init", "subject"), "eval", "init.subject")
    model_scope = _Scope(interface, support | model_names, {name for name, _ in init_draw})
    model_scope.check(checker, path + ("init", "model"), "eval", "init.model")
    scope.used |= model_scope.used
    rules = []
    for j, r in enumerate(b["rules"]):
        rpath = path + ("rules", j)
        draw = _check_draw(checker, rpath + ("draw",), r.get("draw", {}), strategies)
        tree = checker.code(rpath + ("call",), "eval", "a rule's call")
        if tree is None:
            continue
        call = tree.body
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
            checker.add(rpath + ("call",), "a rule's call must look like `method(arg, ...)`")
            continue
        rule_scope = _Scope(interface, support | {n for n, _ in draw} | {n for n, _ in init_draw})
        arguments = ast.Expression(
            ast.Tuple(call.args + [k.value for k in call.keywords], ast.Load())
        )
        try:
            codecheck.check_names(arguments, rule_scope.known, "a rule's call")
        except CodeProblem as problem:
            checker.code_problem(rpath + ("call",), problem)
        # interface names in the arguments (e.g. `publish(Event(t, {}))`) must be bound too
        scope.used |= {n.id for n in codecheck.used_names(arguments)} & set(interface.names)
        rules.append(Rule(r["call"], call.func.id, draw, r.get("compare", True)))
    for j, _ in enumerate(b.get("invariants", [])):
        inv_scope = _Scope(interface, support | model_names | PROPERTY_CONTEXT)
        inv_scope.check(checker, path + ("invariants", j), "eval", "an invariant")
        scope.used |= inv_scope.used
    scope.used |= strategies.used
    return Behaviour(
        **common,
        model=b["model"],
        init_draw=init_draw,
        init_subject=init["subject"],
        init_model=init["model"],
        rules=tuple(rules),
        invariants=tuple(b.get("invariants", [])),
        examples=b.get("examples", 100),
        max_steps=b.get("steps", 30),
        names_used=_ordered(interface, scope.used),
    )


PROSE_KEYS = ("id", "name", "why", "timeout", "reimplements")


def fingerprint(behaviour: dict) -> str:
    """What a behaviour checks, hashed: changing it means a new behaviour (and a new id)."""
    checked = {k: v for k, v in behaviour.items() if k not in PROSE_KEYS}
    return hashlib.sha256(json.dumps(checked, sort_keys=True, default=str).encode()).hexdigest()[
        :16
    ]


def _ordered(interface: Interface, used: set[str]) -> tuple[str, ...]:
    return tuple(name for name in interface.names if name in used)
