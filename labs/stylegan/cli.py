"""``python -m labs stylegan``: seed images with gen_images.py's conventions.

Default: the project's miniature generator on CPU. With ``--network PKL`` (and
``--stylegan3-repo DIR`` unless NVIDIA's code is already importable): the real network, on
``--device cuda`` (the default when torch finds a CUDA device) or ``--device cpu`` (the
default otherwise; one line notes that CPU images are not promised to equal GPU images).
"""
from __future__ import annotations

import argparse
import math
import pickle
import time
from pathlib import Path

# light imports only: every `python -m labs` command builds this parser (torch loads in run)
from labs.stylegan.conventions import NOISE_MODES, REPORT_SEEDS

RESOLUTIONS = (16, 32, 64)  # labs.stylegan.synthesis.RESOLUTIONS, checked by a unit test


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "stylegan", help="TD 2: StyleGAN seed images (miniature generator, or a real network)")
    parser.add_argument("--seeds", default=",".join(map(str, REPORT_SEEDS)),
                        help="seeds, gen_images.py syntax: '2,674,1024', '0-3' "
                             "(default: the report's 2,674,1024)")
    parser.add_argument("--out", type=Path, default=Path("results/stylegan"),
                        help="folder for seed{seed:04d}.png (default results/stylegan)")
    parser.add_argument("--trunc", type=float, default=1.0, help="truncation psi (default 1)")
    parser.add_argument("--noise-mode", default="const",
                        help=f"{'/'.join(NOISE_MODES)} (default const; StyleGAN3 ignores it)")
    parser.add_argument("--translate", default="0,0", help="translate XY, e.g. 0.3,1 (default 0,0)")
    parser.add_argument("--rotate", type=float, default=0.0, help="rotation in degrees (default 0)")
    parser.add_argument("--network", metavar="PKL", default=None,
                        help="a StyleGAN3 network pickle: use the real network")
    parser.add_argument("--stylegan3-repo", metavar="DIR", type=Path, default=None,
                        help="a checkout of NVlabs/stylegan3, to unpickle --network")
    parser.add_argument("--device", default=None,
                        help="with --network: cuda or cpu (default: cuda when torch finds one)")
    parser.add_argument("--resolution", type=int, default=None,
                        help=f"miniature only: {'/'.join(map(str, RESOLUTIONS))} (default 64)")
    parser.add_argument("--model-seed", type=int, default=None,
                        help="miniature only: seed of its random weights (default 0)")
    parser.set_defaults(func=run)


def check_network_options(args: argparse.Namespace) -> None:
    """The options that pick the generator, checked without loading torch."""
    from labs.cli import UsageError

    if args.network is None:
        for option, value in (("--stylegan3-repo", args.stylegan3_repo), ("--device", args.device)):
            if value is not None:
                raise UsageError(f"{option} is used with --network PKL only")
        if args.resolution is not None and args.resolution not in RESOLUTIONS:
            raise UsageError(f"bad --resolution {args.resolution}: choose one of "
                             f"{', '.join(map(str, RESOLUTIONS))}")
        if args.model_seed is not None and args.model_seed < 0:
            raise UsageError(f"bad --model-seed {args.model_seed}: expected a number >= 0")
        return
    if args.resolution is not None or args.model_seed is not None:
        raise UsageError("--resolution and --model-seed apply to the miniature generator, "
                         "not to --network")
    if args.device is not None and args.device not in ("cuda", "cpu"):
        raise UsageError(f"bad --device {args.device!r}: choose one of cuda, cpu")
    if "://" not in str(args.network) and not Path(args.network).is_file():
        raise UsageError(f"network pickle not found: {args.network}")
    if args.stylegan3_repo is not None and not args.stylegan3_repo.is_dir():
        raise UsageError(f"--stylegan3-repo {args.stylegan3_repo} is not a folder")


def _network(args: argparse.Namespace):
    from labs.cli import UsageError

    if args.network is None:
        from labs.stylegan.miniature import miniature_generator

        resolution = 64 if args.resolution is None else args.resolution
        model_seed = 0 if args.model_seed is None else args.model_seed
        return miniature_generator(resolution, model_seed), "miniature generator, CPU"
    from labs.stylegan.real_network import CPU_NOTE, default_device, device_problem, load_network

    device = default_device() if args.device is None else args.device
    problem = device_problem(device)
    if problem:
        raise UsageError(problem)
    try:
        network = load_network(args.network, args.stylegan3_repo, device)
    except (pickle.UnpicklingError, EOFError, KeyError, OSError, ValueError) as error:
        raise UsageError(f"cannot load the network pickle {args.network}: "
                         f"{type(error).__name__}: {error}") from None
    if device == "cpu":
        print(CPU_NOTE)
    return network, f"{args.network}, {device.upper()}"


def run(args: argparse.Namespace) -> int:
    from labs.cli import UsageError, bad_input, writable_folder
    from labs.stylegan.conventions import parse_seeds, parse_vec2

    with bad_input(ValueError):
        seeds = parse_seeds(args.seeds)
        translate = parse_vec2(args.translate)
    if args.noise_mode not in NOISE_MODES:
        raise UsageError(f"bad --noise-mode {args.noise_mode!r}: choose one of "
                         f"{', '.join(NOISE_MODES)}")
    for name, value in (("--trunc", args.trunc), ("--rotate", args.rotate),
                        ("--translate", translate[0]), ("--translate", translate[1])):
        if not math.isfinite(value):
            raise UsageError(f"bad {name} {value}: expected a finite number")
    check_network_options(args)
    writable_folder(args.out, "--out")
    # torch only once the arguments are known to be good
    from labs.stylegan.pipeline import write_images

    G, what = _network(args)
    start = time.perf_counter()
    try:
        paths = write_images(G, seeds, args.out, args.trunc, args.noise_mode, translate, args.rotate)
    except OSError as error:
        raise UsageError(f"cannot write to {args.out}: {error.strerror}") from None
    per_image = (time.perf_counter() - start) / len(paths)
    for seed, path in zip(seeds, paths):
        print(f"seed {seed} -> {path}")
    print(f"{len(paths)} images ({what}, psi {args.trunc:g}): {per_image * 1000:.0f} ms per image")
    return 0
