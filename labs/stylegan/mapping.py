"""The mapping network: z -> w, with a tracked average w and the truncation trick."""
from __future__ import annotations

import torch
from torch import nn

from labs.stylegan.layers import FullyConnected


def truncate(w: torch.Tensor, w_avg: torch.Tensor, psi: float) -> torch.Tensor:
    """w_avg + psi * (w - w_avg), as torch.lerp (StyleGAN3's own call); psi = 1 returns w
    itself, untouched, and psi = 0 returns w_avg exactly."""
    if psi == 1:
        return w
    return w_avg.lerp(w, psi)


class MappingNetwork(nn.Module):
    """z (normalised by its second moment) -> several lrelu layers -> w, repeated num_ws times."""

    def __init__(self, z_dim: int, w_dim: int, num_ws: int, generator: torch.Generator,
                 num_layers: int = 4, lr_multiplier: float = 0.01) -> None:
        super().__init__()
        self.z_dim, self.w_dim, self.num_ws = z_dim, w_dim, num_ws
        features = [z_dim] + [w_dim] * num_layers
        self.layers = nn.ModuleList(
            FullyConnected(a, b, generator, activation=True, lr_multiplier=lr_multiplier)
            for a, b in zip(features[:-1], features[1:]))
        self.register_buffer("w_avg", torch.zeros([w_dim]))

    def forward(self, z: torch.Tensor, c: torch.Tensor | None = None,
                truncation_psi: float = 1, truncation_cutoff: int | None = None) -> torch.Tensor:
        if z.ndim != 2 or z.shape[1] != self.z_dim:
            raise ValueError(f"expected latents of shape [N, {self.z_dim}], got {tuple(z.shape)}")
        x = z.to(torch.float32)  # latents arrive as float64 from numpy; the network is float32
        x = x * (x.square().mean(1, keepdim=True) + 1e-8).rsqrt()
        for layer in self.layers:
            x = layer(x)
        ws = x.unsqueeze(1).repeat([1, self.num_ws, 1])
        cutoff = self.num_ws if truncation_cutoff is None else truncation_cutoff
        if truncation_psi != 1:
            ws[:, :cutoff] = truncate(ws[:, :cutoff], self.w_avg, truncation_psi)
        return ws

    @torch.no_grad()
    def track_w_avg(self, generator: torch.Generator, samples: int = 2048) -> None:
        """Set w_avg to the mean w over seeded random latents (what training tracks as an
        exponential moving average)."""
        z = torch.randn([samples, self.z_dim], generator=generator)
        self.w_avg.copy_(self(z)[:, 0].double().mean(dim=0).float())
