"""A mistake: numpy's new Generator (default_rng) instead of the legacy RandomState; the same
seed then gives another latent, and another image, than gen_images.py."""
import numpy as np
import torch


def seed_to_z(seed, z_dim=512):
    return np.random.default_rng(seed).standard_normal((1, z_dim))


def generate(G, seed, truncation_psi=1.0):
    z = torch.from_numpy(seed_to_z(seed, G.z_dim))
    with torch.no_grad():
        img = G(z, torch.zeros([1, 0]), truncation_psi=truncation_psi)
    return (img.permute(0, 2, 3, 1) * 127.5 + 128).clamp(0, 255).to(torch.uint8)[0]
