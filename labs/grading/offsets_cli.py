"""``python -m labs calibrate-offsets LAB [--offsets N] [--folder DIR]...``: do the specs hold
for any secret seed offset?

Every grading draws a secret spec-seed offset (``labs.grading.seeds``), so a spec that holds
for offset 0 alone would fail correct work at random. This command draws ``N`` offsets the
same way, runs the lab's specs at each on the reference and on each folder given (correct
example folders: they must lose nothing), and reports every point lost, with the offset
that lost it (``--spec-seed`` reproduces it), and the false-fail rate: the share of offsets
at which some correct code lost a point, with its 95% upper bound (the rule of three when
none did). Long by design (minutes per lab): never part of the everyday tests.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from labs.grading.cli import limits_from
from labs.sandbox.limits import add_limit_options


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("calibrate-offsets",
                                   help="run a lab's specs at many secret seed offsets: the "
                                        "false-fail rate of correct code")
    parser.add_argument("lab", metavar="LAB", help="which lab's specs (a folder of specs/)")
    parser.add_argument("--offsets", type=int, default=200, metavar="N",
                        help="offsets to draw (default: 200)")
    parser.add_argument("--folder", type=Path, action="append", default=[], metavar="DIR",
                        help="a correct folder graded at each offset too (repeatable; "
                             "default: the reference only)")
    parser.add_argument("--out", type=Path, default=None, metavar="FILE",
                        help="write every offset's result here as JSON")
    add_limit_options(parser.add_argument)
    parser.set_defaults(func=run)


def reference_outcomes(lab: str, spec_seed: int) -> list:
    """The reference's outcome of every spec of ``lab`` at ``spec_seed``."""
    from labs.grading.run import PROJECT_ROOT, SpecOutcome
    from labs.suite.spec_runs import recorded

    with tempfile.TemporaryDirectory(prefix="offsets-") as scratch:
        path = Path(scratch) / "outcomes.json"
        subprocess.run([sys.executable, "-m", "pytest", f"specs/{lab}", "-q", "-o", "addopts=",
                        "-p", "no:cacheprovider", "-p", "no:benchmark", "-p", "no:xdist",
                        "-p", "no:anyio", "-m", "not gpu", f"--spec-seed={spec_seed}",
                        "-p", "labs.suite.outcomes", f"--spec-outcomes={path}"],
                       cwd=PROJECT_ROOT, capture_output=True, check=False)
        record = recorded(path) or {"collected": [], "results": {}}
    return [SpecOutcome(nodeid.removeprefix(f"specs/{lab}/"), r["outcome"], r["message"],
                        r["doc"], r["machine"], r["duration"])
            for nodeid, r in record["results"].items()]


def lost(grade) -> list[str]:
    """The asked specs that lost points (skips for this machine's sake excepted)."""
    return [f"{spec.spec} ({spec.status})" for spec in grade.specs
            if not spec.bonus and spec.score < spec.max_score]


def run(args: argparse.Namespace) -> int:
    from labs.cli import UsageError, writable_file

    limits = limits_from(argparse.Namespace(**{**vars(args), "only": None}))
    if args.offsets < 1:
        raise UsageError(f"--offsets must be at least 1, got {args.offsets}")
    for folder in args.folder:
        if not folder.is_dir():
            raise UsageError(f"folder not found: {folder}")
    if args.out is not None:
        writable_file(args.out, "--out")
    from labs.grading.grade import grade_folder, grade_outcomes
    from labs.grading.seeds import draw_spec_seed

    rows, failing = [], 0
    start = time.monotonic()
    for index in range(args.offsets):
        offset = draw_spec_seed()
        grades = {"reference": grade_outcomes("reference", args.lab,
                                              reference_outcomes(args.lab, offset))}
        for folder in args.folder:
            grades[folder.name] = grade_folder(folder, args.lab, limits, spec_seed=offset)
        losses = {name: lost(grade) for name, grade in grades.items() if lost(grade)}
        failing += bool(losses)
        rows.append({"spec_seed": offset, "scores": {n: g.score for n, g in grades.items()},
                     "lost": losses})
        print(f"offset {offset}: " + (json.dumps(losses) if losses else "no point lost"),
              flush=True)
    bound = 3 / args.offsets if failing == 0 else None
    summary = {"lab": args.lab, "offsets": args.offsets, "offsets_losing_points": failing,
               "false_fail_rate": failing / args.offsets,
               "upper_95": bound, "targets": ["reference", *[f.name for f in args.folder]],
               "seconds": round(time.monotonic() - start)}
    print(json.dumps(summary))
    if args.out is not None:
        args.out.write_text(json.dumps({"summary": summary, "offsets": rows}, indent=1) + "\n")
    return 0
