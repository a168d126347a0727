"""Generation is atomic: a failure or an interruption part-way leaves generated/ as it was."""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import ROOT

from katakit import writer


def snapshot(root):
    return {
        p.relative_to(root): p.read_bytes()
        for p in sorted((root / "generated").rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def two_katas(repo, kata):
    shutil.copytree(ROOT / "tests" / "fixtures" / "counter", repo / "specs" / "counter")
    assert kata(repo, "generate")[0] == 0
    return repo


def test_a_render_failure_part_way_leaves_generated_as_it_was(two_katas, kata, monkeypatch):
    before = snapshot(two_katas)
    (two_katas / "specs" / "lru_cache" / "spec.yaml").write_text(
        (two_katas / "specs" / "lru_cache" / "spec.yaml")
        .read_text(encoding="utf-8")
        .replace("LRU cache", "LRU"),
        encoding="utf-8",
    )
    real = writer.render_kata
    calls = []

    def fail_on_second(kata_model, env):
        calls.append(kata_model.slug)
        if len(calls) == 2:
            raise KeyboardInterrupt  # as if the user pressed Ctrl-C mid-run
        return real(kata_model, env)

    monkeypatch.setattr(writer, "render_kata", fail_on_second)
    code, _, err = kata(two_katas, "generate")
    assert code == 130 and "interrupted" in err
    assert snapshot(two_katas) == before
    assert not list(two_katas.glob(".generated.new-*"))


def test_an_interruption_during_the_swap_puts_the_old_output_back(two_katas, kata, monkeypatch):
    before = snapshot(two_katas)
    real = os.replace
    calls = []

    def interrupt_second_rename(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(src, dst)

    monkeypatch.setattr(writer.os, "replace", interrupt_second_rename)
    assert kata(two_katas, "generate")[0] == 130
    monkeypatch.setattr(writer.os, "replace", real)
    assert snapshot(two_katas) == before


def test_a_killed_run_is_recovered_by_the_next_one(two_katas, kata):
    before = snapshot(two_katas)
    staging = two_katas / ".generated.new-killed"
    staging.mkdir()
    os.replace(two_katas / "generated", staging / "old")  # the state a SIGKILL mid-swap leaves
    assert kata(two_katas, "generate", "--check")[0] == 0
    assert snapshot(two_katas) == before
    assert not staging.exists()
