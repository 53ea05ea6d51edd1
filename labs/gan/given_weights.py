"""TD 2's given-weights probes: training steps whose every number follows from the config,
the weights and the data (issue 24).

The other specs see a run only through ``sample(n)`` and its history, so a slip that keeps
a GAN training (a ReLU's backward mask skipped at one layer, the least-squares gradient off
by its factor 2, Adam's step count off by one, a batch that does not wrap round) passes
them. Here the trusted side draws the weights, the real points and the noise from the spec
seed, the submission's ``train_gan_from`` trains a few steps on them, and the result is
compared with ``labs.gan.step_formulas`` (the documented formulas, float64) on the same
arrays. Thresholds and calibration: ``specs/td2/gan/test_given_weights.py``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from labs.gan.spec_cases import config
from labs.gan.step_formulas import expected_training, float32_spread, forward

# Two hidden layers each (a lost ReLU or a skipped backward mask shows only with two); a
# batch of 7 over 30 real rows and 40 noise rows, so the batches wrap round the data
UPDATE_STEPS, K_D, K_G, BATCH, REAL_ROWS, NOISE_ROWS = 3, 2, 2, 7, 30, 40
SIZES = dict(noise_dim=2, g_layers=2, g_neurons=5, d_layers=2, d_neurons=6)
# each loss on the optimisers that show its slips: the least-squares gradient's factor 2 is
# invisible to Adam (it normalises the step), so that loss trains on SGD
OPTIMISERS = {"log": ("adam", "sgd"), "minimax": ("sgd", "adam"), "least_squares": ("sgd", "sgd")}
LEARNING_RATES = {"sgd": 0.1, "adam": 0.02}
LOSSES = tuple(OPTIMISERS)
METRICS = ("d_loss", "g_loss", "d_accuracy", "g_grad_norm")
# (k_d, k_g) of the one step each is read from: the network that records it updates once
METRIC_UPDATES = {"d_loss": (1, 0), "d_accuracy": (1, 0), "g_loss": (0, 1), "g_grad_norm": (0, 1)}
WEIGHT_TOLERANCE = 1e-4  # largest |difference| of a final weight (calibration in the spec)
SPREAD_FACTOR = 10  # ... beyond this many times what float32 rounding alone does to it
METRIC_TOLERANCE = 1e-4  # of a reported value, relative to max(1, |value|)


@dataclass(frozen=True)
class GivenInputs:
    config: dict[str, Any]
    weights: dict[str, list[np.ndarray]]
    real: np.ndarray
    noise: np.ndarray


def _weights(sizes: list[int], rng: np.random.Generator) -> list[np.ndarray]:
    """GAN Lab's scales (1/sqrt(2) first, 1/sqrt(fan_in) after) and biases that are not zero,
    so that a bias slip shows."""
    out = []
    for index, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        scale = 1 / np.sqrt(2) if index == 0 else 1 / np.sqrt(fan_in)
        out += [rng.normal(0, scale, (fan_in, fan_out)), rng.normal(0, 0.1, fan_out)]
    return out


def given_inputs(loss: str, spec_seed: int, steps: int = UPDATE_STEPS, k_d: int = K_D,
                 k_g: int = K_G) -> GivenInputs:
    """The config, weights, real points and noise of one probe, drawn from the spec seed
    on the trusted side (float32 values, so that a float32 submission holds them exactly)."""
    d_optimizer, g_optimizer = OPTIMISERS[loss]
    run_config = config("ring", loss=loss, steps=steps, k_d=k_d, k_g=k_g, batch_size=BATCH,
                        d_optimizer=d_optimizer, g_optimizer=g_optimizer,
                        d_lr=LEARNING_RATES[d_optimizer], g_lr=LEARNING_RATES[g_optimizer],
                        seed=spec_seed, eval_every=max(1, steps), **SIZES)
    rng = np.random.default_rng([spec_seed, LOSSES.index(loss), steps, k_d, k_g])
    # written out rather than labs.gan.networks.layer_sizes: the probe's inputs must not
    # follow a slip in the reference (a mutant of layer_sizes would move both sides)
    g_sizes = [SIZES["noise_dim"]] + [SIZES["g_neurons"]] * SIZES["g_layers"] + [2]
    d_sizes = [2] + [SIZES["d_neurons"]] * SIZES["d_layers"] + [1]
    as32 = lambda a: np.asarray(a, dtype=np.float32).astype(float)  # noqa: E731
    weights = {"generator": [as32(w) for w in _weights(g_sizes, rng)],
               "discriminator": [as32(w) for w in _weights(d_sizes, rng)]}
    return GivenInputs(run_config, weights, as32(rng.uniform(0.1, 0.9, (REAL_ROWS, 2))),
                       as32(rng.uniform(0, 1, (NOISE_ROWS, SIZES["noise_dim"]))))


SPLIT_MARGIN = 1e-3  # the accuracy probe's logits stay this far from 0 (float32 keeps signs)


def metric_inputs(metric: str, loss: str, spec_seed: int) -> GivenInputs:
    """One step of only the update that records ``metric`` (k_d = 1 or k_g = 1, the other
    0), so the value is read at the given weights. For ``d_accuracy``, the discriminator's
    last bias is moved so that some of the batch's 14 points get a positive logit and some
    a negative one: an untrained discriminator most often calls every point the same
    (accuracy 1/2, which an inverted accuracy also gives). Zero goes in the middle of the
    widest gap between consecutive logits near their median, and only where that gap
    keeps every logit ``SPLIT_MARGIN`` from 0, so that float32 rounding cannot flip a sign."""
    k_d, k_g = METRIC_UPDATES[metric]
    given = given_inputs(loss, spec_seed, steps=1, k_d=k_d, k_g=k_g)
    if metric != "d_accuracy":
        return given
    fake = np.tanh(forward(given.weights["generator"], given.noise[:BATCH]))
    logits = forward(given.weights["discriminator"], np.vstack([given.real[:BATCH], fake]))[:, 0]
    ordered = np.sort(logits)
    middle = range(len(ordered) // 2 - 3, len(ordered) // 2 + 3)  # 4 to 10 points above 0
    split = max(middle, key=lambda k: ordered[k + 1] - ordered[k])
    if ordered[split + 1] - ordered[split] < 2 * SPLIT_MARGIN:  # a discriminator of one value
        return given
    discriminator = list(given.weights["discriminator"])
    shift = (ordered[split] + ordered[split + 1]) / 2
    discriminator[-1] = np.asarray(discriminator[-1] - shift, dtype=np.float32).astype(float)
    return GivenInputs(given.config, dict(given.weights, discriminator=discriminator),
                       given.real, given.noise)


def largest_weight_gap(found: dict[str, list[np.ndarray]], expected: dict[str, list[np.ndarray]],
                       spread: dict[str, list[np.ndarray]]) -> tuple[float, str]:
    """The largest |difference| of a final weight from the formulas', beyond
    ``SPREAD_FACTOR`` times what float32 rounding alone does to it (``float32_spread``),
    and where it is."""
    gaps = []
    for name in expected:
        for index, (f, e, r) in enumerate(zip(found[name], expected[name], spread[name])):
            beyond = np.abs(np.asarray(f) - e) - SPREAD_FACTOR * r
            beyond[~np.isfinite(beyond)] = np.inf  # NaN would lose every comparison
            gaps.append((float(beyond.max()) if beyond.size else 0.0, name, index))
    gap, name, index = max(gaps)
    kind = "W" if index % 2 == 0 else "b"
    return gap, f"the {name}'s {kind}{index // 2}"


def metric_gap(found: np.ndarray, expected: np.ndarray) -> float:
    """|found - expected| / max(1, |expected|) at the recorded step (NaN: infinitely far)."""
    found, expected = float(np.asarray(found)[0]), float(np.asarray(expected)[0])
    gap = abs(found - expected) / max(1.0, abs(expected))
    return float("inf") if np.isnan(gap) else gap


def weight_gap(gan: Any, loss: str, spec_seed: int) -> tuple[float, str]:
    """The update probe (``given_inputs``) on ``gan`` (the contract's client): the largest
    |difference| of its final weights from the formulas', and a sentence saying where."""
    given = given_inputs(loss, spec_seed)
    run = gan.train_from(given.config, given.weights, given.real, given.noise)
    expected = expected_training(given.config, given.weights, given.real, given.noise)["weights"]
    spread = float32_spread(given.config, given.weights, given.real, given.noise, expected)
    gap, where = largest_weight_gap(run["weights"], expected, spread)
    return gap, (f"{run.where}: after {given.config['steps']} steps the final weights differ "
                 f"from the lab's formulas by up to {gap:.3g} ({where}) beyond "
                 f"{SPREAD_FACTOR} x what float32 rounding explains")


def reported_gap(gan: Any, metric: str, loss: str, spec_seed: int) -> tuple[float, str]:
    """The metric probe (``metric_inputs``) on ``gan``: the relative difference of the
    recorded value from the formula's at the given weights, and a sentence saying so."""
    given = metric_inputs(metric, loss, spec_seed)
    run = gan.train_from(given.config, given.weights, given.real, given.noise)
    expected = float(expected_training(given.config, given.weights, given.real,
                                       given.noise)["history"][metric][0])
    found = gan.history(run, metric)
    gap = metric_gap(found, np.array([expected]))
    return gap, (f"{run.where}: history[{metric!r}] is {float(found[0]):.6g}; the lab's "
                 f"formula gives {expected:.6g} at the given weights (relative difference "
                 f"{gap:.3g})")


def gaps(gan: Any, spec_seed: int) -> dict[str, float]:
    """Every probe's gap at one spec seed (what ``python -m labs.gan.calibrate --only
    given_weights`` prints)."""
    row = {f"weights[{loss}]": weight_gap(gan, loss, spec_seed)[0] for loss in LOSSES}
    row.update({f"{metric}[{loss}]": reported_gap(gan, metric, loss, spec_seed)[0]
                for metric in METRICS for loss in LOSSES})
    return row
