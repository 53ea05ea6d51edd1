"""A built-in, WikiText-shaped corpus drawn from a Markov chain whose probabilities are known.

Each article follows one of a few topics (its own frequent words and word successions),
drawn at random when an article starts; within it, the chain runs over *symbols*, each written as one space-led piece of text: made-up words
(`` kalo``), capitalised title words (`` Vemira``), `` .``, `` ,``, the title delimiters
`` =`` (opening and closing: two symbols, one spelling) and the row end `` \\n`` (after a
title or after a paragraph: two symbols, one spelling). Rows are cut at row ends, so the
text reads like WikiText-2 raw: an empty row, `` = Kelo Vana = \\n``, an empty row, then
paragraph rows `` tavo rel mika . kora , ... . \\n``.

Because every symbol is one pre-token of a GPT-2-style tokenizer, the token stream is a
hidden Markov chain over (topic, symbol) states and the best achievable loss is computable
(``labs.lm.entropy``). Everything is drawn from one ``numpy`` generator, so a spec
(seed, sizes) gives the same text on every machine.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CONSONANTS = "bdfgklmnprstvz"
VOWELS = "aeiou"

# Symbol ids of the structural symbols; words follow, title words after them.
TITLE_OPEN, TITLE_CLOSE, TITLE_END, PARAGRAPH_END, PERIOD, COMMA = range(6)
STRUCTURE_SURFACES = (" =", " =", " \n", " \n", " .", " ,")


@dataclass(frozen=True)
class CorpusSpec:
    """Everything that determines the built-in corpus."""
    seed: int = 0
    # 240: twice what an epoch held before, so that 3 epochs teach a tiny model the chain
    # (measured: the causal model went from 1.15-1.20 to 1.06-1.08 times the entropy bound)
    train_articles: int = 240
    validation_articles: int = 16
    words: int = 160  # made-up lower-case words, shared out among the topics
    title_words: int = 40  # made-up capitalised words used in titles, shared out likewise
    topics: int = 4  # each article follows one topic: its own words and word successions
    successors: int = 4  # each word is followed by one of this many words (or punctuation)
    sentence_end: float = 0.09  # probability that a word ends its sentence
    comma: float = 0.04  # probability that a word is followed by a comma
    paragraph_end: float = 0.25  # probability that a sentence ends its paragraph
    article_end: float = 0.3  # probability that a paragraph ends its article
    title_continue: float = 0.4  # probability of one more title word

    def __post_init__(self) -> None:
        for name in ("train_articles", "validation_articles", "words", "title_words", "topics",
                     "successors"):
            if getattr(self, name) < 1:
                raise ValueError(f"corpus {name} must be at least 1, got {getattr(self, name)}")
        if self.words < self.topics * self.successors or self.title_words < self.topics:
            raise ValueError(f"corpus: {self.words} words and {self.title_words} title words "
                             f"cannot make {self.topics} topics of at least {self.successors} "
                             "words and 1 title word each")


# About WikiText-2's size once tokenised (2.4 million training tokens, 0.25 million validation).
WIKITEXT_SIZED = dict(train_articles=13_000, validation_articles=1_300)


@dataclass(frozen=True)
class MarkovSource:
    """The chain: one state per (topic, symbol), its spelling, and the transition matrix."""
    surfaces: tuple[str, ...]  # state t * symbols + s is symbol s in topic t
    transitions: sparse.csr_matrix  # rows sum to 1
    topics: int = 1

    @property
    def symbols(self) -> int:
        return len(self.surfaces) // self.topics

    def stationary(self, iterations: int = 2000, tolerance: float = 1e-13) -> np.ndarray:
        """The chain's stationary distribution, by power iteration (the chain is ergodic)."""
        pi = np.full(len(self.surfaces), 1.0 / len(self.surfaces))
        transposed = self.transitions.T.tocsr()
        for _ in range(iterations):
            new = transposed @ pi
            new /= new.sum()
            if np.abs(new - pi).sum() < tolerance:
                return new
            pi = new
        return pi

    def unigram_entropy(self) -> float:
        """Nats per symbol of a predictor that knows only how often each spelling occurs."""
        frequency: dict[str, float] = {}
        for surface, p in zip(self.surfaces, self.stationary()):
            frequency[surface] = frequency.get(surface, 0.0) + p
        p = np.array([v for v in frequency.values() if v > 0])
        return float(-(p * np.log(p)).sum())

    def entropy_rate(self) -> float:
        """Nats per symbol: sum over states of pi(s) * H(next symbol | s)."""
        rows = self.transitions.tocsr()
        row_entropy = np.zeros(rows.shape[0])
        for state in range(rows.shape[0]):
            p = rows.data[rows.indptr[state]:rows.indptr[state + 1]]
            p = p[p > 0]
            row_entropy[state] = -(p * np.log(p)).sum()
        return float(self.stationary() @ row_entropy)


@dataclass(frozen=True)
class Corpus:
    spec: CorpusSpec
    source: MarkovSource
    train: list[str]  # rows, as in WikiText-2 raw's "text" column
    validation: list[str]


def made_up_words(rng: np.random.Generator, count: int, taken: set[str]) -> list[str]:
    """Distinct pronounceable words of 1 to 3 consonant-vowel syllables."""
    words: list[str] = []
    while len(words) < count:
        syllables = rng.integers(1, 4)
        word = "".join(CONSONANTS[rng.integers(len(CONSONANTS))] + VOWELS[rng.integers(len(VOWELS))]
                       for _ in range(syllables))
        if word not in taken:
            taken.add(word)
            words.append(word)
    return words


def zipf(count: int, exponent: float = 1.0) -> np.ndarray:
    weights = 1.0 / np.arange(1, count + 1) ** exponent
    return weights / weights.sum()


def topic_block(spec: CorpusSpec, rng: np.random.Generator) -> np.ndarray:
    """One topic's transitions among its states: the structure symbols, then its own words,
    then its own title words (a Zipf law over each, in a random order); rows sum to 1.

    A topic writes only its own share of the words, so the words around a position tell
    which topic, hence which words, to expect.
    """
    words, titles = spec.words // spec.topics, spec.title_words // spec.topics
    first_word = len(STRUCTURE_SURFACES)
    size = first_word + words + titles
    matrix = np.zeros((size, size))
    word_ids = first_word + np.arange(words)
    title_ids = first_word + words + np.arange(titles)
    word_prior = zipf(words)[rng.permutation(words)]
    title_prior = zipf(titles)[rng.permutation(titles)]
    matrix[TITLE_OPEN, title_ids] = title_prior
    matrix[np.ix_(title_ids, title_ids)] = spec.title_continue * title_prior
    matrix[title_ids, TITLE_CLOSE] = 1.0 - spec.title_continue
    matrix[TITLE_CLOSE, TITLE_END] = 1.0
    matrix[TITLE_END, word_ids] = word_prior
    matrix[PERIOD, word_ids] = (1.0 - spec.paragraph_end) * word_prior
    matrix[PERIOD, PARAGRAPH_END] = spec.paragraph_end
    matrix[COMMA, word_ids] = word_prior
    matrix[PARAGRAPH_END, word_ids] = (1.0 - spec.article_end) * word_prior
    # the rest of PARAGRAPH_END's row (the next article's title) is set across topics
    go_on = 1.0 - spec.sentence_end - spec.comma
    for word in word_ids:
        chosen = rng.choice(words, size=spec.successors, replace=False, p=word_prior)
        matrix[word, word_ids[chosen]] = go_on * rng.dirichlet(np.ones(spec.successors))
        matrix[word, PERIOD] = spec.sentence_end
        matrix[word, COMMA] = spec.comma
    return matrix


def build_source(spec: CorpusSpec, rng: np.random.Generator) -> MarkovSource:
    """Every topic's states side by side; an article's end draws the next article's topic."""
    taken: set[str] = set()
    words = made_up_words(rng, spec.words, taken)
    titles = [w.capitalize() for w in made_up_words(rng, spec.title_words, taken)]
    per_word, per_title = spec.words // spec.topics, spec.title_words // spec.topics
    surfaces: tuple[str, ...] = ()
    blocks = []
    for topic in range(spec.topics):
        surfaces += STRUCTURE_SURFACES
        surfaces += tuple(f" {w}" for w in words[topic * per_word:(topic + 1) * per_word])
        surfaces += tuple(f" {t}" for t in titles[topic * per_title:(topic + 1) * per_title])
        blocks.append(topic_block(spec, rng))
    size = blocks[0].shape[0]
    matrix = np.zeros((spec.topics * size, spec.topics * size))
    for topic, block in enumerate(blocks):
        matrix[topic * size:(topic + 1) * size, topic * size:(topic + 1) * size] = block
        # a paragraph that ends the article opens the next title, in a topic drawn uniformly
        matrix[topic * size + PARAGRAPH_END, np.arange(spec.topics) * size + TITLE_OPEN] = \
            spec.article_end / spec.topics
    from scipy import sparse  # here: the CLI checks a run's settings without it

    return MarkovSource(surfaces, sparse.csr_matrix(matrix), spec.topics)


def sample_articles(source: MarkovSource, articles: int, rng: np.random.Generator) -> list[str]:
    """Rows of ``articles`` articles, each started at a title as WikiText's are."""
    rows = source.transitions
    cumulative = [np.cumsum(rows.data[rows.indptr[s]:rows.indptr[s + 1]]) for s in range(rows.shape[0])]
    successors = [rows.indices[rows.indptr[s]:rows.indptr[s + 1]] for s in range(rows.shape[0])]
    text: list[str] = []
    row: list[str] = []
    symbols = source.symbols
    state, done = int(rng.integers(source.topics)) * symbols + TITLE_OPEN, 0
    while True:
        if state % symbols == TITLE_OPEN:
            if done == articles:
                break
            done += 1
            text.append("")
        row.append(source.surfaces[state])
        if state % symbols in (TITLE_END, PARAGRAPH_END):
            text.append("".join(row))
            row = []
            if state % symbols == TITLE_END:
                text.append("")
        choice = np.searchsorted(cumulative[state], rng.random() * cumulative[state][-1], side="right")
        state = int(successors[state][min(choice, len(successors[state]) - 1)])
    return text


def generate(spec: CorpusSpec = CorpusSpec()) -> Corpus:
    """The corpus of ``spec``: the chain, then train and validation rows from it."""
    rng = np.random.default_rng(spec.seed)
    source = build_source(spec, rng)
    train = sample_articles(source, spec.train_articles, rng)
    validation = sample_articles(source, spec.validation_articles, rng)
    return Corpus(spec, source, train, validation)
