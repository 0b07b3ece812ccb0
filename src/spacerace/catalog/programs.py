"""Development programs: what each costs, how long it takes and what it needs first.

Rows live in ``data/programs.csv`` (sources in ``data/PROVENANCE.md``). ``requires`` holds
program keys that must all be complete; a token ``"a|b"`` is met by either ``a`` or ``b``.
"""

from __future__ import annotations

import csv
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "FOR_A_BASE",
    "INFRASTRUCTURE",
    "ProgramSpec",
    "SHARED_AT_MARS",
    "load_programs",
    "parse_programs",
]

INFRASTRUCTURE = ("station", "transport", "cargo", "shuttle", "colony")
"""Purposes an agency may build for their own sake, whatever its goals, stations first
(the order in which the built-in state policy funds them: a station to fly to, cheaper
transport, heavy cargo for its bases, then a shuttle to crew them: the nuclear Pathfinder is
the dearest, and crews already reach the bases on what carries them; last a colonist
transport, for the Mars base it will grow)."""

FOR_A_BASE = ("cargo", "shuttle")
"""The infrastructure proposed only to an agency that belongs to a base: a heavy cargo
launcher to supply it (Sea Dragon), a shuttle to fly crews to it (the series' nuclear
Pathfinder)."""

SHARED_AT_MARS = ("colony",)
"""The infrastructure a Mars base's members share: a reusable colonist transport carrying
newcomers by the hundred (``mars_transport``; the seat it makes is the mechanic
``seat_kg_mars_transport``), proposed to an agency that can fly crews to Mars (its
prerequisites) unless a partner at one of its Mars bases holds one. The ship comes before
the settlement, as SpaceX builds its own before any base; until 2026-12-03 it was proposed
only to members of a Mars base, and one begun with the base flew after the windows that
brought Happy Valley's 2003 residents."""


@dataclass(frozen=True)
class ProgramSpec:
    """A development program that unlocks hardware or a capability.

    Attributes:
        key: Short key (``"apollo_lm"``).
        name: Display name.
        cost_musd: Total development cost, million USD of ``cost_year``.
        cost_year: Dollar year of ``cost_musd`` (for spending spread over years: the stated
            convention in PROVENANCE.md).
        duration_years: Years from start to first operational use.
        definition_years: Years of definition studies (NASA's Phase A and B) a program needs
            before it may be approved, from the first fiscal-year decision at which its
            agency could propose it (0: none beyond what ``duration_years`` holds, or
            studied before the scenarios begin).
        requires: Program keys needed first; ``"a|b"`` means either ``a`` or ``b``.
        vehicle: Vehicle key the program flies on or makes available; ``""`` if that depends
            on the agency.
        test_flights: Test flights before operational use.
        developers: Who may develop it: country codes of state agencies and ``"private"``
            for companies (the industry that can build it: Apollo's lander by an American
            agency or company, the N1-L3 by the Soviet program and its North Korean
            derivative); empty for anyone.
        invented: True for programs that exist only in the series.
        purpose: What it is for, which decides how a policy weighs it (``sim.programs``):
            ``"lunar"``, ``"base"``, ``"mars"``, ``"propulsion"`` and ``"asteroid"`` serve
            goals; ``"station"`` (an orbital station) and ``"transport"`` (cheaper, reusable
            or heavier access to orbit) are infrastructure an agency may build for their own
            sake; ``"cargo"`` (a heavy cargo launcher) and ``"shuttle"`` (a crew shuttle to
            the bases) are proposed only to an agency with a base, ``"colony"`` (a
            colonist transport) to one that can fly crews to Mars unless a partner at
            its Mars base holds one (:data:`SHARED_AT_MARS`).
        units: Flight sets its cost buys for missions that use them up (the Apollo
            landers), 0 if it buys no countable flight hardware.
        lifetime_years: Years a station it launches stays in orbit, 0 for no set end
            (Skylab 1973-79; the Salyut series 1971-86 as one line of stations; Mir
            1986-2001; the ISS and the generic station: none within the scenarios).
        launched_on: Vehicle key a station is launched on (``""``: none is flown for it).
        station_launches: Launches of ``launched_on`` that put a station up before its first
            crew (Skylab's Saturn V, Salyut's and Mir's core on Proton, the five Shuttle
            assembly flights before the ISS's Expedition 1); set aside from a production
            run when the program starts (``sim.production``), flown when it completes.
        source: Where the cost comes from (short; details in PROVENANCE.md).
    """

    key: str
    name: str
    cost_musd: float
    cost_year: int
    duration_years: float
    requires: tuple[str, ...]
    vehicle: str
    test_flights: int
    invented: bool
    source: str
    developers: tuple[str, ...] = ()
    purpose: str = ""
    units: int = 0
    lifetime_years: float = 0.0
    definition_years: float = 0.0
    launched_on: str = ""
    station_launches: int = 0

    def is_unlocked(self, completed: Collection[str]) -> bool:
        """Return True if every requirement is met by the completed program keys.

        Example:
            >>> load_programs()["lunar_base"].is_unlocked({"l3"})
            True
        """
        return all(any(alt in completed for alt in token.split("|")) for token in self.requires)


def parse_programs(lines: Iterable[str]) -> dict[str, ProgramSpec]:
    """Parse ``programs.csv`` lines into specs keyed by program key.

    ``requires`` and ``developers`` are ``;``-separated in the file.

    Example:
        >>> rows = ["key,name,cost_musd,cost_year,duration_years,requires,vehicle,"
        ...         "test_flights,invented,source", "x,X,10,1970,3,a|b;c,,0,false,test"]
        >>> parse_programs(rows)["x"].requires
        ('a|b', 'c')
    """
    programs = {}
    for row in csv.DictReader(lines):
        programs[row["key"]] = ProgramSpec(
            key=row["key"],
            name=row["name"],
            cost_musd=float(row["cost_musd"]),
            cost_year=int(row["cost_year"]),
            duration_years=float(row["duration_years"]),
            requires=tuple(t for t in row["requires"].split(";") if t),
            vehicle=row["vehicle"],
            test_flights=int(row["test_flights"]),
            invented=row["invented"].strip().lower() == "true",
            source=row["source"],
            developers=tuple(t for t in row.get("developers", "").split(";") if t),
            purpose=row.get("purpose", ""),
            units=int(row.get("units") or 0),
            lifetime_years=float(row.get("lifetime_years") or 0.0),
            definition_years=float(row.get("definition_years") or 0.0),
            launched_on=row.get("launched_on", ""),
            station_launches=int(row.get("station_launches") or 0),
        )
    return programs


@lru_cache(maxsize=1)
def load_programs() -> dict[str, ProgramSpec]:
    """Return every program of the packaged table, keyed by program key.

    Example:
        >>> load_programs()["mars_vehicle"].requires
        ('nuclear_propulsion',)
    """
    path = resources.files("spacerace.catalog.data").joinpath("programs.csv")
    with path.open(encoding="utf-8") as f:
        return parse_programs(f)
