"""A saved game: a decision log that ``spacerace run --decisions`` replays, and where play was.

A save is ``decisions.jsonl`` (``sim.decision_log``): the header names the scenario (name
and content hash) and the seed, and every question asked so far follows with its answer,
the player's and the built-in policies' alike. The header carries one more entry, which
``run --decisions`` ignores: ``"play"``, the agency in the player's chair and where the game
stood::

    {"decisions": 41, "format": "spacerace-decisions", "play": {"agency": "nasa",
     "events_seen": 97, "from_day": 273.0, "turn": 12, "until_year": 1975},
     "scenario": "for-all-mankind", "scenario_hash": "…", "seed": 1, "version": 1}

Replaying a save on the command line (same scenario, seed and ``--until``) plays the same
history up to where the game stood, and the built-in policies play on from there; a save
of a finished game replays the whole history, byte for byte.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacerace.errors import DecisionLogError, InputError
from spacerace.scenario.model import Scenario
from spacerace.sim.decision_log import DecisionLog, format_decision_log, parse_decision_log

__all__ = ["MAX_LOG_BYTES", "SaveState", "format_save", "read_log_lines", "read_save"]

MAX_LOG_BYTES = 256 * 2**20
"""Largest decision log read (a full for-all-mankind run writes about 1 MB)."""


@dataclass(frozen=True)
class SaveState:
    """Where a game stood when it was saved (the header's ``"play"`` entry).

    Attributes:
        agency: Key of the agency in the player's chair.
        until_year: Last year the game plays (None: the scenario's end).
        turn: Turns played.
        from_day: Day the last turn ended, days since the start (the current turn runs
            from there to the player's next question or at most a quarter).
        events_seen: Events of the log the player has been told of (the debrief of the
            current turn starts there).
    """

    agency: str
    until_year: int | None
    turn: int
    from_day: float
    events_seen: int

    def to_json(self) -> dict:
        """The header's ``"play"`` entry."""
        return {
            "agency": self.agency,
            "until_year": self.until_year,
            "turn": self.turn,
            "from_day": self.from_day,
            "events_seen": self.events_seen,
        }


def format_save(scenario: Scenario, seed: int, decisions: Sequence, dates, state: SaveState) -> str:
    """The save's text: :func:`format_decision_log` with ``"play"`` in its header."""
    text = format_decision_log(scenario, seed, decisions, dates)
    first, _, rest = text.partition("\n")
    header = json.loads(first)
    header["play"] = state.to_json()
    return json.dumps(header, sort_keys=True) + "\n" + rest


def read_save(
    path: Path, scenario: Scenario | None = None
) -> tuple[Scenario, int, SaveState, DecisionLog]:
    """Read a saved game: its scenario (loaded by name unless given), seed, state and log.

    Raises:
        InputError: The file cannot be read, or is not a saved game (one line, with the
            file and line: :class:`~spacerace.errors.DecisionLogError`).
    """
    lines = list(read_log_lines(path, f"--load {path}"))
    source = str(path)
    header = _header_of(lines, source)
    if scenario is None:
        from spacerace.scenario.loader import load_scenario

        try:
            scenario = load_scenario(str(header["scenario"]))
        except InputError:
            raise DecisionLogError(
                f"made for scenario {json.dumps(header['scenario'])}, which is not built in: "
                "give its file with --scenario",
                path=source,
                line=1,
            ) from None
    seed = header["seed"]
    log = parse_decision_log(lines, source, scenario, seed)
    return scenario, seed, _state_of(header, scenario, source), log


def _header_of(lines: list[str], source: str) -> dict:
    first = next((t for t in lines if t.strip()), "")
    try:
        header = json.loads(first) if first else None
    except json.JSONDecodeError:
        header = None
    if not isinstance(header, dict) or not isinstance(header.get("seed"), int):
        raise DecisionLogError(
            'expected the header of a saved game (a decision log\'s, with "play") on the '
            "first line",
            path=source,
            line=1,
        )
    if not isinstance(header.get("play"), dict):
        raise DecisionLogError(
            'no "play" entry in the header: a decision log of `spacerace run`, not a saved '
            "game (replay it with `spacerace run --decisions`)",
            path=source,
            line=1,
        )
    return header


def _state_of(header: dict, scenario: Scenario, source: str) -> SaveState:
    play = header["play"]

    def fail(problem: str):
        raise DecisionLogError(f"play: {problem}", path=source, line=1)

    agency = play.get("agency")
    if agency not in scenario.agencies:
        known = ", ".join(sorted(scenario.agencies))
        fail(f"unknown agency {json.dumps(agency)}; the scenario's agencies: {known}")
    until = play.get("until_year")
    if until is not None and not _whole(until):
        fail(f"until_year: expected a year or null, got {json.dumps(until)}")
    for key in ("turn", "events_seen"):
        if not _whole(play.get(key)):
            fail(f"{key}: expected a whole number >= 0, got {json.dumps(play.get(key))}")
    day = play.get("from_day")
    if isinstance(day, bool) or not isinstance(day, int | float) or not 0 <= day < 1e6:
        fail(f"from_day: expected a day >= 0, got {json.dumps(day)}")
    return SaveState(agency, until, play["turn"], float(day), play["events_seen"])


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def read_log_lines(path: Path, where: str) -> Iterator[str]:
    """The UTF-8 lines of a decision log file (``where``: how the user named it, for messages).

    Only a regular file is read (a FIFO or a device would block or never end). Every
    problem is an :class:`~spacerace.errors.InputError` of one line.
    """
    try:  # O_NONBLOCK: opening a FIFO must not wait for a writer
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise InputError(f"{where}: no such file") from None
    except OSError as exc:
        raise InputError(f"{where}: cannot be read ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{where}: is a folder; give its decisions.jsonl")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{where}: not a regular file (a decision log is a file)")
        if info.st_size > MAX_LOG_BYTES:
            raise InputError(
                f"{where}: {info.st_size:,} bytes, more than a decision log's {MAX_LOG_BYTES:,}"
            )
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read()
    except OSError as exc:
        raise InputError(f"{where}: cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)
    return _utf8_lines(data, str(path))


def _utf8_lines(data: bytes, source: str) -> Iterator[str]:
    """The lines of ``data`` (each with its newline), refusing one that is not UTF-8."""
    data = data.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark some editors write
    pieces = data.split(b"\n")  # on b"\n" alone, as a text file's lines are
    lines = [p + b"\n" for p in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])
    for number, piece in enumerate(lines, start=1):
        try:
            yield piece.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DecisionLogError(
                f"not UTF-8 text (byte {exc.start + 1} of the line is {piece[exc.start]:#04x})",
                path=source,
                line=number,
            ) from None
