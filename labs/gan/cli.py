"""``python -m labs gan``: train one GAN Lab configuration, write its figures and an animation.

Every hyper-parameter is a flag; ``--preset NAME`` fills them with GAN Lab's saved settings
for that distribution, and any other flag given overrides the preset.
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

from labs.gan.config import LOSSES, OPTIMIZERS, PRESETS
from labs.gan.distributions import DISTRIBUTIONS

NOISE_CHOICES = ("uniform", "gaussian", "1d-uniform", "2d-uniform", "1d-gaussian", "2d-gaussian")
HISTORY_COLUMNS = ("d_loss", "g_loss", "g_grad_norm", "d_accuracy", "d_real", "d_fake")


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("gan", help="TD 2: GAN Lab in Python (a toy 2-D GAN)",
                                   description=__doc__.splitlines()[0])
    add = parser.add_argument
    add("--preset", help=f"GAN Lab's settings for one of {', '.join(PRESETS)}")
    add("--distribution", help=f"real data: {', '.join(DISTRIBUTIONS)} (default gaussians)")
    add("--points", type=Path, help="CSV of x,y rows in the unit square (the drawing distribution)")
    add("--noise", help=f"{', '.join(NOISE_CHOICES)} (default 2d-gaussian)")
    add("--noise-dim", type=int, help="1 or 2")
    for who, name in (("g", "generator"), ("d", "discriminator")):
        add(f"--{who}-layers", type=int, help=f"{name} hidden layers, 0 to 5")
        add(f"--{who}-neurons", type=int, help=f"{name} neurons per hidden layer, 1 to 100")
        add(f"--{who}-optimizer", help=f"{name} optimiser: {', '.join(OPTIMIZERS)}")
        add(f"--{who}-lr", type=float, help=f"{name} learning rate (> 0)")
    add("--loss", help=f"{', '.join(LOSSES)} (default log)")
    add("--k", "--k-d", dest="k_d", type=int, help="discriminator updates per step, 0 to 10")
    add("--k-g", type=int, help="generator updates per step, 0 to 10 (default 1)")
    add("--steps", type=int, default=1000, help="training steps (default 1000)")
    add("--batch-size", type=int, help="points per batch (default 150)")
    add("--seed", type=int, default=0, help="seed of everything random (default 0)")
    add("--frames", type=int, default=20, help="snapshots in the animation (default 20)")
    add("--no-gif", action="store_true", help="skip the animated GIF")
    add("--out", type=Path, default=Path("results/gan"), help="output folder")
    parser.set_defaults(func=run)


def config_from_args(args: argparse.Namespace):
    """The GANConfig the flags describe (ValueError names a bad value)."""
    from labs.cli import UsageError
    from labs.gan.config import make_config
    from labs.gan.distributions import read_points_csv

    overrides = {name: getattr(args, name) for name in (
        "distribution", "noise_dim", "g_layers", "g_neurons", "g_optimizer", "g_lr",
        "d_layers", "d_neurons", "d_optimizer", "d_lr", "loss", "k_d", "k_g", "steps",
        "batch_size", "seed") if getattr(args, name) is not None}
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
        overrides["points"] = read_points_csv(args.points)
        overrides.setdefault("distribution", "drawing")
    if args.frames < 1:
        raise UsageError(f"--frames must be >= 1, got {args.frames}")
    frames = min(args.frames, max(1, overrides["steps"]))
    overrides["snapshot_steps"] = sorted({round(i * overrides["steps"] / frames) for i in range(frames + 1)})
    try:
        return make_config(args.preset, **overrides)
    except ValueError as error:  # name the flag the user typed, not the field
        import re

        flags = {name: "--" + name.replace("_", "-") for name in overrides if "_" in name}
        if not flags:
            raise UsageError(str(error)) from None
        raise UsageError(re.sub(r"\b(" + "|".join(map(re.escape, flags)) + r")\b",
                                lambda m: flags[m.group(1)], str(error))) from None


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
