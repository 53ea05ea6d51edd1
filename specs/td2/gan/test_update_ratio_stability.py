"""1:1 updates are less stable than 5:1, and 5:1 gives the generator clearer guidance (the
report's reading; the discriminator staying ahead with 5:1 is asserted by
``test_update_ratio.py``).

Runs: the gaussians preset with its discriminator on Adam 0.01, k = 1 and k = 5
discriminator updates per generator update, same seed; 100, 133, 166 and 200 steps (the JS
divergence of the generated points after each, ``spec_cases.js_to_real``).

Calibration (seeds 0-23):
- stability: the spread (sd) of JS over those four lengths is larger with 1:1 on 8 of 24
  seeds (median ratio 1:1 / 5:1 0.89); the sd of the generator's loss over steps 20-200 is
  larger with 1:1 on 7 of 24, the discriminator's on 14 of 24, and the coefficient of
  variation of the generator's gradient norm on 2 of 24. With 1:1 the generator mostly stays
  where it started (JS 0.55-0.91, median 0.87): nothing moves, so nothing oscillates.
- guidance: JS after 200 steps is lower with 5:1 on 15 of 24 seeds (mean 0.70 against 0.84);
  averaged over three seeds the gap is positive on 7 of 8 triples (-0.08 to 0.27).
Neither holds run by run: expected failures with these numbers, not run.
"""
from __future__ import annotations

import numpy as np
import pytest

from labs.gan.spec_cases import describe, js_to_real, update_ratio_run

LENGTHS = (100, 133, 166, 200)


def _js(gan, k: int, seed: int, steps: int) -> float:
    run = dict(update_ratio_run(k, seed), steps=steps, eval_every=steps)
    return js_to_real(gan.train(run)["samples"], "gaussians")


@pytest.mark.xfail(run=False, reason=(
    "not reproduced: the spread of JS over 100-200 steps is larger with 1:1 on 8 of 24 seeds "
    "(median ratio 1:1 / 5:1 0.89); the generator's loss varies more with 1:1 on 7 of 24"))
def test_one_to_one_is_less_stable_than_five_to_one(gan, spec_seed):
    """1:1 updates are less stable than 5:1 (the report's reading).

    Fails on: 1:1 runs that vary no more than 5:1 ones, as 16 of 24 faithful runs do (an expected
    failure: the report's reading is not reproduced)."""
    spread = {k: float(np.std([_js(gan, k, spec_seed, n) for n in LENGTHS])) for k in (1, 5)}
    assert spread[1] > spread[5], (
        "1:1 updates should be less stable than 5:1: the JS divergence should move more "
        f"between 100 and 200 steps; sd {spread[1]:.3f} (1:1) against {spread[5]:.3f} (5:1) "
        f"for {describe(update_ratio_run(1, spec_seed))} and k = 5")


@pytest.mark.xfail(run=False, reason=(
    "not reproduced run by run: JS after 200 steps is lower with 5:1 on 15 of 24 seeds "
    "(mean 0.70 against 0.84 with 1:1)"))
def test_five_to_one_gives_the_generator_clearer_guidance(gan, spec_seed):
    """5:1 updates give the generator clearer guidance (the report's reading).

    Fails on: 5:1 runs that end no closer to the data than 1:1, as 9 of 24 faithful runs do (an
    expected failure: not reproduced run by run)."""
    one, five = (_js(gan, k, spec_seed, LENGTHS[-1]) for k in (1, 5))
    assert five < one, (
        "with 5:1 the discriminator's signal should guide the generator closer to the real "
        f"points than 1:1; JS after 200 steps {five:.3f} (5:1) against {one:.3f} (1:1) for "
        f"{describe(update_ratio_run(5, spec_seed))}")
