"""``python -m labs reproduce td2`` (GAN part): the report's GAN Lab experiments, side by side.

Writes OUT/gan/: one comparison figure per experiment (final generated points and the
discriminator's surface, JS curves), loss and divergence curves, the noise clouds, an
animated GIF of the ring preset, and summary.md: each figure's numbers, and whether the
report's reading holds. The verdicts are the specs' own: each is an experiment of
``labs.gan.spec_cases.EXPERIMENTS`` (the specs' runs, seeds, statistic and threshold) run on
the reference with spec seed ``seed``, so the summary says "shown" exactly where the spec
passes for that seed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from labs.gan.config import PRESETS, make_config
from labs.gan.figures import comparison_figure, curves_figure, save_animation
from labs.gan.metrics import local_flatness, spread
from labs.gan.noise import sample_noise
from labs.gan.spec_cases import (CHANCE_D_LOSS, EXPERIMENTS, UPDATE_RATIO_WINDOW, Experiment, Runs,
                                 central_fraction)
from labs.gan.train import GANRun, train_gan
from labs.suite.golden import save_figure

STEPS = 1000
FRAMES = 20

# one figure per section: its title and its runs (the figures train longer than the specs, to
# show where training goes; the verdicts are the specs', VERDICTS)
SECTIONS: dict[str, tuple[str, dict[str, dict[str, Any]]]] = {
    "noise_dimension": ("1-D vs 2-D noise (gaussians preset)", {
        "1-D noise": dict(preset="gaussians", noise_dim=1),
        "2-D noise": dict(preset="gaussians", noise_dim=2)}),
    "noise_kind": ("uniform vs gaussian noise (gaussians preset)", {
        "uniform noise": dict(preset="gaussians", noise="uniform"),
        "gaussian noise": dict(preset="gaussians", noise="gaussian")}),
    "generator_size": ("small vs large generator (ring)", {
        "G: no hidden layer": dict(preset="ring", g_layers=0),
        "G: preset 2 x 10": dict(preset="ring"),
        "G: 4 x 40": dict(preset="ring", g_layers=4, g_neurons=40)}),
    "discriminator_strength": ("weak vs strong discriminator (ring preset's generator)", {
        "weak D: no hidden layer": dict(preset="ring", d_layers=0, d_lr=0.01),
        "preset D: 3 x 9": dict(preset="ring"),
        "strong D, minimax loss": dict(preset="ring", loss="minimax", d_layers=3, d_neurons=30,
                                       d_optimizer="adam", d_lr=0.03, k_d=10, g_lr=0.001)}),
    "update_ratio": ("1:1 vs 5:1 updates (gaussians preset, D on Adam 0.01)", {
        "k = 1": dict(preset="gaussians", d_optimizer="adam", d_lr=0.01, k_d=1),
        "k = 5": dict(preset="gaussians", d_optimizer="adam", d_lr=0.01, k_d=5)}),
    "presets": ("GAN Lab's presets", {name: dict(preset=name) for name in PRESETS}),
}


def train_case(settings: dict[str, Any], seed: int, trained: dict[str, GANRun]) -> GANRun:
    """A figure's run, from ``trained`` (the runs already made, by configuration) when it is
    there: a configuration is trained once, and the ring and gaussians presets each stand in
    several figures."""
    settings = dict(settings)
    snapshots = tuple(round(i * STEPS / FRAMES) for i in range(FRAMES + 1))
    config = make_config(settings.pop("preset", None), steps=STEPS, seed=seed,
                         snapshot_steps=snapshots, **settings)
    if repr(config) not in trained:
        trained[repr(config)] = train_gan(config)
    return trained[repr(config)]


def numbers(run: GANRun) -> dict[str, float]:
    """What the summary reports for one run (late means over the last 20% of steps)."""
    history, late = run.history, max(1, run.config.steps // 5)
    early = UPDATE_RATIO_WINDOW  # the window the update-ratio spec reads
    steps = f"steps {early.start}-{early.stop}"
    return {"JS start": history["js"][0], "JS end": history["js"][-1], "JS min": history["js"].min(),
            f"D loss / chance, {steps}": np.nanmean(history["d_loss"][early]) / CHANCE_D_LOSS,
            "D loss / chance, last 20%": np.nanmean(history["d_loss"][-late:]) / CHANCE_D_LOSS,
            f"D accuracy, {steps}": np.nanmean(history["d_accuracy"][early]),
            "D accuracy, last 20%": np.nanmean(history["d_accuracy"][-late:]),
            "G grad norm": np.nanmedian(history["g_grad_norm"][-late:]),
            "flatness": local_flatness(run.snapshots[run.config.steps].generated),
            "extent": spread(run.snapshots[run.config.steps].generated)}


def markdown_table(rows: dict[str, dict[str, float]]) -> str:
    columns = list(next(iter(rows.values())))
    lines = ["| run | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    lines += [f"| {label} | " + " | ".join(f"{row[c]:.3g}" for c in columns) + " |"
              for label, row in rows.items()]
    return "\n".join(lines)


def noise_figure(seed: int) -> tuple[Figure, dict[str, float]]:
    from matplotlib.patches import Rectangle

    figure = Figure(figsize=(6, 3.2))
    shares = {}
    for axes, kind in zip(figure.subplots(1, 2), ("uniform", "gaussian")):
        noise = sample_noise(kind, 2, 1500, seed)
        shares[kind] = central_fraction(noise)
        axes.scatter(*noise.T, s=3, color="tab:gray")
        axes.add_patch(Rectangle((0.25, 0.25), 0.5, 0.5, fill=False, color="tab:red"))
        axes.set(xlim=(0, 1), ylim=(0, 1), aspect="equal")
        axes.set_title(f"2-D {kind}:\n{shares[kind]:.0%} in the centre box", fontsize=9)
    figure.tight_layout()
    return figure, shares


# the spec experiments whose verdicts each section shows; the rest go under "Other specs"
VERDICTS: dict[str, tuple[str, ...]] = {
    "noise_dimension": ("noise_1d_flat", "noise_1d_extent", "noise_2d_region"),
    "noise_kind": ("noise_centre[1]", "noise_centre[2]"),
    "generator_size": ("no_hidden_layer[ring]", "no_hidden_layer[disjoint]",
                       "preset_far_lower[ring]"),
    "discriminator_strength": ("weak_fooled", "weak_poor", "strong_discriminator"),
    "update_ratio": ("update_ratio_loss", "update_ratio_accuracy"),
    "presets": tuple(f"presets[{name}]" for name in PRESETS),
}


@dataclass(frozen=True)
class Verdict:
    experiment: Experiment
    value: float
    holds: bool

    @property
    def words(self) -> str:
        if self.experiment.expected_to_hold:
            return "shown" if self.holds else "NOT shown"
        return "shown (unexpectedly)" if self.holds else "not shown, as expected (expected-failure spec)"


def verdicts(runs: Runs, names: tuple[str, ...], seed: int) -> list[Verdict]:
    """The specs' experiments ``names`` run on ``runs`` with spec seed ``seed``."""
    found = []
    for name in names:
        experiment = EXPERIMENTS[name]
        result = experiment.run(runs, seed)
        found.append(Verdict(experiment, result.value, result.holds))
    return found


def verdict_table(found: list[Verdict]) -> str:
    lines = ["| spec | the report's reading | statistic | measured | criterion | verdict |",
             "|---|---|---|---|---|---|"]
    lines += [f"| `{v.experiment.spec}` | {v.experiment.claim} | {v.experiment.statistic} | "
              f"{v.value:.4g} | {v.experiment.comparison} {v.experiment.threshold:g} | {v.words} |"
              for v in found]
    return "\n".join(lines)


def other_specs() -> tuple[str, ...]:
    shown = {name for names in VERDICTS.values() for name in names}
    return tuple(name for name in EXPERIMENTS if name not in shown)


@dataclass(frozen=True)
class Reproduced:
    numbers: dict[str, dict[str, dict[str, float]]]  # section -> run label -> number
    verdicts: dict[str, Verdict]  # experiment name -> the spec's verdict on the reference


def reproduce(out: Path, seed: int = 0, runs: Runs | None = None) -> Reproduced:
    """Figures and summary into OUT/gan/; the verdicts from ``runs`` (default: the reference
    through the specs' own client, so the specs' own calls)."""
    if runs is None:
        from labs.gan.contract import GAN
        from labs.suite.submission import ReferenceSubmission

        runs = GAN.of(ReferenceSubmission())
    folder = out / "gan"
    folder.mkdir(parents=True, exist_ok=True)
    report = ["# TD 2: GAN Lab experiments, reproduced", "",
              f"Figures: seed {seed}, {STEPS} steps each, batch 150. D loss / chance: the "
              "discriminator's loss over the last 20% of steps, divided by the loss of a "
              "discriminator that answers 0.5 everywhere. JS: GAN Lab's 30 x 30 grid estimate, "
              "in bits.", "",
              f"Verdicts: the specs' own experiments (their runs, seeds, statistic and threshold; "
              f"`labs/gan/spec_cases.py`) on the reference with spec seed {seed}: \"shown\" "
              "where the spec passes, \"NOT shown\" where it fails. The thresholds' calibration "
              "is in each spec's docstring (`specs/td2/gan/`).", ""]
    numbers_by_section, found, made = {}, {}, {}
    inputs, shares = noise_figure(seed)  # the two noise kinds' own inputs
    save_figure(inputs, folder / "noise_kind_inputs.png")
    for name, (title, cases) in SECTIONS.items():
        trained = {label: train_case(settings, seed, made)
                   for label, settings in cases.items()}
        numbers_by_section[name] = {label: numbers(run) for label, run in trained.items()}
        if name == "noise_kind":  # a column of its own: the share of its inputs in the centre
            for label, settings in cases.items():
                numbers_by_section[name][label]["noise in the centre box"] = shares[settings["noise"]]
        save_figure(comparison_figure(trained, title), folder / f"{name}.png")
        for label, run in trained.items():
            stem = re.sub(r"[^0-9A-Za-z]+", "_", label).strip("_")  # "k = 1" -> "k_1"
            save_figure(curves_figure(run, f"{title}: {label}"), folder / f"{name}_{stem}_curves.png")
        section = verdicts(runs, VERDICTS[name], seed)
        report += [f"## {title}", "", f"![{name}]({name}.png)", "",
                   markdown_table(numbers_by_section[name]), "", verdict_table(section), ""]
        if name == "noise_kind":
            report += ["The noise vectors themselves, and the centre box [0.25, 0.75]^2:", "",
                       "![noise](noise_kind_inputs.png)", ""]
        found |= _printed(section, title)
    others = verdicts(runs, other_specs(), seed)
    report += ["## Other specs", "", verdict_table(others), ""]
    found |= _printed(others, "other specs")
    save_animation(train_case(dict(preset="ring"), seed, made), folder / "ring_training.gif")
    report += ["The ring preset's training, animated: [ring_training.gif](ring_training.gif)", ""]
    (folder / "summary.md").write_text("\n".join(report))
    return Reproduced(numbers_by_section, found)


def _printed(found: list[Verdict], title: str) -> dict[str, Verdict]:
    for v in found:
        print(f"td2 gan: {title}: {v.experiment.claim}: {v.value:.4g} "
              f"({v.experiment.comparison} {v.experiment.threshold:g}): {v.words}")
    return {v.experiment.name: v for v in found}
