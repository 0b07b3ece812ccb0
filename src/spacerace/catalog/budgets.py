"""NASA appropriations, federal outlays, the OMB price index and a Soviet budget, in M$.

Data in ``data/budgets.csv`` (Planetary Society NASA table, OMB Historical Tables 1.1 and
10.1) and
``data/soviet_space_spending_estimates.csv`` (CRS/CIA point estimates); see PROVENANCE.md.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacerace.catalog.soviet_economy import gnp_index
from spacerace.errors import InputError

__all__ = [
    "BUDGET_SERIES",
    "ECONOMY_SERIES",
    "SOVIET_TO_NASA_RATIO",
    "BudgetYear",
    "TRANSITION_QUARTER_OUTLAYS_MUSD",
    "deflate_musd",
    "federal_outlays_musd",
    "load_budget_table",
    "nasa_appropriation_musd",
    "parse_budget_table",
    "soviet_budget_musd",
]

SOVIET_TO_NASA_RATIO = 1.0
"""Soviet space budget as a multiple of NASA's appropriation, same year (a judgement).

CRS (Hardt and Holliday, *Soviet Space Programs 1981-87*) judged Soviet space spending, in
equivalent resources, comparable to or greater than the US's; it gives no Soviet figure. We
read "comparable" as equal to NASA's civil appropriation. The upper reading, Soviet equal to
all US space spending (26.4 billion $ in 1988, civil plus military), would be 26400 / 8956
= 2.9 times NASA's FY1988 appropriation.
"""

TRANSITION_QUARTER_OUTLAYS_MUSD = 95975.0
"""US federal outlays in the 1976 transition quarter (July-September 1976), million USD.

OMB Historical Table 1.1 lists the quarter as its own row ("TQ") between FY1976 and FY1977,
when the fiscal year moved from July-June to October-September. ``budgets.csv`` has no row
for it (nor does the NASA table): FY1976 is OMB's twelve months July 1975 - June 1976.
Add this to FY1976 for the fifteen months July 1975 - September 1976.
"""


@dataclass(frozen=True)
class BudgetYear:
    """One fiscal year of the budget table.

    Attributes:
        fiscal_year: US fiscal year.
        gdp_price_index: OMB chained GDP price index, FY2012 = 1.0.
        omb_is_estimate: True where OMB's index is a projection (FY2023 on).
        nasa_request_musd: President's request for NASA, million then-year USD, or None.
        nasa_appropriation_musd: Enacted NASA appropriation, million then-year USD, or None.
        federal_outlays_musd: Total US federal outlays (on- plus off-budget), million
            then-year USD (OMB Table 1.1; projections from FY2023), or None.
    """

    fiscal_year: int
    gdp_price_index: float
    omb_is_estimate: bool
    nasa_request_musd: float | None
    nasa_appropriation_musd: float | None
    federal_outlays_musd: float | None = None


def _optional_float(text: str) -> float | None:
    return float(text) if text.strip() else None


def parse_budget_table(lines: Iterable[str]) -> dict[int, BudgetYear]:
    """Parse ``budgets.csv`` lines into years keyed by fiscal year.

    Example:
        >>> rows = ["fiscal_year,gdp_chained_price_index_fy2012eq1,omb_is_estimate,"
        ...         "nasa_request_musd_nominal,nasa_appropriation_musd_nominal",
        ...         "1958,0.1606,0,,"]
        >>> parse_budget_table(rows)[1958].nasa_appropriation_musd is None
        True
    """
    table = {}
    for row in csv.DictReader(lines):
        year = int(row["fiscal_year"])
        table[year] = BudgetYear(
            fiscal_year=year,
            gdp_price_index=float(row["gdp_chained_price_index_fy2012eq1"]),
            omb_is_estimate=row["omb_is_estimate"] == "1",
            nasa_request_musd=_optional_float(row["nasa_request_musd_nominal"]),
            nasa_appropriation_musd=_optional_float(row["nasa_appropriation_musd_nominal"]),
            federal_outlays_musd=_optional_float(row.get("federal_outlays_musd_nominal") or ""),
        )
    return table


@lru_cache(maxsize=1)
def load_budget_table() -> dict[int, BudgetYear]:
    """Return the packaged budget table, fiscal years 1940-2028."""
    path = resources.files("spacerace.catalog.data").joinpath("budgets.csv")
    with path.open(encoding="utf-8") as f:
        return parse_budget_table(f)


def _appropriation_years() -> list[int]:
    return sorted(
        y for y, b in load_budget_table().items() if b.nasa_appropriation_musd is not None
    )


def nasa_appropriation_musd(fiscal_year: int) -> float:
    """Return NASA's enacted appropriation, million then-year USD.

    Raises:
        InputError: No enacted appropriation for that year (data: FY1959-FY2025).

    Example:
        >>> nasa_appropriation_musd(1969)
        3995.0
    """
    row = load_budget_table().get(fiscal_year)
    if row is None or row.nasa_appropriation_musd is None:
        years = _appropriation_years()
        raise InputError(
            f"no NASA appropriation for fiscal year {fiscal_year}; "
            f"the table covers {years[0]}-{years[-1]}"
        )
    return row.nasa_appropriation_musd


def federal_outlays_musd(fiscal_year: int) -> float:
    """Return total US federal outlays, million then-year USD (OMB Historical Table 1.1).

    FY1976 is the twelve months to June 1976; the transition quarter that followed is
    :data:`TRANSITION_QUARTER_OUTLAYS_MUSD`, not included. FY2023-FY2028 are OMB's early-2023
    estimates (``BudgetYear.omb_is_estimate``).

    Raises:
        InputError: A year outside the table (FY1940-FY2028).

    Example:
        >>> federal_outlays_musd(1969)
        183640.0
    """
    row = load_budget_table().get(fiscal_year)
    if row is None or row.federal_outlays_musd is None:
        years = sorted(
            y for y, b in load_budget_table().items() if b.federal_outlays_musd is not None
        )
        raise InputError(
            f"no federal outlays for fiscal year {fiscal_year}; "
            f"the table covers {years[0]}-{years[-1]}"
        )
    return row.federal_outlays_musd


def deflate_musd(value_musd: float, from_year: int, to_year: int) -> float:
    """Convert millions of ``from_year`` dollars to ``to_year`` dollars (OMB chained GDP index).

    Raises:
        InputError: A year outside the index (FY1940-FY2028; FY2023 on are OMB projections).

    Example:
        >>> round(deflate_musd(3995.0, 1969, 2012), 1)
        19806.6
    """
    table = load_budget_table()
    for year in (from_year, to_year):
        if year not in table:
            raise InputError(
                f"no GDP price index for fiscal year {year}; "
                f"the table covers {min(table)}-{max(table)}"
            )
    return value_musd * table[to_year].gdp_price_index / table[from_year].gdp_price_index


def soviet_budget_musd(year: int) -> float:
    """Return a Soviet space budget in million then-year USD-equivalent (a derived judgement).

    It is NASA's appropriation for the same fiscal year times :data:`SOVIET_TO_NASA_RATIO`:
    no year-by-year Soviet series exists in the open record, only the sparse CRS/CIA estimates
    in ``soviet_space_spending_estimates.csv``.

    Raises:
        InputError: A year without a NASA appropriation (data: 1959-2025).

    Example:
        >>> soviet_budget_musd(1969)
        3995.0
    """
    try:
        return nasa_appropriation_musd(year) * SOVIET_TO_NASA_RATIO
    except InputError as exc:
        raise InputError(f"no Soviet budget for {year}: it is derived from NASA's; {exc}") from exc


def us_economy_musd(fiscal_year: int) -> float:
    """US federal outlays of a fiscal year, million then-year USD (the legislature's budget).

    Years after the table (FY2028) keep FY2028's outlays.
    """
    return federal_outlays_musd(min(fiscal_year, 2028))


def soviet_economy_index(year: int) -> float:
    """Soviet real GNP (1960 = 1) times the US GDP price index.

    The planned economy's size in then-year US-dollar terms, as the Soviet budget
    estimates are US-dollar equivalents.
    """
    table = load_budget_table()
    return gnp_index(year) * table[min(year, 2028)].gdp_price_index


ECONOMY_SERIES = {
    "us-federal-outlays": us_economy_musd,
    "soviet-gnp": soviet_economy_index,
}
"""Series a scenario may name as an agency's ``economy``: name -> function of the year
giving the size of the economy that funds it, in then-year money (a budget grows with the
ratio of two years' values)."""


BUDGET_SERIES = {
    "nasa-appropriation": nasa_appropriation_musd,
    "soviet-estimate": soviet_budget_musd,
}
"""Series a scenario may name as an agency's ``budget_source``: name -> function of the
year giving million USD of that year (the real NASA appropriation, the derived Soviet
estimate)."""
