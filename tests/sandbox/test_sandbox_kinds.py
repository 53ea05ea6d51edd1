"""Every broken kind of example folder, called through the sandbox: the reason in words.

Each case starts one sandboxed child (no pytest subprocess), so the whole file stays cheap;
the end-to-end grade of a few of these folders is in tests/grading/.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from labs.perceptron.contract import probe_train
from labs.sandbox import isolation as sandbox
from labs.sandbox.isolation import command_prefix
from labs.sandbox.limits import Limits
from labs.suite.submission import FolderSubmission, NotProvided, SubmissionError

FOLDERS = Path(__file__).resolve().parents[1] / "submissions" / "td1"
CONTRACT = "labs.perceptron.contract"
AND, XOR = [0, 0, 0, 1], [0, 1, 1, 0]
# Generous on purpose: on one core shared with busy processes a child may take many seconds
# to start. Only the folder that never returns meets a timeout, and it would meet any.
LIMITS = Limits(call_timeout=120.0, total_budget=600.0, memory_mb=1024)
# any limit: the one folder under it never returns
NEVER_RETURNS = Limits(call_timeout=1.0, total_budget=600.0, memory_mb=1024)


def call_train(folder: str, desired: list[int] = AND, iterations: int = 50,
               limits: Limits = LIMITS):
    submission = FolderSubmission(FOLDERS / folder, limits, command_prefix())
    try:
        return submission.contract(CONTRACT).call(probe_train, desired, 0.7, iterations, 0)
    finally:
        submission.close()


@pytest.mark.parametrize("folder, desired, reason", [
    ("broken_segfault", AND, "killed by SIGSEGV"),
    ("broken_sys_exit", AND, "called sys.exit(0) before returning"),
    ("broken_os_exit", AND, "exited with status 0 before returning"),
    ("broken_syntax_error", AND, "SyntaxError in perceptron.py line 2"),
    ("broken_missing_train", AND, "perceptron.py has no `train`"),
    ("broken_memory_hog", AND, "ran out of memory"),
    pytest.param("broken_loops_until_converged", XOR, "timed out after 1 s",
                 marks=pytest.mark.slow),  # waits out its deadline
    ("broken_network", AND, "network"),
    ("broken_reads_grader_files", AND, "golden"),
    ("broken_imports_the_reference", AND,
     "imports the course's own package `labs` (the reference implementation): perceptron.py "
     "line 2: from labs.perceptron import train as reference_train"),
])
def test_a_broken_submission_fails_with_the_reason_in_words(folder, desired, reason):
    limits = NEVER_RETURNS if folder == "broken_loops_until_converged" else LIMITS
    with pytest.raises(SubmissionError) as failure:
        call_train(folder, desired, iterations=1000, limits=limits)
    assert not isinstance(failure.value, NotProvided)
    assert reason in str(failure.value), f"{folder}: {failure.value}"


PROBE = """
import json, os, socket, subprocess, sys

CHECK = (
    "import json, os, socket\\n"
    "found = {'uid': os.getuid()}\\n"
    "for name, path in PATHS.items():\\n"
    "    try:\\n"
    "        open(path).close(); found[name] = 'read'\\n"
    "    except OSError as error:\\n"
    "        found[name] = error.strerror\\n"
    "try:\\n"
    "    socket.create_connection(('1.1.1.1', 53), timeout=3); found['net'] = 'connected'\\n"
    "except OSError as error:\\n"
    "    found['net'] = error.strerror or str(error)\\n"
    "print(json.dumps(found))\\n"
)


def train(desired, coeff, iterations, seed):
    # a fresh interpreter has no audit hook: what it meets is the OS's doing
    code = "PATHS = " + repr(PATHS) + "\\n" + CHECK
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    raise RuntimeError("FOUND " + result.stdout.strip() + result.stderr[-300:])
"""


@pytest.mark.skipif(sandbox.level() != "jail", reason="the jail needs root and util-linux unshare")
@pytest.mark.slow  # a sandboxed child end to end
def test_the_jail_enforces_through_the_os(tmp_path):
    root = Path(__file__).resolve().parents[2]
    paths = {"spec": str(root / "specs" / "td1" / "conftest.py"),
             "golden": str(next((root / "golden").rglob("*.json"))),
             "labs": str(root / "labs" / "perceptron" / "train.py"),
             "link": "golden_link.json"}  # a link in the student's folder to a golden file
    (tmp_path / "golden_link.json").symlink_to(paths["golden"])
    (tmp_path / "perceptron.py").write_text(f"PATHS = {paths!r}\n" + PROBE)
    submission = FolderSubmission(tmp_path, LIMITS, command_prefix())
    try:
        with pytest.raises(SubmissionError) as failure:
            submission.contract(CONTRACT).call(probe_train, AND, 0.7, 10, 0)
    finally:
        submission.close()
    import json
    found = json.JSONDecoder().raw_decode(str(failure.value).split("FOUND ", 1)[1])[0]
    assert found["uid"] != 0
    # hidden either way: refused, or absent (a project under /tmp: the child's /tmp is its own)
    for name in ("spec", "golden", "link"):
        assert found[name] in ("Permission denied", "No such file or directory"), found
    # the reference is hidden too: the child imports only the worker tree
    assert found["labs"] in ("Permission denied", "No such file or directory"), found
    assert found["net"] == "Network is unreachable", found


@pytest.mark.slow  # a run end to end in processes of its own: seconds
def test_printing_megabytes_is_fine_and_its_output_is_truncated():
    submission = FolderSubmission(FOLDERS / "chatty_prints_megabytes", LIMITS, command_prefix())
    try:
        run = submission.contract(CONTRACT).call(probe_train, AND, 0.7, 1000, 0)
        child = submission._children[CONTRACT]
        assert child.output.seek(0, 2) > 1_000_000  # it did print over a megabyte
        assert len(child.output_tail()) < 5000
    finally:
        submission.close()
    assert run["weights"].shape == (3,) and run["errors"][-1] < 0.02


@pytest.mark.slow  # a sandboxed child end to end
def test_patching_numpy_in_the_child_changes_nothing_here():
    run = call_train("broken_patches_numpy")
    assert not np.allclose([1.0], [2.0]) and abs(-1.0) == 1.0 and round(2.6) == 3
    np.testing.assert_array_equal(run["weights"], [1.0, -1.0, 0.0])  # its garbage, as sent


@pytest.mark.slow  # a sandboxed child end to end
def test_a_student_labs_package_cannot_replace_the_worker_or_the_jail():
    run = call_train("broken_shadows_the_worker")  # our worker ran: the placeholder's answer
    np.testing.assert_array_equal(run["weights"], [0.0, 0.0, 0.0])


@pytest.mark.slow  # a sandboxed child end to end
def test_hiding_a_folder_inside_the_project_still_lets_the_child_start(monkeypatch):
    # `grade tests/submissions/td1/x` hides x's parent, which the jail already hides
    monkeypatch.setenv("LABS_SANDBOX_HIDE", json.dumps([str(FOLDERS)]))
    run = call_train("correct_tuple_mapped", iterations=1000)
    assert run["errors"][-1] < 0.02
