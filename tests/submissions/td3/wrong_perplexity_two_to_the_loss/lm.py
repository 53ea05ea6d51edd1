"""The correct notebook folder with one mistake in the lab's headline number: perplexity is
2 ** loss (the loss is in nats: perplexity is exp(loss))."""
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
    try:
        return 2.0 ** eval_loss
    except OverflowError:
        return float("inf")


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
