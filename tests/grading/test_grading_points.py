"""The points table covers every spec of every lab it lists; a correct folder scores what it
should; feedback keeps hidden specs hidden."""
from __future__ import annotations

import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from labs.grading.grade import (Grade, GradedSpec, _apply_requirements, _graded, feedback_text,
                                 title, to_gradescope)
from labs.grading.points import ASKED_POINTS, POINTS, entry_for, points_for
from labs.grading.run import SpecOutcome, available_labs, run_specs
from labs.sandbox.limits import Limits

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ROOT / "tests" / "submissions" / "td1"


@lru_cache(maxsize=1)
def collected_lines() -> tuple[str, ...]:
    """Every spec id under specs/, from one collection (importing each lab's libraries once)."""
    listing = subprocess.run([sys.executable, "-m", "pytest", "specs", "--collect-only",
                              "-q", "-p", "no:cacheprovider",
                              "-o", "addopts=--import-mode=importlib"],
                             cwd=ROOT, capture_output=True, text=True)  # no clock: it ends
    return tuple(listing.stdout.splitlines())


def collected_specs(lab: str, spec_ids: tuple[str, ...] | None = None) -> list[str]:
    """The spec ids of one lab: from this session's collection when it collected every spec
    (``collected_spec_ids``), else from a collection of its own."""
    lines = spec_ids or collected_lines()
    specs = [line.removeprefix(f"specs/{lab}/") for line in lines
             if line.startswith(f"specs/{lab}/")]
    assert specs, f"no spec collected in specs/{lab}:\n{lines[-20:]}"
    return specs


@lru_cache(maxsize=None)
def correct_run() -> tuple[SpecOutcome, ...]:
    """Every spec of TD 1 on a correct example folder: one real grading run, shared."""
    return tuple(run_specs(FOLDERS / "correct_lists", "td1", Limits(call_timeout=60)).outcomes)


@pytest.mark.parametrize("lab", sorted(POINTS))
def test_every_spec_of_the_lab_has_points_and_every_entry_a_spec(lab, collected_spec_ids):
    assert lab in available_labs()
    specs = collected_specs(lab, collected_spec_ids)
    unlisted = [spec for spec in specs if entry_for(lab, spec) is None]
    assert not unlisted, (f"specs of {lab} without an entry in labs/grading/points.py (they "
                          f"would count the default point): {unlisted}")
    used = {entry_for(lab, spec) for spec in specs}
    stale = sorted(set(POINTS[lab]) - used)
    assert not stale, f"entries of labs/grading/points.py matching no spec of {lab}: {stale}"
    named = {r for points in POINTS[lab].values() for r in points.requires + points.after}
    assert named <= set(POINTS[lab]), f"requires/after name no entry: {named - set(POINTS[lab])}"


@pytest.mark.parametrize("lab", sorted(POINTS))
def test_every_lab_asks_100_points(lab, collected_spec_ids):
    specs = collected_specs(lab, collected_spec_ids)
    asked = sum(points_for(lab, spec).points for spec in specs if not points_for(lab, spec).bonus)
    assert asked == ASKED_POINTS


@pytest.mark.slow  # a run end to end in processes of its own: seconds
def test_a_correct_train_only_folder_gets_100_and_the_unasked_parts_are_bonus():
    outcomes = correct_run()  # correct_lists: train and weights.csv, nothing else
    graded = [_graded("td1", o) for o in outcomes]
    assert [g.title for g in graded if g.status == "failed"] == []
    lacking = {g.feedback for g in graded if g.status == "not provided"}
    # the child's words, quoted as the submission's
    assert lacking == {"bonus, not attempted: «perceptron.py has no `predict`»",
                       "bonus, not attempted: «perceptron.py has no `train_many`»",
                       "bonus, not attempted: «perceptron.py has no `train_mlp`»"}
    grade = Grade("correct_lists", "td1", graded)
    assert (grade.score, grade.max_score, grade.bonus) == (100, 100, 0)
    tests = {t["name"]: t for t in to_gradescope(grade)["tests"]}
    assert "status" not in tests["Bonus: a multi-layer perceptron learns XOR and XNOR"]
    # the bonus parts, passed, add on top and never enter the maximum
    bonus = [SpecOutcome("test_beyond_one_neuron.py::test_mlp_solves_xor", "passed")]
    with_bonus = Grade("b", "td1", graded + [_graded("td1", o) for o in bonus])
    assert (with_bonus.score, with_bonus.max_score, with_bonus.bonus) == (103, 100, 3)


def test_a_title_reads_as_words():
    assert title("test_convergence.py::test_and_bias_dominates[AND]",
                 "AND: the bias weight beats one input but not two.") == \
        "AND: the bias weight beats one input but not two [AND]"
    # without a docstring, the name in words
    assert title("test_convergence.py::test_and_bias_dominates[AND]") == \
        "convergence: and bias dominates [AND]"
    assert title("gan/test_noise.py::test_1d_noise") == "gan/noise: 1d noise"


def test_every_spec_has_a_title_for_students():
    """Each spec says what it checks in a sentence (its docstring): the feedback's title."""
    import ast

    untitled = []
    for path in sorted((ROOT / "specs").rglob("test_*.py")):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_") \
                    and not ast.get_docstring(node):
                untitled.append(f"{path.relative_to(ROOT)}::{node.name}")
    assert not untitled, f"specs without a docstring (their title would be their name): {untitled}"


def test_hidden_specs_count_but_their_details_stay_out_of_the_feedback():
    hidden = "test_report_table.py::test_report_table_row[AND, coeff 0.7, 1000 iterations]"
    assert POINTS["td1"][entry_for("td1", hidden)].hidden
    secret = "final error measured 0.5, report 0.010"
    grade = Grade("alice", "td1", [
        _graded("td1", SpecOutcome(hidden, "failed", secret)),
        _graded("td1", SpecOutcome("test_xor.py::test_xor_error_stays_high", "failed",
                                   "XOR's error should stay stuck near 0.6")),
        _graded("td1", SpecOutcome("test_weights_csv.py::test_weights_csv_round_trips",
                                   "skipped", "optional part not provided: no `read_weights_csv`")),
    ])
    text = feedback_text(grade)
    assert secret not in text and "(hidden)" in text and "stuck near 0.6" in text
    assert secret in feedback_text(grade, reveal_hidden=True)
    results = to_gradescope(grade)
    assert secret not in results["output"]
    by_name = {test["name"]: test for test in results["tests"]}
    assert by_name[title(hidden)]["visibility"] == "hidden"
    row_points = POINTS["td1"]["test_report_table.py::test_report_table_row"].points
    assert by_name[title(hidden)]["max_score"] == row_points and by_name[title(hidden)]["score"] == 0
    skipped = by_name["weights_csv: weights csv round trips"]  # no docstring given here
    assert skipped["status"] == "failed" and skipped["output"].startswith("not provided:")
    assert set(results) == {"score", "execution_time", "output", "tests", "extra_data"}
    assert set(skipped) == {"name", "score", "max_score", "status", "output", "visibility"}


def test_checks_a_constant_answer_passes_count_only_for_a_submission_that_trains():
    def grade_of(truth_table: str, seeds: str) -> dict[str, GradedSpec]:
        outcomes = [
            SpecOutcome("test_convergence.py::test_and_or_reproduce_the_truth_table[AND]",
                        truth_table, "AND should be learned"),
            SpecOutcome("test_determinism.py::test_different_seeds_different_initial_weights",
                        seeds, "seeds 0 and 1 should start from different random weights"),
            SpecOutcome("test_xor.py::test_xor_error_stays_high", "passed"),
            SpecOutcome("test_weights_csv.py::test_weights_csv_round_trips", "passed")]
        graded = [_graded("td1", o) for o in outcomes]
        _apply_requirements("td1", graded)
        return {g.spec.split("::")[1]: g for g in graded}

    constant = grade_of("failed", "failed")
    xor = constant["test_xor_error_stays_high"]
    assert xor.status == "gated" and xor.score == 0
    assert "an untrained or constant answer passes this check too" in xor.feedback
    csv_points = POINTS["td1"]["test_weights_csv.py::test_weights_csv_round_trips"].points
    assert constant["test_weights_csv_round_trips"].score == csv_points  # another function: no gate
    for trains in (grade_of("passed", "failed"), grade_of("failed", "passed")):
        assert trains["test_xor_error_stays_high"].status == "passed"
        assert trains["test_xor_error_stays_high"].score == POINTS["td1"][
            "test_xor.py::test_xor_error_stays_high"].points


@pytest.mark.slow  # a collection of every spec in a subprocess: what the shortcut saves
def test_this_sessions_collection_equals_a_collection_of_its_own(collected_spec_ids):
    if collected_spec_ids is None:
        pytest.skip("this run did not collect every spec (only a run of the whole suite does)")
    assert sorted(collected_spec_ids) == sorted(line for line in collected_lines()
                                                if line.startswith("specs/"))
