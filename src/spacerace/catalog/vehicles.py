"""Launch vehicles and the real launch record behind their reliability priors.

``data/vehicles.csv`` holds payloads, prices and flight records; ``data/launch_record.csv`` is
the trimmed GCAT launch list the records are counted from (sources in ``data/PROVENANCE.md``).
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacerace.world.vehicle import VehicleSpec

__all__ = [
    "Launch",
    "count_outcomes",
    "load_launch_record",
    "load_record_rules",
    "load_vehicles",
    "parse_launch_record",
    "parse_vehicles",
    "stock_at_start",
]


@dataclass(frozen=True)
class Launch:
    """One orbital or deep-space launch of the real record.

    Attributes:
        date_iso: UTC launch date, ``"YYYY-MM-DD"``.
        lv_type: Launch vehicle as GCAT names it (``"Saturn V"``).
        lv_family: Family from the CSIS family table, ``""`` where unknown.
        lv_state: GCAT state code of the vehicle (``"US"``, ``"SU"``, ``"RU"``, ``"F"``...).
        success: True if GCAT codes the launch a success (partial grades follow their letter).
    """

    date_iso: str
    lv_type: str
    lv_family: str
    lv_state: str
    success: bool

    @property
    def year(self) -> int:
        """Calendar year of the launch."""
        return int(self.date_iso[:4])


def _is_true(text: str) -> bool:
    return text.strip().lower() == "true"


def parse_vehicles(lines: Iterable[str]) -> dict[str, VehicleSpec]:
    """Parse ``vehicles.csv`` lines into specs keyed by vehicle key.

    Example:
        >>> rows = ["key,name,country,payload_leo_kg,cost_musd,cost_year,first_flight_year,"
        ...         "crew_rated,prior_successes,prior_failures,invented,program,source",
        ...         "x,X,US,1000,10,2021,1960,false,3,1,false,,test"]
        >>> parse_vehicles(rows)["x"].prior_failures
        1
    """
    vehicles = {}
    for row in csv.DictReader(lines):
        vehicles[row["key"]] = VehicleSpec(
            key=row["key"],
            name=row["name"],
            country=row["country"],
            payload_leo_kg=float(row["payload_leo_kg"]),
            cost_musd=float(row["cost_musd"]),
            cost_year=int(row["cost_year"]),
            first_flight_year=int(row["first_flight_year"]),
            crew_rated=_is_true(row["crew_rated"]),
            prior_successes=int(row["prior_successes"]),
            prior_failures=int(row["prior_failures"]),
            units_built=int(row.get("units_built") or 0),
            invented=_is_true(row["invented"]),
            program=row["program"],
            source=row["source"],
        )
    return vehicles


def _open(name: str):
    return resources.files("spacerace.catalog.data").joinpath(name).open(encoding="utf-8")


@lru_cache(maxsize=1)
def load_vehicles() -> dict[str, VehicleSpec]:
    """Return every vehicle of the packaged table, keyed by vehicle key.

    Priors are whole real records (GCAT, 1957-2024): a Beta(1 + successes, 1 + failures) starts
    from them. Invented vehicles start from 0/0, a uniform Beta(1, 1).

    Example:
        >>> v = load_vehicles()["saturn_v"]
        >>> (v.prior_successes, v.prior_failures, v.payload_leo_kg)
        (13, 0, 140000.0)
    """
    with _open("vehicles.csv") as f:
        return parse_vehicles(f)


@lru_cache(maxsize=1)
def load_record_rules() -> dict[str, str]:
    """Return, per real vehicle, the regular expression its GCAT ``lv_type`` must fully match.

    Invented vehicles have no rule and are left out.

    Example:
        >>> load_record_rules()["saturn_ib"]
        'Saturn IB|Uprated Saturn I'
    """
    with _open("vehicles.csv") as f:
        return {
            r["key"]: r["record_lv_type_regex"]
            for r in csv.DictReader(f)
            if r["record_lv_type_regex"]
        }


def parse_launch_record(lines: Iterable[str]) -> list[Launch]:
    """Parse ``launch_record.csv`` lines (outcome ``S``/``F``) into launches, in file order.

    Example:
        >>> rows = ["launch_date_iso,lv_type,lv_family,lv_state,outcome",
        ...         "1967-11-09,Saturn V,Saturn V,US,S"]
        >>> parse_launch_record(rows)[0].success
        True
    """
    return [
        Launch(
            r["launch_date_iso"], r["lv_type"], r["lv_family"], r["lv_state"], r["outcome"] == "S"
        )
        for r in csv.DictReader(lines)
    ]


@lru_cache(maxsize=1)
def load_launch_record() -> tuple[Launch, ...]:
    """Return the 6,817 orbital and deep-space launches of 1957-10-04 .. 2024-12-08."""
    with _open("launch_record.csv") as f:
        return tuple(parse_launch_record(f))


def count_outcomes(
    record: Iterable[Launch], lv_type_regex: str, until_year: int | None = None
) -> tuple[int, int]:
    """Count (successes, failures) of the launches whose ``lv_type`` fully matches a pattern.

    Args:
        record: Launches to count over.
        lv_type_regex: Regular expression matched against the whole ``lv_type``.
        until_year: Count only launches up to and including this year (a scenario's start).

    Example:
        >>> count_outcomes(load_launch_record(), "N-1 11A52")
        (0, 4)
        >>> count_outcomes(load_launch_record(), "Space Shuttle", until_year=1985)
        (23, 0)
    """
    pattern = re.compile(lv_type_regex)
    successes = failures = 0
    for launch in record:
        if until_year is not None and launch.year > until_year:
            continue
        if pattern.fullmatch(launch.lv_type):
            if launch.success:
                successes += 1
            else:
                failures += 1
    return successes, failures


def stock_at_start(spec: VehicleSpec, start_year: int) -> float:
    """Vehicles of a run left at the start: built less the real launches before ``start_year``.

    ``inf`` for a vehicle in serial production (``units_built`` 0).

    Example:
        >>> stock_at_start(load_vehicles()["saturn_v"], 1969)  # 15 built, 3 flown 1967-68
        12.0
    """
    if spec.units_built <= 0:
        return math.inf
    rule = load_record_rules().get(spec.key)
    flown = _flown_until(rule, start_year - 1) if rule else 0
    return float(max(0, spec.units_built - flown))


@lru_cache(maxsize=64)
def _flown_until(rule: str, year: int) -> int:
    """Launches of the record matching ``rule`` up to ``year`` (every run starts with it)."""
    return sum(count_outcomes(load_launch_record(), rule, until_year=year))
