"""Small, cached inputs the contract's probes share: a built-in corpus and its tokenizers."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from labs.lm.corpus import CorpusSpec, generate

SMALL_CORPUS = CorpusSpec(train_articles=60, validation_articles=4)


@lru_cache(maxsize=4)
def small_tokenizer(kind: str, seed: int = 0) -> Any:
    """A tokenizer trained on a small built-in corpus (the same text for a given seed)."""
    from labs.lm.tokenizer import train_tokenizer

    corpus = generate(CorpusSpec(**{**SMALL_CORPUS.__dict__, "seed": seed}))
    return train_tokenizer(kind, corpus.train)


@lru_cache(maxsize=4)
def small_rows(seed: int = 0) -> tuple[str, ...]:
    """Train rows of the small corpus (WikiText-shaped: empty rows, titles, paragraphs)."""
    return tuple(generate(CorpusSpec(**{**SMALL_CORPUS.__dict__, "seed": seed})).train)
