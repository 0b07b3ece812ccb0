"""Events: every change of the world is one, appended to the log; all views derive from it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacerace.astro.time import jd_tdb_to_iso

__all__ = ["Event", "EventLog"]

JsonScalar = str | int | float | bool | None


@dataclass(frozen=True)
class Event:
    """One dated change of the world.

    Attributes:
        day: Days since the scenario start (the engine's clock).
        kind: What happened, e.g. ``"launch"``, ``"milestone"``, ``"crew_lost"``,
            ``"budget"``, ``"election"``; the list is in ``docs/engine.md``.
        agency: Key of the agency concerned (``"nasa"``), or None for world events.
        text: One sentence for the chronicle.
        cause: Why it happened, in words, with the numbers that decided it.
        actors: Names of the people involved.
        data: JSON-ready numbers and labels (e.g. ``{"milestone": "lunar_landing"}``).
        scripted: True when the scenario forced the outcome.
    """

    day: float
    kind: str
    agency: str | None
    text: str
    cause: str = ""
    actors: tuple[str, ...] = ()
    data: Mapping[str, JsonScalar] = field(default_factory=dict)
    scripted: bool = False

    def to_dict(self, start_jd_tdb: float, date: str | None = None) -> dict:
        """Return the event as a JSON-ready dict with its calendar date (given, or computed)."""
        return {
            "date": date or jd_tdb_to_iso(start_jd_tdb + self.day),
            "day": round(self.day, 6),
            "kind": self.kind,
            "agency": self.agency,
            "text": self.text,
            "cause": self.cause,
            "actors": list(self.actors),
            "data": dict(sorted(self.data.items())),
            "scripted": self.scripted,
        }


class EventLog:
    """The append-only log of a run, in the order events happened."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def append(self, event: Event) -> Event:
        """Add an event; returns it."""
        self.events.append(event)
        return event

    def __iter__(self):
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def of_kind(self, *kinds: str) -> list[Event]:
        """Return the events of the given kinds, in order."""
        return [e for e in self.events if e.kind in kinds]

    def to_jsonl(self, start_jd_tdb: float) -> str:
        """Return the log as JSON lines, keys sorted: same run, same bytes."""
        if not self.events:
            return ""
        dates = jd_tdb_to_iso([start_jd_tdb + e.day for e in self.events])  # one vectorised call
        lines = []
        for e, date in zip(self.events, dates, strict=True):
            row = e.to_dict(start_jd_tdb, date)
            lines.append(json.dumps(row, sort_keys=True, ensure_ascii=False) + "\n")
        return "".join(lines)
