"""5:1 updates keep the discriminator ahead of 1:1 (the report: "update ratio: 1:1 can be
unstable; 5:1 keeps the discriminator ahead and its signal useful").

Runs: the gaussians preset with its discriminator on Adam 0.01, k = 1 and k = 5, 200 steps,
same seed. Measures over steps 20-200: the discriminator's mean loss (lower with 5:1) and
its mean accuracy (higher with 5:1, history ``d_accuracy``, optional in the contract). One
seed's gap is noisy (the smallest single-seed loss gap of a spec seed's three -0.008-0.165,
accuracy gap -0.082-0.165), so each spec averages the gap over three seeds: 3s, 3s+1, 3s+2
for spec seed s.

Calibration (spec seeds 0-23, i.e. run seeds 0-71; ``python -m labs.gan.calibrate --only
update_ratio``; Adam with TensorFlow.js's epsilon 1e-7): three-seed mean loss gap
0.034-0.330 (median 0.138); mean accuracy gap 0.0235-0.223 (median 0.080). Thresholds: loss
gap >= 0.01, accuracy gap >= 0.005 (3.4x and 4.7x below the smallest observed): the
direction must hold, with a margin.
"""
from __future__ import annotations

import numpy as np

from labs.gan.spec_cases import (UPDATE_RATIO_WINDOW, describe, update_ratio_run,
                                 update_ratio_seeds)

LOSS_GAP_AT_LEAST = 0.01
ACCURACY_GAP_AT_LEAST = 0.005


def _mean_gap(gan, spec_seed: int, metric: str, sign: float) -> tuple[float, list[str]]:
    gaps, names = [], []
    for seed in update_ratio_seeds(spec_seed):
        values = {}
        for k in (1, 5):
            config = update_ratio_run(k, seed)
            names.append(describe(config))
            values[k] = np.mean(gan.history(gan.train(config), metric, config)[UPDATE_RATIO_WINDOW])
        gaps.append(sign * (values[5] - values[1]))
    return float(np.mean(gaps)), names


def test_five_to_one_keeps_the_discriminator_loss_lower(gan, spec_seed):
    """5:1 updates keep the discriminator's loss lower than 1:1."""
    gap, names = _mean_gap(gan, spec_seed, "d_loss", -1.0)
    assert gap >= LOSS_GAP_AT_LEAST, (
        "5 discriminator updates per generator update should keep the discriminator ahead of "
        f"1:1: its mean loss over steps 20-200 should be lower; the 1:1 loss minus the 5:1 "
        f"loss, averaged over seeds {update_ratio_seeds(spec_seed)}, is {gap:.3f}, expected "
        f">= {LOSS_GAP_AT_LEAST} (runs: {names[0]} and the same with k_d=5)")


def test_five_to_one_keeps_the_discriminator_accuracy_higher(gan, spec_seed):
    """5:1 updates keep the discriminator's accuracy higher than 1:1."""
    gap, names = _mean_gap(gan, spec_seed, "d_accuracy", 1.0)
    assert gap >= ACCURACY_GAP_AT_LEAST, (
        "5 discriminator updates per generator update should keep the discriminator ahead of "
        f"1:1: its mean accuracy over steps 20-200 should be higher; the 5:1 accuracy minus "
        f"the 1:1 accuracy, averaged over seeds {update_ratio_seeds(spec_seed)}, is {gap:.3f}, "
        f"expected >= {ACCURACY_GAP_AT_LEAST} (runs: {names[0]} and the same with k_d=5)")
