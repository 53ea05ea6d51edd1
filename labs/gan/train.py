"""Training a GAN the way GAN Lab does: k discriminator updates, then g generator updates.

Like GAN Lab, 12,000 real points and 12,000 noise vectors are drawn once per run and cycled
in batches of 150. Everything random comes from the run's seed, so a run is reproducible to
the bit on one machine. ``discriminator_objective`` and ``generator_objective`` are pure
functions of (weights, batch); ``training_step`` takes their gradients with the backward
pass written out in ``labs.gan.backprop`` (bit-identical to ``torch.autograd.grad``, tested)
and applies ``labs.gan.optimizers``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

import numpy as np
import torch

from labs.gan import backprop
from labs.gan.config import ATLAS_SIZE, GANConfig, config_from
from labs.gan.distributions import sample_real
from labs.gan.losses import (discriminator_loss, discriminator_loss_grads, generator_loss,
                             generator_loss_grad)
from labs.gan.metrics import GRID_CELLS, kl_js
from labs.gan.networks import (PLANE, Params, discriminator_logits, generate,
                               init_mlp, layer_sizes, padded_params, unpadded)
from labs.gan.noise import sample_noise
from labs.gan.optimizers import OptimizerState, apply_update, init_optimizer
from labs.torch_threads import torch_threads

STEP_METRICS = ("d_loss", "g_loss", "g_grad_norm", "d_accuracy", "d_real", "d_fake")


def run_seeds(seed: int) -> dict[str, int]:
    """Independent seeds for each random part of a run, all derived from one seed."""
    states = np.random.SeedSequence(seed).generate_state(5)
    return dict(zip(("real", "noise", "weights", "eval", "sample"), (int(s) for s in states)))


def discriminator_objective(d_params: Params, g_params: Params, real: torch.Tensor,
                            noise: torch.Tensor, loss: str) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(loss, real logits, fake logits) of the discriminator on one batch."""
    with torch.no_grad():
        fake = generate(g_params, noise)
    real_logits = discriminator_logits(d_params, real)
    fake_logits = discriminator_logits(d_params, fake)
    return discriminator_loss(real_logits, fake_logits, loss), real_logits, fake_logits


def generator_objective(g_params: Params, d_params: Params, noise: torch.Tensor,
                        loss: str) -> torch.Tensor:
    """The generator's loss on one batch (gradients flow through the discriminator)."""
    return generator_loss(discriminator_logits(d_params, generate(g_params, noise)), loss)


@dataclass
class GANState:
    """Everything a run carries from one step to the next."""
    config: GANConfig
    g_params: Params
    d_params: Params
    g_optimizer: OptimizerState
    d_optimizer: OptimizerState
    real_atlas: torch.Tensor
    noise_atlas: torch.Tensor
    real_batches: int = 0
    noise_batches: int = 0

    def next_batch(self, which: str) -> torch.Tensor:
        """GAN Lab's cycling provider: batch i is rows (i * batch) % atlas onwards."""
        size = self.config.batch_size
        counter = f"{which}_batches"
        atlas = self.real_atlas if which == "real" else self.noise_atlas
        rows = atlas.shape[-2]  # the second-to-last dimension: a sweep stacks runs in front
        start = (getattr(self, counter) * size) % rows
        setattr(self, counter, getattr(self, counter) + 1)
        if start + size <= rows:
            return atlas[..., start:start + size, :]
        # wraps round to the first rows (more than once when the atlas is smaller than a batch)
        indices = torch.arange(start, start + size) % rows
        return atlas[..., indices, :]


def network_sizes(config: GANConfig) -> tuple[list[int], list[int]]:
    """The layer sizes of the generator and of the discriminator, inputs to outputs."""
    return (layer_sizes(config.noise_dim, config.g_layers, config.g_neurons, PLANE),
            layer_sizes(PLANE, config.d_layers, config.d_neurons, 1))


def initial_state(config: GANConfig) -> GANState:
    seeds = run_seeds(config.seed)
    generator = torch.Generator().manual_seed(seeds["weights"])
    g_sizes, d_sizes = network_sizes(config)
    g_params = init_mlp(g_sizes, generator)
    d_params = init_mlp(d_sizes, generator)
    real = sample_real(config.distribution, ATLAS_SIZE, seeds["real"], points=config.points)
    noise = sample_noise(config.noise, config.noise_dim, ATLAS_SIZE, seeds["noise"])
    return started(config, g_params, d_params, real, noise)


def started(config: GANConfig, g_params: Params, d_params: Params, real: np.ndarray,
            noise: np.ndarray) -> GANState:
    """A run's state at step 0: these weights, fresh optimisers, these data to cycle."""
    return GANState(config, g_params, d_params,
                    init_optimizer(config.g_optimizer, g_params, config.g_lr),
                    init_optimizer(config.d_optimizer, d_params, config.d_lr),
                    torch.as_tensor(np.asarray(real), dtype=torch.float32),
                    torch.as_tensor(np.asarray(noise), dtype=torch.float32))


def state_from(config: GANConfig, weights: Mapping[str, Any], real: np.ndarray,
               noise: np.ndarray) -> GANState:
    """A run's state at step 0 from given weights (``{"generator": [W0, b0, ...],
    "discriminator": [...]}``, ``W`` of shape (fan_in, fan_out)) and given real points and
    noise, cycled in batches as the pre-drawn ones are."""
    g_sizes, d_sizes = network_sizes(config)
    return started(config, padded_params(weights["generator"], g_sizes),
                   padded_params(weights["discriminator"], d_sizes), real, noise)


def gradient_norm(grads: tuple[torch.Tensor, ...], run_dims: int) -> torch.Tensor:
    """The norm of all gradients together, per run (over every dimension but the leading ones)."""
    norms = [torch.linalg.vector_norm(g.flatten(run_dims), dim=-1) for g in grads]
    return torch.linalg.vector_norm(torch.stack(norms, dim=-1), dim=-1)


@torch.no_grad()
def training_step(state: GANState) -> dict[str, torch.Tensor]:
    """One GAN Lab step: ``k_d`` discriminator updates, then ``k_g`` generator updates.

    The gradients are those of ``discriminator_objective`` and ``generator_objective``
    summed over runs, taken by ``labs.gan.backprop`` (the same kernels as autograd, without
    its graph: bit-identical, tested). Returns 0-d tensors (not floats, to avoid a sync per
    step): the last discriminator update's loss, accuracy and mean outputs (before that
    update), the last generator update's loss and gradient norm; NaN where no such update
    ran. With weights stacked on a leading run dimension (``labs.gan.sweep``) every value
    has that dimension too; summing the losses over runs gives each run its own gradient
    exactly.
    """
    config = state.config
    nan = torch.tensor(float("nan"))
    out = dict.fromkeys(STEP_METRICS, nan)
    for update in range(config.k_d):
        real, noise = state.next_batch("real"), state.next_batch("noise")
        fake = generate(state.g_params, noise)
        real_logits, real_read = backprop.logits_forward(state.d_params, real)
        fake_logits, fake_read = backprop.logits_forward(state.d_params, fake)
        grad_real, grad_fake = discriminator_loss_grads(real_logits, fake_logits, config.loss)
        from_real, _ = backprop.logits_backward(state.d_params, real_read, grad_real)
        from_fake, _ = backprop.logits_backward(state.d_params, fake_read, grad_fake)
        grads = [a + b for a, b in zip(from_real, from_fake)]  # autograd's sum of the two uses
        if update == config.k_d - 1:
            out["d_loss"] = discriminator_loss(real_logits, fake_logits, config.loss)
            out["d_accuracy"] = 0.5 * ((real_logits > 0).float().mean(-1)
                                       + (fake_logits < 0).float().mean(-1))
            out["d_real"] = torch.sigmoid(real_logits).mean(-1)
            out["d_fake"] = torch.sigmoid(fake_logits).mean(-1)
        apply_update(state.d_params, grads, state.d_optimizer)
    for _ in range(config.k_g):
        noise = state.next_batch("noise")
        fake, generated = backprop.generate_forward(state.g_params, noise)
        logits, read = backprop.logits_forward(state.d_params, fake)
        _, grad_fake = backprop.logits_backward(state.d_params, read,
                                                generator_loss_grad(logits, config.loss),
                                                weight_grads=False, input_grad=True)
        grads = backprop.generate_backward(state.g_params, generated, grad_fake)
        out["g_grad_norm"] = gradient_norm(grads, logits.dim() - 1)
        out["g_loss"] = generator_loss(logits, config.loss)
        apply_update(state.g_params, grads, state.g_optimizer)
    return out


@dataclass
class Snapshot:
    """What GAN Lab shows at one step: generated points and the discriminator's surface."""
    step: int
    generated: np.ndarray  # (eval_samples, 2)
    surface: np.ndarray  # (GRID_CELLS, GRID_CELLS): D on cell centres, [y cell, x cell]


def cell_centres(cells: int = GRID_CELLS) -> np.ndarray:
    """The (cells * cells, 2) centres of the grid, x fastest (GAN Lab's uniform provider)."""
    centres = (np.arange(cells) + 0.5) / cells
    x, y = np.meshgrid(centres, centres)
    return np.stack([x.ravel(), y.ravel()], axis=1)


@dataclass
class GANRun:
    """A trained GAN: its weights, its per-step history and its snapshots."""
    config: GANConfig
    g_params: Params
    d_params: Params
    history: dict[str, np.ndarray]
    snapshots: dict[int, Snapshot] = field(default_factory=dict)
    real_eval: np.ndarray | None = None  # the real points the divergences are measured on

    def generate(self, noise: np.ndarray) -> np.ndarray:
        with torch.no_grad():
            return generate(self.g_params, torch.as_tensor(noise, dtype=torch.float32)).double().numpy()

    def sample(self, n: int, seed: int | None = None) -> np.ndarray:
        """``n`` generated points; the noise seed defaults to one derived from the run's."""
        seed = run_seeds(self.config.seed)["sample"] if seed is None else seed
        return self.generate(sample_noise(self.config.noise, self.config.noise_dim, n, seed))

    def discriminate(self, points: np.ndarray) -> np.ndarray:
        """The discriminator's probability that each point is real."""
        with torch.no_grad():
            logits = discriminator_logits(self.d_params, torch.as_tensor(points, dtype=torch.float32))
        return torch.sigmoid(logits).double().numpy()

    def surface(self, cells: int = GRID_CELLS) -> np.ndarray:
        return self.discriminate(cell_centres(cells)).reshape(cells, cells)


def per_step_history(records: list[dict[str, torch.Tensor]]) -> dict[str, np.ndarray]:
    """``training_step``'s records as one array per metric (empty for 0 steps)."""
    return {name: (torch.stack([r[name] for r in records]).double().numpy() if records
                   else np.zeros(0)) for name in STEP_METRICS}


def train_gan_from(config: GANConfig | Mapping[str, Any], weights: Mapping[str, Any],
                   real: np.ndarray, noise: np.ndarray) -> dict[str, Any]:
    """``config["steps"]`` training steps from given weights, on given real points and noise
    (batch i of each is rows ``i * batch_size`` onwards, wrapping round; the noise rows serve
    the discriminator's and the generator's updates in the order they run). Returns the
    per-step ``history`` and the final ``weights``, in the layout they were given."""
    config = config_from(config)
    with torch_threads(1):
        state = state_from(config, weights, real, noise)
        records = [training_step(state) for _ in range(config.steps)]
    g_sizes, d_sizes = network_sizes(config)
    return {"history": per_step_history(records),
            "weights": {"generator": unpadded(state.g_params, g_sizes),
                        "discriminator": unpadded(state.d_params, d_sizes)}}


def evaluation_data(config: GANConfig) -> tuple[np.ndarray, torch.Tensor]:
    """The real points and the noise a run's divergences are measured on."""
    seed = run_seeds(config.seed)["eval"]
    real = sample_real(config.distribution, config.eval_samples, seed, points=config.points)
    noise = sample_noise(config.noise, config.noise_dim, config.eval_samples, seed)
    return real, torch.as_tensor(noise, dtype=torch.float32)


def _evaluate(state: GANState, real_eval: np.ndarray, noise_eval: torch.Tensor) -> tuple[np.ndarray, float, float]:
    with torch.no_grad():
        generated = generate(state.g_params, noise_eval).double().numpy()
    kl, js = kl_js(real_eval, generated)
    return generated, kl, js


def train_gan(config: GANConfig | Mapping[str, Any]) -> GANRun:
    """Train one GAN (a GANConfig, or a dict of hyper-parameters; ``preset`` picks one)."""
    config = config_from(config)
    with torch_threads(1):  # tiny networks: see labs.torch_threads
        state = initial_state(config)
        real_eval, noise_eval = evaluation_data(config)
        wanted = set(config.snapshot_steps)
        centres = torch.as_tensor(cell_centres(), dtype=torch.float32)
        records: list[dict[str, torch.Tensor]] = []
        evaluations: list[tuple[int, float, float]] = []
        snapshots: dict[int, Snapshot] = {}
        for step in range(config.steps + 1):  # step s: the state after s training steps
            if step % config.eval_every == 0 or step == config.steps or step in wanted:
                generated, kl, js = _evaluate(state, real_eval, noise_eval)
                evaluations.append((step, kl, js))
                if step in wanted:
                    with torch.no_grad():
                        surface = torch.sigmoid(discriminator_logits(state.d_params, centres))
                    snapshots[step] = Snapshot(step, generated,
                                               surface.double().numpy().reshape(GRID_CELLS, GRID_CELLS))
            if step < config.steps:
                records.append(training_step(state))
    history = per_step_history(records)
    history["eval_step"] = np.array([e[0] for e in evaluations])
    history["kl"] = np.array([e[1] for e in evaluations])
    history["js"] = np.array([e[2] for e in evaluations])
    for param in state.g_params + state.d_params:
        param.requires_grad_(False)
    return GANRun(config, state.g_params, state.d_params, history, snapshots, real_eval)
