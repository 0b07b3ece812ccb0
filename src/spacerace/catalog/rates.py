"""Yearly rates of random events (recessions, accidents, shocks) with their sources.

Rows in ``data/rates.csv`` (sources in PROVENANCE.md). A rate is events per year for what
``applies_to`` names: the whole world, one agency, or one person.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["RateSpec", "load_rates", "parse_rates"]


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
