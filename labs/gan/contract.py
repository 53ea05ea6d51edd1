"""TD 2 (GAN Lab) contract: what a student's ``gan.py`` provides, and how specs call it.

Required: ``sample_noise(kind, dim, n, seed)`` -> (n, dim) array; ``sample_real(name, n,
seed)`` -> (n, 2) array; ``train_gan(config)`` -> a run (an object, or a dict) with
``sample(n)`` -> (n, 2) generated points and ``history``: a dict of per-step sequences
(``d_loss``, ``g_loss`` required; ``g_grad_norm``, ``d_accuracy`` optional) or a list of
per-step dicts with those keys. ``config`` is a plain dict (see ``GANConfig.to_dict``).
Optional: ``sample_real("drawing", n, seed, points=...)`` with user points.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from labs.suite.contract import ContractViolation, MissingFunction, as_float_array

MODULE = "gan"
REFERENCE = "labs.gan"
REQUIRED = {"sample_noise", "sample_real", "train_gan"}
REQUIRED_HISTORY = ("d_loss", "g_loss")
OPTIONAL_HISTORY = ("g_grad_norm", "d_accuracy")


def _field(run: Any, name: str) -> Any:
    return run.get(name) if isinstance(run, dict) else getattr(run, name, None)


def history_fields(history: Any) -> dict[str, np.ndarray | None]:
    """A dict of sequences, or a list of per-step dicts, into one array per metric."""
    if isinstance(history, (list, tuple)):
        if not all(isinstance(row, dict) for row in history):
            raise ContractViolation("train_gan's history is a list, but not of per-step dicts")
        names = set().union(*history) if history else set(REQUIRED_HISTORY)  # 0 steps: empty
        history = {name: [row.get(name, np.nan) for row in history] for name in names}
    if not isinstance(history, dict):
        raise ContractViolation("train_gan's run has no `history` dict (or list of per-step dicts)")
    fields = {}
    for name in REQUIRED_HISTORY + OPTIONAL_HISTORY:
        value = history.get(name)
        if value is None and name in REQUIRED_HISTORY:
            raise ContractViolation(f"train_gan's history has no `{name}`")
        fields[name] = None if value is None else as_float_array(value, f"history[{name!r}]")
    return fields


def probe_sample_noise(impl, kind, dim, n, seed) -> np.ndarray:
    return as_float_array(impl.sample_noise(kind, dim, n, seed), "sample_noise's result")


def probe_sample_real(impl, name, n, seed) -> np.ndarray:
    return as_float_array(impl.sample_real(name, n, seed), "sample_real's result")


def probe_sample_drawing(impl, points, n, seed) -> np.ndarray:
    try:
        result = impl.sample_real("drawing", n, seed, points=np.array(points, dtype=float))
    except TypeError as error:
        if "points" in str(error):
            raise MissingFunction("sample_real(points=...)",
                                  f"sample_real does not take user points ({error})") from None
        raise
    return as_float_array(result, "sample_real('drawing', ...)'s result")


def probe_train(impl, config, n) -> dict:
    """Train once; return ``n`` generated points and the history."""
    return _trained(impl.train_gan(dict(config)), n)


def probe_train_seeds(impl, config, seeds, n) -> list[dict]:
    """Train ``config`` once per seed (``probe_train`` for each). The reference trains them
    together with ``labs.gan.sweep`` (each run equal to its ``train_gan`` run to the bit); a
    submission's ``train_gan`` is called once per seed."""
    if impl.module_name == REFERENCE:
        return [_trained(run, n) for run in impl.train_gan_seeds(dict(config), list(seeds))]
    return [_trained(impl.train_gan(dict(config, seed=int(seed))), n) for seed in seeds]


def _trained(run: Any, n: int) -> dict:
    sample = _field(run, "sample")
    if not callable(sample):
        raise ContractViolation("train_gan's run has no sample(n)")
    return {"samples": as_float_array(sample(n), "run.sample(n)"),
            "history": history_fields(_field(run, "history"))}


def probe_twice(impl, probe, *args) -> list:
    """Another probe called twice with the same arguments (results are otherwise cached)."""
    if probe not in PROBES or probe == "twice":
        raise ValueError(f"no probe {probe!r} to repeat")
    return [PROBES[probe](impl, *args), PROBES[probe](impl, *args)]


PROBES = {
    "sample_noise": probe_sample_noise,
    "sample_real": probe_sample_real,
    "sample_drawing": probe_sample_drawing,
    "train": probe_train,
    "train_seeds": probe_train_seeds,
    "twice": probe_twice,
}
