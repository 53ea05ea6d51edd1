"""``python -m labs grade DIR --lab td1``: grade one student folder, write results.json.

Exit code 0 whatever the student's score; 2 for bad arguments, 1 when the grader itself
could not run the specs (the message says why).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from labs.grading.limits import limits_for
from labs.suite.child import Limits


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    """--lab, --timeout, --budget, --memory-mb, --only: shared with grade-class."""
    parser.add_argument("--lab", required=True, help="which lab's specs (a folder of specs/)")
    parser.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                        help="wall-clock limit per call into the submission (default: the "
                             f"lab's, td1 {limits_for('td1').call_timeout:g}, else "
                             f"{Limits.call_timeout:g})")
    parser.add_argument("--budget", type=float, default=None, metavar="SECONDS",
                        help="wall-clock budget for all calls of one submission (default: "
                             f"the lab's, td1 {limits_for('td1').total_budget:g}, else "
                             f"{Limits.total_budget:g})")
    parser.add_argument("--memory-mb", type=int, default=None, metavar="MB",
                        help="address-space limit of the submission's process (default: "
                             f"the lab's, td3 {limits_for('td3').memory_mb}, else "
                             f"{Limits.memory_mb})")
    parser.add_argument("--only", metavar="EXPR", default=None,
                        help="regrade only the specs matching this pytest -k expression "
                             "(the grade is then marked partial)")


def limits_from(args: argparse.Namespace) -> Limits:
    """Validated limits and lab, or UsageError naming the bad value."""
    from labs.cli import UsageError
    from labs.grading.run import available_labs

    if args.lab not in available_labs():
        raise UsageError(f"unknown lab {args.lab!r}; labs with specs: "
                         f"{', '.join(available_labs()) or 'none'}")
    defaults = limits_for(args.lab)
    timeout = defaults.call_timeout if args.timeout is None else args.timeout
    budget = defaults.total_budget if args.budget is None else args.budget
    memory = defaults.memory_mb if args.memory_mb is None else args.memory_mb
    for name, value in (("timeout", timeout), ("budget", budget)):
        if not value > 0:
            raise UsageError(f"--{name} must be a positive number of seconds, got {value}")
    if memory < 64:
        raise UsageError(f"--memory-mb must be at least 64, got {memory}")
    return Limits(call_timeout=timeout, total_budget=budget, memory_mb=memory)


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("grade", help="grade one student folder against a lab's specs")
    parser.add_argument("folder", type=Path, metavar="DIR", help="the student's folder")
    add_limit_options(parser)
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
    limits = limits_from(args)
    from labs.grading.grade import feedback_text, grade_folder, to_gradescope
    from labs.grading.run import GraderError

    try:
        grade = grade_folder(args.folder, args.lab, limits,
                             hide=[args.results.resolve().parent, args.folder.resolve().parent],
                             select=args.only)
    except GraderError as error:
        print(f"error: the grader could not run: {error}", file=sys.stderr)
        return 1
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(to_gradescope(grade), indent=1) + "\n")
    print(feedback_text(grade, reveal_hidden=args.reveal_hidden))
    print(f"results: {args.results}")
    return 0
