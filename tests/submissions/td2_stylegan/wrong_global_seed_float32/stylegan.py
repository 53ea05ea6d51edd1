"""A mistake: seeds numpy's global state and returns float32. The images are right (the
network casts z to float32 itself), but the latent is not gen_images.py's, and seeding the
global state changes every later draw of other code."""
import numpy as np
import torch


def seed_to_z(seed, z_dim=512):
    np.random.seed(seed)
    return np.random.randn(1, z_dim).astype(np.float32)


def generate(G, seed, truncation_psi=1.0):
    z = torch.from_numpy(seed_to_z(seed, G.z_dim))
    img = G(z, None, truncation_psi=truncation_psi, noise_mode="const")
    img = (img.permute(0, 2, 3, 1) * 127.5 + 128).clamp(0, 255).to(torch.uint8)
    return img[0].detach().numpy()
