"""GAN Lab's real distributions on the unit square, sampled exactly as GAN Lab draws them.

Each point uses one uniform number ``u`` (the position along the shape, or the mixture
component) plus gaussian noise, as in GAN Lab's ``sampleFromTrueDistribution``. User points
(GAN Lab's drawing) are picked uniformly and jittered by 0.02 gaussian noise.
"""
from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np

DISTRIBUTIONS = ("line", "gaussians", "ring", "disjoint", "drawing")
DRAWING_NOISE = 0.02
DISJOINT_CENTRES = np.array([[0.35, 0.75], [0.75, 0.6], [0.45, 0.35]])
DISJOINT_SD = 0.025


def check_points(points, what: str = "points") -> np.ndarray:
    """User points as an (m, 2) float array inside the unit square, or ValueError."""
    try:
        array = np.asarray(points, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be numbers x, y (got {type(points).__name__})") from None
    if array.ndim != 2 or array.shape[1] != 2 or len(array) == 0:
        raise ValueError(f"{what} must have shape (m, 2) with m >= 1, got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{what} contain NaN or infinity")
    if array.min() < 0.0 or array.max() > 1.0:
        raise ValueError(f"{what} must lie in the unit square [0, 1] x [0, 1] "
                         f"(got values from {array.min():g} to {array.max():g})")
    return array


def read_points_csv(path: str | Path) -> np.ndarray:
    """Rows ``x,y`` (an optional ``x,y`` header line, blank lines ignored); clear errors."""
    path = Path(path)
    rows: list[tuple[float, float]] = []
    with path.open(newline="", encoding="utf-8") as file:
        for number, row in enumerate(csv.reader(file), start=1):
            cells = [cell.strip() for cell in row]
            if not any(cells):
                continue
            if number == 1 and [c.lower() for c in cells] == ["x", "y"]:
                continue
            try:
                if len(cells) != 2:
                    raise ValueError
                rows.append((float(cells[0]), float(cells[1])))
            except ValueError:
                raise ValueError(f"{path.name} line {number}: expected two numbers x,y, "
                                 f"got {','.join(row)!r}") from None
    if not rows:
        raise ValueError(f"{path.name} holds no points (expected rows x,y)")
    return check_points(rows, f"the points of {path.name}")


def sample_real(name: str, n: int, seed: int | None = None, points=None) -> np.ndarray:
    """``n`` points of the named distribution, shape (n, 2), from ``default_rng(seed)``.

    ``name="drawing"`` needs ``points``: an (m, 2) array, or the path of a CSV file.
    """
    if name not in DISTRIBUTIONS:
        raise ValueError(f"unknown distribution {name!r}; choose one of {', '.join(DISTRIBUTIONS)}")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:  # pragma: no mutate (bad input: the contract leaves it free)
        raise ValueError(f"the number of points must be an integer >= 1, got {n!r}")
    rng = np.random.default_rng(seed)
    u = rng.random(n)
    noise = rng.standard_normal((n, 2))
    if name == "line":
        centre = np.stack([0.8 - 0.75 * u, 0.6 + 0.3 * u], axis=1)
        return centre + 0.01 * noise
    if name == "gaussians":
        first = (u < 0.5)[:, None]
        return np.where(first, [0.3, 0.7] + [0.1, 0.1] * noise, [0.7, 0.4] + [0.05, 0.2] * noise)
    if name == "ring":
        angle = 2.0 * math.pi * u
        centre = np.stack([0.5 + 0.3 * np.cos(angle), 0.45 + 0.25 * np.sin(angle)], axis=1)
        return centre + 0.025 * noise
    if name == "disjoint":
        # GAN Lab's thresholds are 0.333 and 0.666, so the last blob gets 0.334
        component = np.searchsorted([0.333, 0.666], u, side="right")
        return DISJOINT_CENTRES[component] + DISJOINT_SD * noise
    if points is None:
        raise ValueError("the drawing distribution needs points (an array or a CSV file)")
    drawn = read_points_csv(points) if isinstance(points, (str, Path)) else check_points(points)
    index = np.floor(len(drawn) * u).astype(int)
    return drawn[index] + DRAWING_NOISE * noise
