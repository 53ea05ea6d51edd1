"""The notebook's full recipe on a GPU: GPT-2 small and BERT-base configurations with random
weights, 3 epochs, learning rate 2e-5, weight decay 0.01, blocks of 128 tokens.

On WikiText-2 when ``--wikitext-dir DIR`` gives a local copy (``wiki.train.raw`` and
``wiki.valid.raw``, or the hub's parquet files), else on the built-in corpus at a quarter of
WikiText's size (``GPU_CORPUS``: about 0.6 million training tokens, chosen so that ``bash
.ci/gpu`` fits its 8 minutes). Records the corpus used, wall time, training tokens per
second, the per-epoch losses and the perplexity in the benchmark's ``extra_info``.

Not calibrated on a GPU (no GPU on the machines this suite was written on). On WikiText-2
the expected ranges are the public runs of the same recipe: CLM perplexity about 430-460,
MLM about 940-990; the bands below are those widened by about 10%. Note that the tokenizer
differs from the notebook's: a local copy has no hub tokenizer, so a GPT-2-like BPE and a
BERT-like WordPiece are built on the training split (up to 8,192 tokens), which moves
perplexities; the band check is therefore an expectation to read, and an xfail when missed,
not a failure.

The same function runs in the everyday suite as ``[cpu]`` (``labs.suite.devices``): the tiny
models, 2 epochs on 30 built-in articles (``CPU_RECIPE``). Calibrated over seeds 0-23 (the
spec seed offsets the corpus and the run alike): the validation loss fell from epoch 1 to 2
by 0.297-0.510 nats (causal) and 0.076-0.226 (masked, seed 0 the least); the bound it must
stay above was 2.6 nats or more below the final loss. The fall must be above 0: the masked
model at its tiny default learning rate fails it (seed 0 rose 5.09, 5.24, 5.30 over 3
epochs), which is why the ``[cpu]`` variant sets 1e-3.
"""
from __future__ import annotations

import math

import pytest

from labs.lm.corpus import WIKITEXT_SIZED, CorpusSpec
from labs.lm.train import RunConfig, train_lm

SIZES = {"clm": "gpt2", "mlm": "bert-base-cased"}
PUBLIC_BANDS = {"clm": (390.0, 505.0), "mlm": (850.0, 1090.0)}
# .ci/gpu's size without --wikitext-dir: a quarter of the WikiText-sized corpus (about 0.6 M
# training tokens), so that 3 epochs of both models fit its 8 minutes with the other checks.
# Estimated, not measured (no GPU yet): a batch of 8 x 128 tokens of GPT-2 small in float32
# costs about 6 x 124 M x 1,024 = 0.8 TFLOP; at some 30 TFLOP/s that is some 40,000 tokens/s,
# so 3 epochs of the whole WikiText-sized corpus (7 M tokens) would take about 3 minutes per
# model, a quarter about 45 s. The report's figures say what it took.
GPU_CORPUS = dict(train_articles=WIKITEXT_SIZED["train_articles"] // 4,
                  validation_articles=WIKITEXT_SIZED["validation_articles"] // 4)
# the [cpu] variant (labs.suite.devices): the tiny models, 2 epochs on 30 built-in articles
# (8 for validation: 4 left seed 13 without a validation block); the masked model at
# learning rate 1e-3, not its tiny default 3e-3, which raised its validation loss there
# (seed 0, 3 epochs: 5.09, 5.24, 5.30)
CPU_CORPUS = dict(train_articles=30, validation_articles=8)
CPU_RECIPE = {"clm": dict(size="tiny", epochs=2),
              "mlm": dict(size="tiny", epochs=2, learning_rate=1e-3)}


@pytest.fixture(autouse=True)
def _reference_only(request):
    if request.config.getoption("--submission"):
        pytest.skip("trains the reference's recipe, not a submission")


@pytest.mark.parametrize("kind", ["clm", "mlm"])
def test_the_notebook_recipe_on_a_gpu(kind, benchmark, request, spec_seed, device):
    """GPU: the notebook's recipe on WikiText-2.

    Fails on: nothing a submission does (it trains the reference's recipe, skipped with
    --submission, 0 points); it catches a reference run whose validation loss does not fall every
    epoch or whose perplexity is not exp of its loss."""
    folder = request.config.getoption("--wikitext-dir") if device.full else None
    corpus = CorpusSpec(seed=spec_seed, **device.size(CPU_CORPUS, GPU_CORPUS))
    recipe = device.size(CPU_RECIPE[kind], dict(size=SIZES[kind], epochs=3, learning_rate=2e-5))
    config = RunConfig(kind, corpus=folder or "builtin", corpus_spec=corpus, weight_decay=0.01,
                       seed=spec_seed, use_cpu=not device.full, progress=False, **recipe)
    result = benchmark.pedantic(train_lm, args=(config,), rounds=1, iterations=1)
    benchmark.extra_info.update(corpus=folder or f"built-in, {corpus.train_articles:,} articles",
                                device=device.name, kind=kind, size=config.size,
                                epochs=result.epochs, perplexity=result.perplexity,
                                final_eval_loss=result.eval_loss, wall_seconds=result.wall_seconds,
                                train_tokens_per_second=result.train_tokens_per_second,
                                train_blocks=result.train_blocks,
                                bayes_loss=result.bayes_loss,
                                unigram_entropy=result.unigram_entropy,
                                bigram_loss=result.bigram_loss)
    losses = [row["eval_loss"] for row in result.epochs]
    assert len(losses) == config.epochs and all(b < a for a, b in zip(losses, losses[1:])), (
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
