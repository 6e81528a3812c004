"""Output files: the process umask, written through symbolic links, atomic, no temporary files;
empty and directory targets refused cleanly; ``docs`` removes only files it wrote."""

from __future__ import annotations

import os
import stat

import pytest

from symsurrogate._docs._site import MANIFEST, write_catalog
from symsurrogate._support._files import write_atomic


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_mode_follows_the_umask(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        path = write_atomic(tmp_path / "out.py", "x = 1\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_written_through_a_symlink(tmp_path):
    target = tmp_path / "real.py"
    target.write_text("old")
    link = tmp_path / "link.py"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.py", "real.py"]


@pytest.mark.parametrize("where", ["", "directory"])
def test_empty_or_directory_target_is_refused_cleanly(tmp_path, where, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "directory").mkdir()
    with pytest.raises(OSError):
        write_atomic(where, "x")
    result = command("codegen", "Sigmoid", "-o", where, cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("symsurrogate: error:")
    leftovers = [p.name for p in tmp_path.rglob("*") if p.name != "directory"]
    assert leftovers == []


def test_failed_write_keeps_the_old_file_and_leaves_nothing(tmp_path, monkeypatch):
    path = tmp_path / "out.txt"
    path.write_text("old")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError):
        write_atomic(path, "new")
    assert path.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_docs_removes_only_what_it_wrote(tmp_path):
    ours = {"index.md": "index\n", "a.md": "a\n", "plots/a.svg": "<svg/>"}
    write_catalog(tmp_path, ours)
    (tmp_path / "plots" / "mine.svg").write_text("a user's plot")
    (tmp_path / "notes.md").write_text("a user's page")
    # The next run no longer renders a.md (nor, with no plots, any SVG).
    write_catalog(tmp_path, {"index.md": "index v2\n"}, plots=False)
    assert not (tmp_path / "a.md").exists()
    assert (tmp_path / "plots" / "a.svg").exists()  # without plots, earlier plots are kept
    assert (tmp_path / "plots" / "mine.svg").read_text() == "a user's plot"
    assert (tmp_path / "notes.md").read_text() == "a user's page"
    write_catalog(tmp_path, {"index.md": "index v3\n"}, plots=True)
    assert not (tmp_path / "plots" / "a.svg").exists()
    assert (tmp_path / "plots" / "mine.svg").exists()


def test_docs_keeps_edited_files_and_ignores_a_planted_manifest(tmp_path):
    write_catalog(tmp_path / "docs", {"a.md": "a\n"})
    (tmp_path / "docs" / "a.md").write_text("edited by hand")
    (tmp_path / "victim.txt").write_text("keep")
    manifest = tmp_path / "docs" / MANIFEST
    manifest.write_text(manifest.read_text().replace('"a.md"', '"a.md", "../victim.txt": "x", "/etc/hosts": "y"'))
    write_catalog(tmp_path / "docs", {"b.md": "b\n"})
    assert (tmp_path / "docs" / "a.md").read_text() == "edited by hand"
    assert (tmp_path / "victim.txt").read_text() == "keep"
