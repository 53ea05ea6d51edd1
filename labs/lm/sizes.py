"""The models' sizes: plain data, read without transformers (the CLI checks a block size
against them before it loads anything)."""
from __future__ import annotations

from typing import Any

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
        # GPT2Config's defaults are GPT-2 small: 12 layers, 12 heads, width 768, 1024 positions
        "gpt2": dict(n_positions=1024),
    },
    "mlm": {
        "tiny": dict(num_hidden_layers=1, num_attention_heads=2, hidden_size=64,
                     intermediate_size=256, max_position_embeddings=128, **NO_DROPOUT["mlm"]),
        # bert-base-cased's configuration (BertConfig's defaults, 512 positions) with its
        # vocabulary left to the tokenizer
        "bert-base-cased": dict(max_position_embeddings=512),
    },
}


def max_positions(kind: str, size: str) -> int:
    """The longest block the model of ``kind`` at ``size`` can read."""
    return SIZES[kind][size]["n_positions" if kind == "clm" else "max_position_embeddings"]
