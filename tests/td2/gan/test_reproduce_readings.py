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


def test_the_noise_kind_reading_gives_the_inputs_shares_in_its_own_words():
    from labs.gan.reproduce import READINGS

    rows = {"uniform noise": {"JS end": 0.26, "noise in the centre box": 0.24},
            "gaussian noise": {"JS end": 0.32, "noise in the centre box": 0.51}}
    text = READINGS["noise_kind"](rows)
    assert "24% of uniform and 51% of gaussian" in text and "shown in this run" in text
    assert "above" not in text  # it once pointed at shares printed nowhere


def test_the_generator_size_reading_says_how_many_larger_generators_got_lower():
    from labs.gan.reproduce import READINGS

    rows = {"G: no hidden layer": {"JS min": 0.5}, "G: preset 2 x 10": {"JS min": 0.3},
            "G: 4 x 40": {"JS min": 0.48}}
    assert "in this run one of the two larger generators" in READINGS["generator_size"](rows)
