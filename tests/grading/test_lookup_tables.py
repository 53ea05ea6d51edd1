"""Lookup tables earn nothing: the reference's answers at the public seed offset 0, played
back, score at most 30% of the maximum under a secret offset. The seeds they never saw get
a run recorded for another seed, which the specs refuse (a run must be its own seed's:
``labs.perceptron.contract.played_back``, ``labs.gan.contract.same_as_another_seed``).

Each table folder answers from ``answers.pkl``, recorded here from the reference (see
``record``: never committed, megabytes of numbers). The control: at offset 0 the same folder scores far more, so the
grade's secret offset is what catches it.
"""
from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from labs.grading.grade import grade_folder

ROOT = Path(__file__).resolve().parents[2]
SUBMISSIONS = ROOT / "tests" / "submissions"
TABLES = {  # lab: (folder, reference package, the functions a table stands in for, specs)
    "td1": ("td1_attacks/attack_lookup_table", "labs.perceptron", ["train", "train_mlp"],
            "specs/td1"),
    "td2/gan": ("td2_gan/attack_lookup_table", "labs.gan",
                ["sample_noise", "sample_real", "train_gan", "train_gan_seeds"], "specs/td2/gan"),
}


# Every function of the reference that a table stands in for is wrapped, and the specs run on
# the reference in a subprocess at offset 0; each call's answer is kept as plain data (a GAN
# run as its history and the samples drawn from it, an MLP as its outputs on the 4 inputs).
_RECORDER = r'''
import pickle, sys
import numpy as np
import pytest
package, names, out, specs = sys.argv[1], sys.argv[2].split(","), sys.argv[3], sys.argv[4]
module = __import__(package, fromlist=names)
table = []

def plain(name, result):
    if name == "train_mlp":
        from labs.perceptron.gates import INPUTS
        return {"outputs": np.asarray(result.predict(INPUTS))}
    if name == "train_gan":
        entry = {"history": {k: np.asarray(v) for k, v in result.history.items()}, "samples": {}}
        original = result.sample
        def sample(n, seed=None):
            points = original(n, seed)
            entry["samples"].setdefault(int(n), np.asarray(points))
            return points
        result.sample = sample
        return entry
    import dataclasses
    if dataclasses.is_dataclass(result):  # the reference's result class: its fields only
        return {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
    if isinstance(result, tuple):
        return list(result)
    return result

def wrap(name, function):
    def recorded(*args, **kwargs):
        result = function(*args, **kwargs)
        if name == "train_gan_seeds":  # the reference's sweep: one train_gan entry per seed
            config, seeds = args[0], args[1]
            for seed, run in zip(seeds, result):
                table.append(("train_gan", ({**dict(config), "seed": seed},), {},
                              plain("train_gan", run)))
        else:
            table.append((name, args, kwargs, plain(name, result)))
        return result
    return recorded

for name in names:
    setattr(module, name, wrap(name, getattr(module, name)))
code = pytest.main([specs, "-q", "-p", "no:xdist", "-p", "no:cacheprovider", "-p", "no:randomly",
                    "--spec-seed", "0", "-o", "addopts=", "-m", "not gpu", "--no-header"])
with open(out, "wb") as file:
    pickle.dump(table, file)
'''


def record(package: str, names: list[str], specs: str, out: Path) -> int:
    """Run ``specs`` on the reference ``package``, its ``names`` recorded into ``out``; the
    number of calls recorded."""
    subprocess.run([sys.executable, "-c", _RECORDER, package, ",".join(names), str(out),
                    str(ROOT / specs)], cwd=ROOT, capture_output=True, timeout=1800, check=False)
    with open(out, "rb") as file:
        return len(pickle.load(file))


def table_grades(lab: str, folder: Path):
    """The table folder's grade at the public offset 0 and at a fresh secret offset."""
    source, package, names, specs = TABLES[lab]
    table = folder / Path(source).name
    shutil.copytree(SUBMISSIONS / source, table)
    assert record(package, names, specs, table / "answers.pkl") > 10
    public = grade_folder(table, lab, spec_seed=0)
    secret = grade_folder(table, lab)  # a fresh secret offset, as every grading draws
    assert secret.spec_seed != 0
    return public, secret


@pytest.mark.slow
@pytest.mark.parametrize("lab", sorted(TABLES))
def test_a_table_of_the_public_answers_scores_at_most_30_percent(lab, tmp_path):
    public, secret = table_grades(lab, tmp_path)
    assert public.score >= 0.6 * public.max_score, (  # the control: the table works at 0
        f"the table scored only {public.score:g} / {public.max_score:g} at offset 0")
    assert secret.score <= 0.3 * secret.max_score, (
        f"a table scored {secret.score:g} / {secret.max_score:g} at offset {secret.spec_seed} "
        f"({public.score:g} at offset 0)")
