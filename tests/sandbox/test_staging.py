"""Staging's own limits: past the entry limit the rest is left out, said once."""
from __future__ import annotations

from labs.sandbox import staging


def test_past_the_entry_limit_the_rest_is_left_out_once(tmp_path, monkeypatch):
    monkeypatch.setattr(staging, "MAX_ENTRIES", 5)
    folder = tmp_path / "student"
    for path in ("a/1.py", "a/2.py", "a/3.py", "a/4.py", "a/5.py", "b.py", "c.py"):
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text("x = 1\n")
    staged = staging.stage(folder, tmp_path / "copy" / "submission")
    assert staged.left_out == ["a/5.py: more than 5 files and folders: the rest is left out"]
    assert sorted(p.name for p in staged.folder.rglob("*.py")) == ["1.py", "2.py", "3.py", "4.py"]
