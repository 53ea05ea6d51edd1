"""Mutation testing of the reference's student-facing code: how much the specs catch.

Each mutant is the reference with one small slip (an operator, a constant, a comparison, a
loop that never runs), made by cosmic-ray (a maintained mutation-testing tool, the
``mutation`` extra). A mutant is killed when ``pytest specs/<lab>`` fails on it. Only the
functions a student also writes are mutated (``targets``); survivors that cannot change
what the contract lets anyone observe are listed, each with its reason, in
``equivalent.toml``. ``python -m labs mutation LAB`` runs it.
"""
