"""The logic gates of TD 1: desired outputs for the inputs (0,0), (0,1), (1,0), (1,1)."""
from __future__ import annotations

import numpy as np

INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
# the report's learning rate and iterations: the defaults of ``train``, of the contract and of
# ``python -m labs perceptron`` (here, the one module the contract's child has, so all share them)
COEFF = 0.7
ITERATIONS = 1000

GATES: dict[str, tuple[int, int, int, int]] = {
    "AND": (0, 0, 0, 1),
    "OR": (0, 1, 1, 1),
    "XOR": (0, 1, 1, 0),
    "NAND": (1, 1, 1, 0),
    "NOR": (1, 0, 0, 0),
    "XNOR": (1, 0, 0, 1),
}


def desired_outputs(desired: str | object) -> np.ndarray:
    """A gate name or four desired outputs, as a float array of shape (4,)."""
    if isinstance(desired, str):
        key = desired.upper()
        if key not in GATES:
            raise ValueError(f"unknown gate {desired!r}; known gates: {', '.join(GATES)}")
        return np.array(GATES[key], dtype=float)
    array = np.asarray(desired, dtype=float)
    if array.shape != (4,):
        raise ValueError(f"desired outputs must have shape (4,), got {array.shape}")
    return array
