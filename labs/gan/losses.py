"""GAN Lab's two losses, and the original saturating ("minimax") generator loss.

Written on logits with ``logsigmoid`` so that a saturated discriminator gives large finite
losses instead of GAN Lab's ``log(0) = -inf``. Each function averages over the batch (last
dimension) and keeps any leading run dimensions.
"""
from __future__ import annotations

import torch
from torch.nn.functional import logsigmoid

REAL_WEIGHT = 0.95  # GAN Lab weights the discriminator's real term (one-sided smoothing)


def discriminator_loss(real_logits: torch.Tensor, fake_logits: torch.Tensor,
                       loss: str) -> torch.Tensor:
    if loss == "least_squares":
        return ((torch.sigmoid(real_logits) - 1.0) ** 2).mean(-1) + \
            (torch.sigmoid(fake_logits) ** 2).mean(-1)
    # "log" and "minimax" share the discriminator's loss
    return -(REAL_WEIGHT * logsigmoid(real_logits).mean(-1) + logsigmoid(-fake_logits).mean(-1))


def generator_loss(fake_logits: torch.Tensor, loss: str) -> torch.Tensor:
    if loss == "least_squares":
        return ((torch.sigmoid(fake_logits) - 1.0) ** 2).mean(-1)
    if loss == "minimax":
        # minimise log(1 - D(G(z))): its gradient vanishes when D rejects the fakes
        return logsigmoid(-fake_logits).mean(-1)
    return -logsigmoid(fake_logits).mean(-1)  # GAN Lab's non-saturating log loss


# The gradients of each loss, summed over runs, with respect to the logits: the operations
# autograd's formulas run (log_sigmoid_backward with its buffer, a mean's gradient spread
# over the batch and divided by its size, pow's 2 x, sigmoid_backward), so the values are
# bit-identical to ``torch.autograd.grad(loss.sum(), logits)`` (tests/td2/gan/test_backprop.py)
# at a tenth of its cost on these tiny tensors (no graph, no engine).

def discriminator_loss_grads(real_logits: torch.Tensor, fake_logits: torch.Tensor,
                             loss: str) -> tuple[torch.Tensor, torch.Tensor]:
    ones = _seed_grad(real_logits)
    if loss == "least_squares":
        return (_squared_miss_grad(ones, real_logits, 1.0),
                _squared_miss_grad(ones, fake_logits, 0.0))
    negated = ones.neg()
    return (_logsigmoid_grad(_mean_grad(negated * REAL_WEIGHT, real_logits), real_logits),
            _logsigmoid_grad(_mean_grad(negated, fake_logits), -fake_logits).neg())


def generator_loss_grad(fake_logits: torch.Tensor, loss: str) -> torch.Tensor:
    ones = _seed_grad(fake_logits)
    if loss == "least_squares":
        return _squared_miss_grad(ones, fake_logits, 1.0)
    if loss == "minimax":
        return _logsigmoid_grad(_mean_grad(ones, fake_logits), -fake_logits).neg()
    return _logsigmoid_grad(_mean_grad(ones.neg(), fake_logits), fake_logits)


def _seed_grad(logits: torch.Tensor) -> torch.Tensor:
    """The gradient of ``loss.sum()`` with respect to the per-run loss: ones."""
    return torch.ones((), dtype=logits.dtype).expand(logits.shape[:-1])


def _mean_grad(grad: torch.Tensor, values: torch.Tensor) -> torch.Tensor:
    return grad.unsqueeze(-1).expand(values.shape) / values.shape[-1]


def _logsigmoid_grad(grad: torch.Tensor, logits: torch.Tensor) -> torch.Tensor:
    _, buffer = torch.ops.aten.log_sigmoid_forward(logits)
    return torch.ops.aten.log_sigmoid_backward(grad, logits, buffer)


def _squared_miss_grad(ones: torch.Tensor, logits: torch.Tensor, target: float) -> torch.Tensor:
    """The gradient of ``((sigmoid(logits) - target) ** 2).mean(-1)``."""
    probability = torch.sigmoid(logits)
    miss = probability - 1.0 if target else probability
    grad = _mean_grad(ones, logits) * (2.0 * miss)
    return torch.ops.aten.sigmoid_backward(grad, probability)
