"""Import a learner's solution from a file path, turning every way it can fail into prose."""

from __future__ import annotations

import importlib.util
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

    def __init__(self, module: ModuleType, path: Path, slug: str) -> None:
        self._module = module
        self._path = path
        self._slug = slug

    @property
    def __name__(self) -> str:  # the module name, for preemption tracing
        return self._module.__name__

    def __getattr__(self, name: str) -> object:
        try:
            return getattr(self._module, name)
        except AttributeError:
            import pytest

            pytest.fail(
                f"{self._path} does not define `{name}`, which this behaviour needs. The "
                f"interface table in generated/{self._slug}/README.md lists every name the "
                "solution must define, spelled exactly.",
                pytrace=False,
            )
