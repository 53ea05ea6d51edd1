"""TD 3: GPT-2-like (causal) and BERT-like (masked) language models from scratch.

Modules: ``corpus`` (the built-in corpus and its Markov chain), ``entropy`` (the truth's
loss, the bound no model beats), ``data``, ``tokenizer``, ``blocks``, ``collator``,
``models``, ``trainer``, ``train`` (one run as the notebook does it), ``table`` (per-epoch
tables), ``report_check`` (``python -m labs check-report``), ``cli`` and ``reproduce``.
Kept free of imports so that ``python -m labs --help`` stays fast.
"""
