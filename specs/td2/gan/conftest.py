"""TD 2 (GAN Lab) fixtures: the GAN contract's client bound to the code under test.

Secret seed offsets (``python -m labs calibrate-offsets td2/gan``, offsets drawn as the
grader draws them; the reference, ``correct`` and ``correct_losses_without_logits`` graded
at each). 2026-12-06: the reference alone, 0 of 40 offsets lost a point. 2026-12-07, in
turn, each false fail found leading to a new rule (each spec's docstring has its numbers,
and the per-run sweep behind it): ``test_two_dimensional_noise_fills_the_region`` (offsets
867921, then 240564), ``test_weak_discriminator_is_fooled_while_samples_stay_poor``
(542069), the presets spec (256499), ``test_unbalanced_learning_rates_train_worse``
(387390), ``test_strong_discriminator_starves_the_generator_with_the_saturating_loss``
(219554), ``test_each_field_changes_what_it_should[g_optimizer]`` (221927) and the two
update-ratio specs (386813). On commit 5d5d98b (``--jobs 2``), 124 offsets: points lost
at one, 945126, by the reference on ``test_accuracy_counts_the_configured_batch`` (its one
run's discriminator was right on every point at every step), since mended (2 more runs
when the first has none: that spec's docstring) and passing there. Before them, on commit
c481f9f, 26 offsets lost points at 386813 and 240564 only (since mended, and passing
there). On the final rules (commit 2ad9a67, ``--jobs 2``), 56 more offsets in 5,190 s: no
point lost. Every rule changed since c481f9f passes wherever the earlier one passed (a
largest over more runs is at least the median, or the largest, over fewer), so the earlier
clean offsets stand: 206 offsets, 0 false fails on the final rules, exact 95% upper bound
1.4%. The given-weights specs (``test_given_weights.py``, added after) are calibrated over
400 spec seeds in their own docstring.
"""
from __future__ import annotations

import pytest

from labs.gan.contract import GAN


@pytest.fixture(scope="session")
def gan(submission) -> GAN:
    return GAN.of(submission)
