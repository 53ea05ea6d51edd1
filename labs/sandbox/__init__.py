"""The sandbox: a student's code runs here, in a child process, and nowhere else.

The trusted side (the grader, pytest's specs) uses this small API:

- ``stage(folder)``: copy a student's folder, plain files only, into a private folder;
- ``Child(folder, contract, limits)``: the sandboxed worker process of one contract, and
  ``Child.request(...)``, one probe call answered with plain data or ``ChildFailure``;
- ``Limits`` and ``limits_for(lab)``: what a child may spend;
- ``isolation.level()``: the isolation this machine gives (``jail``, ``network``, ``none``).

``labs.sandbox.untrusted`` is the one place where data and text from a child enter the
trusted side: every answer is parsed there, with limits, and every string a student
controls (messages, notes, output, file names) is decoded, cleaned, bounded and quoted
there. The modules the child runs itself (``worker``, ``jail``, ``seccomp``, the wire
format) are copied into its own import tree (``worker_tree``); nothing else is.
"""
from labs.sandbox.child import Child, ChildFailure
from labs.sandbox.limits import Limits, limits_for
from labs.sandbox.staging import Staged, StagingError, stage

__all__ = ["Child", "ChildFailure", "Limits", "Staged", "StagingError", "limits_for", "stage"]
