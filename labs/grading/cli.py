"""``python -m labs grade DIR --lab td1``: grade one student folder, write results.json.

Exit code 0 whatever the student's score; 2 for bad arguments, 1 when the grader itself
could not run the specs (the message says why).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from labs.grading.rubric import add_rubric_option, rubric_from
from labs.sandbox.limits import Limits, add_limit_options, limits_given


def add_grading_options(parser: argparse.ArgumentParser) -> None:
    """--lab, the limits (``labs.sandbox.limits``), --only, --rubric: shared with grade-class
    and gradescope-bundle."""
    parser.add_argument("--lab", required=True, help="which lab's specs (a folder of specs/)")
    add_limit_options(parser.add_argument)
    parser.add_argument("--only", metavar="EXPR", default=None,
                        help="regrade only the specs matching this pytest -k expression "
                             "(the grade is then marked partial; default: every spec)")
    add_rubric_option(parser)
    parser.add_argument("--spec-seed", type=int, default=None, metavar="N",
                        help="the offset added to every seed the specs use, to reproduce a "
                             "recorded grade (default: a fresh secret offset for each "
                             "student's grading, recorded in results.json and the CSV)")


def spec_seed_from(args: argparse.Namespace) -> int | None:
    """The offset given with --spec-seed (None: draw one per grading), or UsageError."""
    from labs.cli import UsageError
    from labs.grading.seeds import MAX_SPEC_SEED

    if args.spec_seed is not None and not 0 <= args.spec_seed < MAX_SPEC_SEED:
        raise UsageError(f"--spec-seed must be between 0 and {MAX_SPEC_SEED - 1}, "
                         f"got {args.spec_seed}")
    return args.spec_seed


def limits_from(args: argparse.Namespace) -> Limits:
    """Validated lab and limits (the lab's, with those given), or UsageError naming the bad
    value."""
    from labs.cli import UsageError
    from labs.grading.run import available_labs

    if args.lab not in available_labs():
        raise UsageError(f"unknown lab {args.lab!r}; labs with specs: "
                         f"{', '.join(available_labs()) or 'none'}")
    try:
        return limits_given([args.lab], lambda name: getattr(args, name))
    except ValueError as error:
        raise UsageError(str(error)) from None


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("grade", help="grade one student folder against a lab's specs")
    parser.add_argument("folder", type=Path, metavar="DIR", help="the student's folder")
    add_grading_options(parser)
    parser.add_argument("--results", type=Path, default=Path("results.json"), metavar="FILE",
                        help="Gradescope results.json to write (default: results.json)")
    parser.add_argument("--reveal-hidden", action="store_true",
                        help="print the details of hidden specs too (for instructors)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from labs.cli import UsageError, writable_file

    if not args.folder.is_dir():
        raise UsageError(f"student folder not found: {args.folder}")
    writable_file(args.results, "--results")  # before the grading, not after it
    if args.results.resolve().is_relative_to(args.folder.resolve()):
        raise UsageError(f"--results {args.results} is inside the folder being graded: "
                         "give a path outside it")
    limits = limits_from(args)
    from labs.grading.grade import feedback_text, grade_folder, to_gradescope
    from labs.grading.run import GraderError
    from labs.sandbox.staging import StagingError

    rubric = rubric_from(args)
    spec_seed = spec_seed_from(args)
    args.results.parent.mkdir(parents=True, exist_ok=True)  # hidden from the child: it must exist
    failures = args.results.resolve().parent / "failures"  # images of failed comparisons
    try:
        grade = grade_folder(args.folder, args.lab, limits,
                             hide=[args.results.resolve().parent, args.folder.resolve().parent],
                             select=args.only, rubric=rubric, failures=failures,
                             spec_seed=spec_seed)
    except StagingError as error:  # the folder could not be read: bad input
        raise UsageError(str(error)) from None
    except GraderError as error:
        print(f"error: the grader could not run: {error}", file=sys.stderr)
        return 1
    from labs.grading.outputs import OutputError, write_private

    try:
        write_private(args.results, json.dumps(to_gradescope(grade), indent=1) + "\n")
    except OutputError as error:
        raise UsageError(str(error)) from None
    print(feedback_text(grade, reveal_hidden=args.reveal_hidden))
    print(f"results: {args.results}")
    return 0
