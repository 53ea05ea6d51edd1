"""``python -m labs COMMAND``: one sub-command per job, each defined in its own module.

A command module exposes ``add_parser(subparsers)``, which registers its parser and sets
``func(args) -> int``. Bad input raises ``UsageError``, reported as one line on stderr with
exit code 2, never a traceback; where a command reads its input with code that raises
``ValueError`` or ``OSError``, it says so with ``with bad_input():``. Any other error is a
bug, not bad input: it surfaces as a traceback, exit code 1.

Command modules import only light modules at the top (building the parser imports them all),
and each ``func`` checks every argument and output path before it imports torch,
transformers or matplotlib: a typo costs a second, not the seconds of those imports or the
minutes of the work (``tests/suite/test_cli_arguments.py`` checks both).
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

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
    "labs.grading.offsets_cli",
    "labs.grading.bundle",
    "labs.grading.rubric",
    "labs.grading.handout",
    "labs.mutation.cli",
)


class UsageError(Exception):
    """Bad input from the command line: reported in one line, exit code 2."""


@contextmanager
def bad_input(*errors: type[Exception]) -> Iterator[None]:
    """Around the reading of a command's input (a file, a value): its errors (default
    ValueError and OSError) are bad input, one line and exit code 2. Only there: the same
    error raised by the work that follows is a bug, and shows its traceback."""
    try:
        yield
    except errors or (ValueError, OSError) as error:
        raise UsageError(str(error)) from None


class OneLineParser(argparse.ArgumentParser):
    """argparse, with a bad argument reported in one line (exit code 2) instead of the usage."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def writable_file(path: Path, flag: str) -> Path:
    """Say in one line, before any work, why ``path`` cannot be written as a file."""
    if path.is_dir():
        raise UsageError(f"{flag} {path} is a folder; give a file name")
    _check_creatable(path, flag)
    return path


def writable_folder(path: Path, flag: str) -> Path:
    """Say in one line, before any work, why ``path`` cannot be written as a folder (creates
    nothing: ``output_folder`` does, once the work starts)."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{flag} {path} is a file, not a folder")
    _check_creatable(path, flag)
    return path


def _check_creatable(path: Path, flag: str) -> None:
    ancestor = path.absolute() if path.is_dir() else path.absolute().parent
    while not ancestor.exists():  # the folders the command will create
        ancestor = ancestor.parent
    if not ancestor.is_dir() or not os.access(ancestor, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write to {path} ({flag}): {ancestor} is not a writable folder")


def output_folder(path: Path) -> Path:
    """Create the folder a command writes to, or say in one line why it cannot be."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"cannot write to {path}: {error.strerror}") from None
    return path


def description(doc: str) -> str:
    """A module docstring's first line as a parser's description: plain text, without the
    reStructuredText backticks."""
    return doc.splitlines()[0].replace("``", "")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="python -m labs", description=description(__doc__))
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ["MPLBACKEND"] = "Agg"  # figures go to files; no window ever opens
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (``grade ... | head``): stop quietly, as the Python docs advise
        # for SIGPIPE, pointing stdout at devnull so that the exit flush cannot raise again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
