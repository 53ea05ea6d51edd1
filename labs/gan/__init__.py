"""TD 2, part 1: GAN Lab in Python, a toy 2-D GAN with every hyper-parameter GAN Lab exposes."""
from labs.gan.config import PRESETS, GANConfig, make_config
from labs.gan.distributions import DISTRIBUTIONS, read_points_csv, sample_real
from labs.gan.metrics import kl_js
from labs.gan.noise import NOISE_KINDS, sample_noise
from labs.gan.train import GANRun, train_gan

__all__ = ["DISTRIBUTIONS", "NOISE_KINDS", "PRESETS", "GANConfig", "GANRun", "kl_js",
           "make_config", "read_points_csv", "sample_noise", "sample_real", "train_gan"]
