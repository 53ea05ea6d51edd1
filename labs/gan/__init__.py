"""TD 2, part 1: GAN Lab in Python, a toy 2-D GAN with every hyper-parameter GAN Lab exposes.

``train_gan``, ``train_gan_from``, ``train_gan_seeds`` and ``GANRun`` load torch on first use
(PEP 562), so that sampling, the configuration and the metrics (all a spec process needs)
import without it; ``kl_js`` loads scipy on first use, so that ``python -m labs`` (whose
parser imports ``labs.gan.cli``) starts without it.
"""
from labs.gan.config import PRESETS, GANConfig, make_config
from labs.gan.distributions import DISTRIBUTIONS, read_points_csv, sample_real
from labs.gan.noise import NOISE_KINDS, sample_noise

__all__ = ["DISTRIBUTIONS", "NOISE_KINDS", "PRESETS", "GANConfig", "GANRun", "kl_js",
           "make_config", "read_points_csv", "sample_noise", "sample_real", "train_gan",
           "train_gan_from", "train_gan_seeds"]


def __getattr__(name: str):
    if name in ("train_gan", "train_gan_from", "GANRun"):
        from labs.gan import train

        return getattr(train, name)
    if name == "kl_js":
        from labs.gan.metrics import kl_js

        return kl_js
    if name == "train_gan_seeds":
        from labs.gan.sweep import train_gan_seeds

        return train_gan_seeds
    raise AttributeError(f"module 'labs.gan' has no attribute {name!r}")
