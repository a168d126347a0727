"""Every generated brief's Mermaid class diagram is accepted by Mermaid's own parser.

The check runs the official `mermaid` npm package (pinned in tools/mermaid/package.json)
under Node, with jsdom standing in for the browser: `mermaid.parse` on every ```mermaid
block of every generated/*/README.md. Node and npm are required, as on CI: their absence
fails these tests rather than skipping them.
"""

from __future__ import annotations

import fcntl
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "tools" / "mermaid"
CHECK = TOOL / "check.mjs"
NPM_CI_TIMEOUT = 300  # seconds; about 15 s with a warm npm cache
CHECK_TIMEOUT = 60  # seconds; about 3 s for the generated briefs
MIN_NODE = (20, 19)  # jsdom 29 needs Node ^20.19


def _require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(
            f"`{tool}` is not on PATH: the Mermaid diagram check needs Node.js >= "
            f"{MIN_NODE[0]}.{MIN_NODE[1]} and npm on PATH",
            pytrace=False,
        )
    return path


def _installed() -> bool:
    """node_modules holds exactly the versions package.json pins."""
    pins = json.loads((TOOL / "package.json").read_text(encoding="utf-8"))["dependencies"]
    for name, version in pins.items():
        manifest = TOOL / "node_modules" / name / "package.json"
        if not manifest.is_file():
            return False
        if json.loads(manifest.read_text(encoding="utf-8")).get("version") != version:
            return False
    return True


@pytest.fixture(scope="module")
def node() -> str:
    """Path to `node`, with tools/mermaid's pinned packages installed (`npm ci`)."""
    node = _require("node")
    npm = _require("npm")
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=True)
    found = tuple(int(n) for n in re.findall(r"\d+", version.stdout)[:2])
    if found < MIN_NODE:
        pytest.fail(
            f"Node.js {version.stdout.strip()} is too old for the Mermaid check; "
            f"need >= {MIN_NODE[0]}.{MIN_NODE[1]}",
            pytrace=False,
        )
    # Serialise installs across pytest-xdist workers (and checkouts): one `npm ci` at a time.
    with open(Path(tempfile.gettempdir()) / "katakit-mermaid-npm-ci.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not _installed():
            try:
                result = subprocess.run(
                    [npm, "ci", "--silent", "--no-audit", "--no-fund"],
                    cwd=TOOL,
                    capture_output=True,
                    text=True,
                    timeout=NPM_CI_TIMEOUT,
                )
            except subprocess.TimeoutExpired:
                pytest.fail(f"`npm ci` in {TOOL} took over {NPM_CI_TIMEOUT} s", pytrace=False)
            if result.returncode != 0 or not _installed():
                pytest.fail(
                    f"`npm ci` in {TOOL} failed ({result.returncode}):\n"
                    f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}",
                    pytrace=False,
                )
    return node


def run_check(node: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [node, str(CHECK), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=CHECK_TIMEOUT,
    )


def briefs() -> list[Path]:
    return sorted(ROOT.glob("generated/*/README.md"))


def test_every_generated_brief_has_a_diagram_mermaid_parses(node):
    paths = briefs()
    assert paths, "no generated/*/README.md to check"
    result = run_check(node, *(p.relative_to(ROOT) for p in paths))
    assert result.returncode == 0, result.stdout + result.stderr
    for path in paths:
        assert f"{path.relative_to(ROOT)}: ok" in result.stdout.splitlines()


BROKEN = """\
# A brief

Some text.

```mermaid
classDiagram
    class Good {
        +int size
    }
    class Broken {{
        +get(key) object
    }
```
"""


def test_the_checker_rejects_a_diagram_mermaid_cannot_parse(node, tmp_path):
    brief = tmp_path / "README.md"
    brief.write_text(BROKEN, encoding="utf-8")
    result = run_check(node, brief)
    assert result.returncode != 0, result.stdout + result.stderr
    # `path:line: message`, the line being the file's, where Mermaid's parser stopped.
    assert re.search(rf"^{re.escape(str(brief))}:10: Parse error", result.stdout, re.M), (
        result.stdout + result.stderr
    )
    assert ": ok" not in result.stdout


def test_the_checker_rejects_a_brief_without_a_diagram(node, tmp_path):
    brief = tmp_path / "README.md"
    brief.write_text("# A brief\n\n```python\nx = 1\n```\n", encoding="utf-8")
    result = run_check(node, brief)
    assert result.returncode != 0
    assert f"{brief}:1: no ```mermaid block found" in result.stdout


def test_generated_diagrams_render_member_names_literally(node):
    result = run_check(node, "--render", *(p.relative_to(ROOT) for p in briefs()))
    assert result.returncode == 0, result.stdout + result.stderr
