"""The truth's loss (forward algorithm) on chains whose answer is known by hand."""
from __future__ import annotations

import math

import numpy as np
from scipy import sparse

from labs.lm.corpus import CorpusSpec, MarkovSource, generate
from labs.lm.entropy import bayes_loss, token_chain


class SpellingTokenizer:
    """Token ids of a spelling: one per character (so multi-token symbols are exercised)."""

    def __call__(self, text: str, add_special_tokens: bool = False) -> dict:
        return {"input_ids": [ord(c) for c in text]}


def chain(matrix, surfaces) -> MarkovSource:
    return MarkovSource(tuple(surfaces), sparse.csr_matrix(np.array(matrix, dtype=float)))


def test_a_deterministic_chain_costs_nothing():
    source = chain([[0, 1], [1, 0]], ["a", "b"])
    blocks = np.array([[ord(c) for c in "abababab"], [ord(c) for c in "babababa"]])
    assert bayes_loss(token_chain(source, SpellingTokenizer()), blocks) == 0.0


def test_a_uniform_chain_costs_log_k():
    source = chain(np.full((3, 3), 1 / 3), ["a", "b", "c"])
    blocks = np.array([[ord(c) for c in "abcacbba"]])
    assert math.isclose(bayes_loss(token_chain(source, SpellingTokenizer()), blocks), math.log(3))


def test_pieces_of_one_symbol_are_certain_after_its_first():
    # "xy" then "z" forever, or "z" then "xy": only the choice of symbol costs anything
    source = chain([[0.5, 0.5], [0.5, 0.5]], ["xy", "z"])
    tokens = [ord(c) for c in "xyzxyzzxy"]
    loss = bayes_loss(token_chain(source, SpellingTokenizer()), np.array([tokens]))
    choices = 5  # after x: y is certain; every other step is a fair coin
    assert math.isclose(loss, choices * math.log(2) / (len(tokens) - 1))


def test_the_builtin_corpus_bound_matches_its_entropy_rate():
    from labs.lm.tokenizer import gpt2_like

    corpus = generate(CorpusSpec(train_articles=40, validation_articles=40))
    tokenizer = gpt2_like(corpus.train)
    ids = [t for row in corpus.validation for t in tokenizer(row)["input_ids"]]
    blocks = np.array(ids[:len(ids) // 128 * 128]).reshape(-1, 128)
    loss = bayes_loss(token_chain(corpus.source, tokenizer), blocks)
    # one token per symbol for seen words: the per-token bound is close to the rate per symbol
    assert abs(loss - corpus.source.entropy_rate()) < 0.1, (loss, corpus.source.entropy_rate())


def test_an_uneven_chain_costs_the_mean_of_its_transitions():
    """One token per symbol: the bound is the mean of -log P(next | previous) over every
    scored position of every block (a sum, or a mean over blocks only, would differ)."""
    matrix = np.array([[0.9, 0.1], [0.3, 0.7]])
    texts = ["aaab", "abba", "bbba"]
    blocks = np.array([[ord(c) for c in text] for text in texts])
    index = {"a": 0, "b": 1}
    expected = np.mean([-math.log(matrix[index[x], index[y]])
                        for text in texts for x, y in zip(text, text[1:])])
    assert math.isclose(bayes_loss(token_chain(chain(matrix, ["a", "b"]), SpellingTokenizer()), blocks),
                        expected, rel_tol=1e-12)
