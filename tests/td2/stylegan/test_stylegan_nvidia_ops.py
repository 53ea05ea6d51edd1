"""NVIDIA's custom CUDA ops, else its reference ops, saying which (``labs.stylegan.nvidia_ops``):
the fallback itself runs here, on the CPU, with a compilation that fails on purpose."""
from __future__ import annotations

import importlib

import pytest

from labs.stylegan import nvidia_ops, nvidia_runs


@pytest.fixture
def op_modules(monkeypatch):
    """NVIDIA's three op modules, their ``_init`` restored after the test."""
    repo = nvidia_runs.find_repo()
    if repo is None:
        pytest.skip(f"no checkout of NVlabs/stylegan3 (${nvidia_runs.REPO_VARIABLE})")
    nvidia_ops.import_stylegan3(repo)
    with nvidia_ops.nvidia_imports():
        modules = [importlib.import_module(f"torch_utils.ops.{name}") for name in nvidia_ops.OPS]
    for module in modules:
        monkeypatch.setattr(module, "_init", module._init)  # restored at teardown
    return repo, modules


def test_a_failed_compilation_switches_every_op_to_the_reference_and_says_why(op_modules):
    repo, modules = op_modules

    def no_compiler():
        raise RuntimeError("Ninja is required to load C++ extensions\nmore lines")

    modules[0]._init = modules[1]._init = lambda: True  # bias_act and upfirdn2d "compiled"
    modules[2]._init = no_compiler  # filtered_lrelu does not
    said = nvidia_ops.prepare_ops(repo, "cuda")
    assert said == ("reference ops (the custom CUDA ops failed to compile: RuntimeError: "
                    "Ninja is required to load C++ extensions)")
    assert [module._init() for module in modules] == [False, False, False]


def test_reference_ops_on_request_and_on_the_cpu(op_modules, monkeypatch):
    repo, modules = op_modules
    assert nvidia_ops.prepare_ops(repo, "cpu").startswith("reference ops")
    monkeypatch.setenv(nvidia_ops.OPS_VARIABLE, "reference")
    said = nvidia_ops.prepare_ops(repo, "cuda")
    assert said == f"reference ops ({nvidia_ops.OPS_VARIABLE}=reference)"
    assert [module._init() for module in modules] == [False, False, False]
