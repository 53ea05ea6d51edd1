"""The synthesis network: Fourier-feature input -> modulated convolutions -> RGB.

A StyleGAN3-flavoured miniature: the input is a set of sinusoids (random frequencies in a
disc, random phases) whose coordinates pass through a user 3x3 ``transform`` buffer, which is
how gen_images.py's --translate and --rotate act on StyleGAN3. Layers upsample by 2 with
bilinear interpolation (no alias-free filters: the miniature checks the pipeline, not the
image quality). StyleGAN3 has no noise inputs, so there is none here either.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from labs.stylegan.layers import FullyConnected, lrelu, modulated_conv2d

INPUT_SIZE = 16  # pixels of the Fourier-feature input
CHANNELS = {16: 64, 32: 48, 64: 32}  # feature maps per resolution
RESOLUTIONS = tuple(CHANNELS)


class FourierInput(nn.Module):
    """sin(2 pi (f . p + phase)) at every pixel p, for random frequencies f, mixed linearly."""

    def __init__(self, channels: int, size: int, bandwidth: float,
                 generator: torch.Generator) -> None:
        super().__init__()
        self.size = size
        radius = bandwidth * torch.rand([channels], generator=generator).sqrt()  # uniform on the disc
        angle = 2 * math.pi * torch.rand([channels], generator=generator)
        self.register_buffer("freqs", torch.stack([radius * angle.cos(), radius * angle.sin()], 1))
        self.register_buffer("phases", torch.rand([channels], generator=generator) - 0.5)
        self.weight = nn.Parameter(torch.randn([channels, channels], generator=generator))
        # gen_images.py copies the inverse of make_transform(translate, rotate) in here
        self.register_buffer("transform", torch.eye(3))

    def forward(self, batch: int) -> torch.Tensor:
        # coordinates p' = T p: a point's features move to where T^-1 sends it
        freqs = self.freqs @ self.transform[:2, :2]
        phases = self.phases + self.freqs @ self.transform[:2, 2]
        centres = (torch.arange(self.size, dtype=torch.float32, device=freqs.device) + 0.5) / self.size - 0.5
        y, x = torch.meshgrid(centres, centres, indexing="ij")  # image spans [-0.5, 0.5]
        grid = torch.stack([x, y], dim=-1)  # [H, W, 2]
        features = torch.sin(2 * math.pi * (grid @ freqs.t() + phases))  # [H, W, C]
        features = features @ (self.weight / math.sqrt(self.weight.shape[0])).t()
        return features.permute(2, 0, 1).unsqueeze(0).repeat([batch, 1, 1, 1])


class SynthesisLayer(nn.Module):
    """[upsample x2] -> 3x3 modulated conv (1x1, not demodulated, for ToRGB) -> bias -> lrelu."""

    def __init__(self, w_dim: int, in_channels: int, out_channels: int,
                 generator: torch.Generator, up: bool = False, torgb: bool = False,
                 conv_clamp: float = 256.0) -> None:
        super().__init__()
        self.up, self.torgb, self.conv_clamp = up, torgb, conv_clamp
        kernel = 1 if torgb else 3
        self.affine = FullyConnected(w_dim, in_channels, generator, bias_init=1.0)
        self.weight = nn.Parameter(
            torch.randn([out_channels, in_channels, kernel, kernel], generator=generator))
        self.bias = nn.Parameter(torch.zeros([out_channels]))

    def forward(self, x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
        if self.up:
            x = F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)
        styles = self.affine(w)
        if self.torgb:
            styles = styles / math.sqrt(self.weight.shape[1])
        x = modulated_conv2d(x, self.weight, styles, demodulate=not self.torgb)
        x = x + self.bias.reshape(1, -1, 1, 1)
        if not self.torgb:
            x = lrelu(x)
        return x.clamp(-self.conv_clamp, self.conv_clamp)


class SynthesisNetwork(nn.Module):
    """Two layers per resolution from 16 up to img_resolution, then ToRGB; one w per layer."""

    def __init__(self, w_dim: int, img_resolution: int, generator: torch.Generator,
                 img_channels: int = 3, bandwidth: float = 3.0, output_scale: float = 0.5) -> None:
        super().__init__()
        if img_resolution not in RESOLUTIONS:
            raise ValueError(f"resolution {img_resolution} not supported; choose one of "
                             f"{', '.join(map(str, RESOLUTIONS))}")
        self.img_resolution, self.img_channels = img_resolution, img_channels
        self.output_scale = output_scale
        self.input = FourierInput(CHANNELS[INPUT_SIZE], INPUT_SIZE, bandwidth, generator)
        layers, channels = [], CHANNELS[INPUT_SIZE]
        for resolution in RESOLUTIONS[:RESOLUTIONS.index(img_resolution) + 1]:
            for index in range(2):
                up = index == 0 and resolution > INPUT_SIZE
                layers.append(SynthesisLayer(w_dim, channels, CHANNELS[resolution], generator, up=up))
                channels = CHANNELS[resolution]
        layers.append(SynthesisLayer(w_dim, channels, img_channels, generator, torgb=True))
        self.layers = nn.ModuleList(layers)
        self.num_ws = len(layers)

    def forward(self, ws: torch.Tensor) -> torch.Tensor:
        if ws.ndim != 3 or ws.shape[1] != self.num_ws:
            raise ValueError(f"expected ws of shape [N, {self.num_ws}, w_dim], got {tuple(ws.shape)}")
        ws = ws.to(torch.float32)
        x = self.input(ws.shape[0])
        for layer, w in zip(self.layers, ws.unbind(dim=1)):
            x = layer(x, w)
        return x * self.output_scale
