"""The Dask settings for grading workers read back as they are meant (the teacher's page
gives them as exports: tests/docs/test_doc_numbers.py), and a grading on a worker drops
what Dask's nanny put in the worker's environment, never anything of the teacher's."""
from __future__ import annotations

import pytest

from labs.grading.executors import (QUIET_WORKERS, drop_dask_worker_environment,
                                    environment_variables)


def test_dask_reads_the_exports_back_as_the_settings():
    config = pytest.importorskip("dask.config",
                                 reason='the cluster extra: pip install -e ".[cluster]"')
    read = config.collect_env(environment_variables(QUIET_WORKERS))
    for key, value in QUIET_WORKERS.items():
        assert config.get(key, config=read) == value, key


def test_outside_a_dask_worker_the_environment_is_left_as_it_is():
    environ = {"MALLOC_TRIM_THRESHOLD_": "65536", "OMP_NUM_THREADS": "1", "PATH": "/bin"}
    assert drop_dask_worker_environment(environ) == []
    assert environ == {"MALLOC_TRIM_THRESHOLD_": "65536", "OMP_NUM_THREADS": "1", "PATH": "/bin"}
