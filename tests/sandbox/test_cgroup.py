"""The submission's cgroup on a stand-in hierarchy (a folder laid out like /sys/fs/cgroup):
cgroup v2's files where its memory and pids controllers are delegated, v1's otherwise, and
no group (the per-process limits' fallback) where nothing is writable."""
from __future__ import annotations

from pathlib import Path

import pytest

from labs.sandbox import cgroup


def fake_proc(monkeypatch, lines: str) -> None:
    real = Path.read_text

    def read_text(path: Path, *args, **kwargs) -> str:
        return lines if str(path) == "/proc/self/cgroup" else real(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", read_text)


def test_cgroup_v2_writes_memory_pids_and_is_killed_through_cgroup_kill(tmp_path, monkeypatch):
    base = tmp_path / "grader.slice"
    base.mkdir()
    (tmp_path / "cgroup.controllers").write_text("cpu memory pids\n")
    (base / "cgroup.subtree_control").write_text("memory pids\n")
    monkeypatch.setattr(cgroup, "ROOT", tmp_path)
    fake_proc(monkeypatch, "0::/grader.slice\n")
    group = cgroup.SubmissionGroup.create(memory_mb=512, max_processes=64)
    assert group is not None and group.version == 2
    folder = group.folders[0]
    assert folder.parent == base
    assert (folder / "memory.max").read_text() == str(512 * 2**20)
    assert (folder / "pids.max").read_text() == "64"
    (folder / "cgroup.procs").write_text("")  # the kernel's file: empty, no process left
    (folder / "cgroup.kill").write_text("")
    removed = []
    monkeypatch.setattr(Path, "rmdir", lambda path: removed.append(path))
    group.kill_and_remove()
    assert (folder / "cgroup.kill").read_text() == "1" and removed == [folder]


def test_cgroup_v1_uses_the_memory_and_pids_hierarchies(tmp_path, monkeypatch):
    for controller, path in (("memory", "job"), ("pids", "")):
        (tmp_path / controller / path).mkdir(parents=True, exist_ok=True)
    (tmp_path / "memory" / "job" / "memory.memsw.limit_in_bytes").write_text("")
    monkeypatch.setattr(cgroup, "ROOT", tmp_path)
    fake_proc(monkeypatch, "8:pids:/\n4:memory:/job\n0::/\n")
    real_mkdir = Path.mkdir

    def mkdir(path: Path, *args, **kwargs):  # the kernel makes a group's files on mkdir
        real_mkdir(path, *args, **kwargs)
        if path.parent.name == "job":
            (path / "memory.memsw.limit_in_bytes").write_text("")

    monkeypatch.setattr(Path, "mkdir", mkdir)
    group = cgroup.SubmissionGroup.create(memory_mb=256, max_processes=32)
    assert group is not None and group.version == 1
    memory, pids = group.folders
    assert (memory / "memory.limit_in_bytes").read_text() == str(256 * 2**20)
    assert (memory / "memory.memsw.limit_in_bytes").read_text() == str(256 * 2**20)
    assert (pids / "pids.max").read_text() == "32"


def test_no_writable_hierarchy_means_no_group(tmp_path, monkeypatch):
    monkeypatch.setattr(cgroup, "ROOT", tmp_path / "absent")
    fake_proc(monkeypatch, "0::/\n")
    assert cgroup.SubmissionGroup.create(memory_mb=256, max_processes=32) is None


@pytest.mark.skipif(not cgroup.available(),
                    reason="no writable cgroup hierarchy on this machine")
def test_a_real_group_is_created_and_removed():
    group = cgroup.SubmissionGroup.create(64, 8)
    assert all(folder.is_dir() for folder in group.folders)
    group.kill_and_remove()
    assert not any(folder.exists() for folder in group.folders)
