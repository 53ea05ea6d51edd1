"""A partial submission: seed_to_z only (generate is optional; its specs are skipped)."""
import numpy as np


def seed_to_z(seed, z_dim=512):
    rng = np.random.RandomState(seed)
    return rng.randn(1, z_dim)
