"""Keeps a dense history of every weight for every pair of updates: 8 GB."""
import numpy as np


def train(desired, coeff=0.7, iterations=1000, seed=None):
    history = np.zeros((4 * iterations, 4 * iterations, 64))  # 8 GB of float64
    history[:] = 1.0
    return history[0, 0, :3], np.zeros(iterations)
