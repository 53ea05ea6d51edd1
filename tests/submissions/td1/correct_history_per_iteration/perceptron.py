"""A correct TD 1 submission that records the weights once per iteration, as the report's own
weight figure does: weight_history has iterations + 1 rows."""
import math
import random


def train(desired, coeff=0.7, iterations=1000, seed=None):
    import numpy as np
    w = list(np.random.default_rng(seed).random(3))
    inputs = [(0, 0), (0, 1), (1, 0), (1, 1)]
    history = [list(w)]
    errors = []
    for _ in range(iterations):
        worst = 0.0
        for (x1, x2), d in zip(inputs, desired):
            y = -1 * w[0] + x1 * w[1] + x2 * w[2]
            out = 1 / (1 + math.exp(-y))
            delta = d - out
            for i, x in enumerate((-1, x1, x2)):
                w[i] = w[i] + coeff * x * delta
            worst = max(worst, abs(delta))
        history.append(list(w))
        errors.append(worst)
    return {"weights": w, "errors": errors, "weight_history": history}


def write_weights_csv(path, weights):
    with open(path, "w") as f:
        for w in weights:
            f.write(f"{float(w)!r}\n")


def read_weights_csv(path):
    with open(path) as f:
        cells = [cell for line in f for cell in line.split(",") if cell.strip()]
    if len(cells) != 3:
        raise ValueError(f"{path}: expected the 3 weights w0, w1, w2, found {len(cells)} values")
    return [float(cell) for cell in cells]
