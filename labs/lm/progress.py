"""One line per epoch while a language model trains, instead of the Trainer's own output.

The Trainer shows nested tqdm bars (training, and one per evaluation) and prints every log
as a dict; a shown run gets this instead: ``epoch 1/3: training loss 5.5883, validation
loss 4.8376 (1.2 s)``, printed by the main process only.
"""
from __future__ import annotations

import time
from typing import Any

from transformers import TrainerCallback


class EpochLines(TrainerCallback):
    """Prints each epoch's training and validation loss once its evaluation is done."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.shown: set[int] = set()

    def on_evaluate(self, args: Any, state: Any, control: Any, metrics: dict | None = None,
                    **kwargs: Any) -> None:
        epoch = round(state.epoch or 0)
        if not state.is_world_process_zero or epoch in self.shown or "eval_loss" not in (metrics or {}):
            return  # the last evaluation after training repeats the last epoch's
        self.shown.add(epoch)
        losses = [entry["loss"] for entry in state.log_history if "loss" in entry]
        training = f"training loss {losses[-1]:.4f}, " if losses else ""
        print(f"epoch {epoch}/{round(state.num_train_epochs)}: {training}validation loss "
              f"{metrics['eval_loss']:.4f} ({time.perf_counter() - self.start:.1f} s)", flush=True)
