"""The student's own check tells the grader's story (issue 23): a missing asked part's skip
reads as missing with its points, and ``pytest specs/<lab> --submission DIR`` ends with the
grade ``python -m labs grade`` gives."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from labs.grading.grade import grade_folder, grade_outcomes
from labs.grading.points import POINTS
from labs.grading.run import SpecOutcome
from labs.grading.summary import skip_reason, summary_lines
from labs.suite.client import MISSING

ROOT = Path(__file__).resolve().parents[2]
TUPLE_FOLDER = ROOT / "tests" / "submissions" / "td1" / "correct_tuple_mapped"  # no history, no CSV
CSV_SPEC = "test_weights_csv.py::test_weights_csv_round_trips"


def test_a_missing_asked_part_reads_as_missing_with_its_points():
    reason = skip_reason(f"specs/td1/{CSV_SPEC}", f"{MISSING}tp1.py has no `read_weights_csv`")
    points = POINTS["td1"][CSV_SPEC].points
    assert reason == f"missing: asked by the lab, {points:g} points lost: tp1.py has no `read_weights_csv`"
    bonus = skip_reason("specs/td1/test_beyond_one_neuron.py::test_mlp_solves_xor",
                        f"{MISSING}tp1.py has no `train_mlp`")
    assert bonus.startswith("bonus, not attempted") and "lost" not in bonus


def test_the_summary_gives_the_score_and_the_asked_parts_missing_with_their_points():
    outcomes = [SpecOutcome("test_convergence.py::test_and_or_reproduce_the_truth_table[AND]", "passed"),
                SpecOutcome(CSV_SPEC, "skipped", f"{MISSING}tp1.py has no `read_weights_csv`")]
    grade = grade_outcomes("alice", "td1", outcomes)
    lines = summary_lines(grade, "alice")
    table = POINTS["td1"]["test_convergence.py::test_and_or_reproduce_the_truth_table"].points
    csv = POINTS["td1"][CSV_SPEC].points
    assert lines[0].startswith(f"td1: {table:g} / {table + csv:g} points")
    assert "only the specs this run collected" in lines[0]  # not the whole lab
    assert f"asked but missing, {csv:g} points: tp1.py has no `read_weights_csv`" in lines[1]


@pytest.mark.slow  # a pytest run and a grading run of one folder, each with its sandboxed child
def test_the_pytest_run_ends_with_the_graders_grade():
    run = subprocess.run([sys.executable, "-m", "pytest", "specs/td1", "--submission", str(TUPLE_FOLDER),
                          "-q", "-p", "no:cacheprovider", "-n", "0"],
                         cwd=ROOT, capture_output=True, text=True)  # no clock: it ends
    grade = grade_folder(TUPLE_FOLDER, "td1")
    tail = run.stdout.split("grade: what the grader gives this folder", 1)[1]
    assert f"td1: {grade.score:g} / {grade.max_score:g} points" in tail
    assert "asked but missing" in tail and "weight_history" in tail and "write_weights_csv" in tail
    assert "optional part not provided" not in run.stdout
