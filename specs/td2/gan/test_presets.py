"""Training with GAN Lab's presets lowers the JS divergence well below its starting value.

JS: GAN Lab's 30 x 30 grid estimate (bits) between 1,500 generated points (``run.sample``)
and 1,500 real points the spec draws itself; "start" is the same configuration with 0 steps.

Calibration (seeds 0-23, 500 steps; ``python -m labs.gan.calibrate --only presets``):

| preset | JS start | JS after 500 steps | drop (start - end) | seeds dropping < 0.1 |
|---|---|---|---|---|
| gaussians | 0.64-0.92 (median 0.89) | 0.24-0.75 (median 0.39) | 0.138-0.654 | 0 of 24 |
| ring | 0.78-0.95 | 0.27-0.93 (median 0.41) | 0.026-0.678 | 1 of 24 |
| line | 0.87-0.98 | 0.55-0.98 (median 0.90) | -0.006-0.430 | 15 of 24 |
| disjoint | 0.96-0.98 | 0.50-0.98 (median 0.84) | -0.014-0.475 | 10 of 24 |

Threshold (gaussians): a drop of at least 0.1 bit (1.4x below the smallest observed, seed 1;
the next smallest is 0.2). Measured again with ``labs.gan.sweep`` at 2,000 steps: ring, line
and disjoint still leave 1, 7 and 5 of 24 seeds dropping by less than 0.1. The other
presets do not lower the JS reliably in 500 steps with GAN Lab's SGD settings (the
discriminator's ReLUs die in some seeds and its surface goes flat, or the generator stalls on
part of the shape), so they are expected failures, not run: a spec failing on some seeds
would be flaky. ``python -m labs reproduce td2`` shows all four at 1,000 steps.
"""
from __future__ import annotations

import pytest

from labs.gan.spec_cases import describe, js_to_real, preset_run

DROP_AT_LEAST = 0.1
NOT_RELIABLE = {
    "ring": "ring preset: after 500 steps JS 0.27-0.93 over seeds 0-23 (start 0.95), seed 7 "
            "drops by only 0.026: the discriminator's ReLUs die and its surface goes flat",
    "line": "line preset: after 500 steps JS 0.55-0.98 (median 0.90, start 0.98), 15 of 24 "
            "seeds drop by less than 0.1: with learning rates 0.03 / 0.01 and 5 neurons the "
            "generator rarely fits the thin line",
    "disjoint": "disjoint preset: after 500 steps JS 0.50-0.98 (median 0.84, start 0.98), 10 "
                "of 24 seeds drop by less than 0.1",
}


@pytest.mark.parametrize("preset", [
    "gaussians",
    *[pytest.param(name, marks=pytest.mark.xfail(reason=reason, run=False))
      for name, reason in NOT_RELIABLE.items()],
])
def test_training_with_a_preset_lowers_the_js_divergence(gan, spec_seed, preset):
    trained = preset_run(preset, spec_seed)
    start = js_to_real(gan.train(preset_run(preset, spec_seed, steps=0))["samples"], preset)
    end = js_to_real(gan.train(trained)["samples"], preset)
    assert start - end >= DROP_AT_LEAST, (
        f"training with GAN Lab's {preset} preset should lower the JS divergence well below "
        f"its starting value; {describe(trained)} went from {start:.3f} to {end:.3f} bits, "
        f"expected a drop of at least {DROP_AT_LEAST}")
