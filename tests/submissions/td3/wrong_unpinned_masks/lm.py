"""TD 3 with two mistakes: the collator ignores its seed (masks drawn afresh at every
evaluation, as in the report's MLM run), and perplexity crashes on overflow."""
import math

from transformers import DataCollatorForLanguageModeling


def group_texts(examples, block_size=128):
    concatenated = {k: sum(examples[k], []) for k in examples.keys()}
    total_length = (len(concatenated["input_ids"]) // block_size) * block_size
    result = {k: [t[i:i + block_size] for i in range(0, total_length, block_size)]
              for k, t in concatenated.items()}
    result["labels"] = result["input_ids"].copy()
    return result


def perplexity(eval_loss):
    return math.exp(eval_loss)


def make_collator(tokenizer, seed=None):
    return DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm_probability=0.15)
