"""Weights follow the lab (issue 23): each lab's headline behaviours carry at least 15 points
in the default rubric, and a mistake in one is charged at that weight, once: the specs that
build on it are explained by it (out of the maximum), and nothing else is lost but the
checks a non-training answer passes too ("gated", docs/grading.md)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from labs.grading.grade import grade_outcomes
from labs.grading.points import HEADLINE_POINTS, HEADLINES, POINTS, lookup
from labs.grading.run import SpecOutcome
from tests.grading.test_grading_points import collected_specs

CASES = [(lab, name) for lab in sorted(HEADLINES) for name in HEADLINES[lab]]
LAB_NAMES = {"td1": "TD 1", "td2/gan": "TD 2 GAN", "td2/stylegan": "TD 2 StyleGAN", "td3": "TD 3"}
ROOT = Path(__file__).resolve().parents[2]


def lab_specs(lab: str, collected_spec_ids) -> list[str]:
    """Every spec of the lab (this session's collection in a whole-suite run: no cost)."""
    return collected_specs(lab, collected_spec_ids)


def headline_specs(lab: str, name: str, specs: list[str]) -> list[str]:
    keys = set(HEADLINES[lab][name])
    return [spec for spec in specs if lookup(lab, spec) and lookup(lab, spec)[1] in keys]


@pytest.mark.parametrize("lab, name", CASES)
def test_each_headline_weighs_at_least_15_points(lab, name, collected_spec_ids):
    specs = headline_specs(lab, name, lab_specs(lab, collected_spec_ids))
    assert specs, f"{lab}: no spec checks {name!r}"
    points = [POINTS[lab][lookup(lab, spec)[1]] for spec in specs]
    assert not any(p.bonus for p in points)
    assert sum(p.points for p in points) >= HEADLINE_POINTS, (lab, name, specs)


@pytest.mark.parametrize("lab, name", CASES)
def test_a_headline_mistake_is_charged_at_its_weight_once(lab, name, collected_spec_ids):
    """Every spec passes but the headline's, and those that build on it (they fail too)."""
    specs = lab_specs(lab, collected_spec_ids)
    wrong = set(headline_specs(lab, name, specs))
    keys = {lookup(lab, spec)[1] for spec in wrong}
    building = {spec for spec in specs if set(POINTS[lab][lookup(lab, spec)[1]].after) & keys}
    outcomes = [SpecOutcome(spec, "failed" if spec in wrong | building else "passed",
                            "the measured value is not the documented one")
                for spec in specs]
    grade = grade_outcomes("one mistake", lab, outcomes)
    charged = sum(s.max_score for s in grade.specs if s.status == "failed")
    weight = sum(POINTS[lab][lookup(lab, spec)[1]].points for spec in wrong)
    assert charged == weight >= HEADLINE_POINTS
    assert {s.spec for s in grade.specs if s.status == "explained"} == building
    unearned = {s.status for s in grade.specs if s.status not in ("passed", "not graded")}
    assert unearned <= {"failed", "explained", "gated"}
    assert grade.max_score - (grade.score - grade.bonus) == weight + sum(
        s.max_score for s in grade.specs if s.status == "gated")


@pytest.mark.parametrize("lab, name", CASES)
def test_the_weight_docs_grading_md_gives_each_headline_is_the_rubrics(lab, name, collected_spec_ids):
    """The table "Weights follow the lab" states each headline's points: those of the rubric."""
    text = (ROOT / "docs" / "grading.md").read_text(encoding="utf-8")
    short = name.split(" (")[0]
    rows = re.findall(rf"^\| {re.escape(LAB_NAMES[lab])} \| {re.escape(short)}[^|]* \| (\d+(?:\.\d+)?) \|",
                      text, re.MULTILINE)
    assert len(rows) == 1, f"docs/grading.md gives no (or two) weights for {lab}: {name!r}"
    specs = headline_specs(lab, name, lab_specs(lab, collected_spec_ids))
    assert float(rows[0]) == sum(POINTS[lab][lookup(lab, spec)[1]].points for spec in specs)
