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


def small_blocks(tokenizer: Any, block_size: int, seed: int = 0) -> list[list[int]]:
    """The small corpus's token ids, concatenated and cut into blocks (remainder dropped):
    the probes' inputs, made here so that the child never needs the reference's grouping."""
    ids = [token for row in tokenizer(list(small_rows(seed)))["input_ids"] for token in row]
    return [ids[i:i + block_size] for i in range(0, len(ids) - block_size + 1, block_size)]
