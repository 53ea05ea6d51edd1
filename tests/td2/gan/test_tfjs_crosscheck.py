"""This package trains exactly as GAN Lab: replayed against trajectories recorded from GAN
Lab's training step in TensorFlow.js (``labs.gan.tfjs_crosscheck``, Node 20, tfjs 4.22),
started from the same weights and atlases.

Recorded deviations (max over every step's loss and the weights after each recorded step):
SGD ring preset, 200 steps: weights 9.2e-7, losses 6.0e-7; Adam + least squares, 50 steps:
weights 2.3e-5, losses 4.7e-6. That is float32 rounding (summation order), which a GAN
amplifies slowly: by 1,000 steps runs drift apart (disjoint preset: 0.9), so the check stops
at 200 (SGD) and 50 (Adam, whose normalised steps amplify it faster). Tolerances keep 10x.
"""
from __future__ import annotations

import json

import numpy as np
import pytest

from labs.gan.config import config_from
from labs.gan.tfjs_crosscheck import golden_path, run_here

CASES = {"ring": 1e-5, "gaussians_adam_least_squares": 3e-4}


@pytest.mark.parametrize("name", CASES)
def test_training_matches_ganlab_tensorflow_js(name):
    recorded = json.loads(golden_path(name, 0).read_text())
    config = config_from(recorded["config"])
    ours = run_here(config, config.steps, recorded["weights_after"])
    tolerance = CASES[name]
    np.testing.assert_allclose(ours["d_loss"], recorded["d_loss"], rtol=0, atol=tolerance,
                               err_msg="discriminator loss per step vs GAN Lab (TensorFlow.js)")
    np.testing.assert_allclose(ours["g_loss"], recorded["g_loss"], rtol=0, atol=tolerance,
                               err_msg="generator loss per step vs GAN Lab (TensorFlow.js)")
    for step in recorded["weights_after"]:
        for side in ("g_params", "d_params"):
            for index, (mine, theirs) in enumerate(zip(ours["weights"][str(step)][side],
                                                       recorded["weights"][str(step)][side])):
                np.testing.assert_allclose(mine, theirs, rtol=0, atol=tolerance,
                                           err_msg=f"{side}[{index}] after {step} steps")
