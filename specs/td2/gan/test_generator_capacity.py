"""A generator with no hidden layer can only make simple shapes: it cannot fit the ring or the
disjoint blobs, its JS divergence stays high (the report: "a generator with few layers and
neurons can only make simple shapes (a blob or a line)").

With no hidden layer the generator is tanh(affine(noise)): the image of the noise square
is one curved parallelogram, with no hole and in one piece. Runs: the ring and disjoint
presets with ``g_layers=0``, 100 steps (``labs.gan.spec_cases.EXPERIMENTS["no_hidden_layer[...]"]``).

Calibration (spec seeds 0-23; ``python -m labs.gan.calibrate --only no_hidden_layer
[--submission FOLDER]``), JS after 100 steps: reference ring 0.343-0.924, disjoint
0.686-0.973; example folder ``correct`` ring 0.404-0.869, disjoint 0.672-0.969.
Thresholds: ring >= 0.25, disjoint >= 0.45 (1.37x and 1.49x below the smallest observed).
The JS such a generator reaches levels off early: after 200 steps reference ring
0.358-0.926, disjoint 0.674-0.970 (``correct`` 0.345-0.885, 0.616-0.973); after 500 steps
(the first calibration) ring 0.346-0.927, disjoint 0.619-0.966.

Not reproduced, so an expected failure (not run): "where the preset generator gets far
lower". In 500 steps the presets' own generators reach ring 0.27-0.93 (median 0.41) and
disjoint 0.50-0.98 (median 0.84), no lower than the generator without hidden layer; a
blob covering the ring already scores about 0.35 on the 30 x 30 grid. Trained longer it
still does not show: ring, 1,000 steps, runs 0-71, preset 0.244-0.923 (median 0.345), no
hidden layer 0.347-0.927 (median 0.407); over groups of 3 seeds the medians differ by less
than 0.1 in 16 of 24 groups. This is GAN Lab's own behaviour with its ring preset, not a
defect of this package: its training equals GAN Lab's TensorFlow.js step to float32 rounding
(``tests/td2/gan/test_tfjs_crosscheck.py``).
"""
from __future__ import annotations

import pytest

from labs.gan.spec_cases import check


@pytest.mark.parametrize("distribution", ["ring", "disjoint"])
def test_no_hidden_layer_cannot_fit_the_shape(gan, spec_seed, distribution):
    """A generator with no hidden layer cannot fit the shape.

    Fails on: generated points copied from the real distribution rather than made by the
    generator (JS near 0, below the thresholds 0.25 and 0.45)."""
    holds, message = check(gan, f"no_hidden_layer[{distribution}]", spec_seed)
    assert holds, message


@pytest.mark.xfail(run=False, reason="not reproduced: in 500 and 1,000 steps the presets' "
                   "generators (GAN Lab's ring preset: median JS 0.345 over 72 runs) end no lower "
                   "than one without hidden layer (0.407); see the module docstring")
@pytest.mark.parametrize("distribution", ["ring", "disjoint"])
def test_preset_generator_gets_far_lower(gan, spec_seed, distribution):
    """The preset generator gets far closer than one with no hidden layer.

    Fails on: a preset generator that gets no closer than one with no hidden layer, as GAN Lab's
    own does (an expected failure: the report's reading is not reproduced)."""
    holds, message = check(gan, f"preset_far_lower[{distribution}]", spec_seed)
    assert holds, message
