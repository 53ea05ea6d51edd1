"""Points per spec, for every lab: the one table that says what a grade is made of.

A lab may be a part of one (``td2/stylegan``); grading the whole lab (``td2``) uses the
tables of its parts. Keys are spec ids relative to ``specs/<lab>/``: ``file.py::test_name``
gives those points to every parametrised case of the test, ``file.py::test_name[case]`` to
one case only (an exact key wins). A hidden spec counts in the score but its details are
withheld from the feedback (Gradescope ``visibility: hidden``). A spec that ``requires``
other entries counts only when at least one case of one of them passed: a check that a
constant answer also passes ("XOR's error stays high") earns nothing from a submission
that does not train at all. ``tests/grading/test_grading_points.py`` checks that every
collected spec of a lab in this table has an entry, and every entry a spec.
A lab with specs but no table here is graded at ``DEFAULT`` points per spec, with a
warning in its feedback.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Points:
    points: float
    hidden: bool = False
    requires: tuple[str, ...] = ()  # keys of the same table; one passing case of one suffices


DEFAULT = Points(1.0)

# TD 1: "the submission trains for real": it learns AND or OR, or its initial weights follow
# its seed. Neither holds for a function that returns constants.
_TRAINS = ("test_convergence.py::test_and_or_reproduce_the_truth_table",
           "test_determinism.py::test_different_seeds_different_initial_weights")


def if_trained(points: float, hidden: bool = False) -> Points:
    """TD 1 points that count only when the submission trains for real."""
    return Points(points, hidden, _TRAINS)


POINTS: dict[str, dict[str, Points]] = {
    "td1": {  # 100 points: 35 specs
        # AND and OR converge (28)
        "test_convergence.py::test_and_or_reproduce_the_truth_table": Points(4),
        "test_convergence.py::test_and_or_error_goes_to_about_0_01": if_trained(3),
        "test_convergence.py::test_symmetric_inputs_get_equal_weights": if_trained(2),
        "test_convergence.py::test_and_bias_dominates_one_input_not_two": if_trained(3),
        "test_convergence.py::test_or_each_input_beats_the_bias": if_trained(3),
        "test_convergence.py::test_weights_keep_growing_after_convergence": if_trained(2),
        # XOR stalls (15); the first spec checks a fact of the lab, not the submission
        "test_xor.py::test_no_single_neuron_separates_xor": Points(0),
        "test_xor.py::test_xor_final_weights_get_at_most_3_of_4_right": if_trained(4),
        "test_xor.py::test_xor_error_stays_high": if_trained(4),
        "test_xor.py::test_xor_weights_swing_within_every_iteration": if_trained(3),
        "test_xor.py::test_and_weights_settle_where_xor_swings": if_trained(4),
        # hyper-parameters (16)
        "test_hyperparameters.py::test_small_coeff_under_fits": if_trained(4),
        "test_hyperparameters.py::test_large_coeff_converges_at_once": if_trained(4),
        "test_hyperparameters.py::test_large_coeff_breaks_symmetry": if_trained(4),
        "test_hyperparameters.py::test_too_few_iterations_stop_before_convergence": if_trained(4),
        # the report's table, row by row: hidden, so that nobody tunes to the numbers (18)
        "test_report_table.py::test_report_table_row": if_trained(3, hidden=True),
        # determinism (8); a constant function is deterministic too, hence only 2 points there
        "test_determinism.py::test_same_seed_same_run_to_the_bit": if_trained(2),
        "test_determinism.py::test_different_seeds_different_initial_weights": Points(2),
        "test_determinism.py::test_initial_weights_follow_the_seed_convention": if_trained(4),
        # weights.csv (8)
        "test_weights_csv.py::test_weights_csv_round_trips": Points(2),
        "test_weights_csv.py::test_weights_csv_has_one_weight_per_line_w0_first": Points(2),
        "test_weights_csv.py::test_reader_rejects_a_malformed_file_clearly": Points(2),
        "test_weights_csv.py::test_reader_accepts_one_comma_separated_row": Points(2),
        # beyond one neuron (7)
        "test_beyond_one_neuron.py::test_mlp_solves_xor": Points(4),
        "test_beyond_one_neuron.py::test_predict_is_the_sigmoid_of_the_neuron": Points(2),
        "test_beyond_one_neuron.py::test_train_many_equals_separate_runs": Points(1),
    },
}

_CASE = re.compile(r"\[.*\]$")


def lookup(lab: str, spec: str) -> tuple[str, str] | None:
    """(the table, its key) that give ``spec`` its points, or None."""
    table = POINTS.get(lab, {})
    for key in (spec, _CASE.sub("", spec)):
        if key in table:
            return lab, key
    part, _, rest = spec.partition("/")  # "td2" + "stylegan/test_x.py::..." -> "td2/stylegan"
    return lookup(f"{lab}/{part}", rest) if rest and "::" not in part else None


def entry_for(lab: str, spec: str) -> str | None:
    """The key of the table that gives ``spec`` its points, or None when none does."""
    found = lookup(lab, spec)
    return None if found is None else found[1]


def points_for(lab: str, spec: str) -> Points:
    found = lookup(lab, spec)
    return DEFAULT if found is None else POINTS[found[0]][found[1]]


def markdown_table(lab: str) -> str:
    """The table of one lab as Markdown (for docs/grading.md)."""
    lines = ["| spec | points per case | hidden | counts only if trained |", "|---|---|---|---|"]
    lines += [f"| `{key}` | {p.points:g} | {'yes' if p.hidden else ''} | "
              f"{'yes' if p.requires else ''} |" for key, p in POINTS[lab].items()]
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    for lab in sys.argv[1:] or sorted(POINTS):
        print(f"{lab}:\n\n{markdown_table(lab)}\n")
