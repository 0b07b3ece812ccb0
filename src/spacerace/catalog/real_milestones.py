"""Real milestones 1969-2011 the calibration compares simulated histories against.

Rows live in ``data/real_milestones.csv`` (source and basis per row; PROVENANCE.md). A
``date`` is one day (``1969-07-20``) or a span ``first/last`` for counted totals, whose
``value`` holds the count (Shuttle launches, N1 launches).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacerace.errors import InputError

__all__ = ["Milestone", "load_real_milestones", "parse_real_milestones"]


@dataclass(frozen=True)
class Milestone:
    """One real milestone or counted total.

    Attributes:
        key: Short key (``"apollo11_landing"``).
        agencies: Who (``"NASA"``, ``"SU"``, ``"RKA"``; several for joint events).
        start: The day, or the first day of a counted span.
        end: The same day, or the last day of a counted span.
        what: What happened.
        count: The total for counted rows (``shuttle_flights`` 135), else None.
        source: Who says so; ``source_url`` where it was read (empty for derived rows,
            which are counted in ``launch_record.csv``).
        basis: ``cited``, ``derived`` or ``memory``.
        note: Caveats (time zones, grading).
    """

    key: str
    agencies: tuple[str, ...]
    start: dt.date
    end: dt.date
    what: str
    count: int | None
    source: str
    source_url: str
    basis: str
    note: str


def parse_real_milestones(lines: Iterable[str]) -> dict[str, Milestone]:
    """Parse ``real_milestones.csv`` lines into milestones keyed by key.

    Raises:
        InputError: A bad date, an unknown basis or a repeated key.

    Example:
        >>> rows = ["key,agency,date,what,value,source,source_url,basis,note",
        ...         "x,NASA,1969-07-20,landing,,s,,cited,"]
        >>> parse_real_milestones(rows)["x"].start.year
        1969
    """
    out: dict[str, Milestone] = {}
    for row in csv.DictReader(lines):
        key = row["key"]
        try:
            days = [dt.date.fromisoformat(p) for p in row["date"].split("/")]
        except ValueError as exc:
            raise InputError(f"real_milestones.csv {key}: bad date {row['date']!r}") from exc
        if row["basis"] not in ("cited", "derived", "memory") or key in out:
            raise InputError(f"real_milestones.csv {key}: unknown basis or repeated key")
        out[key] = Milestone(
            key=key,
            agencies=tuple(a for a in row["agency"].split(";") if a),
            start=days[0],
            end=days[-1],
            what=row["what"],
            count=int(row["value"]) if row["value"].strip() else None,
            source=row["source"],
            source_url=row["source_url"],
            basis=row["basis"],
            note=row["note"],
        )
    return out


@lru_cache(maxsize=1)
def load_real_milestones() -> dict[str, Milestone]:
    """Return the packaged milestones keyed by key.

    Example:
        >>> load_real_milestones()["shuttle_flights"].count
        135
    """
    path = resources.files("spacerace.catalog.data").joinpath("real_milestones.csv")
    with path.open(encoding="utf-8") as f:
        return parse_real_milestones(f)
