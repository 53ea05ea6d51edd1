"""``python -m labs gan``: train one GAN Lab configuration, write its figures and an animation.

Every hyper-parameter is a flag (one per field of ``GANConfig``, generated from it);
``--preset NAME`` fills them with GAN Lab's saved settings
for that distribution, and any other flag given overrides the preset.
"""
from __future__ import annotations

import argparse
import csv
import dataclasses
from pathlib import Path

from labs.cli import description
from labs.dataclass_options import add_options, given
from labs.gan.config import PRESETS, GANConfig

NOISE_CHOICES = ("uniform", "gaussian", "1d-uniform", "2d-uniform", "1d-gaussian", "2d-gaussian")
HISTORY_COLUMNS = ("d_loss", "g_loss", "g_grad_norm", "d_accuracy", "d_real", "d_fake")


def _default(setting: dataclasses.Field) -> str:
    """What a flag's help says of its default: the field's, or the preset's."""
    in_presets = any(setting.name in preset for preset in PRESETS.values())
    return f"{setting.default}" + (", or the preset's" if in_presets else "")


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("gan", help="TD 2: GAN Lab in Python (a toy 2-D GAN)",
                                   description=description(__doc__))
    add = parser.add_argument
    add("--preset", help=f"GAN Lab's settings for one of {', '.join(PRESETS)} (default: none, "
                         "GAN Lab's start page)")
    add_options(add, GANConfig, default_text=_default)  # one flag per field of GANConfig
    add("--points", type=Path, help="CSV of x,y rows in the unit square (default: none; given, "
                                    "the distribution defaults to drawing)")
    add("--noise", help=f"the generator's noise: {', '.join(NOISE_CHOICES)} (default: "
                        "gaussian, or the preset's; 1d-/2d- also set --noise-dim)")
    add("--frames", type=int, default=20, help="snapshots in the animation (default: 20)")
    add("--no-gif", action="store_true", help="skip the animated GIF")
    add("--out", type=Path, default=Path("results/gan"),
        help="output folder (default: results/gan)")
    parser.set_defaults(func=run)


def config_from_args(args: argparse.Namespace) -> GANConfig:
    """The GANConfig the flags describe (UsageError names a bad value, and its flag)."""
    from labs.cli import UsageError
    from labs.gan.config import make_config
    from labs.gan.distributions import read_points_csv

    try:
        overrides = given(GANConfig, lambda name: getattr(args, name))
    except ValueError as error:
        raise UsageError(str(error)) from None
    if args.noise is not None:
        if args.noise not in NOISE_CHOICES:
            raise UsageError(f"unknown noise {args.noise!r}; choose one of {', '.join(NOISE_CHOICES)}")
        dim, _, kind = args.noise.rpartition("-")
        overrides["noise"] = kind
        if dim:
            overrides.setdefault("noise_dim", int(dim[0]))
    if args.points is not None:
        if not args.points.is_file():
            raise UsageError(f"points file not found: {args.points}")
        try:
            overrides["points"] = read_points_csv(args.points)
        except ValueError as error:  # the file's own message: its name, line and value
            raise UsageError(str(error)) from None
        overrides.setdefault("distribution", "drawing")
    if args.frames < 1:
        raise UsageError(f"--frames must be >= 1, got {args.frames}")
    try:
        config = make_config(args.preset, **overrides)
    except ValueError as error:  # what no one flag says: a preset, noise with its dimension
        raise UsageError(str(error)) from None
    frames = min(args.frames, max(1, config.steps))
    steps = sorted({round(i * config.steps / frames) for i in range(frames + 1)})
    return dataclasses.replace(config, snapshot_steps=tuple(steps))


def write_history_csv(history: dict, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(("step",) + HISTORY_COLUMNS)
        for step, row in enumerate(zip(*(history[name] for name in HISTORY_COLUMNS)), start=1):
            writer.writerow((step,) + tuple(f"{value:.6g}" for value in row))


def run(args: argparse.Namespace) -> int:
    from labs.cli import output_folder

    config = config_from_args(args)
    output_folder(args.out)
    # torch and matplotlib only once the arguments are known to be good
    from labs.gan.figures import curves_figure, save_animation, snapshots_figure
    from labs.gan.train import train_gan
    from labs.suite.golden import save_figure

    run_ = train_gan(config)
    shown = sorted(run_.snapshots)
    five = [shown[round(i * (len(shown) - 1) / 4)] for i in range(5)] if len(shown) >= 5 else shown
    title = (f"{config.distribution}, noise {config.noise_dim}-D {config.noise}, "
             f"G {config.g_layers}x{config.g_neurons}, D {config.d_layers}x{config.d_neurons}, "
             f"k {config.k_d}:{config.k_g}, seed {config.seed}")
    save_figure(snapshots_figure(run_, sorted(set(five)), title), args.out / "gan_snapshots.png")
    save_figure(curves_figure(run_, title), args.out / "gan_curves.png")
    write_history_csv(run_.history, args.out / "gan_history.csv")
    written = ["gan_snapshots.png", "gan_curves.png", "gan_history.csv"]
    if not args.no_gif:
        save_animation(run_, args.out / "gan_training.gif")
        written.append("gan_training.gif")
    history = run_.history
    print(f"{title}: {config.steps} steps; JS {history['js'][0]:.3f} -> {history['js'][-1]:.3f} bits, "
          f"KL {history['kl'][0]:.3f} -> {history['kl'][-1]:.3f} bits")
    print(f"wrote {args.out}/" + ", ".join(written))
    return 0
