"""One language-model run as the notebook does it: tokenise, group, Trainer, perplexity.

``train_lm(RunConfig(kind="clm"))`` returns the per-epoch table (train loss, validation
loss), the final evaluation and its perplexity, and, on the built-in corpus with the causal
model, the Bayes loss of the truth on the same validation blocks. The pieces a student
writes (``group_texts``, the collator, ``perplexity``) can be swapped in.

The same function runs unchanged under ``torchrun``/``accelerate launch``: the Trainer sets
up the process group itself, and only the main process writes.
"""
from __future__ import annotations

import os
import tempfile
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from typing import Any, Callable, Iterator

from labs.lm.data import WIKITEXT, Texts, load_texts, tokenize_and_group
# RunConfig lives in run_config (read without torch by the CLI); importable from here too
from labs.lm.run_config import RunConfig
from labs.torch_threads import torch_threads

# what this module imports above, for the worker tree of a contract that lists this module
# (labs.sandbox.worker_tree): the run configuration and what it reads
CHILD_MODULES = ("labs.lm.run_config", "labs.lm.sizes", "labs.dataclass_options")


@dataclass
class RunResult:
    kind: str
    epochs: list[dict[str, float]]  # per epoch: epoch, train_loss, eval_loss
    eval_loss: float  # a last evaluation after training, as the notebook does
    perplexity: float
    # built-in corpus only (None otherwise), all on the positions the model is scored on:
    bayes_loss: float | None  # causal: the truth's own loss; masked: a lower bound (labs.lm.scores)
    entropy_rate: float | None  # the chain's nats per symbol
    unigram_entropy: float | None  # word frequencies alone, counted with this run's tokenizer
    train_blocks: int
    validation_blocks: int
    vocab_size: int
    wall_seconds: float
    train_tokens_per_second: float
    config: dict[str, Any]
    bigram_loss: float | None = None  # built-in corpus: a count-based bigram model

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class CorpusTooSmall(ValueError):
    """The corpus asked for holds no block of the size asked for (bad input, not a bug)."""


@dataclass
class Prepared:
    texts: Texts
    tokenizer: Any
    blocks: Any  # DatasetDict of blocks: input_ids, attention_mask (, token_type_ids), labels


def run_tokenizer(config: RunConfig, texts: Texts | None = None) -> Any:
    """The run's tokenizer: trained locally on its training texts (the same for the same
    config, in any process), or the hub's."""
    from labs.lm.tokenizer import hub_tokenizer, train_tokenizer

    if config.corpus == WIKITEXT:
        return hub_tokenizer(config.kind)
    texts = texts or load_texts(config.corpus, config.corpus_spec)
    return train_tokenizer(config.kind, texts.dataset["train"]["text"])


def prepare(config: RunConfig, group: Callable | None = None) -> Prepared:
    """Texts, a tokenizer for them (trained locally unless from the hub), blocks
    (``group``: the student's ``group_texts``; default the reference's)."""
    if group is None:
        from labs.lm.blocks import group_texts as group

    texts = load_texts(config.corpus, config.corpus_spec)
    tokenizer = run_tokenizer(config, texts)
    blocks = tokenize_and_group(texts.dataset, tokenizer, config.block_size, group)
    for split in ("train", "validation"):
        if len(blocks[split]) == 0:
            raise CorpusTooSmall(f"the {split} split has fewer than {config.block_size} tokens: "
                             "no block to train or evaluate on; use a larger corpus")
    return Prepared(texts, tokenizer, blocks)


def training_arguments(config: RunConfig, output_dir: str) -> Any:
    from transformers import TrainingArguments

    return TrainingArguments(
        output_dir=output_dir, num_train_epochs=config.epochs, learning_rate=config.lr,
        weight_decay=config.weight_decay, warmup_steps=config.warmup_share,
        per_device_train_batch_size=config.batch_size,
        per_device_eval_batch_size=config.batch_size, eval_strategy="epoch",
        logging_strategy="epoch", save_strategy="no", report_to=[], seed=config.seed,
        use_cpu=config.use_cpu, disable_tqdm=True, dataloader_num_workers=0)


def build_trainer(config: RunConfig, prepared: Prepared, output_dir: str,
                  collator_factory: Callable | None = None,
                  model_builder: Callable | None = None) -> Any:
    """The notebook's Trainer for ``config`` (weights seeded by ``config.seed``)."""
    from transformers import set_seed

    from labs.lm.models import build_model
    from labs.lm.trainer import PinnedEvaluationTrainer

    if collator_factory is None:
        from labs.lm.collator import make_collator as collator_factory

    set_seed(config.seed)
    model = (model_builder or build_model)(config.kind, prepared.tokenizer, config.size)
    extra: dict[str, Any] = {}
    if config.kind == "mlm":
        extra["data_collator"] = collator_factory(prepared.tokenizer, seed=config.seed)
        extra["evaluation_collator"] = lambda: collator_factory(prepared.tokenizer, seed=config.seed + 1)
    # the causal model uses the Trainer's default collator: blocks already carry their labels
    trainer = PinnedEvaluationTrainer(model=model, args=training_arguments(config, output_dir),
                                      train_dataset=prepared.blocks["train"],
                                      eval_dataset=prepared.blocks["validation"], **extra)
    from transformers import PrinterCallback

    trainer.remove_callback(PrinterCallback)  # the log dicts it prints: one line per epoch instead
    if config.progress:
        from labs.lm.progress import EpochLines

        trainer.add_callback(EpochLines())
    return trainer


@contextmanager
def datasets_progress(shown: bool) -> Iterator[None]:
    """Hide the ``datasets`` map progress bars (unless ``shown``), then restore them; and
    drop transformers' notice that a config's ``loss_type=None`` falls back to the default
    loss (printed once per model, it says nothing about the run): its other warnings stay."""
    from datasets.utils import logging as datasets_logging

    from transformers.utils import logging as transformers_logging

    before = datasets_logging.is_progress_bar_enabled()
    if not shown:
        datasets_logging.disable_progress_bar()
    handlers = transformers_logging.get_logger().handlers  # the library's own stderr handler
    for handler in handlers:
        handler.addFilter(_drop_loss_type_notice)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(_drop_loss_type_notice)
        if before:
            datasets_logging.enable_progress_bar()


def _drop_loss_type_notice(record) -> bool:
    return "`loss_type=None`" not in record.getMessage()


def training_step(trainer: Any) -> float:
    """One forward pass, backward pass and optimiser step on the first training batch.

    For benchmarks: the Trainer's own AdamW (weight decay as configured) and data loader.
    """
    trainer.create_optimizer()
    model = trainer.model.train()
    batch = next(iter(trainer.get_train_dataloader()))
    loss = model(**batch).loss
    loss.backward()
    trainer.optimizer.step()
    trainer.optimizer.zero_grad()
    return float(loss.detach())


def epoch_table(log_history: list[dict[str, Any]]) -> list[dict[str, float]]:
    """Per epoch, the train loss logged at its end and the evaluation loss run after it."""
    rows: dict[int, dict[str, float]] = {}
    for entry in log_history:
        epoch = round(entry.get("epoch", 0))
        if "loss" in entry:
            rows.setdefault(epoch, {"epoch": epoch})["train_loss"] = float(entry["loss"])
        if "eval_loss" in entry:
            rows.setdefault(epoch, {"epoch": epoch})["eval_loss"] = float(entry["eval_loss"])
    return [rows[e] for e in sorted(rows) if {"train_loss", "eval_loss"} <= rows[e].keys()]


def corpus_scores(config: RunConfig, prepared: Prepared, trainer: Any) -> Any:
    """The bound and the count-based baselines (``labs.lm.scores``); None off the built-in corpus."""
    import numpy as np

    from labs.lm.scores import causal_scores, masked_scores

    source = prepared.texts.source
    if source is None:
        return None
    train_blocks = np.array(prepared.blocks["train"]["input_ids"])
    if config.kind == "clm":
        return causal_scores(source, prepared.tokenizer, train_blocks,
                             np.array(prepared.blocks["validation"]["input_ids"]))
    # replaying the evaluation loader draws the masks the model was scored on (seeded)
    loader = trainer.get_eval_dataloader()
    return masked_scores(source, prepared.tokenizer, train_blocks, list(loader), loader.collate_fn)


def train_lm(config: RunConfig, group: Callable | None = None,
             collator_factory: Callable | None = None, perplexity_of: Callable | None = None,
             model_builder: Callable | None = None, output_dir: str | None = None) -> RunResult:
    """Train ``config``'s model and evaluate it every epoch; return the documented numbers.

    ``group``, ``collator_factory``, ``perplexity_of``, ``model_builder``: a student's pieces;
    each left out is the reference's, imported only then (a sandboxed child, which gets
    every piece but maybe the model from the student, never imports them).
    """
    if perplexity_of is None:
        from labs.lm.metrics import perplexity as perplexity_of

    start = time.perf_counter()
    # the maps over an in-memory corpus take a blink: their bars are noise even in a shown run
    with datasets_progress(False):
        prepared = prepare(config, group)
    with tempfile.TemporaryDirectory(prefix="lm-trainer-") as scratch, \
            torch_threads(config.threads), datasets_progress(False):
        trainer = build_trainer(config, prepared, output_dir or scratch, collator_factory, model_builder)
        trainer.train()
        final = trainer.evaluate()  # the notebook evaluates once more for its perplexity
        scores = corpus_scores(config, prepared, trainer)
    entropy_rate = None if prepared.texts.source is None else prepared.texts.source.entropy_rate()
    wall = time.perf_counter() - start
    train_tokens = len(prepared.blocks["train"]) * config.block_size * config.epochs
    return RunResult(
        kind=config.kind, epochs=epoch_table(trainer.state.log_history),
        eval_loss=float(final["eval_loss"]), perplexity=float(perplexity_of(final["eval_loss"])),
        bayes_loss=scores and scores.bound, entropy_rate=entropy_rate,
        unigram_entropy=scores and scores.word_frequencies, bigram_loss=scores and scores.bigram,
        train_blocks=len(prepared.blocks["train"]),
        validation_blocks=len(prepared.blocks["validation"]), vocab_size=len(prepared.tokenizer),
        wall_seconds=wall, train_tokens_per_second=train_tokens / wall,
        config={**asdict(replace(config, progress=False)), "learning_rate": config.lr,
                "warmup": config.warmup_share})


def finish_distributed() -> None:
    """Close the process group torchrun's processes share, or torchrun reports a failure."""
    import torch.distributed as dist

    if dist.is_available() and dist.is_initialized():
        dist.destroy_process_group()


def is_main_process() -> bool:
    """Rank 0 of the process group when there is one (ask before ``finish_distributed``)."""
    import torch.distributed as dist

    if dist.is_available() and dist.is_initialized():
        return dist.get_rank() == 0
    return int(os.environ.get("RANK", "0")) == 0
