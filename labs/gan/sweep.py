"""Many seeds of one GAN configuration at once: weights stacked on a leading run dimension.

Calibrating a stochastic spec means training the same GAN for 20 or more seeds. Here every
run's weights, optimiser state and data atlases are stacked, and one ``training_step``
(the same function a single run uses) advances all of them: a single run's step is mostly
torch's dispatch overhead, so 24 seeds cost about what 4 or 5 sequential runs cost (the
limits: tests/benchmarks/test_td2_benchmarks.py).

Exactness: each run of a sweep equals its sequential ``train_gan`` run to the bit (tested).
That rests on ``labs.gan.networks`` padding every feature size to a multiple of 4: torch's CPU
batched matmul picks its kernel by the memory alignment of each run's slice, and unpadded,
about half the runs of a stack were computed in another order than a run alone.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Mapping, Sequence

import numpy as np
import torch

from labs.gan.config import GANConfig, config_from
from labs.gan.metrics import kl_js
from labs.gan.networks import generate
from labs.gan.optimizers import init_optimizer
from labs.gan.train import (STEP_METRICS, GANRun, GANState, evaluation_data, initial_state,
                            training_step)
from labs.torch_threads import torch_threads


def stack_states(states: Sequence[GANState], device: str = "cpu") -> GANState:
    """One state whose tensors hold every run's, stacked on a new leading dimension."""
    def stack(groups: list[list[torch.Tensor]]) -> list[torch.Tensor]:
        return [torch.stack([p.detach() for p in group]).to(device).requires_grad_()
                for group in zip(*groups)]

    first = states[0]
    g_params = stack([s.g_params for s in states])
    d_params = stack([s.d_params for s in states])
    return GANState(first.config, g_params, d_params,
                    init_optimizer(first.config.g_optimizer, g_params, first.config.g_lr),
                    init_optimizer(first.config.d_optimizer, d_params, first.config.d_lr),
                    torch.stack([s.real_atlas for s in states]).to(device),
                    torch.stack([s.noise_atlas for s in states]).to(device))


def train_gan_seeds(config: GANConfig | Mapping[str, Any], seeds: Sequence[int],
                    device: str = "cpu") -> list[GANRun]:
    """Train ``config`` once per seed, all at once; run i is ``config`` with ``seed=seeds[i]``.

    Each run gets its per-step history and its KL/JS at the first and last step (no
    snapshots: a sweep is for statistics, not figures).
    """
    base = config_from(config)
    configs = [dataclasses.replace(base, seed=int(seed)) for seed in seeds]
    if not configs:
        raise ValueError("seeds must name at least one run")
    with torch_threads(1):
        state = stack_states([initial_state(c) for c in configs], device)
        evaluation = [evaluation_data(c) for c in configs]
        noise_eval = torch.stack([noise for _, noise in evaluation]).to(device)
        divergences = [_divergences(state, evaluation, noise_eval)]
        records = [training_step(state) for _ in range(base.steps)]
        divergences.append(_divergences(state, evaluation, noise_eval))
    runs = []
    for index, run_config in enumerate(configs):
        history = {name: (_per_run(records, name, len(configs))[:, index].double().cpu().numpy()
                          if records else np.zeros(0)) for name in STEP_METRICS}
        history["eval_step"] = np.array([0, base.steps])
        history["kl"] = np.array([d[index][0] for d in divergences])
        history["js"] = np.array([d[index][1] for d in divergences])
        g_params = [p.detach()[index].cpu().clone() for p in state.g_params]
        d_params = [p.detach()[index].cpu().clone() for p in state.d_params]
        runs.append(GANRun(run_config, g_params, d_params, history, {}, evaluation[index][0]))
    return runs


def _per_run(records: list[dict[str, torch.Tensor]], name: str, runs: int) -> torch.Tensor:
    """(steps, runs) of one metric; a metric no update produced (k_d or k_g 0) is one NaN
    per step, without the run dimension, so it is spread over the runs."""
    return torch.stack([r[name].expand(runs) if r[name].dim() == 0 else r[name] for r in records])


def _divergences(state: GANState, evaluation: list, noise_eval: torch.Tensor) -> list[tuple[float, float]]:
    with torch.no_grad():
        generated = generate(state.g_params, noise_eval).double().cpu().numpy()
    return [kl_js(real, points) for (real, _), points in zip(evaluation, generated)]
