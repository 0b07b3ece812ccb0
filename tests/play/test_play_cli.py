"""``spacerace play`` with answers piped on stdin: whole games, end of input, bad input, Ctrl-C.

Oracles: ``Game.load`` of the save the command wrote, and ``spacerace run --decisions``.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import spacerace
from spacerace.cli.app import main
from spacerace.play import Game

SRC = str(Path(spacerace.__file__).parents[1])


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run ``spacerace ARGV`` with ``stdin``; return (exit status, stdout, stderr)."""

    def run(argv, stdin=""):
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        with pytest.raises(SystemExit) as info:
            main(argv)
            raise SystemExit(0)
        out, err = capsys.readouterr()
        return info.value.code or 0, out, err

    return run


def test_a_whole_piped_game_replays_on_the_command_line(cli, tmp_path):
    save = tmp_path / "g.jsonl"
    answers = "4\n\n1 2 3\nx\nd\n" + "d\n" * 400  # a mission, a bad line, then the advice
    code, out, err = cli(["play", "--until", "1970", "--save", str(save)], answers)
    assert (code, err) == (0, "")
    assert "Which mission does NASA fly next?" in out and "refused: expected" in out
    assert "the game is over" in out and "replay it with: spacerace run" in out
    game = Game.load(save)
    assert game.over and game.answers[:2] == [3, game.answers[1]]
    code, _, err = cli(
        ["run", "--seed", "1", "--until", "1970", "--decisions", str(save), "--out",
         str(tmp_path / "replay")]
    )  # fmt: skip
    assert (code, err) == (0, "")
    result = game.result()
    replayed = (tmp_path / "replay" / "events.jsonl").read_text()
    assert replayed == result.log.to_jsonl(result.start_jd_tdb)


def test_end_of_input_saves_and_ends_cleanly(cli, tmp_path):
    save = tmp_path / "g.jsonl"
    code, out, err = cli(["play", "--until", "1971", "--save", str(save)], "0\nd\n")
    assert (code, err) == (0, "")
    assert out.rstrip().endswith(f"end of input: the game is saved in {save}")
    game = Game.load(save)
    assert game.turns == 2 and game.answers[0] is None
    code, out, _ = cli(["play", "--load", str(save)], "p\nq\n")
    assert code == 0 and "waiting for your answer" in out and f"saved in {save}" in out
    assert Game.load(save).turns == 2


@pytest.mark.parametrize(
    "argv, says",
    [
        (["play", "--agency", "esa"], "unknown agency 'esa'; the scenario's agencies: dprk"),
        (["play", "--scenario", "nope"], "nope"),
        (["play", "--load", "missing.jsonl"], "--load missing.jsonl: no such file"),
        (["play", "--load", "."], "--load .: is a folder"),
        (["play", "--save", "g.txt"], "--save g.txt: expected a .jsonl file name"),
        (["play", "--load", "x.jsonl", "--seed", "2"], "--load: the save gives the seed"),
        (["play", "--until", "1900"], "until 1900: expected a year from 1969 to 2012"),
    ],
)
def test_bad_input_is_one_line_and_status_2(cli, argv, says, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(argv)
    assert code == 2 and out == ""
    assert err.startswith("spacerace: error: ") and says in err and err.count("\n") == 1


def test_a_save_that_is_not_a_game_and_a_save_in_the_way(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("junk.jsonl").write_text("hello\n")
    code, _, err = cli(["play", "--load", "junk.jsonl"])
    assert code == 2 and err == (
        "spacerace: error: junk.jsonl:1: expected the header of a saved game (a decision "
        'log\'s, with "play") on the first line\n'
    )
    code, _, err = cli(["play", "--save", "junk.jsonl"])
    assert code == 2 and "--save junk.jsonl: exists; resume it with --load" in err


def test_ctrl_c_saves_the_game_and_exits_130(tmp_path):
    env = dict(os.environ, PYTHONPATH=SRC)
    proc = subprocess.Popen(
        [sys.executable, "-m", "spacerace", "play", "--until", "1970", "--save", "g.jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    try:
        proc.stdin.write(b"0\n")
        proc.stdin.flush()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # the answer's turn is saved: a second turn
            text = (tmp_path / "g.jsonl").read_text() if (tmp_path / "g.jsonl").exists() else ""
            if '"turn": 1' in text:
                break
            time.sleep(0.2)
        time.sleep(0.5)  # waiting on stdin for the next answer
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert err.decode() == "spacerace: interrupted: the game is saved in g.jsonl (turn 1)\n"
    assert Game.load(tmp_path / "g.jsonl").answers == [None]
