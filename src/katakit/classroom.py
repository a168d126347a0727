"""GitHub Classroom: the starter repository `kata export classroom` writes.

    README.md                        the assignment: what to do, how it is graded
    .github/workflows/classroom.yml  installs katakit, one grading step per kata, the reporter
    .kata/katakit-<version>-*.whl    the tool (its dependencies pinned in .kata/constraints.txt)
    .kata/points.json                points per behaviour (`--points`)
    katas/<slug>/solution.py         the skeleton the student fills in
    katas/<slug>/README.md           the kata's brief
    specs/, generated/, templates/   what `kata check` needs: these katas' specs and suites, and
                                     the suite templates that spec validation renders

Each kata's step runs `kata runner <slug> katas/<slug> .kata-results/<slug> --points ...
--github-output`: the same sandboxed run and parent-side verdict as `kata check`, written as
Exercism-style results with a `score` per test and the kata's `max_score`, base64-encoded into
the step's `result` output. That is the format GitHub Classroom's autograding reporter
(`classroom-resources/autograding-grading-reporter`) reads from `<STEP_ID>_RESULTS`: it sums
each test's `score` against `max_score` and sends the total to the Classroom dashboard.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from importlib import metadata
from pathlib import Path

from . import __version__
from .errors import KataError
from .gradescope import SOURCE_TREE, _pip
from .model import Kata
from .points import Points
from .project import Project

WORKFLOW = ".github/workflows/classroom.yml"
PYTHON = "3.11"


def workflow(katas: list[Kata], wheel: str) -> str:
    """The Actions workflow: checkout, Python, katakit, a step per kata, the reporter."""
    lines = [
        "name: Autograding Tests",
        "'on':",
        "  push:",
        "  repository_dispatch:",  # GitHub Classroom sends it when it regrades
        "  workflow_dispatch:",
        "permissions:",
        "  checks: write",
        "  actions: read",
        "  contents: read",
        "jobs:",
        "  run-autograding-tests:",
        "    runs-on: ubuntu-latest",
        "    if: github.actor != 'github-classroom[bot]'",
        "    timeout-minutes: 30",
        "    steps:",
        "      - name: Checkout code",
        "        uses: actions/checkout@v4",
        "      - name: Set up Python",
        "        uses: actions/setup-python@v5",
        "        with:",
        f"          python-version: '{PYTHON}'",
        "      - name: Install kata",
        f"        run: python -m pip install --quiet -c .kata/constraints.txt .kata/{wheel}",
    ]
    for kata in katas:
        lines += [
            f"      - name: {kata.slug}",
            f"        id: {kata.slug}",
            "        timeout-minutes: 10",
            "        run: >-",
            f"          kata runner {kata.slug} katas/{kata.slug} .kata-results/{kata.slug}",
            "          --points .kata/points.json --github-output",
        ]
    env = [
        f'          {k.slug.upper()}_RESULTS: "${{{{ steps.{k.slug}.outputs.result }}}}"'
        for k in katas
    ]
    lines += [
        "      - name: Autograding Reporter",
        "        uses: classroom-resources/autograding-grading-reporter@v1",
        "        env:",
        *env,
        "        with:",
        f"          runners: {','.join(k.slug for k in katas)}",
    ]
    return "\n".join(lines) + "\n"


def readme(katas: list[Kata], points: Points) -> str:
    rows = "\n".join(
        f"| `{k.slug}` | {k.title} | {len(k.behaviours)} | {sum(points[k.slug].values()):g} | "
        f"[brief](katas/{k.slug}/README.md) |"
        for k in katas
    )
    first = katas[0].slug
    return f"""# Katas

Fill in `katas/<slug>/solution.py` for each kata below, then push. Every push runs the
kata suites on GitHub Actions (the **Autograding Tests** workflow): each behaviour that
passes earns its points, and the total goes to GitHub Classroom.

| kata | title | behaviours | points | |
|---|---|---|---|---|
{rows}

## Check before you push

```text
python -m venv .venv && .venv/bin/pip install -c .kata/constraints.txt .kata/*.whl
.venv/bin/kata check {first}          # the same suite and verdict as the grader
.venv/bin/kata hint {first}           # a hint, when you are stuck
```

The workflow's log (Actions tab, the run, step `{first}`) shows each behaviour's result and
what it expected; the Autograding Reporter step shows the points.
"""


def constraints() -> str:
    """katakit's dependencies pinned to what this export was made with."""
    pins = []
    for requirement in metadata.requires("katakit") or []:
        if "extra ==" in requirement:
            continue
        name = requirement.split(";")[0].split(">")[0].split("=")[0].split("<")[0].strip()
        try:
            pins.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return "\n".join(sorted(pins, key=str.lower)) + "\n"


def build_template(project: Project, katas: list[Kata], points: Points, out: Path) -> Path:
    if out.exists() and any(out.iterdir()):
        raise KataError(f"{out} exists and is not empty; choose a new folder (nothing was written)")
    for kata in katas:
        for name in (f"test_{kata.slug}.py", "skeleton.py", "README.md"):
            if not (project.generated / kata.slug / name).is_file():
                raise KataError(f"generated/{kata.slug}/{name} is missing; run `kata generate`")
    with tempfile.TemporaryDirectory(prefix="kata-classroom-", dir=out.parent) as tmp:
        work = Path(tmp) / "repo"
        kit = work / ".kata"
        kit.mkdir(parents=True)
        _pip("wheel", "--no-deps", "--quiet", "--wheel-dir", str(kit), str(SOURCE_TREE))
        wheel = next(kit.glob(f"katakit-{__version__}-*.whl")).name
        (kit / "constraints.txt").write_text(constraints(), encoding="utf-8")
        (kit / "points.json").write_text(json.dumps(points, indent=2) + "\n", encoding="utf-8")
        _write(work / WORKFLOW, workflow(katas, wheel))
        _write(work / "README.md", readme(katas, points))
        _write(work / ".gitignore", ".venv/\n.kata-results/\n__pycache__/\n.kata-state.json\n")
        for template in sorted(project.templates.glob("*.j2")):  # what spec validation renders
            shutil.copy(template, _parent(work / "templates" / template.name))
        shutil.copy(project.schema, _parent(work / "specs" / "schema.json"))
        for kata in katas:
            shutil.copy(
                project.spec_file(kata.slug), _parent(work / "specs" / kata.slug / "spec.yaml")
            )
            generated = project.generated / kata.slug
            shutil.copytree(generated, work / "generated" / kata.slug)
            shutil.copy(
                generated / "skeleton.py", _parent(work / "katas" / kata.slug / "solution.py")
            )
            shutil.copy(generated / "README.md", work / "katas" / kata.slug / "README.md")
        if out.exists():
            out.rmdir()
        work.rename(out)
    return out


def _parent(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _write(path: Path, text: str) -> None:
    _parent(path).write_text(text, encoding="utf-8")
