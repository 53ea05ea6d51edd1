"""TD 1's contract: what a student's ``perceptron.py`` provides, and how specs call it.

Required: ``train(desired, coeff, iterations, seed)``, called with positional arguments,
returning an object with attributes ``weights``, ``errors`` and optionally
``weight_history``; or a dict with those keys; or a tuple
``(weights, errors[, weight_history])``. Optional: ``predict``, ``write_weights_csv``,
``read_weights_csv``, ``train_many``, ``train_mlp`` (whose result has ``predict(inputs)``
or is itself callable). Each probe returns plain data; the client ``Perceptron`` (what the
specs' ``perceptron`` fixture is) checks the shapes.
"""
from __future__ import annotations

import os
import tempfile
from typing import Any

import numpy as np

from labs.perceptron.gates import GATES, INPUTS
from labs.suite.client import ContractClient
from labs.suite.contract import ContractViolation, as_float_array, probe

MODULE = "perceptron"
REFERENCE = "labs.perceptron"
REQUIRED = {"train"}
BONUS = {"predict", "write_weights_csv", "read_weights_csv", "train_many", "train_mlp"}
CHILD_MODULES = ("labs.perceptron.gates",)  # the inputs and truth tables, not the reference
RUN_FIELDS = ("weights", "errors", "weight_history")


def run_fields(result: Any, function: str = "train") -> dict[str, np.ndarray | None]:
    """Normalise an object, dict or tuple result into weights / errors / weight_history."""
    if isinstance(result, dict):
        fields = {name: result.get(name) for name in RUN_FIELDS}
    elif isinstance(result, (tuple, list)):
        if len(result) not in (2, 3):
            raise ContractViolation(f"{function} returned a tuple of {len(result)} items; "
                                    "expected (weights, errors) or (weights, errors, weight_history)")
        fields = dict(zip(RUN_FIELDS, list(result) + [None]))
    else:
        fields = {name: getattr(result, name, None) for name in RUN_FIELDS}
    for name in ("weights", "errors"):
        if fields[name] is None:
            raise ContractViolation(f"{function}'s result has no `{name}`")
    return {name: None if value is None else as_float_array(value, f"{function}'s `{name}`")
            for name, value in fields.items()}


@probe
def probe_train(impl, desired, coeff, iterations, seed) -> dict:
    return run_fields(impl.train(np.array(desired, dtype=float), coeff, iterations, seed))


@probe
def probe_predict(impl, weights, inputs) -> np.ndarray:
    return as_float_array(impl.predict(np.array(weights, dtype=float), np.array(inputs, dtype=float)),
                  "predict's result")


@probe(calls="write_weights_csv, then read_weights_csv", times=2)
def probe_weights_csv(impl, weights) -> dict:
    """Write with the submission's writer, read back with its reader; return both."""
    with tempfile.TemporaryDirectory(dir=os.getcwd()) as folder:
        path = os.path.join(folder, "weights.csv")
        impl.write_weights_csv(path, np.array(weights, dtype=float))
        with open(path, encoding="utf-8") as file:
            text = file.read()
        return {"text": text, "read_back": as_float_array(impl.read_weights_csv(path), "read_weights_csv")}


@probe
def probe_read_weights_csv(impl, text) -> dict:
    """Read a given file's text; a clear error is an answer too."""
    with tempfile.TemporaryDirectory(dir=os.getcwd()) as folder:
        path = os.path.join(folder, "weights.csv")
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
        try:
            return {"weights": as_float_array(impl.read_weights_csv(path), "read_weights_csv"), "error": None}
        except (ValueError, OSError) as error:
            return {"weights": None, "error": f"{type(error).__name__}: {error}"}


@probe
def probe_train_many(impl, desired, coeffs, iterations, seeds) -> dict:
    result = impl.train_many(np.array(desired, dtype=float), np.array(coeffs, dtype=float),
                             iterations, list(seeds))
    return {name: value for name, value in run_fields(result, "train_many").items()
            if name != "weight_history"}


@probe
def probe_train_mlp(impl, desired, hidden, seed, inputs=None) -> dict:
    """The trained MLP's outputs on ``inputs`` (the four input rows in the order the spec
    chose; default: the truth table's order)."""
    model = impl.train_mlp(np.array(desired, dtype=float), hidden, seed=seed)
    predict = getattr(model, "predict", model)
    if not callable(predict):
        raise ContractViolation("train_mlp's result has no predict(inputs) and is not callable")
    asked = INPUTS.copy() if inputs is None else np.array(inputs, dtype=float)
    return {"outputs": as_float_array(predict(asked), "the MLP's outputs")}


class Perceptron(ContractClient):
    """Calls into the submission (reference or student) with shape checks in plain words."""

    def train(self, gate: str, coeff: float = 0.7, iterations: int = 1000, seed: int = 0,
              repeat: int | None = None) -> dict | list[dict]:
        """One run (``repeat=n``: a list of n runs of the same call, in one process)."""
        runs = self.call(probe_train, list(GATES[gate]), coeff, iterations, seed, repeat=repeat)
        where = f"train({gate}, coeff={coeff:g}, iterations={iterations}, seed={seed})"
        for run in (runs if repeat is not None else [runs]):
            self._check(run, where, iterations)
        return runs

    @staticmethod
    def _check(run: dict, where: str, iterations: int) -> None:
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

    def weight_history(self, gate: str, **kwargs) -> np.ndarray:
        history = self.train(gate, **kwargs)["weight_history"]
        if history is None:
            self.skip("the submission's train does not return weight_history "
                      "(optional; the specs that need it are skipped)")
        return history
