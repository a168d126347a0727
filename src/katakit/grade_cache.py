"""`kata grade`'s memory: a submission's result, kept by what decides it.

The key is a SHA-256 of the submission's path and bytes, the kata's spec and generated suite, katakit's
version, the time limit and whether the run was sandboxed: a re-run grades only what is new or
changed, and anything that could change a verdict (an edited spec, a regenerated suite, a new
katakit) invalidates the entry. Entries live in `<reports>/.cache/<key>.json`, beside the
reports, which every submission's sandbox hides. Only runs that completed are kept: one that
timed out or could not be trusted is run again next time, since the machine may have been
the cause.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import __version__
from .files import replace_atomically
from .model import Kata
from .runner import SuiteResult

KEPT = ("complete", "tampered")  # verdicts that belong to the submission, not to the machine


class GradeCache:
    def __init__(self, folder: Path, suites: Path, specs: Path) -> None:
        self.folder, self.suites, self.specs = folder, suites, specs
        self._kata_digest: dict[str, bytes] = {}

    def key(self, kata: Kata, submission: Path, limit: float, sandboxed: bool) -> str:
        digest = hashlib.sha256()
        digest.update(self._kata(kata))
        # The path too: messages name the file, and one student's must never name another's.
        digest.update(f"\0{__version__}\0{limit!r}\0{sandboxed}\0{submission}\0".encode())
        digest.update(submission.read_bytes())
        return digest.hexdigest()

    def _kata(self, kata: Kata) -> bytes:
        if kata.slug not in self._kata_digest:
            digest = hashlib.sha256()
            for path in (
                self.specs / kata.slug / "spec.yaml",
                self.suites / kata.slug / f"test_{kata.slug}.py",
            ):
                digest.update(path.read_bytes() if path.is_file() else b"\0missing\0")
            self._kata_digest[kata.slug] = digest.digest()
        return self._kata_digest[kata.slug]

    def get(self, key: str, impl: Path) -> SuiteResult | None:
        try:
            data = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            return SuiteResult(
                impl,
                data["status"],
                data["records"],
                data["problem"],
                data["output"],
                data["seconds"],
                data["sandboxed"],
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None  # absent or unreadable: grade it again

    def put(self, key: str, result: SuiteResult) -> None:
        if result.status not in KEPT:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {
            "status": result.status,
            "records": result.records,
            "problem": result.problem,
            "output": result.output,
            "seconds": result.seconds,
            "sandboxed": result.sandboxed,
        }
        replace_atomically(self.folder / f"{key}.json", json.dumps(data).encode("utf-8"))
