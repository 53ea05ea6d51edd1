"""TD 3 fixtures: the language-model contract's client bound to the code under test, and
the two default runs the specs share.

Secret seed offsets (``python -m labs calibrate-offsets td3 --offsets 50 --folder
tests/submissions/td3/correct_notebook``), 2026-12-07. A first run found the masked model
short of word frequencies at 2 of 19 offsets (138406, 528697), hence its one-of-three-runs
rule (``test_training.py``). On that rule (commit d92a981, no TD 3 code changed since),
50 offsets, 3,758 s: points lost at one, 897626, by both the reference and
``correct_notebook`` (their runs are the same), on
``test_validation_loss_decreases_every_epoch[mlm]``: the masked model's validation loss
rose by 0.060 nats at epoch 3 (3.2771 to 3.3372, then 3.1541), against the 0.02 allowed. False-fail rate 1/50, exact 95% upper bound
10.6%. That spec's tolerance was set on 20 seeds (worst rise 0.011; 0.016 over 44 more);
it needs a rule calibrated over many more seeds. The causal model's bound factor held at
every offset.
"""
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
