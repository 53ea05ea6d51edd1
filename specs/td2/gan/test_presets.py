"""Training with GAN Lab's presets lowers the JS divergence well below its starting value.

JS: GAN Lab's 30 x 30 grid estimate (bits) between 1,500 generated points (``run.sample``)
and 1,500 real points the spec draws itself; "start" is the same configuration with 0 steps.
A typical run, not every run: the spec reads the median drop over 3 seeds
(``preset_seeds``: 3 x spec seed + 0, 1, 2), because GAN Lab's own ring preset fails on about
one seed in 24 (its discriminator's ReLUs die and its surface goes flat). That is GAN Lab's
behaviour, not this package's: ``tests/td2/gan/test_tfjs_crosscheck.py`` shows the training
equal to GAN Lab's TensorFlow.js step to float32 rounding.

Calibration (``python -m labs.gan.calibrate --only presets``: spec seeds 0-23, so runs 0-71,
500 steps):

| preset | median JS start | median JS end | median drop over 3 seeds | single runs dropping < 0.1 |
|---|---|---|---|---|
| gaussians | 0.887-0.905 | 0.294-0.681 | 0.209-0.596 | 1 of 72 |
| ring | 0.804-0.951 | 0.297-0.799 | 0.152-0.655 | 2 of 72 |
| line | 0.947-0.981 | 0.135-0.546 | 0.426-0.803 | 2 of 72 |
| disjoint | 0.941-0.982 | 0.721-0.954 | -0.028-0.260 (9 of 24 below 0.1) | 1 of 3 typical |

Threshold: a median drop of at least 0.1 bit (ring's smallest, 0.152, keeps 1.5x). Disjoint is
an expected failure, not run: no configuration of GAN Lab's options found by a search (26
configurations x 24 seeds, 500 to 2,000 steps; best: 9 of 24 seeds dropping < 0.1) lowers it
reliably, and GAN Lab's own disjoint configuration is not in the source this project read.
"""
from __future__ import annotations

import pytest

from labs.gan.spec_cases import check

NOT_REPRODUCED = {
    "disjoint": "disjoint preset: median drop over 3 seeds -0.028 to 0.260 (9 of 24 groups "
                "below 0.1; runs 0-71, 500 steps); no GAN Lab setting found that does better",
}


@pytest.mark.parametrize("preset", [
    "gaussians", "ring", "line",
    *[pytest.param(name, marks=pytest.mark.xfail(reason=reason, run=False))
      for name, reason in NOT_REPRODUCED.items()],
])
def test_training_with_a_preset_lowers_the_js_divergence(gan, spec_seed, preset):
    """Training with a preset lowers the JS divergence."""
    holds, message = check(gan, f"presets[{preset}]", spec_seed)
    assert holds, message
