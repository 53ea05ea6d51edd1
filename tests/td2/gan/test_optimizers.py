"""The hand-written SGD and Adam updates match torch.optim's."""
from __future__ import annotations

import pytest
import torch

from labs.gan.optimizers import EPSILON, apply_update, init_optimizer


@pytest.mark.parametrize("kind", ["sgd", "adam"])
def test_updates_match_torch_optim(kind):
    generator = torch.Generator().manual_seed(0)
    ours = [torch.randn(3, 4, generator=generator), torch.randn(4, generator=generator)]
    theirs = [p.clone().requires_grad_() for p in ours]
    reference = (torch.optim.SGD(theirs, lr=0.1) if kind == "sgd"
                 else torch.optim.Adam(theirs, lr=0.01, betas=(0.9, 0.999), eps=EPSILON))
    state = init_optimizer(kind, ours, 0.1 if kind == "sgd" else 0.01)
    for _ in range(25):
        grads = [torch.randn(p.shape, generator=generator) for p in ours]
        apply_update(ours, grads, state)
        for p, g in zip(theirs, grads):
            p.grad = g.clone()
        reference.step()
    for mine, torch_one in zip(ours, theirs):
        torch.testing.assert_close(mine, torch_one.detach(), rtol=1e-6, atol=1e-6)
