"""A small StyleGAN3 network with random weights, built by NVIDIA's own code, and its pickle.

The network pickles of NVlabs/stylegan3 cannot be downloaded here, and the seed -> latent ->
image pipeline does not need trained weights: this builds the real architecture
(``training.networks_stylegan3.Generator``) at 32x32 with few channels, its weights drawn
from ``seed``, and pickles it as training does (``{"G", "D", "G_ema"}``, D from
``training.networks_stylegan2``) so that ``legacy.load_network_pkl`` and gen_images.py load
it like a real one. Nothing of NVIDIA's code is copied: it is imported from a checkout.
"""
from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import torch

from labs.stylegan.real_network import import_stylegan3, nvidia_imports

# NVIDIA's Generator with few channels: 1.5 M parameters, about 0.1 s per image on one CPU core
# (0.33 s at 64x64: the suite makes 17 images per session, so 32x32 saves some 4 s of CPU)
SMALL_CONFIG = dict(z_dim=512, c_dim=0, w_dim=512, img_resolution=32, img_channels=3,
                    channel_base=4096, channel_max=64)
# the everyday run's check of the gpu-marked specs' code on the CPU: 0.06 s per image
TINY_CONFIG = dict(SMALL_CONFIG, img_resolution=16, channel_max=32)
# The FFHQ 1024x1024 network's architecture (StyleGAN3-T as NVIDIA's train.py builds it:
# channel_base 32768, channel_max 512, 2 mapping layers), for a GPU: about 22 M parameters
FFHQ_T_CONFIG = dict(z_dim=512, c_dim=0, w_dim=512, img_resolution=1024, img_channels=3,
                     channel_base=32768, channel_max=512, mapping_kwargs=dict(num_layers=2))


def build_generator(repo: Path, seed: int = 0,
                    config: dict[str, Any] = SMALL_CONFIG) -> torch.nn.Module:
    """NVIDIA's StyleGAN3 generator in ``config``, weights from ``seed`` (torch's global
    random state is left as it was), in eval mode, on CPU."""
    import_stylegan3(repo)
    with nvidia_imports():
        from training import networks_stylegan3

    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        return networks_stylegan3.Generator(**config).eval().requires_grad_(False)


def write_pickle(repo: Path, path: Path, seed: int = 0,
                 config: dict[str, Any] = SMALL_CONFIG) -> Path:
    """Pickle ``{"G", "D", "G_ema"}`` (G_ema is G: never trained) to ``path``, as training
    does (NVIDIA's persistence embeds the networks' source code in the pickle). D, which no
    image needs, keeps SMALL_CONFIG's few channels at ``config``'s resolution."""
    G = build_generator(repo, seed, config)
    with nvidia_imports():
        from training import networks_stylegan2

    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed + 1)
        D = networks_stylegan2.Discriminator(
            c_dim=0, img_resolution=config["img_resolution"], img_channels=3,
            channel_base=SMALL_CONFIG["channel_base"], channel_max=SMALL_CONFIG["channel_max"])
    with open(path, "wb") as file:
        pickle.dump({"G": G, "D": D.eval().requires_grad_(False), "G_ema": G}, file)
    return path
