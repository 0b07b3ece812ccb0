"""The best asteroid captures by year and destination, as the mining machinery designed them.

``data/capture_targets.csv`` is written by ``tools/build_capture_targets.py`` with
:func:`spacerace.mining.rank_candidates` (objects known that year, trajectories from the
batch Lambert solver over three years of departures); the engine reads it rather than
designing trajectories in every timeline. Dates are TDB Julian dates, delta-v km/s, masses
kg, money M$ of ``dollar_year``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["CaptureTarget", "load_capture_targets", "parse_capture_targets"]


@dataclass(frozen=True)
class CaptureTarget:
    """One designed capture.

    Attributes:
        year: Simulated year of the design (only objects observed by then).
        destination: ``"mars-orbit"`` or ``"earth-moon"``.
        rank: 1 = the best of that year and destination.
        designation: MPC principal designation.
        label: Display name (``"(162173) Ryugu"``).
        group: Composition group of its spectral class (``mining.size``).
        diameter_m: Diameter, m.
        returned_kg: Mass the reference architecture returns, kg.
        dv_outbound_km_s: LEO departure and rendezvous, km/s.
        dv_return_km_s: Leaving the asteroid and capture at the destination, km/s.
        depart_jd_tdb: Departure from LEO.
        rendezvous_jd_tdb: Arrival at the asteroid.
        leave_jd_tdb: Departure from the asteroid.
        arrive_jd_tdb: Capture at the destination.
        profit_musd: Profit of the reference architecture, M$ of ``dollar_year``.
        dollar_year: Dollar year of the money.
        close_earth: True for orbits with close Earth encounters (two-body drift is larger).
    """

    year: int
    destination: str
    rank: int
    designation: str
    label: str
    group: str
    diameter_m: float
    returned_kg: float
    dv_outbound_km_s: float
    dv_return_km_s: float
    depart_jd_tdb: float
    rendezvous_jd_tdb: float
    leave_jd_tdb: float
    arrive_jd_tdb: float
    profit_musd: float
    dollar_year: int
    close_earth: bool


def parse_capture_targets(lines: Iterable[str]) -> dict[tuple[int, str], list[CaptureTarget]]:
    """Parse the table into (year, destination) -> targets, best first."""
    table: dict[tuple[int, str], list[CaptureTarget]] = {}
    for r in csv.DictReader(lines):
        t = CaptureTarget(
            year=int(r["year"]),
            destination=r["destination"],
            rank=int(r["rank"]),
            designation=r["designation"],
            label=r["label"],
            group=r["group"],
            diameter_m=float(r["diameter_m"]),
            returned_kg=float(r["returned_kg"]),
            dv_outbound_km_s=float(r["dv_outbound_km_s"]),
            dv_return_km_s=float(r["dv_return_km_s"]),
            depart_jd_tdb=float(r["depart_jd_tdb"]),
            rendezvous_jd_tdb=float(r["rendezvous_jd_tdb"]),
            leave_jd_tdb=float(r["leave_jd_tdb"]),
            arrive_jd_tdb=float(r["arrive_jd_tdb"]),
            profit_musd=float(r["profit_musd"]),
            dollar_year=int(r["dollar_year"]),
            close_earth=r["close_earth"] == "True",
        )
        table.setdefault((t.year, t.destination), []).append(t)
    return {k: sorted(v, key=lambda t: t.rank) for k, v in table.items()}


@lru_cache(maxsize=1)
def load_capture_targets() -> dict[tuple[int, str], list[CaptureTarget]]:
    """Return the packaged table.

    Example:
        >>> load_capture_targets()[(2003, "mars-orbit")][0].rank
        1
    """
    path = resources.files("spacerace.catalog.data").joinpath("capture_targets.csv")
    with path.open(encoding="utf-8") as f:
        return parse_capture_targets(f)
