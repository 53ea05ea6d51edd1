"""Every hyper-parameter of the GAN contract is observable: a submission that ignores or
swaps a field of the config fails a spec that names it (issue 24: mutation testing found
each of these slips passing every other spec).

Runs (``labs/gan/field_cases.py``): the ring preset for 20 steps (SGD both, k_d 3) with the
field under test set, the discriminator or the generator frozen (``k_d`` or ``k_g`` 0) where
that isolates the other; the losses on the gaussians preset's first 20 steps.

Calibration (``python -m labs.gan.calibrate --only field``; reference: spec seeds 0-23;
the example folder ``correct``, an independent torch implementation: seeds 0-19; gaps and
ratios are medians over 3 seeds):
- k_g = 0: the points moved by exactly 0 on every seed, both (deterministic: threshold 0).
- k_g and k_d counts: the paired runs (k = 2 for 10 steps against k = 1 for 20) agree to
  the bit on every seed, both (threshold 1e-6).
- d_lr: the fall of d_loss at 0.1 minus at 0.001: reference 0.10-1.13, correct 0.48-1.14
  (threshold 0.05); d_optimizer, Adam minus SGD: 0.50-1.21, correct 0.71-1.21
  (threshold 0.3). A swapped pair gives the negative, an ignored field exactly 0.
- g_lr: log10 of how much further the points move at 0.1 than at 0.001: 1.42-2.03, correct
  1.34-2.20 (threshold 0.5); g_optimizer, Adam against SGD: 0.72-2.05, correct
  1.04-1.98 (threshold 0.3).
- g_optimizer at random seeds (2026-12-07): the secret-offset calibration found both
  correct folders at a median of 0.287 (runs -0.019, 0.287, 1.61; offset 221927). Per run
  (``python -m labs.gan.calibrate --only field[g_optimizer] --runs``, log10 ratios):
  ``correct`` below 0.3 in 14 of 600 (spec seeds 940000-940199; smallest -0.043), the
  reference in 15 of 900 (950000-950299), ``correct_losses_without_logits`` in 2 of 300
  (960000-960099); 4 and 1 of those with points that never moved on either optimiser (a
  discriminator whose ReLUs are all dead for the generated points gives no gradient;
  counted as 0). The median of 3 would fall short in about 3 x 0.023^2 of spec seeds, once
  in 600, so the spec takes the largest of the 3 runs: ``correct`` 0.64 and up, the other
  0.85, the reference 0.77 (all three below 0.3 about once in 80,000 spec seeds). It still
  fails SGD always (exactly 0) and the optimisers swapped (at most 0.043, the negative of a
  correct run's smallest).
- g_layers 0 with 1-D noise: sigma2 / sigma1 of atanh(points) 2.5e-8 to 6.5e-7, correct
  1.7e-8 to 3.7e-7 (threshold 1e-5); g_neurons 1: 0 to 3.3e-5, correct 4e-16 to 1.5e-5
  (threshold 1e-3). A generator that keeps its hidden layers on 1-D noise makes a curve,
  which some seeds leave nearly straight after 20 steps: that slip fails on most seeds,
  not all (tests/mutation/test_gan_field_specs_fail.py shows it on seed 0).
- sample(n)'s noise: kurtosis along the line 1.73-1.84 uniform, 2.26-2.45 gaussian,
  correct 1.74-1.89 and 2.30-2.47 (exact 1.8 and 2.37; split at 2.05).
- Losses: log g_loss at least 0.55 and d_loss at least 0.43 (threshold 0: a sign slip is
  negative); minimax g_loss at most -0.20 (threshold 0); least squares d_loss at most 0.65
  over the first 20 steps (threshold 0.85; the log loss is 1.06-1.75 on the same run), its
  g_loss from 0.17 to 0.53 (thresholds 0 and 1, its bounds: a square's ``** 2`` written
  ``* 2`` is negative); correct: log at least 0.63 and 0.63,
  minimax at most -0.21, least squares at most 0.55 and 0.47.
- d_accuracy at batch 7: 3-19 steps of 20 at inner multiples of 1/14, every step a
  multiple, correct 5-19 (threshold 1). At random seeds (2026-12-07) the secret-offset
  calibration found the reference at 0 (offset 945126: the discriminator right on every
  point at every step, 14/14 throughout). Per run (``python -m labs.gan.calibrate --only
  field[batch_size]``, one run per spec seed): no inner step in 8 of 1,000 runs of the
  reference (spec seeds 970000-970999), 1 of 300 of ``correct`` (980000-980299), 5 of 600
  of ``correct_losses_without_logits`` (990000-990599). The reference's 8 read 1/2 at
  every step (7) or 1/2 then 1 (1): a discriminator that calls every point the same, or
  is right on all, never a step that is not a multiple. So the spec reads 2 more runs (seeds from
  ``batch_retry_seeds``) when the first has no inner step, and takes the largest: all
  three short about 0.009^3 of spec seeds, once in a million. Batch size ignored (k / 300)
  still fails every run; tests/claims/test_new_specs_can_fail.py shows it after the retry.
  After 20 steps of Adam against a frozen
  generator 0.85-1.0, correct 0.997-1.0 (threshold 0.75; an inverted accuracy is at
  most 0.15).
"""
from __future__ import annotations

import pytest

from labs.gan.field_cases import FIELD_EXPERIMENTS
from labs.gan.spec_cases import check


def holds(gan, name: str, spec_seed: int) -> None:
    ok, message = check(gan, f"field[{name}]", spec_seed, FIELD_EXPERIMENTS)
    assert ok, message


@pytest.mark.parametrize("field", ["k_g_zero", "k_g", "k_d", "d_lr", "d_optimizer", "g_lr",
                                   "g_optimizer"])
def test_each_field_changes_what_it_should(gan, spec_seed, field):
    """Each of k_g, k_d, d_lr, d_optimizer, g_lr, g_optimizer acts on the network it names.

    Fails on: a config field ignored or swapped: k_d ignored, d_lr and g_lr swapped, always SGD
    (tests/mutation/test_gan_field_specs_fail.py)."""
    holds(gan, field, spec_seed)


@pytest.mark.parametrize("field", ["g_layers", "g_neurons"])
def test_generator_sizes_shape_the_points(gan, spec_seed, field):
    """The generator has the configured layers and neurons (a straight line where they say so).

    Fails on: g_layers or g_neurons ignored (the preset's hidden layers kept: a curve, not a
    line, on most seeds; tests/mutation/test_gan_field_specs_fail.py)."""
    holds(gan, field, spec_seed)


@pytest.mark.parametrize("kind", ["uniform", "gaussian"])
def test_sample_draws_the_configured_noise(gan, spec_seed, kind):
    """sample(n) draws the configured noise kind and dimension.

    Fails on: sample(n) that always draws uniform noise, or always gaussian
    (tests/mutation/test_gan_field_specs_fail.py)."""
    holds(gan, f"noise={kind}", spec_seed)


@pytest.mark.parametrize("loss", ["log", "minimax", "least_squares"])
def test_reported_losses_follow_their_formulas(gan, spec_seed, loss):
    """The reported d_loss and g_loss are the configured loss's, with its sign and range.

    Fails on: log(1 - D) reported as the generator's log loss, or a sign dropped; the loss field
    ignored; a least-squares loss summed, or (D - 1) * 2 for (D - 1) ** 2
    (tests/mutation/test_gan_field_specs_fail.py)."""
    names = {"log": ["loss=log", "loss=log, d"], "minimax": ["loss=minimax"],
             "least_squares": ["loss=least_squares", "loss=least_squares, g",
                               "loss=least_squares, g >= 0"]}[loss]
    for name in names:
        holds(gan, name, spec_seed)


def test_accuracy_counts_the_configured_batch(gan, spec_seed):
    """d_accuracy counts the points of a batch of the configured size (an asked metric).

    Fails on: batch_size ignored (accuracy counted over 150 points whatever the config;
    tests/mutation/test_gan_field_specs_fail.py)."""
    holds(gan, "batch_size", spec_seed)


def test_accuracy_is_high_once_the_discriminator_has_learnt(gan, spec_seed):
    """d_accuracy is high, not inverted, once the discriminator has learnt (an asked metric).

    Fails on: an inverted accuracy, 1 - accuracy (tests/mutation/test_gan_field_specs_fail.py)."""
    holds(gan, "accuracy", spec_seed)
