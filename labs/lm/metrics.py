"""Perplexity from an evaluation loss, as the transformers example scripts compute it."""
from __future__ import annotations

import math


def perplexity(eval_loss: float) -> float:
    """``exp(eval_loss)``; infinity when it overflows a float."""
    try:
        return math.exp(eval_loss)
    except OverflowError:
        return math.inf
