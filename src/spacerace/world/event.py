"""Events: every change of the world is one, appended to the log; all views derive from it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacerace.astro.time import jd_tdb_to_iso

__all__ = ["Breakdown", "Event", "EventLog"]

JsonScalar = str | int | float | bool | None


@dataclass(frozen=True)
class Breakdown:
    """How a number an event gives was made: the base, each modifier, in that order.

    The terms add up to the number (``total``), which is the event's ``data[of]``.

    Attributes:
        of: The ``Event.data`` key of the number explained (``"budget_musd"``).
        label: What the number is, with its unit ("NASA's budget for FY1975, M$").
        terms: ``(label, amount)``: the base first, then each modifier as what it adds.

    Example:
        >>> b = Breakdown.from_stages("x", "a budget, M$", ("base", 100.0),
        ...                           [("support 0.80", 80.0), ("inflation x1.50", 120.0)])
        >>> b.terms, b.total
        ((('base', 100.0), ('support 0.80', -20.0), ('inflation x1.50', 40.0)), 120.0)
    """

    of: str
    label: str
    terms: tuple[tuple[str, float], ...]

    @classmethod
    def from_stages(
        cls,
        of: str,
        label: str,
        base: tuple[str, float],
        stages: list[tuple[str, float]],
    ) -> Breakdown:
        """A breakdown from a base and the value after each step (multiplicative rules).

        Each modifier's amount is what its step changed: the amounts add up to the last value.
        """
        terms = [(base[0], round(base[1], 6))]
        value = base[1]
        for step, after in stages:
            terms.append((step, round(after - value, 6)))
            value = after
        return cls(of, label, tuple(terms))

    @property
    def total(self) -> float:
        """The sum of the terms: the number explained."""
        return round(sum(amount for _, amount in self.terms), 6)

    def to_dict(self) -> dict:
        """JSON-ready: ``{"of", "label", "terms": [[label, amount], ...]}``."""
        return {"of": self.of, "label": self.label, "terms": [list(t) for t in self.terms]}

    @classmethod
    def from_dict(cls, obj: Mapping) -> Breakdown:
        """Read back what :meth:`to_dict` wrote."""
        return cls(
            str(obj["of"]),
            str(obj["label"]),
            tuple((str(label), float(amount)) for label, amount in obj["terms"]),
        )


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
        breakdown: How the number it gives was made (base, modifiers), or None.
    """

    day: float
    kind: str
    agency: str | None
    text: str
    cause: str = ""
    actors: tuple[str, ...] = ()
    data: Mapping[str, JsonScalar] = field(default_factory=dict)
    scripted: bool = False
    breakdown: Breakdown | None = None

    def to_dict(self, start_jd_tdb: float, date: str | None = None) -> dict:
        """Return the event as a JSON-ready dict with its calendar date (given, or computed)."""
        row = {
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
        if self.breakdown is not None:
            row["breakdown"] = self.breakdown.to_dict()
        return row


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
