"""TD 2 (GAN Lab) fixtures: the GAN contract's client bound to the code under test."""
from __future__ import annotations

import pytest

from labs.gan.contract import GAN


@pytest.fixture(scope="session")
def gan(submission) -> GAN:
    return GAN.of(submission)
