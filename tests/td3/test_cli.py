"""``python -m labs lm``, ``python -m labs reproduce td3``: outputs written, bad input exit 2."""
from __future__ import annotations

import json
import math

import pytest

from labs.cli import main
from labs.lm.corpus import CorpusSpec
from labs.lm.report_check import check_report

SMALL = ["--articles", "16", "--epochs", "1", "--no-progress"]


def test_lm_writes_a_table_that_check_report_accepts(tmp_path, capsys):
    assert main(["lm", "clm", *SMALL, "--out", str(tmp_path)]) == 0
    assert "The entropy bound" in capsys.readouterr().out
    numbers = json.loads((tmp_path / "table.json").read_text())["clm"]
    assert numbers["perplexity"] == math.exp(numbers["final_eval_loss"])
    assert (tmp_path / "loss_curves.png").stat().st_size > 1000
    failed = [c for c in check_report(tmp_path / "table.json") if not c.holds]
    assert failed == []  # one epoch: nothing to decrease, perplexity consistent


@pytest.mark.parametrize("arguments, message", [
    (["clm", "--corpus", "nowhere"], "unknown corpus 'nowhere'"),
    (["clm", "--block-size", "1"], "--block-size must be an integer >= 2, got 1"),
    (["mlm", "--epochs", "0"], "epochs must be an integer >= 1, got 0"),
    (["clm", "--size", "bert-base-cased"], "unknown size 'bert-base-cased' for clm"),
    (["mlm", "--articles", "0"], "articles must be at least 1, got 0"),
    (["clm", "--block-size", "256"], "block size 256 exceeds the tiny clm model's 128 positions"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, arguments, message):
    assert main(["lm", *arguments, "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_corpus_too_small_for_one_block_is_refused(tmp_path, capsys):
    arguments = ["--articles", "1", "--size", "gpt2", "--block-size", "1024"]
    assert main(["lm", "clm", *arguments, "--out", str(tmp_path)]) == 2
    assert "fewer than 1024 tokens" in capsys.readouterr().err


@pytest.mark.slow  # a run end to end in processes of its own: seconds
def test_reproduce_writes_both_tables_curves_and_the_bound(tmp_path):
    from labs.lm.reproduce import reproduce

    results = reproduce(tmp_path, CorpusSpec(train_articles=16, validation_articles=4), epochs=1)
    assert [r.kind for r in results] == ["clm", "mlm"]
    numbers = json.loads((tmp_path / "table.json").read_text())
    assert set(numbers) == {"clm", "mlm"}
    for kind in ("clm", "mlm"):  # the bound under the baselines, per model and tokenizer
        row = numbers[kind]
        assert 0 < row["bayes_loss"] < row["bigram_loss"] < row["unigram_entropy"], (kind, row)
        assert row["final_eval_loss"] > 0 and row["wall_seconds"] > 0
    assert numbers["clm"]["unigram_entropy"] != numbers["mlm"]["unigram_entropy"]
    text = (tmp_path / "table.md").read_text()
    assert "causal LM (GPT-2-like)" in text and "masked LM (BERT-like)" in text
    assert text.count("| word frequencies alone") == 2 and text.count("| count-based bigram") == 2
    assert "entropy bound" in text and "lower bound" in text
    assert (tmp_path / "loss_curves.png").exists()


def test_reproduce_td3_is_registered():
    from labs.reproduce import REPRODUCERS

    assert REPRODUCERS["td3"] == ("labs.lm.reproduce",)


def test_the_stated_positions_are_the_libraries_own():
    """``labs.lm.sizes`` states the notebook's sizes' positions (for the CLI, which checks a
    block size before transformers loads): they are those of GPT2Config and BertConfig."""
    from transformers import BertConfig, GPT2Config

    from labs.lm.sizes import SIZES, max_positions

    assert max_positions("clm", "gpt2") == GPT2Config().n_positions
    assert max_positions("mlm", "bert-base-cased") == BertConfig().max_position_embeddings
    assert SIZES["clm"]["gpt2"] == {"n_positions": GPT2Config().n_positions}


def test_a_shown_run_prints_one_line_per_epoch_and_the_table(tmp_path, capfd):
    """What `lm` shows is one line per epoch and the table: not the Trainer's progress bars
    and log dicts, nor the datasets maps' bars, nor transformers' "loss_type=None" notice;
    and 1 epoch is "1 epoch"."""
    shown = [a for a in SMALL if a != "--no-progress"]
    assert main(["lm", "clm", *shown, "--out", str(tmp_path)]) == 0
    out, err = capfd.readouterr()
    assert "Map:" not in out + err and "loss_type" not in out + err
    assert "it/s" not in out + err and "{'loss'" not in out and "'eval_loss'" not in out
    progress = [line for line in out.splitlines() if line.startswith("epoch ")]
    assert len(progress) == 1 and progress[0].startswith("epoch 1/1: training loss ")
    assert "1 epoch," in out and "1 epochs" not in out
