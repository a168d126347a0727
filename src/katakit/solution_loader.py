"""Import a learner's solution from a file path, turning every way it can fail into prose."""

from __future__ import annotations

import functools
import importlib.util
import inspect
import sys
import traceback
from pathlib import Path
from types import ModuleType

from .errors import SolutionError


def load_solution(path: Path, slug: str) -> ModuleType:
    """Import `path` as a fresh module; raise SolutionError with a one-paragraph explanation."""
    shown = str(path)
    if not path.is_file():
        raise SolutionError(
            f"There is no solution at {shown}. Run `kata generate` to create "
            f"katas/{slug}/solution.py from the skeleton, or pass --impl PATH."
        )
    name = f"kata_solution_{slug}_{abs(hash(str(path.resolve())))}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SolutionError(f"{shown} cannot be imported as a Python module.")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look the module up here
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        del sys.modules[name]
        raise SolutionError(
            f"{shown}:{exc.lineno}:{exc.offset or 0}: your solution has a syntax error "
            f"({exc.msg}), so no behaviour of the {slug} kata can run. Fix that line first."
        ) from None
    except SystemExit as exc:
        del sys.modules[name]
        raise SolutionError(
            f"{shown} called sys.exit({exc.code!r}) while being imported. A kata solution is a "
            "library: remove the exit (and any top-level script code, or guard it with "
            "`if __name__ == '__main__':`)."
        ) from None
    except Exception as exc:
        del sys.modules[name]
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == str(path)]
        line = f" at line {frames[-1].lineno}" if frames else ""
        raise SolutionError(
            f"{shown} raised {type(exc).__name__}: {exc}{line} while being imported, so no "
            f"behaviour of the {slug} kata can run. Importing the module must only define "
            "classes and functions."
        ) from None
    except BaseException:
        del sys.modules[name]
        raise SolutionError(
            f"{shown} did not finish importing within the time limit (an endless loop or a "
            "blocking call at module level?). Importing the module must only define names."
        ) from None
    return module


class Solution:
    """The solution module as tests see it: a missing name fails with an explanation."""

    def __init__(
        self, module: ModuleType, path: Path, slug: str, kinds: dict[str, str] | None = None
    ) -> None:
        self._module = module
        self._path = path
        self._slug = slug
        self._kinds = kinds or {}  # interface name -> "class", "exception" or "function"

    @property
    def __name__(self) -> str:  # the module name, for preemption tracing
        return self._module.__name__

    def __getattr__(self, name: str) -> object:
        import pytest

        try:
            value = getattr(self._module, name)
        except AttributeError:
            pytest.fail(
                f"{self._path} does not define `{name}`, which this behaviour needs. The "
                f"interface table in generated/{self._slug}/README.md lists every name the "
                "solution must define, spelled exactly.",
                pytrace=False,
            )
        wrong = _wrong_kind(value, self._kinds.get(name))
        if wrong:
            pytest.fail(
                f"{self._path}: `{name}` must be {wrong}, but it is {type(value).__name__!r} "
                f"object. The interface table in generated/{self._slug}/README.md says what "
                "each name is.",
                pytrace=False,
            )
        return value


def _wrong_kind(value: object, kind: str | None) -> str:
    """What `value` should have been, when the interface says otherwise ("" when fine)."""
    if kind == "class" and not isinstance(value, type):
        return "a class"
    if kind == "exception" and not (isinstance(value, type) and issubclass(value, BaseException)):
        return "an exception class"
    if kind == "function" and not (
        inspect.isroutine(value) or isinstance(value, (type, functools.partial))
    ):
        return "a function"
    return ""
