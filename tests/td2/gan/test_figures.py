"""TD 2 GAN figures against their goldens, golden numbers of a short run, and the GIF."""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from PIL import Image

from labs.gan import make_config, train_gan
from labs.gan.figures import (
    comparison_figure,
    curves_figure,
    save_animation,
    snapshots_figure,
)
from labs.gan.train import GANRun


@lru_cache(maxsize=None)
def short_ring_run(g_layers: int = 2) -> GANRun:
    # short: a GAN amplifies float differences, and goldens must hold on every CPU
    return train_gan(make_config("ring", g_layers=g_layers, steps=60, seed=0, eval_every=5,
                                 snapshot_steps=(0, 20, 40, 60)))


def test_snapshots_figure(golden):
    golden.check_figure(snapshots_figure(short_ring_run(), title="ring preset, seed 0"),
                        "td2/gan/snapshots_ring.png")


def test_curves_figure(golden):
    golden.check_figure(curves_figure(short_ring_run(), "ring preset, seed 0"),
                        "td2/gan/curves_ring.png")


def test_comparison_figure(golden):
    runs = {"G: no hidden layer": short_ring_run(0), "G: preset": short_ring_run()}
    golden.check_figure(comparison_figure(runs, "generator size"), "td2/gan/comparison_ring.png")


def test_short_run_matches_golden_values(golden):
    history = short_ring_run().history
    values = {name: history[name][[0, 9, 29, 59]] for name in ("d_loss", "g_loss", "g_grad_norm")}
    values["js"] = history["js"]
    values["samples"] = short_ring_run().sample(5)
    golden.check_values("td2/gan/short_ring_run.json", values, rtol=1e-4, atol=1e-6)


def test_animation_has_one_frame_per_snapshot(tmp_path):
    path = save_animation(short_ring_run(), tmp_path / "training.gif", fps=4)
    with Image.open(path) as gif:
        assert gif.format == "GIF" and gif.n_frames == 4
        frames = []
        for index in range(gif.n_frames):
            gif.seek(index)
            frames.append(np.asarray(gif.convert("RGB")))
    assert not np.array_equal(frames[0], frames[-1])  # the points move
