"""``labs.suite.spec_runs``, the one way specs run on a folder in a pytest subprocess: what a
run says (a run cut short leaves nothing behind: ``test_attacks.py``, with the other
leftovers)."""
from __future__ import annotations

from pathlib import Path

import pytest

from labs.suite.spec_runs import run_specs

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ROOT / "tests" / "submissions" / "td1"
XOR_SPEC = ROOT / "specs" / "td1" / "test_xor.py"


@pytest.mark.slow  # a grading end to end: seconds
def test_a_run_says_each_specs_outcome_by_name():
    outcomes = run_specs([f"{XOR_SPEC}"], FOLDERS / "correct_lists")
    assert outcomes and set(outcomes.values()) == {"passed"}, outcomes
    assert all("::" not in name and "/" not in name for name in outcomes)
