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


def symbol_pieces(source: MarkovSource, tokenizer) -> list[list[int]]:
    """The token ids each symbol of ``source`` is written as by ``tokenizer``.

    A GPT-2-like tokenizer writes every symbol, row ends included. A BERT-like one (it has
    ``[CLS]`` and ``[SEP]``) frames each row as ``[CLS] ... [SEP]`` and drops the line break:
    a paragraph's end is ``[SEP] [CLS]`` (this row closes, the next opens), a title's end adds
    the empty row that follows it (``[SEP] [CLS] [SEP] [CLS]``), and a title's opening ``=``
    is preceded by the empty row before it (``[SEP] [CLS] =``).
    """
    from labs.lm.corpus import PARAGRAPH_END, TITLE_END, TITLE_OPEN

    def ids(text: str) -> list[int]:
        return list(tokenizer(text, add_special_tokens=False)["input_ids"])

    cls, sep = getattr(tokenizer, "cls_token_id", None), getattr(tokenizer, "sep_token_id", None)
    if cls is None or sep is None:
        return [ids(surface) for surface in source.surfaces]
    framed = {PARAGRAPH_END: [sep, cls], TITLE_END: [sep, cls, sep, cls]}
    pieces = []
    for state, surface in enumerate(source.surfaces):
        symbol = state % source.symbols
        if symbol in framed:
            pieces.append(framed[symbol])
        elif symbol == TITLE_OPEN:
            pieces.append([sep, cls] + ids(surface))
        else:
            pieces.append(ids(surface))
    return pieces


def token_chain(source: MarkovSource, tokenizer) -> TokenChain:
    """Expand each symbol into the tokens the tokenizer writes it as."""
    pieces = symbol_pieces(source, tokenizer)
    if any(len(p) == 0 for p in pieces):
        raise ValueError("the tokenizer writes a symbol of the corpus as no token at all")
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


def token_posteriors(chain: TokenChain, blocks: np.ndarray, where: np.ndarray, vocab_size: int,
                     chunk: int = 64) -> np.ndarray:
    """P(token t = v | every other token of its block) at the positions ``where`` is true.

    Returns (positions, vocab_size), positions in ``blocks``'s row-major order.

    Forward-backward over the expanded chain: the state at t given the tokens before it
    (forward), times the probability of the tokens after it given that state (backward),
    summed over the states that write each token. Blocks go ``chunk`` at a time to bound
    memory; each step is normalised (only ratios matter).
    """
    blocks = np.asarray(blocks)
    writes = sparse.csr_matrix((np.ones(len(chain.emits)), (np.arange(len(chain.emits)), chain.emits)),
                               shape=(len(chain.emits), vocab_size))
    where = np.asarray(where, dtype=bool)
    parts = [_posteriors(chain, blocks[start:start + chunk], writes)[where[start:start + chunk]]
             for start in range(0, len(blocks), chunk)]
    return np.concatenate(parts) if parts else np.empty((0, vocab_size))


def _posteriors(chain: TokenChain, blocks: np.ndarray, writes: sparse.csr_matrix) -> np.ndarray:
    count, length = blocks.shape
    step, transitions = chain.transitions.T.tocsr(), chain.transitions.tocsr()
    match = [chain.emits[None, :] == blocks[:, t:t + 1] for t in range(length)]
    ahead = np.empty((length, count, len(chain.emits)))  # state at t given the tokens before t
    ahead[0] = chain.prior[None, :]
    for t in range(1, length):
        belief = ahead[t - 1] * match[t - 1]
        belief /= _positive(belief.sum(axis=1, keepdims=True), t - 1)
        ahead[t] = (step @ belief.T).T
    behind = np.ones((count, len(chain.emits)))  # tokens after t given the state at t
    posteriors = np.empty((count, length, writes.shape[1]))
    for t in range(length - 1, -1, -1):
        token_mass = np.asarray((ahead[t] * behind) @ writes)
        posteriors[:, t] = token_mass / _positive(token_mass.sum(axis=1, keepdims=True), t)
        behind = (transitions @ (behind * match[t]).T).T
        behind /= _positive(behind.sum(axis=1, keepdims=True), t)
    return posteriors


def _positive(total: np.ndarray, position: int) -> np.ndarray:
    if np.any(total <= 0):
        raise ValueError(f"a block has a token the corpus's chain cannot produce near position {position}")
    return total
