"""The miniature generator: mapping, truncation, modulated convolution, Fourier input,
seeded weights, and the seed -> image pipeline on it."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from labs.stylegan import cli
from labs.stylegan.pipeline import generate
from labs.stylegan.images import to_uint8
from labs.stylegan.layers import modulated_conv2d
from labs.stylegan.mapping import truncate
from labs.stylegan.miniature import miniature_generator
from labs.stylegan.synthesis import INPUT_SIZE, RESOLUTIONS, FourierInput
from labs.torch_threads import torch_threads


@pytest.fixture(autouse=True)
def _one_thread():
    with torch_threads(1):  # tiny tensors: more threads only stall on a busy machine
        yield


@pytest.fixture(scope="module")
def G():
    return miniature_generator(32)


def test_weights_follow_the_seed_and_leave_torch_global_rng_alone():
    state = torch.get_rng_state()
    a, b, c = (miniature_generator(16, seed) for seed in (0, 0, 1))
    assert torch.equal(state, torch.get_rng_state())
    for name, tensor in a.state_dict().items():
        assert torch.equal(tensor, b.state_dict()[name]), name
    assert not torch.equal(a.mapping.layers[0].weight, c.mapping.layers[0].weight)


@pytest.mark.parametrize("resolution", RESOLUTIONS)
def test_output_shape_and_range(resolution):
    G = miniature_generator(resolution)
    image = G(torch.randn([2, 512], generator=torch.Generator().manual_seed(0)))
    assert image.shape == (2, 3, resolution, resolution) and image.dtype == torch.float32
    assert 0.05 < image.std() < 1.0  # images, not constants nor saturated noise


def test_cli_knows_the_supported_resolutions():
    assert cli.RESOLUTIONS == RESOLUTIONS


def test_bad_resolution_is_a_clear_error():
    with pytest.raises(ValueError, match="resolution 48 not supported"):
        miniature_generator(48)


def test_mapping_normalises_z_and_casts_float64(G):
    z = torch.from_numpy(np.random.RandomState(5).randn(1, 512))
    w = G.mapping(z)
    assert w.dtype == torch.float32 and w.shape == (1, G.num_ws, G.w_dim)
    torch.testing.assert_close(G.mapping(3 * z), w)  # second-moment normalisation
    torch.testing.assert_close(G.mapping(z.float()), w, rtol=0, atol=0)


def test_w_avg_is_the_tracked_mean_of_w(G):
    z = torch.randn([4096, 512], generator=torch.Generator().manual_seed(123))
    with torch.no_grad():
        mean = G.mapping(z)[:, 0].mean(0)
        spread = G.mapping(z)[:, 0].std(0).mean()
    assert (G.mapping.w_avg - mean).abs().mean() < 0.1 * spread


def test_truncate_psi_1_returns_w_itself_psi_0_w_avg_exactly():
    w, w_avg = torch.randn([2, 4, 8]), torch.randn([8])
    assert truncate(w, w_avg, 1) is w
    assert torch.equal(truncate(w, w_avg, 0), w_avg.expand_as(w))
    torch.testing.assert_close(truncate(w, w_avg, 0.7), w_avg + 0.7 * (w - w_avg))


def test_mapping_truncation_and_cutoff(G):
    z = torch.randn([3, 512], generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        free, zero = G.mapping(z), G.mapping(z, truncation_psi=0)
        cut = G.mapping(z, truncation_psi=0, truncation_cutoff=2)
    assert torch.equal(zero, G.mapping.w_avg.expand_as(zero))
    assert torch.equal(cut[:, :2], zero[:, :2]) and torch.equal(cut[:, 2:], free[:, 2:])


def test_demodulation_makes_style_scale_irrelevant():
    generator = torch.Generator().manual_seed(0)
    x, weight = torch.randn([2, 4, 8, 8], generator=generator), torch.randn([5, 4, 3, 3], generator=generator)
    styles = torch.rand([2, 4], generator=generator) + 0.5
    out = modulated_conv2d(x, weight, styles)
    torch.testing.assert_close(modulated_conv2d(x, weight, 7 * styles), out)
    assert not torch.allclose(modulated_conv2d(x, weight, 7 * styles, demodulate=False), out)
    # each image gets its own kernel: image 1 alone gives the same result
    torch.testing.assert_close(modulated_conv2d(x[1:], weight, styles[1:]), out[1:])


def test_fourier_input_translation_by_whole_pixels_shifts_the_features():
    layer = FourierInput(8, INPUT_SIZE, bandwidth=3.0, generator=torch.Generator().manual_seed(0))
    base = layer(1)
    shift = 3  # pixels
    transform = np.linalg.inv(np.array([[1, 0, shift / INPUT_SIZE], [0, 1, 0], [0, 0, 1.0]]))
    layer.transform.copy_(torch.from_numpy(transform))
    moved = layer(1)
    # the content moves right by `shift` pixels
    torch.testing.assert_close(moved[..., shift:], base[..., :-shift], atol=1e-5, rtol=0)


def test_pipeline_psi_0_is_the_image_of_w_avg(G):
    with torch.no_grad():
        expected = to_uint8(G.synthesis(G.mapping.w_avg.reshape(1, 1, -1).repeat([1, G.num_ws, 1])))[0]
    for seed in (2, 674):
        assert np.array_equal(generate(G, seed, 0.0), expected)


def test_pipeline_default_transform_is_the_identity_and_rotation_changes_the_image(G):
    plain = generate(G, 2)
    assert torch.equal(G.synthesis.input.transform, torch.eye(3))
    rotated = generate(G, 2, rotate=30)
    assert not np.array_equal(rotated, plain)
    assert np.array_equal(generate(G, 2), plain)  # the transform is reset on every call


def test_noise_mode_is_accepted_and_changes_nothing(G):
    # StyleGAN3 has no noise inputs; gen_images.py passes noise_mode anyway
    images = [generate(G, 2, noise_mode=mode) for mode in ("const", "random", "none")]
    assert all(np.array_equal(image, images[0]) for image in images)
    with pytest.raises(ValueError, match="noise_mode"):
        generate(G, 2, noise_mode="loud")


def test_generation_runs_on_one_thread_and_restores_the_setting(G):
    torch.set_num_threads(2)  # the autouse fixture restores the setting afterwards
    image = generate(G, 2)
    assert torch.get_num_threads() == 2
    torch.set_num_threads(1)
    assert np.array_equal(generate(G, 2), image)
