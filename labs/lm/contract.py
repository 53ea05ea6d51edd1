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
locally trained tokenizers) and return plain data: the pieces (blocks, perplexity, one
collated batch, logits), a full training run, the masked model's masks over epochs
(dynamic masking) and the positions each model's loss averages over. The client
``LanguageModels`` (the specs' ``lm`` fixture) checks a run's shape.
"""
from __future__ import annotations

import dataclasses
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
from labs.lm.fixtures import small_blocks, small_rows, small_tokenizer
from labs.lm.train import RunConfig, train_lm
from labs.suite.client import ContractClient
from labs.suite.contract import ContractViolation, probe

MODULE = "lm"
REFERENCE = "labs.lm"
REQUIRED = {"group_texts", "perplexity", "make_collator"}
BONUS = {"build_model"}
# the training harness the probes run in the child, without the reference's group_texts,
# collator and perplexity; ``models`` builds the model a submission without the (bonus)
# build_model trains, so that one is within reach: see docs/grading.md; ``scores`` and what
# it uses measure a run against the corpus's bound and the count-based baselines
CHILD_MODULES = tuple(f"labs.lm.{name}" for name in (
    "baselines", "corpus", "data", "entropy", "fixtures", "mask_channel", "models", "scores",
    "tokenizer", "train", "trainer")) + ("labs.torch_threads",)
# the child's limits (6144 MB of address space: torch, transformers and datasets map about
# 2.4 GB) are TD 3's row of the one table, labs/suite/limits.py


def _plain(value: Any) -> np.ndarray:
    if isinstance(value, torch.Tensor):
        return value.detach().cpu().numpy()
    return np.asarray(value)


@probe
def probe_group_texts(impl, examples: dict, block_size: int) -> dict:
    result = impl.group_texts({key: [list(row) for row in rows] for key, rows in examples.items()},
                              block_size)
    if not hasattr(result, "keys"):
        raise ContractViolation(f"group_texts returned a {type(result).__name__}; "
                                "expected a dict of lists of blocks")
    return {str(key): [[int(token) for token in block] for block in result[key]] for key in result.keys()}


@probe(calls="group_texts")
def probe_group_texts_labels_alias(impl, examples: dict, block_size: int) -> dict:
    """Whether replacing the returned label blocks changes the returned input_ids: labels
    that are the inputs' own list, not a copy of it (the notebook's ``.copy()``, a copy of
    the list of blocks, is enough), so that whatever rewrites the labels rewrites the inputs."""
    result = impl.group_texts({key: [list(row) for row in rows] for key, rows in examples.items()},
                              block_size)
    if not hasattr(result, "keys") or "labels" not in result or "input_ids" not in result:
        raise ContractViolation("group_texts returned no dict with input_ids and labels")
    before = [[int(token) for token in block] for block in result["input_ids"]]
    labels = result["labels"]
    for index in range(len(labels)):
        labels[index] = [-100] * len(labels[index])
    after = [[int(token) for token in block] for block in result["input_ids"]]
    return {"blocks": len(before), "inputs_changed": before != after}


@probe
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


@probe(calls="make_collator and its collator", times=2)
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


@probe(calls="build_model")
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


@probe(calls="a training run with group_texts, make_collator, perplexity")
def probe_train(impl, kind: str, corpus: dict, seed: int, epochs: int | None) -> dict:
    """A full run with the submission's pieces.

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


@probe(calls="make_collator and its collator")
def probe_collate_epochs(impl, blocks: int, seed: int, epochs: int = 2) -> dict:
    """The same batch through ONE seeded collator once per epoch, as a Trainer does it:
    which positions carry a label (were selected) at each epoch."""
    tokenizer, features = _mlm_features(blocks)
    collator = impl.make_collator(tokenizer, seed=seed)
    selected = [_plain(collator([dict(f) for f in features])["labels"]) != -100
                for _ in range(epochs)]
    return {"selected": np.stack(selected)}


@probe(calls="group_texts and make_collator")
def probe_loss_positions(impl, blocks: int, seed: int) -> dict:
    """On the built-in corpus: how many positions per block each model's loss averages over
    (the causal model predicts every next token; the masked one only the selected tokens),
    and each tokenizer's vocabulary and token count for the same text."""
    rows = list(small_rows())
    clm_tokenizer = small_tokenizer("clm")
    clm_encoded = clm_tokenizer(rows)
    grouped = impl.group_texts(dict(clm_encoded), 128)
    clm_labels = np.array(grouped["labels"][:blocks])
    _, features = _mlm_features(blocks)
    mlm_tokenizer = small_tokenizer("mlm")
    mlm_labels = _plain(impl.make_collator(mlm_tokenizer, seed=seed)([dict(f) for f in features])["labels"])
    return {"clm_positions": float(np.mean(np.sum(clm_labels[:, 1:] != -100, axis=1))),
            "mlm_positions": float(np.mean(np.sum(mlm_labels != -100, axis=1))),
            "clm_vocabulary": len(clm_tokenizer), "mlm_vocabulary": len(mlm_tokenizer),
            "clm_tokens": sum(map(len, clm_encoded["input_ids"])),
            "mlm_tokens": sum(map(len, mlm_tokenizer(rows)["input_ids"]))}


DEFAULT_CORPUS = dataclasses.asdict(CorpusSpec())


class LanguageModels(ContractClient):
    """Calls into the submission (reference or student); optional parts skip in plain words."""

    def train(self, kind: str, seed: int, epochs: int | None = None, repeat: int | None = None,
              **corpus) -> dict | list[dict]:
        """A run on the built-in corpus drawn from ``seed`` (default size and epochs unless
        overridden); ``repeat=n``: a list of n runs of the same call, in one process."""
        spec = {**DEFAULT_CORPUS, **corpus, "seed": seed}
        runs = self.call(probe_train, kind, spec, seed, epochs, repeat=repeat)
        for run in (runs if repeat is not None else [runs]):
            logged = run["config"]["epochs"]
            assert len(run["epochs"]) == logged, (
                f"a {kind} run of {logged} epochs should log one training and one validation "
                f"loss per epoch; got {len(run['epochs'])} rows: {run['epochs']}")
        return runs
