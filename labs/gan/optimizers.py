"""SGD and Adam as plain functions of (weights, gradients, state), updating in place.

Hand-written rather than ``torch.optim`` for two reasons: ``torch.optim``'s first use
imports ``torch._dynamo`` (1.5 to 4.5 s on the course machines, more than all of TD 2's spec
training), and an update that is a function of plain tensors is what a batched seed sweep
needs. ``tests/td2/gan/test_optimizers.py`` checks both against ``torch.optim`` to 1e-6.
Adam uses GAN Lab's betas (0.9, 0.999) and TensorFlow.js's epsilon 1e-7.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import torch

BETA1, BETA2 = 0.9, 0.999
EPSILON = 1e-7  # TensorFlow.js's default for float32 (tf.backend().epsilon()), so GAN Lab's Adam


@dataclass
class OptimizerState:
    kind: str  # "sgd" or "adam"
    lr: float
    steps: int = 0
    first_moments: list[torch.Tensor] = field(default_factory=list)
    second_moments: list[torch.Tensor] = field(default_factory=list)


def init_optimizer(kind: str, params: list[torch.Tensor], lr: float) -> OptimizerState:
    state = OptimizerState(kind, lr)
    if kind == "adam":
        state.first_moments = [torch.zeros_like(p) for p in params]
        state.second_moments = [torch.zeros_like(p) for p in params]
    return state


@torch.no_grad()
def apply_update(params: list[torch.Tensor], grads: tuple[torch.Tensor, ...] | list[torch.Tensor],
                 state: OptimizerState) -> None:
    """One optimiser step on ``params`` in place (they keep their identity and autograd flag)."""
    state.steps += 1
    if state.kind == "sgd":
        torch._foreach_add_(params, grads, alpha=-state.lr)
        return
    m, v = state.first_moments, state.second_moments
    torch._foreach_lerp_(m, grads, 1.0 - BETA1)  # m = beta1 m + (1 - beta1) g
    torch._foreach_mul_(v, BETA2)
    torch._foreach_addcmul_(v, grads, grads, value=1.0 - BETA2)
    correction1 = 1.0 - BETA1 ** state.steps
    correction2 = 1.0 - BETA2 ** state.steps
    denominators = torch._foreach_sqrt(v)
    torch._foreach_div_(denominators, correction2 ** 0.5)
    torch._foreach_add_(denominators, EPSILON)
    torch._foreach_addcdiv_(params, m, denominators, value=-state.lr / correction1)
