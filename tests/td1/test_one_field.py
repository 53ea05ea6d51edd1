"""One field, its specs only (issue 23): folders that differ from a correct one in one field
of ``train``'s result fail only the specs that read that field, each saying what it expected.

Each folder is ``tests/submissions/td1/correct_lists`` with its ``train`` wrapped to change one
field. Marked slow: one pytest process and one sandboxed child per folder (2-4 s each)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from labs.suite import spec_runs

ROOT = Path(__file__).resolve().parents[2]
CORRECT = ROOT / "tests" / "submissions" / "td1" / "correct_lists" / "perceptron.py"
SPECS = ROOT / "specs" / "td1"

# what each folder does to one field of a correct result (plain lists: result["..."])
CHANGES = {
    "history_per_iteration": "r['weight_history'] = r['weight_history'][::4]",  # n + 1 rows
    "history_per_iteration_no_initial": "r['weight_history'] = r['weight_history'][4::4]",  # n rows
    "history_nan": "r['weight_history'][-1] = [float('nan')] * 3",
    "history_text": "r['weight_history'] = 'see the figure'",
    "errors_one_too_many": "r['errors'] = r['errors'] + [0.0]",
    "errors_missing": "del r['errors']",
}
# the specs that need one row per update: the swings within an iteration
PER_UPDATE = {"test_xor_weights_swing_within_every_iteration",
              "test_and_weights_settle_where_xor_swings",
              "test_fifty_iterations_leave_small_oscillating_weights"}
# the specs that read the initial weights from weight_history
READS_INITIAL = {"test_initial_weights_follow_the_seed_convention",
                 "test_weights_grow_fastest_in_the_first_200_iterations"}
READS_HISTORY = PER_UPDATE | READS_INITIAL | {
    "test_weights_keep_growing_after_convergence[AND]",
    "test_weights_keep_growing_after_convergence[OR]",
    "test_small_coeff_weights_grow_steadily", "test_large_coeff_weights_jump_within_two_iterations",
    "test_bias_weight_stays_above_the_input_weights"}


@lru_cache(maxsize=None)
def outcomes(change: str, tmp_root: Path) -> dict[str, str]:
    folder = tmp_root / change
    folder.mkdir()
    (folder / "perceptron.py").write_text(
        CORRECT.read_text() + "\n\n_train = train\n\n\n"
        "def train(desired, coeff=0.7, iterations=1000, seed=None):\n"
        "    r = _train(desired, coeff, iterations, seed)\n"
        f"    {CHANGES[change]}\n"
        "    return r\n")
    return spec_runs.run_specs([str(SPECS)], folder)


def failed(change: str, tmp_path_factory) -> set[str]:
    root = tmp_path_factory.getbasetemp() / "one_field"
    root.mkdir(exist_ok=True)
    return {name for name, outcome in outcomes(change, root).items() if outcome == "failed"}


@pytest.mark.slow
def test_one_row_per_iteration_costs_only_the_specs_reading_within_an_iteration(tmp_path_factory):
    """The report's own granularity, iterations + 1 rows: 43 passed before, 12/100 graded."""
    assert failed("history_per_iteration", tmp_path_factory) == PER_UPDATE


@pytest.mark.slow
def test_one_row_per_iteration_without_the_initial_weights(tmp_path_factory):
    assert failed("history_per_iteration_no_initial", tmp_path_factory) == PER_UPDATE | READS_INITIAL


@pytest.mark.slow
@pytest.mark.parametrize("change", ["history_nan", "history_text"])
def test_a_bad_history_fails_only_the_specs_reading_it(tmp_path_factory, change):
    assert failed(change, tmp_path_factory) == READS_HISTORY


@pytest.mark.slow
@pytest.mark.parametrize("change", ["errors_one_too_many", "errors_missing"])
def test_bad_errors_fail_only_the_specs_reading_them(tmp_path_factory, change):
    lost = failed(change, tmp_path_factory)
    assert "test_and_or_error_goes_to_about_0_01[AND]" in lost and "test_xor_error_stays_high" in lost
    assert not lost & READS_HISTORY
    for kept in ("test_and_or_reproduce_the_truth_table[AND]", "test_symmetric_inputs_get_equal_weights[OR]",
                 "test_xor_final_weights_get_at_most_3_of_4_right",
                 "test_different_seeds_different_initial_weights"):
        assert kept not in lost
