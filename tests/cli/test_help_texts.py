"""Every ``python -m labs`` command's help: plain text (no reStructuredText backticks from the
modules' docstrings), and every option that has a default says it; the flags of ``gan`` and
``lm`` are their configuration's fields."""
from __future__ import annotations

import argparse
import dataclasses

import pytest

from labs.cli import build_parser
from labs.dataclass_options import flag, settings_of
from labs.gan.config import GANConfig
from labs.lm.run_config import RunConfig


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


@pytest.mark.parametrize("command, config, own_flags", [
    ("gan", GANConfig, {"points", "noise", "snapshot_steps"}),  # --points, --noise, --frames
    ("lm", RunConfig, {"kind", "corpus_spec", "use_cpu", "progress"}),  # KIND, --articles ...
])
def test_every_setting_of_a_configuration_is_a_flag(command, config, own_flags):
    """A field added to the configuration with ``setting`` metadata appears on the command
    line; the others are the few the command writes by hand."""
    flags = {name for action in COMMANDS[command]._actions for name in action.option_strings}
    assert {flag(f) for f in settings_of(config)} <= flags
    assert {f.name for f in dataclasses.fields(config)} - {f.name for f in settings_of(config)} \
        == own_flags
