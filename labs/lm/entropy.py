"""The best loss any causal model can reach on the built-in corpus: the truth's own loss.

The built-in corpus is a Markov chain over symbols; a tokenizer writes each symbol as one
or more tokens. Expanding every symbol into its tokens gives a hidden Markov chain over
(symbol, piece) states that emits known tokens, so the exact probability of each token
given the earlier tokens of its block follows from the forward algorithm. Its mean
negative log-probability over the positions a causal model is scored on is the Bayes
loss: no model that sees the same block can do better in expectation.

The one approximation: a block's first state is drawn from the chain's stationary
distribution (blocks start at arbitrary points of the stream); the first token of a block
is never scored, so this only weighs on which of two same-spelled symbols (`` =`` opening
or closing a title) the block starts in.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from labs.lm.corpus import MarkovSource


@dataclass(frozen=True)
class TokenChain:
    transitions: sparse.csr_matrix  # (states, states)
    emits: np.ndarray  # (states,): the token id each state writes
    prior: np.ndarray  # (states,): distribution of a block's first state


def token_chain(source: MarkovSource, tokenizer) -> TokenChain:
    """Expand each symbol into the tokens the tokenizer writes it as."""
    pieces = [tokenizer(surface, add_special_tokens=False)["input_ids"] for surface in source.surfaces]
    first = np.cumsum([0] + [len(p) for p in pieces[:-1]])
    last = first + np.array([len(p) for p in pieces]) - 1
    rows, cols, values = [], [], []
    symbol = source.transitions.tocoo()
    rows += list(last[symbol.row])
    cols += list(first[symbol.col])
    values += list(symbol.data)
    for start, end in zip(first, last):  # inside a symbol: the next piece, for certain
        rows += list(range(start, end))
        cols += list(range(start + 1, end + 1))
        values += [1.0] * (end - start)
    size = int(last[-1]) + 1
    transitions = sparse.csr_matrix((values, (rows, cols)), shape=(size, size))
    # the expanded chain visits each piece of a symbol once per visit of the symbol
    symbol_prior = source.stationary()
    prior = np.zeros(size)
    for s, (start, end) in enumerate(zip(first, last)):
        prior[start:end + 1] = symbol_prior[s]
    prior /= prior.sum()
    emits = np.array([token for p in pieces for token in p])
    return TokenChain(transitions, emits, prior)


def bayes_loss(chain: TokenChain, blocks: np.ndarray) -> float:
    """Mean of -log P(token t | tokens 0..t-1 of its block), t >= 1, over all blocks."""
    blocks = np.asarray(blocks)
    step = chain.transitions.T.tocsr()
    belief = chain.prior[None, :] * (chain.emits[None, :] == blocks[:, :1])
    belief /= belief.sum(axis=1, keepdims=True)
    total = 0.0
    for t in range(1, blocks.shape[1]):
        predicted = (step @ belief.T).T
        predicted *= chain.emits[None, :] == blocks[:, t:t + 1]
        probability = predicted.sum(axis=1)
        if np.any(probability <= 0):
            raise ValueError(f"a block has a token the corpus's chain cannot produce at position {t}")
        total -= np.log(probability).sum()
        belief = predicted / probability[:, None]
    return total / (blocks.shape[0] * (blocks.shape[1] - 1))
