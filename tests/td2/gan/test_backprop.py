"""The written-out backward pass (labs.gan.backprop, the losses' gradients) against autograd,
to the bit: a training step must be the one ``torch.autograd.grad`` takes on the objectives,
so that every calibrated GAN spec keeps its runs."""
from __future__ import annotations

import copy
import dataclasses

import numpy as np
import pytest
import torch

from labs.gan.config import LOSSES, make_config
from labs.gan.losses import (
    discriminator_loss,
    discriminator_loss_grads,
    generator_loss,
    generator_loss_grad,
)
from labs.gan.optimizers import apply_update
from labs.gan.sweep import stack_states
from labs.gan.train import (
    STEP_METRICS,
    discriminator_objective,
    generator_objective,
    gradient_norm,
    initial_state,
    training_step,
)
from labs.torch_threads import torch_threads


@pytest.fixture(autouse=True)
def one_thread():
    """As train_gan runs (more threads only stall networks this small on a busy machine)."""
    with torch_threads(1):
        yield


def autograd_step(state) -> dict[str, torch.Tensor]:
    """A GAN Lab step with autograd's gradients of the objectives (what training_step was)."""
    config, out = state.config, {}
    for _ in range(config.k_d):
        real, noise = state.next_batch("real"), state.next_batch("noise")
        loss, real_logits, fake_logits = discriminator_objective(
            state.d_params, state.g_params, real, noise, config.loss)
        apply_update(state.d_params, torch.autograd.grad(loss.sum(), state.d_params),
                     state.d_optimizer)
        out["d_loss"] = loss.detach()
        out["d_real"] = torch.sigmoid(real_logits.detach()).mean(-1)
    for _ in range(config.k_g):
        loss = generator_objective(state.g_params, state.d_params, state.next_batch("noise"),
                                   config.loss)
        grads = torch.autograd.grad(loss.sum(), state.g_params)
        out["g_grad_norm"] = gradient_norm(grads, loss.dim())
        apply_update(state.g_params, grads, state.g_optimizer)
        out["g_loss"] = loss.detach()
    return out


CASES = [
    ("ring", {}),
    ("gaussians", {"loss": "least_squares", "d_optimizer": "adam", "g_optimizer": "adam"}),
    ("line", {"loss": "minimax", "noise_dim": 1}),
    ("disjoint", {"g_layers": 0, "d_layers": 0, "k_d": 2, "k_g": 2}),
    ("ring", {"batch_size": 7, "d_neurons": 30, "g_neurons": 3}),  # batches wrap the atlas
    ("gaussians", {"batch_size": 2}),  # 2 and 3 rows: a matmul's rows are not always
    ("gaussians", {"batch_size": 3}),  # independent, so real and fake go in separately
]


def _states(preset: str, extra: dict, stacked: bool):
    config = make_config(preset, **extra)
    if not stacked:
        state = initial_state(config)
    else:
        state = stack_states([initial_state(dataclasses.replace(config, seed=seed))
                              for seed in (0, 1, 5)])
    return state, copy.deepcopy(state)


@pytest.mark.parametrize("stacked", [False, True], ids=["one run", "three stacked"])
@pytest.mark.parametrize("preset, extra", CASES)
def test_a_training_step_is_autograds_to_the_bit(preset, extra, stacked):
    ours, theirs = _states(preset, extra, stacked)
    for step in range(15):
        mine, reference = training_step(ours), autograd_step(theirs)
        for name, value in reference.items():
            assert torch.equal(mine[name], value), (step, name)
    for a, b in zip(ours.g_params + ours.d_params, theirs.g_params + theirs.d_params):
        assert torch.equal(a, b)
    assert set(mine) == set(STEP_METRICS)


@pytest.mark.parametrize("loss", LOSSES)
def test_the_losses_gradients_are_autograds_to_the_bit(loss):
    generator = torch.Generator().manual_seed(0)
    for scale in (1e-3, 1.0, 8.0, 60.0):  # 60: saturated sigmoids
        output = torch.randn(4, 300, 4, generator=generator) * scale
        real, fake = output[..., 0].chunk(2, dim=-1)  # strided, like the discriminator's
        # the same layout as the logits (a kernel's vector and scalar paths may round apart)
        leaves = [real.detach().requires_grad_(), fake.detach().requires_grad_()]
        expected = torch.autograd.grad(discriminator_loss(*leaves, loss).sum(), leaves)
        for a, b in zip(discriminator_loss_grads(real, fake, loss), expected):
            assert torch.equal(a, b), scale
        expected = torch.autograd.grad(generator_loss(leaves[1], loss).sum(), leaves[1])[0]
        assert torch.equal(generator_loss_grad(fake, loss), expected), scale


def test_the_comparison_sees_a_wrong_gradient(monkeypatch):
    """The step test can fail: a discriminator gradient off by one part in 10^6 shows."""
    import labs.gan.train as train

    right = train.discriminator_loss_grads
    monkeypatch.setattr(train, "discriminator_loss_grads",
                        lambda *args: tuple(g * (1 + 1e-6) for g in right(*args)))
    ours, theirs = _states("ring", {}, stacked=False)
    training_step(ours), autograd_step(theirs)
    assert not all(np.array_equal(a.detach().numpy(), b.detach().numpy())
                   for a, b in zip(ours.d_params, theirs.d_params))
