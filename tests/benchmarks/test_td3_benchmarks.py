"""TD 3 benchmarks (``pytest --benchmark``; skipped in the everyday run).

On the CPU: one training step (forward, backward, AdamW step on the first training batch)
and one evaluation of the validation split, for the tiny causal (CLM) and masked (MLM)
models on a small built-in corpus; each Trainer is built once per module.

On a GPU (gpu-marked): training tokens per second at GPT-2 small and BERT-base sizes, with
the hub models' vocabulary sizes so the embeddings and output layer cost what they do in the
notebook. The full recipe's wall time (3 epochs, both models) is measured by
``specs/td3/test_gpu_recipe.py``, which records it in its benchmark's ``extra_info``.
"""
from __future__ import annotations

import pytest

from labs.lm.fixtures import SMALL_CORPUS
from labs.lm.train import (RunConfig, build_trainer, datasets_progress, prepare, torch_threads,
                           training_step)
from labs.suite.devices import per

GPU_SIZES = {"clm": "gpt2", "mlm": "bert-base-cased"}
HUB_VOCAB_SIZES = {"clm": 50257, "mlm": 28996}  # gpt2's and bert-base-cased's tokenizers


def small_corpus_trainer(config, folder, model_builder=None):
    with datasets_progress(False):
        prepared = prepare(config)
    return build_trainer(config, prepared, str(folder), model_builder=model_builder)


@pytest.fixture(scope="module", params=["clm", "mlm"])
def tiny(request, tmp_path_factory):
    """(config, trainer) of the tiny ``kind`` model on the small built-in corpus."""
    config = RunConfig(request.param, corpus_spec=SMALL_CORPUS, epochs=1, progress=False)
    return config, small_corpus_trainer(config, tmp_path_factory.mktemp(request.param))


def test_lm_tiny_training_step(benchmark, tiny):
    config, trainer = tiny
    with torch_threads(config.threads):
        loss = benchmark(training_step, trainer)
    assert loss > 0


def test_lm_tiny_evaluation(benchmark, tiny):
    config, trainer = tiny
    with torch_threads(config.threads):
        metrics = benchmark(trainer.evaluate)
    assert metrics["eval_loss"] > 0
    benchmark.extra_info["validation_blocks"] = len(trainer.eval_dataset)


def vocabulary_model(vocab_size: int | None):
    """A model builder: the model at its size with ``vocab_size`` entries in its vocabulary
    (None: the tokenizer's; the ids stay the local tokenizer's)."""
    def build(kind, tokenizer, size):
        from transformers import BertForMaskedLM, GPT2LMHeadModel

        from labs.lm.models import model_config

        config = model_config(kind, tokenizer, size)
        config.vocab_size = vocab_size or config.vocab_size
        return GPT2LMHeadModel(config) if kind == "clm" else BertForMaskedLM(config)

    return build


@pytest.mark.parametrize("kind", ["clm", "mlm"])
def test_lm_training_tokens_per_second_on_gpu(benchmark, kind, device, tmp_path):
    """Training tokens per second at GPT-2 small and BERT-base sizes, with the hub tokenizers'
    vocabulary sizes, on a GPU, 10 steps after 2 warm-up steps (on the CPU: the tiny models
    with the local vocabulary, ``labs.suite.devices``; the hub's 50,257 entries made the tiny
    causal model's step 2.5 s instead of 0.05 s)."""
    config = RunConfig(kind, corpus_spec=SMALL_CORPUS, size=device.size("tiny", GPU_SIZES[kind]),
                       epochs=1, use_cpu=not device.full, progress=False)
    vocab_size = device.size(None, HUB_VOCAB_SIZES[kind])
    trainer = small_corpus_trainer(config, tmp_path, vocabulary_model(vocab_size))

    def synchronized_step():
        loss = training_step(trainer)
        device.synchronize()
        return loss

    with torch_threads(config.threads):
        loss = benchmark.pedantic(synchronized_step, rounds=10, iterations=1, warmup_rounds=2)
    assert loss > 0
    assert trainer.model.device.type == device.name
    tokens = config.batch_size * config.block_size
    median = benchmark.stats.stats.median if benchmark.stats else None
    benchmark.extra_info.update(device=device.name, size=config.size, tokens_per_step=tokens,
                                vocab_size=trainer.model.config.vocab_size,
                                corpus="built-in, small", tokens_per_s=per(tokens, median))
