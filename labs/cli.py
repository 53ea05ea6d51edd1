"""``python -m labs COMMAND``: one sub-command per job, each defined in its own module.

A command module exposes ``add_parser(subparsers)``, which registers its parser and sets
``func(args) -> int``. Bad input raises ``UsageError`` (or ``ValueError``/``OSError`` from
validation), reported as one line on stderr with exit code 2, never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

COMMAND_MODULES = (
    "labs.perceptron.cli",
    "labs.gan.cli",
    "labs.stylegan.cli",
    "labs.reproduce",
    "labs.lm.cli",
    "labs.lm.check_report_cli",
    "labs.claims.cli",
    "labs.grading.cli",
    "labs.grading.class_cli",
    "labs.grading.bundle",
)


class UsageError(Exception):
    """Bad input from the command line: reported in one line, exit code 2."""


def output_folder(path: Path) -> Path:
    """Create the folder a command writes to, or say in one line why it cannot be."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"cannot write to {path}: {error.strerror}") from None
    return path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m labs", description=__doc__.splitlines()[0])
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ["MPLBACKEND"] = "Agg"  # figures go to files; no window ever opens
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (UsageError, ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
