"""``python -m labs check-report FILE``: does a report's TD 3 table hold together?"""
from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "check-report", help="TD 3: check a report's losses and perplexities against each other")
    parser.add_argument("file", type=Path, metavar="FILE",
                        help="the report as written (plain text or Markdown, French or "
                             "English: a table of epoch / training loss / validation loss "
                             "per model, the perplexity stated near it), or JSON: "
                             '{"clm": {"epochs": [{"train_loss": .., "eval_loss": ..}, ..], '
                             '"perplexity": ..}, "mlm": {...}}')
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from labs.cli import UsageError, bad_input
    from labs.lm.report_check import check_models, format_checks, format_read, read_report

    if not args.file.is_file():
        raise UsageError(f"no such report file: {args.file}")
    with bad_input():  # not a report: not text, not a table, not JSON of models
        models = read_report(args.file)
    checks = check_models(models)
    print(format_read(models) + "\n\n" + format_checks(checks))
    return 0 if all(c.holds for c in checks) else 1
