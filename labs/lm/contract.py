"""TD 3's contract: what a student's ``lm.py`` provides, and how specs call it.

Required:

- ``group_texts(examples, block_size=128)``: a batch of tokenised rows (a dict of lists of
  lists, as ``Dataset.map(batched=True)`` passes it) to blocks of ``block_size`` tokens,
  remainder dropped, ``labels`` a copy of ``input_ids``;
- ``perplexity(eval_loss)``: ``exp(eval_loss)``, infinity on overflow;
- ``make_collator(tokenizer, seed=None)``: the masked model's collator (15% of tokens
  selected; of those 80% ``[MASK]``, 10% a random token, 10% kept); with a seed, a fresh
  collator draws the same masks for the same batch.

Optional: ``build_model(kind, tokenizer)``, ``kind`` "clm" or "mlm", a model with random
weights (the causality specs use it; training falls back to the reference model).

Probes run the student's functions on data the project builds (the built-in corpus and
locally trained tokenizers) and return plain data.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np

# Imported here, before the student's folder joins the path: a student file named like a
# library cannot shadow it.
import datasets  # noqa: F401
import tokenizers  # noqa: F401
import torch
import transformers  # noqa: F401

# the libraries' own warnings (transformers' "loss_type=None was set in the config") would
# land in a student's feedback with the captured output: only errors are the student's
transformers.logging.set_verbosity_error()

from labs.lm.corpus import CorpusSpec
from labs.lm.fixtures import small_blocks, small_tokenizer
from labs.lm.train import RunConfig, train_lm
from labs.suite.contract import ContractViolation

MODULE = "lm"
REFERENCE = "labs.lm.reference"
REQUIRED = {"group_texts", "perplexity", "make_collator"}
# probes that call the submission more than once: (what they call, how many calls), so that
# each call gets the per-call timeout and a timeout names the function
STUDENT_CALLS = {"collate": ("make_collator and its collator", 2),
                 "logits": ("build_model", 1),
                 "train": ("a training run with group_texts, make_collator, perplexity", 1)}
# the training harness the probes run in the child, without the reference's group_texts,
# collator and perplexity; ``models`` builds the model a submission without the (bonus)
# build_model trains, so that one is within reach: see docs/grading.md; ``scores`` and what
# it uses measure a run against the corpus's bound and the count-based baselines
CHILD_MODULES = tuple(f"labs.lm.{name}" for name in (
    "baselines", "corpus", "data", "entropy", "fixtures", "mask_channel", "models", "scores",
    "tokenizer", "train", "trainer")) + ("labs.torch_threads",)
# torch + transformers + datasets map about 2.4 GB of address space in the child (2048 MB
# fails with "failed to map segment"; a training probe peaks at 2.39 GB): the child's limit
MEMORY_MB = 3072


def _plain(value: Any) -> np.ndarray:
    if isinstance(value, torch.Tensor):
        return value.detach().cpu().numpy()
    return np.asarray(value)


def probe_group_texts(impl, examples: dict, block_size: int) -> dict:
    result = impl.group_texts({key: [list(row) for row in rows] for key, rows in examples.items()},
                              block_size)
    if not hasattr(result, "keys"):
        raise ContractViolation(f"group_texts returned a {type(result).__name__}; "
                                "expected a dict of lists of blocks")
    return {str(key): [[int(token) for token in block] for block in result[key]] for key in result.keys()}


def probe_perplexity(impl, losses: list) -> list:
    """Per loss, the value or the error it raised (an error is an answer too)."""
    answers = []
    for loss in losses:
        try:
            answers.append({"value": float(impl.perplexity(loss)), "error": None})
        except (ArithmeticError, ValueError, TypeError) as error:
            answers.append({"value": None, "error": f"{type(error).__name__}: {error}"})
    return answers


def _mlm_features(blocks: int) -> tuple[Any, list[dict]]:
    tokenizer = small_tokenizer("mlm")
    ids = small_blocks(tokenizer, 128)
    if len(ids) < blocks:
        raise ValueError(f"the small corpus has only {len(ids)} blocks")
    # what the notebook's tokenizer and grouping give a BERT-like model for each block
    return tokenizer, [{"input_ids": block, "attention_mask": [1] * len(block),
                        "labels": list(block)} for block in ids[:blocks]]


def probe_collate(impl, blocks: int, seed: int) -> dict:
    """One batch through a fresh seeded collator, twice, and what it was made from."""
    tokenizer, features = _mlm_features(blocks)
    original = np.array([f["input_ids"] for f in features])
    outputs = []
    for _ in range(2):
        batch = impl.make_collator(tokenizer, seed=seed)([dict(f) for f in features])
        if "input_ids" not in batch or "labels" not in batch:
            raise ContractViolation("the collator's batch has no input_ids or no labels")
        outputs.append((_plain(batch["input_ids"]), _plain(batch["labels"])))
    special = np.array([tokenizer.get_special_tokens_mask(row, already_has_special_tokens=True)
                        for row in original.tolist()], dtype=bool)
    return {"original": original, "input_ids": outputs[0][0], "labels": outputs[0][1],
            "input_ids_again": outputs[1][0], "labels_again": outputs[1][1], "special": special,
            "mask_id": int(tokenizer.mask_token_id), "vocab_size": len(tokenizer)}


def probe_logits(impl, kind: str, seed: int, length: int, mask_at: int | None,
                 change_at: int) -> dict:
    """Logits of a random-weight model on a real block, then with one token changed."""
    tokenizer = small_tokenizer(kind, 0)
    transformers.set_seed(seed)
    model = impl.build_model(kind, tokenizer)
    model.eval()
    tokens = small_blocks(tokenizer, length)[0]
    tokens = torch.tensor([tokens])
    if mask_at is not None:
        tokens[0, mask_at] = tokenizer.mask_token_id
    changed = tokens.clone()
    changed[0, change_at] = (int(tokens[0, change_at]) + 7) % len(tokenizer)  # another token
    with torch.no_grad():
        before, after = (_plain(model(input_ids=t).logits[0]).astype(np.float64)
                         for t in (tokens, changed))
    return {"before": before, "after": after}


def probe_train(impl, kind: str, corpus: dict, seed: int, epochs: int | None,
                attempt: int = 0) -> dict:
    """A full run with the submission's pieces (``attempt`` only tells repeated runs apart).

    The model is the harness's tiny model for every submission, a ``build_model`` of its own
    included: the learning thresholds are calibrated on that model, and the lab asks for the
    data pipeline and the perplexity, not for an architecture (``build_model`` is checked by
    its own bonus specs)."""
    result = train_lm(RunConfig(kind, corpus_spec=CorpusSpec(**corpus), seed=seed, epochs=epochs,
                                progress=False),
                      group=impl.group_texts, collator_factory=impl.make_collator,
                      perplexity_of=impl.perplexity)
    answer = result.as_dict()
    answer["perplexity_is_finite"] = math.isfinite(answer["perplexity"])
    return answer


PROBES = {
    "group_texts": probe_group_texts,
    "perplexity": probe_perplexity,
    "collate": probe_collate,
    "logits": probe_logits,
    "train": probe_train,
}
