"""What GAN Lab plots, and the measures the specs read from generated points.

KL and JS divergences are GAN Lab's: densities on a 30 x 30 grid over the unit square,
``epsilon = 1e-4`` added to every cell, base-2 logarithms. One change: points outside the
unit square (the tanh output reaches (-1, 1)) are counted in one extra "outside" cell. In
GAN Lab they are lost, so a generator whose points all lie off the square scores a JS of
about 0.5, better than one whose points lie on the square in the wrong cells (about 1).
"""
from __future__ import annotations

import numpy as np
from scipy.spatial import cKDTree

GRID_CELLS = 30
EPSILON = 1e-4


def grid_densities(points: np.ndarray, cells: int = GRID_CELLS) -> np.ndarray:
    """Fraction of the points in each cell, shape (cells, cells), indexed [x cell, y cell]."""
    points = np.asarray(points, dtype=float)
    counts, _, _ = np.histogram2d(points[:, 0], points[:, 1], bins=cells,
                                  range=[[0.0, 1.0], [0.0, 1.0]])
    return counts / len(points)


def densities_with_outside(points: np.ndarray, cells: int = GRID_CELLS) -> np.ndarray:
    """The cells * cells grid densities, then the fraction of points outside the square."""
    inside = grid_densities(points, cells).ravel()
    return np.append(inside, max(0.0, 1.0 - inside.sum()))


def kl_js(real: np.ndarray, generated: np.ndarray, cells: int = GRID_CELLS) -> tuple[float, float]:
    """(KL(real || generated), JS(real, generated)) in bits, GAN Lab's grid estimate."""
    p = densities_with_outside(real, cells) + EPSILON
    q = densities_with_outside(generated, cells) + EPSILON
    m = 0.5 * (p + q)  # = average density + epsilon, exactly as GAN Lab smooths it
    kl = float(np.sum(p * np.log2(p / q)))
    js = float(0.5 * (np.sum(p * np.log2(p / m)) + np.sum(q * np.log2(q / m))))
    return kl, js


def local_flatness(points: np.ndarray, neighbours: int = 12) -> float:
    """Median over points of lambda2 / lambda1 of the covariance of each point's nearest
    neighbours: about 0 on a curve, well above 0 on a region that fills the plane."""
    points = np.asarray(points, dtype=float)
    _, index = cKDTree(points).query(points, k=neighbours + 1)
    patches = points[index] - points[index].mean(axis=1, keepdims=True)
    covariance = np.einsum("npi,npj->nij", patches, patches) / neighbours
    eigenvalues = np.linalg.eigvalsh(covariance)  # ascending
    ratio = eigenvalues[:, 0] / np.maximum(eigenvalues[:, 1], 1e-300)
    return float(np.median(ratio))


def spread(points: np.ndarray) -> float:
    """Standard deviation of the points along their main axis: 0 for points collapsed to a
    single spot, about 0.3 for a curve across the unit square (a point is flat too, so
    ``local_flatness`` alone cannot tell a curve from a point)."""
    points = np.asarray(points, dtype=float)
    return float(np.sqrt(max(np.linalg.eigvalsh(np.cov(points.T))[-1], 0.0)))
