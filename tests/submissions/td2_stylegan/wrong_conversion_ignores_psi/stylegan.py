"""Two mistakes: ((x + 1) * 127.5).astype(uint8), which truncates without gen_images.py's
+0.5 (its +128) and does not clamp (values beyond [-1, 1] wrap around), and
truncation_psi never reaches the network."""
import numpy as np
import torch


def seed_to_z(seed, z_dim=512):
    return np.random.RandomState(seed).randn(1, z_dim)


def generate(G, seed, truncation_psi=1.0):
    z = torch.from_numpy(seed_to_z(seed, G.z_dim))
    with torch.no_grad():
        img = G(z, None).numpy()
    with np.errstate(invalid="ignore"):
        img = ((img + 1) * 127.5).astype(np.uint8)
    return img.transpose(0, 2, 3, 1)[0]
