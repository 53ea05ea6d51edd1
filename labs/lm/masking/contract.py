"""Probes for the masked model's dynamic masking and for why its perplexity is not the
causal model's: TD 3's contract (``labs.lm.contract``) plus two probes.

A separate module so that these probes stand beside the contract without changing it; the
specs that use them bind this module (the same student functions, the same limits).
"""
from __future__ import annotations

import numpy as np

from labs.lm.contract import CHILD_MODULES as CONTRACT_CHILD_MODULES
from labs.lm.contract import (MEMORY_MB, MODULE, PROBES as CONTRACT_PROBES, REFERENCE,  # noqa: F401
                              REQUIRED, _mlm_features, _plain)
from labs.lm.fixtures import small_rows, small_tokenizer

# a student's child imports only these project modules: TD 3's contract and its harness
CHILD_MODULES = ("labs.lm.contract", *CONTRACT_CHILD_MODULES)


def probe_collate_epochs(impl, blocks: int, seed: int, epochs: int = 2) -> dict:
    """The same batch through ONE seeded collator once per epoch, as a Trainer does it:
    which positions carry a label (were selected) at each epoch."""
    tokenizer, features = _mlm_features(blocks)
    collator = impl.make_collator(tokenizer, seed=seed)
    selected = [_plain(collator([dict(f) for f in features])["labels"]) != -100
                for _ in range(epochs)]
    return {"selected": np.stack(selected)}


def probe_loss_positions(impl, blocks: int, seed: int) -> dict:
    """On the built-in corpus: how many positions per block each model's loss averages over
    (the causal model predicts every next token; the masked one only the selected tokens),
    and each tokenizer's vocabulary and token count for the same text."""
    rows = list(small_rows())
    clm_tokenizer = small_tokenizer("clm")
    grouped = impl.group_texts(dict(clm_tokenizer(rows)), 128)
    clm_labels = np.array(grouped["labels"][:blocks])
    _, features = _mlm_features(blocks)
    mlm_tokenizer = small_tokenizer("mlm")
    mlm_labels = _plain(impl.make_collator(mlm_tokenizer, seed=seed)([dict(f) for f in features])["labels"])
    return {"clm_positions": float(np.mean(np.sum(clm_labels[:, 1:] != -100, axis=1))),
            "mlm_positions": float(np.mean(np.sum(mlm_labels != -100, axis=1))),
            "clm_vocabulary": len(clm_tokenizer), "mlm_vocabulary": len(mlm_tokenizer),
            "clm_tokens": sum(map(len, clm_tokenizer(rows)["input_ids"])),
            "mlm_tokens": sum(map(len, mlm_tokenizer(rows)["input_ids"]))}


PROBES = {**CONTRACT_PROBES, "collate_epochs": probe_collate_epochs,
          "loss_positions": probe_loss_positions}
