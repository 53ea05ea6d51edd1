"""The generator and discriminator: multi-layer perceptrons as pure functions of their weights.

Parameters are a flat list ``[W0, b0, W1, b1, ...]`` with ``W`` of shape (fan_in, fan_out),
as in GAN Lab. The forward functions also accept weights stacked on leading dimensions (one
set per run), so many runs can later share one call.
"""
from __future__ import annotations

import math

import torch

Params = list[torch.Tensor]
PLANE = 2  # the discriminator reads, and the generator writes, points of the plane


def layer_sizes(inputs: int, layers: int, neurons: int, outputs: int) -> list[int]:
    return [inputs] + [neurons] * layers + [outputs]


def init_mlp(sizes: list[int], generator: torch.Generator) -> Params:
    """GAN Lab's initialisation: N(0, 1/sqrt(2)) for the first layer, N(0, 1/sqrt(fan_in))
    for the others, zero biases; float32 like TensorFlow.js."""
    params: Params = []
    for index, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        sd = 1.0 / math.sqrt(2.0) if index == 0 else 1.0 / math.sqrt(fan_in)
        weight = torch.randn(fan_in, fan_out, generator=generator) * sd
        params += [weight.requires_grad_(), torch.zeros(fan_out, requires_grad=True)]
    return params


def mlp(params: Params, inputs: torch.Tensor) -> torch.Tensor:
    """ReLU hidden layers, linear output (the caller applies the output squashing)."""
    hidden = inputs
    last = len(params) // 2 - 1
    for index in range(0, len(params), 2):
        weight, bias = params[index], params[index + 1]
        hidden = hidden @ weight + bias.unsqueeze(-2)
        if index // 2 < last:
            hidden = torch.relu(hidden)
    return hidden


def generate(g_params: Params, noise: torch.Tensor) -> torch.Tensor:
    """Points of the plane, (..., n, 2): tanh output as GAN Lab (so in (-1, 1)^2)."""
    return torch.tanh(mlp(g_params, noise))


def discriminator_logits(d_params: Params, points: torch.Tensor) -> torch.Tensor:
    """The discriminator's logit per point, (..., n); its probability is the sigmoid."""
    return mlp(d_params, points).squeeze(-1)
