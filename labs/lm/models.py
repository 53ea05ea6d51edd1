"""The two models with random weights: GPT-2-like (causal) and BERT-like (masked)."""
from __future__ import annotations

from typing import Any

from transformers import BertConfig, BertForMaskedLM, GPT2Config, GPT2LMHeadModel

from labs.lm.sizes import SIZES

# for the worker tree of a contract that lists this module (labs.sandbox.worker_tree)
CHILD_MODULES = ("labs.lm.sizes",)


def model_config(kind: str, tokenizer: Any, size: str = "tiny") -> Any:
    """The configuration of ``kind`` at ``size``, its vocabulary and special ids the tokenizer's."""
    if kind not in SIZES:
        raise ValueError(f"unknown model kind {kind!r}; choose clm or mlm")
    if size not in SIZES[kind]:
        raise ValueError(f"unknown size {size!r} for {kind}; choose one of {', '.join(SIZES[kind])}")
    if kind == "clm":
        # GPT2Config keeps bos/eos 50256 by default: point them at this tokenizer's token
        return GPT2Config(vocab_size=len(tokenizer), bos_token_id=tokenizer.bos_token_id,
                          eos_token_id=tokenizer.eos_token_id, **SIZES[kind][size])
    return BertConfig(vocab_size=len(tokenizer), pad_token_id=tokenizer.pad_token_id,
                      **SIZES[kind][size])


def build_model(kind: str, tokenizer: Any, size: str = "tiny") -> Any:
    """A model with random weights (seed them with ``transformers.set_seed`` first)."""
    config = model_config(kind, tokenizer, size)
    return GPT2LMHeadModel(config) if kind == "clm" else BertForMaskedLM(config)
