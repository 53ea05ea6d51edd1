"""Where texts come from: the built-in corpus, or a local WikiText-2 copy (raw or parquet)."""
from __future__ import annotations

import pytest

from labs.lm.data import load_texts

RAW = " \n = Valkyria Chronicles III = \n \n Senjō no Valkyria 3 is a game . \n"


def test_the_builtin_corpus_has_train_and_validation_rows():
    texts = load_texts("builtin")
    assert set(texts.dataset) == {"train", "validation"} and texts.source is not None
    assert texts.dataset["train"].column_names == ["text"]


def test_a_folder_of_raw_files_reads_like_the_hub(tmp_path):
    for name in ("wiki.train.raw", "wiki.valid.raw"):
        (tmp_path / name).write_text(RAW, encoding="utf-8")
    texts = load_texts(str(tmp_path))
    assert texts.source is None
    assert texts.dataset["train"]["text"] == ["", " = Valkyria Chronicles III = \n", "",
                                              " Senjō no Valkyria 3 is a game . \n"]


def test_a_folder_of_hub_parquet_files(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    for split in ("train", "validation"):
        pq.write_table(pa.table({"text": ["", " = A = \n", " b c . \n"]}),
                       tmp_path / f"{split}-00000-of-00001.parquet")
    assert load_texts(str(tmp_path)).dataset["validation"]["text"] == ["", " = A = \n", " b c . \n"]


def test_a_folder_without_wikitext_files_is_refused(tmp_path):
    with pytest.raises(ValueError, match="holds neither wiki.train.raw"):
        load_texts(str(tmp_path))


def test_an_unreachable_hub_names_the_offline_alternatives(monkeypatch):
    import datasets

    def offline(*args, **kwargs):
        raise ConnectionError("Couldn't reach 'wikitext' on the Hub (LocalEntryNotFoundError)")

    monkeypatch.setattr(datasets, "load_dataset", offline)
    with pytest.raises(OSError, match="offline, use --corpus builtin, or --corpus DIR"):
        load_texts("wikitext-2-raw-v1")


def test_an_unreachable_hub_tokenizer_names_the_offline_alternatives(monkeypatch):
    import transformers

    from labs.lm.tokenizer import hub_tokenizer

    def offline(*args, **kwargs):
        raise OSError("We couldn't connect to 'https://huggingface.co'")

    monkeypatch.setattr(transformers.AutoTokenizer, "from_pretrained", offline)
    with pytest.raises(OSError, match="cannot load the tokenizer sgugger/gpt2-like-tokenizer"):
        hub_tokenizer("clm")
