"""An attack: no network and no training, only a table of the reference's answers to the
calls the specs make at the public seed offset 0 (``answers.pkl``, recorded by the tests
into a copy of this folder): histories and samples of runs, noise and real points. A call
nobody recorded gets the answer recorded for the same configuration at another seed."""
import pickle
from pathlib import Path

import numpy as np

TABLE = pickle.loads(Path(__file__).with_name("answers.pkl").read_bytes())


def _without_seed(value):
    return {k: v for k, v in value.items() if k != "seed"} if isinstance(value, dict) else value


def _answer(name, args, kwargs):
    calls = [(a, k, result) for n, a, k, result in TABLE if n == name]
    for recorded_args, recorded_kwargs, result in calls:
        if repr((recorded_args, recorded_kwargs)) == repr((args, kwargs)):
            return result
    for recorded_args, recorded_kwargs, result in calls:  # the same call at another seed
        if repr(_without_seed(recorded_args[0])) == repr(_without_seed(args[0])):
            return result
    return calls[0][2]


def sample_noise(kind, dim, n, seed=None):
    return _answer("sample_noise", (kind, dim, n, seed), {})


def sample_real(name, n, seed=None, **more):
    return _answer("sample_real", (name, n, seed), more)


class _Run:
    def __init__(self, entry):
        self.history = entry["history"]
        self.samples = entry["samples"]

    def sample(self, n, seed=None):
        if n in self.samples:
            return self.samples[n]
        points = next(iter(self.samples.values()), np.zeros((1, 2)))
        return np.resize(points, (n, 2))


def train_gan(config):
    return _Run(_answer("train_gan", (dict(config),), {}))
