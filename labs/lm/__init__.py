"""TD 3: GPT-2-like (causal) and BERT-like (masked) language models from scratch.

Modules: ``corpus`` (the built-in corpus and its Markov chain), ``entropy`` (the truth's
loss, the bound no model beats), ``data`` (where texts come from), ``tokenizer``,
``blocks`` (``group_texts``), ``collator``, ``metrics`` (perplexity), ``models``,
``trainer`` (pinned evaluation masks), ``train`` (one run as the notebook does it),
``table`` and ``figures`` (outputs), ``report_check`` and ``check_report_cli``
(``python -m labs check-report``), ``cli`` (``python -m labs lm``), ``reproduce``,
``contract``/``reference``/``fixtures`` (what the specs call).
Kept free of imports so that ``python -m labs --help`` stays fast.
"""
