"""Real people who flew in space 1961-2019, one row each, for the engine to recruit from.

``data/astronauts.csv`` is trimmed from the Stavnichuk & Corlett astronaut database (see
PROVENANCE.md): people who never flew (e.g. Bassett, See) are not in it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["AstronautRecord", "load_astronauts", "parse_astronauts"]


@dataclass(frozen=True)
class AstronautRecord:
    """One real astronaut or cosmonaut.

    Attributes:
        name: ``"First Last"`` (suffixes such as ``"Jr."`` kept at the end).
        sex: ``"male"`` or ``"female"``.
        born_year: Year of birth.
        nationality: As the source writes it (``"U.S."``, ``"U.S.S.R/Russia"``, ``"Japan"``...).
        military_civilian: ``"military"`` or ``"civilian"``.
        selection: Selection group as the source names it (``"TsPK-1"``, ``"NASA- 3"``).
        year_of_selection: Year of selection into the corps.
        first_mission_year: Year of the first flight in the source.
        last_mission_year: Year of the last flight in the source (up to 2019).
        mission_years: Year of each flight in the source, in order (a year twice for two
            flights in it).
        pilot: True if the person flew as commander or pilot at least once in the source.
    """

    name: str
    sex: str
    born_year: int
    nationality: str
    military_civilian: str
    selection: str
    year_of_selection: int
    first_mission_year: int
    last_mission_year: int
    mission_years: tuple[int, ...] = ()
    pilot: bool = False

    def flights_before(self, year: int) -> int:
        """Flights the source dates before ``year`` (flown before a scenario starting then)."""
        return sum(y < year for y in self.mission_years)


def parse_astronauts(lines: Iterable[str]) -> list[AstronautRecord]:
    """Parse ``astronauts.csv`` lines, sorted by (year of selection, name).

    Example:
        >>> rows = ["name,sex,born_year,nationality,military_civilian,selection,"
        ...         "year_of_selection,first_mission_year,last_mission_year",
        ...         "Yuri Gagarin,male,1934,U.S.S.R/Russia,military,TsPK-1,1960,1961,1961"]
        >>> parse_astronauts(rows)[0].born_year
        1934
    """
    people = [
        AstronautRecord(
            name=r["name"],
            sex=r["sex"],
            born_year=int(r["born_year"]),
            nationality=r["nationality"],
            military_civilian=r["military_civilian"],
            selection=r["selection"],
            year_of_selection=int(r["year_of_selection"]),
            first_mission_year=int(r["first_mission_year"]),
            last_mission_year=int(r["last_mission_year"]),
            mission_years=tuple(int(y) for y in r.get("mission_years", "").split(";") if y),
            pilot=r.get("pilot", "").strip().lower() == "true",
        )
        for r in csv.DictReader(lines)
    ]
    return sorted(people, key=lambda p: (p.year_of_selection, p.name))


@lru_cache(maxsize=1)
def _load() -> tuple[AstronautRecord, ...]:
    path = resources.files("spacerace.catalog.data").joinpath("astronauts.csv")
    with path.open(encoding="utf-8") as f:
        return tuple(parse_astronauts(f))


def load_astronauts() -> list[AstronautRecord]:
    """Return all 564 people, sorted by (year of selection, name); a new list each call.

    Example:
        >>> [p.name for p in load_astronauts() if p.selection == "TsPK-1"][:2]
        ['Aleksei Leonov', 'Andriyan Nikolayev']
    """
    return list(_load())
