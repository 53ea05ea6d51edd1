"""The notebook's full recipe on a GPU: GPT-2 small and BERT-base configurations with random
weights, 3 epochs, learning rate 2e-5, weight decay 0.01, blocks of 128 tokens.

On WikiText-2 when ``--wikitext-dir DIR`` gives a local copy (``wiki.train.raw`` and
``wiki.valid.raw``, or the hub's parquet files), else on a WikiText-sized built-in corpus
(about 2.4 million training tokens). Records wall time, training tokens per second, the
per-epoch losses and the perplexity in the benchmark's ``extra_info``.

Not calibrated here (no GPU on the machines this suite was written on). On WikiText-2 the
expected ranges are the public runs of the same recipe: CLM perplexity about 430-460, MLM
about 940-990 (public runs of the same recipe); the bands below are those widened by about 10%. Note that the
tokenizer differs from the notebook's: a local copy has no hub tokenizer, so a GPT-2-like
BPE and a BERT-like WordPiece are built on the training split (up to 8,192 tokens), which
moves perplexities; the band check is therefore an expectation to read, and an xfail when
missed, not a failure.
"""
from __future__ import annotations

import math

import pytest

from labs.lm.corpus import WIKITEXT_SIZED, CorpusSpec
from labs.lm.train import RunConfig, train_lm

SIZES = {"clm": "gpt2", "mlm": "bert-base-cased"}
PUBLIC_BANDS = {"clm": (390.0, 505.0), "mlm": (850.0, 1090.0)}


@pytest.mark.gpu
@pytest.mark.parametrize("kind", ["clm", "mlm"])
def test_the_notebook_recipe_on_a_gpu(kind, benchmark, request, spec_seed):
    """GPU: the notebook's recipe on WikiText-2."""
    folder = request.config.getoption("--wikitext-dir")
    config = RunConfig(kind, corpus=folder or "builtin",
                       corpus_spec=CorpusSpec(seed=spec_seed, **WIKITEXT_SIZED), size=SIZES[kind],
                       epochs=3, learning_rate=2e-5, weight_decay=0.01, seed=spec_seed,
                       use_cpu=False, progress=False)
    result = benchmark.pedantic(train_lm, args=(config,), rounds=1, iterations=1)
    benchmark.extra_info.update(corpus=folder or "built-in, WikiText-sized", kind=kind,
                                epochs=result.epochs, perplexity=result.perplexity,
                                final_eval_loss=result.eval_loss, wall_seconds=result.wall_seconds,
                                train_tokens_per_second=result.train_tokens_per_second,
                                bayes_loss=result.bayes_loss,
                                unigram_entropy=result.unigram_entropy,
                                bigram_loss=result.bigram_loss)
    losses = [row["eval_loss"] for row in result.epochs]
    assert all(b < a for a, b in zip(losses, losses[1:])), (
        f"{kind}: the validation loss should fall every epoch; measured {losses}")
    assert result.perplexity == math.exp(result.eval_loss), (
        f"{kind}: perplexity should be exp(evaluation loss) = {math.exp(result.eval_loss)}; "
        f"measured {result.perplexity}")
    if result.bayes_loss is not None:
        assert result.eval_loss > result.bayes_loss, (
            f"{kind}: no model beats the corpus's own probabilities ({result.bayes_loss:.4f}); "
            f"measured {result.eval_loss:.4f}")
    if folder:
        low, high = PUBLIC_BANDS[kind]
        if not low <= result.perplexity <= high:
            pytest.xfail(f"{kind} perplexity {result.perplexity:.1f} outside the public runs' "
                         f"band {low:g}-{high:g} (locally built tokenizer, see the docstring)")
