"""Returns zeros: a submission that learns nothing (its grade must stay low)."""


def train(desired, coeff=0.7, iterations=1000, seed=None):
    return {"weights": [0.0, 0.0, 0.0], "errors": [0.5] * iterations}
