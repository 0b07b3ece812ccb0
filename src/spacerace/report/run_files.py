"""Read a run folder (what ``spacerace run --out`` wrote) back into events and base rows.

``parse_*`` take lines (test them with a list); ``read_run_folder`` opens the files. A
missing file or a bad line raises :class:`~spacerace.errors.InputError` naming the file,
the line and what is wrong, so ``spacerace base`` prints one line and exits 2.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacerace.errors import InputError
from spacerace.world.event import Breakdown, Event

__all__ = ["RunFolder", "json_objects", "parse_base_rows", "parse_events", "read_run_folder"]

_EVENT_FIELDS = ("day", "kind", "agency", "text")
_ROW_FIELDS = ("day", "base", "population", "employers", "tension", "reserve_days")


@dataclass(frozen=True)
class RunFolder:
    """A run read back from its folder.

    Attributes:
        info: ``run.json``: scenario, seed, ``start_jd_tdb``, agency names, bases.
        events: The event log, in order.
        rows: Monthly base rows, in order.
    """

    info: dict
    events: list[Event]
    rows: list[dict]

    def agency_name(self, key: str) -> str:
        """Display name of an agency key (the key if unknown)."""
        return self.info.get("agencies", {}).get(key, key)


def json_objects(lines: Iterable[str], source: str, fields: tuple[str, ...]):
    """Yield (line number, object) of JSON-lines text, each object holding ``fields``.

    Blank lines are skipped; a line that is not a JSON object, or lacks a field, is an
    ``InputError`` naming ``source`` and the line.

    Example:
        >>> list(json_objects(['{"id": 1}', "", '{"id": 2}'], "m.jsonl", ("id",)))
        [(1, {'id': 1}), (3, {'id': 2})]
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{source}:{number}: not a JSON object ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise InputError(f"{source}:{number}: expected a JSON object, got {type(obj).__name__}")
        missing = [f for f in fields if f not in obj]
        if missing:
            raise InputError(f"{source}:{number}: missing field {missing[0]!r}")
        yield number, obj


def parse_events(lines: Iterable[str], source: str = "events.jsonl") -> list[Event]:
    """Parse ``events.jsonl`` lines into events.

    Example:
        >>> line = '{"day": 1.5, "kind": "launch", "agency": "nasa", "text": "Go."}'
        >>> parse_events([line])[0].kind
        'launch'
    """
    events = []
    for number, obj in json_objects(lines, source, _EVENT_FIELDS):
        try:
            day = float(obj["day"])
        except (TypeError, ValueError):
            raise InputError(
                f"{source}:{number}: day: expected a number, got {obj['day']!r}"
            ) from None
        events.append(
            Event(
                day=day,
                kind=str(obj["kind"]),
                agency=obj["agency"],
                text=str(obj["text"]),
                cause=str(obj.get("cause", "")),
                actors=tuple(obj.get("actors", ())),
                data=dict(obj.get("data", {})),
                scripted=bool(obj.get("scripted", False)),
                breakdown=_breakdown(obj.get("breakdown"), source, number),
            )
        )
    return events


def _breakdown(obj, source: str, number: int) -> Breakdown | None:
    if obj is None:
        return None
    try:
        return Breakdown.from_dict(obj)
    except (KeyError, TypeError, ValueError):
        raise InputError(
            f"{source}:{number}: breakdown: expected {{of, label, terms: [[label, amount]]}}"
        ) from None


def parse_base_rows(lines: Iterable[str], source: str = "bases.jsonl") -> list[dict]:
    """Parse ``bases.jsonl`` lines into base rows (``sim.result.BaseRow``)."""
    rows = []
    for number, obj in json_objects(lines, source, _ROW_FIELDS):
        if not isinstance(obj["employers"], dict):
            raise InputError(f"{source}:{number}: employers: expected an object")
        rows.append(obj)
    return rows


def read_run_folder(folder: str | Path) -> RunFolder:
    """Read ``run.json``, ``events.jsonl`` and ``bases.jsonl`` from a run folder."""
    root = Path(folder)
    try:
        is_dir = root.is_dir()
    except OSError as exc:  # a name too long, a loop of links: what the OS says, in one line
        raise InputError(f"--run {str(root)[:80]}: {exc.strerror or exc}") from None
    if not is_dir:
        raise InputError(f"--run {root}: not a folder (write one with `spacerace run --out`)")
    paths = {name: root / name for name in ("run.json", "events.jsonl", "bases.jsonl")}
    for path in paths.values():
        if not path.is_file():
            raise InputError(f"{path}: missing; is this a folder written by `spacerace run --out`?")
    try:
        info = json.loads(paths["run.json"].read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{paths['run.json']}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(info, dict) or "start_jd_tdb" not in info:
        raise InputError(f"{paths['run.json']}: start_jd_tdb: missing")
    with paths["events.jsonl"].open(encoding="utf-8") as f:
        events = parse_events(f, str(paths["events.jsonl"]))
    with paths["bases.jsonl"].open(encoding="utf-8") as f:
        rows = parse_base_rows(f, str(paths["bases.jsonl"]))
    return RunFolder(info, events, rows)
