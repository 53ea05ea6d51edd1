"""``python -m labs.grading.throughput --lab td1 --size 10 --workers 1 2``: students per
minute on the local pool and on a Dask ``LocalCluster``, and the cluster's overhead.

Builds a class from the example folders (TD 1: the correct ones; TD 3: the correct
notebook), then grades it in interleaved rounds: for each worker count N, with ``N``
threads here (the local pool) and on a LocalCluster of ``N`` worker processes of one
thread each, with the project's settings for grading workers (``QUIET_WORKERS``), started
before the clock starts, as a teacher's cluster is, and only for its rounds: an idle cluster
costs CPU too. Prints, per round, the wall time, the students per
minute and the CPU time of the whole process tree (this process, the cluster's processes
and every grading's: ``labs.suite.usage``), the round trip of a no-op Dask task, then the
cluster's overhead per student: (cluster wall - local wall) x N / students, in seconds of
one worker. Needs the cluster extra (``pip install -e ".[cluster]"``).
"""
from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from labs.cli import description
from labs.grading.class_cli import grade_class
from labs.grading.executors import QUIET_WORKERS, DaskPool, LocalPool
from labs.grading.grade import Grade
from labs.grading.timing import build_class
from labs.sandbox.limits import limits_for
from labs.suite.usage import TreeUsage

TD3_EXAMPLE = Path(__file__).resolve().parents[2] / "tests" / "submissions" / "td3" / "correct_notebook"


def build(root: Path, lab: str, size: int) -> None:
    if lab == "td1":
        build_class(root, size, loops=0)
        return
    for k in range(size):
        shutil.copytree(TD3_EXAMPLE, root / f"student{k:02d}")


def one_round(root: Path, lab: str, pool: LocalPool | DaskPool,
              results: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the process tree, and students graded."""
    usage = TreeUsage()
    try:
        start, cpu = time.monotonic(), usage.total(discover=True)
        grades = grade_class(root, lab, limits_for(lab), pool.workers, results, progress=False,
                             pool=pool)
        seconds, cpu = time.monotonic() - start, usage.total(discover=True) - cpu
    finally:
        usage.stop()
    return seconds, cpu, sum(isinstance(g, Grade) for g in grades.values())


def task_round_trip(client: object, tasks: int = 50) -> float:
    """Seconds per no-op task sent through the executor and back, one after the other: what
    the scheduler adds to each student, whatever the grading costs."""
    executor = client.get_executor(pure=False)
    start = time.monotonic()
    for _ in range(tasks):
        executor.submit(len, "x").result()
    return (time.monotonic() - start) / tasks


def main() -> None:
    parser = argparse.ArgumentParser(description=description(__doc__))
    parser.add_argument("--lab", choices=["td1", "td3"], default="td1")
    parser.add_argument("--size", type=int, default=10, help="students in the class")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=1, help="interleaved rounds")
    args = parser.parse_args()
    import dask
    from distributed import Client, LocalCluster

    walls: dict[tuple[str, int], list[float]] = {}

    def report(kind: str, workers: int, seconds: float, cpu: float, graded: int) -> None:
        walls.setdefault((kind, workers), []).append(seconds)
        print(f"{args.lab} {kind:5s} {workers} worker(s): {graded}/{args.size} graded in "
              f"{seconds:.1f} s, {60 * graded / seconds:.1f} students/min, CPU {cpu:.1f} s "
              f"({cpu / args.size:.1f} s per student); load average {os.getloadavg()[0]:.1f}",
              flush=True)

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "class"
        build(root, args.lab, args.size)
        for _ in range(args.rounds):
            for workers in args.workers:
                results = Path(scratch) / "results"
                shutil.rmtree(results, ignore_errors=True)  # never resumed
                report("local", workers, *one_round(root, args.lab, LocalPool(workers), results))
                # the cluster is up before the clock starts, as a teacher's is
                with dask.config.set(QUIET_WORKERS), \
                        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                     dashboard_address=":0") as cluster, \
                        Client(cluster) as client:
                    client.wait_for_workers(workers)
                    shutil.rmtree(results, ignore_errors=True)
                    report("dask", workers, *one_round(root, args.lab, DaskPool(Client(cluster)),
                                                       results))
                    print(f"Dask round trip of a no-op task: "
                          f"{1000 * task_round_trip(client):.1f} ms", flush=True)
    for workers in args.workers:
        local, dask = min(walls[("local", workers)]), min(walls[("dask", workers)])
        print(f"{args.lab}, {workers} worker(s), best rounds: local {local:.1f} s, dask "
              f"{dask:.1f} s; overhead {(dask - local) * workers / args.size:+.2f} s of a "
              f"worker per student ({100 * (dask - local) / local:+.0f}%)")


if __name__ == "__main__":
    main()
