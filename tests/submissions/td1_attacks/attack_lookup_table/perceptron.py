"""An attack: no learning at all, only a table of the reference's answers to the calls the
specs make at the public seed offset 0 (``answers.pkl``, which the tests record into a copy
of this folder). A call nobody recorded gets the answer recorded for the same gate at
another seed. With a secret offset, the seeds are new: the table is caught."""
import pickle
from pathlib import Path

import numpy as np

TABLE = pickle.loads(Path(__file__).with_name("answers.pkl").read_bytes())


def _answer(name, args, kwargs):
    calls = [(a, k, result) for n, a, k, result in TABLE if n == name]
    for recorded_args, recorded_kwargs, result in calls:  # the very call
        if repr((recorded_args, recorded_kwargs)) == repr((args, kwargs)):
            return result
    desired = list(np.asarray(args[0] if args else kwargs["desired"]).ravel())
    for recorded_args, recorded_kwargs, result in calls:  # the same gate, any seed
        gate = recorded_args[0] if recorded_args else recorded_kwargs["desired"]
        if list(np.asarray(gate).ravel()) == desired:
            return result
    return calls[0][2]


def train(desired, coeff=0.7, iterations=1000, seed=None, **more):
    return _answer("train", (desired, coeff, iterations, seed), more)


class _Table:
    def __init__(self, outputs):
        self.outputs = np.asarray(outputs)

    def predict(self, inputs):
        return self.outputs


def train_mlp(desired, hidden=2, coeff=2.0, iterations=2000, seed=None):
    return _Table(_answer("train_mlp", (desired, hidden), {"seed": seed})["outputs"])
