"""``python -m labs.gan.calibrate [--seeds 24] [--only NAME ...]``: the numbers behind TD 2's
GAN specs, over many seeds, through the same contract calls the specs make.

Prints one row per seed and the observed range of each statistic; the specs' docstrings
record these ranges next to their thresholds.
"""
from __future__ import annotations

import argparse
import time
from typing import Any, Callable

import numpy as np

from labs.gan import contract
from labs.gan import spec_cases as cases
from labs.suite.submission import ReferenceSubmission

CONTRACT = "labs.gan.contract"


def _train(gan, config: dict) -> dict:
    return gan.call(contract.probe_train, config, cases.SAMPLES)


def presets(gan, seed: int) -> dict[str, float]:
    """Seed here is the spec seed: the spec takes the median over ``preset_seeds(seed)``."""
    row = {}
    for preset in ("line", "gaussians", "ring", "disjoint"):
        median, start, end = cases.median_js_drop(
            lambda config, seeds: gan.call(contract.probe_train_seeds, config, seeds, cases.SAMPLES),
            preset, seed)
        drops = np.subtract(start, end)
        row[f"{preset}_js_start"] = float(np.median(start))
        row[f"{preset}_js_end"] = float(np.median(end))
        row[f"{preset}_median_drop"] = median
        row[f"{preset}_single_drop_min"] = float(drops.min())
        row[f"{preset}_single_drops_below_0.1"] = float(np.sum(drops < 0.1))
    return row


def noise_dimension(gan, seed: int) -> dict[str, float]:
    """Seed here is the spec seed: the 1-D spec trains ``noise_1d_seeds(seed)``."""
    seeds = cases.noise_1d_seeds(seed)
    runs = gan.call(contract.probe_train_seeds, cases.noise_dimension_run(1, seeds[0]), seeds, cases.SAMPLES)
    extents = [cases.extent(run["samples"]) for run in runs]
    return {"flatness_1d_max": max(cases.flatness(run["samples"]) for run in runs),
            "extent_1d_max": max(extents),
            "collapsed_1d": float(sum(e < 0.1 for e in extents)),
            "flatness_2d": cases.flatness(_train(gan, cases.noise_dimension_run(2, seed))["samples"])}


def no_hidden_layer(gan, seed: int) -> dict[str, float]:
    return {f"{name}_g0_js": cases.js_to_real(_train(gan, cases.no_hidden_layer_run(name, seed))["samples"], name)
            for name in ("ring", "disjoint")}


def update_ratio(gan, seed: int) -> dict[str, float]:
    """Seed here is the spec seed: the spec takes the median over ``update_ratio_seeds(seed)``."""
    gaps = {"d_loss_gap": [], "accuracy_gap": []}
    window = cases.UPDATE_RATIO_WINDOW
    for run_seed in cases.update_ratio_seeds(seed):
        one = _train(gan, cases.update_ratio_run(1, run_seed))["history"]
        five = _train(gan, cases.update_ratio_run(5, run_seed))["history"]
        gaps["d_loss_gap"].append(np.mean(one["d_loss"][window]) - np.mean(five["d_loss"][window]))
        gaps["accuracy_gap"].append(np.mean(five["d_accuracy"][window]) - np.mean(one["d_accuracy"][window]))
    return {name: float(np.median(values)) for name, values in gaps.items()} | {
        f"single_{name}_min": float(np.min(values)) for name, values in gaps.items()}


def strong_discriminator(gan, seed: int) -> dict[str, float]:
    """Seed here is the spec seed: the spec takes medians over ``strong_discriminator_seeds``
    of the last steps' gradient norm over the first step's, per loss (the spec reads the
    minimax one; the log one shows how far a non-saturating loss stays from the threshold)."""
    falls: dict[str, list[float]] = {"minimax": [], "log": []}
    for run_seed in cases.strong_discriminator_seeds(seed):
        for loss, values in falls.items():
            norms = np.asarray(_train(gan, cases.strong_discriminator_run(loss, run_seed))
                               ["history"]["g_grad_norm"], dtype=float)
            values.append(cases.late_median(norms, cases.STRONG_WINDOW) / norms[0]
                          if norms[0] > 0 else np.inf)
    return {f"log10_median_fall_{loss}": float(np.log10(max(np.median(values), 1e-300)))
            for loss, values in falls.items()}


def weak_discriminator(gan, seed: int) -> dict[str, float]:
    run = _train(gan, cases.weak_discriminator_run(seed))
    return {"d_loss_over_chance": cases.late_mean(run["history"]["d_loss"], 50) / cases.CHANCE_D_LOSS,
            "js": cases.js_to_real(run["samples"], "ring")}


def noise(gan, seed: int) -> dict[str, float]:
    row = {}
    for dim in (1, 2):
        for kind in ("uniform", "gaussian"):
            values = gan.call(contract.probe_sample_noise, kind, dim, 20000, seed)
            row[f"{kind}_{dim}d_central"] = cases.central_fraction(values)
            row[f"{kind}_{dim}d_mean_dev"] = float(np.abs(values.mean(axis=0) - 0.5).max())
            row[f"{kind}_{dim}d_sd"] = float(values.std(axis=0).mean())
    return row


def real_distributions(gan, seed: int) -> dict[str, float]:
    n = 20000
    along, across = cases.line_coordinates(gan.call(contract.probe_sample_real, "line", n, seed))
    gaussians = gan.call(contract.probe_sample_real, "gaussians", n, seed)
    expected_cov = np.array([[0.04625, -0.03], [-0.03, 0.0475]])
    ring = cases.ring_radius(gan.call(contract.probe_sample_real, "ring", n, seed))
    blobs = gan.call(contract.probe_sample_real, "disjoint", n, seed)
    centres = np.array([[0.35, 0.75], [0.75, 0.6], [0.45, 0.35]])
    distances = np.linalg.norm(blobs[:, None] - centres[None], axis=2)
    nearest = distances.argmin(axis=1)
    drawn = np.array([[0.2, 0.3], [0.7, 0.8]])
    user = gan.call(contract.probe_sample_drawing, drawn.tolist(), n, seed)
    user_nearest = np.linalg.norm(user[:, None] - drawn[None], axis=2).argmin(axis=1)
    return {
        "line_mean_along": float(along.mean()), "line_sd_across": float(across.std()),
        "line_max_across": float(np.abs(across).max()),
        "gaussians_mean_dev": float(np.abs(gaussians.mean(axis=0) - [0.5, 0.55]).max()),
        "gaussians_cov_dev": float(np.abs(np.cov(gaussians.T) - expected_cov).max()),
        "ring_mean_radius": float(ring.mean()), "ring_min_radius": float(ring.min()),
        "disjoint_share_dev": float(np.abs(np.bincount(nearest, minlength=3) / n - 1 / 3).max()),
        "disjoint_sd": float(np.mean([blobs[nearest == b].std(axis=0).mean() for b in range(3)])),
        "disjoint_farthest": float(distances.min(axis=1).max()),
        "drawing_jitter": float((user - drawn[user_nearest]).std()),
        "drawing_share_dev": float(np.abs(np.bincount(user_nearest, minlength=2) / n - 0.5).max()),
    }


MEASURES: dict[str, Callable[[Any, int], dict[str, float]]] = {
    "noise": noise,
    "real_distributions": real_distributions,
    "noise_dimension": noise_dimension,
    "presets": presets,
    "no_hidden_layer": no_hidden_layer,
    "update_ratio": update_ratio,
    "strong_discriminator": strong_discriminator,
    "weak_discriminator": weak_discriminator,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=24, help="seeds 0 .. N-1 (default 24)")
    parser.add_argument("--first", type=int, default=0, help="first seed (default 0)")
    parser.add_argument("--only", nargs="*", choices=list(MEASURES), help="some measures only")
    args = parser.parse_args(argv)
    gan = ReferenceSubmission().contract(CONTRACT)
    for name in args.only or list(MEASURES):
        start = time.perf_counter()
        rows = [MEASURES[name](gan, seed) for seed in range(args.first, args.first + args.seeds)]
        print(f"\n## {name}: seeds {args.first}-{args.first + args.seeds - 1} "
              f"({time.perf_counter() - start:.1f} s)")
        for key in rows[0]:
            values = np.array([row[key] for row in rows])
            print(f"{key:>28}: min {values.min():.4g}  max {values.max():.4g}  "
                  f"median {np.median(values):.4g}  | " + " ".join(f"{v:.3g}" for v in values))


if __name__ == "__main__":
    main()
