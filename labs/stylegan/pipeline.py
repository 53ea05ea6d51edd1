"""Seed -> image with gen_images.py's exact steps, for the miniature or a real network."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from labs.stylegan.conventions import image_filename, seed_to_z
from labs.stylegan.images import save_png, to_uint8
from labs.torch_threads import torch_threads
from labs.stylegan.transform import make_transform


def device_of(G: torch.nn.Module) -> torch.device:
    """Where the network's weights live (CPU for the miniature, CUDA for a real network)."""
    for tensor in (*G.parameters(), *G.buffers()):
        return tensor.device
    return torch.device("cpu")


@torch.no_grad()
def generate(G: torch.nn.Module, seed: int, truncation_psi: float = 1.0,
             noise_mode: str = "const", translate: tuple[float, float] = (0.0, 0.0),
             rotate: float = 0.0) -> np.ndarray:
    """One HxWxC uint8 image: latent from the seed (float64, as numpy draws it), the inverse
    of make_transform(translate, rotate) into the synthesis input, G(z, label, psi, noise_mode),
    then to_uint8. Deterministic: same seed and network, same pixels."""
    if G.c_dim != 0:
        raise ValueError("a conditional network needs a class label; only unconditional "
                         "networks (c_dim 0, such as FFHQ) are supported")
    device = device_of(G)
    z = torch.from_numpy(seed_to_z(seed, G.z_dim)).to(device)
    label = torch.zeros([1, G.c_dim], device=device)
    if hasattr(G.synthesis, "input"):
        transform = np.linalg.inv(make_transform(translate, rotate))
        G.synthesis.input.transform.copy_(torch.from_numpy(transform))
    with torch_threads(1):
        image = G(z, label, truncation_psi=truncation_psi, noise_mode=noise_mode)
        return to_uint8(image)[0]


def write_images(G: torch.nn.Module, seeds: list[int], outdir: Path, truncation_psi: float = 1.0,
                 noise_mode: str = "const", translate: tuple[float, float] = (0.0, 0.0),
                 rotate: float = 0.0) -> list[Path]:
    """generate() for each seed, saved as OUTDIR/seed{seed:04d}.png; returns the paths."""
    outdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in seeds:
        path = outdir / image_filename(seed)
        save_png(generate(G, seed, truncation_psi, noise_mode, translate, rotate), path)
        paths.append(path)
    return paths
