"""The README's kata table is what `kata list --markdown` prints: never stale."""

from __future__ import annotations

from conftest import ROOT


def test_the_readme_kata_table_is_current(kata):
    code, out, _ = kata(ROOT, "list", "--markdown")
    assert code == 0
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert out.strip() in readme, "README.md's kata table is stale: paste `kata list --markdown`"
