"""TD 3: GPT-2-like (causal) and BERT-like (masked) language models from scratch.

Modules: ``corpus`` (the built-in corpus and its Markov chain), ``entropy`` (the truth's
loss, the bound no model beats), ``data`` (where texts come from), ``tokenizer``,
``blocks`` (``group_texts``), ``collator``, ``metrics`` (perplexity), ``models``,
``trainer`` (pinned evaluation masks), ``train`` (one run as the notebook does it),
``table`` and ``figures`` (outputs), ``report_check`` and ``check_report_cli``
(``python -m labs check-report``), ``cli`` (``python -m labs lm``), ``reproduce``,
``contract``/``fixtures`` (what the specs call).

The package is the reference of the contract: it exports ``group_texts``, ``perplexity``,
``make_collator`` and ``build_model``, loaded on first use (PEP 562), so that
``python -m labs --help`` stays fast (the collator and the models load transformers).
"""
__all__ = ["build_model", "group_texts", "make_collator", "perplexity"]

_EXPORTS = {"group_texts": "labs.lm.blocks", "make_collator": "labs.lm.collator",
            "perplexity": "labs.lm.metrics", "build_model": "labs.lm.models"}


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'labs.lm' has no attribute {name!r}")
