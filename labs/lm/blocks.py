"""Texts to training blocks, as the notebook does it: tokenise, concatenate, cut."""
from __future__ import annotations

from typing import Any, Callable

BLOCK_SIZE = 128


def group_texts(examples: dict[str, list[list[Any]]], block_size: int = BLOCK_SIZE) -> dict[str, list[list[Any]]]:
    """Concatenate each column of a batch, drop the remainder, cut into blocks of ``block_size``.

    ``labels`` is a copy of ``input_ids``: the causal model shifts them itself, the masked
    model's collator overwrites them.
    """
    if block_size < 2:
        raise ValueError(f"block size must be at least 2, got {block_size}")
    concatenated = {key: [item for row in rows for item in row] for key, rows in examples.items()}
    total = len(next(iter(concatenated.values()), []))
    total = (total // block_size) * block_size  # the remainder of the batch is dropped
    result = {key: [values[i:i + block_size] for i in range(0, total, block_size)]
              for key, values in concatenated.items()}
    result["labels"] = [list(block) for block in result["input_ids"]]
    return result


def tokenize_and_group(dataset: Any, tokenizer: Any, block_size: int = BLOCK_SIZE,
                       group: Callable = group_texts) -> Any:
    """A ``datasets.DatasetDict`` of rows ``{"text": ...}`` to blocks (the notebook's two maps).

    The map batches are the library's default (1,000 rows), so the remainder dropped is that
    of each batch, as in the notebook.
    """
    columns = dataset["train"].column_names
    tokenized = dataset.map(lambda rows: tokenizer(rows["text"]), batched=True,
                            remove_columns=columns, desc=None)
    return tokenized.map(lambda rows: group(rows, block_size), batched=True)
