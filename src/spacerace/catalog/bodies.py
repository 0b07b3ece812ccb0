"""Physical constants of the Sun, planets and Moon (``data/bodies.csv``, sources cited there)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacerace.errors import UnknownBodyError

__all__ = ["Body", "get_body", "load_bodies", "parse_bodies"]


@dataclass(frozen=True)
class Body:
    """A solar-system body.

    Attributes:
        name: Lower-case name, as the ephemeris knows it (``"mars"``).
        naif_id: NAIF integer id (``499``); system barycentres for Jupiter and beyond.
        gm_km3_s2: Gravitational parameter, km^3/s^2 (of the system where ``gm_of`` says so).
        equatorial_radius_km: Equatorial radius, km (the Moon's is its mean radius).
        sidereal_rotation_days: Sidereal rotation period, days (negative: retrograde).
        gm_of: ``"body"`` or ``"system"``.
    """

    name: str
    naif_id: int
    gm_km3_s2: float
    equatorial_radius_km: float
    sidereal_rotation_days: float
    gm_of: str


def parse_bodies(lines: Iterable[str]) -> dict[str, Body]:
    """Parse ``bodies.csv`` lines into bodies keyed by name.

    Example:
        >>> rows = ["name,naif_id,gm_km3_s2,equatorial_radius_km,sidereal_rotation_days,gm_of",
        ...         "earth,399,398600.435507,6378.1366,0.99726968,body"]
        >>> parse_bodies(rows)["earth"].gm_km3_s2
        398600.435507
    """
    bodies = {}
    for row in csv.DictReader(lines):
        bodies[row["name"]] = Body(
            name=row["name"],
            naif_id=int(row["naif_id"]),
            gm_km3_s2=float(row["gm_km3_s2"]),
            equatorial_radius_km=float(row["equatorial_radius_km"]),
            sidereal_rotation_days=float(row["sidereal_rotation_days"]),
            gm_of=row["gm_of"],
        )
    return bodies


@lru_cache(maxsize=1)
def load_bodies() -> dict[str, Body]:
    """Return every body of the packaged table, keyed by lower-case name."""
    with resources.files("spacerace.catalog.data").joinpath("bodies.csv").open() as f:
        return parse_bodies(f)


def get_body(name: str) -> Body:
    """Return one body by name (case and surrounding spaces ignored).

    Raises:
        UnknownBodyError: The name is not in the table; the message lists those that are.

    Example:
        >>> get_body("Mars").equatorial_radius_km
        3396.19
    """
    bodies = load_bodies()
    key = name.strip().lower()
    if key not in bodies:
        raise UnknownBodyError(name, sorted(bodies))
    return bodies[key]
