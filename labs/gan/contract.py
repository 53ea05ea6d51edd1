"""TD 2 (GAN Lab) contract: what a student's ``gan.py`` provides, and how specs call it.

Required: ``sample_noise(kind, dim, n, seed)`` -> (n, dim) array; ``sample_real(name, n,
seed)`` -> (n, 2) array; ``train_gan(config)`` -> a run (an object, or a dict) with
``sample(n)`` -> (n, 2) generated points and ``history``: a dict of per-step sequences
(``d_loss``, ``g_loss`` required; ``g_grad_norm``, ``d_accuracy`` asked: the specs that read
them are lost without them) or a list of per-step dicts with those keys. ``config`` is a
plain dict (see ``GANConfig.to_dict``). Bonus: ``sample_real("drawing", n, seed,
points=...)`` with user points. Never graded, a speed-up only: ``train_gan_seeds(config,
seeds)`` -> one run per seed, each equal to ``train_gan`` of the config with that seed (the
reference trains them together, ``labs.gan.sweep``). The client ``GAN`` (the specs' ``gan``
fixture) checks each field of a run when a spec reads it.
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from labs.suite.client import MISSING, ContractClient, Fields, same_numbers
from labs.suite.contract import (ContractViolation, MissingFunction, as_float_array, field_or_why,
                                 probe)

MODULE = "gan"
REFERENCE = "labs.gan"
REQUIRED = {"sample_noise", "sample_real", "train_gan"}
ASKED = {"train_gan_from"}  # graded names a folder may lack (losing their specs' points)
BONUS = {"train_gan_seeds"}
CHILD_MODULES = ()  # the probes build nothing of the project's
REQUIRED_HISTORY = ("d_loss", "g_loss")
ASKED_HISTORY = ("g_grad_norm", "d_accuracy")  # asked; a folder without one loses its specs
FUNCTIONS = {  # the handout's words for each name (python -m labs handout td2/gan)
    "sample_noise": ("sample_noise(kind, dim, n, seed)",
                     "`kind` `\"uniform\"` (on [0, 1]) or `\"gaussian\"` (mean 0.5, sd 0.25, "
                     "truncated at 2 sd: a draw outside [0, 1] is drawn again); `dim` 1 or 2. "
                     "Returns (n, dim); the same seed gives the same noise."),
    "sample_real": ("sample_real(name, n, seed, points=None)",
                    "GAN Lab's `\"line\"`, `\"gaussians\"`, `\"ring\"`, `\"disjoint\"` "
                    "(formulas in docs/td2-gan.md); bonus: `\"drawing\"` with user `points`. "
                    "Returns (n, 2)."),
    "train_gan": ("train_gan(config)",
                  "`config`: a dict (`distribution`, `noise`, `noise_dim`, `g_layers`, "
                  "`g_neurons`, `d_layers`, `d_neurons`, `g_optimizer`, `d_optimizer`, `g_lr`, "
                  "`d_lr`, `loss`, `k_d`, `k_g`, `steps`, `batch_size`, `seed`, ...). Returns a "
                  "run (object or dict) with `sample(n)` -> (n, 2) and `history`: one value per "
                  "step of `d_loss`, `g_loss`, `g_grad_norm`, `d_accuracy` (a dict of lists or a "
                  "list of dicts). Each seed trains its own run: a run whose samples or "
                  "history repeat another seed's, bit for bit, fails the specs reading them."),
    "train_gan_from": ("train_gan_from(config, weights, real, noise)",
                       "`config` as `train_gan`'s, trained for `config[\"steps\"]` steps from "
                       "the given `weights` (`{\"generator\": [W0, b0, W1, b1, ...], "
                       "\"discriminator\": [...]}`, `W` of shape (inputs, outputs)) on the "
                       "given `real` points (R, 2) and `noise` (N, noise_dim) instead of drawn "
                       "ones: batch i of each is rows `i * batch_size` onwards, wrapping round "
                       "to row 0; the noise rows serve every update, the discriminator's and "
                       "the generator's, in the order they run. Returns `history` (as "
                       "`train_gan`'s) and the final `weights` in the same layout."),
    "train_gan_seeds": ("train_gan_seeds(config, seeds)",
                        "Never graded, a speed-up only: one run per seed, each equal to "
                        "`train_gan` of the config with that seed."),
}
SKELETON = '''import numpy as np


def sample_noise(kind, dim, n, seed):
    rng = np.random.default_rng(seed)
    ...  # (n, dim) in [0, 1]


def sample_real(name, n, seed, points=None):
    rng = np.random.default_rng(seed)
    ...  # (n, 2): GAN Lab's line, gaussians, ring or disjoint


def train_gan(config):
    history = {"d_loss": [], "g_loss": [], "g_grad_norm": [], "d_accuracy": []}
    for step in range(config["steps"]):
        ...  # k_d discriminator updates, then k_g generator updates; one history value each
    return {"sample": lambda n: ..., "history": history}  # sample(n): (n, 2) points


def train_gan_from(config, weights, real, noise):
    ...  # the same steps from the given weights, on the given data cycled in batches
    return {"history": history, "weights": weights}  # the final weights, same layout
'''


def _field(run: Any, name: str) -> Any:
    return run.get(name) if isinstance(run, dict) else getattr(run, name, None)


def history_fields(history: Any, strict: bool = True) -> dict[str, Any]:
    """A dict of sequences, or a list of per-step dicts, into one array per metric.
    ``strict=False``: a metric that is not numbers becomes ``{"invalid": why}`` and a
    missing one ``None``, so that only the specs reading it fail."""
    if isinstance(history, (list, tuple)):
        if not all(isinstance(row, dict) for row in history):
            raise ContractViolation("train_gan's history is a list, but not of per-step dicts")
        names = set().union(*history) if history else set(REQUIRED_HISTORY)  # 0 steps: empty
        history = {name: [row.get(name, np.nan) for row in history] for name in names}
    if not isinstance(history, dict):
        raise ContractViolation("train_gan's run has no `history` dict (or list of per-step dicts)")
    fields = {}
    for name in REQUIRED_HISTORY + ASKED_HISTORY:
        value = history.get(name)
        if value is None and name in REQUIRED_HISTORY and strict:
            raise ContractViolation(f"train_gan's history has no `{name}`")
        convert = (lambda value=value, name=name: None if value is None
                   else as_float_array(value, f"history[{name!r}]"))
        fields[name] = convert() if strict else field_or_why(convert)
    return fields


@probe
def probe_sample_noise(impl, kind, dim, n, seed) -> np.ndarray:
    return as_float_array(impl.sample_noise(kind, dim, n, seed), "sample_noise's result")


@probe
def probe_sample_real(impl, name, n, seed) -> np.ndarray:
    return as_float_array(impl.sample_real(name, n, seed), "sample_real's result")


@probe(calls="sample_real")
def probe_sample_drawing(impl, points, n, seed) -> np.ndarray:
    try:
        result = impl.sample_real("drawing", n, seed, points=np.array(points, dtype=float))
    except TypeError as error:
        if "points" in str(error):
            raise MissingFunction("sample_real(points=...)",
                                  f"sample_real does not take user points ({error})") from None
        raise
    return as_float_array(result, "sample_real('drawing', ...)'s result")


@probe(calls="train_gan")
def probe_train(impl, config, n) -> dict:
    """Train once; return ``n`` generated points and the history."""
    return _trained(impl.train_gan(dict(config)), n)


@probe(calls="train_gan (or train_gan_seeds)", once_per="seeds")
def probe_train_seeds(impl, config, seeds, n) -> list[dict]:
    """Train ``config`` once per seed: with the implementation's ``train_gan_seeds`` where it
    has one (the reference's trains the seeds together, each run equal to its ``train_gan``
    run to the bit), else with ``train_gan`` once per seed (``probe_train`` for each)."""
    seeds = [int(seed) for seed in seeds]
    if impl.provides("train_gan_seeds"):
        runs = list(impl.train_gan_seeds(dict(config), seeds))
        if len(runs) != len(seeds):
            raise ContractViolation(f"train_gan_seeds returned {len(runs)} runs for "
                                    f"{len(seeds)} seeds")
        return [_trained(run, n) for run in runs]
    return [_trained(impl.train_gan(dict(config, seed=seed)), n) for seed in seeds]


NETWORKS = ("generator", "discriminator")


@probe(calls="train_gan_from")
def probe_train_from(impl, config, weights, real, noise) -> dict:
    """Train from given weights on given data (plain lists); return the history and the
    final weights, each converted on its own."""
    given = {name: [np.array(w, dtype=float) for w in weights[name]] for name in NETWORKS}
    run = impl.train_gan_from(dict(config), given, np.array(real, dtype=float),
                              np.array(noise, dtype=float))

    def final_weights() -> dict:
        found = _field(run, "weights")
        if not isinstance(found, dict) or not all(name in found for name in NETWORKS):
            raise ContractViolation("train_gan_from's run has no `weights` dict with "
                                    "`generator` and `discriminator`")
        return {name: [as_float_array(w, f"weights[{name!r}]") for w in found[name]]
                for name in NETWORKS}

    return {"history": field_or_why(lambda: history_fields(_field(run, "history"), strict=False)),
            "weights": field_or_why(final_weights)}


def _trained(run: Any, n: int) -> dict:
    """The run's samples and history, each converted on its own: a defect in one reaches
    only the specs that read it (``GAN._checked``)."""
    def samples() -> np.ndarray:
        sample = _field(run, "sample")
        if not callable(sample):
            raise ContractViolation("train_gan's run has no sample(n)")
        return as_float_array(sample(n), "run.sample(n)")

    return {"samples": field_or_why(samples),
            "history": field_or_why(lambda: history_fields(_field(run, "history"), strict=False))}


def same_as_another_seed(fields: list[Any], seeds: list[int]) -> list[int | None]:
    """For each run's field (samples or history, plain data), another seed whose run
    returned exactly the same, or None. Different seeds never train to the same bits; a
    submission that plays one recorded run back for any seed does."""
    return [next((seeds[j] for j in range(len(fields))
                  if seeds[j] != seeds[i] and same_numbers(fields[i], fields[j])), None)
            for i in range(len(fields))]


class GAN(ContractClient):
    """Calls into the submission (reference or student) with shape checks in plain words.

    Every training run goes through ``train`` or ``train_seeds`` and is cached by the
    submission (same config, same result), so specs that share a run pay for it once."""

    def sample_noise(self, kind: str, dim: int, n: int, seed: int) -> np.ndarray:
        noise = self.call(probe_sample_noise, kind, dim, n, seed)
        assert noise.shape == (n, dim), (
            f"sample_noise({kind!r}, {dim}, {n}, {seed}) returned shape {noise.shape}; "
            f"the contract says ({n}, {dim})")
        assert np.all(np.isfinite(noise)), "sample_noise returned NaN or infinity"
        return noise

    def sample_real(self, name: str, n: int, seed: int) -> np.ndarray:
        points = self.call(probe_sample_real, name, n, seed)
        assert points.shape == (n, 2), (
            f"sample_real({name!r}, {n}, {seed}) returned shape {points.shape}; "
            f"the contract says ({n}, 2)")
        assert np.all(np.isfinite(points)), "sample_real returned NaN or infinity"
        return points

    def train(self, config: dict, repeat: int | None = None) -> dict | list[dict]:
        """One run (``repeat=n``: a list of n runs of the same config, in one process)."""
        from labs.gan.spec_cases import SAMPLES

        runs = self.call(probe_train, config, SAMPLES, repeat=repeat)
        if repeat is None:
            return self._checked(runs, config)
        return [self._checked(run, config) for run in runs]

    def train_seeds(self, config: dict, seeds: list[int]) -> list[dict]:
        """``config`` trained once per seed (a student's ``train_gan`` is called for each,
        unless it provides ``train_gan_seeds``)."""
        from labs.gan.spec_cases import SAMPLES

        runs = self.call(probe_train_seeds, config, list(seeds), SAMPLES)
        same = {field: same_as_another_seed([run[field] for run in runs], seeds)
                for field in ("samples", "history")}
        return [self._checked(run, dict(config, seed=seed), same["samples"][k],
                              same["history"][k])
                for k, (run, seed) in enumerate(zip(runs, seeds))]

    def train_from(self, config: dict, weights: dict[str, list[np.ndarray]],
                   real: np.ndarray, noise: np.ndarray) -> Fields:
        """``train_gan_from``'s run: its history and final weights, each checked for the
        given shapes when a spec reads it."""
        from labs.gan.spec_cases import describe

        plain = {name: [np.asarray(w).tolist() for w in weights[name]] for name in NETWORKS}
        run = self.call(probe_train_from, config, plain, np.asarray(real).tolist(),
                        np.asarray(noise).tolist())
        where = f"train_gan_from({describe(config)[len('train_gan('):-1]}, given weights)"

        def same_shapes(value: dict) -> None:
            for name in NETWORKS:
                shapes = [np.shape(w) for w in weights[name]]
                found = [w.shape for w in value[name]]
                assert found == shapes, (f"{where}: the final {name} weights have shapes "
                                         f"{found}; the given ones were {shapes}")

        history = self._checked_history(run["history"], config["steps"], where)
        return Fields(dict(run, history=history), where, {"weights": same_shapes})

    @staticmethod
    def _checked(run: dict, config: dict, samples_twin: int | None = None,
                 history_twin: int | None = None) -> Fields:
        """The run's samples and history, each checked when a spec reads it. ``*_twin``: a
        seed whose run gave this very field, bit for bit (a run must depend on its seed)."""
        from labs.gan.spec_cases import SAMPLES, describe

        where = describe(config)

        def samples(value: np.ndarray) -> None:
            assert value.shape == (SAMPLES, 2), (
                f"{where}: run.sample({SAMPLES}) returned shape {value.shape}; "
                f"the contract says ({SAMPLES}, 2)")
            assert np.all(np.isfinite(value)), f"{where}: run.sample returned NaN or infinity"
            assert samples_twin is None, (
                f"{where}: run.sample({SAMPLES}) gave the very same points as the run of seed "
                f"{samples_twin}; each seed's run must be its own (a run played back for every "
                "seed does this)")

        history = GAN._checked_history(run["history"], config["steps"], where, history_twin)
        return Fields(dict(run, history=history), where, {"samples": samples})

    @staticmethod
    def _checked_history(history: Any, steps: int, where: str,
                         twin: int | None = None) -> Any:
        """A run's history, each metric checked when a spec reads it: one value per step,
        and (``twin``: a seed whose run gave this very history) not another seed's."""
        def metric(name: str) -> Callable[[np.ndarray], None]:
            def check(value: np.ndarray) -> None:
                assert value.shape == (steps,), (
                    f"{where}: history[{name!r}] has shape {value.shape}; the contract says "
                    f"({steps},): one value per training step")
                assert twin is None, (
                    f"{where}: the history is the very same as the run of seed "
                    f"{twin}'s; each seed's run must be its own (a run played back "
                    "for every seed does this)")
            return check

        if isinstance(history, dict) and set(history) != {"invalid"}:
            return Fields(history, f"{where}: history", {name: metric(name) for name in history})
        return history

    def history(self, run: dict, name: str) -> np.ndarray:
        """One of a run's per-step metrics; the spec is skipped as "not provided" (its points
        lost: the metrics are asked) when the submission does not record it."""
        if run["history"].raw(name) is None:
            self.skip(f"{MISSING}the submission's history has no {name!r} (asked: the "
                      "specs that read it need it)")
        return run["history"][name]
