"""TD 1's contract: what a student's ``perceptron.py`` provides, and how specs call it.

Required: ``train(desired, coeff, iterations, seed)``, called with positional arguments,
returning an object with attributes ``weights``, ``errors`` and ``weight_history``; or a
dict with those keys; or a tuple ``(weights, errors[, weight_history])``. Asked too (graded;
a folder without them loses their specs' points): ``weight_history`` (the lab's figure of
the weights) and ``write_weights_csv`` / ``read_weights_csv`` (the lab's program writes
``weights.csv``). Bonus (never asked; points on top): ``predict``, ``train_many``,
``train_mlp`` (whose result has ``predict(inputs)`` or is itself callable). Each probe
returns plain data; the client ``Perceptron`` (what the specs' ``perceptron`` fixture is)
checks each field when a spec reads it.
"""
from __future__ import annotations

import os
import tempfile
from typing import Any

import numpy as np

from labs.perceptron.gates import COEFF, GATES, INPUTS, ITERATIONS
from labs.suite.client import MISSING, ContractClient, Fields, same_numbers
from labs.suite.contract import ContractViolation, as_float_array, field_or_why, probe

MODULE = "perceptron"
REFERENCE = "labs.perceptron"
REQUIRED = {"train"}
ASKED = {"write_weights_csv", "read_weights_csv"}  # graded: missing, their specs' points are lost
BONUS = {"predict", "train_many", "train_mlp"}  # not asked: points on top, never lost
CHILD_MODULES = ("labs.perceptron.gates",)  # the inputs and truth tables, not the reference
RUN_FIELDS = ("weights", "errors", "weight_history")
# the handout's words for each name (python -m labs handout td1): signature, then shapes
FUNCTIONS = {
    "train": (f"train(desired, coeff={COEFF:g}, iterations={ITERATIONS}, seed=None)",
              "`desired`: the 4 outputs for the inputs (0,0), (0,1), (1,0), (1,1), in that "
              "order; called with positional arguments. Initial weights "
              "`numpy.random.default_rng(seed).random(3)`. Returns a dict (or an object with "
              "those attributes, or a tuple in this order): `weights` (3,): w0 (bias weight, "
              "input -1), w1, w2; `errors` (iterations,): the largest `|delta|` of each "
              "iteration; `weight_history` (4 * iterations + 1, 3): the initial weights, then "
              "the weights after every single-pattern update (one row per iteration, "
              "iterations + 1 or iterations rows, is graded too, except the specs that read "
              "within an iteration). Each seed gives its own run: a run that repeats the next "
              "seed's, bit for bit, fails every spec reading it."),
    "write_weights_csv": ("write_weights_csv(path, weights)",
                          "`weights.csv`: one weight per line, w0 first."),
    "read_weights_csv": ("read_weights_csv(path)",
                         "Returns the 3 weights; also accepts one comma-separated row; a "
                         "malformed file raises `ValueError` with a clear message."),
    "predict": ("predict(weights, inputs)", "The neuron's output, sigmoid(-w0 + x1 w1 + x2 w2), "
                "for each row of `inputs` (n, 2): shape (n,)."),
    "train_many": ("train_many(desired, coeffs, iterations, seeds)",
                   "Many runs at once, run i with `coeffs[i]` and `seeds[i]`: `weights` (n, 3), "
                   "`errors` (n, iterations), each equal to `train`'s."),
    "train_mlp": ("train_mlp(desired, hidden, seed=None)",
                  "A multi-layer perceptron (a hidden layer of `hidden` neurons) trained on the "
                  "4 patterns; returns something with `predict(inputs)` (or callable)."),
}
SKELETON = '''import numpy as np


def ''' + FUNCTIONS["train"][0] + ''':
    w = np.random.default_rng(seed).random(3)  # w0 (bias weight), w1, w2
    errors, history = [], [w.copy()]
    for _ in range(iterations):
        ...  # the four patterns in order, one update each: history.append(w.copy())
        errors.append(...)  # the largest |delta| of the iteration
    return {"weights": w, "errors": errors, "weight_history": history}


def write_weights_csv(path, weights):
    ...  # one weight per line, w0 first


def read_weights_csv(path):
    ...  # the 3 weights; ValueError on a malformed file
'''


def run_fields(result: Any, function: str = "train", strict: bool = True) -> dict[str, Any]:
    """Normalise an object, dict or tuple result into weights / errors / weight_history.
    ``strict=False``: a field that is missing or not numbers becomes ``None`` or
    ``{"invalid": why}`` instead of failing the whole call, so that only the specs reading
    that field fail (``Run``)."""
    if isinstance(result, dict):
        fields = {name: result.get(name) for name in RUN_FIELDS}
    elif isinstance(result, (tuple, list)):
        if len(result) not in (2, 3):
            raise ContractViolation(f"{function} returned a tuple of {len(result)} items; "
                                    "expected (weights, errors) or (weights, errors, weight_history)")
        fields = dict(zip(RUN_FIELDS, list(result) + [None]))
    else:
        fields = {name: getattr(result, name, None) for name in RUN_FIELDS}
    def convert(name: str, value: Any) -> Any:
        return None if value is None else as_float_array(value, f"{function}'s `{name}`")

    if not strict:  # each field on its own: a bad one reaches only the specs reading it
        return {name: field_or_why(lambda: convert(name, value)) for name, value in fields.items()}
    for name in ("weights", "errors"):
        if fields[name] is None:
            raise ContractViolation(f"{function}'s result has no `{name}`")
    return {name: convert(name, value) for name, value in fields.items()}


@probe
def probe_train(impl, desired, coeff, iterations, seed) -> dict:
    return run_fields(impl.train(np.array(desired, dtype=float), coeff, iterations, seed),
                      strict=False)


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


HISTORY_FORMS = ("(4*iterations+1, 3): the initial weights, then one row per update (the "
                 "report's figure of the weights); or one row per iteration: (iterations+1, 3) "
                 "with the initial weights first, or (iterations, 3)")


class Run(Fields):
    """One run's fields, each checked when a spec reads it (``run["weight_history"]``: only
    that it is numbers; ``Perceptron.weight_history`` checks its granularity)."""

    def __init__(self, fields: dict, where: str, iterations: int) -> None:
        super().__init__(fields, where, {"weights": self._weights, "errors": self._errors})
        self.iterations = iterations

    def _weights(self, value: np.ndarray) -> None:
        assert value.shape == (3,), (f"{self.where} returned weights of shape {value.shape}; "
                                     "the contract says (3,): w0 (bias weight), w1, w2")
        assert np.all(np.isfinite(value)), f"{self.where} returned weights containing NaN or inf"

    def _errors(self, value: np.ndarray) -> None:
        assert value.shape == (self.iterations,), (
            f"{self.where} returned errors of shape {value.shape}; the contract says "
            f"({self.iterations},): one error per iteration")
        assert np.all(np.isfinite(value)), f"{self.where} returned errors containing NaN or inf"


def played_back(run: dict, other: dict) -> bool:
    """Whether two runs of different seeds returned the same numbers in every field: the
    first iteration's errors alone tell seeds apart, since they start from other weights."""
    both = [name for name in RUN_FIELDS
            if isinstance(run.get(name), np.ndarray) and isinstance(other.get(name), np.ndarray)]

    def numbers(fields: dict) -> dict:
        return {name: fields[name] for name in both}

    return same_numbers(numbers(run), numbers(other))


class Perceptron(ContractClient):
    """Calls into the submission (reference or student) with shape checks in plain words."""

    def train(self, gate: str, coeff: float = COEFF, iterations: int = ITERATIONS, seed: int = 0,
              repeat: int | None = None) -> Run | list[Run]:
        """One run (``repeat=n``: a list of n runs of the same call, in one process). The
        run of the next seed is asked too: a run that repeats it bit for bit is a run played
        back whatever the seed (a table of recorded answers), and its fields fail."""
        runs = self.call(probe_train, list(GATES[gate]), coeff, iterations, seed, repeat=repeat)
        where = f"train({gate}, coeff={coeff:g}, iterations={iterations}, seed={seed})"
        if repeat is not None:
            return [Run(run, where, iterations) for run in runs]
        neighbour = self.call(probe_train, list(GATES[gate]), coeff, iterations, seed + 1)
        if played_back(runs, neighbour):
            why = (f"this run is the very run of seed {seed + 1}, bit for bit: each seed's run "
                   "must be its own (initial weights numpy.random.default_rng(seed).random(3)); "
                   "a run played back whatever the seed does this")
            runs = {name: {"invalid": why} for name in runs}
        return Run(runs, where, iterations)

    def weight_history(self, gate: str, per: str = "update", initial: bool = False,
                       iterations: int = ITERATIONS, **kwargs) -> np.ndarray:
        """The run's ``weight_history``. ``per="update"``: (4*iterations+1, 3), the initial
        weights then one row per single-pattern update, what a spec reading within an
        iteration needs. ``per="iteration"``: (iterations+1, 3), row k the weights after
        iteration k (from either granularity the contract accepts); row 0, the initial
        weights, is NaN when the submission records none, unless ``initial`` is asked."""
        run = self.train(gate, iterations=iterations, **kwargs)
        history, where = run.raw("weight_history"), run.where
        if history is None:
            self.skip(f"{MISSING}train does not return weight_history, which the lab asks for "
                      "(the figure of the weights' evolution)")
        history = run["weight_history"]  # numbers, or the reason it is not
        rows = {4 * iterations + 1: "update", iterations + 1: "iteration", iterations: "iteration"}
        assert history.ndim == 2 and history.shape[1] == 3 and history.shape[0] in rows, (
            f"{where} returned weight_history of shape {history.shape}; the contract says "
            f"{HISTORY_FORMS}")
        assert np.all(np.isfinite(history)), f"{where} returned weight_history containing NaN or inf"
        given = rows[history.shape[0]]
        if per == "update":
            assert given == "update", (
                f"this spec reads the weights within an iteration, so it needs weight_history "
                f"with one row per update, ({4 * iterations + 1}, 3); {where} returned one row "
                f"per iteration, {history.shape}: only the specs that read within an iteration "
                "are charged for it")
            return history
        if given == "update":
            return history[::4]
        if history.shape[0] == iterations + 1:
            return history
        assert not initial, (
            f"this spec reads the initial weights, row 0 of weight_history; {where} returned "
            f"{history.shape}, one row per iteration without the initial weights (expected "
            f"({iterations + 1}, 3) or ({4 * iterations + 1}, 3))")
        return np.vstack([np.full((1, 3), np.nan), history])

    def initial_weights(self, run: Run) -> np.ndarray:
        """The run's initial weights when its weight_history records them (row 0 of a valid
        history of 4n+1 or n+1 rows), else its final weights."""
        history, n = run.raw("weight_history"), run.iterations
        if (isinstance(history, np.ndarray) and history.ndim == 2 and history.shape[1] == 3
                and history.shape[0] in (4 * n + 1, n + 1) and np.all(np.isfinite(history[0]))):
            return history[0]
        return run["weights"]
