"""TD 3 fixtures: the language-model contract's client bound to the code under test, and
the two default runs the specs share.

Secret seed offsets (``python -m labs calibrate-offsets td3 --offsets 50 --folder
tests/submissions/td3/correct_notebook``), 2026-12-07. A first run found the masked model
short of word frequencies at 2 of 19 offsets (138406, 528697), hence its one-of-three-runs
rule (``test_training.py``). On that rule (commit d92a981), 50 offsets, 3,758 s: points
lost at one, 897626, by both the reference and ``correct_notebook`` (their runs are the
same), on ``test_validation_loss_decreases_every_epoch[mlm]``: the masked model's
validation loss rose by 0.060 nats at epoch 3 (3.2771 to 3.3372, then 3.1541), against the
0.02 allowed. The causal model's bound factor held at every offset. That spec now asks its
rule of one of up to 3 runs, ending below its first epoch (``test_training.py`` has the
sweep behind it). On that rule (commit c481f9f), 50 more offsets of the two masked specs
(``--only "(test_validation_loss_decreases_every_epoch and mlm) or
test_the_masked_model_beats_word_frequencies"``), 3,792 s: no point lost, exact 95% upper
bound 7.1%. No other TD 3 spec changed between the two runs.
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
