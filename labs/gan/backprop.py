"""The MLPs' backward pass written out, with the very kernels autograd would run.

Why: a GAN Lab step is a few hundred tensor operations on tiny tensors, and autograd's graph
and engine (above all on the losses' few operations) cost half as much again: a ring step
takes 2.2 ms with autograd, 1.4 ms here (``tests/benchmarks/test_td2_benchmarks.py``). The
forward pass here keeps each layer's input; the backward pass calls what autograd's
formulas call for ``x @ W + b`` and ReLU (``mm``/``bmm`` on the same transposes, the bias
gradient as a sum over rows, ``threshold_backward``, ``tanh_backward``, the zero-filled
gradient of a slice), so a training step is bit-identical to one taken with
``torch.autograd.grad`` (``tests/td2/gan/test_backprop.py``). The losses' gradients with
respect to the logits are written out next to the losses, in ``labs.gan.losses``.

Weights may be stacked on a leading run dimension, as everywhere in ``labs.gan``.
"""
from __future__ import annotations

import torch

from labs.gan.networks import PLANE, Params, mlp

Activations = list[torch.Tensor]  # each layer's input: the padded input, then ReLU outputs


def mlp_forward(params: Params, inputs: torch.Tensor) -> tuple[torch.Tensor, Activations]:
    """``labs.gan.networks.mlp``, and each layer's input for the backward pass."""
    layer_inputs: Activations = []
    return mlp(params, inputs, layer_inputs), layer_inputs


def mlp_backward(params: Params, layer_inputs: Activations, grad_output: torch.Tensor,
                 weight_grads: bool = True, input_grad: bool = False,
                 ) -> tuple[list[torch.Tensor | None] | None, torch.Tensor | None]:
    """The gradients of the weights (``[dW0, db0, ...]``, when ``weight_grads``) and of the
    padded input (when ``input_grad``), from the gradient of the output."""
    grads: list[torch.Tensor | None] = [None] * len(params)
    grad = grad_output
    for layer in reversed(range(len(params) // 2)):
        weight, layer_input = params[2 * layer], layer_inputs[layer]
        if weight_grads:
            # autograd's: mm/bmm of the transposed input; the bias's broadcast gradient
            # summed to its shape (then squeezed)
            grads[2 * layer] = (layer_input.t().mm(grad) if grad.dim() == 2
                                else layer_input.transpose(1, 2).bmm(grad))
            grads[2 * layer + 1] = grad.sum(-2)
        if layer == 0 and not input_grad:
            break
        grad = grad.mm(weight.t()) if grad.dim() == 2 else grad.bmm(weight.transpose(1, 2))
        if layer > 0:
            grad = torch.ops.aten.threshold_backward(grad, layer_input, 0)
    return (grads if weight_grads else None), (grad if input_grad else None)


def output_grad(grad: torch.Tensor, output_shape: torch.Size, columns: int) -> torch.Tensor:
    """The gradient of a network's whole output from that of its first ``columns`` columns
    (what autograd's select and slice backward give: zeros elsewhere)."""
    full = torch.zeros(output_shape, dtype=grad.dtype)
    if columns == 1:
        full[..., 0] = grad
    else:
        full[..., :columns] = grad
    return full


def generate_forward(g_params: Params, noise: torch.Tensor) -> tuple[torch.Tensor, tuple]:
    """``labs.gan.networks.generate``, and what ``generate_backward`` needs."""
    output, layer_inputs = mlp_forward(g_params, noise)
    points = torch.tanh(output[..., :PLANE])
    return points, (output.shape, layer_inputs, points)


def generate_backward(g_params: Params, saved: tuple,
                      grad_points: torch.Tensor) -> list[torch.Tensor]:
    """The generator's weight gradients from that of the points it made."""
    output_shape, layer_inputs, points = saved
    grad = torch.ops.aten.tanh_backward(grad_points, points)
    grads, _ = mlp_backward(g_params, layer_inputs, output_grad(grad, output_shape, PLANE))
    return grads


def logits_forward(d_params: Params, points: torch.Tensor) -> tuple[torch.Tensor, tuple]:
    """``labs.gan.networks.discriminator_logits``, and what ``logits_backward`` needs."""
    output, layer_inputs = mlp_forward(d_params, points)
    return output[..., 0], (output.shape, layer_inputs, points.shape[-1])


def logits_backward(d_params: Params, saved: tuple, grad_logits: torch.Tensor,
                    weight_grads: bool = True, input_grad: bool = False,
                    ) -> tuple[list[torch.Tensor] | None, torch.Tensor | None]:
    """The discriminator's weight gradients and/or the gradient of the points it read."""
    output_shape, layer_inputs, point_dims = saved
    grads, grad_input = mlp_backward(d_params, layer_inputs,
                                     output_grad(grad_logits, output_shape, 1),
                                     weight_grads, input_grad)
    if grad_input is not None:  # autograd's backward of F.pad: the padding cut off
        grad_input = torch.constant_pad_nd(grad_input, (0, point_dims - grad_input.shape[-1]))
    return grads, grad_input
