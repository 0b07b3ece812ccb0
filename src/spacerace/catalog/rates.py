"""Yearly rates of random events (recessions, accidents, shocks) with their sources.

Rows in ``data/rates.csv`` (sources in PROVENANCE.md). A rate is events per year for what
``applies_to`` names: the whole world, one agency, or one person. Rates that changed over
the decades are rows of ``data/era_rates.csv``, one per (key, era), with the counted events
and exposure behind each; :func:`rate_in_year` picks the era of a year.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "EraRate",
    "RateSpec",
    "load_era_rates",
    "load_rates",
    "parse_era_rates",
    "parse_rates",
    "rate_in_year",
]


@dataclass(frozen=True)
class RateSpec:
    """The yearly rate of one kind of random event.

    Attributes:
        key: Short key (``"us_recession"``).
        per_year: Expected events per year per unit of ``applies_to`` (a Poisson rate).
        source: Where the rate comes from, or why it is invented.
        invented: True if no real base rate stands behind it.
        applies_to: ``"world"``, ``"agency"`` (per agency-year) or ``"person"`` (per
            person-year).
    """

    key: str
    per_year: float
    source: str
    invented: bool
    applies_to: str = "world"


def parse_rates(lines: Iterable[str]) -> dict[str, RateSpec]:
    """Parse ``rates.csv`` lines into rates keyed by key.

    Example:
        >>> rows = ["key,per_year,applies_to,invented,basis,source",
        ...         "x,0.5,agency,true,invented,test"]
        >>> parse_rates(rows)["x"].applies_to
        'agency'
    """
    return {
        r["key"]: RateSpec(
            key=r["key"],
            per_year=float(r["per_year"]),
            source=r["source"],
            invented=r["invented"].strip().lower() == "true",
            applies_to=r["applies_to"],
        )
        for r in csv.DictReader(lines)
    }


@lru_cache(maxsize=1)
def load_rates() -> dict[str, RateSpec]:
    """Return every rate of the packaged table, keyed by key.

    Example:
        >>> round(load_rates()["us_recession"].per_year, 3)
        0.171
    """
    path = resources.files("spacerace.catalog.data").joinpath("rates.csv")
    with path.open(encoding="utf-8") as f:
        return parse_rates(f)


@dataclass(frozen=True)
class EraRate:
    """The yearly rate of one kind of event over one era, with the counts behind it.

    Attributes:
        key: Short key (``"astronaut_nonflight_death"``).
        from_year: First year of the era.
        to_year: Last year of the era, or None for "ever since".
        per_year: Expected events per year per unit of ``applies_to`` (events / exposure).
        applies_to: ``"agency"`` (per agency-year) or ``"person"`` (per person-year).
        events: Events counted in the era (the numerator).
        exposure: Person-years or agency-years of the era (the denominator).
        basis: ``cited``, ``derived``, ``memory`` or a combination.
        source: The events by name and year, each with where it comes from.
    """

    key: str
    from_year: int
    to_year: int | None
    per_year: float
    applies_to: str
    events: int
    exposure: float
    basis: str
    source: str


def parse_era_rates(lines: Iterable[str]) -> dict[str, tuple[EraRate, ...]]:
    """Parse ``era_rates.csv`` lines into each key's eras, in order of their first year.

    Example:
        >>> rows = ["key,from_year,to_year,per_year,applies_to,events,exposure,basis,source",
        ...         "x,1970,,0.001,person,5,5000,cited,test",
        ...         "x,1959,1969,0.01,person,6,548,cited,test"]
        >>> [(e.from_year, e.to_year) for e in parse_era_rates(rows)["x"]]
        [(1959, 1969), (1970, None)]
    """
    eras: dict[str, list[EraRate]] = {}
    for r in csv.DictReader(lines):
        eras.setdefault(r["key"], []).append(
            EraRate(
                key=r["key"],
                from_year=int(r["from_year"]),
                to_year=int(r["to_year"]) if r["to_year"].strip() else None,
                per_year=float(r["per_year"]),
                applies_to=r["applies_to"],
                events=int(r["events"]),
                exposure=float(r["exposure"]),
                basis=r["basis"],
                source=r["source"],
            )
        )
    return {k: tuple(sorted(v, key=lambda e: e.from_year)) for k, v in sorted(eras.items())}


@lru_cache(maxsize=1)
def load_era_rates() -> dict[str, tuple[EraRate, ...]]:
    """Return the packaged era rates, each key's eras in order.

    Example:
        >>> [e.per_year for e in load_era_rates()["astronaut_nonflight_death"]]
        [0.010949, 0.001]
    """
    path = resources.files("spacerace.catalog.data").joinpath("era_rates.csv")
    with path.open(encoding="utf-8") as f:
        return parse_era_rates(f)


def rate_in_year(eras: tuple[EraRate, ...], year: int) -> EraRate:
    """The era whose span holds ``year``; the first era before it, the last one after.

    Example:
        >>> eras = load_era_rates()["astronaut_nonflight_death"]
        >>> [rate_in_year(eras, y).from_year for y in (1950, 1969, 1970, 2030)]
        [1959, 1959, 1970, 1970]
    """
    chosen = eras[0]
    for era in eras:
        if era.from_year <= year:
            chosen = era
    return chosen
