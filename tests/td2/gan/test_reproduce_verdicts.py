"""``reproduce td2``'s verdicts are the specs' own: for the same seed, "shown" exactly where
the spec passes, "NOT shown" exactly where it fails.

The spec functions are called directly (as ``tests/claims`` does) with the same runs the
summary reads: the reference through its contract, and a generator collapsed to a point."""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest

from labs.gan.contract import GAN
from labs.gan.reproduce import verdicts
from labs.gan.spec_cases import EXPERIMENTS
from labs.suite.submission import ReferenceSubmission

SPECS = Path(__file__).resolve().parents[3] / "specs" / "td2" / "gan"
FAILS = (AssertionError, pytest.fail.Exception)


@lru_cache(maxsize=None)
def spec_function(spec: str):
    """The test function a spec id names ("test_x.py::test_y[p]"), and its parameter."""
    path, _, name = spec.partition("::")
    name, _, parameter = name.partition("[")
    location = SPECS / path
    module_spec = importlib.util.spec_from_file_location(f"gan_spec_{location.stem}", location)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return getattr(module, name), parameter.rstrip("]")


def spec_passes(spec: str, runs, seed: int) -> bool:
    function, parameter = spec_function(spec)
    arguments = (runs, seed) + ((int(parameter) if parameter.isdigit() else parameter,)
                                if parameter else ())
    try:
        function(*arguments)
    except FAILS:
        return False
    return True


def agree(runs, names: tuple[str, ...], seed: int) -> list[str]:
    """Each spec's outcome, and reproduce's verdicts for it: they must agree."""
    found = verdicts(runs, names, seed)
    for spec in {v.experiment.spec for v in found}:
        shown = all(v.holds for v in found if v.experiment.spec == spec)
        assert spec_passes(spec, runs, seed) == shown, spec
    return [v.words for v in found]


CHEAP = ("noise_centre[1]", "noise_centre[2]", "losses_log", "losses_not_shares",
         "weak_fooled", "weak_poor", "strong_discriminator")


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.slow  # a run end to end in processes of its own: seconds
def test_on_the_reference_the_summary_shows_what_the_specs_pass(seed):
    runs = GAN.of(ReferenceSubmission())
    assert agree(runs, CHEAP, seed) == ["shown"] * len(CHEAP)


class Collapsed:
    """Every run's points on one spot, its losses and gradient norms constant."""

    def train_seeds(self, config, seeds):
        steps = config["steps"]
        flat = {name: np.full(steps, value) for name, value in
                (("d_loss", 1.35), ("g_loss", 0.69), ("g_grad_norm", 0.1), ("d_accuracy", 0.5))}
        return [{"samples": np.full((1500, 2), 0.5), "history": dict(flat)} for _ in seeds]

    def history(self, run, name):
        return run["history"][name]


def test_on_a_collapsed_generator_both_say_not_shown():
    names = ("noise_1d_extent", "strong_discriminator", "update_ratio_loss",
             "update_ratio_accuracy", "lr_balance", *(f"presets[{p}]" for p in ("ring", "line")))
    assert agree(Collapsed(), names, 0) == ["NOT shown"] * len(names)


def test_every_verdict_names_a_spec_that_exists():
    for experiment in EXPERIMENTS.values():
        assert callable(spec_function(experiment.spec)[0]), experiment.spec
