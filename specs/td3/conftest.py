"""TD 3 fixtures: the language-model contract's client bound to the code under test, and
the two default runs the specs share."""
from __future__ import annotations

import pytest

from labs.lm.contract import LanguageModels


@pytest.fixture(scope="session")
def lm(submission) -> LanguageModels:
    return LanguageModels.of(submission)


@pytest.fixture(scope="session")
def clm_run(lm, spec_seed) -> dict:
    """The causal model trained as configured (default epochs and built-in corpus)."""
    return lm.train("clm", seed=spec_seed)


@pytest.fixture(scope="session")
def mlm_run(lm, spec_seed) -> dict:
    return lm.train("mlm", seed=spec_seed)
