"""The Dask settings for grading workers: the docs give a teacher the same ones the project
uses, and Dask reads them back from the environment as they are meant."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from labs.grading.executors import QUIET_WORKERS, drop_dask_worker_environment, environment_variables

TEACHERS_PAGE = Path(__file__).resolve().parents[2] / "docs" / "grading-a-class.md"


def test_the_teachers_page_exports_the_projects_worker_settings():
    exported = dict(re.findall(r"^export (DASK_\w+)=(\S+)$", TEACHERS_PAGE.read_text(),
                               re.MULTILINE))
    assert exported == environment_variables(QUIET_WORKERS)


def test_dask_reads_the_exports_back_as_the_settings():
    config = pytest.importorskip("dask.config", reason='the cluster extra: pip install -e ".[cluster]"')
    read = config.collect_env(environment_variables(QUIET_WORKERS))
    for key, value in QUIET_WORKERS.items():
        assert config.get(key, config=read) == value, key


def test_outside_a_dask_worker_the_environment_is_left_as_it_is():
    environ = {"MALLOC_TRIM_THRESHOLD_": "65536", "OMP_NUM_THREADS": "1", "PATH": "/bin"}
    assert drop_dask_worker_environment(environ) == []
    assert environ == {"MALLOC_TRIM_THRESHOLD_": "65536", "OMP_NUM_THREADS": "1", "PATH": "/bin"}
