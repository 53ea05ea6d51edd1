"""Each GAN config-field spec fails on a submission with the slip it names (the survivors of
mutation testing): a stand-in for the contract's client trains the reference with the
config or the history altered as that submission would, and the experiment must not hold.

Slow (each case trains a few short runs): CI runs them with ``--run-slow``."""
from __future__ import annotations

from typing import Callable

import numpy as np
import pytest

from labs.gan import sample_noise, train_gan_seeds
from labs.gan.field_cases import FIELD_EXPERIMENTS
from labs.gan.spec_cases import check

pytestmark = pytest.mark.slow


class Slipped:
    """The reference seen through a slip: ``config`` rewrites what training receives,
    ``history`` what it reports."""

    def __init__(self, config: Callable[[dict], dict] = dict,
                 history: Callable[[dict], dict] = dict) -> None:
        self.rewrite_config, self.rewrite_history = config, history

    def train_seeds(self, config: dict, seeds: list[int]) -> list[dict]:
        runs = train_gan_seeds(self.rewrite_config(dict(config)), seeds)
        return [{"samples": run.sample(1500),
                 "history": self.rewrite_history({k: run.history[k].copy() for k in
                                                  ("d_loss", "g_loss", "g_grad_norm", "d_accuracy")})}
                for run in runs]

    def history(self, run: dict, name: str) -> np.ndarray:
        return run["history"][name]

    def sample_noise(self, kind: str, dim: int, n: int, seed: int) -> np.ndarray:
        return sample_noise(kind, dim, n, seed)


def setting(**fixed) -> Callable[[dict], dict]:
    return lambda config: dict(config, **fixed)


def swapped(a: str, b: str) -> Callable[[dict], dict]:
    return lambda config: dict(config, **{a: config[b], b: config[a]})


def replaced(field: str, by: str) -> Callable[[dict], dict]:
    return lambda config: dict(config, **{field: config[by]})


def reported(name: str, change: Callable[[np.ndarray], np.ndarray]) -> Callable[[dict], dict]:
    return lambda history: dict(history, **{name: change(history[name])})


SLIPS = {  # experiment -> the submission that must fail it
    "k_g_zero": Slipped(config=setting(k_g=1)),  # k_g ignored
    "k_g": Slipped(config=setting(k_g=1)),
    "k_d": Slipped(config=setting(k_d=2)),  # k_d ignored
    "d_lr": Slipped(config=swapped("d_lr", "g_lr")),
    "d_optimizer": Slipped(config=setting(d_optimizer="sgd")),  # always SGD
    "g_lr": Slipped(config=swapped("d_lr", "g_lr")),
    "g_optimizer": Slipped(config=swapped("d_optimizer", "g_optimizer")),
    "g_layers": Slipped(config=setting(g_layers=2)),  # the generator's sizes ignored
    "g_neurons": Slipped(config=setting(g_neurons=8)),
    "noise=gaussian": Slipped(config=setting(noise="uniform")),  # noise always uniform
    "noise=uniform": Slipped(config=setting(noise="gaussian")),
    "loss=log": Slipped(history=reported("g_loss", np.negative)),  # log(1 - D) reported
    "loss=log, d": Slipped(history=reported("d_loss", np.negative)),  # a sign dropped
    "loss=minimax": Slipped(config=setting(loss="log")),  # loss ignored
    "loss=least_squares": Slipped(config=setting(loss="log")),
    "batch_size": Slipped(config=setting(batch_size=150)),  # batch size ignored
    "accuracy": Slipped(history=reported("d_accuracy", lambda a: 1.0 - a)),  # inverted
}


def test_every_field_experiment_has_a_slip():
    shown_below = {"field[loss=least_squares, g]", "field[loss=least_squares, g >= 0]"}
    assert {f"field[{name}]" for name in SLIPS} | shown_below == set(FIELD_EXPERIMENTS)


@pytest.mark.parametrize("name", list(SLIPS))
def test_field_spec_fails_on_its_slip(name):
    holds, message = check(SLIPS[name], f"field[{name}]", 0, FIELD_EXPERIMENTS)
    assert not holds, f"the slip passed field[{name}]: {message}"


@pytest.mark.parametrize("slip", [swapped("d_optimizer", "g_optimizer"), setting(g_optimizer="sgd")],
                         ids=["optimisers swapped", "generator always on SGD"])
def test_the_optimiser_spec_takes_its_largest_run_and_still_fails_on_every_seed(slip):
    for spec_seed in range(5):  # the largest of 3 runs: a slip must lose each of them
        holds, message = check(Slipped(config=slip), "field[g_optimizer]", spec_seed,
                               FIELD_EXPERIMENTS)
        assert not holds, message


def test_k_g_replaced_by_k_d_fails():
    holds, _ = check(Slipped(config=replaced("k_g", "k_d")), "field[k_g_zero]", 0, FIELD_EXPERIMENTS)
    assert not holds


def test_noise_dimension_ignored_fails():
    holds, _ = check(Slipped(config=setting(noise_dim=2)), "field[g_layers]", 0, FIELD_EXPERIMENTS)
    assert not holds


def test_least_squares_generator_loss_out_of_its_range_fails():
    """A least-squares generator loss of (D - 1)^2 summed instead of averaged exceeds 1."""
    slip = Slipped(history=reported("g_loss", lambda g: 150 * g))
    holds, _ = check(slip, "field[loss=least_squares, g]", 0, FIELD_EXPERIMENTS)
    assert not holds


def test_least_squares_generator_loss_written_times_two_fails():
    """(D - 1) * 2 instead of (D - 1) ** 2: negative."""
    slip = Slipped(history=reported("g_loss", lambda g: -2.0 * np.sqrt(g)))
    holds, _ = check(slip, "field[loss=least_squares, g >= 0]", 0, FIELD_EXPERIMENTS)
    assert not holds
