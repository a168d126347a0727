"""`kata runner <slug> <input-dir> <output-dir>`: Exercism's test-runner interface.

Reads the solution from the input folder (`<slug>.py`, `<slug>/solution.py` or `solution.py`;
never written to), runs the kata's suite the way `kata check` does (sandboxed, judged by the
parent) and writes `<output-dir>/results.json`, version 3: a test per behaviour in the suite's
order, each with `name`, `status`, `message`, `output` (what the solution printed during it,
at most 500 characters) and `test_code`; the top-level status is `error` only when no
behaviour could run. Exit status 0 whenever results.json was written, whatever the tests said.
`bin/run.sh` wraps it for Exercism's tooling, which names exercises with dashes.

`--points` adds a `score` per test and a `max_score`, and `--github-output` appends the results,
base64-encoded, to `$GITHUB_OUTPUT` as `result`: what GitHub Classroom's autograding reporter
reads (see katakit.classroom).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
from pathlib import Path

from ..console import err
from ..errors import KataError
from ..exercism import results_json
from ..files import replace_atomically
from ..learner import Outcome, run_learner_suite
from ..points import points_for
from ..project import Project, unknown_kata
from ..submission import find_solution


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "runner",
        help="Exercism's test-runner interface: write <output-dir>/results.json (version 3)",
    )
    p.add_argument("slug", help="the kata (dashes or underscores)")
    p.add_argument("input_dir", help="the folder holding the solution (read only)")
    p.add_argument("output_dir", help="where results.json goes")
    p.add_argument(
        "--points",
        metavar="equal|by-kind|FILE",
        help="add a score per test and max_score (GitHub Classroom's reporter reads them)",
    )
    p.add_argument(
        "--github-output",
        action="store_true",
        help="also append result=<base64 results.json> to $GITHUB_OUTPUT",
    )
    p.set_defaults(handler=runner)


def runner(args: argparse.Namespace, project: Project) -> int:
    kata = project.load(_slug(project, args.slug))
    folder, target = Path(args.input_dir), Path(args.output_dir)
    if not folder.is_dir():
        raise KataError(f"the input folder {args.input_dir} does not exist")
    points = points_for(args.points, [kata])[kata.slug] if args.points else None
    impl, problem = find_solution(folder, kata.slug, alone=True)
    outcome = (
        Outcome(kata, None, problem) if impl is None else run_learner_suite(project, kata, impl)
    )
    report = results_json(outcome)
    if points is not None:
        for test in report["tests"]:
            test["score"] = points[test["name"]] if test["status"] == "pass" else 0
        report["max_score"] = sum(points.values())
    target.mkdir(parents=True, exist_ok=True)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    replace_atomically(target / "results.json", text.encode("utf-8"))
    if args.github_output:
        _github_output(text)
    passed = sum(1 for t in report["tests"] if t["status"] == "pass")
    err.print(
        f"{kata.slug}: {report['status']} ({passed}/{len(report['tests'])} behaviours pass); "
        f"wrote {target / 'results.json'}",
        markup=False,
    )
    if report["status"] == "error":
        err.print(report["message"] or "", markup=False)
    return 0


def _slug(project: Project, given: str) -> str:
    """Exercism names exercises with dashes; katas use underscores."""
    for slug in (given, given.replace("-", "_")):
        if (project.specs / slug / "spec.yaml").is_file():
            return slug
    raise unknown_kata(given, project.slugs())


def _github_output(text: str) -> None:
    path = os.environ.get("GITHUB_OUTPUT")
    if not path:
        raise KataError("--github-output: $GITHUB_OUTPUT is not set (it is, on GitHub Actions)")
    encoded = base64.b64encode(json.dumps(json.loads(text)).encode("utf-8")).decode("ascii")
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"result={encoded}\n")
