"""TD 1, written independently: a small perceptron class with numpy vectors."""
import numpy as np

PATTERNS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])


class Neuron:
    """One sigmoid neuron whose first input is the constant bias -1."""

    def __init__(self, seed=None):
        self.w = np.random.default_rng(seed).random(3)
        self.trace = [self.w.copy()]

    def fire(self, pattern):
        augmented = np.concatenate(([-1.0], pattern))
        return augmented, 1.0 / (1.0 + np.exp(-augmented @ self.w))

    def step(self, pattern, wanted, coeff):
        augmented, out = self.fire(pattern)
        delta = wanted - out
        self.w = self.w + coeff * delta * augmented
        self.trace.append(self.w.copy())
        return abs(delta)


def train(desired, coeff=0.7, iterations=1000, seed=None):
    neuron = Neuron(seed)
    curve = np.empty(iterations)
    for n in range(iterations):
        curve[n] = max(neuron.step(p, t, coeff) for p, t in zip(PATTERNS, desired))
    return neuron.w.tolist(), curve.tolist(), np.array(neuron.trace).tolist()
