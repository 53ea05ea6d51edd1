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
