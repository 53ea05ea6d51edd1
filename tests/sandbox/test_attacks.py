"""Hostile submissions (``tests/submissions/td1_attacks/``): each attack stays contained.

The trust boundary: the grader's side reads a student's folder only as plain files copied
into a private staging folder, and pytest never discovers anything in it; the child runs
without the reference implementation within reach; what it sends back is bounded in size
and time; whatever it starts ends with it. Timeouts here come only from folders that never
return (any limit would meet them), so the tests hold on a crowded machine.
"""
from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from labs.grading.grade import grade_folder
from labs.perceptron.contract import probe_train
from labs.sandbox import isolation as sandbox
from labs.sandbox.cgroup import available as cgroup_available
from labs.sandbox.limits import Limits
from labs.suite.spec_runs import run_specs
from labs.suite.submission import FolderSubmission, SubmissionError

# each attack grades its folder or starts its sandboxed child end to end (tenths of a second
# to seconds each): the slow set, which CI runs
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ATTACKS = ROOT / "tests" / "submissions" / "td1_attacks"
CORRECT = ROOT / "tests" / "submissions" / "td1" / "correct_lists"
CONTRACT = "labs.perceptron.contract"
AND = [0, 0, 0, 1]
LIMITS = Limits(call_timeout=120.0, total_budget=600.0, memory_mb=1024)
jail_only = pytest.mark.skipif(sandbox.level() != "jail",
                               reason="needs the jail (root, Linux, util-linux unshare)")


def train(folder: Path, limits: Limits = LIMITS, prefix: list[str] | None = None,
          iterations: int = 50):
    submission = FolderSubmission(folder, limits,
                                  sandbox.command_prefix() if prefix is None else prefix)
    try:
        return submission.contract(CONTRACT).call(probe_train, AND, 0.7, iterations, 0)
    finally:
        submission.close()


def failure_of(folder: Path, **kwargs) -> str:
    with pytest.raises(SubmissionError) as failure:
        train(folder, **kwargs)
    return str(failure.value)


def processes_with(token: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if token.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def wait_for(condition, what: str, limit: float = 300.0) -> None:
    """Poll until ``condition()``; ``limit`` is only a guard against hanging forever."""
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.2)


# pytest never loads anything of the student's --------------------------------------------

@pytest.mark.parametrize("folder", ["attack_conftest", "attack_pytest_ini",
                                    "attack_tests_conftest", "attack_nested_conftest"])
def test_the_grader_never_loads_a_students_conftest_or_ini_file(folder, tmp_path, monkeypatch):
    marker = tmp_path / "loaded"
    monkeypatch.setenv("LABS_ATTACK_MARKER", str(marker))
    grade = grade_folder(ATTACKS / folder, "td1", select="truth_table")
    assert not marker.exists(), marker.read_text()
    assert grade.specs and {spec.status for spec in grade.specs} == {"failed"}  # zeros learn nothing
    assert grade.score == 0


def test_spec_runs_never_load_a_students_conftest(tmp_path, monkeypatch):
    marker = tmp_path / "loaded"
    monkeypatch.setenv("LABS_ATTACK_MARKER", str(marker))
    spec = ROOT / "specs" / "td1" / "test_convergence.py"
    outcomes = run_specs([f"{spec}::test_and_or_reproduce_the_truth_table"],
                         ATTACKS / "attack_conftest")
    assert not marker.exists()
    assert set(outcomes.values()) == {"failed"}, outcomes


# the child cannot reach the reference ------------------------------------------------------

def test_a_manifest_cannot_name_the_reference_as_the_module():
    message = failure_of(ATTACKS / "attack_manifest_names_the_reference")
    assert "'labs.perceptron' is not a plain Python name" in message


def test_a_link_to_the_reference_is_not_copied():
    submission = FolderSubmission(ATTACKS / "attack_symlink_to_the_reference", LIMITS,
                                  sandbox.command_prefix())
    try:
        assert submission.left_out == ["perceptron: a symbolic link (links are never followed)"]
        with pytest.raises(SubmissionError, match="has no file perceptron.py"):
            submission.contract(CONTRACT).call(probe_train, AND, 0.7, 50, 0)
    finally:
        submission.close()


def test_the_reference_is_not_among_the_childs_modules():
    message = failure_of(ATTACKS / "attack_sys_modules")
    assert "no reference train among" in message
    assert "labs.perceptron.train" not in message


@pytest.mark.parametrize("isolation", ["strongest", "none"])
def test_the_reference_cannot_be_imported_by_a_name_built_at_run_time(isolation):
    prefix = None if isolation == "strongest" else []  # none: only the worker tree's doing
    message = failure_of(ATTACKS / "attack_runtime_import", prefix=prefix)
    assert "REFERENCE NOT REACHED" in message, message


# the answer pipe --------------------------------------------------------------------------

def test_an_answer_that_never_ends_is_cut_at_the_deadline():
    never = Limits(call_timeout=1.0, total_budget=600.0, memory_mb=1024)  # any limit: it never ends
    assert "timed out after 1 s" in failure_of(ATTACKS / "attack_streaming_answer", limits=never)


def test_an_answer_over_the_cap_is_refused():
    message = failure_of(ATTACKS / "attack_huge_answer")
    assert "arrays of 104857600 bytes, above the cap of 67108864" in message


def test_an_answer_of_nested_lists_is_refused_before_it_costs_memory():
    """3 million lists within the message cap: refused at the 200,000th (what that costs the
    parent is measured on the same bytes in test_wire.py, without a child to start)."""
    message = failure_of(ATTACKS / "attack_nested_lists")
    assert "more than 200000 lists and maps in one message" in message


def test_a_forged_answer_is_refused():
    message = failure_of(ATTACKS / "attack_forged_answer")
    assert "sent an answer to no request of the grader's" in message


def test_an_extra_answer_is_never_taken_for_the_next_call():
    submission = FolderSubmission(ATTACKS / "attack_extra_answer", LIMITS, sandbox.command_prefix())
    try:
        contract = submission.contract(CONTRACT)
        first = contract.call(probe_train, AND, 0.7, 50, 0)  # its own answer, sent early
        assert list(first["weights"]) == [-1.5, 1.0, 1.0]
        with pytest.raises(SubmissionError, match="answer to no request"):
            contract.call(probe_train, [0, 1, 1, 1], 0.7, 50, 0)
        # restarted, the next call is answered by its own run, never by the one before
        third = contract.call(probe_train, [0, 1, 1, 1], 0.7, 60, 0)
        assert list(third["weights"]) == [-0.5, 1.0, 1.0]
    finally:
        submission.close()


def test_the_answer_pipe_is_not_named_in_the_childs_arguments_or_environment():
    message = failure_of(ATTACKS / "attack_reads_its_environment")
    shown = message.split("«", 1)[1]
    assert "LABS_CHANNEL" not in shown and "LABS_SANDBOX_HIDE" not in shown
    assert str(ROOT) not in shown, shown  # no path of the grader's
    assert "ARGV ['-m', " in shown or "ARGV [" in shown


# leftovers and shared state ----------------------------------------------------------------

def test_a_spec_run_cut_short_leaves_no_process_and_no_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where run_specs makes its folder
    # XOR never converges for this folder, whose train loops until it does: the run cannot
    # end within the second it is given, however fast the machine
    with pytest.raises(subprocess.TimeoutExpired):
        run_specs([str(ROOT / "specs" / "td1" / "test_xor.py")],
                  ROOT / "tests" / "submissions" / "td1" / "broken_loops_until_converged",
                  timeout=1)
    assert list(tmp_path.iterdir()) == []
    # the run's session is killed at once; its jailed child ends with its jail, a moment later
    wait_for(lambda: not processes_with(str(tmp_path)), "every process of the run ended")


@jail_only
def test_a_daemon_ends_with_the_grading():
    train(ATTACKS / "attack_daemon")
    wait_for(lambda: not processes_with("labs-attack-daemon-6b1f"), "the daemon ended")


@jail_only
def test_a_daemon_ends_when_the_grader_is_killed_from_outside():
    script = (f"from labs.suite.submission import FolderSubmission\n"
              f"from labs.sandbox.isolation import command_prefix\n"
              f"from labs.sandbox.limits import Limits\n"
              f"s = FolderSubmission({str(ATTACKS / 'attack_daemon')!r}, Limits(call_timeout=900), "
              f"command_prefix())\n"
              f"from labs.perceptron.contract import probe_train\n"
              f"s.contract({CONTRACT!r}).call(probe_train, [0, 0, 0, 1], 0.7, 10**6, 0)\n")
    grader = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: processes_with("labs-attack-daemon-6b1f"), "the daemon started")
    finally:
        grader.send_signal(signal.SIGKILL)  # as the out-of-memory killer would
        grader.wait()
    wait_for(lambda: not processes_with("labs-attack-daemon-6b1f"), "the daemon ended")


@jail_only
def test_shared_folders_are_private_and_bounded():
    message = failure_of(ATTACKS / "attack_shared_state")
    for folder in ("/run/lock", "/dev/shm", "/tmp"):
        assert not Path(folder, "labs-attack-shared-state-6b1f").exists()
        assert f"'{folder}': '128 MB then No space left on device'" in message, message


@jail_only
def test_user_namespaces_are_refused():
    assert "USER NAMESPACE REFUSED: Operation not permitted" in failure_of(
        ATTACKS / "attack_user_namespace")


@pytest.mark.skipif(sandbox.level() != "jail" or not cgroup_available(),
                    reason="needs the jail and a writable memory cgroup")
def test_memory_is_limited_for_the_submission_as_a_whole():
    # 8 x 300 MB, each process under the 1024 MB per-process limit: 2.4 GB in all
    message = failure_of(ATTACKS / "attack_many_processes_memory")
    assert "SIGKILL" in message or "-9" in message, message


# staging ----------------------------------------------------------------------------------

def test_links_devices_fifos_and_sparse_files_are_left_out_with_a_reason(tmp_path):
    folder = tmp_path / "student"
    shutil.copytree(CORRECT, folder)
    (folder / "shadow").symlink_to("/etc/shadow")
    os.mkfifo(folder / "pipe")
    with open(folder / "sparse.bin", "wb") as sparse:
        sparse.truncate(200 * 1024 * 1024)
    reasons = {"shadow": "a symbolic link (links are never followed)",
               "pipe": "a FIFO (named pipe)", "sparse.bin": "a sparse file (200 MB, mostly holes)"}
    if os.geteuid() == 0:
        os.mknod(folder / "null", stat.S_IFCHR | 0o600, os.makedev(1, 3))
        reasons["null"] = "a character device"
    submission = FolderSubmission(folder, LIMITS, sandbox.command_prefix())
    try:
        assert sorted(submission.left_out) == sorted(f"{k}: {v}" for k, v in reasons.items())
        assert sorted(p.name for p in submission.folder.iterdir()) == ["perceptron.py"]
        run = submission.contract(CONTRACT).call(probe_train, AND, 0.7, 1000, 0)
    finally:
        submission.close()
    assert run["errors"][-1] < 0.02  # the student's own code still runs


def test_a_grade_names_what_was_left_out(tmp_path):
    folder = tmp_path / "student"
    shutil.copytree(CORRECT, folder)
    (folder / "shadow").symlink_to("/etc/shadow")
    grade = grade_folder(folder, "td1", select="truth_table")
    assert grade.score > 0
    assert ("left out of the submission (not copied, never read): shadow: a symbolic link "
            "(links are never followed)") in grade.warnings


@pytest.mark.parametrize("contract, reference", [
    ("labs.perceptron.contract", ["labs.perceptron.train", "labs.perceptron.batched",
                                  "labs.perceptron.mlp", "labs.perceptron.weights_csv"]),
    ("labs.gan.contract", ["labs.gan.train", "labs.gan.distributions", "labs.gan.noise"]),
    ("labs.stylegan.contract", ["labs.stylegan.conventions", "labs.stylegan.pipeline"]),
    # importing TD 3's contract loads torch and transformers: seconds; its student-folder
    # runs (slow) use the same tree, and the file check below runs every time
    pytest.param("labs.lm.contract", ["labs.lm.blocks", "labs.lm.collator", "labs.lm.metrics"],
                 marks=pytest.mark.slow),
])
def test_a_worker_tree_holds_the_harness_but_not_the_reference(contract, reference):
    from labs.sandbox.worker_tree import tree_for
    from labs.suite.contract import load_contract

    tree = tree_for(load_contract(contract))
    code = (f"import importlib, sys\n"
            f"importlib.import_module({contract!r})\n"  # the contract and its harness import
            f"for name in {reference!r}:\n"
            f"    try:\n"
            f"        importlib.import_module(name)\n"
            f"    except ImportError:\n"
            f"        continue\n"
            f"    sys.exit('importable: ' + name)\n")
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(tree), "PYTHONSAFEPATH": "1"}
    # as the worker does: the editable install's import hook dropped, the tree on the path
    result = subprocess.run([sys.executable, "-c",
                             "import sys; sys.meta_path[:] = [f for f in sys.meta_path if "
                             "'__editable__' not in getattr(f, '__module__', '')]\n" + code],
                            env=env, capture_output=True, text=True, cwd=tree)
    assert result.returncode == 0, result.stderr[-2000:]


def test_pytest_by_hand_with_a_space_never_loads_a_students_conftest(tmp_path):
    """An instructor's ``pytest specs/td1 --submission DIR``: the plugin is a pytest11 entry
    point, so DIR is the option's value before pytest looks for test paths."""
    marker = tmp_path / "loaded"
    spec = "specs/td1/test_convergence.py::test_and_or_reproduce_the_truth_table"
    run = subprocess.run([sys.executable, "-m", "pytest", spec, "--submission",
                          str(ATTACKS / "attack_conftest"), "-q", "-p", "no:cacheprovider"],
                         cwd=ROOT, capture_output=True, text=True,
                         env=dict(os.environ, LABS_ATTACK_MARKER=str(marker)))
    assert not marker.exists()
    assert run.returncode == 1 and "2 failed" in run.stdout, run.stdout[-2000:]


def test_td3s_worker_tree_has_no_reference_module():
    from labs.lm import contract
    from labs.sandbox.worker_tree import tree_for

    files = {p.relative_to(tree_for(contract)).as_posix()
             for p in tree_for(contract).rglob("*.py")}
    assert "labs/lm/train.py" in files and "labs/lm/contract.py" in files
    assert not files & {"labs/lm/blocks.py", "labs/lm/collator.py", "labs/lm/metrics.py"}


@jail_only
def test_ipc_objects_of_one_student_are_gone_for_the_next():
    """The jail has an IPC namespace of its own: a System V segment and a POSIX message
    queue left by one child die with its jail."""
    left = train(ATTACKS / "attack_ipc_leaves_a_segment")
    assert list(left["weights"]) == [0.0, 0.0, 0.0]  # it ran, and left them behind
    message = failure_of(ATTACKS / "attack_ipc_reads_a_segment")
    assert "FOUND nothing" in message, message


def test_ipc_attack_is_real_without_a_namespace():
    """The same two folders in one plain process (no jail): the reader does find both, so
    the test above can fail (run in an IPC namespace of its own, to leave nothing here)."""
    script = ("import importlib.util as u\n"
              "def load(p):\n"
              "    s = u.spec_from_file_location('m', p); m = u.module_from_spec(s)\n"
              "    s.loader.exec_module(m); return m\n"
              "load({!r}).train([0, 0, 0, 1], iterations=1)\n"
              "try:\n    load({!r}).train([0, 0, 0, 1], iterations=1)\n"
              "except RuntimeError as e:\n    print(e)\n")
    leave = ATTACKS / "attack_ipc_leaves_a_segment" / "perceptron.py"
    read = ATTACKS / "attack_ipc_reads_a_segment" / "perceptron.py"
    code = script.format(str(leave), str(read))
    result = subprocess.run(["unshare", "--ipc", sys.executable, "-c", code],
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0 and "unshare" in result.stderr:
        pytest.skip(f"no IPC namespace for the control run: {result.stderr.strip()[:200]}")
    assert "FOUND segment secret answers, queue" in result.stdout, result.stdout + result.stderr
