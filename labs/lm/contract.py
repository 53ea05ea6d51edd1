"""TD 3's contract: what a student's ``lm.py`` provides, and how specs call it.

Required:

- ``group_texts(examples, block_size=128)``: a batch of tokenised rows (a dict of lists of
  lists, as ``Dataset.map(batched=True)`` passes it) to blocks of ``block_size`` tokens,
  remainder dropped, ``labels`` a copy of ``input_ids``;
- ``perplexity(eval_loss)``: ``exp(eval_loss)``, infinity on overflow;
- ``make_collator(tokenizer, seed=None)``: the masked model's collator (15% of tokens
  selected; of those 80% ``[MASK]``, 10% a random token, 10% kept); with a seed, a fresh
  collator draws the same masks for the same batch.

Bonus (not asked: its specs' points come on top): ``build_model(kind, tokenizer)``, ``kind``
"clm" or "mlm", a model with random weights (the causality specs use it; training falls
back to the lab's own model).

Probes run the student's functions on data the project builds (the built-in corpus and
locally trained tokenizers) and return plain data: the pieces (blocks, perplexity, one
collated batch, logits), each batch of a training run, the masked model's masks over epochs
(dynamic masking) and the positions each model's loss averages over. The client
``LanguageModels`` (the specs' ``lm`` fixture) trains a run on the trusted side, from those
pieces, and checks each field of a result when a spec reads it.
"""
from __future__ import annotations

import dataclasses
import itertools
import math
import uuid
import weakref
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
from labs.lm.train import RunConfig, run_tokenizer
from labs.suite.client import ContractClient, Fields
from labs.suite.contract import ContractViolation, SubmissionError, field_or_why, probe

MODULE = "lm"
REFERENCE = "labs.lm"
REQUIRED = {"group_texts", "perplexity", "make_collator"}
ASKED: set[str] = set()  # graded names a folder may lack (losing their specs' points)
BONUS = {"build_model"}
FUNCTIONS = {  # the handout's words for each name (python -m labs handout td3)
    "group_texts": ("group_texts(examples, block_size=128)",
                    "`examples`: a dict of columns, each a list of token lists (as "
                    "`Dataset.map(batched=True)` passes it). Concatenate each column, drop the "
                    "remainder, cut into blocks of `block_size`; `labels` a copy of `input_ids`. "
                    "Returns a dict of lists of blocks."),
    "perplexity": ("perplexity(eval_loss)",
                   "`exp(eval_loss)` (the loss is in nats); `float('inf')` on overflow."),
    "make_collator": ("make_collator(tokenizer, seed=None)",
                      "The masked model's collator: 15% of the tokens selected (never special "
                      "tokens), of those 80% `[MASK]`, 10% a random token, 10% kept; `labels` "
                      "the original token where selected, -100 elsewhere. A fresh collator with "
                      "a seed draws the same masks for the same batch; each call draws new "
                      "masks (dynamic masking: every epoch masks anew)."),
    "build_model": ("build_model(kind, tokenizer)",
                    "`kind` `\"clm\"` (GPT-2-like) or `\"mlm\"` (BERT-like): a model with "
                    "random weights; without it the harness trains the lab's own models."),
}
SKELETON = '''import math

from transformers import DataCollatorForLanguageModeling


def group_texts(examples, block_size=128):
    ...  # concatenate each column, drop the remainder, blocks of block_size; labels = input_ids


def perplexity(eval_loss):
    ...  # exp(eval_loss), inf on overflow


def make_collator(tokenizer, seed=None):
    ...  # 15% selected, 80/10/10; the same seed, the same masks
'''
# what the probes build in the child: the built-in corpus, its locally trained tokenizers and
# the small fixtures. The training harness is not among them: a run trains on the trusted
# side (``LanguageModels.train``), the child only answers the student's functions
CHILD_MODULES = tuple(f"labs.lm.{name}" for name in (
    "corpus", "data", "fixtures", "tokenizer", "train")) + ("labs.torch_threads",)
# the child's limits (6144 MB of address space: torch, transformers and datasets map about
# 2.4 GB) are TD 3's row of the one table, labs/sandbox/limits.py


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
    def tokens(key: Any) -> list[list[int]]:
        try:
            return [[int(token) for token in block] for block in result[key]]
        except (TypeError, ValueError):
            raise ContractViolation(f"group_texts' {key!r} is not a list of blocks of token "
                                    "ids") from None

    # each column on its own: a bad one fails only the specs that read it
    return {str(key): field_or_why(lambda key=key: tokens(key)) for key in result.keys()}


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
    def column(batch: Any, key: str) -> Any:
        def convert() -> np.ndarray:
            if key not in batch:
                raise ContractViolation(f"the collator's batch has no {key}")
            return _plain(batch[key])
        return field_or_why(convert)  # a bad column fails only the specs that read it

    outputs = []
    for _ in range(2):
        batch = impl.make_collator(tokenizer, seed=seed)([dict(f) for f in features])
        outputs.append((column(batch, "input_ids"), column(batch, "labels")))
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


def run_config(kind: str, corpus: dict, seed: int, epochs: int | None) -> RunConfig:
    """The configuration of a spec's training run (the same on both sides of the sandbox)."""
    return RunConfig(kind, corpus_spec=CorpusSpec(**corpus), seed=seed, epochs=epochs,
                     progress=False)


_COLLATORS: dict[str, Any] = {}  # in the child: the collators of the runs in progress


@probe(calls="make_collator and its collator")
def probe_collator_batch(impl, run: list, handle: str, seed: int, step: int,
                         features: list) -> dict:
    """One batch of a training run through the collator ``handle``: made on the run's first
    batch, with the run's tokenizer and ``seed``, then kept in this process, so that its
    masks go on changing from batch to batch and epoch to epoch as in a Trainer."""
    if handle not in _COLLATORS:
        _COLLATORS[handle] = impl.make_collator(_run_tokenizer(*run), seed=seed)
    # the rows travel as arrays (no per-token conversion on the wire); the collator gets
    # the lists a Trainer gives it
    batch = _COLLATORS[handle]([{key: value.tolist() if isinstance(value, np.ndarray) else value
                                 for key, value in f.items()} for f in features])
    if not hasattr(batch, "keys") or "input_ids" not in batch or "labels" not in batch:
        raise ContractViolation("the collator's batch has no input_ids or no labels")
    return {str(key): _plain(batch[key]) for key in batch.keys()}


_TOKENIZERS: dict[str, Any] = {}


def _run_tokenizer(kind: str, corpus: dict, seed: int, epochs: int | None) -> Any:
    key = repr((kind, corpus))
    if key not in _TOKENIZERS:
        _TOKENIZERS[key] = run_tokenizer(run_config(kind, corpus, seed, epochs))
    return _TOKENIZERS[key]


class _Collator:
    """A collator on the trusted side that has the submission's collate each batch."""

    def __init__(self, client: "LanguageModels", run: list, seed: int) -> None:
        self.client, self.run, self.seed = client, run, seed
        self.handle = uuid.uuid4().hex
        self.steps = itertools.count()

    def __call__(self, features: list[dict]) -> dict:
        plain = [{key: np.asarray(value) for key, value in f.items()} for f in features]
        batch = self.client.call(probe_collator_batch, self.run, self.handle, self.seed,
                                 next(self.steps), plain, cache=False)
        return {key: torch.as_tensor(np.asarray(value)) for key, value in batch.items()}


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
    """Calls into the submission (reference or student); a part it lacks is skipped as not
    provided; each field of a result is checked when a spec reads it."""

    def blocks(self, examples: dict, block_size: int) -> Fields:
        """group_texts' columns, each a list of blocks of token ids."""
        return Fields(self.call(probe_group_texts, examples, block_size),
                      f"group_texts(..., block_size={block_size})", {})

    def collate(self, blocks: int, seed: int) -> Fields:
        """One batch of ``blocks`` blocks through a fresh collator of ``seed``, twice: its
        ``input_ids`` and ``labels`` (and ``..._again``) each checked when read, with what
        it was made from (``original``, ``special``, ``mask_id``, ``vocab_size``)."""
        batch = self.call(probe_collate, blocks, seed)
        shape = batch["original"].shape

        def same_shape(key: str):
            def check(value: np.ndarray) -> None:
                assert value.shape == shape, (
                    f"the collator's {key} should have the batch's shape {shape} (blocks are "
                    f"already 128 tokens: nothing to pad); got {value.shape}")
            return check

        keys = ("input_ids", "labels", "input_ids_again", "labels_again")
        return Fields(batch, f"the collator (seed {seed})", {key: same_shape(key) for key in keys})

    def train(self, kind: str, seed: int, epochs: int | None = None, repeat: int | None = None,
              **corpus) -> dict | list[dict]:
        """A run on the built-in corpus drawn from ``seed`` (default size and epochs unless
        overridden); ``repeat=n``: a list of n runs of the same call.

        The run trains here, on the trusted side: the submission's ``group_texts`` makes
        the blocks, its collator each batch, its ``perplexity`` the perplexity, each called
        in its sandboxed child; the model, its training, its evaluation losses, the bound
        and the baselines are the harness's own, computed from those plain data."""
        spec = {**DEFAULT_CORPUS, **corpus, "seed": seed}
        key = repr((kind, spec, seed, epochs, repeat))
        runs = _RUNS.setdefault(self.bound, {})
        if key not in runs:
            done = [self._train(kind, spec, seed, epochs) for _ in range(repeat or 1)]
            runs[key] = done if repeat is not None else done[0]
        for run in (runs[key] if repeat is not None else [runs[key]]):
            logged = run["config"]["epochs"]
            assert len(run["epochs"]) == logged, (
                f"a {kind} run of {logged} epochs should log one training and one validation "
                f"loss per epoch; got {len(run['epochs'])} rows: {run['epochs']}")
        return runs[key]

    def _train(self, kind: str, corpus: dict, seed: int, epochs: int | None) -> dict:
        from labs.lm.train import train_lm

        run = [kind, corpus, seed, epochs]

        def group(rows: Any, block_size: int) -> dict:
            blocks = self.blocks({key: [list(row) for row in value]
                                  for key, value in rows.items()}, block_size)
            return {key: blocks[key] for key in blocks}  # training reads every column

        def perplexity_of(loss: float) -> float:
            answer = self.call(probe_perplexity, [float(loss)])[0]
            if answer["error"] is not None:
                raise SubmissionError(f"perplexity({float(loss)!r}) raised {answer['error']}")
            return answer["value"]

        result = train_lm(run_config(*run), group=group, perplexity_of=perplexity_of,
                          collator_factory=lambda tokenizer, seed: _Collator(self, run, seed))
        answer = result.as_dict()
        answer["perplexity_is_finite"] = math.isfinite(answer["perplexity"])
        return answer


_RUNS: "weakref.WeakKeyDictionary[Any, dict]" = weakref.WeakKeyDictionary()  # per submission
