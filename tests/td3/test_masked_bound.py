"""The masked model's lower bound: posteriors from the chain, and what the position shows."""
from __future__ import annotations

import math

import numpy as np
from scipy import sparse

from labs.lm.corpus import CorpusSpec, MarkovSource, generate
from labs.lm.entropy import token_chain, token_posteriors
from labs.lm.mask_channel import MaskingChannel


class SpellingTokenizer:
    def __call__(self, text: str, add_special_tokens: bool = False) -> dict:
        return {"input_ids": [ord(c) for c in text]}


def test_posteriors_match_brute_force_enumeration():
    rng = np.random.default_rng(0)
    matrix = rng.dirichlet(np.ones(3), size=3)
    source = MarkovSource(("a", "b", "c"), sparse.csr_matrix(matrix))
    chain = token_chain(source, SpellingTokenizer())
    block = np.array([[ord(c) for c in "abcab"]])
    posteriors = token_posteriors(chain, block, np.ones_like(block, dtype=bool), 128)
    prior = chain.prior

    def probability(symbols):
        p = prior[symbols[0]]
        for a, b in zip(symbols, symbols[1:]):
            p *= matrix[a, b]
        return p

    states = [ord(c) - ord("a") for c in "abcab"]
    for t in range(len(states)):
        joint = np.array([probability(states[:t] + [s] + states[t + 1:]) for s in range(3)])
        expected = joint / joint.sum()
        assert np.allclose(posteriors[t, [ord(c) for c in "abc"]], expected), t


def test_the_builtin_chain_explains_the_bert_token_stream():
    """Rows framed by [CLS] ... [SEP], line breaks dropped: the chain still writes every block."""
    from labs.lm.tokenizer import bert_like

    corpus = generate(CorpusSpec(train_articles=20, validation_articles=6))
    tokenizer = bert_like(corpus.train)
    ids = [t for row in corpus.validation for t in tokenizer(row)["input_ids"]]
    blocks = np.array(ids[:len(ids) // 64 * 64]).reshape(-1, 64)
    chain = token_chain(corpus.source, tokenizer)
    scored = ~np.isin(blocks, tokenizer.all_special_ids)
    posteriors = token_posteriors(chain, blocks, scored, len(tokenizer))
    truth = posteriors[np.arange(scored.sum()), blocks[scored]]
    assert np.all(truth > 0) and np.allclose(posteriors.sum(axis=1), 1.0)
    # both neighbours known: the chain pins most words down (4 successors each)
    assert -np.log(truth).mean() < 1.0


def test_a_masked_position_leaves_the_belief_as_it_was():
    channel = MaskingChannel(mask_id=0, vocab_size=4)
    beliefs = np.array([[0.0, 0.5, 0.25, 0.25]])
    assert math.isclose(channel.loss(beliefs, np.array([2]), np.array([0])), math.log(4))


def test_a_shown_token_is_believed_as_far_as_the_odds_allow():
    channel = MaskingChannel(mask_id=0, vocab_size=4)  # kept 10%, random 10% (1/4 each)
    beliefs = np.array([[0.0, 0.5, 0.25, 0.25]])
    # shown 2, truly 2: P(shown 2 | 2) = 0.1 + 0.025; P(shown 2 | v != 2) = 0.025
    posterior = 0.25 * 0.125 / (0.25 * 0.125 + 0.75 * 0.025)
    assert math.isclose(channel.loss(beliefs, np.array([2]), np.array([2])), -math.log(posterior))
    # shown 3, truly 2 (a random replacement)
    posterior = 0.25 * 0.025 / (0.25 * 0.025 + 0.25 * 0.125 + 0.5 * 0.025)
    assert math.isclose(channel.loss(beliefs, np.array([2]), np.array([3])), -math.log(posterior))


def test_every_assignment_of_channel_odds_is_a_distribution():
    channel = MaskingChannel(mask_id=0, vocab_size=3)
    beliefs = np.array([[0.0, 0.3, 0.7]])
    for shown in range(3):
        total = sum(math.exp(-channel.loss(beliefs, np.array([t]), np.array([shown])))
                    for t in (1, 2))
        assert math.isclose(total, 1.0), shown
