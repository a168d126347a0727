"""Every independent correct implementation in tests/alt_impls/ passes its kata's whole suite.

`tests/alt_impls/<slug>.py` is a legitimately different solution of kata `<slug>` (another
approach or data structure, not a copy of the reference). A behaviour it fails over-specifies:
it demands a choice the catalogue leaves open. Each file is picked up by its name, so an alt
impl added for any kata is checked here with no further change.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from katakit.project import Project
from katakit.runner import run_suite, suite_budget

ALT_IMPLS = sorted((ROOT / "tests" / "alt_impls").glob("*.py"))


@pytest.mark.parametrize("impl", ALT_IMPLS, ids=[p.stem for p in ALT_IMPLS])
def test_an_alternative_correct_implementation_passes_every_behaviour(impl: Path) -> None:
    project = Project(ROOT)
    kata = project.load(impl.stem)
    suite = project.generated / kata.slug
    assert (suite / f"test_{kata.slug}.py").is_file(), f"{kata.slug}: run `kata generate` first"
    result = run_suite(kata, suite, impl, suite_budget(kata))
    failed = {r["name"]: r.get("message", "") for r in result.failed}
    ran = {r["name"] for r in result.results}
    missing = sorted({b.name for b in kata.behaviours} - ran)
    details = "\n\n".join(f"✗ {name}\n{message}" for name, message in failed.items())
    assert result.status == "complete", f"{kata.slug} on {impl.name}: {result.problem}"
    if failed or missing:
        pytest.fail(
            f"{kata.slug}: {impl.relative_to(ROOT)} fails {len(failed)} behaviour(s): "
            f"{', '.join(failed) or '-'}; did not run: {', '.join(missing) or '-'}. "
            "If the alt impl is right per the catalogue, the behaviour over-specifies.\n\n"
            f"{details}\n{'' if result.results else result.output[-3000:]}",
            pytrace=False,
        )
    assert result.solved, result.output[-3000:]
