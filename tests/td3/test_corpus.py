"""The built-in corpus: deterministic, WikiText-shaped, a proper Markov chain."""
from __future__ import annotations

import numpy as np
import pytest

from labs.lm.corpus import CorpusSpec, generate


def test_the_same_seed_gives_the_same_text_and_another_seed_another():
    assert generate(CorpusSpec(seed=3)).train == generate(CorpusSpec(seed=3)).train
    assert generate(CorpusSpec(seed=3)).train != generate(CorpusSpec(seed=4)).train


def test_rows_are_shaped_like_wikitext():
    corpus = generate(CorpusSpec(train_articles=10, validation_articles=2))
    titles = [row for row in corpus.train if row.startswith(" = ")]
    assert len(titles) == 10 and all(row.endswith(" = \n") for row in titles)
    assert corpus.train[0] == "" and corpus.train[1] in titles and corpus.train[2] == ""
    paragraphs = [row for row in corpus.train if row and row not in titles]
    assert paragraphs and all(row.startswith(" ") and row.endswith(" . \n") for row in paragraphs)
    assert sum(row.startswith(" = ") for row in corpus.validation) == 2


def test_transitions_are_probabilities_and_the_chain_has_a_stationary_law():
    source = generate(CorpusSpec(train_articles=1, validation_articles=1)).source
    rows = np.asarray(source.transitions.sum(axis=1)).ravel()
    np.testing.assert_allclose(rows, 1.0, atol=1e-12)
    pi = source.stationary()
    np.testing.assert_allclose(source.transitions.T @ pi, pi, atol=1e-10)
    assert 1.0 < source.entropy_rate() < np.log(len(set(source.surfaces)))


def test_size_is_a_parameter():
    small = generate(CorpusSpec(train_articles=5, validation_articles=1))
    large = generate(CorpusSpec(train_articles=50, validation_articles=1))
    assert len(large.train) > 5 * len(small.train)


@pytest.mark.parametrize("field, value", [("train_articles", 0), ("topics", 0), ("words", 3)])
def test_impossible_sizes_are_refused_in_words(field, value):
    with pytest.raises(ValueError, match="corpus"):
        CorpusSpec(**{field: value})
