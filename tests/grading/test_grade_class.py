"""grade-class on a small class: a correct folder, one that loops, one that crashes.

A few specs (--only) keep it cheap; the batch finishes whatever the folders do (the looping
one meets its per-call timeout, which counts the student's code only, never the child's
start-up), and each score must land where an instructor would put it.
"""
from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from labs.cli import main
from labs.grading.points import POINTS

FOLDERS = Path(__file__).resolve().parents[1] / "submissions" / "td1"
CLASS = ["correct_lists", "broken_loops_until_converged", "broken_segfault"]
ONLY = "truth_table or xor_error_stays_high"  # AND, OR (train) and XOR (loops forever there)


@pytest.mark.slow  # a grading end to end: seconds
def test_a_class_grades_in_bounded_time_with_reasons(tmp_path, capsys):
    root = tmp_path / "class"
    for name in CLASS:
        shutil.copytree(FOLDERS / name, root / name)
    (root / "not_a_student.txt").write_text("ignored: only folders are students")
    grades = tmp_path / "out" / "grades.csv"
    code = main(["grade-class", str(root), "--lab", "td1", "--csv", str(grades), "--jobs", "2",
                 "--call-timeout", "2", "--total-budget", "60", "--only", ONLY])
    assert code == 0
    rows = {row["student"]: row for row in csv.DictReader(grades.open())}
    assert sorted(rows) == sorted(CLASS)
    score = {name: float(row["score"]) for name, row in rows.items()}
    table = POINTS["td1"]["test_convergence.py::test_and_or_reproduce_the_truth_table"].points
    xor = POINTS["td1"]["test_xor.py::test_xor_error_stays_high"].points
    assert {float(row["max_score"]) for row in rows.values()} == {2 * table + xor}  # AND, OR, XOR
    assert score["correct_lists"] == 2 * table + xor
    assert score["broken_loops_until_converged"] == 2 * table  # AND and OR right, XOR never returns
    assert score["broken_segfault"] == 0
    assert "partial grade" in rows["correct_lists"]["note"]
    # one cause behind every failure is the note, once
    assert "failed for one reason" in rows["broken_segfault"]["note"]
    assert rows["broken_segfault"]["note"].count("SIGSEGV") == 1

    def output(student: str, spec: str) -> str:
        results = json.loads((tmp_path / "out" / "results" / student / "results.json").read_text())
        return next(t["output"] for t in results["tests"] if spec in t["name"])

    assert "`train`: timed out after 2 s" in output("broken_loops_until_converged",
                                                   "XOR: the error stays high")
    assert "killed by SIGSEGV" in output("broken_segfault", "truth table [AND]")
    assert output("correct_lists", "truth table [AND]").startswith("confirmed:")
    assert (tmp_path / "out" / "grades.png").stat().st_size > 5000
    assert "3 students graded" in capsys.readouterr().out


def test_bad_arguments_exit_2_with_one_line(tmp_path, capsys):
    assert main(["grade", str(tmp_path / "missing"), "--lab", "td1"]) == 2
    assert main(["grade", str(tmp_path), "--lab", "td9"]) == 2
    assert main(["grade", str(tmp_path), "--lab", "td1", "--call-timeout", "0"]) == 2
    assert main(["grade-class", str(tmp_path), "--lab", "td1", "--jobs", "0"]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 4 and all(line.startswith("error: ") for line in errors)
    assert "td9" in errors[1] and "td1" in errors[1] and "missing" in errors[0]
