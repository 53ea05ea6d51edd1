"""TD 2 (GAN Lab) fixtures: the GAN contract's client bound to the code under test.

Secret seed offsets (``python -m labs calibrate-offsets td2/gan``, offsets drawn as the
grader draws them): 2026-12-06, the reference lost no point at any of 40 offsets (95% upper
bound 7.5%), before the config-field specs (``test_config_fields.py``, calibrated on their
own); 2026-12-07, with them and with the play-back check, the reference, ``correct`` and
``correct_losses_without_logits`` graded at 34 offsets: points were lost at 2, a false-fail
rate of 2/34 (6%), so two specs need calibrating again over many more seeds:
``test_two_dimensional_noise_fills_the_region`` on the reference at offset 867921 (mean
flatness 0.0269 over seeds 1735842-3, threshold 0.03), and
``test_weak_discriminator_is_fooled_while_samples_stay_poor`` on both correct folders at
offset 542069 (loss / chance 0.813, threshold 0.9; the reference passed there). 200 offsets
are owed.
"""
from __future__ import annotations

import pytest

from labs.gan.contract import GAN


@pytest.fixture(scope="session")
def gan(submission) -> GAN:
    return GAN.of(submission)
