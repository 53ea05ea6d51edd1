"""Training blocks as the notebook makes them: concatenate, cut (the student's ``group_texts``).

The tokenising map around it is the harness's (``labs.lm.data.tokenize_and_group``), which a
sandboxed child imports without this reference.
"""
from __future__ import annotations

from typing import Any

from labs.lm.data import BLOCK_SIZE, tokenize_and_group  # noqa: F401 - re-exported


def group_texts(examples: dict[str, list[list[Any]]], block_size: int = BLOCK_SIZE) -> dict[str, list[list[Any]]]:
    """Concatenate each column of a batch, drop the remainder, cut into blocks of ``block_size``.

    ``labels`` is a copy of ``input_ids``: the causal model shifts them itself, the masked
    model's collator overwrites them.
    """
    if block_size < 2:  # pragma: no mutate (bad input: the contract leaves it free)
        raise ValueError(f"block size must be at least 2, got {block_size}")
    concatenated = {key: [item for row in rows for item in row] for key, rows in examples.items()}
    total = len(next(iter(concatenated.values()), []))
    total = (total // block_size) * block_size  # the remainder of the batch is dropped
    result = {key: [values[i:i + block_size] for i in range(0, total, block_size)]
              for key, values in concatenated.items()}
    result["labels"] = [list(block) for block in result["input_ids"]]
    return result
