"""A correct submission: gen_images.py's steps, written by a student."""
import numpy as np
import torch


def seed_to_z(seed, z_dim=512):
    return np.random.RandomState(seed).randn(1, z_dim)


def generate(G, seed, truncation_psi=1.0):
    z = torch.from_numpy(seed_to_z(seed, G.z_dim))
    label = torch.zeros([1, G.c_dim])
    with torch.no_grad():
        img = G(z, label, truncation_psi=truncation_psi, noise_mode="const")
    img = (img.permute(0, 2, 3, 1) * 127.5 + 128).clamp(0, 255).to(torch.uint8)
    return img[0].numpy()
