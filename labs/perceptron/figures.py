"""TD 1's figures, as Matplotlib ``Figure`` objects (no pyplot, so no window ever opens)."""
from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from labs.perceptron.gates import GATES, INPUTS

WEIGHT_LABELS = ("w0 (bias)", "w1", "w2")


def error_figure(errors: np.ndarray, title: str = "") -> Figure:
    """The error (largest |delta|) of each iteration."""
    figure = Figure(figsize=(6, 4))
    axes = figure.subplots()
    axes.plot(np.arange(1, len(errors) + 1), errors, color="tab:red", linewidth=1)
    top = float(np.nanmax(errors)) if len(errors) else 1.0
    # headroom above the first iterations, whose error is the largest: nothing is cut off
    axes.set(xlabel="iteration", ylabel="error (max |delta|)", title=title,
             ylim=(0, 1.08 * top if np.isfinite(top) and top > 0 else 1.0))
    axes.grid(alpha=0.3)
    figure.tight_layout()
    return figure


def weight_history_figure(weight_history: np.ndarray, title: str = "") -> Figure:
    """w0, w1, w2 after every single-pattern update, one panel each (XOR's oscillating
    bands overlap: on one axes w0's band hid under w2's)."""
    figure = Figure(figsize=(6, 5.5))
    panels = figure.subplots(3, 1, sharex=True)
    updates = np.arange(len(weight_history)) / 4.0  # in iterations
    for column, (axes, label) in enumerate(zip(panels, WEIGHT_LABELS)):
        axes.plot(updates, weight_history[:, column], linewidth=0.8, color=f"C{column}")
        axes.set_ylabel(label)
        axes.grid(alpha=0.3)
    panels[0].set_title(title)
    panels[-1].set_xlabel("iteration (4 updates each)")
    figure.tight_layout()
    return figure


def decision_lines_figure(weights_by_gate: Mapping[str, Sequence[float]]) -> Figure:
    """The four points of each gate and the learned line w1*x1 + w2*x2 = w0 (figure 12)."""
    figure = Figure(figsize=(4 * len(weights_by_gate), 4))
    axes_row = np.atleast_1d(figure.subplots(1, len(weights_by_gate)))
    x = np.linspace(-0.5, 1.5, 50)
    for axes, (gate, weights) in zip(axes_row, weights_by_gate.items()):
        w0, w1, w2 = weights
        desired = np.array(GATES[gate], dtype=bool)
        axes.scatter(*INPUTS[desired].T, s=80, marker="o", color="tab:green", label="1")
        axes.scatter(*INPUTS[~desired].T, s=80, marker="x", color="tab:red", label="0")
        if abs(w2) > 1e-12:
            axes.plot(x, (w0 - w1 * x) / w2, color="k", label="w1·x1 + w2·x2 = w0")
        elif abs(w1) > 1e-12:
            axes.axvline(w0 / w1, color="k", label="w1·x1 = w0")
        axes.set(xlim=(-0.5, 1.5), ylim=(-0.5, 1.5), xlabel="x1", ylabel="x2",
                 title=f"{gate}: w = {w0:.2f}, {w1:.2f}, {w2:.2f}", aspect="equal")
        axes.legend(loc="upper right", fontsize=7)
    figure.tight_layout()
    return figure


def convergence_map_figure(coeffs: np.ndarray, iterations: np.ndarray,
                           final_errors: np.ndarray, gate: str) -> Figure:
    """Final error over a grid of coeff (rows) x iterations (columns), log-scaled colours."""
    from matplotlib.colors import LogNorm

    figure = Figure(figsize=(6, 4.5))
    axes = figure.subplots()
    mesh = axes.pcolormesh(iterations, coeffs, final_errors, shading="nearest",
                           norm=LogNorm(vmin=1e-3, vmax=1.0), cmap="viridis")
    axes.set(xscale="log", yscale="log", xlabel="iterations", ylabel="coeff",
             title=f"{gate}: final error")
    figure.colorbar(mesh, ax=axes, label="final error")
    figure.tight_layout()
    return figure
