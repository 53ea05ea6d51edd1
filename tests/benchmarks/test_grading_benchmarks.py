"""Grading benchmarks (``pytest --benchmark``; skipped in the everyday run).

Grading one TD 1 folder end to end: the lab's specs run sandboxed on the submission, then
points are given.
"""
from __future__ import annotations

from pathlib import Path

from labs.grading.grade import grade_folder

CORRECT_FOLDER = Path(__file__).resolve().parents[1] / "submissions" / "td1" / "correct_lists"


def test_grade_one_td1_folder(benchmark):
    grade = benchmark.pedantic(grade_folder, args=(CORRECT_FOLDER, "td1"), rounds=3, iterations=1)
    assert grade.score > 0
    assert not [spec.spec for spec in grade.specs if spec.status == "failed"]
    benchmark.extra_info.update(specs=len(grade.specs), score=grade.score,
                                max_score=grade.max_score)
