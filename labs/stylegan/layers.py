"""The building blocks of a StyleGAN generator: equalised-learning-rate layers and the
style-modulated, demodulated convolution (Karras et al., StyleGAN2 section 2.2)."""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn


def lrelu(x: torch.Tensor) -> torch.Tensor:
    """Leaky ReLU (slope 0.2) times sqrt(2), which keeps unit variance (StyleGAN's default gain)."""
    return F.leaky_relu(x, 0.2) * math.sqrt(2)


class FullyConnected(nn.Module):
    """A linear layer whose weights are scaled at run time (equalised learning rate)."""

    def __init__(self, in_features: int, out_features: int, generator: torch.Generator,
                 activation: bool = False, lr_multiplier: float = 1.0,
                 bias_init: float = 0.0) -> None:
        super().__init__()
        self.activation = activation
        self.weight = nn.Parameter(
            torch.randn([out_features, in_features], generator=generator) / lr_multiplier)
        self.bias = nn.Parameter(torch.full([out_features], bias_init / lr_multiplier))
        self.weight_gain = lr_multiplier / math.sqrt(in_features)
        self.bias_gain = lr_multiplier

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = torch.addmm(self.bias * self.bias_gain, x, (self.weight * self.weight_gain).t())
        return lrelu(x) if self.activation else x


def modulated_conv2d(x: torch.Tensor, weight: torch.Tensor, styles: torch.Tensor,
                     demodulate: bool = True) -> torch.Tensor:
    """Scale the kernel's input channels by each image's style, renormalise every output
    channel to unit norm (demodulation), and convolve each image with its own kernel (one
    grouped convolution for the batch). Same-size output (padding k // 2)."""
    batch, in_channels, height, width = x.shape
    out_channels, _, kh, kw = weight.shape
    w = weight.unsqueeze(0) * styles.reshape(batch, 1, in_channels, 1, 1)  # [N, O, I, k, k]
    if demodulate:
        w = w * (w.square().sum(dim=[2, 3, 4], keepdim=True) + 1e-8).rsqrt()
    x = F.conv2d(x.reshape(1, batch * in_channels, height, width),
                 w.reshape(batch * out_channels, in_channels, kh, kw),
                 padding=kh // 2, groups=batch)
    return x.reshape(batch, out_channels, height, width)
