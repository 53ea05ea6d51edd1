"""The given-weights yardstick (``labs.gan.step_formulas``) is itself right: it agrees with
torch's own modules and optimisers, the reference agrees with it, and the reference's
``train_gan_from`` is ``train_gan``'s loop (started from the run's own weights and data)."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn

from labs.gan import train_gan, train_gan_from
from labs.gan.config import ATLAS_SIZE, config_from
from labs.gan.given_weights import LOSSES, given_inputs, largest_weight_gap
from labs.gan.networks import unpadded
from labs.gan.step_formulas import expected_training, float32_spread
from labs.gan.train import initial_state, network_sizes


def by_torch(config, weights, real, noise):
    """The same steps with torch.nn layers and torch.optim, in float64."""
    def network(arrays, last):
        layers = []
        for w, b in zip(arrays[0::2], arrays[1::2]):
            linear = nn.Linear(*np.shape(w)).double()
            with torch.no_grad():
                linear.weight.copy_(torch.tensor(np.asarray(w).T))
                linear.bias.copy_(torch.tensor(np.asarray(b)))
            layers += [linear, nn.ReLU()]
        return nn.Sequential(*layers[:-1], last)

    def optimiser(kind, params, lr):
        return (torch.optim.Adam(params, lr, betas=(0.9, 0.999), eps=1e-7) if kind == "adam"
                else torch.optim.SGD(params, lr))

    g, d = network(weights["generator"], nn.Tanh()), network(weights["discriminator"], nn.Identity())
    g_opt = optimiser(config["g_optimizer"], g.parameters(), config["g_lr"])
    d_opt = optimiser(config["d_optimizer"], d.parameters(), config["d_lr"])
    data = {"real": torch.tensor(real), "noise": torch.tensor(noise)}
    taken = {"real": 0, "noise": 0}
    size = config["batch_size"]

    def batch(which):
        rows = (taken[which] * size + np.arange(size)) % len(data[which])
        taken[which] += 1
        return data[which][rows]

    logsig = nn.functional.logsigmoid
    for _ in range(config["steps"]):
        for _ in range(config["k_d"]):
            real_batch, fake = batch("real"), g(batch("noise")).detach()
            a, b = d(real_batch)[:, 0], d(fake)[:, 0]
            loss = (((torch.sigmoid(a) - 1) ** 2).mean() + (torch.sigmoid(b) ** 2).mean()
                    if config["loss"] == "least_squares"
                    else -(0.95 * logsig(a).mean() + logsig(-b).mean()))
            d_opt.zero_grad()
            loss.backward()
            d_opt.step()
        for _ in range(config["k_g"]):
            b = d(g(batch("noise")))[:, 0]
            loss = {"least_squares": lambda: ((torch.sigmoid(b) - 1) ** 2).mean(),
                    "minimax": lambda: logsig(-b).mean(),
                    "log": lambda: -logsig(b).mean()}[config["loss"]]()
            g_opt.zero_grad()
            loss.backward()
            g_opt.step()

    def arrays(net):
        return [p.detach().numpy().T.copy() if p.dim() == 2 else p.detach().numpy().copy()
                for p in net.parameters()]

    return {"generator": arrays(g), "discriminator": arrays(d)}


@pytest.mark.parametrize("loss", LOSSES)
def test_the_formulas_agree_with_torch_modules_and_optimisers(loss):
    given = given_inputs(loss, 7)
    expected = expected_training(given.config, given.weights, given.real, given.noise)["weights"]
    theirs = by_torch(given.config, given.weights, given.real, given.noise)
    zero = {name: [np.zeros_like(w) for w in ws] for name, ws in expected.items()}
    gap, where = largest_weight_gap(theirs, expected, zero)
    assert gap < 1e-12, (gap, where)
    moved, _ = largest_weight_gap(given.weights, expected, zero)
    assert moved > 1e-3  # the steps did move the weights: the agreement is not vacuous


@pytest.mark.parametrize("loss", LOSSES)
def test_the_reference_trains_from_given_weights_as_the_formulas_say(loss):
    for seed in range(3):
        given = given_inputs(loss, seed)
        run = train_gan_from(given.config, given.weights, given.real, given.noise)
        expected = expected_training(given.config, given.weights, given.real, given.noise)
        spread = float32_spread(given.config, given.weights, given.real, given.noise,
                                expected["weights"])
        assert largest_weight_gap(run["weights"], expected["weights"], spread)[0] <= 1e-6
        for name in ("d_loss", "g_loss", "g_grad_norm", "d_accuracy"):
            np.testing.assert_allclose(run["history"][name], expected["history"][name], rtol=1e-5)


def test_train_gan_from_at_a_runs_own_start_is_train_gan():
    config = config_from({"preset": "ring", "steps": 4, "k_d": 2, "batch_size": 7, "seed": 3,
                          "eval_every": 4})
    state = initial_state(config)
    g_sizes, d_sizes = network_sizes(config)
    weights = {"generator": unpadded(state.g_params, g_sizes),
               "discriminator": unpadded(state.d_params, d_sizes)}
    assert state.real_atlas.shape[0] == ATLAS_SIZE
    run = train_gan_from(config, weights, state.real_atlas.numpy(), state.noise_atlas.numpy())
    whole = train_gan(config)
    for name in ("d_loss", "g_loss", "g_grad_norm", "d_accuracy"):
        np.testing.assert_array_equal(run["history"][name], whole.history[name])


def test_rounding_is_allowed_only_where_float32_moves_a_weight():
    """Where Adam divides a gradient that is 0 up to rounding by its own size (the
    discriminator's log-loss run at spec seed 192), float32 alone moves a weight by 6e-6
    (another by 2e-6); nearly everywhere else by under 1e-6. So the allowance, 10 times
    that, stays below the slips' 1e-3 even there."""
    from labs.gan.given_weights import SPREAD_FACTOR

    given = given_inputs("log", 192)
    expected = expected_training(given.config, given.weights, given.real, given.noise)["weights"]
    spread = float32_spread(given.config, given.weights, given.real, given.noise, expected)
    values = np.concatenate([s.ravel() for ws in spread.values() for s in ws])
    assert values.max() > 3e-6 and np.mean(values < 1e-6) > 0.95
    assert SPREAD_FACTOR * values.max() < 1e-3


def test_a_nan_weight_is_infinitely_far_from_the_formulas():
    """NaN loses every comparison: a largest gap taken over NaN must not come out small."""
    expected = {"generator": [np.zeros((2, 2))], "discriminator": [np.zeros(3)]}
    found = {"generator": [np.array([[np.nan, 0.0], [0.0, 0.0]])], "discriminator": [np.zeros(3)]}
    zero = {name: [np.zeros_like(w) for w in ws] for name, ws in expected.items()}
    assert largest_weight_gap(found, expected, zero) == (np.inf, "the generator's W0")
