"""The notebook's ``Trainer``, with the masked model's evaluation masks pinned by a seed."""
from __future__ import annotations

from typing import Any, Callable

from transformers import Trainer


class PinnedEvaluationTrainer(Trainer):
    """Evaluates through a fresh collator from ``evaluation_collator()`` at every evaluation.

    The notebook's masked model draws new random masks at every evaluation, so two
    evaluations of the same weights disagree (the report's 963.88 is not exp(6.878888);
    measured here with transformers 5.x: 5.3876 then 5.3498 on the same weights). A fresh
    seeded collator per evaluation draws the same masks every time: evaluation losses are
    comparable across epochs and perplexity = exp(loss) holds exactly.
    """

    def __init__(self, *args: Any, evaluation_collator: Callable[[], Any] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.evaluation_collator = evaluation_collator

    def get_eval_dataloader(self, eval_dataset: Any = None) -> Any:
        if self.evaluation_collator is None:
            return super().get_eval_dataloader(eval_dataset)
        training_collator = self.data_collator
        self.data_collator = self.evaluation_collator()  # the loader keeps this one
        try:
            return super().get_eval_dataloader(eval_dataset)
        finally:
            self.data_collator = training_collator
