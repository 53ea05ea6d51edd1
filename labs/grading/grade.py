"""One folder's grade: spec outcomes turned into points and feedback in plain words.

``grade_folder`` is the entry point a benchmark or the commands call; ``to_gradescope``
writes Gradescope's ``results.json`` schema; ``feedback_text`` is the summary a student
may read (hidden specs: outcome and points only).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from labs.grading.limits import limits_for
from labs.grading.points import POINTS, entry_for, lookup, points_for
from labs.grading.run import SpecOutcome, run_specs
from labs.suite.child import Limits

HIDDEN_NOTE = "hidden spec: its details are withheld"


@dataclass
class GradedSpec:
    spec: str  # id relative to specs/<lab>/
    title: str
    status: str  # "passed", "failed", "not provided", "not graded" or "gated"
    score: float
    max_score: float
    hidden: bool
    feedback: str  # what it confirmed, or why it failed, in words


@dataclass
class Grade:
    student: str
    lab: str
    specs: list[GradedSpec] = field(default_factory=list)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return sum(spec.score for spec in self.specs)

    @property
    def max_score(self) -> float:
        return sum(spec.max_score for spec in self.specs)


def title(spec: str) -> str:
    """'test_convergence.py::test_and_bias[AND]' -> 'convergence: and bias [AND]'."""
    path, _, function = spec.partition("::")
    case = re.search(r"\[.*\]$", function)
    function = function[:case.start()] if case else function
    where = re.sub(r"(^|/)test_", r"\1", path.removesuffix(".py"))
    words = function.removeprefix("test_").replace("_", " ")
    return f"{where}: {words}" + (f" {case.group()}" if case else "")


def _graded(lab: str, outcome: SpecOutcome) -> GradedSpec:
    points = points_for(lab, outcome.spec)
    name = title(outcome.spec)
    if outcome.outcome == "passed":
        claim = outcome.doc or name.partition(": ")[2]
        return GradedSpec(outcome.spec, name, "passed", points.points, points.points,
                          points.hidden, "confirmed: " + claim)
    if outcome.outcome == "skipped" and (outcome.gpu or points.points == 0):
        where = " on this machine" if outcome.gpu else " (worth no points)"
        return GradedSpec(outcome.spec, name, "not graded", 0.0, 0.0, points.hidden,
                          f"not graded{where}: {outcome.message}")
    if outcome.outcome == "skipped":
        reason = outcome.message.removeprefix("optional part not provided: ")
        return GradedSpec(outcome.spec, name, "not provided", 0.0, points.points,
                          points.hidden, f"not provided: {reason}")
    return GradedSpec(outcome.spec, name, "failed", 0.0, points.points, points.hidden,
                      outcome.message or "failed (no reason given)")


def _apply_requirements(lab: str, graded: list[GradedSpec]) -> None:
    """Zero the passed specs whose ``requires`` (points table) saw no passing case."""
    passed = {lookup(lab, g.spec) for g in graded if g.status == "passed"}
    for spec in graded:
        found = lookup(lab, spec.spec)
        if spec.status != "passed" or found is None:
            continue
        table, key = found
        requires = POINTS[table][key].requires
        if requires and not any((table, r) in passed for r in requires):
            spec.status, spec.score = "gated", 0.0
            spec.feedback = ("its check passed, but it counts only for a submission that "
                             "passes one of: " + "; ".join(title(r) for r in requires) +
                             " (a constant answer passes this check too)")


def grade_folder(folder: Path, lab: str, limits: Limits | None = None,
                 hide: list[Path] = (), select: str | None = None) -> Grade:
    """Run ``lab``'s specs on ``folder`` (sandboxed) and grade each one.

    ``limits``: default, the lab's (``labs.grading.limits``); ``hide``: more folders the
    submission must not read (the grader's output); ``select``: a pytest ``-k`` expression
    for a partial regrade (the grade says so).
    """
    folder = Path(folder)
    run = run_specs(folder, lab, limits or limits_for(lab), hide, select)
    grade = Grade(folder.name, lab, [_graded(lab, o) for o in run.outcomes], run.seconds)
    _apply_requirements(lab, grade.specs)
    unlisted = [o.spec for o in run.outcomes if entry_for(lab, o.spec) is None]
    if unlisted:
        grade.warnings.append(
            f"{len(unlisted)} spec(s) of {lab} have no entry in labs/grading/points.py and "
            f"count {points_for(lab, unlisted[0]).points:g} point each: " + ", ".join(unlisted[:5])
            + (f" and {len(unlisted) - 5} more" if len(unlisted) > 5 else ""))
    grade.warnings += [f"left out of the submission (not copied, never read): {entry}"
                       for entry in run.left_out]
    if select:
        grade.warnings.append(f"partial grade: only the specs matching -k {select!r}")
    if run.stopped:
        grade.warnings.append(run.stopped)
    return grade


def _line(spec: GradedSpec, reveal_hidden: bool) -> str:
    mark = {"passed": "PASS", "failed": "FAIL", "not provided": "SKIP", "not graded": " -- ",
            "gated": "GATE"}
    head = f"{mark[spec.status]} {spec.score:g}/{spec.max_score:g}  {spec.title}"
    if spec.hidden and not reveal_hidden:
        return f"{head} (hidden)"
    if spec.status == "passed" and spec.feedback == "confirmed: " + spec.title.partition(": ")[2]:
        return head  # the title already says what it confirmed
    detail = spec.feedback.replace("\n", "\n        ")
    return f"{head}{' (hidden)' if spec.hidden else ''}\n        {detail}"


def feedback_text(grade: Grade, reveal_hidden: bool = False) -> str:
    """The readable summary: score, then each spec with its points and reason."""
    percent = 100 * grade.score / grade.max_score if grade.max_score else 0.0
    lines = [f"{grade.lab} grade for {grade.student}: {grade.score:g} / {grade.max_score:g} "
             f"points ({percent:.0f}%), specs run in {grade.seconds:.1f} s"]
    lines += [f"warning: {w}" for w in grade.warnings]
    lines += [_line(spec, reveal_hidden) for spec in grade.specs]
    return "\n".join(lines)


def to_gradescope(grade: Grade) -> dict[str, Any]:
    """Gradescope's results.json: hidden specs keep their details, visibility 'hidden'."""
    return {
        "score": grade.score,
        "execution_time": round(grade.seconds),
        "output": feedback_text(grade),
        "tests": [{"name": spec.title,
                   "score": spec.score,
                   "max_score": spec.max_score,
                   "status": "passed" if spec.status in ("passed", "not graded") else "failed",
                   "output": spec.feedback,
                   "visibility": "hidden" if spec.hidden else "visible"} for spec in grade.specs],
    }
