"""Default limits per lab when grading: tight where correct code is fast, so that a folder
that never returns costs seconds, not minutes (``--timeout``/``--budget`` override them).

TD 1: a correct 1000-iteration perceptron in plain Python lists answers in about 10 ms, the
slowest call the specs make (an MLP, 2000 iterations) well under a second: 10 s per call is
generous. TD 3: the child loads torch, transformers and datasets, whose mappings alone
pass 2 GiB of address space ("failed to map segment from shared object"); 6 GiB is enough
to train its tiny models. Labs not listed here get the suite's own defaults
(``labs.suite.child.Limits``).
"""
from __future__ import annotations

from labs.suite.child import Limits

LAB_LIMITS: dict[str, Limits] = {
    "td1": Limits(call_timeout=10.0, total_budget=120.0),
    "td3": Limits(memory_mb=6144),
}


def limits_for(lab: str) -> Limits:
    """The defaults for a lab or one of its parts (``td2/stylegan`` -> ``td2``)."""
    return LAB_LIMITS.get(lab, LAB_LIMITS.get(lab.split("/")[0], Limits()))
