"""Every ``python -m labs`` command's help: plain text (no reStructuredText backticks from the
modules' docstrings), and every option that has a default says it."""
from __future__ import annotations

import argparse

import pytest

from labs.cli import build_parser


def commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {"": parser, **action.choices}


COMMANDS = commands()


@pytest.mark.parametrize("name", list(COMMANDS))
def test_help_has_no_backticks(name):
    text = COMMANDS[name].format_help()
    assert "`" not in text, text


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_option_with_a_default_says_it(name):
    silent = []
    for action in COMMANDS[name]._actions:
        if not action.option_strings or isinstance(action, (argparse._HelpAction,
                                                            argparse._StoreTrueAction)):
            continue  # positionals, --help, and switches (off unless given)
        has_default = action.default is not None
        if has_default and "default" not in (action.help or ""):
            silent.append(action.option_strings[0])
    assert silent == [], f"{name}: no default said for {silent}"
