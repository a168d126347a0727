"""`kata generate` and `kata reset` on a bad day: a full disk, a second run at the same time,
a file where a kata's folder should be, Ctrl-C before the command has started."""

from __future__ import annotations

import errno
import fcntl
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_atomic_generation import snapshot

from katakit import commands, files, writer
from katakit.cli import main

KATA_BIN = Path(sys.executable).with_name("kata")


def fill_up_after(monkeypatch, repo: Path, size: int) -> None:
    """Every file written inside `repo` (through `os.fdopen`, as `katakit.files` writes) fills
    the disk after `size` bytes; files elsewhere are written as usual."""
    real = os.fdopen

    class FillsUp(io.FileIO):
        def write(self, data) -> int:
            room = max(0, size - self.tell())
            if len(data) > room:
                super().write(data[:room])
                raise OSError(errno.ENOSPC, "No space left on device")
            return super().write(data)

    def fdopen(fd, mode="r", *args, **kwargs):
        if Path(os.readlink(f"/proc/self/fd/{fd}")).is_relative_to(repo.resolve()):
            return FillsUp(fd, "wb")
        return real(fd, mode, *args, **kwargs)

    monkeypatch.setattr(files.os, "fdopen", fdopen)


@pytest.fixture
def full_disk(monkeypatch, repo):
    fill_up_after(monkeypatch, repo, 1024)


def test_a_full_disk_while_seeding_leaves_no_half_solution(repo, kata, monkeypatch, full_disk):
    code, _, err = kata(repo, "generate")
    solution = repo / "katas" / "lru_cache" / "solution.py"
    assert code == 2
    assert "creating katas/lru_cache/solution.py failed: No space left on device" in err
    assert "Free some space, then run `kata generate` again" in err
    assert "Traceback" not in err
    assert not solution.exists()
    assert [p.name for p in solution.parent.iterdir()] == []  # no temporary file either
    monkeypatch.undo()
    assert kata(repo, "generate")[0] == 0
    assert solution.read_text(encoding="utf-8").startswith("# Your solution to the lru_cache")
    assert len(solution.read_bytes()) > 1024  # whole this time: the skeleton is longer


def test_a_full_disk_during_reset_leaves_no_empty_backup(repo, kata, monkeypatch):
    assert kata(repo, "generate")[0] == 0
    solution = repo / "katas" / "lru_cache" / "solution.py"
    mine = "x = 1\n" * 1000  # over 100 bytes: the backup cannot be written whole
    solution.write_text(mine, encoding="utf-8")
    fill_up_after(monkeypatch, repo, 100)
    code, _, err = kata(repo, "reset", "lru_cache", "--yes")
    assert code == 2
    assert "backing up your solution failed: No space left on device" in err
    assert "your solution.py is unchanged" in err
    assert solution.read_text(encoding="utf-8") == mine
    assert sorted(p.name for p in solution.parent.iterdir()) == ["solution.py"]


def test_a_full_disk_while_generating_leaves_generated_as_it_was(repo, kata, monkeypatch):
    assert kata(repo, "generate")[0] == 0
    before = snapshot(repo)

    real = Path.write_text

    def no_space(path, *args, **kwargs):
        if path.name.startswith("test_"):  # part-way: other files of the kata are written
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(writer.Path, "write_text", no_space)
    code, _, err = kata(repo, "generate")
    monkeypatch.undo()
    assert code == 2
    assert "writing generated/ failed: No space left on device" in err
    assert "generated/ was left as it was" in err
    assert "Traceback" not in err
    assert snapshot(repo) == before
    assert not list(repo.glob(".generated.new-*"))


def test_a_file_where_the_kata_folder_belongs_is_kept_and_nothing_is_written(repo, kata):
    (repo / "katas").mkdir()
    mine = repo / "katas" / "lru_cache"
    mine.write_text("my notes\n", encoding="utf-8")
    code, _, err = kata(repo, "generate")
    assert code == 2
    assert "katas/lru_cache is a file" in err and "move the file elsewhere" in err
    assert mine.read_text(encoding="utf-8") == "my notes\n"
    assert not (repo / "generated").exists()  # checked before anything was written


@pytest.mark.timeout(180)
def test_a_second_generate_waits_for_the_first(repo, kata):
    assert kata(repo, "generate")[0] == 0
    before = snapshot(repo)
    held = os.open(repo, os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)  # as a first `kata generate` holds it
    try:
        second = subprocess.Popen(
            [str(KATA_BIN), "--root", str(repo), "generate"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        waiting = second.stderr.readline()  # printed just before it blocks on the lock
        assert "waiting for another `kata generate`" in waiting
        assert second.poll() is None
        assert not list(repo.glob(".generated.new-*"))  # it has not started writing
    finally:
        os.close(held)
    out, _ = second.communicate(timeout=120)
    assert second.returncode == 0 and "generated 1 katas" in out
    assert snapshot(repo) == before


@pytest.mark.timeout(300)
def test_two_generates_at_once_both_succeed(repo):
    for _ in range(2):  # before the lock, one of the two died in 3 of 6 tries
        runs = [
            subprocess.Popen(
                [str(KATA_BIN), "--root", str(repo), "generate"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        results = [run.communicate(timeout=120) for run in runs]
        assert [run.returncode for run in runs] == [0, 0], results
    assert (
        subprocess.run(
            [str(KATA_BIN), "--root", str(repo), "generate", "--check"], capture_output=True
        ).returncode
        == 0
    )


def test_ctrl_c_while_the_command_starts_is_a_one_line_message(monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt  # as if Ctrl-C came while the subcommands were importing

    monkeypatch.setattr(commands, "register_all", interrupted)
    assert main(["list"]) == 130
    assert capsys.readouterr().err == "kata: interrupted\n"


def test_the_command_module_imports_nothing_heavy_before_main_runs():
    """So a Ctrl-C at start-up lands inside main's handler, not in an import at module level."""
    probe = (
        "import sys, katakit.cli; "
        "print(sorted(m for m in ('jinja2', 'rich', 'yaml', 'katakit.commands') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
