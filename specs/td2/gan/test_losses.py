"""What GAN Lab's losses are. The report describes them as counts: the generator's loss the
share of fake points the discriminator detects, the discriminator's the share it misses.
They are log losses (cross-entropies): the discriminator's is
-(0.95 log D(x) + log(1 - D(G(z)))) averaged over the batch (the real term weighted 0.95,
one-sided label smoothing), the generator's -log D(G(z)). A discriminator answering 0.5
everywhere has loss 1.95 ln 2 = 1.35, more than any share of points can be (at most 1), and
a share of a batch of 150 points is a multiple of 1/150, which a log loss almost never is.

Run: the gaussians preset, 20 steps (one seed). Measure: the discriminator's largest loss
over those steps, and the share of steps whose losses are multiples of 1/150.

Calibration (seeds 0-47): largest discriminator loss over the first 20 steps 1.055-1.747;
no step of any seed had a loss that is a multiple of 1/150. Thresholds: largest loss > 1
(a share never is), and at most half of the steps share-like.
"""
from __future__ import annotations

import numpy as np

from labs.gan.spec_cases import config, describe

BATCH = 150


def _share_like(values: np.ndarray) -> float:
    return float(np.mean(np.abs(values * BATCH - np.round(values * BATCH)) < 1e-6))


def test_losses_are_log_losses_not_shares(gan, spec_seed):
    run_config = config("gaussians", steps=20, seed=spec_seed, eval_every=20)
    history = gan.train(run_config)["history"]
    d_loss, g_loss = history["d_loss"], history["g_loss"]
    assert d_loss.max() > 1.0, (
        "the discriminator's loss should be a log loss (about 1.95 ln 2 = 1.35 for a "
        "discriminator that cannot yet tell real from fake), not a share of points (at most "
        f"1); over the first 20 steps of {describe(run_config)} its largest value is "
        f"{d_loss.max():.3f}")
    share_like = max(_share_like(d_loss), _share_like(g_loss))
    assert share_like <= 0.5, (
        "the losses should be log losses, not counts of points divided by the batch of "
        f"{BATCH}; {share_like:.0%} of the first 20 steps of {describe(run_config)} have "
        "losses that are multiples of 1/150")
