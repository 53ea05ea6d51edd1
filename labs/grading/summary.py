"""The grade at the end of ``pytest specs/<lab> --submission DIR``: the student's own check
tells the same story as the grader (issue 23).

``labs.suite.plugin`` records each spec's outcome as the grader does (``labs.suite.outcomes``)
and, at the end of the run, prints what ``python -m labs grade DIR --lab LAB`` would give for
the specs that ran: the points by the default rubric, and what is asked but missing. It
also rewrites the skip of a missing part to read as missing, with its points, at the spec.
"""
from __future__ import annotations

from typing import Any

from labs.grading.grade import Grade, grade_outcomes
from labs.grading.points import POINTS, lookup, points_for, tables_of
from labs.grading.run import SpecOutcome
from labs.suite.client import MISSING


def _lab_and_spec(nodeid: str) -> tuple[str, str] | None:
    """``specs/td1/test_xor.py::t`` -> ("td1", "test_xor.py::t"); None outside specs/."""
    if not nodeid.startswith("specs/"):
        return None
    lab, _, spec = nodeid.removeprefix("specs/").partition("/")
    return (lab, spec) if spec else None


def skip_reason(nodeid: str, reason: str) -> str:
    """A missing part's skip, as the student reads it: asked (with the points lost) or bonus."""
    found = _lab_and_spec(nodeid)
    if found is None or not reason.startswith(MISSING):
        return reason
    points = points_for(*found)
    rest = reason.removeprefix(MISSING)
    if points.bonus:
        return f"bonus, not attempted ({_points(points.points)} on top when done): {rest}"
    return f"missing: asked by the lab, {_points(points.points)} lost: {rest}"


def _points(points: float) -> str:
    return f"{points:g} point{'' if points == 1 else 's'}"


def grades(results: dict[str, dict[str, Any]], collected: list[str], student: str) -> list[Grade]:
    """The grade of each lab whose specs ran, from the outcomes the recorder kept."""
    by_lab: dict[str, list[SpecOutcome]] = {}
    for nodeid in collected:
        found = _lab_and_spec(nodeid)
        if found is None or not tables_of(found[0]):
            continue
        result = results.get(nodeid)
        outcome = (SpecOutcome(found[1], "failed", "not run (the run ended before it)")
                   if result is None else
                   SpecOutcome(found[1], result["outcome"], result["message"], result["doc"],
                               result["machine"], result["duration"]))
        by_lab.setdefault(found[0], []).append(outcome)
    return [grade_outcomes(student, lab, outcomes) for lab, outcomes in sorted(by_lab.items())]


def summary_lines(grade: Grade, folder: str) -> list[str]:
    """The grade in a few lines: score, then the asked parts missing with their points."""
    percent = 100 * grade.score / grade.max_score if grade.max_score else 0.0
    bonus = f", of which {grade.bonus:g} bonus" if grade.bonus else ""
    ran = {lookup(grade.lab, spec.spec) for spec in grade.specs}
    every = {(table, key) for table in tables_of(grade.lab) for key, points in POINTS[table].items()
             if "[" not in key}
    partial = "" if every <= ran else " (only the specs this run collected; the grader runs them all)"
    lines = [f"{grade.lab}: {grade.score:g} / {grade.max_score:g} points ({percent:.0f}%{bonus}) "
             f"by the default rubric{partial}: what `python -m labs grade {folder} --lab "
             f"{grade.lab}` gives"]
    missing: dict[str, float] = {}
    for spec in grade.specs:
        if spec.status == "not provided" and not spec.bonus:
            reason = spec.feedback.removeprefix("not provided: ").split("; the lab asks", 1)[0]
            missing[reason] = missing.get(reason, 0.0) + spec.max_score
    lines += [f"  asked but missing, {_points(points)}: {reason}" for reason, points in missing.items()]
    counts = {status: sum(1 for s in grade.specs if s.status == status)
              for status in ("passed", "failed", "gated", "explained")}
    lines.append("  specs: " + ", ".join(f"{n} {status}" for status, n in counts.items() if n)
                 + " (the grader lists each with its points)")
    return lines
