"""Each spec written for the claims ledger fails on a submission that does not show the
behaviour it asserts (a spec that passes on a constant or collapsed result is hollow).

The spec functions are called directly with a stand-in for the submission's client: cheap,
and the failure is the spec's own assertion."""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest

from labs.perceptron.gates import GATES
from labs.perceptron.train import train

SPECS = Path(__file__).resolve().parents[2] / "specs"
FAILS = (AssertionError, pytest.fail.Exception)


@lru_cache(maxsize=None)
def spec(path: str):
    location = SPECS / path
    module_spec = importlib.util.spec_from_file_location(f"spec_{location.stem}", location)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module


class Perceptron:
    """The reference perceptron, with one behaviour changed by ``change(gate, run)``."""

    def __init__(self, change):
        self.change = change

    def train(self, gate, coeff=0.7, iterations=1000, seed=0):
        run = train(GATES[gate], coeff, iterations, seed)
        return self.change(gate, {"weights": run.weights.copy(), "errors": run.errors.copy(),
                                  "weight_history": run.weight_history.copy()})

    def weight_history(self, gate, per="update", initial=False, **kwargs):
        """As the contract's client: one row per update, or the weights after each iteration."""
        history = self.train(gate, **kwargs)["weight_history"]
        return history if per == "update" else history[::4]


def linear_history(gate, run):  # weights that grow at a constant rate from 0
    steps = np.arange(len(run["weight_history"]))[:, None]
    run["weight_history"] = steps * run["weights"] / steps[-1]
    return run


def swap_w0_w1(gate, run):
    run["weight_history"] = run["weight_history"][:, [1, 0, 2]]
    run["weights"] = run["weights"][[1, 0, 2]]
    return run


def report_ratio(gate, run):  # w0 = 1.55 w1, as the report's text says
    run["weights"] = np.array([1.55 * run["weights"][1], run["weights"][1], run["weights"][2]])
    return run


def same_errors_for_or(gate, run):
    if gate == "OR":
        run["errors"] = train(GATES["AND"], 0.7, len(run["errors"]), 0).errors
    return run


def learns_or_for_xor(gate, run):
    if gate == "XOR":
        run["weights"] = train(GATES["OR"], 0.7, 1000, 0).weights
    return run


def frozen(gate, run):  # weights that never move
    run["weight_history"][:] = run["weight_history"][0]
    run["weights"] = run["weight_history"][-1]
    return run


def damped(gate, run):  # no oscillation within an iteration: the end-of-iteration weights only
    history = run["weight_history"]
    run["weight_history"] = np.repeat(history[::4], 4, axis=0)[:len(history)]
    return run


TD1_CASES = [
    ("test_learning_dynamics.py", "test_weights_grow_fastest_in_the_first_200_iterations", linear_history),
    ("test_learning_dynamics.py", "test_bias_weight_stays_above_the_input_weights", swap_w0_w1),
    ("test_learning_dynamics.py", "test_and_bias_weight_is_1_52_times_an_input_weight", report_ratio),
    ("test_learning_dynamics.py", "test_or_converges_faster_than_and", same_errors_for_or),
    ("test_learning_dynamics.py", "test_xor_is_badly_wrong_on_two_patterns", learns_or_for_xor),
    ("test_hyperparameter_effects.py", "test_small_coeff_weights_grow_steadily", frozen),
    ("test_hyperparameter_effects.py", "test_large_coeff_weights_jump_within_two_iterations", linear_history),
    ("test_hyperparameter_effects.py", "test_fifty_iterations_leave_small_oscillating_weights", damped),
]


@pytest.mark.parametrize("path, name, change", TD1_CASES, ids=[c[1] for c in TD1_CASES])
def test_td1_spec_fails_without_the_behaviour(path, name, change):
    test = getattr(spec(f"td1/{path}"), name)
    test(Perceptron(lambda gate, run: run), 0)  # the reference passes
    with pytest.raises(FAILS):
        test(Perceptron(change), 0)


class CollapsedGAN:
    """A generator collapsed to one point (spread 0): flat, but not a curve."""

    def _run(self, config):
        steps = config["steps"]
        return {"samples": np.full((1500, 2), 0.5), "history": {
            "d_loss": np.full(steps, 1.35), "g_loss": np.full(steps, 0.69)}}

    def train(self, config):
        return self._run(config)

    def train_seeds(self, config, seeds):
        return [self._run(config) for _ in seeds]


def test_one_dimensional_noise_spec_fails_on_a_generator_collapsed_to_a_point():
    test = spec("td2/gan/test_noise_dimension.py").test_one_dimensional_noise_gives_a_curve
    with pytest.raises(FAILS, match="collapsed to a point"):
        test(CollapsedGAN(), 0)


class ShareLosses(CollapsedGAN):
    """Losses that are shares of a batch of 150 points, as the report describes them."""

    def _run(self, config):
        run = super()._run(config)
        shares = np.random.default_rng(0).integers(0, 151, size=(2, config["steps"])) / 150
        run["history"] = {"d_loss": shares[0], "g_loss": shares[1]}
        return run


def test_losses_spec_fails_on_shares():
    with pytest.raises(FAILS):
        spec("td2/gan/test_losses.py").test_losses_are_log_losses_not_shares(ShareLosses(), 0)


class GaussianForUniform:
    def sample_noise(self, kind, dim, n, seed):
        return np.clip(np.random.default_rng(seed).normal(0.5, 0.25, (n, dim)), 0, 1)


@pytest.mark.parametrize("dim", [1, 2])
def test_uniform_noise_spec_fails_on_gaussian_noise(dim):
    with pytest.raises(FAILS):
        spec("td2/gan/test_uniform_noise.py").test_uniform_noise_spreads_evenly(
            GaussianForUniform(), 0, dim)


class Masking:
    def __init__(self, answers):
        self.answers = answers

    def call(self, probe, *args):
        return self.answers[probe.__name__.removeprefix("probe_")]


def test_masks_spec_fails_on_masks_drawn_once():
    selected = np.random.default_rng(0).random((64, 128)) < 0.15
    static = Masking({"collate_epochs": {"selected": np.stack([selected, selected])}})
    with pytest.raises(FAILS, match="drawn anew at every epoch"):
        spec("td3/test_masks_every_epoch.py").test_masks_are_redrawn_every_epoch(static, 0)


def test_masked_loss_spec_fails_when_every_token_is_labelled():
    counts = {"clm_positions": 127.0, "mlm_positions": 128.0, "clm_vocabulary": 651,
              "mlm_vocabulary": 258, "clm_tokens": 10951, "mlm_tokens": 11455}
    with pytest.raises(FAILS, match="only the selected tokens"):
        spec("td3/test_mlm_perplexity_not_comparable.py").test_masked_loss_counts_only_the_selected_tokens(
            Masking({"loss_positions": counts}), 0)


class RatesDoNotMatter(CollapsedGAN):
    """A generator whose result does not depend on the learning rates."""

    def _run(self, config):
        run = super()._run(config)
        run["samples"] = np.random.default_rng(config["seed"]).random((1500, 2))
        return run


def test_learning_rate_spec_fails_when_the_rates_do_not_matter():
    with pytest.raises(FAILS, match="training should fail"):
        spec("td2/gan/test_learning_rate_balance.py").test_unbalanced_learning_rates_train_worse(
            RatesDoNotMatter(), 0)


class CurveGAN(CollapsedGAN):
    """A generator that reads only its first noise coordinate: its points lie on a curve."""

    def _run(self, config):
        run = super()._run(config)
        t = np.random.default_rng(config["seed"]).random(1500)
        run["samples"] = np.stack([0.2 + 0.6 * t, 0.5 + 0.2 * np.sin(6 * t)], axis=1)
        return run


@pytest.mark.parametrize("gan", [CollapsedGAN(), CurveGAN()], ids=["collapsed", "curve"])
def test_two_dimensional_noise_spec_fails_on_points_without_area(gan):
    test = spec("td2/gan/test_noise_dimension.py").test_two_dimensional_noise_fills_the_region
    with pytest.raises(FAILS, match="fill a 2-D region"):
        test(gan, 0)


class CopiedRing(ShareLosses):
    """Generated points copied from the ring itself, with log losses at chance."""

    def _run(self, config):
        run = super()._run(config)
        angle = np.random.default_rng(config["seed"]).random(1500) * 2 * np.pi
        run["samples"] = np.stack([0.5 + 0.3 * np.cos(angle), 0.45 + 0.25 * np.sin(angle)], 1)
        run["history"] = {"d_loss": np.full(config["steps"], 1.35),
                          "g_loss": np.full(config["steps"], 0.69)}
        return run


@pytest.mark.parametrize("gan, message", [(ShareLosses(), "should be fooled"),
                                          (CopiedRing(), "far from the ring")],
                         ids=["losses_as_shares", "points_copied_from_the_ring"])
def test_weak_discriminator_spec_fails_on_shares_or_copied_points(gan, message):
    test = spec("td2/gan/test_discriminator_strength.py")
    with pytest.raises(FAILS, match=message):
        test.test_weak_discriminator_is_fooled_while_samples_stay_poor(gan, 0)


class KdIgnored(CollapsedGAN):
    """One discriminator update per step whatever k_d: 1:1 and 5:1 give the same run. Keeps
    the seeds it trained."""

    def __init__(self):
        self.seeds = []

    def _run(self, config):
        run = super()._run(config)
        noise = np.random.default_rng(config["seed"]).random(config["steps"])
        run["history"] = {"d_loss": 1.0 + 0.1 * noise, "d_accuracy": 0.6 + 0.1 * noise}
        return run

    def train_seeds(self, config, seeds):
        self.seeds += seeds
        return super().train_seeds(config, seeds)

    def history(self, run, name):
        return run["history"][name]


@pytest.mark.parametrize("name", ["loss_lower", "accuracy_higher"])
def test_update_ratio_specs_fail_when_k_d_is_ignored_after_the_retry(name):
    from labs.gan.spec_cases import update_ratio_retry_seeds, update_ratio_seeds

    gan = KdIgnored()
    with pytest.raises(FAILS, match="keep the discriminator ahead"):
        getattr(spec("td2/gan/test_update_ratio.py"),
                f"test_five_to_one_keeps_the_discriminator_{name}")(gan, 3)
    # no gap in the first seeds, so the spec trained as many more before failing
    assert set(gan.seeds) == set(update_ratio_seeds(3) + update_ratio_retry_seeds(3))


class CountedAccuracy(CollapsedGAN):
    """``d_accuracy`` a count over a batch of ``batch`` points (the config's when None);
    stuck at 1/2, a discriminator right on no fake or no real point, at ``stuck_seeds``.
    Keeps the seeds it trained."""

    def __init__(self, batch=None, stuck_seeds=()):
        self.batch, self.stuck_seeds, self.seeds = batch, set(stuck_seeds), []

    def _run(self, config):
        run = super()._run(config)
        points = 2 * (self.batch or config["batch_size"])
        counts = np.random.default_rng(config["seed"]).integers(0, points + 1, config["steps"])
        if config["seed"] in self.stuck_seeds:
            counts[:] = points // 2
        run["history"] = {"d_accuracy": counts / points}
        return run

    def train_seeds(self, config, seeds):
        self.seeds += seeds
        return [self._run({**config, "seed": seed}) for seed in seeds]

    def history(self, run, name):
        return run["history"][name]


def test_batch_size_spec_reads_more_runs_only_when_the_first_has_no_inner_count():
    from labs.gan.field_cases import batch_retry_seeds

    test = spec("td2/gan/test_config_fields.py").test_accuracy_counts_the_configured_batch
    gan = CountedAccuracy()
    test(gan, 3)
    assert gan.seeds == [3]
    stuck = CountedAccuracy(stuck_seeds=[3])
    test(stuck, 3)  # a discriminator stuck at 1/2 at the spec seed: the retry's runs count
    assert stuck.seeds == [3] + batch_retry_seeds(3)


def test_batch_size_spec_fails_when_the_batch_size_is_ignored_after_the_retry():
    from labs.gan.field_cases import batch_retry_seeds

    test = spec("td2/gan/test_config_fields.py").test_accuracy_counts_the_configured_batch
    ignored = CountedAccuracy(batch=150)
    with pytest.raises(FAILS, match="batch_size = 7"):
        test(ignored, 3)
    assert ignored.seeds == [3] + batch_retry_seeds(3)
