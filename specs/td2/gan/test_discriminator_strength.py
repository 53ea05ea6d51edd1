"""A discriminator far stronger than the generator starves it; a weak one is fooled while the
samples stay poor (LABS.md, TD 2: "a weak discriminator is fooled easily and the generator
'wins' with poor samples; a discriminator far stronger than the generator leaves it with
vanishing gradients").

Strong: discriminator 3 x 30 on Adam 0.03 with 10 updates per step against the ring preset's
generator on SGD 0.001, on the line, 60 steps. With the saturating (minimax) loss
log(1 - D(G(z))) the generator's gradient vanishes once D rejects its points; GAN Lab's
non-saturating log loss keeps it. Measure: median generator gradient norm over the last 20
steps (history ``g_grad_norm``, optional in the contract).
Weak: a discriminator with no hidden layer (a straight line) on SGD 0.01, ring preset's
generator, 200 steps. Measures: its loss over the last 50 steps relative to chance
(1.95 ln 2, a discriminator answering 0.5 everywhere) and the final JS divergence.

Calibration (seeds 0-23; ``python -m labs.gan.calibrate --only strong_discriminator
weak_discriminator``):
- strong: minimax gradient norm 0 to 2.4e-6 (median 1e-17); log loss's 0.92-49.6 (median
  16); log10 of their ratio -300 to -6.84. Thresholds: ratio <= 1e-3 (nearly 4 decades
  above the largest observed), log's norm >= 0.2 (4.6x below the smallest).
- weak: loss / chance 0.978-1.084; JS 0.533-0.948. Thresholds: loss / chance >= 0.9
  (fooled), JS >= 0.4 (poor samples).
"""
from __future__ import annotations

import numpy as np

from labs.gan.spec_cases import (CHANCE_D_LOSS, describe, js_to_real, late_mean, late_median,
                                 strong_discriminator_run, weak_discriminator_run)

STARVED_RATIO_AT_MOST = 1e-3
LOG_GRAD_AT_LEAST = 0.2
FOOLED_LOSS_AT_LEAST = 0.9  # times chance
POOR_JS_AT_LEAST = 0.4


def test_strong_discriminator_starves_the_generator_with_the_saturating_loss(gan, spec_seed):
    norms = {}
    for loss in ("minimax", "log"):
        config = strong_discriminator_run(loss, spec_seed)
        run = gan.train(config)
        norms[loss] = late_median(gan.history(run, "g_grad_norm", config), 20)
    ratio = norms["minimax"] / norms["log"]
    assert norms["log"] >= LOG_GRAD_AT_LEAST, (
        "under a strong discriminator, GAN Lab's non-saturating log loss should keep the "
        f"generator's gradient alive; {describe(strong_discriminator_run('log', spec_seed))} "
        f"gave a median gradient norm of {norms['log']:.3g}, expected >= {LOG_GRAD_AT_LEAST}")
    assert ratio <= STARVED_RATIO_AT_MOST, (
        "a discriminator far stronger than the generator should leave it with vanishing "
        "gradients under the saturating loss; the generator's median gradient norm over the "
        f"last 20 steps was {norms['minimax']:.3g} with the minimax loss and {norms['log']:.3g} "
        f"with the log loss (ratio {ratio:.2g}, expected <= {STARVED_RATIO_AT_MOST:g})")


def test_weak_discriminator_is_fooled_while_samples_stay_poor(gan, spec_seed):
    config = weak_discriminator_run(spec_seed)
    run = gan.train(config)
    loss = late_mean(run["history"]["d_loss"], 50) / CHANCE_D_LOSS
    js = js_to_real(run["samples"], "ring")
    assert loss >= FOOLED_LOSS_AT_LEAST, (
        "a discriminator with no hidden layer should be fooled (its loss near that of a "
        f"discriminator answering 0.5); {describe(config)} ended at {loss:.3f} x chance, "
        f"expected >= {FOOLED_LOSS_AT_LEAST}")
    assert js >= POOR_JS_AT_LEAST, (
        "the generator 'wins' against a weak discriminator with poor samples; "
        f"{describe(config)} reached a JS divergence of {js:.3f} bits, expected the samples "
        f"to stay poor (>= {POOR_JS_AT_LEAST})")
