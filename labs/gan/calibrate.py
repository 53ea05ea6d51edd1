"""``python -m labs.gan.calibrate [--seeds 24] [--only NAME ...] [--submission FOLDER] [--runs]``:
the numbers behind TD 2's GAN specs, over many spec seeds, through the same contract calls the
specs make.

For every experiment of ``labs.gan.spec_cases.EXPERIMENTS`` (the specs' runs, seeds,
statistic and threshold) it prints the statistic for each spec seed, its observed range and
how many seeds pass; the specs' docstrings record these ranges next to their thresholds.
``noise`` and ``real_distributions`` print the sampling specs' numbers. The reference trains
each spec's seeds together (``labs.gan.sweep``); ``--submission`` calibrates on a student
folder (an example folder of ``tests/submissions/td2_gan``), run in the sandbox as graded.
``--runs`` prints each spec seed's runs with their numbers, for a spec that takes the
median, smallest or largest of several runs: how often one run falls short sets that rule.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np

from labs.gan import contract
from labs.gan import spec_cases as cases
from labs.gan.field_cases import FIELD_EXPERIMENTS
from labs.gan.given_weights import gaps as given_weights_gaps
from labs.suite.submission import FolderSubmission, ReferenceSubmission, Submission

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
    ring_points = gan.call(contract.probe_sample_real, "ring", n, seed)
    ring = cases.ring_radius(ring_points)
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
        "ring_sector_dev": float(np.abs(cases.ring_sector_shares(ring_points) - 1 / 12).max()),
        "gaussians_mode_sd_dev": float(np.abs(cases.gaussians_mode_spreads(gaussians)
                                              / [[0.1, 0.1], [0.05, 0.2]] - 1).max()),
        "disjoint_share_dev": float(np.abs(np.bincount(nearest, minlength=3) / n - 1 / 3).max()),
        "disjoint_sd": float(np.mean([blobs[nearest == b].std(axis=0).mean() for b in range(3)])),
        "disjoint_farthest": float(distances.min(axis=1).max()),
        "drawing_jitter": float((user - drawn[user_nearest]).std()),
        "drawing_share_dev": float(np.abs(np.bincount(user_nearest, minlength=2) / n - 0.5).max()),
    }


def _experiment(experiment: cases.Experiment) -> Callable[[Any, int], dict[str, float]]:
    name = experiment.name

    def measure(gan, seed: int) -> dict[str, Any]:
        result = experiment.run(gan, seed)
        return {name: result.value, f"{name} holds": float(result.holds), RUNS: result.details}
    return measure


RUNS = "runs"  # a row's text naming each run and its numbers (the assertion message's)


MEASURES: dict[str, Callable[[Any, int], dict[str, float]]] = {
    "noise": noise,
    "real_distributions": real_distributions,
    **{name: _experiment(experiment) for name, experiment in cases.EXPERIMENTS.items()},
    **{name: _experiment(experiment) for name, experiment in FIELD_EXPERIMENTS.items()},
    "given_weights": given_weights_gaps,
}


def chosen(only: list[str] | None) -> list[str]:
    """The measures named, a name also choosing its parametrised ones ("presets": all four)."""
    if not only:
        return list(MEASURES)
    unknown = [name for name in only if not any(m == name or m.startswith(name + "[")
                                                  for m in MEASURES)]
    if unknown:
        raise SystemExit(f"calibrate: no measure {unknown[0]!r}; known: {', '.join(MEASURES)}")
    return [m for m in MEASURES if any(m == name or m.startswith(name + "[") for name in only)]


def submission(folder: Path | None) -> Submission:
    if folder is None:
        return ReferenceSubmission()
    from labs.sandbox.limits import Limits
    from labs.sandbox.isolation import command_prefix

    return FolderSubmission(folder, Limits(call_timeout=3600, total_budget=86400), command_prefix())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=24, help="spec seeds 0 .. N-1 (default 24)")
    parser.add_argument("--first", type=int, default=0, help="first spec seed (default 0)")
    parser.add_argument("--only", nargs="*", help="some measures only (default: all)")
    parser.add_argument("--submission", type=Path, help="a student folder (default: the reference)")
    parser.add_argument("--runs", action="store_true",
                        help="also print each spec seed's runs and their numbers, as they come "
                             "(a spec that reads several runs: how often one run falls short)")
    args = parser.parse_args(argv)
    names = chosen(args.only)
    code = submission(args.submission)
    gan = contract.GAN.of(code)  # the specs' own client
    try:
        for name in names:
            start = time.perf_counter()
            rows = []
            for seed in range(args.first, args.first + args.seeds):
                rows.append(MEASURES[name](gan, seed))
                if args.runs and RUNS in rows[-1]:
                    print(f"{name}, spec seed {seed}: {rows[-1][RUNS]}", flush=True)
            print(f"\n## {name}: {code.label}, spec seeds {args.first}-{args.first + args.seeds - 1} "
                  f"({time.perf_counter() - start:.1f} s)", flush=True)
            for key in (key for key in rows[0] if key != RUNS):
                values = np.array([row[key] for row in rows])
                print(f"{key:>28}: min {values.min():.4g}  max {values.max():.4g}  "
                      f"median {np.median(values):.4g}  | " + " ".join(f"{v:.3g}" for v in values),
                      flush=True)
    finally:
        code.close()


if __name__ == "__main__":
    main()
