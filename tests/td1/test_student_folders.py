"""The TD 1 specs run on example student folders, in a separate pytest process each."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from labs.suite import spec_runs

pytestmark = pytest.mark.slow  # each test grades folders end to end: seconds

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ROOT / "tests" / "submissions" / "td1"
SPECS = ROOT / "specs" / "td1"


@lru_cache(maxsize=None)
def run_specs(folder: str, *only: str) -> dict[str, str]:
    """Outcome ('passed', 'failed', 'skipped') of every TD 1 spec on one folder, or of the
    specs ``only`` names (``file.py::test_name``)."""
    targets = [f"{SPECS / spec}" for spec in only] or [str(SPECS)]
    return spec_runs.run_specs(targets, FOLDERS / folder)


@pytest.mark.parametrize("folder", ["correct_lists", "correct_tuple_mapped"])
def test_correct_folders_pass_every_spec_they_can(folder):
    outcomes = run_specs(folder)
    assert len(outcomes) >= 30
    assert [name for name, outcome in outcomes.items() if outcome == "failed"] == []


def test_tuple_without_history_skips_history_specs():
    outcomes = run_specs("correct_tuple_mapped")
    assert outcomes["test_xor_weights_swing_within_every_iteration"] == "skipped"
    assert outcomes["test_and_bias_dominates_one_input_not_two"] == "passed"


def test_sigmoid_derivative_mistake_is_caught():
    outcomes = run_specs("wrong_derivative",
                         "test_convergence.py::test_and_or_error_goes_to_about_0_01",
                         "test_hyperparameters.py::test_large_coeff_breaks_symmetry",
                         "test_xor.py::test_xor_weights_swing_within_every_iteration",
                         "test_xor.py::test_no_single_neuron_separates_xor")
    for name in ("test_and_or_error_goes_to_about_0_01[AND]", "test_large_coeff_breaks_symmetry",
                 "test_xor_weights_swing_within_every_iteration"):
        assert outcomes[name] == "failed", name
    assert outcomes["test_no_single_neuron_separates_xor"] == "passed"


def test_bias_sign_mistake_is_caught():
    outcomes = run_specs("wrong_bias_sign",
                         "test_convergence.py::test_and_bias_dominates_one_input_not_two",
                         "test_determinism.py::test_initial_weights_follow_the_seed_convention")
    assert outcomes["test_and_bias_dominates_one_input_not_two"] == "failed"
    assert outcomes["test_initial_weights_follow_the_seed_convention"] == "skipped"
