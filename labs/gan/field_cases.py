"""TD 2's GAN experiments that make each field of the config observable (issue 24).

A student's ``train_gan`` that ignores or swaps a hyper-parameter must fail a spec naming
that field. The contract shows only ``sample(n)`` and the per-step history, so each field is
read where it acts most directly:

- ``k_g = 0`` freezes the generator: ``sample(n)`` after training equals it at step 0, bit
  for bit (a student's ``sample`` is deterministic for a seed: the determinism spec).
- Update counts: with the other network frozen, ``k = 2`` for n steps makes the same updates
  on the same batches as ``k = 1`` for 2n steps, so the two runs agree to the bit (the
  generator's points; the discriminator's ``d_loss``, the last update's of each step).
- With the generator frozen (``k_g = 0``) the discriminator's loss falls by an amount set by
  ``d_lr`` and ``d_optimizer`` alone; with the discriminator frozen (``k_d = 0``) the
  generator's points move by an amount set by ``g_lr`` and ``g_optimizer`` alone. Each
  experiment trains two configs that differ in those fields (the two learning rates, or the
  two optimisers, swapped between the networks, so that a swap in the student's code
  reverses the outcome) and reads the gap.
- Layer sizes: a generator without hidden layer is ``tanh(affine(noise))``, so with 1-D
  noise ``atanh`` of its points lies on a straight line, exactly; so does a generator whose
  hidden layers have one neuron, whatever the noise. A generator with hidden layers makes
  a curve instead.
- The noise kind of ``sample(n)``: untrained and without hidden layer (zero biases, GAN
  Lab's initialisation), ``atanh`` of the points is the noise times a fixed vector, so the
  kurtosis of the points along their line is the noise's: 1.8 uniform, 2.37 truncated
  gaussian.
- Reported values: each loss's documented range (log: both >= 0; minimax: the generator's
  log(1 - D) <= 0; least squares: near 0.5, not 1.35, while the discriminator cannot yet
  tell real from fake); ``d_accuracy`` a count over the batch (a multiple of 1 / (2 x
  batch_size), which names the batch size) and high once a discriminator has learnt.

Thresholds and calibrations are in ``specs/td2/gan/test_config_fields.py``.
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from labs.gan.spec_cases import Experiment, Runs, config, describe, largest_with_a_retry

FIELD_STEPS = 20
FIELD_SEEDS = 3  # each gap is the median over this many seeds: one seed's batches are noisy
FALL_WINDOW = 5  # steps averaged at each end of a loss curve
KURTOSIS = {"uniform": 1.8, "gaussian": 2.366}  # of the noise (TensorFlow's truncation at 2 sd)
KURTOSIS_SPLIT = 2.05


def field_seeds(spec_seed: int) -> list[int]:
    return [FIELD_SEEDS * spec_seed + i for i in range(FIELD_SEEDS)]


def field_run(seed: int, steps: int = FIELD_STEPS, **overrides: Any) -> dict[str, Any]:
    """The ring preset (SGD both, k_d 3), short, with the fields under test set."""
    return config("ring", steps=steps, seed=seed, eval_every=max(1, steps), **overrides)


def fall(values: np.ndarray) -> float:
    """How far a loss falls: its mean over the first steps minus that over the last ones."""
    values = np.asarray(values, dtype=float)
    return float(np.mean(values[:FALL_WINDOW]) - np.mean(values[-FALL_WINDOW:]))


def straightness(points: np.ndarray) -> float:
    """sigma2 / sigma1 of atanh of the points: 0 when the generator's pre-tanh outputs lie on
    a straight line (float32 rounding leaves 1e-16 to 1e-5)."""
    inner = np.arctanh(np.clip(np.asarray(points, dtype=float), -0.999999, 0.999999))
    singular = np.linalg.svd(inner - inner.mean(axis=0), compute_uv=False)
    return float(singular[1] / max(singular[0], 1e-300))


def kurtosis_along_line(points: np.ndarray) -> float:
    """The kurtosis of atanh of the points along their main axis (1.8 for uniform, 2.37 for
    GAN Lab's truncated gaussian when they are the noise times a vector)."""
    inner = np.arctanh(np.clip(np.asarray(points, dtype=float), -0.999999, 0.999999))
    centred = inner - inner.mean(axis=0)
    axis = np.linalg.svd(centred, full_matrices=False)[2][0]
    along = centred @ axis
    return float(np.mean(along ** 4) / np.mean(along ** 2) ** 2)


def _listed(values) -> str:
    return "[" + ", ".join(f"{v:.3g}" for v in values) + "]"


# --- the experiments' measures -------------------------------------------------------------

def _k_g_zero_freezes(runs: Runs, spec_seed: int) -> tuple[float, str]:
    frozen = field_run(spec_seed, k_g=0)
    start = field_run(spec_seed, steps=0)
    after = runs.train_seeds(frozen, [spec_seed])[0]["samples"]
    before = runs.train_seeds(start, [spec_seed])[0]["samples"]
    return float(np.abs(after - before).max()), (
        f"largest move of a generated point between {describe(start)} and {describe(frozen)}")


def _fall_gap(metric: str, faster: dict[str, Any], slower: dict[str, Any]
              ) -> Callable[[Runs, int], tuple[float, str]]:
    """Median over seeds of fall(``metric``) with ``faster`` minus that with ``slower``."""
    def measure(runs: Runs, spec_seed: int) -> tuple[float, str]:
        seeds = field_seeds(spec_seed)
        falls = {}
        for name, overrides in (("faster", faster), ("slower", slower)):
            run_config = field_run(seeds[0], **overrides)
            falls[name] = np.array([fall(runs.history(run, metric))
                                    for run in runs.train_seeds(run_config, seeds)])
        gaps = falls["faster"] - falls["slower"]
        return float(np.median(gaps)), (
            f"{metric} fell by {_listed(falls['faster'])} with {describe(field_run(seeds[0], **faster))} "
            f"and by {_listed(falls['slower'])} with {describe(field_run(seeds[0], **slower))}, "
            f"seeds {seeds}")
    return measure


def _move_ratio(faster: dict[str, Any], slower: dict[str, Any], over: Callable = np.median
                ) -> Callable[[Runs, int], tuple[float, str]]:
    """``over`` the seeds (their median, or largest) of log10(how far the generated points
    moved from step 0 with ``faster`` / with ``slower``)."""
    def measure(runs: Runs, spec_seed: int) -> tuple[float, str]:
        seeds = field_seeds(spec_seed)
        start = [run["samples"] for run in runs.train_seeds(field_run(seeds[0], steps=0), seeds)]
        moves = {}
        for name, overrides in (("faster", faster), ("slower", slower)):
            trained = runs.train_seeds(field_run(seeds[0], **overrides), seeds)
            moves[name] = np.array([np.mean(np.abs(run["samples"] - first))
                                    for run, first in zip(trained, start)])
        ratios = np.log10(np.maximum(moves["faster"], 1e-300) / np.maximum(moves["slower"], 1e-300))
        return float(over(ratios)), (
            f"points moved {_listed(moves['faster'])} from step 0 with "
            f"{describe(field_run(seeds[0], **faster))} and {_listed(moves['slower'])} with "
            f"{describe(field_run(seeds[0], **slower))}, seeds {seeds}: log10 ratios "
            f"{_listed(ratios)}")
    return measure


PAIRED_STEPS = 10


def _d_updates_count(runs: Runs, spec_seed: int) -> tuple[float, str]:
    """With the generator frozen, k_d = 2 for 10 steps makes the same 20 discriminator updates,
    on the same batches, as k_d = 1 for 20 steps: step i's d_loss (its last update's, before
    it) is the other run's at step 2i + 1."""
    twice = field_run(spec_seed, steps=PAIRED_STEPS, k_g=0, k_d=2)
    once = field_run(spec_seed, steps=2 * PAIRED_STEPS, k_g=0, k_d=1)
    pairs = runs.history(runs.train_seeds(twice, [spec_seed])[0], "d_loss")
    singles = runs.history(runs.train_seeds(once, [spec_seed])[0], "d_loss")[1::2]
    return float(np.max(np.abs(pairs - singles))), (
        f"d_loss of {describe(twice)} against every second step of {describe(once)}: "
        f"{_listed(pairs[:4])} ... against {_listed(singles[:4])} ...")


def _g_updates_count(runs: Runs, spec_seed: int) -> tuple[float, str]:
    """With the discriminator frozen, k_g = 2 for 10 steps makes the same 20 generator updates,
    on the same noise, as k_g = 1 for 20 steps: the same generator, the same points."""
    twice = field_run(spec_seed, steps=PAIRED_STEPS, k_d=0, k_g=2)
    once = field_run(spec_seed, steps=2 * PAIRED_STEPS, k_d=0, k_g=1)
    first = runs.train_seeds(twice, [spec_seed])[0]["samples"]
    second = runs.train_seeds(once, [spec_seed])[0]["samples"]
    return float(np.abs(first - second).max()), (
        f"largest distance between the points of {describe(twice)} and of {describe(once)}")


def _straightness(overrides: dict[str, Any]) -> Callable[[Runs, int], tuple[float, str]]:
    def measure(runs: Runs, spec_seed: int) -> tuple[float, str]:
        run_config = field_run(spec_seed, **overrides)
        return straightness(runs.train_seeds(run_config, [spec_seed])[0]["samples"]), describe(run_config)
    return measure


def _sample_noise_kurtosis(kind: str) -> Callable[[Runs, int], tuple[float, str]]:
    def measure(runs: Runs, spec_seed: int) -> tuple[float, str]:
        run_config = field_run(spec_seed, steps=0, g_layers=0, noise=kind, noise_dim=1)
        points = runs.train_seeds(run_config, [spec_seed])[0]["samples"]
        return kurtosis_along_line(points), (
            f"untrained {describe(run_config)}: its noise's kurtosis is {KURTOSIS[kind]:g}")
    return measure


LOSS_STEPS = 20


def loss_run(loss: str, seed: int, **overrides: Any) -> dict[str, Any]:
    """The gaussians preset's first steps (the losses spec's run), with ``loss``."""
    return config("gaussians", loss=loss, steps=LOSS_STEPS, seed=seed, eval_every=LOSS_STEPS,
                  **overrides)


def _loss_extreme(loss: str, metric: str, pick: Callable) -> Callable[[Runs, int], tuple[float, str]]:
    def measure(runs: Runs, spec_seed: int) -> tuple[float, str]:
        run_config = loss_run(loss, spec_seed)
        values = runs.history(runs.train_seeds(run_config, [spec_seed])[0], metric)
        return float(pick(values)), f"{metric} over the steps of {describe(run_config)}"
    return measure


BATCH = 7  # a batch size that does not divide 150 (nor 12,000: the data wraps)
BATCH_RETRY_RUNS = 2  # one run in about 300 has a discriminator right on every point at
# every step (accuracies 0, 1/2 and 1 only), so the spec reads more runs only then
# (test_config_fields.py's calibration)
BATCH_RETRY_BASE = 7_000_000  # the retry's seeds: above every spec seed (10^6) and its pair


def batch_retry_seeds(spec_seed: int) -> list[int]:
    return [BATCH_RETRY_BASE + BATCH_RETRY_RUNS * spec_seed + i for i in range(BATCH_RETRY_RUNS)]


def inner_batch_counts(accuracy: np.ndarray) -> float:
    """How many steps have an accuracy strictly between 0, 1/2 and 1 that is a multiple of
    1 / (2 x 7), or 0 when some step's is not such a multiple (a batch of any other size:
    k / 300 is a multiple of 1/14 only at 0, 1/2 and 1)."""
    scaled = np.asarray(accuracy, dtype=float) * 2 * BATCH
    counts = np.abs(scaled - np.round(scaled)) < 1e-3
    inner = ~np.isin(np.round(scaled), [0, BATCH, 2 * BATCH])
    return float(np.sum(counts & inner) if counts.all() else 0)


def _accuracy_counts_of_the_batch(runs: Runs, spec_seed: int) -> tuple[float, str]:
    """``inner_batch_counts`` of the run at the spec seed; the largest over the retry seeds'
    runs too when it has none (those train only then)."""
    run_config = field_run(spec_seed, batch_size=BATCH)

    def counts(seeds: list[int]) -> tuple[list[float], list[np.ndarray]]:
        accuracies = [runs.history(run, "d_accuracy")
                      for run in runs.train_seeds(field_run(seeds[0], batch_size=BATCH), seeds)]
        return [inner_batch_counts(a) for a in accuracies], accuracies

    largest, seeds, accuracies = largest_with_a_retry(
        [spec_seed], batch_retry_seeds(spec_seed), 1, counts)
    shown = "; ".join(f"seed {seed}: {_listed(a[:10] * 2 * BATCH)} ..."
                      for seed, a in zip(seeds, [a for group in accuracies for a in group]))
    return largest, (f"d_accuracy x {2 * BATCH} over the steps of {describe(run_config)} "
                     f"at batch_size {BATCH}; {shown}")


def _learnt_accuracy(runs: Runs, spec_seed: int) -> tuple[float, str]:
    seeds = field_seeds(spec_seed)
    run_config = field_run(seeds[0], k_g=0, d_optimizer="adam", d_lr=0.01)
    late = [float(np.mean(runs.history(run, "d_accuracy")[-FALL_WINDOW:]))
            for run in runs.train_seeds(run_config, seeds)]
    return float(np.median(late)), (f"mean d_accuracy over the last {FALL_WINDOW} steps "
                                    f"{_listed(late)} for seeds {seeds}, {describe(run_config)}")


_FIELDS = "test_config_fields.py::"
_CHANGES = f"{_FIELDS}test_each_field_changes_what_it_should"


def _field(name: str, claim: str, statistic: str, comparison: str, threshold: float,
           measure: Callable[[Runs, int], tuple[float, str]], spec: str = _CHANGES) -> Experiment:
    return Experiment(f"field[{name}]", f"{spec}[{name}]", claim, statistic, comparison,
                      threshold, measure)


_FALL = f"median over {FIELD_SEEDS} seeds of fall(d_loss) with the first config minus with the second"
_MOVE = (f"median over {FIELD_SEEDS} seeds of log10(distance the points moved from step 0 with "
         "the first config / with the second)")
# one run in 40 to 60 moves about as far on SGD as on Adam (or not at all: a discriminator
# whose ReLUs are all dead for the generated points gives no gradient), so the optimiser's
# spec asks Adam to move further in one of the seeds (test_config_fields.py's calibration)
_MOVE_LARGEST = _MOVE.replace("median", "largest", 1)

FIELD_EXPERIMENTS: dict[str, Experiment] = {e.name: e for e in (
    _field("k_g_zero", "k_g = 0 should leave the generator as it was at step 0 (no generator update)",
           "largest move of a generated point", "<=", 0.0, _k_g_zero_freezes),
    _field("k_g", "k_g generator updates per step: k_g = 2 for 10 steps should make the same "
           "generator as k_g = 1 for 20 (discriminator frozen)",
           "largest distance between their points", "<=", 1e-6, _g_updates_count),
    _field("k_d", "k_d discriminator updates per step: k_d = 2 for 10 steps should make the same "
           "updates as k_d = 1 for 20 (generator frozen; d_loss is the last update's)",
           "largest difference of d_loss between the paired steps", "<=", 1e-6, _d_updates_count),
    _field("d_lr", "with the generator frozen, the discriminator's loss should fall faster at "
           "d_lr 0.1 than at 0.001 (g_lr set the other way round)", _FALL, ">=", 0.05,
           _fall_gap("d_loss", dict(k_g=0, d_lr=0.1, g_lr=0.001), dict(k_g=0, d_lr=0.001, g_lr=0.1))),
    _field("d_optimizer", "with the generator frozen, Adam at 0.01 should lower the "
           "discriminator's loss more than SGD at 0.01 (g_optimizer set the other way round)",
           _FALL, ">=", 0.3,
           _fall_gap("d_loss", dict(k_g=0, d_optimizer="adam", g_optimizer="sgd", d_lr=0.01),
                     dict(k_g=0, d_optimizer="sgd", g_optimizer="adam", d_lr=0.01))),
    _field("g_lr", "with the discriminator frozen, the generator should move its points about 100 "
           "times further at g_lr 0.1 than at 0.001 (d_lr set the other way round)", _MOVE,
           ">=", 0.5, _move_ratio(dict(k_d=0, g_lr=0.1, d_lr=0.001), dict(k_d=0, g_lr=0.001, d_lr=0.1))),
    _field("g_optimizer", "with the discriminator frozen, Adam at 0.01 should move the generator's "
           "points further than SGD at 0.01 (d_optimizer set the other way round)", _MOVE_LARGEST,
           ">=", 0.3,
           _move_ratio(dict(k_d=0, g_optimizer="adam", d_optimizer="sgd", g_lr=0.01),
                       dict(k_d=0, g_optimizer="sgd", d_optimizer="adam", g_lr=0.01), np.max)),
    _field("g_layers", "g_layers = 0 with 1-D noise should give points whose atanh lies on a "
           "straight line (the generator is tanh of an affine map)",
           "sigma2 / sigma1 of atanh(points)", "<=", 1e-5, _straightness(dict(g_layers=0, noise_dim=1)),
           f"{_FIELDS}test_generator_sizes_shape_the_points"),
    _field("g_neurons", "g_neurons = 1 should squeeze 2-D noise through one number: atanh of the "
           "points on a straight line", "sigma2 / sigma1 of atanh(points)", "<=", 1e-3,
           _straightness(dict(g_neurons=1)), f"{_FIELDS}test_generator_sizes_shape_the_points"),
    *(_field(f"noise={kind}", f"sample(n) should draw {kind} noise when the config says so",
             "kurtosis along the line of an untrained generator without hidden layer",
             "<=" if kind == "uniform" else ">=", KURTOSIS_SPLIT, _sample_noise_kurtosis(kind),
             f"{_FIELDS}test_sample_draws_the_configured_noise")
      for kind in ("uniform", "gaussian")),
    _field("loss=log", "the log loss's generator term -log D(G(z)) is never negative",
           "smallest g_loss", ">=", 0.0, _loss_extreme("log", "g_loss", np.min),
           f"{_FIELDS}test_reported_losses_follow_their_formulas"),
    _field("loss=log, d", "the log loss's discriminator term -(0.95 log D(x) + log(1 - D(G(z)))) "
           "is never negative", "smallest d_loss", ">=", 0.0, _loss_extreme("log", "d_loss", np.min),
           f"{_FIELDS}test_reported_losses_follow_their_formulas"),
    _field("loss=minimax", "the saturating generator loss log(1 - D(G(z))) is never positive",
           "largest g_loss", "<=", 0.0, _loss_extreme("minimax", "g_loss", np.max),
           f"{_FIELDS}test_reported_losses_follow_their_formulas"),
    _field("loss=least_squares", "the least-squares discriminator loss (D(x) - 1)^2 + D(G(z))^2 "
           "is about 0.5 while it cannot tell real from fake (the log loss is 1.35 there)",
           "largest d_loss over the first steps", "<=", 0.85,
           _loss_extreme("least_squares", "d_loss", np.max),
           f"{_FIELDS}test_reported_losses_follow_their_formulas"),
    _field("loss=least_squares, g", "the least-squares generator loss (D(G(z)) - 1)^2 lies in [0, 1]",
           "largest g_loss", "<=", 1.0, _loss_extreme("least_squares", "g_loss", np.max),
           f"{_FIELDS}test_reported_losses_follow_their_formulas"),
    _field("loss=least_squares, g >= 0", "the least-squares generator loss (D(G(z)) - 1)^2 is a "
           "square: never negative", "smallest g_loss", ">=", 0.0,
           _loss_extreme("least_squares", "g_loss", np.min),
           f"{_FIELDS}test_reported_losses_follow_their_formulas"),
    _field("batch_size", f"d_accuracy counts points of a batch of batch_size = {BATCH}: "
           f"multiples of 1/{2 * BATCH}",
           f"steps with an accuracy strictly between 0, 1/2 and 1, a multiple of 1/{2 * BATCH} "
           "(0 if any step's is not such a multiple), in the run at the spec seed, or the "
           f"largest over {BATCH_RETRY_RUNS} more runs when it has none", ">=", 1,
           _accuracy_counts_of_the_batch,
           f"{_FIELDS}test_accuracy_counts_the_configured_batch"),
    _field("accuracy", "d_accuracy is the share of real points called real and fakes called fake: "
           "high once a discriminator on Adam has learnt against a frozen generator",
           f"median over {FIELD_SEEDS} seeds of the mean accuracy of the last steps", ">=", 0.75,
           _learnt_accuracy, f"{_FIELDS}test_accuracy_is_high_once_the_discriminator_has_learnt"),
)}
