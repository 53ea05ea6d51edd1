"""TD 1's contract: what a student's ``perceptron.py`` provides, and how specs call it.

Required: ``train(desired, coeff, iterations, seed)``, called with positional arguments,
returning an object with attributes ``weights``, ``errors`` and optionally
``weight_history``; or a dict with those keys; or a tuple
``(weights, errors[, weight_history])``. Optional: ``predict``, ``write_weights_csv``,
``read_weights_csv``, ``train_many``, ``train_mlp`` (whose result has ``predict(inputs)``
or is itself callable). Each probe returns plain data; shapes are checked by the specs.
"""
from __future__ import annotations

import os
import tempfile
from typing import Any

import numpy as np

from labs.suite.contract import ContractViolation, as_float_array

MODULE = "perceptron"
REFERENCE = "labs.perceptron"
REQUIRED = {"train"}
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


def probe_train(impl, desired, coeff, iterations, seed) -> dict:
    return run_fields(impl.train(np.array(desired, dtype=float), coeff, iterations, seed))


def probe_train_twice(impl, desired, coeff, iterations, seed) -> list[dict]:
    """Two calls with the same arguments in one process: the same seed must give the same run."""
    return [probe_train(impl, desired, coeff, iterations, seed) for _ in range(2)]


def probe_predict(impl, weights, inputs) -> np.ndarray:
    return as_float_array(impl.predict(np.array(weights, dtype=float), np.array(inputs, dtype=float)),
                  "predict's result")


def probe_weights_csv(impl, weights) -> dict:
    """Write with the submission's writer, read back with its reader; return both."""
    with tempfile.TemporaryDirectory(dir=os.getcwd()) as folder:
        path = os.path.join(folder, "weights.csv")
        impl.write_weights_csv(path, np.array(weights, dtype=float))
        with open(path, encoding="utf-8") as file:
            text = file.read()
        return {"text": text, "read_back": as_float_array(impl.read_weights_csv(path), "read_weights_csv")}


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


def probe_train_many(impl, desired, coeffs, iterations, seeds) -> dict:
    result = impl.train_many(np.array(desired, dtype=float), np.array(coeffs, dtype=float),
                             iterations, list(seeds))
    return {name: value for name, value in run_fields(result, "train_many").items()
            if name != "weight_history"}


def probe_train_mlp(impl, desired, hidden, seed) -> dict:
    from labs.perceptron.gates import INPUTS

    model = impl.train_mlp(np.array(desired, dtype=float), hidden, seed=seed)
    predict = getattr(model, "predict", model)
    if not callable(predict):
        raise ContractViolation("train_mlp's result has no predict(inputs) and is not callable")
    return {"outputs": as_float_array(predict(INPUTS.copy()), "the MLP's outputs")}


PROBES = {
    "train": probe_train,
    "train_twice": probe_train_twice,
    "predict": probe_predict,
    "weights_csv": probe_weights_csv,
    "read_weights_csv": probe_read_weights_csv,
    "train_many": probe_train_many,
    "train_mlp": probe_train_mlp,
}
