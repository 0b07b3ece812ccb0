"""Outputs are checked before any work; a write that fails is one line, exit 2, and leaves
nothing half-written (tests run as root, where chmod does not stop writes: the unwritable
paths are under a file, under a missing folder, too long, or a disk made full by patching)."""

from __future__ import annotations

import errno
import json
import os

import pytest

LONG = "x" * 300  # more than NAME_MAX (255 bytes)


@pytest.fixture
def no_work(monkeypatch):
    """Make every long computation fail loudly: a check must refuse before reaching one."""

    def boom(*args, **kwargs):
        raise AssertionError("the work started before the output was checked")

    import spacerace.ensemble.runner
    import spacerace.mining
    import spacerace.planning
    import spacerace.sim.engine

    monkeypatch.setattr(spacerace.sim.engine, "run_timeline", boom)
    monkeypatch.setattr(spacerace.mining, "candidate_for", boom)
    monkeypatch.setattr(spacerace.mining, "rank_candidates", boom)
    monkeypatch.setattr(spacerace.planning, "porkchop", boom)
    monkeypatch.setattr(spacerace.planning, "next_window", boom)
    monkeypatch.setattr(spacerace.ensemble.runner, "run_ensemble", boom)


def _commands(tmp_path, out: str, plot: str):
    db = str(tmp_path / "s.duckdb")
    return [
        ["run", "--until", "1970", "--out", out],
        ["porkchop", "earth", "mars", "--depart", "2005-06-01..2005-07-01", "--out", plot],
        ["asteroid", "Bennu", "--out", plot],
        ["ensemble", "-n", "2", "--backend", "serial", "--db", db, "--out", out],
        ["show", "abc", "--db", db, "--out", out],
        ["export", "--db", db, "--out", out],
        ["base", "Jamestown", "--run", str(tmp_path), "--plot", plot],
    ]


def _bad_paths(tmp_path):
    a_file = tmp_path / "a_file"
    a_file.write_text("not a folder")
    return {
        "under a file": (str(a_file / "out"), str(a_file / "p.png")),
        "missing parent": (None, str(tmp_path / "missing" / "p.png")),
        "name too long": (str(tmp_path / LONG), str(tmp_path / (LONG + ".png"))),
        "path too long": (str(tmp_path / "/".join(["d" * 200] * 25)),) * 2,
        "a file as the folder": (str(a_file), str(tmp_path)),
    }


@pytest.mark.parametrize(
    "kind",
    ["under a file", "missing parent", "name too long", "path too long", "a file as the folder"],
)
def test_unwritable_outputs_are_refused_before_the_work(tmp_path, cli, no_work, kind):
    out, plot = _bad_paths(tmp_path)[kind]
    for argv in _commands(tmp_path, out or str(tmp_path / "fine"), plot):
        if out is None and "--plot" not in argv and argv[-1] != plot:
            continue  # a missing parent folder of a folder is made, as mkdir -p does
        code, stdout, err = cli(argv)
        assert code == 2, (argv, err)
        assert err.count("\n") == 1 and err.startswith("spacerace: error: --"), (argv, err)
        assert len(err) < 400, err  # a long path is shortened in the message
        assert stdout == ""
    assert not (tmp_path / "s.duckdb").exists()  # not even the store was made


def test_wrong_suffix_is_refused(tmp_path, cli, no_work):
    for argv, message in [
        (["porkchop", "earth", "mars", "--out", str(tmp_path / "p.jpg")], ".png, .svg or .pdf"),
        (["asteroid", "Bennu", "--out", str(tmp_path / "p")], ".png, .svg or .pdf"),
        (["base", "X", "--run", str(tmp_path), "--plot", str(tmp_path / "b.svg")], ".png file"),
    ]:
        code, _, err = cli(argv)
        assert code == 2 and message in err and err.count("\n") == 1, err


def _run_once(cli, out):
    code, stdout, err = cli(["run", "--seed", "2", "--until", "1971", "--json", "--out", str(out)])
    assert code == 0, err
    return json.loads(stdout)["files"]


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("where", ["replace", "write"])
def test_a_full_disk_leaves_the_earlier_report_whole(tmp_path, cli, monkeypatch, where):
    out = tmp_path / "report"
    _run_once(cli, out)
    before = _snapshot(out)
    import spacerace.atomic_files as atomic

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if where == "replace":
        monkeypatch.setattr(atomic.os, "replace", full)
    else:
        real = atomic.os.fdopen

        class FullFile:
            def __init__(self, fd, mode):
                self._f = real(fd, mode)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self._f.close()

            def write(self, data):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(atomic.os, "fdopen", FullFile)
    code, stdout, err = cli(["run", "--seed", "3", "--until", "1971", "--out", str(out)])
    assert code == 2 and stdout == ""
    assert err.count("\n") == 1 and "no space left on the device" in err, err
    assert str(out) in err
    assert _snapshot(out) == before  # nothing replaced, no temporary file left


def test_rerunning_into_a_folder_removes_only_the_old_run_files(tmp_path, cli):
    out = tmp_path / "report"
    out.mkdir()
    for name in ("base_atlantis.png", ".chronicle.md.abc123.tmp", "notes.txt", "events.jsonl"):
        (out / name).write_text("old")
    (out / "keep").mkdir()
    files = _run_once(cli, out)
    names = {p.name for p in out.iterdir()}
    assert names == set(files) | {"notes.txt", "keep"}
    assert (out / "events.jsonl").read_text() != "old"
