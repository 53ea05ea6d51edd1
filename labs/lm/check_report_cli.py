"""``python -m labs check-report FILE.json``: does a report's TD 3 table hold together?"""
from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "check-report", help="TD 3: check a report's losses and perplexities against each other")
    parser.add_argument("file", type=Path, metavar="FILE.json",
                        help='{"clm": {"epochs": [{"train_loss": .., "eval_loss": ..}, ..], '
                             '"perplexity": ..}, "mlm": {...}}')
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from labs.cli import UsageError
    from labs.lm.report_check import check_report, format_checks

    if not args.file.is_file():
        raise UsageError(f"no such report file: {args.file}")
    checks = check_report(args.file)
    print(format_checks(checks))
    return 0 if all(c.holds for c in checks) else 1
