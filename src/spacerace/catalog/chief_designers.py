"""The chief designers of a country's space program, in the order they held the post.

Rows in ``data/chief_designers.csv`` (sources in PROVENANCE.md and in each row): who, born
when, the years the real one held the post, and a skill on the 0..1 scale of ``Person.skill``
(invented, as every rating of a real person here). The engine (``sim.soviet_politics``)
seats the one in office in a scenario's start year; when he dies or is dismissed, the next
row still of working age succeeds him, whatever year it is: the record gives the order, the
run gives the timing.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["DesignerRecord", "designers_of", "load_chief_designers", "parse_chief_designers"]


@dataclass(frozen=True)
class DesignerRecord:
    """One holder of the post of Chief Designer.

    Attributes:
        country: Country code of the program (``"SU"``).
        name: Full name.
        born_year: Year of birth.
        skill: 0..1 (invented), as ``Person.skill``.
        from_year: First year the real one held the post.
        to_year: Last year the real one held it.
        source: Where the dates come from.
    """

    country: str
    name: str
    born_year: int
    skill: float
    from_year: int
    to_year: int
    source: str


def parse_chief_designers(lines: Iterable[str]) -> tuple[DesignerRecord, ...]:
    """Parse the CSV text, rows sorted by (country, from_year).

    Example:
        >>> rows = parse_chief_designers(["country,name,born_year,skill,from_year,to_year,source",
        ...                               "SU,A B,1900,0.5,1950,1960,x"])
        >>> rows[0].name, rows[0].to_year
        ('A B', 1960)
    """
    out = []
    for row in csv.DictReader(lines):
        out.append(
            DesignerRecord(
                row["country"],
                row["name"],
                int(row["born_year"]),
                float(row["skill"]),
                int(row["from_year"]),
                int(row["to_year"]),
                row["source"],
            )
        )
    return tuple(sorted(out, key=lambda r: (r.country, r.from_year)))


@cache
def load_chief_designers() -> tuple[DesignerRecord, ...]:
    """The shipped table."""
    path = resources.files("spacerace.catalog.data").joinpath("chief_designers.csv")
    with path.open(encoding="utf-8") as f:
        return parse_chief_designers(f)


def designers_of(country: str) -> tuple[DesignerRecord, ...]:
    """The rows of one country's program, in the order they held the post."""
    return tuple(r for r in load_chief_designers() if r.country == country)
