"""The two models with random weights: GPT-2-like (causal) and BERT-like (masked)."""
from __future__ import annotations

from typing import Any

from transformers import BertConfig, BertForMaskedLM, GPT2Config, GPT2LMHeadModel

# "tiny" keeps a CPU run of both models in seconds; the others are the notebook's sizes.
# A tiny model learns the built-in corpus's chain in that budget with one layer, no dropout
# and (causal) untied input and output embeddings; measured against 2 tied layers with
# dropout 0.1, which ended at 1.9 times the entropy bound (causal) and above word
# frequencies (masked). The why and the numbers: docs/td3.md.
NO_DROPOUT = {"clm": dict(resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0),
              "mlm": dict(hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)}
SIZES: dict[str, dict[str, dict[str, Any]]] = {
    "clm": {
        # torch's own GELU and a 128-wide MLP: 20% less time per step than GPT-2's tanh GELU
        # written in Python and 4 x 64 (measured), at no cost to the loss (seeds 0-1)
        "tiny": dict(n_layer=1, n_head=2, n_embd=64, n_positions=128, tie_word_embeddings=False,
                     activation_function="gelu", n_inner=128, **NO_DROPOUT["clm"]),
        "gpt2": {},  # GPT2Config's defaults are GPT-2 small: 12 layers, 12 heads, width 768
    },
    "mlm": {
        "tiny": dict(num_hidden_layers=1, num_attention_heads=2, hidden_size=64,
                     intermediate_size=256, max_position_embeddings=128, **NO_DROPOUT["mlm"]),
        # bert-base-cased's configuration (BertConfig's defaults) with its vocabulary left to
        # the tokenizer
        "bert-base-cased": {},
    },
}


def max_positions(kind: str, size: str) -> int:
    """The longest block the model of ``kind`` at ``size`` can read."""
    settings = SIZES[kind][size]
    if kind == "clm":
        return settings.get("n_positions", GPT2Config().n_positions)
    return settings.get("max_position_embeddings", BertConfig().max_position_embeddings)


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
