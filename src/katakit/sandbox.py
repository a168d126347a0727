"""Run a command that executes learner code inside a bubblewrap sandbox, with limits.

Inside: the whole file system read-only, a private writable `work` folder and a private
/tmp, no network, its own PID namespace (every process it started dies with it), hidden
folders (other students' submissions, root's home) replaced by empty ones, and resource
limits (address space, CPU time, file size, process count). When `kata` runs as root the
sandbox also drops to an unprivileged user id of its own, so the process limit counts only
the sandbox's processes and nothing in it can signal or ptrace anyone else's.

Output is read through a pipe: the first `output_cap` bytes are kept, the rest is counted,
never buffered whole.
"""

from __future__ import annotations

import functools
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

GIB = 1024**3
MIB = 1024**2


@dataclass(frozen=True)
class Limits:
    address_space: int = 2 * GIB
    cpu_seconds: int = 600
    file_size: int = 64 * MIB
    processes: int = 256
    output_cap: int = 1 * MIB
    tmp_size: int = 256 * MIB


@dataclass
class Completed:
    returncode: int
    output: str  # the first `output_cap` bytes of stdout and stderr, interleaved
    dropped: int = 0  # bytes beyond the cap, counted but not kept
    timed_out: bool = False
    seconds: float = 0.0
    sandboxed: bool = True


@dataclass(frozen=True)
class Mounts:
    """What the sandbox may see beyond the read-only root: writable and hidden folders."""

    writable: tuple[Path, ...] = ()
    hidden: tuple[Path, ...] = ()
    visible: tuple[Path, ...] = field(default_factory=tuple)  # re-exposed inside a hidden one


@functools.cache
def unavailable() -> str | None:
    """Why no sandbox can run here (None when bubblewrap works)."""
    if os.environ.get("KATA_NO_SANDBOX") == "1":
        return "KATA_NO_SANDBOX=1 is set"
    if not sys.platform.startswith("linux"):
        return f"sandboxing needs Linux with bubblewrap; this is {sys.platform}"
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return "bubblewrap (`bwrap`) is not installed (Debian/Ubuntu: apt-get install bubblewrap)"
    probe = subprocess.run(
        [bwrap, *_namespaces(), "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", "true"],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0:
        reason = " ".join(probe.stderr.split())[:200] or f"exit status {probe.returncode}"
        return f"bubblewrap cannot create namespaces here ({reason})"
    return None


def _namespaces() -> list[str]:
    flags = [
        "--unshare-pid",
        "--unshare-net",
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-cgroup-try",
    ]
    return flags if os.geteuid() == 0 else ["--unshare-user", *flags]


def _sandbox_uid() -> int:
    """A fresh unprivileged uid per run (root only): its own process count, nobody's files."""
    return 1_500_000_000 + random.SystemRandom().randrange(100_000_000)


def _hidden_ancestors(paths: list[Path]) -> list[Path]:
    """Folders on the way to `paths` that other users cannot enter (root's home, typically)."""
    found = []
    for path in paths:
        for folder in reversed(path.parents):
            if folder != Path("/") and not os.stat(folder).st_mode & 0o001:
                found.append(folder)
                break
    return found


def command(argv: list[str], workdir: Path, mounts: Mounts, uid: int | None) -> list[str]:
    """The bwrap command line around `argv`."""
    needed = [Path(sys.prefix), Path(sys.base_prefix), Path(sys.executable).resolve().parent]
    needed += [*mounts.writable, *mounts.visible, workdir]
    args = ["bwrap", *_namespaces(), "--die-with-parent", "--new-session"]
    args += ["--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev"]
    args += ["--size", str(Limits.tmp_size), "--perms", "1777", "--tmpfs", "/tmp"]
    args += ["--tmpfs", "/dev/shm"]
    masked = [*mounts.hidden, *(_hidden_ancestors(needed) if uid is not None else [])]
    for folder in masked:
        args += ["--tmpfs", str(folder)]
    covered = [Path("/tmp"), Path("/dev/shm"), *masked]  # empty inside: re-expose what is needed
    for path in dict.fromkeys(needed):
        top = next((c for c in covered if c == path or c in path.parents), None)
        if path.exists() and top is not None:
            # Folders on the way are made enterable: bwrap would copy a private folder's mode.
            for folder in reversed(path.parents):
                if top in folder.parents:
                    args += ["--perms", "0755", "--dir", str(folder)]
            flag = "--bind" if path in mounts.writable or path == workdir else "--ro-bind"
            args += [flag, str(path), str(path)]
    for path in mounts.writable:
        args += ["--bind", str(path), str(path)]
    args += ["--chdir", str(workdir)]
    if uid is not None:
        drop = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups"]
        args += ["--", *drop, "--inh-caps=-all", "--bounding-set=-all", "--"]
    else:
        args += ["--"]
    return args + argv


def _limit(limits: Limits) -> None:
    """In the child, before exec: limits that the sandbox and everything in it inherit."""
    for name, value in (
        (resource.RLIMIT_AS, limits.address_space),
        (resource.RLIMIT_CPU, limits.cpu_seconds),
        (resource.RLIMIT_FSIZE, limits.file_size),
        (resource.RLIMIT_CORE, 0),
    ):
        resource.setrlimit(name, (value, value))
    if os.geteuid() != 0:  # root's own count is exempt; the sandbox's own uid is not
        resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, not kills


def _limit_as_sandbox_user(limits: Limits) -> None:
    _limit(limits)
    resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))


def run(
    argv: list[str],
    workdir: Path,
    timeout: float,
    mounts: Mounts = Mounts(),
    limits: Limits = Limits(),
    env: dict[str, str] | None = None,
    sandboxed: bool = True,
) -> Completed:
    """Run `argv` in `workdir` (sandboxed unless `sandboxed` is False); stop it at `timeout`."""
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    # Under RLIMIT_AS, glibc's 64 MiB of address space reserved per malloc arena (up to 8 per
    # core) refuses a thread-heavy correct solution its threads ("can't start new thread")
    # long before it uses the memory: two arenas keep the limit about memory actually used.
    environment["MALLOC_ARENA_MAX"] = "2"
    preexec = _limit
    if sandboxed:
        uid = _sandbox_uid() if os.geteuid() == 0 else None
        if uid is not None:
            _give(workdir, uid)
            for path in mounts.writable:
                _give(path, uid)
            preexec = functools.partial(_limit_as_sandbox_user, limits)
        else:
            preexec = functools.partial(_limit, limits)
        argv = command(argv, workdir, mounts, uid)
        environment["HOME"] = str(workdir)
        environment["TMPDIR"] = "/tmp"
    else:
        preexec = functools.partial(_limit, limits)
    started = time.monotonic()
    process = subprocess.Popen(
        argv,
        cwd=workdir,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        preexec_fn=preexec,  # noqa: PLW1509 - limits must be set between fork and exec
        start_new_session=True,
    )
    kept, dropped = bytearray(), [0]
    reader = threading.Thread(
        target=_drain, args=(process.stdout, kept, dropped, limits.output_cap), daemon=True
    )
    reader.start()
    timed_out = False
    try:
        process.wait(timeout=max(0.1, timeout))
    except subprocess.TimeoutExpired:
        timed_out = True
    _kill_group(process)
    reader.join(timeout=5)
    return Completed(
        process.returncode if not timed_out else -1,
        bytes(kept).decode("utf-8", "replace"),
        dropped[0],
        timed_out,
        time.monotonic() - started,
        sandboxed,
    )


def _give(path: Path, uid: int) -> None:
    """Make `path` (and what is in it) the sandbox user's, so it can write there."""
    for folder, dirs, files in os.walk(path):
        os.chown(folder, uid, uid)
        for name in [*dirs, *files]:
            os.chown(os.path.join(folder, name), uid, uid, follow_symlinks=False)


def _kill_group(process: subprocess.Popen) -> None:
    """bwrap's PID namespace takes every process in it along; without bwrap, the group."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def _drain(pipe, kept: bytearray, dropped: list[int], cap: int) -> None:  # noqa: ANN001
    while chunk := pipe.read1(65536):
        room = cap - len(kept)
        if room > 0:
            kept += chunk[:room]
        dropped[0] += max(0, len(chunk) - max(room, 0))
    pipe.close()
