"""The weights.csv reader spec fails on an error message that names nothing (it once passed
any message containing a "2", such as "[Errno 2]")."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SPEC = Path(__file__).resolve().parents[2] / "specs" / "td1" / "test_weights_csv.py"


class Answering:
    """A stand-in for the spec's contract client that gives one fixed answer."""

    def __init__(self, answer: dict) -> None:
        self.answer = answer

    def call(self, probe, *args):
        return self.answer


def spec_module():
    spec = importlib.util.spec_from_file_location("weights_csv_spec", SPEC)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("error, passes", [
    ("ValueError: weights.csv, line 2: expected a number, found 'abc'", True),
    ("ValueError: could not convert string to float: 'abc'", True),
    ("ValueError: bad value on Line 2", True),
    ("FileNotFoundError: [Errno 2] No such file or directory", False),
    ("ValueError: 12 values expected", False),
])
def test_the_malformed_file_spec_needs_the_bad_value_or_its_line(error, passes):
    check = spec_module().test_reader_rejects_a_malformed_file_clearly
    client = Answering({"weights": None, "error": error})
    if passes:
        check(client)
    else:
        with pytest.raises(AssertionError):
            check(client)
