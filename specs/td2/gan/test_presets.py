"""Training with GAN Lab's presets lowers the JS divergence well below its starting value.

JS: GAN Lab's 30 x 30 grid estimate (bits) between 1,500 generated points (``run.sample``)
and 1,500 real points the spec draws itself; "start" is the same configuration with 0 steps.
A typical run, not every run: the spec reads the largest drop over 2 seeds
(``preset_seeds``: 2 x spec seed + 0, 1, trained together) and, when neither drops 0.1 bit,
over 2 more (``preset_retry_seeds``: 4,000,000 + the same), because single runs barely
train now and then: GAN Lab's own ring preset fails on about one seed in 24 (its
discriminator's ReLUs die and its surface goes flat; its drop is then about 0). That is GAN
Lab's behaviour, not this package's: ``tests/td2/gan/test_tfjs_crosscheck.py`` shows the
training equal to GAN Lab's TensorFlow.js step to float32 rounding. The runs and the
threshold: ``labs.gan.spec_cases.EXPERIMENTS["presets[...]"]``.

Calibration (``python -m labs.gan.calibrate --only presets [--submission FOLDER]``: spec
seeds 0-23, so runs 0-47), mean drop over 2 seeds after 300 steps (the first rule):

| preset | reference | example folder ``correct`` | reference, runs 0-71 in 36 pairs |
|---|---|---|---|
| gaussians | 0.180-0.510 | 0.158-0.582 | from 0.140 |
| ring | 0.250-0.616 | 0.161-0.619 | from 0.250 |
| line | 0.315-0.700 | 0.263-0.705 | from 0.315 |

That rule, a mean drop of at least 0.1 bit, false-failed the reference at secret offset
256499 (gaussians: drops 0.113 and 0.034, mean 0.073). Single runs over many seeds,
2026-12-07 (runs 2s and 2s+1, drop below 0.1 bit / runs):

| preset | reference, spec seeds 900000-900199 | ``correct``, 910000-910099 |
|---|---|---|
| gaussians | 33 / 400 (from -0.039) | 19 / 200 (from -0.042) |
| ring | 12 / 400 (from 0.021) | 10 / 200 (from 0.000) |
| line | 12 / 400 (from -0.146) | 5 / 200 (from -0.077) |

Under the mean of 2, the reference's gaussians fell below 0.1 at 4 of these 200 spec seeds
(2%), its ring and line at 1 each, ``correct``'s gaussians and ring at 1 of 100 each. Under
the largest of 2, the reference's gaussians fell below it at 3 of 200 (1.5%, smallest 0.034;
independent runs would give (33/400)^2 = 0.7%), nothing else did. Hence the second pair,
trained only then: both pairs short happens in about (3/200)^2 of spec seeds, once in 4,000,
for the gaussians preset on the reference, and less often elsewhere. Threshold: a largest
drop of at least 0.1 bit (``PRESET_DROP``). A generator that never steps drops by exactly 0
in every run, and one that minimises the wrong term does not drop either: both fail
(``tests/td2/gan/test_student_folders.py``). The first calibration, 500 steps and the median
over 3 seeds, had gaussians 0.209-0.596, ring 0.152-0.655, line 0.426-0.803 (reference).
Disjoint is an expected failure, not run: no configuration of GAN Lab's options found by a
search (26 configurations x 24 seeds, 500 to 2,000 steps; best: 9 of 24 seeds dropping
< 0.1) lowers it reliably (median drop over 3 seeds after 500 steps -0.028 to 0.260), and
GAN Lab's own disjoint configuration is not in the source this project read.
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
    """Training with a preset lowers the JS divergence.

    Fails on: a generator that never steps, or minimises the wrong term
    (tests/submissions/td2_gan/wrong_generator_never_steps,
    tests/submissions/td2_gan/wrong_generator_minimises_the_wrong_term)."""
    holds, message = check(gan, f"presets[{preset}]", spec_seed)
    assert holds, message
