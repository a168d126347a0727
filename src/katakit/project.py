"""Where things live in a kata repository, and loading every spec of it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from .errors import SpecError, UnknownKataError
from .loader import load_spec_file
from .model import Kata
from .mutants import Mutant, discover
from .validate import validate


def unknown_kata(given: str, known: list[str]) -> UnknownKataError:
    """`unknown kata 'lru_cach'; did you mean lru_cache?` (else the katas there are)."""
    close = difflib.get_close_matches(given, known, n=1)
    if close:
        return UnknownKataError(f"unknown kata {given!r}; did you mean {close[0]}?")
    listed = ", ".join(known) or "none: no specs/<slug>/spec.yaml here"
    return UnknownKataError(f"unknown kata {given!r}; katas: {listed}")


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The nearest folder upwards holding specs/ and templates/ (else the current one)."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "specs").is_dir() and (folder / "templates").is_dir():
                return cls(folder)
        return cls(here)

    specs = property(lambda self: self.root / "specs")
    templates = property(lambda self: self.root / "templates")
    generated = property(lambda self: self.root / "generated")
    katas = property(lambda self: self.root / "katas")
    schema = property(lambda self: self.root / "specs" / "schema.json")

    def slugs(self) -> list[str]:
        """Every kata with a spec, sorted."""
        return sorted(p.parent.name for p in self.specs.glob("*/spec.yaml"))

    def spec_file(self, slug: str) -> Path:
        path = self.specs / slug / "spec.yaml"
        if not path.is_file():
            raise unknown_kata(slug, self.slugs())
        return path

    def display(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def load(self, slug: str) -> Kata:
        path = self.spec_file(slug)
        return validate(load_spec_file(path, self.display(path)), self.schema, slug)

    def load_all(self, slugs: list[str] | None = None) -> list[Kata]:
        """Load and validate specs; raise one SpecError carrying every problem of every spec."""
        katas, problems = [], []
        for slug in slugs or self.slugs():
            try:
                katas.append(self.load(slug))
            except SpecError as exc:
                problems.extend(exc.problems)
        if problems:
            raise SpecError(problems)
        return katas

    def reference(self, slug: str) -> Path:
        return self.specs / slug / "reference.py"

    def mutants(self, slug: str) -> list[Mutant]:
        return discover(self.specs / slug / "mutants", slug)

    def mutant(self, slug: str, name: str) -> Mutant:
        self.spec_file(slug)
        mutants = {m.name: m for m in self.mutants(slug)}
        if name not in mutants:
            close = difflib.get_close_matches(name, mutants, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise UnknownKataError(
                f"kata {slug!r} has no mutant {name!r}{hint} (`kata mutant list {slug}` lists them)"
            )
        return mutants[name]

    def solution(self, slug: str) -> Path:
        return self.katas / slug / "solution.py"
