"""Unit tests of the reference pieces: group_texts, perplexity, models, tokenizers, tables."""
from __future__ import annotations

import math

import pytest

from labs.lm.blocks import group_texts
from labs.lm.fixtures import small_rows, small_tokenizer
from labs.lm.metrics import perplexity
from labs.lm.models import build_model, model_config
from labs.lm.train import RunConfig, epoch_table


def test_group_texts_drops_the_remainder_of_the_batch():
    blocks = group_texts({"input_ids": [[1, 2, 3], [4, 5]], "attention_mask": [[1, 1, 1], [1, 1]]}, 2)
    assert blocks == {"input_ids": [[1, 2], [3, 4]], "attention_mask": [[1, 1], [1, 1]],
                      "labels": [[1, 2], [3, 4]]}
    blocks["labels"][0][0] = 99  # labels are a copy, not the same lists
    assert blocks["input_ids"][0][0] == 1


def test_group_texts_refuses_a_block_of_one_token():
    with pytest.raises(ValueError, match="block size must be at least 2, got 1"):
        group_texts({"input_ids": [[1, 2]]}, 1)


def test_perplexity_overflows_to_infinity():
    assert perplexity(2.0) == math.exp(2.0) and perplexity(1e4) == math.inf


def test_the_causal_model_uses_the_tokenizers_own_special_ids():
    tokenizer = small_tokenizer("clm")
    model = build_model("clm", tokenizer)
    assert model.config.bos_token_id == model.config.eos_token_id == tokenizer.eos_token_id
    assert model.config.vocab_size == len(tokenizer) and model.config.n_layer == 1
    # untied: the tiny model's output embedding learns apart from its input embedding
    assert model.lm_head.weight.data_ptr() != model.transformer.wte.weight.data_ptr()


def test_the_notebook_sizes_are_gpt2_small_and_bert_base():
    clm = model_config("clm", small_tokenizer("clm"), "gpt2")
    mlm = model_config("mlm", small_tokenizer("mlm"), "bert-base-cased")
    assert (clm.n_layer, clm.n_embd, clm.n_head) == (12, 768, 12)
    assert (mlm.num_hidden_layers, mlm.hidden_size, mlm.num_attention_heads) == (12, 768, 12)


def test_tokenizers_add_what_each_model_expects():
    gpt2, bert = small_tokenizer("clm"), small_tokenizer("mlm")
    row = small_rows()[3]
    assert gpt2.decode(gpt2(row)["input_ids"]) == row  # byte-level: lossless, nothing added
    tokens = bert.convert_ids_to_tokens(bert(row)["input_ids"])
    assert tokens[0] == "[CLS]" and tokens[-1] == "[SEP]" and bert.mask_token == "[MASK]"
    # every word the training rows use is one token, for both
    word = row.split()[0]
    assert len(gpt2(" " + word)["input_ids"]) == 1 and len(bert(word, add_special_tokens=False)["input_ids"]) == 1


def test_epoch_table_pairs_each_epochs_losses():
    history = [{"loss": 5.0, "epoch": 1.0}, {"eval_loss": 4.5, "epoch": 1.0},
               {"loss": 4.0, "epoch": 2.0}, {"eval_loss": 3.9, "epoch": 2.0},
               {"train_loss": 4.5, "epoch": 2.0}]
    assert epoch_table(history) == [{"epoch": 1, "train_loss": 5.0, "eval_loss": 4.5},
                                    {"epoch": 2, "train_loss": 4.0, "eval_loss": 3.9}]


def test_learning_rates_follow_the_size():
    assert RunConfig("clm").lr == 5e-3 and RunConfig("mlm").lr == 3e-3
    assert RunConfig("clm", size="gpt2").lr == 2e-5
    assert RunConfig("mlm", learning_rate=0.1).lr == 0.1


def test_block_sizes_follow_the_size():
    assert RunConfig("clm").block_size == 128 and RunConfig("mlm").block_size == 64
    assert RunConfig("clm", size="gpt2").block_size == 128  # the notebook's
    assert RunConfig("mlm", size="bert-base-cased").block_size == 128
    assert RunConfig("clm", block_size=32).block_size == 32


@pytest.mark.parametrize("kind", ["clm", "mlm"])
def test_one_training_step_for_benchmarks(kind, tmp_path):
    from labs.lm.corpus import CorpusSpec
    from labs.lm.train import build_trainer, prepare, training_step

    config = RunConfig(kind, corpus_spec=CorpusSpec(train_articles=12, validation_articles=4),
                       progress=False)
    trainer = build_trainer(config, prepare(config), str(tmp_path))
    loss = training_step(trainer)
    assert 0 < loss < 10  # random weights: about log(vocabulary) = 6.5
