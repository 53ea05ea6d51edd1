"""TD 2 (GAN Lab) fixtures: the GAN contract bound to the code under test, with shape checks.

Every training run goes through ``GAN.train`` and is cached by the submission (same config,
same result), so specs that share a run pay for it once per session.
"""
from __future__ import annotations

import numpy as np
import pytest

from labs.gan.spec_cases import SAMPLES, describe
from labs.suite.plugin import ContractClient

CONTRACT = "labs.gan.contract"


class GAN(ContractClient):
    """Calls into the submission (reference or student) with shape checks in plain words."""

    def sample_noise(self, kind: str, dim: int, n: int, seed: int) -> np.ndarray:
        noise = self.call("sample_noise", kind, dim, n, seed)
        assert noise.shape == (n, dim), (
            f"sample_noise({kind!r}, {dim}, {n}, {seed}) returned shape {noise.shape}; "
            f"the contract says ({n}, {dim})")
        assert np.all(np.isfinite(noise)), "sample_noise returned NaN or infinity"
        return noise

    def sample_real(self, name: str, n: int, seed: int) -> np.ndarray:
        points = self.call("sample_real", name, n, seed)
        assert points.shape == (n, 2), (
            f"sample_real({name!r}, {n}, {seed}) returned shape {points.shape}; "
            f"the contract says ({n}, 2)")
        assert np.all(np.isfinite(points)), "sample_real returned NaN or infinity"
        return points

    def train(self, config: dict) -> dict:
        run = self.call("train", config, SAMPLES)
        return self._checked(run, config)

    def train_seeds(self, config: dict, seeds: list[int]) -> list[dict]:
        """``config`` trained once per seed (a student's ``train_gan`` is called for each)."""
        runs = self.call("train_seeds", config, list(seeds), SAMPLES)
        return [self._checked(run, dict(config, seed=seed)) for run, seed in zip(runs, seeds)]

    def train_twice(self, config: dict) -> tuple[dict, dict]:
        first, second = self.call("twice", "train", config, SAMPLES)
        return self._checked(first, config), self._checked(second, config)

    @staticmethod
    def _checked(run: dict, config: dict) -> dict:
        where = describe(config)
        assert run["samples"].shape == (SAMPLES, 2), (
            f"{where}: run.sample({SAMPLES}) returned shape {run['samples'].shape}; "
            f"the contract says ({SAMPLES}, 2)")
        assert np.all(np.isfinite(run["samples"])), f"{where}: run.sample returned NaN or infinity"
        for name, values in run["history"].items():
            if values is not None:
                assert values.shape == (config["steps"],), (
                    f"{where}: history[{name!r}] has shape {values.shape}; the contract says "
                    f"({config['steps']},): one value per training step")
        return run

    def history(self, run: dict, name: str, config: dict) -> np.ndarray:
        values = run["history"][name]
        if values is None:
            pytest.skip(f"the submission's history has no {name!r} (optional; "
                        "the specs that need it are skipped)")
        return values


@pytest.fixture(scope="session")
def gan(submission) -> GAN:
    return GAN(submission.contract(CONTRACT))
