"""The secret spec-seed offset of a grading.

Every spec input that a seed decides is offset by a number the student cannot know in
advance, so an answer looked up from the reference's outputs at the public offset 0 earns
nothing. Each grading draws its own offset (one per student, and a fresh one on a
resubmission): an offset a student sees in their own results tells them nothing about a
classmate's, or their next grading's, inputs. The offset is recorded with the grade, and
``--spec-seed N`` reuses it to reproduce that grade.
"""
from __future__ import annotations

import secrets

# The specs multiply the offset by their number of seeds (at most a few dozen) and add it
# to seeds that numpy and torch take as 32-bit values: 10**6 keeps every seed far below 2**31.
MAX_SPEC_SEED = 10**6


def draw_spec_seed() -> int:
    """A fresh secret offset in [1, MAX_SPEC_SEED): never 0, the public one."""
    return 1 + secrets.randbelow(MAX_SPEC_SEED - 1)
