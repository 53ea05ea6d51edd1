"""Every hyper-parameter is validated with a message naming the bad value; presets load."""
from __future__ import annotations

import pytest

from labs.gan.config import PRESETS, config_from, make_config


@pytest.mark.parametrize("preset", list(PRESETS))
def test_presets_are_valid_configs(preset):
    config = make_config(preset)
    assert config.distribution == preset and config.batch_size == 150


def test_ring_preset_is_gan_labs_saved_ring_model():
    config = make_config("ring")
    # GAN Lab's pretrained_ring.json: 1 extra layer of 10 (so 2 hidden), D 2 extra of 9, 0.1 / 0.03, k 3
    assert (config.g_layers, config.g_neurons, config.d_layers, config.d_neurons) == (2, 10, 3, 9)
    assert (config.d_lr, config.g_lr, config.k_d, config.k_g) == (0.1, 0.03, 3, 1)


@pytest.mark.parametrize("overrides, message", [
    (dict(distribution="moon"), "unknown distribution 'moon'"),
    (dict(g_layers=7), "g_layers must be an integer from 0 to 5, got 7"),
    (dict(d_neurons=0), "d_neurons must be an integer from 1 to 100, got 0"),
    (dict(d_lr=-0.1), "d_lr must be a positive number, got -0.1"),
    (dict(g_lr=float("nan")), "g_lr must be a positive number"),
    (dict(loss="hinge"), "unknown loss 'hinge'"),
    (dict(k_d=11), "k_d must be an integer from 0 to 10, got 11"),
    (dict(noise="pink"), "unknown noise 'pink'"),
    (dict(noise_dim=3), "the noise dimension must be 1 or 2, got 3"),
    (dict(g_optimizer="rmsprop"), "unknown g_optimizer 'rmsprop'"),
    (dict(distribution="drawing"), "the drawing distribution needs points"),
    (dict(distribution="drawing", points=[[0.5, 1.5]]), "must lie in the unit square"),
    (dict(steps=-1), "steps must be an integer >= 0, got -1"),
    (dict(batch_size=True), "batch_size must be an integer"),
    (dict(colour="red"), "unknown hyper-parameter 'colour'"),
])
def test_bad_values_are_named(overrides, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(".", r"\.")):
        make_config(**overrides)


def test_dicts_with_a_preset_key():
    config = config_from({"preset": "ring", "steps": 7})
    assert config.steps == 7 and config.d_neurons == 9
    assert config_from(config.to_dict()) == config
