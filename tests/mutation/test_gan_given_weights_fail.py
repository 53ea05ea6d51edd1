"""The given-weights specs fail on the slips that survived every other GAN spec.

Each case is the reference with one slip written into a scratch copy of the project (as
the mutation command does: the checkout never holds it), judged by
``specs/td2/gan/test_given_weights.py`` alone. Slow (a pytest process per slip): CI runs
them with ``--run-slow``."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from labs.mutation.run import copy_project

pytestmark = pytest.mark.slow

SLIPS = {  # name -> (file, the line as written, the line with the slip)
    "ReLU backward mask skipped at a layer": (
        "labs/gan/backprop.py", "if layer > 0:", "if layer > 1:"),
    "second hidden layer without its ReLU": (
        "labs/gan/networks.py", "if index // 2 < last:", "if index < last:"),
    "least-squares gradient without its factor 2": (
        "labs/gan/losses.py", "grad = _mean_grad(ones, logits) * (2.0 * miss)",
        "grad = _mean_grad(ones, logits) * (1.0 * miss)"),
    "least-squares loss reported as a product": (
        "labs/gan/losses.py", "((torch.sigmoid(real_logits) - 1.0) ** 2).mean(-1) + \\",
        "((torch.sigmoid(real_logits) - 1.0) ** 2).mean(-1) * \\"),
    "label smoothing dropped": (
        "labs/gan/losses.py", "REAL_WEIGHT = 0.95", "REAL_WEIGHT = 1.0"),
    "Adam's step count off by one": (
        "labs/gan/optimizers.py", "state.steps += 1", "state.steps += 2"),
    "Adam's first moment with the wrong decay": (
        "labs/gan/optimizers.py", "torch._foreach_lerp_(m, grads, 1.0 - BETA1)",
        "torch._foreach_lerp_(m, grads, 1.0 + BETA1)"),
    "batches that restart instead of wrapping round": (
        "labs/gan/train.py", "start = (getattr(self, counter) * size) % rows",
        "start = (getattr(self, counter) * size) % (rows - size)"),
    "real points and noise swapped": (
        "labs/gan/train.py", 'real, noise = state.next_batch("real"), state.next_batch("noise")',
        'real, noise = state.next_batch("noise"), state.next_batch("real")'),
    "accuracy inverted": (
        "labs/gan/train.py", 'out["d_accuracy"] = 0.5 * (', 'out["d_accuracy"] = 1 - 0.5 * ('),
    "accuracy inverted on the real points": (
        "labs/gan/train.py", "out[\"d_accuracy\"] = 0.5 * ((real_logits > 0)",
        "out[\"d_accuracy\"] = 0.5 * ((real_logits < 0)"),
}


def given_weights_specs(project: Path) -> subprocess.CompletedProcess:
    """``specs/td2/gan/test_given_weights.py`` run on a copy of the project."""
    env = dict(os.environ, PYTHONPATH=str(project), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "specs/td2/gan/test_given_weights.py", "-q", "-n", "0",
         "-p", "no:cacheprovider"],
        cwd=project, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("name", list(SLIPS))
def test_given_weights_specs_fail_on_the_slip(name, tmp_path):
    file, before, after = SLIPS[name]
    copy_project(tmp_path)
    source = (tmp_path / file).read_text(encoding="utf-8")
    assert source.count(before) == 1, f"{file} no longer holds {before!r} once"
    (tmp_path / file).write_text(source.replace(before, after), encoding="utf-8")
    result = given_weights_specs(tmp_path)
    assert result.returncode == 1 and " failed" in result.stdout, (
        f"the given-weights specs passed the slip {name!r}:\n{result.stdout[-2000:]}")


def test_the_unslipped_copy_passes(tmp_path):
    copy_project(tmp_path)
    result = given_weights_specs(tmp_path)
    assert result.returncode == 0, result.stdout[-2000:]
