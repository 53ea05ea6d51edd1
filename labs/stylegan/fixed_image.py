"""A stand-in network that returns one given image whatever the latent: it exposes what a
``generate`` does with the network's output (the uint8 conversion), edge values included."""
from __future__ import annotations

from typing import Any

import numpy as np
import torch
from torch import nn

from labs.stylegan.network_constants import Z_DIM


def edge_values() -> np.ndarray:
    """Values on and beyond [-1, 1], and values whose pixel lands at k + 0.5 or k + 0.9,
    where truncating and rounding disagree; shaped [1, 3, 4, 8], float32."""
    edges = [-2.0, -1.5, -1.01, -1.0, -0.999, -0.5, 0.0, 0.5, 0.999, 1.0, 1.01, 1.5, 2.0]
    for k in (1, 64, 127, 128, 200, 254):
        edges += [(k + 0.5 - 128) / 127.5, (k + 0.9 - 128) / 127.5]
    rest = np.linspace(-1.2, 1.2, 96 - len(edges))
    return np.concatenate([edges, rest]).astype(np.float32).reshape(1, 3, 4, 8)


class _Input(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.register_buffer("transform", torch.eye(3))


class _Synthesis(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.input = _Input()


class FixedImageGenerator(nn.Module):
    """gen_images.py's view of a network (z_dim, c_dim, synthesis.input.transform, G(z, c,
    ...)) that always returns ``image`` (NCHW float32)."""

    def __init__(self, image: np.ndarray) -> None:
        super().__init__()
        self.z_dim, self.c_dim, self.w_dim = Z_DIM, 0, 1
        self.img_channels, self.img_resolution = image.shape[1], image.shape[3]
        self.synthesis = _Synthesis()
        self.register_buffer("image", torch.from_numpy(np.array(image, dtype=np.float32)))
        self.anchor = nn.Parameter(torch.zeros([]))  # so that next(G.parameters()) works

    def forward(self, z: Any, c: Any = None, *args: Any, **kwargs: Any) -> torch.Tensor:
        batch = int(z.shape[0]) if hasattr(z, "shape") and len(z.shape) == 2 else 1
        return self.image.repeat([batch, 1, 1, 1])
