"""``reproduce td2``'s summary never calls a generator collapsed to a point "a curve"."""
from __future__ import annotations

from labs.gan.reproduce import READINGS


def rows(extent: float) -> dict[str, dict[str, float]]:
    return {"1-D noise": {"flatness": 0.0, "extent": extent},
            "2-D noise": {"flatness": 0.5, "extent": 0.3}}


def test_a_collapsed_one_dimensional_generator_is_not_shown():
    reading = READINGS["noise_dimension"](rows(0.0))
    assert "NOT shown in this run: the 1-D generator collapsed to a point" in reading
    assert "extent 0.000" in reading


def test_a_curve_is_shown():
    reading = READINGS["noise_dimension"](rows(0.3))
    assert "shown in this run" in reading and "NOT" not in reading
