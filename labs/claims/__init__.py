"""The claims ledger: every checkable claim of the lab report, and what checks it.

``labs.claims.ledger.CLAIMS`` holds one entry per claim, in the project's own words, with one
status: ``spec`` (a test asserts it), ``xfail`` (an expected failure whose message gives the
measured numbers), ``reproduced`` (a figure or table of ``python -m labs reproduce`` shows
it, and no assertion is possible) or ``not_checkable`` (a GPU, a model hub or a human
judgement is needed). ``python -m labs claims [--json]`` prints it.
"""
