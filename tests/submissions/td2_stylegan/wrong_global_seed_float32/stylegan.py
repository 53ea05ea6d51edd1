"""A mistake: seeds numpy's global state and returns float32. Its images would be right (the
network casts z to float32 itself), but the latent is not gen_images.py's, and seeding the
global state changes every later draw of other code. (No generate: seed_to_z only.)"""
import numpy as np


def seed_to_z(seed, z_dim=512):
    np.random.seed(seed)
    return np.random.randn(1, z_dim).astype(np.float32)
