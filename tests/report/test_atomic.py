"""Files are written whole or not at all (a temporary file, then os.replace)."""

from __future__ import annotations

import errno
import os

import pytest

from spacerace import atomic_files as _atomic
from spacerace.atomic_files import write_all_atomic, write_atomic


def test_write_atomic_replaces_the_file_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    assert path.stat().st_mode & 0o777 == 0o644


def test_a_failure_midway_leaves_the_folder_as_it_was(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_bytes(b"old a")
    calls = []
    real = _atomic._temporary

    def second_fails(path, data):
        calls.append(path.name)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(path, data)

    monkeypatch.setattr(_atomic, "_temporary", second_fails)
    with pytest.raises(OSError):
        write_all_atomic(tmp_path, {"a.txt": b"new a", "b.txt": b"new b"})
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {"a.txt": b"old a"}


def test_a_missing_folder_is_an_oserror_naming_it(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "missing" / "a.txt", b"x")
