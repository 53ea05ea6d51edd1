"""The masked model's collator: about 15% of tokens selected, of those 80% [MASK], 10% a random
token, 10% kept; labels only at selected positions; special tokens never selected; a seed
pins the masks.

Each spec collates 64 blocks of 128 tokens of the small built-in corpus (7,629 eligible
tokens, about 1,150 selected) with seed ``spec_seed + k``. The bounds are two-sided
binomial intervals at probability 1e-6 (scipy), so a correct collator fails one about once
in a million seeds. Calibration (reference collator, seeds 0-49): selected fraction
0.1431-0.1583 (bound 0.1304-0.1704); of the selected (1,092-1,208), [MASK] 0.773-0.822
(bound for n = 1,150 about 0.740-0.856), random 0.071-0.122 and kept 0.083-0.120 (bound
about 0.059-0.146); every seed inside. A collator selecting 12% or 20% of the tokens, or
splitting 70/15/15, falls outside.
"""
from __future__ import annotations

import numpy as np
from scipy.stats import binom


BLOCKS = 64
ALPHA = 1e-6


def binomial_interval(n: int, p: float) -> tuple[float, float]:
    low, high = binom.ppf([ALPHA / 2, 1 - ALPHA / 2], n, p)
    return low / n, high / n


def collate(lm, seed: int):
    """One batch through a fresh collator of ``seed``: each column checked when read."""
    return lm.collate(BLOCKS, seed)


def test_about_15_percent_of_tokens_are_selected(lm, spec_seed):
    """The collator selects about 15% of the tokens.

    Fails on: an mlm_probability of 0.5 instead of 0.15
    (tests/submissions/td3/wrong_masks_half_the_tokens)."""
    batch = collate(lm, spec_seed)
    eligible = ~batch["special"]
    selected = batch["labels"] != -100
    n = int(eligible.sum())
    fraction = selected[eligible].mean()
    low, high = binomial_interval(n, 0.15)
    assert low <= fraction <= high, (
        f"the collator should select about 15% of the {n} non-special tokens "
        f"(mlm_probability=0.15); selected {fraction:.4f}, expected within the binomial "
        f"bound {low:.4f}-{high:.4f}")


def test_special_tokens_are_never_selected(lm, spec_seed):
    """The collator never selects special tokens.

    Fails on: a hand-written collator that draws its 15% over every position, [CLS] and [SEP]
    included."""
    batch = collate(lm, spec_seed + 1)
    selected = batch["labels"] != -100
    count = int((selected & batch["special"]).sum())
    assert count == 0, (f"[CLS] and [SEP] should never be selected for prediction; {count} "
                        "special tokens were")


def test_labels_hold_the_original_tokens_exactly_where_selected(lm, spec_seed):
    """The collator's labels hold the original tokens exactly where selected.

    Fails on: labels taken from the masked inputs (the [MASK] id) instead of the original tokens."""
    batch = collate(lm, spec_seed + 2)
    selected = batch["labels"] != -100
    wrong = int((batch["labels"][selected] != batch["original"][selected]).sum())
    assert selected.any() and wrong == 0, (
        "at a selected position the label should be the original token (and -100 "
        f"everywhere else); {wrong} selected labels differ from the original")


def test_selected_tokens_split_80_10_10(lm, spec_seed):
    """Selected tokens split 80% mask, 10% random, 10% unchanged.

    Fails on: every selected token replaced by [MASK] (no 10% random, no 10% kept)."""
    batch = collate(lm, spec_seed + 3)
    selected = batch["labels"] != -100
    n = int(selected.sum())
    inputs, original = batch["input_ids"][selected], batch["original"][selected]
    masked = inputs == batch["mask_id"]
    shares = {"[MASK]": masked.mean(), "random": ((inputs != original) & ~masked).mean(),
              "kept": ((inputs == original) & ~masked).mean()}
    # a random token equals the original (or [MASK]) with chance 1/vocabulary: negligible
    expected = {"[MASK]": 0.8, "random": 0.1, "kept": 0.1}
    for name, share in shares.items():
        low, high = binomial_interval(n, expected[name])
        assert low <= share <= high, (
            f"of the {n} selected tokens, {expected[name]:.0%} should become {name}; measured "
            f"{share:.4f}, expected within the binomial bound {low:.4f}-{high:.4f}")


def test_unselected_tokens_are_left_alone(lm, spec_seed):
    """The collator leaves unselected tokens alone.

    Fails on: a collator that draws its 10% random tokens over every position, not only the
    selected ones."""
    batch = collate(lm, spec_seed + 4)
    unselected = batch["labels"] == -100
    changed = int((batch["input_ids"][unselected] != batch["original"][unselected]).sum())
    assert changed == 0, (f"tokens that are not selected should be left as they are; {changed} "
                          "were changed")


def test_the_same_seed_draws_the_same_masks(lm, spec_seed):
    """The same seed draws the same masks.

    Fails on: a collator that ignores its seed (tests/submissions/td3/wrong_unpinned_masks)."""
    batch = collate(lm, spec_seed + 5)
    for key in ("input_ids", "labels"):
        assert np.array_equal(batch[key], batch[f"{key}_again"]), (
            f"two fresh collators with seed {spec_seed + 5} should draw the same masks (that "
            f"is what makes an evaluation loss reproducible); their {key} differ")
    other = collate(lm, spec_seed + 6)
    assert not np.array_equal(batch["labels"], other["labels"]), (
        "collators with different seeds should draw different masks; seeds "
        f"{spec_seed + 5} and {spec_seed + 6} drew the same")
