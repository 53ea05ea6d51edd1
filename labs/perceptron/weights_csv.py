"""weights.csv as the report writes it: one weight per line, w0 (the bias weight) first."""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np


def write_weights_csv(path: str | Path, weights) -> None:
    values = np.asarray(weights, dtype=float).ravel()
    # repr of a Python float round-trips exactly
    Path(path).write_text("".join(f"{float(v)!r}\n" for v in values), encoding="utf-8")


def read_weights_csv(path: str | Path) -> np.ndarray:
    """Read one weight per line, or one comma-separated row; name the bad line if any."""
    path = Path(path)
    lines = [(n, line.strip()) for n, line in
             enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if line.strip()]
    if not lines:
        raise ValueError(f"{path}: no weights found (the file is empty)")
    if len(lines) == 1 and "," in lines[0][1]:
        number, row = lines[0]
        lines = [(number, cell.strip()) for cell in row.split(",")]
    weights = []
    for number, cell in lines:
        try:
            value = float(cell)
        except ValueError:
            raise ValueError(f"{path}, line {number}: expected a number, found {cell!r}") from None
        if not math.isfinite(value):
            raise ValueError(f"{path}, line {number}: expected a finite number, found {cell!r}")
        weights.append(value)
    if len(weights) != 3:
        raise ValueError(f"{path}: expected 3 weights (w0, w1, w2), found {len(weights)}")
    return np.array(weights)
