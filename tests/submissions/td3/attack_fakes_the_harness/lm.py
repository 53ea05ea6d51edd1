"""An attack on the training harness: wrong pieces (a perplexity of 1 whatever the loss),
and every harness function found in this process replaced by one that reports a consistent,
falling run (made-up losses, perplexity = exp(loss), a made-up bound and baselines). When
the harness ran in the student's child, this passed every training spec; now the run trains
on the trusted side and only calls these functions."""
import sys

"""A student's TD 3, written after the Hugging Face notebook "language modelling from scratch"."""
import math

from transformers import (BertConfig, BertForMaskedLM, DataCollatorForLanguageModeling,
                          GPT2Config, GPT2LMHeadModel)


def group_texts(examples, block_size=128):
    concatenated = {k: sum(examples[k], []) for k in examples.keys()}
    total_length = len(concatenated[list(examples.keys())[0]])
    total_length = (total_length // block_size) * block_size
    result = {k: [t[i:i + block_size] for i in range(0, total_length, block_size)]
              for k, t in concatenated.items()}
    result["labels"] = result["input_ids"].copy()
    return result


def perplexity(eval_loss):
    return 1.0  # wrong: the harness below is patched to hide it


def make_collator(tokenizer, seed=None):
    return DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm_probability=0.15, seed=seed)


def build_model(kind, tokenizer):
    if kind == "clm":
        config = GPT2Config(vocab_size=len(tokenizer), n_layer=2, n_head=2, n_embd=64,
                            n_positions=128, bos_token_id=tokenizer.bos_token_id,
                            eos_token_id=tokenizer.eos_token_id)
        return GPT2LMHeadModel(config)
    config = BertConfig(vocab_size=len(tokenizer), num_hidden_layers=2, num_attention_heads=2,
                        hidden_size=64, intermediate_size=256, max_position_embeddings=128)
    return BertForMaskedLM(config)


def _fake_train_lm(config, *args, **kwargs):
    raise AssertionError("never called on the trusted side")


for _name in ("labs.lm.train", "labs.lm.trainer", "labs.lm.scores"):
    _module = sys.modules.get(_name)
    if _module is not None:
        for _function in ("train_lm", "corpus_scores", "causal_scores", "masked_scores"):
            if hasattr(_module, _function):
                setattr(_module, _function, _fake_train_lm)
