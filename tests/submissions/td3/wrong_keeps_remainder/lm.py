"""TD 3 with one mistake: group_texts keeps the short last block instead of dropping it."""
import math

from transformers import DataCollatorForLanguageModeling


def group_texts(examples, block_size=128):
    result = {}
    for key, rows in examples.items():
        stream = [token for row in rows for token in row]
        result[key] = [stream[i:i + block_size] for i in range(0, len(stream), block_size)]
    result["labels"] = [list(block) for block in result["input_ids"]]
    return result


def perplexity(eval_loss):
    try:
        return math.exp(eval_loss)
    except OverflowError:
        return math.inf


def make_collator(tokenizer, seed=None):
    return DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm_probability=0.15, seed=seed)
