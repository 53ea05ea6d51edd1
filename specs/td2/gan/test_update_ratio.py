"""5:1 updates keep the discriminator ahead of 1:1 (the report: "update ratio: 1:1 can be
unstable; 5:1 keeps the discriminator ahead and its signal useful").

Runs: the gaussians preset with its discriminator on Adam 0.01, k = 1 and k = 5, 200 steps,
same seed. Measures over steps 20-200: the discriminator's mean loss (lower with 5:1) and
its mean accuracy (higher with 5:1, history ``d_accuracy``, asked by the contract). One
seed's gap is noisy, and an independently written correct GAN (the example folder
``correct``) reverses it on about 1 run in 20 (run seed 22: loss gap -0.449), so each spec
takes the median gap over five seeds: 5s to 5s+4 for spec seed s, trained together
(``labs.gan.spec_cases.EXPERIMENTS["update_ratio_loss"]``, ``["update_ratio_accuracy"]``).
(A mean over three seeds failed that correct folder on 2 of 33 spec seeds.) The median
proved too weak in its turn (below), and each spec now takes the largest gap over the five
seeds, and over five more (5 x 10^6 + the same) when none reaches its threshold.

Calibration (spec seeds 0-19, i.e. run seeds 0-99; Adam with TensorFlow.js's epsilon 1e-7;
five-seed median gaps, loss / accuracy): reference 0.038-0.203 / 0.035-0.165; example
folder ``correct`` 0.029-0.185 / 0.0125-0.159; ``correct_losses_without_logits`` (losses
on probabilities) 0.029-0.248 / 0.0128-0.143. Thresholds: loss gap >= 0.01, accuracy gap
>= 0.005 (2.9x and 2.5x below the smallest observed): the direction must hold, with a
margin. Shorter runs were tried and left: over steps 20-150 the example folder
``correct``'s accuracy gap went to -0.0004 and -0.03 on spec seeds 16 and 19; over steps
20-100 the reference's loss gap to -0.008 on spec seed 22.

At random seeds (2026-12-07): the secret-offset calibration found
``correct_losses_without_logits`` with a median loss gap of -0.004 at offset 386813 (gaps
-0.24 to 0.083). Per run (``python -m labs.gan.calibrate --only update_ratio_loss
update_ratio_accuracy --runs``), the share of runs below the threshold: loss, reference
23 of 400 (5.8%, spec seeds 970000-970079), ``correct_losses_without_logits`` 21 of 200
(10.5%, 980000-980039), ``correct`` 3 of 150 (2%, 990000-990029); accuracy, reference 54
of 400 (13.5%), the others 29 of 200 (14.5%) and 12 of 150 (8%). With 13.5% of runs short,
the median of five falls short on about 2% of spec seeds (2 of the reference's 80 did);
the largest of five and five more on about 0.145^10 (4e-9), never in practice. The
largest gap over the first five: reference at least 0.053 (loss) and 0.046 (accuracy),
``correct_losses_without_logits`` 0.089 and 0.064, ``correct`` 0.089 and 0.070. It still
fails k_d ignored (every gap exactly 0, after the retry: tests/claims/test_new_specs_can_fail.py).
"""
from __future__ import annotations

from labs.gan.spec_cases import check


def test_five_to_one_keeps_the_discriminator_loss_lower(gan, spec_seed):
    """5:1 updates keep the discriminator's loss lower than 1:1.

    Fails on: k_d ignored, one discriminator update per step whatever the config
    (tests/submissions/td2_gan/wrong_untruncated_noise_round_ring_one_d_update)."""
    holds, message = check(gan, "update_ratio_loss", spec_seed)
    assert holds, message


def test_five_to_one_keeps_the_discriminator_accuracy_higher(gan, spec_seed):
    """5:1 updates keep the discriminator's accuracy higher than 1:1.

    Fails on: k_d ignored, one discriminator update per step whatever the config (the two runs
    are then the same: no gap)."""
    holds, message = check(gan, "update_ratio_accuracy", spec_seed)
    assert holds, message
