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

from labs.gan.spec_cases import check


def test_losses_are_log_losses_not_shares(gan, spec_seed):
    """The losses are log losses, not shares of detected points.

    Fails on: losses reported as shares of a batch of 150 points, as the report describes them
    (tests/claims/test_new_specs_can_fail.py)."""
    for name in ("losses_log", "losses_not_shares"):
        holds, message = check(gan, name, spec_seed)
        assert holds, message
