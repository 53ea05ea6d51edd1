"""Where the texts come from: the built-in corpus (default), WikiText-2 from the hub, or a folder.

Every source gives a ``datasets.DatasetDict`` with ``train`` and ``validation`` splits of
rows ``{"text": ...}``, as ``load_dataset("wikitext", "wikitext-2-raw-v1")`` does.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from labs.lm.corpus import CorpusSpec, MarkovSource, generate

BLOCK_SIZE = 128  # the notebook's block size

BUILTIN = "builtin"
WIKITEXT = "wikitext-2-raw-v1"
# The original release's file names, then the hub's parquet layout (either may be given).
RAW_FILES = {"train": "wiki.train.raw", "validation": "wiki.valid.raw"}
PARQUET_PATTERNS = {"train": "train-*.parquet", "validation": "validation-*.parquet"}


@dataclass
class Texts:
    dataset: Any  # datasets.DatasetDict: train, validation
    source: MarkovSource | None  # the built-in corpus's chain (None for real text)
    name: str


def check_corpus_name(name: str) -> None:
    if name in (BUILTIN, WIKITEXT):
        return
    if not Path(name).is_dir():
        raise ValueError(f"unknown corpus {name!r}: use {BUILTIN}, {WIKITEXT} or an existing "
                         "folder holding wiki.train.raw and wiki.valid.raw")


def load_texts(name: str = BUILTIN, spec: CorpusSpec = CorpusSpec()) -> Texts:
    from datasets import Dataset, DatasetDict

    check_corpus_name(name)
    if name == BUILTIN:
        corpus = generate(spec)
        dataset = DatasetDict({"train": Dataset.from_dict({"text": corpus.train}),
                               "validation": Dataset.from_dict({"text": corpus.validation})})
        return Texts(dataset, corpus.source, f"built-in corpus (seed {spec.seed}, "
                     f"{spec.train_articles} + {spec.validation_articles} articles)")
    if name == WIKITEXT:
        return Texts(load_hub_wikitext(), None, "WikiText-2 raw (hub)")
    return Texts(load_folder(Path(name)), None, f"WikiText files in {name}")


def load_hub_wikitext() -> Any:
    from datasets import load_dataset

    try:
        dataset = load_dataset("wikitext", WIKITEXT)
    except Exception as error:  # datasets raises several kinds when the hub is unreachable
        raise OSError(f"cannot load wikitext/{WIKITEXT} from the Hugging Face hub "
                      f"({type(error).__name__}); offline, use --corpus builtin, or --corpus DIR "
                      "with a local copy of wiki.train.raw and wiki.valid.raw") from None
    return dataset.remove_columns([c for c in dataset["train"].column_names if c != "text"])


def load_folder(folder: Path) -> Any:
    """A local WikiText-2 raw copy: the original ``wiki.*.raw`` files or the hub's parquet files.

    Read into memory (no cache files written next to the user's data). Raw lines become rows
    as the hub's loading script makes them: each line with its line break, blank lines "".
    """
    import pyarrow.parquet as pq
    from datasets import Dataset, DatasetDict

    if all((folder / f).is_file() for f in RAW_FILES.values()):
        splits = {}
        for split, name in RAW_FILES.items():
            lines = (folder / name).read_text(encoding="utf-8").splitlines(keepends=True)
            splits[split] = Dataset.from_dict({"text": [l if l.strip() else "" for l in lines]})
        return DatasetDict(splits)
    parquet = {split: sorted(folder.rglob(pattern)) for split, pattern in PARQUET_PATTERNS.items()}
    if all(parquet.values()):
        return DatasetDict({split: Dataset.from_dict({"text": [row for path in paths for row in
                                                               pq.read_table(path, columns=["text"])
                                                               .column("text").to_pylist()]})
                            for split, paths in parquet.items()})
    raise ValueError(f"{folder} holds neither wiki.train.raw and wiki.valid.raw nor "
                     "train-*.parquet and validation-*.parquet")


def tokenize_and_group(dataset: Any, tokenizer: Any, block_size: int,
                       group: Callable) -> Any:
    """A ``datasets.DatasetDict`` of rows ``{"text": ...}`` to blocks (the notebook's two maps).

    The map batches are the library's default (1,000 rows), so the remainder dropped is that
    of each batch, as in the notebook.
    """
    columns = dataset["train"].column_names
    tokenized = _map(dataset, lambda rows: tokenizer(rows["text"]), remove_columns=columns)
    return _map(tokenized, lambda rows: group(rows, block_size))


def _map(dataset: Any, function: Callable, **kwargs: Any) -> Any:
    """``dataset.map(function, batched=True)``, split by split. A split held in memory (the
    built-in corpus, a folder) gets a fingerprint of its own: datasets would otherwise hash
    ``function`` with dill to name a cache file such a split never writes, its closure
    included (the tokenizer, a submission's client): about 2 s of each TD 3 run (profiled:
    the two default runs' preparation went from 7.7 s to 3.7 s).
    A split read from files (the hub's) keeps the library's hashing and its cache."""
    from datasets import DatasetDict

    def fingerprint(split: Any) -> str | None:
        return None if split.cache_files else uuid.uuid4().hex

    return DatasetDict({name: split.map(function, batched=True, desc=None,
                                        new_fingerprint=fingerprint(split), **kwargs)
                        for name, split in dataset.items()})
