"""The generator and discriminator: multi-layer perceptrons as pure functions of their weights.

Parameters are a flat list ``[W0, b0, W1, b1, ...]`` with ``W`` of shape (fan_in, fan_out),
as in GAN Lab. The forward functions also accept weights stacked on leading dimensions (one
set per run), so that many runs share one call (``labs.gan.sweep``).

Every feature size is padded with zeros to a multiple of ``ALIGN``: the padded weights get
zero gradients (a ReLU of 0 passes none, a zero input gives none), so they stay zero and the
network is the one GAN Lab builds. Why: torch's CPU batched matmul picks its kernel by the
memory alignment of each run's slice, so with unpadded sizes half the runs of a stack were
computed in another order than a run alone (last-bit differences that training amplifies);
with every slice aligned, a run in a sweep is bit-identical to the same run alone.
"""
from __future__ import annotations

import math

import numpy as np
import torch
import torch.nn.functional as F

Params = list[torch.Tensor]
PLANE = 2  # the discriminator reads, and the generator writes, points of the plane
ALIGN = 4  # feature sizes padded to a multiple of this (measured: enough for aligned slices)


def padded(size: int) -> int:
    return -(-size // ALIGN) * ALIGN


def layer_sizes(inputs: int, layers: int, neurons: int, outputs: int) -> list[int]:
    return [inputs] + [neurons] * layers + [outputs]


def unpadded(params: Params, sizes: list[int]) -> list[np.ndarray]:
    """The weights GAN Lab would hold (W, b per layer): ``params`` without the zero padding."""
    out = []
    for index, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        out.append(params[2 * index].detach()[:fan_in, :fan_out].numpy().copy())
        out.append(params[2 * index + 1].detach()[:fan_out].numpy().copy())
    return out


def padded_params(weights: list, sizes: list[int]) -> Params:
    """Given weights ``[W0, b0, ...]`` (GAN Lab's shapes) as float32 tensors padded with zeros."""
    if len(weights) != 2 * (len(sizes) - 1):
        raise ValueError(f"{len(weights)} weight arrays for {len(sizes) - 1} layers "
                         f"(sizes {sizes}): expected W and b per layer")
    params: Params = []
    for index, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        given_weight, given_bias = (torch.as_tensor(np.asarray(w), dtype=torch.float32)
                                    for w in weights[2 * index:2 * index + 2])
        weight = torch.zeros(padded(fan_in), padded(fan_out))
        weight[:fan_in, :fan_out] = given_weight
        bias = torch.zeros(padded(fan_out))
        bias[:fan_out] = given_bias
        params += [weight, bias]
    return params


def init_mlp(sizes: list[int], generator: torch.Generator) -> Params:
    """GAN Lab's initialisation: N(0, 1/sqrt(2)) for the first layer, N(0, 1/sqrt(fan_in))
    for the others, zero biases; float32 like TensorFlow.js."""
    params: Params = []
    for index, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        sd = 1.0 / math.sqrt(2.0) if index == 0 else 1.0 / math.sqrt(fan_in)
        weight = torch.zeros(padded(fan_in), padded(fan_out))
        weight[:fan_in, :fan_out] = torch.randn(fan_in, fan_out, generator=generator) * sd
        params += [weight.requires_grad_(), torch.zeros(padded(fan_out), requires_grad=True)]
    return params


def mlp(params: Params, inputs: torch.Tensor, layer_inputs: list | None = None) -> torch.Tensor:
    """ReLU hidden layers, linear output (the caller applies the output squashing); each
    layer's input is appended to ``layer_inputs`` when given (``labs.gan.backprop``)."""
    hidden = F.pad(inputs, (0, params[0].shape[-2] - inputs.shape[-1]))
    last = len(params) // 2 - 1
    for index in range(0, len(params), 2):
        if layer_inputs is not None:
            layer_inputs.append(hidden)
        weight, bias = params[index], params[index + 1]
        hidden = (hidden @ weight).add_(bias.unsqueeze(-2))  # in place: one tensor less per layer
        if index // 2 < last:
            hidden = hidden.relu_()
    return hidden


def generate(g_params: Params, noise: torch.Tensor) -> torch.Tensor:
    """Points of the plane, (..., n, 2): tanh output as GAN Lab (so in (-1, 1)^2)."""
    return torch.tanh(mlp(g_params, noise)[..., :PLANE])


def discriminator_logits(d_params: Params, points: torch.Tensor) -> torch.Tensor:
    """The discriminator's logit per point, (..., n); its probability is the sigmoid."""
    return mlp(d_params, points)[..., 0]
