"""The two networks' learning rates must be balanced: when the generator learns far faster
than the discriminator, the discriminator's signal is useless and training fails.

Runs: the gaussians preset, 200 steps, with its own rates (discriminator 0.1, generator
0.03) or with the discriminator's cut to 0.001 (the generator's rate 30 times the
discriminator's), three seeds each (3s, 3s+1, 3s+2 for spec seed s, trained together).
Measure: the median over the three seeds of JS(unbalanced) - JS(balanced).

The sweep behind it (gaussians, discriminator 0.1, 500 steps, seeds 0-23, median JS per
generator rate): 0.001: 0.446, 0.003: 0.390, 0.01: 0.315, 0.03 (the preset): 0.386,
0.1: 0.464, 0.3: 0.679, 1.0: 0.790; with the generator at 0.03, a discriminator at 0.001
ends at 0.890 and at 0.01 at 0.795. Training fails clearly once the generator's rate is
3 or more times the discriminator's; a generator 100 times slower only lags (0.446).

Calibration (spec seeds 0-23, i.e. run seeds 0-71, 200 steps): per seed JS balanced
0.264-0.894, unbalanced 0.550-0.930 (0.89 on most seeds: the generator never approaches the
data); the unbalanced run is worse on 70 of 72 seeds; three-seed median gap 0.106-0.506.
Threshold: median gap >= 0.05 (2.1x below the smallest observed).
"""
from __future__ import annotations

from labs.gan.spec_cases import check


def test_unbalanced_learning_rates_train_worse(gan, spec_seed):
    """Unbalanced learning rates train worse."""
    holds, message = check(gan, "lr_balance", spec_seed)
    assert holds, message
