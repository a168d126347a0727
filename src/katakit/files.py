"""Writing a user's files so that a failure part-way (a full disk, Ctrl-C) leaves no half file.

Each file is written whole to a temporary sibling first; only a complete one takes the real
name, by `os.link` (which, unlike a rename, never replaces a file that appeared meanwhile)
or by `os.replace` where replacing is the point.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .console import err
from .errors import KataError

try:
    import fcntl
except ImportError:  # not POSIX: no lock, as before
    fcntl = None


def _written_sibling(path: Path, content: bytes) -> Path:
    """A complete, fsynced copy of `content` beside `path` (removed again if that fails)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); keep the file's usual permissions.
        if path.exists():
            shutil.copymode(path, tmp)
        else:
            os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def create_exclusively(path: Path, content: bytes) -> bool:
    """Create `path` holding all of `content`, or nothing; False if `path` already exists."""
    tmp = _written_sibling(path, content)
    try:
        os.link(tmp, path)
    except FileExistsError:
        return False
    finally:
        tmp.unlink(missing_ok=True)
    return True


def replace_atomically(path: Path, content: bytes) -> None:
    """Replace `path` with all of `content`: readers see the old file or the new, never part."""
    tmp = _written_sibling(path, content)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def exclusive(folder: Path, what: str) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (no lock file is left behind): a second `kata
    generate` waits for the first instead of removing its staging folder."""
    if fcntl is None:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            err.print(f"waiting for another {what} in {folder} to finish...", markup=False)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def disk_error(exc: OSError, doing: str, left: str, command: str) -> KataError:
    """An OSError while writing, as the tool's error: what failed, where, what was left, and
    what to do."""
    where = f" ({exc.filename})" if exc.filename else ""
    remedy = "free some space" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else "fix that"
    return KataError(
        f"{doing} failed: {exc.strerror or exc}{where}; {left}. {remedy.capitalize()}, "
        f"then run `{command}` again."
    )
