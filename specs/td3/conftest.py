"""TD 3 fixtures: the language-model contract bound to the code under test, and shared runs."""
from __future__ import annotations

import dataclasses

import pytest

from labs.lm.corpus import CorpusSpec
from labs.suite.plugin import ContractClient

CONTRACT = "labs.lm.contract"
DEFAULT_CORPUS = dataclasses.asdict(CorpusSpec())


class LanguageModels(ContractClient):
    """Calls into the submission (reference or student); optional parts skip in plain words."""

    def train(self, kind: str, seed: int, epochs: int | None = None, attempt: int = 0,
              **corpus) -> dict:
        """A run on the built-in corpus drawn from ``seed`` (default size and epochs unless
        overridden)."""
        spec = {**DEFAULT_CORPUS, **corpus, "seed": seed}
        run = self.call("train", kind, spec, seed, epochs, attempt)
        epochs = run["config"]["epochs"]
        assert len(run["epochs"]) == epochs, (
            f"a {kind} run of {epochs} epochs should log one training and one validation loss per "
            f"epoch; got {len(run['epochs'])} rows: {run['epochs']}")
        return run


@pytest.fixture(scope="session")
def lm(submission) -> LanguageModels:
    return LanguageModels(submission.contract(CONTRACT))


@pytest.fixture(scope="session")
def clm_run(lm, spec_seed) -> dict:
    """The causal model trained as configured (default epochs and built-in corpus)."""
    return lm.train("clm", seed=spec_seed)


@pytest.fixture(scope="session")
def mlm_run(lm, spec_seed) -> dict:
    return lm.train("mlm", seed=spec_seed)
