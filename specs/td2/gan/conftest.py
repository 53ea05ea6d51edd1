"""TD 2 (GAN Lab) fixtures: the GAN contract's client bound to the code under test.

Secret seed offsets (``python -m labs calibrate-offsets td2/gan``, 2026-12-06): the reference
lost no point at any of 40 offsets drawn as the grader draws them (95% upper bound 7.5%),
measured before the config-field specs (``test_config_fields.py``, calibrated on their own).
"""
from __future__ import annotations

import pytest

from labs.gan.contract import GAN


@pytest.fixture(scope="session")
def gan(submission) -> GAN:
    return GAN.of(submission)
