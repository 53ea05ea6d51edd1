"""A spec skipped for what the machine lacks (a GPU, NVIDIA's StyleGAN3 checkout) is "not
graded on this machine": it leaves the maximum and costs a correct submission nothing."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from labs.grading.grade import grade_outcomes
from labs.grading.run import PROJECT_ROOT, SpecOutcome

NVIDIA = "test_stylegan_nvidia_generate.py::test_generate_on_stylegan3_equals_gen_images[674-0.7-trunc]"


def test_a_skip_for_a_missing_checkout_is_not_graded():
    skipped = SpecOutcome(NVIDIA, "skipped", "no checkout of NVlabs/stylegan3", machine=True)
    spec = grade_outcomes("ann", "td2/stylegan", [skipped]).specs[0]
    assert (spec.status, spec.score, spec.max_score) == ("not graded", 0.0, 0.0)
    assert spec.feedback.startswith("not graded on this machine")
    passed = grade_outcomes("ann", "td2/stylegan", [SpecOutcome(NVIDIA, "passed")]).specs[0]
    assert passed.score == passed.max_score > 0  # it carries points where it runs


@pytest.mark.slow  # a grading end to end: seconds
def test_the_outcomes_plugin_records_the_machine_markers(tmp_path):
    (tmp_path / "test_needs.py").write_text(
        "import pytest\n\n"
        "@pytest.mark.needs_stylegan3\n"
        "def test_checkout():\n    pytest.skip('no checkout')\n\n"
        "@pytest.mark.gpu\n"
        "def test_gpu():\n    pytest.skip('no GPU')\n\n"
        "def test_plain():\n    pytest.skip('not provided')\n")
    record = tmp_path / "outcomes.json"
    subprocess.run([sys.executable, "-m", "pytest", str(tmp_path / "test_needs.py"), "-q",
                    "-p", "labs.suite.outcomes", f"--spec-outcomes={record}",
                    "-p", "no:cacheprovider", f"--rootdir={PROJECT_ROOT}",
                    "-c", str(PROJECT_ROOT / "pyproject.toml")], cwd=PROJECT_ROOT, check=True,
                   capture_output=True)
    machine = {nodeid.rsplit("::", 1)[1]: result["machine"]
               for nodeid, result in json.loads(record.read_text())["results"].items()}
    assert machine == {"test_checkout": True, "test_gpu": True, "test_plain": False}
