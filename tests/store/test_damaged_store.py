"""A damaged store meets every reading command with one line naming the file, and exit 2.

The damage is made as it happens to files: cut to half its size (a copy stopped midway),
64 blocks of 4 KB overwritten with random bytes at fixed seeds (a failing disk), a file that
is not DuckDB at all, a write-ahead log left behind, a store of another version (a column
missing), and a store held by a writer in another process. Oracle: the promise of the README
(one line on stderr, status 2, no traceback) and the file left as it was.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys

import duckdb
import pytest

from spacerace.cli.app import main
from spacerace.ensemble.runner import run_ensemble
from spacerace.store.db import Store

SCENARIO = "history"


@pytest.fixture(scope="module")
def good(tmp_path_factory, scenarios):
    """A store of a four-run ensemble of history (a whole file, ~2 MB)."""
    path = tmp_path_factory.mktemp("good") / "runs.duckdb"
    with Store(path) as store:
        run_ensemble(scenarios[SCENARIO], 4, store)
    with duckdb.connect(str(path), read_only=True) as con:
        run_id = con.execute("SELECT min(run_id) FROM runs").fetchone()[0]
    return path, run_id


def _truncate(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _garbage(seed, skip=0):
    def damage(path):
        rng = random.Random(seed)
        blocks = path.stat().st_size // 4096
        with path.open("r+b") as f:
            for block in rng.sample(range(skip, blocks), min(64, blocks - skip)):
                f.seek(block * 4096)
                f.write(rng.randbytes(4096))

    return damage


def _not_duckdb(path):
    path.write_text("scenario = 'not a database'\n" * 400)


def _other_version(path):
    with duckdb.connect(str(path)) as con:
        con.execute("DROP INDEX runs_by_scenario")
        con.execute("ALTER TABLE runs DROP COLUMN duration_s")


DAMAGE = {
    "cut to half": (_truncate, "damaged"),
    "garbage, seed 0": (_garbage(0), "damaged"),
    "garbage, seed 1": (_garbage(1), "damaged"),
    "garbage past the header, seed 2": (_garbage(2, skip=3), "damaged"),
    "garbage past the header, seed 3": (_garbage(3, skip=3), "damaged"),
    "not DuckDB": (_not_duckdb, "is not a DuckDB database"),
    "another version": (_other_version, "written by another version"),
}


def _commands(path, run_id, out):
    return {
        "runs": ["runs", "--db", str(path)],
        "compare": ["compare", SCENARIO, SCENARIO, "--db", str(path)],
        "show": ["show", run_id, "--db", str(path), "--json"],
        "export": ["export", "--db", str(path), "--out", str(out)],
    }


def _cli(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
        raise SystemExit(0)
    _, err = capsys.readouterr()
    return info.value.code or 0, err


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_every_reading_command_says_the_store_is_damaged_in_one_line(kind, good, tmp_path, capsys):
    damage, message = DAMAGE[kind]
    path = tmp_path / "runs.duckdb"
    shutil.copy(good[0], path)
    damage(path)
    before = path.read_bytes()
    for name, argv in _commands(path, good[1], tmp_path / "pq").items():
        code, err = _cli(argv, capsys)
        assert code == 2 and err.count("\n") == 1, (kind, name, err)
        assert str(path) in err and message in err, (kind, name, err)
        if message == "damaged":
            assert "restore it from a copy, or delete it" in err
    assert path.read_bytes() == before  # reading changed nothing


def test_a_leftover_write_ahead_log_is_replayed_or_refused_in_one_line(good, tmp_path, capsys):
    path = tmp_path / "runs.duckdb"
    shutil.copy(good[0], path)
    (tmp_path / "runs.duckdb.wal").write_bytes(random.Random(4).randbytes(20_000))
    for name, argv in _commands(path, good[1], tmp_path / "pq").items():
        code, err = _cli(argv, capsys)
        assert code in (0, 2) and err.count("\n") <= 1, (name, err)
        assert code == 0 or str(path) in err, (name, err)


def test_a_store_held_by_a_writer_elsewhere_is_named_with_its_process(good, tmp_path, capsys):
    path = tmp_path / "runs.duckdb"
    shutil.copy(good[0], path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True);"
            " time.sleep(60)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        for name, argv in _commands(path, good[1], tmp_path / "pq").items():
            code, err = _cli(argv, capsys)
            assert code == 2 and err.count("\n") == 1, (name, err)
            assert f"is in use by process {holder.pid}" in err, (name, err)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
