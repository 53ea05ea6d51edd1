"""grade-class on a real Dask cluster: a ``distributed.LocalCluster`` of two worker
processes (each one thread, under a nanny that restarts it), reached by ``--scheduler``.

- the example class gets the same rows as on the local pool;
- a student who crashes, hangs or allocates 8 GB takes no worker down with them;
- a worker killed in the middle of a grading loses no student: the scheduler runs that
  grading again on a worker, each student is one row, and the killed worker's spec run ends
  with it;
- workers under different sandbox levels are refused, unless --allow-mixed-sandbox.

The workers only run ``grade_task`` (stage, grade) and send back JSON text, which the
class loop parses field by field (``labs.grading.plain``; its refusals are tested in
test_class_journal.py). A few specs (--only) keep each grading to seconds.
"""
from __future__ import annotations

import csv
import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason='the cluster extra: pip install -e ".[cluster]"')
dask = pytest.importorskip("dask")
psutil = pytest.importorskip("psutil")

from labs.cli import main  # noqa: E402
from labs.grading.executors import QUIET_WORKERS, drop_dask_worker_environment  # noqa: E402
from labs.grading.points import POINTS  # noqa: E402

pytestmark = pytest.mark.slow

FOLDERS = Path(__file__).resolve().parents[1] / "submissions" / "td1"
# the points of the specs ONLY selects, from the rubric: AND and OR, and XOR
TABLE = POINTS["td1"]["test_convergence.py::test_and_or_reproduce_the_truth_table"].points
XOR = POINTS["td1"]["test_xor.py::test_xor_error_stays_high"].points
ONLY = ["--only", "truth_table or xor_error_stays_high", "--call-timeout", "2",
        "--total-budget", "60"]
PATIENCE = 600  # seconds: a generous bound on a crowded machine, never a timing check


@pytest.fixture(scope="module")
def cluster():
    # the settings docs/grading-a-class.md gives a teacher's grading workers
    with dask.config.set(QUIET_WORKERS), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                     dashboard_address=":0") as local:
        with distributed.Client(local) as client:
            client.wait_for_workers(2)
            yield local, client


def _what_a_grading_here_would_lose() -> list[str]:
    return drop_dask_worker_environment(dict(os.environ))


def test_a_grading_on_a_worker_gets_the_environment_it_gets_here(cluster):
    """The nanny's malloc and thread settings stay the worker's own (a TD 3 grading under
    them took 15% more CPU)."""
    _, client = cluster
    dropped = client.submit(_what_a_grading_here_would_lose, pure=False).result(PATIENCE)
    assert {"MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS"} <= set(dropped)


def _class(root: Path, names: list[str]) -> Path:
    for name in names:
        shutil.copytree(FOLDERS / name.split("@")[0], root / name.replace("@", "_"))
    return root


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open() as file:
        return list(csv.DictReader(file))


def test_the_cluster_grades_as_the_local_pool_and_no_student_downs_a_worker(tmp_path,
                                                                           cluster, capsys):
    local, client = cluster
    root = _class(tmp_path / "class", ["correct_lists", "broken_loops_until_converged",
                                       "broken_segfault", "broken_memory_hog"])
    workers = client.run(os.getpid)
    seed = ["--spec-seed", "17"]
    assert main(["grade-class", str(root), "--lab", "td1", "--csv", str(tmp_path / "dask.csv"),
                 "--scheduler", local.scheduler_address, *ONLY, *seed]) == 0
    assert main(["grade-class", str(root), "--lab", "td1", "--csv", str(tmp_path / "here.csv"),
                 "--jobs", "2", *ONLY, *seed]) == 0
    on_dask, here = _rows(tmp_path / "dask.csv"), _rows(tmp_path / "here.csv")
    assert on_dask == here
    scores = {row["student"]: row["score"] for row in on_dask}
    assert scores == {"correct_lists": f"{2 * TABLE + XOR:g}",
                      "broken_loops_until_converged": f"{2 * TABLE:g}",
                      "broken_segfault": "0", "broken_memory_hog": "0"}
    assert "out of memory" in next(r["note"] for r in on_dask
                                   if r["student"] == "broken_memory_hog")
    assert client.run(os.getpid) == workers  # the same two processes: none was restarted
    assert "on 2 worker thread(s)" in capsys.readouterr().out


def test_a_worker_killed_mid_grading_loses_no_student(tmp_path, cluster):
    local, client = cluster
    names = ["correct_lists@1", "correct_lists@2", "correct_lists@3", "wrong_bias_sign",
             "chatty_prints_megabytes"]
    root = _class(tmp_path / "class", names)
    csv_path = tmp_path / "grades.csv"
    codes: list[int] = []
    grading = threading.Thread(target=lambda: codes.append(main(
        ["grade-class", str(root), "--lab", "td1", "--csv", str(csv_path),
         "--scheduler", local.scheduler_address, *ONLY])))
    grading.start()
    victim, orphans = None, []
    deadline = time.monotonic() + PATIENCE
    while victim is None and time.monotonic() < deadline and grading.is_alive():
        for pid in client.run(os.getpid).values():
            children = psutil.Process(pid).children(recursive=True)
            if children:  # this worker is running a student's specs right now
                victim, orphans = pid, children
                os.kill(pid, signal.SIGKILL)
                break
        time.sleep(0.05)
    grading.join(PATIENCE)
    assert victim is not None, "no worker was seen grading"
    assert codes == [0]
    rows = _rows(csv_path)
    assert sorted(row["student"] for row in rows) == sorted(n.replace("@", "_") for n in names)
    assert all(row["score"] for row in rows), [row["note"] for row in rows]
    # the killed worker's spec run did not outlive it (LABS_GRADER_PID: parent-death signal)
    gone, alive = psutil.wait_procs(orphans, timeout=PATIENCE)
    assert not alive
    client.wait_for_workers(2)  # its nanny started another


def test_workers_under_different_sandbox_levels_are_refused_unless_allowed(tmp_path, cluster,
                                                                         capsys):
    from labs.sandbox import isolation

    if isolation.level() == "none":
        pytest.skip("this machine has no sandbox level above 'none' to mix with it")
    local, client = cluster
    one = sorted(client.scheduler_info()["workers"])[0]

    def weaker(value: str | None) -> None:
        from labs.sandbox import isolation

        if value is None:
            os.environ.pop("LABS_SANDBOX", None)
        else:
            os.environ["LABS_SANDBOX"] = value
        isolation.level.cache_clear()

    root = _class(tmp_path / "class", ["correct_lists"])
    command = ["grade-class", str(root), "--lab", "td1", "--csv", str(tmp_path / "g.csv"),
               "--scheduler", local.scheduler_address, "--only", "truth_table"]
    client.run(weaker, "none", workers=[one])
    try:
        assert main(command) == 2
        error = capsys.readouterr().err.strip().splitlines()
        assert len(error) == 1 and "none" in error[0] and isolation.level() in error[0]
        assert "--allow-mixed-sandbox" in error[0]
        assert not (tmp_path / "g.csv").exists()
        assert main([*command, "--allow-mixed-sandbox"]) == 0
        (row,) = _rows(tmp_path / "g.csv")
        assert row["sandbox"] in ("none", isolation.level()) and row["score"] == f"{2 * TABLE:g}"
    finally:
        client.run(weaker, None, workers=[one])


def test_no_scheduler_at_the_address_is_one_line_and_exit_2(tmp_path, capsys, monkeypatch):
    from labs.grading import executors

    monkeypatch.setattr(executors, "CONNECT_SECONDS", 2)  # nothing listens: no need to wait
    root = _class(tmp_path / "class", ["correct_lists"])
    assert main(["grade-class", str(root), "--lab", "td1", "--csv", str(tmp_path / "g.csv"),
                 "--scheduler", "tcp://127.0.0.1:9"]) == 2
    (error,) = capsys.readouterr().err.strip().splitlines()
    assert error.startswith("error: --scheduler tcp://127.0.0.1:9: cannot reach")
    assert not (tmp_path / "results").exists()
