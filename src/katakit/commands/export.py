"""`kata export gradescope|classroom <slug>...`: packages for the platforms instructors grade on."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..classroom import WORKFLOW, build_template
from ..console import out
from ..errors import KataError
from ..gradescope import VISIBILITIES, build_bundle
from ..points import points_for
from ..project import Project

POINTS_HELP = (
    "points per behaviour: equal (1 each, the default), by-kind (scenario 1, property and "
    "complexity 2, concurrency 3) or a YAML/JSON file {slug: {behaviour: points, '*': default}}"
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="package katas for Gradescope or GitHub Classroom")
    platforms = p.add_subparsers(dest="platform", required=True, metavar="PLATFORM")

    g = platforms.add_parser(
        "gradescope", help="a Gradescope autograder zip (setup.sh, run_autograder)"
    )
    g.add_argument("slugs", nargs="+", metavar="slug")
    g.add_argument("--points", default="equal", metavar="equal|by-kind|FILE", help=POINTS_HELP)
    g.add_argument("-o", "--out", default="autograder.zip", help="the zip (default autograder.zip)")
    g.add_argument("--force", action="store_true", help="replace the zip if it exists")
    g.add_argument(
        "--visibility",
        choices=VISIBILITIES,
        default="visible",
        help="when students see each test's result (Gradescope's setting; default visible)",
    )
    g.add_argument(
        "--wheels",
        metavar="DIR",
        help="take the dependencies' wheels from DIR instead of the package index",
    )
    g.add_argument(
        "--python-version",
        metavar="X.Y",
        help="the Python of the Gradescope image, when not this one (e.g. 3.10 on Ubuntu 22.04)",
    )
    g.set_defaults(handler=gradescope)

    c = platforms.add_parser("classroom", help="a GitHub Classroom starter repository")
    c.add_argument("slugs", nargs="+", metavar="slug")
    c.add_argument("--points", default="equal", metavar="equal|by-kind|FILE", help=POINTS_HELP)
    c.add_argument("-o", "--out", help="a new folder (default: classroom-<first slug>)")
    c.set_defaults(handler=classroom)


def gradescope(args: argparse.Namespace, project: Project) -> int:
    katas = project.load_all(args.slugs)
    points = points_for(args.points, katas)
    target = Path(args.out).resolve()
    if target.exists() and not args.force:
        raise KataError(f"{args.out} exists; pass --force to replace it (nothing was written)")
    target.parent.mkdir(parents=True, exist_ok=True)
    wheels = Path(args.wheels).resolve() if args.wheels else None
    build_bundle(project, katas, points, target, args.visibility, wheels, args.python_version)
    size = target.stat().st_size / 1e6
    total = sum(sum(p.values()) for p in points.values())
    out.print(
        f"wrote {args.out} ({size:.1f} MB): {', '.join(k.slug for k in katas)}, "
        f"{sum(len(k.behaviours) for k in katas)} behaviours, {total:g} points. "
        "Upload it as the assignment's autograder (Configure Autograder > Zip file upload).",
        markup=False,
    )
    return 0


def classroom(args: argparse.Namespace, project: Project) -> int:
    katas = project.load_all(args.slugs)
    points = points_for(args.points, katas)
    target = Path(args.out or f"classroom-{katas[0].slug}").resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    build_template(project, katas, points, target)
    out.print(
        f"wrote {args.out or target.name}/ ({WORKFLOW} and {len(katas)} kata(s)). Push it to a "
        "new repository, mark it a template, and pick it as the assignment's starter code.",
        markup=False,
    )
    return 0
