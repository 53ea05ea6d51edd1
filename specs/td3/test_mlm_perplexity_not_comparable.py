"""Why the masked model's perplexity (963.88 in the report) cannot be compared with the
causal model's (432.24), shown on the small built-in corpus:

- the masked model's loss is an average over the selected tokens only (about 15%), the
  causal model's over every next-token prediction (127 per block of 128);
- the two models use different tokenizers: other vocabularies, other tokens for the same
  text. A model guessing uniformly has a perplexity equal to its vocabulary size, so the
  two perplexities are not on one scale.

Calibration (reference, collator seeds 0-23, 64 blocks): the masked loss counts 0.138-0.149
of the positions the causal loss counts (17.8 against 127 per block); vocabularies 651
(gpt2-like) and 258 (bert-like) on the built-in corpus, 10,951 and 11,455 tokens for the same
rows. Thresholds: a share in [0.08, 0.25] (a collator labelling every token gives 1); the
vocabularies differ by a factor of at least 1.5.
"""
from __future__ import annotations

from labs.lm.contract import probe_loss_positions

BLOCKS = 64
SHARE_RANGE = (0.08, 0.25)
VOCABULARY_FACTOR_AT_LEAST = 1.5


def test_masked_loss_counts_only_the_selected_tokens(lm, spec_seed):
    """The masked loss counts only the selected tokens.

    Fails on: every token labelled, not only the selected ones
    (tests/claims/test_new_specs_can_fail.py)."""
    counts = lm.call(probe_loss_positions, BLOCKS, spec_seed)
    share = counts["mlm_positions"] / counts["clm_positions"]
    low, high = SHARE_RANGE
    assert low <= share <= high, (
        "the masked model's loss should count only the selected tokens (about 15%), the "
        "causal model's every next token; per block of 128 the masked labels cover "
        f"{counts['mlm_positions']:.1f} positions, the causal ones {counts['clm_positions']:.1f}: "
        f"a share of {share:.3f}, expected in [{low}, {high}]")


def test_the_two_tokenizers_cut_the_text_differently(lm, spec_seed):
    """The two tokenizers cut the text differently (a fact of the lab).

    Fails on: nothing a submission does (a fact of the lab, 0 points)."""
    counts = lm.call(probe_loss_positions, BLOCKS, spec_seed)
    small, large = sorted((counts["clm_vocabulary"], counts["mlm_vocabulary"]))
    assert large >= VOCABULARY_FACTOR_AT_LEAST * small and counts["clm_tokens"] != counts["mlm_tokens"], (
        "the causal and masked models' tokenizers should differ (a uniform guess has a "
        "perplexity equal to the vocabulary size); vocabularies "
        f"{counts['clm_vocabulary']} and {counts['mlm_vocabulary']}, tokens for the same text "
        f"{counts['clm_tokens']} and {counts['mlm_tokens']}")
