"""A miniature StyleGAN-style generator with seeded random weights: the pipeline under test.

It has the interface gen_images.py uses on a real network (``z_dim``, ``c_dim``,
``synthesis.input.transform``, ``G(z, c, truncation_psi=..., noise_mode=...)`` -> NCHW
float32 in about [-1, 1]), so ``labs.stylegan.pipeline`` runs the same code on both. It
was never trained and makes no faces.
"""
from __future__ import annotations

import torch
from torch import nn

from labs.stylegan.network_constants import NOISE_MODES, Z_DIM
from labs.stylegan.mapping import MappingNetwork
from labs.stylegan.synthesis import SynthesisNetwork
from labs.torch_threads import torch_threads


class Generator(nn.Module):
    def __init__(self, z_dim: int = Z_DIM, w_dim: int = 256, img_resolution: int = 64,
                 mapping_layers: int = 4, seed: int = 0) -> None:
        super().__init__()
        generator = torch.Generator().manual_seed(seed)  # private: the global RNG is untouched
        self.z_dim, self.c_dim, self.w_dim = z_dim, 0, w_dim
        self.img_resolution, self.img_channels = img_resolution, 3
        self.synthesis = SynthesisNetwork(w_dim, img_resolution, generator)
        self.num_ws = self.synthesis.num_ws
        self.mapping = MappingNetwork(z_dim, w_dim, self.num_ws, generator, mapping_layers)
        self.mapping.track_w_avg(generator)
        self.eval()

    def forward(self, z: torch.Tensor, c: torch.Tensor | None = None, truncation_psi: float = 1,
                truncation_cutoff: int | None = None, noise_mode: str = "const") -> torch.Tensor:
        if noise_mode not in NOISE_MODES:
            raise ValueError(f"noise_mode {noise_mode!r}: choose one of {', '.join(NOISE_MODES)}")
        ws = self.mapping(z, c, truncation_psi=truncation_psi, truncation_cutoff=truncation_cutoff)
        return self.synthesis(ws)


def miniature_generator(resolution: int = 64, seed: int = 0) -> Generator:
    """The project's miniature generator: weights drawn from ``seed``, images resolution^2 RGB."""
    with torch_threads(1):
        return Generator(img_resolution=resolution, seed=seed)
