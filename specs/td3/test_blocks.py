"""group_texts: concatenate, drop the remainder, cut into blocks, labels a copy of the inputs.

Deterministic (no calibration needed): the input is the small built-in corpus tokenised
by the BERT-like and GPT-2-like tokenizers the project trains.
"""
from __future__ import annotations

import pytest

from labs.lm.contract import probe_group_texts_labels_alias
from labs.lm.fixtures import small_rows, small_tokenizer


def tokenized_rows(kind: str) -> dict[str, list[list[int]]]:
    tokenizer = small_tokenizer(kind)
    return {key: [list(row) for row in rows] for key, rows in tokenizer(list(small_rows())).items()}


@pytest.mark.parametrize("kind", ["clm", "mlm"])
@pytest.mark.parametrize("block_size", [128, 13])
def test_every_block_has_block_size_tokens(lm, kind, block_size):
    """group_texts: every block has block_size tokens.

    Fails on: a group_texts that keeps the short last block
    (tests/submissions/td3/wrong_keeps_remainder), or drops the attention_mask column."""
    examples = tokenized_rows(kind)
    blocks = lm.blocks(examples, block_size)
    total = sum(len(row) for row in examples["input_ids"])
    assert set(blocks) >= set(examples) | {"labels"}, (
        f"group_texts should keep every column ({sorted(examples)}) and add labels; "
        f"it returned {sorted(blocks)}")
    for key in blocks:
        rows = blocks[key]
        lengths = sorted({len(row) for row in rows})
        assert lengths == [block_size], (
            f"every {key} block should have {block_size} tokens (the remainder is dropped); "
            f"measured block lengths {lengths}")
        assert len(rows) == total // block_size, (
            f"{total} tokens should make {total // block_size} blocks of {block_size} "
            f"(remainder {total % block_size} dropped); got {len(rows)} {key} blocks")


@pytest.mark.parametrize("kind", ["clm", "mlm"])
def test_blocks_are_the_concatenated_text_in_order(lm, kind):
    """group_texts: the blocks are the concatenated text, in order.

    Fails on: a group_texts that cuts each row into blocks on its own instead of concatenating
    the rows, or shuffles the blocks."""
    examples = tokenized_rows(kind)
    blocks = lm.blocks(examples, 128)
    for key in examples:
        stream = [token for row in examples[key] for token in row]
        joined = [token for block in blocks[key] for token in block]
        assert joined == stream[:len(joined)], (
            f"the {key} blocks, put end to end, should be the rows concatenated in order "
            "with only the end dropped; they are not")


@pytest.mark.parametrize("kind", ["clm", "mlm"])
def test_labels_equal_inputs(lm, kind):
    """group_texts: labels are a copy of input_ids.

    Fails on: labels shifted by one token in group_texts (the model shifts them itself)."""
    blocks = lm.blocks(tokenized_rows(kind), 128)
    different = sum(a != b for a, b in zip(blocks["labels"], blocks["input_ids"]))
    assert different == 0 and len(blocks["labels"]) == len(blocks["input_ids"]), (
        "labels should be a copy of input_ids, block by block (the causal model shifts them "
        f"itself); {different} of {len(blocks['labels'])} blocks differ")


def test_a_batch_shorter_than_a_block_gives_no_block(lm):
    """group_texts: a batch shorter than a block gives no block.

    Fails on: a group_texts that keeps the short last block
    (tests/submissions/td3/wrong_keeps_remainder), or pads it."""
    blocks = lm.blocks({"input_ids": [[5, 6, 7], [8]], "attention_mask": [[1, 1, 1], [1]]}, 128)
    assert all(len(rows) == 0 for rows in blocks.values()), (
        "4 tokens make no block of 128: the remainder is dropped, never padded; "
        f"got {blocks}")


def test_labels_are_copies_not_the_same_lists(lm):
    """group_texts: labels are a copy of the list of input blocks, not that list itself
    (replacing every label block by -100s leaves input_ids unchanged).

    Fails on: labels = result['input_ids'], the same list, not a copy
    (tests/mutation/test_new_specs_fail.py)."""
    examples = {"input_ids": [list(range(10, 30))], "attention_mask": [[1] * 20]}
    result = lm.call(probe_group_texts_labels_alias, examples, 4)
    assert result["blocks"] == 5 and not result["inputs_changed"], (
        "labels should be a copy of input_ids: after replacing every label block by -100s, "
        f"input_ids {'changed too (the labels are the same list)' if result['inputs_changed'] else 'kept'}"
        f" ({result['blocks']} blocks of 4 from 20 tokens; 5 expected)")


@pytest.mark.parametrize("total", [7, 8, 9, 11, 12, 13])
def test_block_count_around_multiples_of_the_block_size(lm, total):
    """group_texts: ``total // block_size`` full blocks, exactly, one token short of a
    multiple of the block size, at it and one past it (block size 4).

    Fails on: a block count rounded up one token short of a multiple of the block size
    (tests/mutation/test_new_specs_fail.py)."""
    tokens = list(range(100, 100 + total))
    rows = [tokens[:3], tokens[3:]]  # two rows: the concatenation crosses a row boundary
    blocks = lm.blocks({"input_ids": rows, "attention_mask": [[1] * len(r) for r in rows]}, 4)
    expected = [tokens[i:i + 4] for i in range(0, total // 4 * 4, 4)]
    assert blocks["input_ids"] == expected and blocks["labels"] == expected, (
        f"{total} tokens in blocks of 4 should make {total // 4} block(s) {expected} (the last "
        f"{total % 4} dropped); got input_ids {blocks['input_ids']}, labels {blocks['labels']}")
