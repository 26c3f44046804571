"""Atomic writes and folder locks: one helper for every file newsbench writes."""

from __future__ import annotations

import pytest
from filelock import FileLock, Timeout

from newsbench import config
from newsbench.fsutil import atomic_folder, atomic_write, locked


def test_atomic_write_text_bytes_and_callable(tmp_path):
    assert atomic_write(tmp_path / "a.txt", "héllo").read_text(encoding="utf-8") == "héllo"
    assert atomic_write(tmp_path / "b.bin", b"\x00\x01").read_bytes() == b"\x00\x01"
    atomic_write(tmp_path / "c.txt", lambda p: open(p, "w").write("via function"))
    assert (tmp_path / "c.txt").read_text() == "via function"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.bin", "c.txt"]


def test_interrupted_write_keeps_the_old_file_and_leaves_nothing(tmp_path):
    target = atomic_write(tmp_path / "frame.csv", "old")

    def dies(path):
        open(path, "w").write("half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, dies)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["frame.csv"]


def test_new_files_get_the_umask_not_0600(tmp_path):
    mode = atomic_write(tmp_path / "r.html", "x").stat().st_mode & 0o777
    assert mode & 0o044  # readable by others, like any file the user creates


def test_atomic_folder_publishes_whole_or_not_at_all(tmp_path):
    final = tmp_path / "entry"
    with pytest.raises(RuntimeError):
        with atomic_folder(final) as tmp:
            (tmp / "one").write_text("1")
            raise RuntimeError("died half way")
    assert not final.exists() and list(tmp_path.iterdir()) == []
    with atomic_folder(final) as tmp:
        (tmp / "one").write_text("1")
    assert (final / "one").read_text() == "1"
    # a second writer of the same folder keeps the first one unless told to replace it
    with atomic_folder(final) as tmp:
        (tmp / "one").write_text("second")
    assert (final / "one").read_text() == "1"
    with atomic_folder(final, replace=lambda old: True) as tmp:
        (tmp / "one").write_text("third")
    assert (final / "one").read_text() == "third"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entry"]


def test_locked_excludes_another_holder(tmp_path):
    with locked(tmp_path):
        with pytest.raises(Timeout):
            FileLock(str(tmp_path / ".lock"), timeout=0.2).acquire()
    with FileLock(str(tmp_path / ".lock"), timeout=0.2):
        pass  # free again once the block ends


@pytest.mark.parametrize("word,flag", [("yes", True), ("ON", True), ("1", True), (True, True),
                                       ("no", False), ("Off", False), ("0", False),
                                       (False, False), ("maybe", None), ("", None)])
def test_parse_bool_is_the_one_yes_no_reader(word, flag):
    assert config.parse_bool(word) is flag
