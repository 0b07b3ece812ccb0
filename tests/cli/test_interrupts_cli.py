"""Ctrl-C: exit status 130 and one line saying what was kept (not 0 and silence)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import spacerace
from spacerace.errors import Interrupted

SRC = str(Path(spacerace.__file__).parents[1])


def test_ctrl_c_in_a_run_says_nothing_was_written(cli, monkeypatch):
    import spacerace.sim.engine

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(spacerace.sim.engine, "run_timeline", stopped)
    code, out, err = cli(["run", "--until", "1970"])
    assert (code, out, err) == (130, "", "spacerace: interrupted: nothing was written\n")


def test_an_interrupted_ensemble_says_what_it_kept(cli, monkeypatch, tmp_path):
    import spacerace.ensemble.runner

    def stopped(*args, **kwargs):
        raise Interrupted("42 of 100 runs stored in s.duckdb; run the same command to finish")

    monkeypatch.setattr(spacerace.ensemble.runner, "run_ensemble", stopped)
    argv = ["ensemble", "-n", "100", "--backend", "serial", "--db", str(tmp_path / "s.duckdb")]
    code, out, err = cli(argv)
    assert code == 130 and out == ""
    kept = "42 of 100 runs stored in s.duckdb; run the same command to finish"
    assert err == f"spacerace: interrupted: {kept}\n"


@pytest.mark.parametrize(
    "argv, kept",
    [
        (["run", "--seed", "3", "--out", "report"], "nothing half-written is left in report"),
        (["asteroids", "--designs", "400"], "nothing was written"),
    ],
)
def test_sigint_to_a_real_process(argv, kept, tmp_path):
    env = dict(os.environ, PYTHONPATH=SRC)
    proc = subprocess.Popen(
        [sys.executable, "-m", "spacerace", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    # into the command, past the run's imports (test_interrupt_races.py tries those moments);
    # the run writes its report from about 1.5 s
    time.sleep(2.0)
    assert proc.poll() is None, "the command finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.decode() == f"spacerace: interrupted: {kept}\n"
    assert not list(tmp_path.glob("report/.*.tmp"))  # no temporary file left behind


def test_ctrl_c_inside_a_compiled_kernel_is_an_interrupt(cli, monkeypatch):
    """Numba turns a KeyboardInterrupt in a kernel into a SystemError caused by it."""
    import spacerace.planning

    def kernel(*args, **kwargs):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            raise SystemError("returned a result with an exception set") from exc

    monkeypatch.setattr(spacerace.planning, "porkchop", kernel)
    argv = ["porkchop", "earth", "mars", "--depart", "2005-06-01..2005-07-01"]
    code, out, err = cli(argv)
    assert (code, out, err) == (130, "", "spacerace: interrupted: nothing was written\n")


def _stored_seeds(db: Path) -> list[int]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return [s for (s,) in con.execute("SELECT seed FROM runs ORDER BY seed").fetchall()]


def test_ctrl_c_before_the_ensemble_plays_says_what_the_store_holds(cli, monkeypatch, tmp_path):
    """A Ctrl-C outside run_ensemble's playing loop still gets the store's count."""
    import spacerace.store.db

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(spacerace.store.db.Store, "start_ensemble", stopped)
    db = tmp_path / "s.duckdb"
    code, out, err = cli(["ensemble", "-n", "3", "--backend", "serial", "--db", str(db)])
    assert (code, out) == (130, "")
    assert _stored_seeds(db) == []
    assert (
        err
        == f"spacerace: interrupted: 0 of 3 runs stored in {db}; run the same command to finish\n"
    )


def test_ctrl_c_in_the_summary_says_every_run_is_stored(cli, monkeypatch, tmp_path):
    import spacerace.ensemble.summary

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(spacerace.ensemble.summary, "summarize_aggregates", stopped)
    db = tmp_path / "s.duckdb"
    argv = ["ensemble", "-n", "2", "--scenario", "history", "--backend", "serial"]
    code, out, err = cli([*argv, "--db", str(db)])
    assert (code, out) == (130, "")
    assert _stored_seeds(db) == [0, 1]
    kept = f"all 2 runs stored in {db}; run the same command for the summary"
    assert err == f"spacerace: interrupted: {kept}\n"


def test_a_kernel_interrupt_while_playing_counts_the_stored_runs(cli, monkeypatch, tmp_path):
    """Numba's SystemError caused by a Ctrl-C in the second chunk: the first one is kept."""
    import spacerace.ensemble.backends as backends

    real = backends.play_chunk
    calls = []

    def play(scenario, seeds, planner):
        calls.append(list(seeds))
        if len(calls) == 2:
            try:
                raise KeyboardInterrupt
            except KeyboardInterrupt as exc:
                raise SystemError("returned a result with an exception set") from exc
        return real(scenario, seeds, planner)

    monkeypatch.setattr(backends, "play_chunk", play)
    db = tmp_path / "s.duckdb"
    argv = ["ensemble", "-n", "3", "--scenario", "history", "--backend", "serial"]
    code, out, err = cli([*argv, "--db", str(db)])
    assert (code, out) == (130, "")
    assert _stored_seeds(db) == calls[0]
    kept = f"{len(calls[0])} of 3 runs stored in {db}; run the same command to finish"
    assert err == f"spacerace: interrupted: {kept}\n"


def test_the_entry_point_says_what_a_command_told_it_was_kept(capsys, monkeypatch):
    """A Ctrl-C that reaches the entry point, not the command, still says what was kept."""
    from spacerace.cli import entry

    monkeypatch.setitem(entry._state, "kept", "")
    monkeypatch.setitem(entry._state, "said", False)
    entry.tell_kept("7 of 9 runs stored in s.duckdb; run the same command to finish")
    entry.say_interrupted("")
    entry.say_interrupted("the store was not changed")  # a command's own words win
    entry.tell_kept("")
    entry.say_interrupted("")
    assert capsys.readouterr().err.splitlines() == [
        "spacerace: interrupted: 7 of 9 runs stored in s.duckdb; run the same command to finish",
        "spacerace: interrupted: the store was not changed",
        "spacerace: interrupted",
    ]
