"""Ctrl-C and SIGKILL of a real ``spacerace ensemble`` process (2 workers, 40 timelines).

Oracles: the kernel's process table (no process of the ensemble's session outlives its
SIGKILL: pool workers and the multiprocessing resource tracker included), and the store
itself (after Ctrl-C it holds exactly the runs the one line names; the same command run
again finishes the rest, without duplicates).
"""

from __future__ import annotations

import inspect
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

import spacerace.cli.app as cli_app

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

N = 40
SRC = str(Path(__file__).resolve().parents[2] / "src")


def _ensemble(db: Path) -> subprocess.Popen:
    argv = [sys.executable, "-m", "spacerace", "ensemble", "-n", str(N), "--workers", "2"]
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen(
        [*argv, "--db", str(db), "--scenario", "history"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # its own session and group, like a shell job
    )


def _session(sid: int) -> list[str]:
    """Processes (pid and command) whose session id is ``sid``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[3]) == sid:  # state, ppid, pgrp, session
            found.append(f"{stat.parent.name} {text[text.index('(') : text.rindex(')') + 1]}")
    return found


def _wait_for_first_records(proc: subprocess.Popen, db: Path, timeout_s: float = 240) -> None:
    """Until the first chunk is committed (the write-ahead log grows past the schema)."""
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read()
        if wal.exists() and wal.stat().st_size > 200_000 and len(_session(proc.pid)) >= 4:
            return
        time.sleep(0.2)
    pytest.fail("no records stored in time")


def _wait_until_gone(sid: int, before: list[str] | None = None, timeout_s: float = 5) -> None:
    deadline = time.monotonic() + timeout_s
    while _session(sid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _session(sid) == [], (before, _session(sid))


def _stored(db: Path) -> tuple[int, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*), count(DISTINCT run_id) FROM runs").fetchone()


def test_sigkill_of_an_ensemble_leaves_no_process_behind(tmp_path):
    db = tmp_path / "runs.duckdb"
    proc = _ensemble(db)
    try:
        _wait_for_first_records(proc, db)
        before = _session(proc.pid)  # the parent, 2 workers, the resource tracker
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        _wait_until_gone(proc.pid, before)
    finally:
        with_session = _session(proc.pid)
        if with_session:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.stderr.close()
    assert 0 < _stored(db)[0] < N  # what was committed before the kill is there


def test_ctrl_c_stops_keeps_what_was_stored_and_the_same_command_finishes(tmp_path):
    db = tmp_path / "runs.duckdb"
    proc = _ensemble(db)
    try:
        _wait_for_first_records(proc, db)
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole group
        t0 = time.monotonic()
        _, err = proc.communicate(timeout=60)
        stop_s = time.monotonic() - t0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    lines = err.strip().splitlines()
    found = re.search(rf"(\d+) of {N} runs stored in .*runs\.duckdb; run the same command", err)
    assert found, err
    kept = int(found.group(1))
    if "Interrupted" in inspect.getsource(cli_app):  # the CLI maps Interrupted to 130
        assert proc.returncode == 130 and len(lines) == 1, err
    assert stop_s < 15, stop_s  # promptly: the running chunks are not waited for
    _wait_until_gone(proc.pid)
    assert _stored(db) == (kept, kept) and 0 < kept < N
    again = _ensemble(db)
    _, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert _stored(db) == (N, N)
