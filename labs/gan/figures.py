"""TD 2's figures as Matplotlib ``Figure`` objects (no pyplot): what GAN Lab shows.

Colours follow GAN Lab: real points green, generated points purple, the discriminator's
surface on a purple-green scale (green where it says "real").
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np
from matplotlib.figure import Figure

from labs.gan.train import GANRun, Snapshot

REAL_COLOUR = "tab:green"
FAKE_COLOUR = "indigo"
SURFACE_CMAP = "PRGn"
SHOWN_POINTS = 450  # GAN Lab shows 450 real points and one batch of generated ones


def draw_snapshot(axes, snapshot: Snapshot, real: np.ndarray, title: str = "") -> None:
    """Heat map of D, real points, generated points, on the unit square; generated points
    outside it are drawn on its edge as crosses and counted in the title."""
    axes.imshow(snapshot.surface, origin="lower", extent=(0, 1, 0, 1), cmap=SURFACE_CMAP,
                vmin=0.0, vmax=1.0, interpolation="nearest")
    axes.scatter(*real[:SHOWN_POINTS].T, s=4, color=REAL_COLOUR, label="real")
    generated = snapshot.generated[:SHOWN_POINTS]
    inside = np.all((generated >= 0) & (generated <= 1), axis=1)
    axes.scatter(*generated[inside].T, s=4, color=FAKE_COLOUR, label="generated")
    title = title or f"step {snapshot.step}"
    if not inside.all():
        axes.scatter(*np.clip(generated[~inside], 0, 1).T, s=14, marker="x", linewidths=0.8,
                     color=FAKE_COLOUR, clip_on=False, label="generated, outside (on the edge)")
        title += f" ({(~inside).sum()} outside)"
    axes.set(xlim=(0, 1), ylim=(0, 1), aspect="equal", xticks=[], yticks=[], title=title)


def snapshots_figure(run: GANRun, steps: Sequence[int] | None = None, title: str = "") -> Figure:
    """One panel per recorded step: D's decision surface, real and generated points."""
    steps = sorted(run.snapshots) if steps is None else list(steps)
    missing = [s for s in steps if s not in run.snapshots]
    if missing:
        raise ValueError(f"no snapshot at steps {missing}; record them with snapshot_steps")
    figure = Figure(figsize=(2.6 * len(steps), 2.9))
    axes_row = np.atleast_1d(figure.subplots(1, len(steps)))
    for axes, step in zip(axes_row, steps):
        draw_snapshot(axes, run.snapshots[step], run.real_eval)
    figure.legend(*_point_legend(), loc="upper right", fontsize=7, ncols=2)
    if title:
        figure.suptitle(title, fontsize=9)
    figure.tight_layout()
    return figure


def curves_figure(run: GANRun, title: str = "") -> Figure:
    """Losses per step (left) and KL / JS divergence (right), as GAN Lab's two charts."""
    history = run.history
    figure = Figure(figsize=(9, 3.2))
    losses, divergences = figure.subplots(1, 2)
    steps = np.arange(1, len(history["d_loss"]) + 1)
    losses.plot(steps, history["d_loss"], linewidth=0.8, color="tab:blue", label="discriminator")
    losses.plot(steps, history["g_loss"], linewidth=0.8, color=FAKE_COLOUR, label="generator")
    losses.set(xlabel="step", ylabel="loss", title="losses")
    divergences.plot(history["eval_step"], history["kl"], color="tab:orange", label="KL")
    divergences.plot(history["eval_step"], history["js"], color="tab:red", label="JS")
    divergences.set(xlabel="step", ylabel="bits", title="divergence (30 x 30 grid)", ylim=(0, None))
    for axes in (losses, divergences):
        axes.legend(fontsize=7)
        axes.grid(alpha=0.3)
    if title:
        figure.suptitle(title, fontsize=9)
    figure.tight_layout()
    return figure


def comparison_figure(runs: dict[str, GANRun], title: str = "") -> Figure:
    """The last snapshot of each run side by side, and their JS curves underneath."""
    # constrained layout: tight_layout lets the square panels' titles run into the curves
    figure = Figure(figsize=(3.0 * len(runs), 5.6), layout="constrained")
    grid = figure.add_gridspec(2, len(runs), height_ratios=(3, 2))
    curve_axes = figure.add_subplot(grid[1, :])
    for column, (label, run) in enumerate(runs.items()):
        axes = figure.add_subplot(grid[0, column])
        last = max(run.snapshots)
        draw_snapshot(axes, run.snapshots[last], run.real_eval, f"{label}\nstep {last}")
        curve_axes.plot(run.history["eval_step"], run.history["js"], label=label)
    curve_axes.set(xlabel="step", ylabel="JS (bits)", ylim=(0, 1.05))
    curve_axes.legend(fontsize=7)
    figure.legend(*_point_legend(), loc="outside upper right", fontsize=7, ncols=2)
    curve_axes.grid(alpha=0.3)
    if title:
        figure.suptitle(title, fontsize=10)
    return figure


def _point_legend() -> tuple[list, list[str]]:
    """Handles for a figure-level legend of the point colours (real, generated)."""
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker="o", linestyle="", markersize=4, color=colour)
               for colour in (REAL_COLOUR, FAKE_COLOUR)]
    return handles, ["real", "generated"]


def save_animation(run: GANRun, path: Path, fps: int = 8) -> Path:
    """An animated GIF of the snapshots in step order (matplotlib animation, Pillow writer)."""
    from matplotlib.animation import FuncAnimation, PillowWriter

    steps = sorted(run.snapshots)
    if not steps:
        raise ValueError("the run has no snapshots; record them with snapshot_steps")
    figure = Figure(figsize=(3.2, 3.4))
    axes = figure.subplots()

    def frame(index: int) -> list:
        axes.clear()
        draw_snapshot(axes, run.snapshots[steps[index]], run.real_eval)
        return []

    path.parent.mkdir(parents=True, exist_ok=True)
    FuncAnimation(figure, frame, frames=len(steps)).save(path, writer=PillowWriter(fps=fps),
                                                           dpi=80)
    return path
