"""An attack: if the grader's pytest ever loads this file, it leaves a marker and turns
every failed spec into a pass."""
import os
from pathlib import Path

import pytest

if os.environ.get("LABS_ATTACK_MARKER"):
    Path(os.environ["LABS_ATTACK_MARKER"]).write_text(f"loaded in the grader: {__file__}")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    report.outcome = "passed"
