"""The masked model's collator: 15% of tokens selected, of those 80% [MASK], 10% random, 10% kept."""
from __future__ import annotations

from typing import Any

from transformers import DataCollatorForLanguageModeling

from labs.lm.mask_channel import MLM_PROBABILITY  # the one definition of the 15%


def make_collator(tokenizer: Any, seed: int | None = None,
                  mlm_probability: float = MLM_PROBABILITY) -> DataCollatorForLanguageModeling:
    """The notebook's ``DataCollatorForLanguageModeling``; ``seed`` pins its random masks.

    With a seed, a fresh collator draws the same masks for the same batches, which is what
    makes an evaluation loss reproducible; without one it uses torch's global generator.
    """
    return DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=True,
                                           mlm_probability=mlm_probability, seed=seed)
