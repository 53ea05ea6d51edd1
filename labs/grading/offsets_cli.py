"""``python -m labs calibrate-offsets LAB [--offsets N] [--folder DIR]...``: do the specs hold
for any secret seed offset?

Every grading draws a secret spec-seed offset (``labs.grading.seeds``), so a spec that holds
for offset 0 alone would fail correct work at random. This command draws ``N`` offsets the
same way, runs the lab's specs at each on the reference and on each folder given (correct
example folders: they must lose nothing), and reports every point lost, with the offset
that lost it (``--spec-seed`` reproduces it), and the false-fail rate: the share of offsets
at which some correct code lost a point that it keeps at other offsets, with its exact
(Clopper-Pearson) 95% upper bound. Long by design (minutes per lab): never part of the
everyday tests.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
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
    parser.add_argument("--append", action="store_true",
                        help="add the new offsets to those already in --out (a calibration "
                             "carried on later); the summary covers them all")
    parser.add_argument("--only", default=None, metavar="EXPR",
                        help="calibrate only the specs matching this pytest -k expression "
                             "(default: every spec)")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="offsets graded at once, each in its own processes (default: 1)")
    add_limit_options(parser.add_argument)
    parser.set_defaults(func=run)


def reference_outcomes(lab: str, spec_seed: int, only: str | None = None) -> list:
    """The reference's outcome of every spec of ``lab`` (or those ``only`` selects, a pytest
    ``-k`` expression) at ``spec_seed``."""
    from labs.grading.run import PROJECT_ROOT, SpecOutcome
    from labs.suite.spec_runs import recorded

    with tempfile.TemporaryDirectory(prefix="offsets-") as scratch:
        path = Path(scratch) / "outcomes.json"
        subprocess.run([sys.executable, "-m", "pytest", f"specs/{lab}", "-q", "-o", "addopts=",
                        "-p", "no:cacheprovider", "-p", "no:benchmark", "-p", "no:xdist",
                        "-p", "no:anyio", "-m", "not gpu", f"--spec-seed={spec_seed}",
                        "-p", "labs.suite.outcomes", f"--spec-outcomes={path}",
                        *(["-k", only] if only else [])],
                       cwd=PROJECT_ROOT, capture_output=True, check=False)
        record = recorded(path) or {"collected": [], "results": {}}
    return [SpecOutcome(nodeid.removeprefix(f"specs/{lab}/"), r["outcome"], r["message"],
                        r["doc"], r["machine"], r["duration"])
            for nodeid, r in record["results"].items()]


def lost(grade) -> list[str]:
    """The asked specs that lost points at this offset.

    A part the folder does not provide ("not provided") loses its points at every offset
    alike, so it is no false fail: a correct folder that leaves out an asked part (one
    without ``weight_history``, say) still calibrates the specs it does provide."""
    return [f"{spec.spec} ({spec.status})" for spec in grade.specs
            if not spec.bonus and spec.score < spec.max_score
            and spec.status != "not provided"]


def run(args: argparse.Namespace) -> int:
    from labs.cli import UsageError, writable_file

    limits = limits_from(argparse.Namespace(**{**vars(args), "only": None}))
    if args.offsets < 1:
        raise UsageError(f"--offsets must be at least 1, got {args.offsets}")
    if args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, got {args.jobs}")
    for folder in args.folder:
        if not folder.is_dir():
            raise UsageError(f"folder not found: {folder}")
    if args.append and (args.out is None or not args.out.is_file()):
        raise UsageError(f"--append needs an existing --out file, got {args.out}")
    if args.out is not None:
        writable_file(args.out, "--out")
    rows = earlier_rows(args.out, args.lab) if args.append else []
    from labs.grading.grade import grade_folder, grade_outcomes
    from labs.grading.record import project_commit
    from labs.grading.seeds import draw_spec_seed

    commit = project_commit()
    start = time.monotonic()

    def one_offset(_: int) -> dict:
        offset = draw_spec_seed()
        grades = {"reference": grade_outcomes("reference", args.lab,
                                              reference_outcomes(args.lab, offset, args.only))}
        for folder in args.folder:
            grades[folder.name] = grade_folder(folder, args.lab, limits, select=args.only,
                                               spec_seed=offset)
        losses = {name: specs for name, grade in grades.items() if (specs := lost(grade))}
        return {"spec_seed": offset, "scores": {n: g.score for n, g in grades.items()},
                "lost": losses, "commit": commit}

    def summary() -> dict:
        return {"lab": args.lab, "only": args.only,
                "commits": sorted({str(row.get("commit")) for row in rows}),
                "targets": ["reference", *[f.name for f in args.folder]],
                **false_fails(rows), "seconds": round(time.monotonic() - start)}

    # each offset's grading runs in subprocesses and sandboxed children, as grade-class's
    # threads do; the results file is rewritten after each, so a stopped run keeps its rows
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for row in pool.map(one_offset, range(args.offsets)):
            rows.append(row)
            print(f"offset {row['spec_seed']}: "
                  + (json.dumps(row["lost"]) if row["lost"] else "no point lost"), flush=True)
            if args.out is not None:
                args.out.write_text(json.dumps({"summary": summary(), "offsets": rows},
                                               indent=1) + "\n")
    print(json.dumps(summary()))
    return 0


def earlier_rows(path: Path, lab: str) -> list[dict]:
    """The offsets of an earlier run of the same lab written to ``path``."""
    from labs.cli import UsageError

    try:
        earlier = json.loads(path.read_text())
        rows, their_lab = earlier["offsets"], earlier["summary"]["lab"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise UsageError(f"--append: {path} is not a calibration's results ({error})") from None
    if their_lab != lab:
        raise UsageError(f"--append: {path} calibrates {their_lab}, not {lab}")
    return rows


def false_fails(rows: list[dict]) -> dict:
    """The false-fail rate over the offsets' ``rows``, with its exact 95% upper bound.

    A spec a target loses at every offset is lost by design or by a defect of that folder,
    whatever the offset (listed apart, for a reader to judge); a false fail is a loss that
    comes and goes with the offset. With one offset every loss counts as a false fail."""
    from scipy.stats import binomtest

    targets = {name for row in rows for name in row["lost"]}
    always = {name: sorted(set.intersection(*(set(row["lost"].get(name, [])) for row in rows)))
              for name in targets} if len(rows) > 1 else {}
    failing = [row["spec_seed"] for row in rows
               if any(set(specs) - set(always.get(name, ())) for name, specs in row["lost"].items())]
    upper = binomtest(len(failing), len(rows)).proportion_ci(0.95, "exact").high
    return {"offsets": len(rows), "offsets_losing_points": len(failing),
            "false_fail_rate": len(failing) / len(rows), "upper_95": round(upper, 4),
            "failing_offsets": failing,
            "lost_at_every_offset": {name: specs for name, specs in always.items() if specs}}
