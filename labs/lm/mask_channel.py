"""What the masked model sees at a scored position, and the loss of a predictor that knows it.

The collator selects 15% of the tokens; a selected token becomes ``[MASK]`` (80%), a token
drawn uniformly from the whole vocabulary (10%), or stays itself (10%). The loss is scored at
the selected positions only. A predictor that has a distribution over the true token from
elsewhere (the chain, word counts) and also sees the position's own input combines the two
by Bayes' rule: that input is ``[MASK]``, the true token, or noise, with known odds.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

# BERT's masking recipe, as the notebook's DataCollatorForLanguageModeling applies it: the share
# of tokens selected (its mlm_probability), and of those the shares shown as [MASK] and as a
# random token (its mask_replace_prob, random_replace_prob); the rest are shown as themselves
MLM_PROBABILITY = 0.15
MASK_REPLACE_PROB = 0.8
RANDOM_REPLACE_PROB = 0.1


@dataclass(frozen=True)
class MaskingChannel:
    mask_id: int
    vocab_size: int  # random replacements are drawn from all of it
    mask: float = MASK_REPLACE_PROB  # probability that a selected token is shown as [MASK]
    random: float = RANDOM_REPLACE_PROB  # ... as a random token; the rest of the time, itself

    @classmethod
    def of(cls, collator: Any, tokenizer: Any) -> "MaskingChannel":
        """The channel of a ``DataCollatorForLanguageModeling`` (its 80/10/10 unless changed)."""
        collator = getattr(collator, "data_collator", collator)  # the Trainer may wrap it
        return cls(mask_id=int(tokenizer.mask_token_id), vocab_size=len(tokenizer),
                   mask=float(getattr(collator, "mask_replace_prob", MASK_REPLACE_PROB)),
                   random=float(getattr(collator, "random_replace_prob", RANDOM_REPLACE_PROB)))

    def loss(self, beliefs: np.ndarray, targets: np.ndarray, seen: np.ndarray) -> float:
        """Mean -log P(target | belief, what the position shows), over scored positions.

        ``beliefs``: (positions, vocab) distributions over the true token before looking at
        the position itself; ``targets``: the true tokens; ``seen``: the input there.
        """
        rows = np.arange(len(targets))
        keep = 1.0 - self.mask - self.random
        masked = self.mask * (seen == self.mask_id)
        noise = self.random / self.vocab_size
        likelihood = masked + keep * (seen == targets) + noise  # P(seen | target)
        evidence = masked + keep * beliefs[rows, seen] + noise  # P(seen), over the belief
        return float(np.mean(-np.log(beliefs[rows, targets] * likelihood / evidence)))
