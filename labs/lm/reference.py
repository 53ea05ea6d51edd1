"""The reference implementation of TD 3's contract (what a student's ``lm.py`` provides)."""
from labs.lm.blocks import group_texts
from labs.lm.collator import make_collator
from labs.lm.metrics import perplexity
from labs.lm.models import build_model

__all__ = ["build_model", "group_texts", "make_collator", "perplexity"]
