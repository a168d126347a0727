"""Points per behaviour for the platform exports: equal, by kind, or from an instructor's file.

`--points equal` gives every behaviour 1 point; `--points by-kind` weighs a behaviour by how
much it takes to get right (KIND_WEIGHTS); `--points FILE` reads YAML or JSON:

    lru_cache:                      # a kata's slug
      returns_what_was_put: 2       # a behaviour's name: its points (a number >= 0)
      "*": 1                        # optional: the points of every behaviour not named

A behaviour the file does not name gets the kata's `"*"`, else 1. A wrong slug, a wrong
behaviour name (with the nearest one suggested), or a value that is not a number is refused
with `file:line:column: message`.
"""

from __future__ import annotations

import difflib
import math
from pathlib import Path

import yaml

from .errors import KataError, Problem
from .model import Kata

KIND_WEIGHTS = {"scenario": 1.0, "property": 2.0, "complexity": 2.0, "concurrency": 3.0}
DEFAULT = "*"

Points = dict[str, dict[str, float]]  # slug -> behaviour name -> points


class PointsError(ValueError, KataError):
    """A points file is malformed; the message says where and what to do."""


def points_for(choice: str, katas: list[Kata]) -> Points:
    """The points of every behaviour of `katas` for `--points CHOICE`."""
    if choice == "equal":
        return {k.slug: {b.name: 1.0 for b in k.behaviours} for k in katas}
    if choice == "by-kind":
        return {k.slug: {b.name: KIND_WEIGHTS[b.kind] for b in k.behaviours} for k in katas}
    path = Path(choice)
    if not path.is_file():
        raise PointsError(
            f"--points {choice}: not 'equal', 'by-kind' or a YAML/JSON file that exists"
        )
    return load_points_file(path, katas)


def load_points_file(path: Path, katas: list[Kata]) -> Points:
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = getattr(exc, "problem", None) or str(exc)
        raise PointsError(
            str(Problem(str(path), line, col, f"not valid YAML/JSON: {reason}"))
        ) from None
    by_slug = {k.slug: k for k in katas}
    points = {k.slug: {b.name: 1.0 for b in k.behaviours} for k in katas}
    if root is None:
        return points
    if not isinstance(root, yaml.MappingNode):
        raise _problem(path, root, "expected a mapping of kata slug to {behaviour: points}")
    for key, value in root.value:
        slug = key.value
        if slug not in by_slug:
            raise _problem(
                path,
                key,
                f"no kata {slug!r} in this export{_near(slug, by_slug)}; exported: "
                + ", ".join(sorted(by_slug)),
            )
        if not isinstance(value, yaml.MappingNode):
            raise _problem(path, value, f"{slug}: expected a mapping of behaviour name to points")
        names = {b.name for b in by_slug[slug].behaviours}
        given: dict[str, float] = {}
        for bkey, bvalue in value.value:
            name = bkey.value
            if name != DEFAULT and name not in names:
                raise _problem(
                    path,
                    bkey,
                    f"kata {slug!r} has no behaviour {name!r}{_near(name, names)} "
                    f"(`kata check {slug}` lists them)",
                )
            given[name] = _number(path, bvalue, f"{slug}.{name}")
        default = given.pop(DEFAULT, 1.0)
        points[slug] = {b.name: given.get(b.name, default) for b in by_slug[slug].behaviours}
    return points


def _number(path: Path, node: yaml.Node, where: str) -> float:
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith((":int", ":float")):
        value = float(yaml.safe_load(node.value))
        if math.isfinite(value) and value >= 0:
            return value
    raise _problem(path, node, f"{where}: points must be a number >= 0, not {node.value!r}"[:200])


def _near(word: str, choices) -> str:  # noqa: ANN001
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _problem(path: Path, node: yaml.Node, message: str) -> PointsError:
    mark = node.start_mark
    return PointsError(str(Problem(str(path), mark.line + 1, mark.column + 1, message)))
