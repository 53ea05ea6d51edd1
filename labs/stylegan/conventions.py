"""NVlabs/stylegan3's ``gen_images.py`` conventions: seed lists, seed to latent, 2-vectors,
file names, noise modes.

A latent made here equals one made there: ``numpy.random.RandomState(seed).randn(1, z_dim)``,
float64, drawn from a private generator (numpy's global random state is left alone).
"""
from __future__ import annotations

import re

import numpy as np

from labs.stylegan.network_constants import NOISE_MODES, Z_DIM  # noqa: F401 - re-exported

REPORT_SEEDS = (2, 674, 1024)  # the seeds of the lab report
MAX_SEED = 2**32 - 1  # numpy's RandomState accepts 0 .. 2**32 - 1

_RANGE = re.compile(r"^(\d+)-(\d+)$")


def seed_to_z(seed: int, z_dim: int = Z_DIM) -> np.ndarray:
    """The latent of one seed, shape (1, z_dim), float64: gen_images.py's exact draw."""
    return np.random.RandomState(seed).randn(1, z_dim)


def parse_seeds(text: str) -> list[int]:
    """'2,674,1024' or '0-3' or '1,5-7' -> list of seeds (ranges inclusive), as gen_images.py.

    Stricter than gen_images.py in one way only: an empty or out-of-range item is an error
    that names it, instead of an empty range or a numpy traceback later.
    """
    seeds: list[int] = []
    for part in text.split(","):
        match = _RANGE.match(part.strip())
        if match:
            first, last = int(match.group(1)), int(match.group(2))
            if last < first:
                raise ValueError(f"bad seed range {part!r} in {text!r}: {last} < {first}")
            seeds.extend(range(first, last + 1))
            continue
        try:
            seeds.append(int(part))
        except ValueError:
            raise ValueError(f"bad seed {part!r} in {text!r}: expected a number or a range "
                             "such as 0-3") from None
    bad = [seed for seed in seeds if not 0 <= seed <= MAX_SEED]
    if bad:
        raise ValueError(f"bad seed {bad[0]} in {text!r}: seeds go from 0 to {MAX_SEED}")
    return seeds


def parse_vec2(text: str) -> tuple[float, float]:
    """'0.3,1' -> (0.3, 1.0), gen_images.py's syntax for --translate."""
    parts = text.split(",")
    if len(parts) != 2:
        raise ValueError(f"cannot parse 2-vector {text!r}: expected two numbers such as 0.3,1")
    try:
        return float(parts[0]), float(parts[1])
    except ValueError:
        raise ValueError(f"cannot parse 2-vector {text!r}: expected two numbers "
                         "such as 0.3,1") from None


def image_filename(seed: int) -> str:
    """'seed0002.png' for seed 2: gen_images.py's output name."""
    return f"seed{seed:04d}.png"
