"""alice_original's code with every variable renamed and the functions reordered."""
import math
import random


def read_weights_csv(filename):
    with open(filename) as handle:
        values = [value for row in handle for value in row.split(",") if value.strip()]
    return [float(value) for value in values]


def write_weights_csv(filename, weight_list):
    with open(filename, "w") as handle:
        for weight in weight_list:
            handle.write(f"{float(weight)!r}\n")


def train(targets, rate=0.7, epochs=1000, seed=None):
    import numpy as np
    weights = list(np.random.default_rng(seed).random(3))
    patterns = [(0, 0), (0, 1), (1, 0), (1, 1)]
    evolution = [list(weights)]
    error_curve = []
    for _ in range(epochs):
        largest = 0.0
        for (a, b), target in zip(patterns, targets):
            s = -1 * weights[0] + a * weights[1] + b * weights[2]
            output = 1 / (1 + math.exp(-s))
            gap = target - output
            for k, value in enumerate((-1, a, b)):
                weights[k] = weights[k] + rate * value * gap
            evolution.append(list(weights))
            largest = max(largest, abs(gap))
        error_curve.append(largest)
    return {"weights": weights, "errors": error_curve, "weight_history": evolution}
