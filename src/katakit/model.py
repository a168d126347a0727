"""The typed model templates render from: built only from validated spec data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SECTIONS = {
    "design_patterns": "1. Advanced design patterns",
    "caching": "2. Caching strategies",
    "database": "3. Database design patterns",
    "concurrency": "4. Concurrency and multithreading",
    "event_driven": "5. Event-driven architecture",
    "api_design": "6. API design",
    "resilience": "7. Error handling and resilience",
    "performance": "8. Performance optimisation",
    "security": "9. Security patterns",
    "testing": "10. Testing strategies",
}

# Easiest first: the order `kata next` follows within a section.
DIFFICULTIES = ("beginner", "intermediate", "advanced")

# The source guide writes sections 1-5; for the others, `guide_errors` lists what naive
# implementations get wrong, since there is no guide code to quote.
GUIDE_SECTIONS = ("design_patterns", "caching", "database", "concurrency", "event_driven")

DEFAULT_TIMEOUTS = {"scenario": 10.0, "property": 60.0, "concurrency": 30.0, "complexity": 60.0}
NO_DEFAULT = object()


@dataclass(frozen=True)
class Param:
    name: str  # may carry "*" / "**" or be a bare "*"
    type: str | None = None
    default: Any = NO_DEFAULT
    default_code: str | None = None

    @property
    def has_default(self) -> bool:
        return self.default is not NO_DEFAULT or self.default_code is not None


@dataclass(frozen=True)
class Function:
    name: str
    doc: str
    params: tuple[Param, ...] = ()
    returns: str | None = None
    abstract: bool = False
    hint: str | None = None
    decorator: str | None = None  # "classmethod" or "staticmethod"

    @property
    def first_param(self) -> str | None:
        """What a method's first parameter is called: self, cls, or nothing."""
        return {"classmethod": "cls", "staticmethod": None}.get(self.decorator or "", "self")


@dataclass(frozen=True)
class Member:
    name: str
    type: str
    doc: str


@dataclass(frozen=True)
class Class:
    name: str
    doc: str
    bases: tuple[str, ...] = ()
    abstract: bool = False
    attributes: tuple[Member, ...] = ()
    properties: tuple[Member, ...] = ()
    methods: tuple[Function, ...] = ()

    @property
    def member_names(self) -> set[str]:
        return {m.name for m in (*self.attributes, *self.properties, *self.methods)}


@dataclass(frozen=True)
class Constant:
    name: str
    value: Any
    doc: str
    type: str | None = None


@dataclass(frozen=True)
class ExceptionClass:
    name: str
    base: str
    doc: str


@dataclass(frozen=True)
class Interface:
    classes: tuple[Class, ...]
    imports: tuple[str, ...] = ()
    constants: tuple[Constant, ...] = ()
    exceptions: tuple[ExceptionClass, ...] = ()
    functions: tuple[Function, ...] = ()

    @property
    def uses_abc(self) -> bool:
        """Whether the skeleton needs `abc` (an abstract class or method)."""
        return any(c.abstract or any(m.abstract for m in c.methods) for c in self.classes)

    @property
    def names(self) -> list[str]:
        """Every public name of the solution module, in declaration order."""
        groups = (self.constants, self.exceptions, self.classes, self.functions)
        return [item.name for group in groups for item in group]


@dataclass(frozen=True)
class Step:
    code: str
    mode: str  # "do" or "check"
    raises: str | None = None
    match: str | None = None
    equals: Any = NO_DEFAULT
    equals_code: str | None = None
    is_: Any = NO_DEFAULT

    @property
    def comparison(self) -> str:
        if self.equals is not NO_DEFAULT:
            return "equals"
        if self.equals_code is not None:
            return "equals_code"
        if self.is_ is not NO_DEFAULT:
            return "is"
        return "truthy"


@dataclass(frozen=True)
class Rule:
    call: str
    method: str
    draw: tuple[tuple[str, str], ...] = ()
    compare: bool = True


@dataclass(frozen=True)
class Behaviour:
    id: str
    name: str
    why: str
    kind: str
    timeout: float
    fingerprint: str = ""  # hash of what the behaviour checks (not its id, name or prose)
    reimplements: str | None = None
    line: int = 1
    column: int = 1
    names_used: tuple[str, ...] = ()  # interface names the test binds from the solution
    steps: tuple[Step, ...] = ()
    # property
    model: str = ""
    init_draw: tuple[tuple[str, str], ...] = ()
    init_subject: str = ""
    init_model: str = ""
    rules: tuple[Rule, ...] = ()
    invariants: tuple[str, ...] = ()
    examples: int = 100
    max_steps: int = 30
    # concurrency
    threads: int = 0
    setup: str = ""
    worker: str = ""
    # complexity
    sizes: tuple[int, ...] = ()
    operation: str = ""
    operations: int = 2000
    max_ratio: float = 4.0


@dataclass(frozen=True)
class Kata:
    slug: str
    title: str
    section: str
    difficulty: str
    summary: str
    about: str
    example: str
    tldr: str
    objectives: tuple[str, ...]
    hints: tuple[str, ...]
    guide_errors: tuple[str, ...]
    interface: Interface
    behaviours: tuple[Behaviour, ...]
    support: str = ""
    spec_path: str = ""
    spec_sha256: str = ""

    @property
    def section_title(self) -> str:
        return SECTIONS[self.section]

    @property
    def from_the_guide(self) -> bool:
        """Whether the source guide covers this kata (and its `guide_errors` are the guide's)."""
        return self.section in GUIDE_SECTIONS
