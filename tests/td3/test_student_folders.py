"""The TD 3 specs on example student folders, each in its own pytest process.

Marked slow: every folder costs a pytest process and a sandboxed child importing torch
and transformers (about 8-20 s each on 2 shared cores). The training specs are left out
here (they would train 4 models per folder); ``docs/td3.md`` shows how to run them.
The child's address-space limit is TD 3's in ``labs.sandbox.limits``, 6144 MB (torch +
transformers map more than the default 2048 MB; a training run peaks at 2.4 GB of address space).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from labs.grading.points import POINTS
from labs.suite import spec_runs

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ROOT / "tests" / "submissions" / "td3"
CHEAP_SPECS = ["test_blocks.py", "test_perplexity.py", "test_collator.py", "test_causality.py"]


def run_specs(folder: str, files: list[str]) -> dict[str, str]:
    """Outcome ('passed', 'failed', 'skipped') of each spec of ``files`` on one folder;
    the child's memory limit is TD 3's (``labs.sandbox.limits``)."""
    return spec_runs.run_specs([str(ROOT / "specs" / "td3" / f) for f in files], FOLDERS / folder)


@pytest.mark.slow
def test_the_notebook_folder_passes_every_spec():
    outcomes = run_specs("correct_notebook", CHEAP_SPECS)
    assert len(outcomes) >= 19
    assert [name for name, outcome in outcomes.items() if outcome != "passed"] == []


@pytest.mark.slow
def test_keeping_the_remainder_is_caught():
    outcomes = run_specs("wrong_keeps_remainder", ["test_blocks.py", "test_causality.py"])
    assert outcomes["test_every_block_has_block_size_tokens[128-clm]"] == "failed"
    assert outcomes["test_a_batch_shorter_than_a_block_gives_no_block"] == "failed"
    assert outcomes["test_labels_equal_inputs[mlm]"] == "passed"
    assert outcomes["test_the_causal_model_cannot_see_the_future"] == "skipped"  # no build_model


@pytest.mark.slow
def test_unpinned_masks_and_overflow_are_caught():
    outcomes = run_specs("wrong_unpinned_masks", ["test_perplexity.py", "test_collator.py"])
    assert outcomes["test_the_same_seed_draws_the_same_masks"] == "failed"
    assert outcomes["test_perplexity_is_infinite_on_overflow"] == "failed"
    assert outcomes["test_perplexity_is_exp_of_the_loss_exactly"] == "passed"
    assert outcomes["test_about_15_percent_of_tokens_are_selected"] == "passed"


@pytest.mark.slow
def test_perplexity_as_two_to_the_loss_fails_only_the_headline_spec():
    """One mistake in the headline number: its spec fails, and overflow (2 ** 1000 is finite),
    which builds on it and is explained by it in the grade (charged once, 15 points)."""
    outcomes = run_specs("wrong_perplexity_two_to_the_loss", CHEAP_SPECS)
    assert [name for name, outcome in outcomes.items() if outcome == "failed"] == [
        "test_perplexity_is_exp_of_the_loss_exactly", "test_perplexity_is_infinite_on_overflow"]
    assert POINTS["td3"]["test_perplexity.py::test_perplexity_is_infinite_on_overflow"].after == (
        "test_perplexity.py::test_perplexity_is_exp_of_the_loss_exactly",)


@pytest.mark.slow
def test_masking_half_the_tokens_fails_only_the_15_percent_spec():
    outcomes = run_specs("wrong_masks_half_the_tokens", CHEAP_SPECS)
    assert [name for name, outcome in outcomes.items() if outcome == "failed"] == [
        "test_about_15_percent_of_tokens_are_selected"]


@pytest.mark.slow
def test_one_unreadable_block_column_costs_only_the_specs_reading_it(tmp_path):
    """One field, its specs only: ``attention_mask`` spoiled, ``input_ids`` and ``labels`` right."""
    folder = tmp_path / "spoiled_attention_mask"
    folder.mkdir()
    (folder / "lm.py").write_text((FOLDERS / "correct_notebook" / "lm.py").read_text() + (
        "\n\n_group_texts = group_texts\n\n\n"
        "def group_texts(examples, block_size=128):\n"
        "    result = _group_texts(examples, block_size)\n"
        "    result['attention_mask'] = 'all ones'\n"
        "    return result\n"))
    outcomes = spec_runs.run_specs([str(ROOT / "specs" / "td3" / "test_blocks.py")], folder)
    assert outcomes["test_every_block_has_block_size_tokens[128-clm]"] == "failed"
    assert outcomes["test_labels_equal_inputs[clm]"] == "passed"
    assert outcomes["test_labels_equal_inputs[mlm]"] == "passed"
