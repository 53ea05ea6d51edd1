"""The yardstick of the given-weights specs: GAN Lab's training steps written from
docs/td2-gan.md's formulas alone, in float64.

Independent of the reference's training code on purpose (its networks, losses, hand-written
backward pass and optimisers are what mutation testing slips), so that a slip there cannot
move the yardstick with it: the forward pass is written here again, the gradients are
torch's autograd, and SGD and Adam are the documented update rules (checked against
``torch.optim`` in tests/td2/gan/test_step_formulas.py). The specs compare a submission's
``train_gan_from`` with ``expected_training`` on the same plain arrays.
"""
from __future__ import annotations

from typing import Any, Mapping

import numpy as np
import torch
from torch.nn.functional import logsigmoid

ADAM_BETAS = (0.9, 0.999)  # GAN Lab's
ADAM_EPSILON = 1e-7  # TensorFlow.js's
REAL_WEIGHT = 0.95  # the log losses' real term (one-sided label smoothing)


def _network(weights: list[torch.Tensor], inputs: torch.Tensor) -> torch.Tensor:
    """ReLU hidden layers, a linear last layer."""
    hidden = inputs
    for layer in range(0, len(weights), 2):
        hidden = hidden @ weights[layer] + weights[layer + 1]
        if layer + 2 < len(weights):
            hidden = torch.relu(hidden)
    return hidden


def forward(weights: list, inputs: np.ndarray) -> np.ndarray:
    """A network's output on ``inputs``, in float64 (ReLU hidden layers, linear last)."""
    with torch.no_grad():
        return _network([torch.tensor(np.asarray(w, dtype=np.float64)) for w in weights],
                        torch.tensor(np.asarray(inputs, dtype=np.float64))).numpy()


def _discriminator_loss(real_logits: torch.Tensor, fake_logits: torch.Tensor,
                        loss: str) -> torch.Tensor:
    if loss == "least_squares":  # (D(x) - 1)^2 + D(G(z))^2
        return (((torch.sigmoid(real_logits) - 1) ** 2).mean()
                + (torch.sigmoid(fake_logits) ** 2).mean())
    # log and minimax: -(0.95 log D(x) + log(1 - D(G(z))))
    return -(REAL_WEIGHT * logsigmoid(real_logits).mean() + logsigmoid(-fake_logits).mean())


def _generator_loss(fake_logits: torch.Tensor, loss: str) -> torch.Tensor:
    if loss == "least_squares":
        return ((torch.sigmoid(fake_logits) - 1) ** 2).mean()  # (D(G(z)) - 1)^2
    if loss == "minimax":
        return logsigmoid(-fake_logits).mean()  # log(1 - D(G(z)))
    return -logsigmoid(fake_logits).mean()  # -log D(G(z))


class _Optimiser:
    """SGD, or Adam with bias correction: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
    w -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps), t counting from 1."""

    def __init__(self, kind: str, lr: float, weights: list[torch.Tensor]):
        self.kind, self.lr, self.t = kind, lr, 0
        self.m = [torch.zeros_like(w) for w in weights]
        self.v = [torch.zeros_like(w) for w in weights]

    @torch.no_grad()
    def step(self, weights: list[torch.Tensor], grads: list[torch.Tensor]) -> None:
        self.t += 1
        beta1, beta2 = ADAM_BETAS
        for w, g, m, v in zip(weights, grads, self.m, self.v):
            if self.kind == "sgd":
                w -= self.lr * g
                continue
            m.mul_(beta1).add_((1 - beta1) * g)
            v.mul_(beta2).add_((1 - beta2) * g * g)
            w -= self.lr * (m / (1 - beta1 ** self.t)) / (
                torch.sqrt(v / (1 - beta2 ** self.t)) + ADAM_EPSILON)


class _Batches:
    """Batch i is rows (i x size) mod n onwards, wrapping round (listed in ``order``: the
    losses are means, so the order changes only the rounding)."""

    def __init__(self, rows: np.ndarray, size: int, dtype: torch.dtype, order: np.ndarray):
        self.rows, self.size, self.taken = torch.as_tensor(rows, dtype=dtype), size, 0
        self.order = order

    def next(self) -> torch.Tensor:
        indices = (self.taken * self.size + self.order) % len(self.rows)
        self.taken += 1
        return self.rows[indices]


def expected_training(config: Mapping[str, Any], weights: Mapping[str, list],
                      real: np.ndarray, noise: np.ndarray, dtype: torch.dtype = torch.float64,
                      order: np.ndarray | None = None) -> dict[str, Any]:
    """What ``train_gan_from(config, weights, real, noise)`` returns by the documented
    formulas: the history (``d_loss``, ``g_loss``, ``g_grad_norm``, ``d_accuracy``; NaN
    where a step has no such update) and the final weights, as float64 numpy arrays.
    ``dtype`` and ``order`` (of the points within each batch) change only the rounding:
    ``float32_spread`` uses them."""
    order = np.arange(config["batch_size"]) if order is None else np.asarray(order)
    nets = {name: [torch.tensor(np.asarray(w, dtype=np.float64)).to(dtype) for w in weights[name]]
            for name in ("generator", "discriminator")}
    g, d = nets["generator"], nets["discriminator"]
    g_opt = _Optimiser(config["g_optimizer"], config["g_lr"], g)
    d_opt = _Optimiser(config["d_optimizer"], config["d_lr"], d)
    reals = _Batches(real, config["batch_size"], dtype, order)
    noises = _Batches(noise, config["batch_size"], dtype, order)
    names = ("d_loss", "g_loss", "g_grad_norm", "d_accuracy")
    history: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(config["steps"]):
        record = dict.fromkeys(names, float("nan"))
        for _ in range(config["k_d"]):
            real_points, z = reals.next(), noises.next()
            with torch.no_grad():
                fake = torch.tanh(_network(g, z))
            for w in d:
                w.requires_grad_(True)
            real_logits, fake_logits = _network(d, real_points)[:, 0], _network(d, fake)[:, 0]
            loss = _discriminator_loss(real_logits, fake_logits, config["loss"])
            grads = torch.autograd.grad(loss, d)
            record["d_loss"] = float(loss.detach())
            record["d_accuracy"] = float(0.5 * ((real_logits > 0).double().mean()
                                                + (fake_logits < 0).double().mean()))
            d = [w.detach() for w in d]
            d_opt.step(d, list(grads))
        for _ in range(config["k_g"]):
            z = noises.next()
            for w in g:
                w.requires_grad_(True)
            loss = _generator_loss(_network(d, torch.tanh(_network(g, z)))[:, 0], config["loss"])
            grads = torch.autograd.grad(loss, g)
            record["g_loss"] = float(loss.detach())
            record["g_grad_norm"] = float(torch.sqrt(sum((gr ** 2).sum() for gr in grads)))
            g = [w.detach() for w in g]
            g_opt.step(g, list(grads))
        for name in names:
            history[name].append(record[name])
    return {"history": {name: np.array(values) for name, values in history.items()},
            "weights": {"generator": [w.double().numpy() for w in g],
                        "discriminator": [w.double().numpy() for w in d]}}


SPREAD_ORDERS = 3  # float32 runs with the batch's points in different orders


def float32_spread(config: Mapping[str, Any], weights: Mapping[str, list], real: np.ndarray,
                   noise: np.ndarray, expected: Mapping[str, list]) -> dict[str, list[np.ndarray]]:
    """How far float32 rounding alone moves each final weight from ``expected`` (the float64
    weights): the largest difference over float32 runs with the points of every batch
    in ``SPREAD_ORDERS`` orders. Small everywhere but where Adam divides a gradient that
    is zero up to rounding by its own size (a step of any size, either way): there a
    float32 submission cannot be held to the float64 value."""
    size = config["batch_size"]
    orders = [np.arange(size), np.arange(size)[::-1], np.roll(np.arange(size), size // 2)]
    spread = {name: [np.zeros_like(w) for w in expected[name]] for name in expected}
    for order in orders[:SPREAD_ORDERS]:
        run = expected_training(config, weights, real, noise, torch.float32, order)["weights"]
        for name in spread:
            for index, w in enumerate(run[name]):
                spread[name][index] = np.maximum(spread[name][index],
                                                 np.abs(w - expected[name][index]))
    return spread
