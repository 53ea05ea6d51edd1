"""Ships its own labs/sandbox/worker.py and jail.py, hoping they run instead of the grader's
(as root, before the sandbox, they could answer anything); its train is a placeholder."""
import numpy as np


def train(desired, coeff=0.7, iterations=1000, seed=None):
    return np.zeros(3), np.ones(iterations)
