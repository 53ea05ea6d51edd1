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
update-ratio specs (386813). On the final rules (commit 5d5d98b, ``--jobs 2``), 124
offsets: points lost at one, 945126, by the reference on
``test_accuracy_counts_the_configured_batch`` (its one run's discriminator was right on
every point at every step, d_accuracy x 14 = 14 throughout, so no step shows a count
strictly between 0, 7 and 14): false-fail rate 1/124, exact 95% upper bound 4.4%. That spec
reads one run; it needs the same treatment (a sweep of its runs, then k of n), not yet done. Before them, on commit c481f9f,
26 offsets lost points at 386813 and 240564 only (since mended, and passing there); the
rules changed since pass wherever those passed (a largest over more runs is at least the
median, or the largest, over fewer), so those 24 clean offsets stand too: 1 of 150. The
target is 200 offsets: the rest is owed (``--append`` to the same results file
carries on).
"""
from __future__ import annotations

import pytest

from labs.gan.contract import GAN


@pytest.fixture(scope="session")
def gan(submission) -> GAN:
    return GAN.of(submission)
