"""TD 1 fixtures: the perceptron contract bound to the code under test, and shared runs."""
from __future__ import annotations

import numpy as np
import pytest

from labs.perceptron.gates import GATES
from labs.suite.plugin import ContractClient

CONTRACT = "labs.perceptron.contract"


class Perceptron(ContractClient):
    """Calls into the submission (reference or student) with shape checks in plain words."""

    def train(self, gate: str, coeff: float = 0.7, iterations: int = 1000, seed: int = 0) -> dict:
        run = self.call("train", list(GATES[gate]), coeff, iterations, seed)
        where = f"train({gate}, coeff={coeff:g}, iterations={iterations}, seed={seed})"
        assert run["weights"].shape == (3,), (
            f"{where} returned weights of shape {run['weights'].shape}; the contract says (3,): "
            "w0 (bias weight), w1, w2")
        assert run["errors"].shape == (iterations,), (
            f"{where} returned errors of shape {run['errors'].shape}; the contract says "
            f"({iterations},): one error per iteration")
        history = run["weight_history"]
        if history is not None:
            assert history.shape == (4 * iterations + 1, 3), (
                f"{where} returned weight_history of shape {history.shape}; the contract says "
                f"({4 * iterations + 1}, 3): the initial weights, then one row per update")
        for name in ("weights", "errors"):
            assert np.all(np.isfinite(run[name])), f"{where} returned {name} containing NaN or inf"
        return run

    def weight_history(self, gate: str, **kwargs) -> np.ndarray:
        history = self.train(gate, **kwargs)["weight_history"]
        if history is None:
            pytest.skip("the submission's train does not return weight_history "
                        "(optional; the specs that need it are skipped)")
        return history


@pytest.fixture(scope="session")
def perceptron(submission) -> Perceptron:
    return Perceptron(submission.contract(CONTRACT))
