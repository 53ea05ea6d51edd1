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

from labs.grading.points import POINTS, Points, Rubric, entry_for, lookup, points_for
from labs.grading.record import grading_record
from labs.grading.run import PROJECT_ROOT, SpecOutcome, run_specs
from labs.grading.seeds import draw_spec_seed
from labs.sandbox import isolation, untrusted
from labs.sandbox.limits import Limits, limits_for
from labs.suite.client import MISSING

HIDDEN_NOTE = "hidden spec: its details are withheld"
CALL_FAILED = "calling the submission failed: "
SEE_ABOVE = "failed for the reason given at the top: "


@dataclass
class GradedSpec:
    spec: str  # id relative to specs/<lab>/
    title: str
    status: str  # "passed", "failed", "not provided", "not graded", "gated" or "explained"
    score: float
    max_score: float
    hidden: bool
    feedback: str  # what it confirmed, or why it failed, in words
    bonus: bool = False


@dataclass
class Grade:
    student: str
    lab: str
    specs: list[GradedSpec] = field(default_factory=list)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    causes: list[str] = field(default_factory=list)  # one failure behind several specs
    notes: list[str] = field(default_factory=list)  # what the grader did to the folder
    spec_seed: int = 0  # the seed offset the specs ran with (labs.grading.seeds)
    sandbox: str = ""  # the isolation level its child ran under (labs.sandbox.isolation)
    record: dict[str, Any] = field(default_factory=dict)  # labs.grading.record

    @property
    def score(self) -> float:
        return sum(spec.score for spec in self.specs)

    @property
    def max_score(self) -> float:
        """The points asked (bonus specs are never in the maximum)."""
        return sum(spec.max_score for spec in self.specs)

    @property
    def bonus(self) -> float:
        return sum(spec.score for spec in self.specs if spec.bonus)

    @property
    def note(self) -> str:
        """One line for the class's CSV: what went wrong everywhere, and warnings."""
        return "; ".join(self.causes + self.notes + self.warnings)


def title(spec: str, doc: str = "") -> str:
    """What a spec checks, for a student: its docstring's first line, else its name in
    words ('test_xor.py::test_xor_error_stays_high[AND]' -> 'xor: xor error stays high
    [AND]'); a parametrised case keeps its case."""
    path, _, function = spec.partition("::")
    case = re.search(r"\[.*\]$", function)
    function = function[:case.start()] if case else function
    suffix = f" {case.group()}" if case else ""
    if doc.strip():
        return doc.strip().rstrip(".") + suffix
    where = re.sub(r"(^|/)test_", r"\1", path.removesuffix(".py"))
    words = function.removeprefix("test_").replace("_", " ")
    return f"{where}: {words}{suffix}"


_SITE = re.compile(r"\S*/(?:site|dist)-packages/(\S+)")
_LIBRARY_WARNING = re.compile(r"^.*(?:site|dist)-packages/.*(?:Warning|warn)\b.*$|"
                              r"^\s*warnings\.warn\(.*$", re.MULTILINE)


def clean(text: str, failures: Path | None = None) -> str:
    """Feedback without the grader's paths or other libraries' warnings: a student sees
    names of their own files and of the failure images handed back with the grade."""
    text = _LIBRARY_WARNING.sub("", text)
    if failures is not None:
        text = text.replace(str(failures) + "/", "").replace(str(failures), ".")
    text = text.replace(str(PROJECT_ROOT / "golden-failures") + "/", "")
    text = re.sub(r"golden value [\w./-]+:(\S+)", r"value \1 (the reference's)", text)
    text = text.replace(str(PROJECT_ROOT) + "/", "")
    text = _SITE.sub(r"\1", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _graded(lab: str, outcome: SpecOutcome, rubric: Rubric = POINTS,
            failures: Path | None = None) -> GradedSpec:
    points = points_for(lab, outcome.spec, rubric)
    name = title(outcome.spec, outcome.doc)
    worth = 0.0 if points.bonus else points.points  # in the maximum
    message = clean(outcome.message, failures)

    def graded(status: str, score: float, maximum: float, feedback: str) -> GradedSpec:
        return GradedSpec(outcome.spec, name, status, score, maximum, points.hidden,
                          feedback, points.bonus)

    if points.points == 0 and outcome.outcome != "failed":
        # a fact of the lab, the project's own tools, an expected failure: never "earned"
        said = {"passed": "it holds", "skipped": "skipped"}[outcome.outcome]
        return graded("not graded", 0.0, 0.0, f"not graded, worth no points ({said})"
                      + (f": {message}" if message else ""))
    if outcome.outcome == "passed":
        return graded("passed", points.points, worth, "confirmed: " + name)
    if outcome.outcome == "skipped" and outcome.machine:
        return graded("not graded", 0.0, 0.0, f"not graded on this machine: {message}")
    if outcome.outcome == "skipped":
        return graded("not provided", 0.0, worth, missing_feedback(message, points))
    if points.points == 0:
        return graded("not graded", 0.0, 0.0, "not graded (worth no points): "
                      + (message or "failed"))
    return graded("failed", 0.0, worth, message or "failed (no reason given)")


def missing_feedback(message: str, points: Points) -> str:
    """What a spec of a part the submission lacks says: asked (what the lab asks, and the
    points it carries per case) or bonus (never lost)."""
    reason = message.removeprefix(MISSING)
    if points.bonus:
        return f"bonus, not attempted: {reason}"
    return (f"not provided: {reason}; the lab asks for it, {points.points:g} "
            f"point{'' if points.points == 1 else 's'} lost")


def _apply_requirements(lab: str, graded: list[GradedSpec], rubric: Rubric = POINTS) -> None:
    """Zero the passed specs whose ``requires`` saw no passing case; take a failure that an
    ``after`` spec's failure explains out of the maximum, saying so."""
    passed = {lookup(lab, g.spec, rubric) for g in graded if g.status == "passed"}
    answered_wrong = {lookup(lab, g.spec, rubric): g.title for g in graded
                      if g.status == "failed" and not g.feedback.startswith(CALL_FAILED)}
    for spec in graded:
        found = lookup(lab, spec.spec, rubric)
        if found is None:
            continue
        table, key = found
        entry = rubric[table][key]
        if spec.status == "passed" and entry.requires and \
                not any((table, r) in passed for r in entry.requires):
            spec.status, spec.score = "gated", 0.0
            spec.feedback = ("its check passed, but it counts only for a submission that "
                             "passes one of: " + "; ".join(_titled(graded, lab, table, r, rubric)
                                                            for r in entry.requires) +
                             " (an untrained or constant answer passes this check too)")
        causes = [answered_wrong[(table, a)] for a in entry.after if (table, a) in answered_wrong]
        if spec.status == "failed" and causes:
            spec.status, spec.max_score = "explained", 0.0
            spec.feedback = (f"not counted: it builds on \"{causes[0]}\", which failed and is "
                             f"charged there. Its own message: {spec.feedback}")


def _titled(graded: list[GradedSpec], lab: str, table: str, key: str, rubric: Rubric) -> str:
    """The student's title of a table entry (from a graded case of it, else from its key)."""
    for spec in graded:
        if lookup(lab, spec.spec, rubric) == (table, key):
            return re.sub(r" \[.*\]$", "", spec.title)
    return title(key)


def _cause(feedback: str) -> str:
    """The part of a failure's message that another spec's failure could share."""
    return feedback.removeprefix(CALL_FAILED).split("\n--- ", 1)[0].strip()


def _collect_causes(grade: Grade) -> None:
    """A failure of the submission's code shared by several specs (an import error, a
    missing function, a timeout) is said once, at the top; each spec then points there."""
    counts: dict[str, int] = {}
    for spec in grade.specs:
        if spec.status == "failed" and spec.feedback.startswith(CALL_FAILED):
            counts[_cause(spec.feedback)] = counts.get(_cause(spec.feedback), 0) + 1
    shared = [cause for cause, count in counts.items() if count >= 2]
    for spec in grade.specs:
        if spec.status == "failed" and spec.feedback.startswith(CALL_FAILED) and \
                _cause(spec.feedback) in shared:
            first = _cause(spec.feedback).splitlines()[0]
            spec.feedback = SEE_ABOVE + (first if len(first) <= 100 else first[:97] + "...")
    for cause in shared:
        count = counts[cause]
        grade.causes.append(f"{count} specs failed for one reason: {cause}")


def grade_outcomes(student: str, lab: str, outcomes: list[SpecOutcome], seconds: float = 0.0,
                   rubric: Rubric = POINTS, failures: Path | None = None) -> Grade:
    """Points and feedback from the specs' outcomes (what ``grade_folder`` does after the run)."""
    grade = Grade(student, lab, [_graded(lab, o, rubric, failures) for o in outcomes], seconds)
    _apply_requirements(lab, grade.specs, rubric)
    _collect_causes(grade)
    return grade


def grade_folder(folder: Path, lab: str, limits: Limits | None = None,
                 hide: list[Path] = (), select: str | None = None,
                 rubric: Rubric = POINTS, failures: Path | None = None,
                 spec_seed: int | None = None) -> Grade:
    """Run ``lab``'s specs on ``folder`` (sandboxed) and grade each one.

    ``limits``: default, the lab's (``labs.sandbox.limits``); ``hide``: more folders the
    submission must not read (the grader's output); ``select``: a pytest ``-k`` expression
    for a partial regrade (the grade says so); ``rubric``: the points (default, the
    project's table); ``failures``: this student's folder for failure images;
    ``spec_seed``: the seed offset (default: a fresh secret one, ``labs.grading.seeds``).
    """
    folder = Path(folder)
    if spec_seed is None:
        spec_seed = draw_spec_seed()
    run = run_specs(folder, lab, limits or limits_for(lab), hide, select, failures, spec_seed)
    grade = grade_outcomes(untrusted.name(folder.name), lab, run.outcomes, run.seconds, rubric,
                           failures)
    grade.spec_seed = spec_seed
    grade.sandbox = isolation.level()
    grade.record = grading_record(run)
    grade.notes += run.notes
    unlisted = [o.spec for o in run.outcomes if entry_for(lab, o.spec, rubric) is None]
    if unlisted:
        grade.warnings.append(
            f"{len(unlisted)} spec(s) of {lab} have no entry in the points table and "
            f"count {points_for(lab, unlisted[0], rubric).points:g} point each: "
            + ", ".join(unlisted[:5])
            + (f" and {len(unlisted) - 5} more" if len(unlisted) > 5 else ""))
    grade.warnings += [f"left out of the submission (not copied, never read): {entry}"
                       for entry in run.left_out]
    if select:
        grade.warnings.append(f"partial grade: only the specs matching -k {select!r}")
    if run.stopped:
        grade.warnings.append(run.stopped)
    return grade


_MARKS = {"passed": "PASS", "failed": "FAIL", "not provided": "SKIP", "not graded": " -- ",
          "gated": "GATE", "explained": "FAIL (see the spec it builds on)"}


def _line(spec: GradedSpec, reveal_hidden: bool) -> str:
    worth = f"{spec.score:g} bonus" if spec.bonus else f"{spec.score:g}/{spec.max_score:g}"
    shown = "" if spec.status in ("not graded", "explained") else worth
    head = f"{_MARKS[spec.status]} {shown}  {spec.title}"
    if spec.hidden and not reveal_hidden:
        return f"{head} (hidden)"
    if spec.status == "passed":
        return head  # the title already says what it confirmed
    if spec.feedback.startswith(SEE_ABOVE):
        return f"{head} (the reason at the top)"  # said once, not once per spec
    detail = spec.feedback.replace("\n", "\n        ")
    return f"{head}{' (hidden)' if spec.hidden else ''}\n        {detail}"


def feedback_text(grade: Grade, reveal_hidden: bool = False) -> str:
    """The readable summary: score, what went wrong everywhere, then each spec with its
    points and reason; the specs not graded come last, in one line each."""
    percent = 100 * grade.score / grade.max_score if grade.max_score else 0.0
    bonus = f", of which {grade.bonus:g} bonus" if grade.bonus else ""
    lines = [f"{grade.lab} grade for {grade.student}: {grade.score:g} / {grade.max_score:g} "
             f"points ({percent:.0f}%{bonus}), specs run in {grade.seconds:.1f} s "
             f"with seed offset {grade.spec_seed}"]
    lines += [f"reason: {cause}" for cause in grade.causes]
    lines += [f"note: {note}" for note in grade.notes]
    lines += [f"warning: {w}" for w in grade.warnings]
    order = sorted(grade.specs, key=lambda s: (s.status == "not graded", s.bonus))  # stable
    lines += [_line(spec, reveal_hidden) for spec in order]
    return "\n".join(lines)


def to_gradescope(grade: Grade) -> dict[str, Any]:
    """Gradescope's results.json: hidden specs keep their details, visibility 'hidden'; a
    bonus spec has max_score 0 (Gradescope adds its score on top of the maximum)."""
    return {
        "score": grade.score,
        "execution_time": round(grade.seconds),
        "output": feedback_text(grade),
        "tests": [_gradescope_test(spec) for spec in grade.specs],
        # `grade --spec-seed N` reproduces it; the rest: labs.grading.record
        "extra_data": {"spec_seed": grade.spec_seed, "sandbox": grade.sandbox, **grade.record},
    }


def _gradescope_test(spec: GradedSpec) -> dict[str, Any]:
    test = {"name": spec.title, "score": spec.score, "max_score": spec.max_score,
            "status": "passed" if spec.status in ("passed", "not graded") else "failed",
            "output": spec.feedback, "visibility": "hidden" if spec.hidden else "visible"}
    if spec.bonus and spec.status == "not provided":
        del test["status"]  # a bonus not attempted is not a failure (the status is optional)
    return test
