"""Soviet economy and politics 1961-2002: growth, defense burden, oil, leaders, RKA budget.

Rows live in ``data/soviet_economy.csv`` (sources and basis per row; see PROVENANCE.md).
A row's ``period`` is a year (``1984``), a span of years (``1961-1965``), a month
(``1985-09``), a day (``1991-12-26``), a span of days (``1964-10-14/1982-11-10``) or a
decade word (``1970s``, ``late 1990s``). ``value`` is text: a number, a range ``12-14``, a
bound ``<2`` / ``<=-10``, a change ``50.11 -> 24.71`` or a name (leaders).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacerace.errors import InputError

__all__ = [
    "SURVIVING_UNION_GROWTH_PCT",
    "SovietEconomyRecord",
    "defense_share_pct",
    "five_year_plan_growth_pct",
    "gnp_growth_pct",
    "gnp_index",
    "leader_on",
    "load_soviet_economy",
    "parse_soviet_economy",
]

_NUMBER = r"-?\d+(?:\.\d+)?"
_DECADE = re.compile(r"^(early |mid-|late )?(\d{3})0s$")


@dataclass(frozen=True)
class SovietEconomyRecord:
    """One row of ``soviet_economy.csv``.

    Attributes:
        period: When (see the module docstring for the forms).
        metric: What is measured (``"GNP growth"``, ``"leader"``, ...).
        value: The value as written in the source (number, range, bound or name).
        unit: Unit of ``value``.
        source: Who says so.
        source_url: Where it was read (may be empty for ``memory`` rows).
        note: Quotation or caveat.
        basis: ``cited``, ``derived`` or ``memory`` (as in PROVENANCE.md).
    """

    period: str
    metric: str
    value: str
    unit: str
    source: str
    source_url: str
    note: str
    basis: str

    def years(self) -> tuple[int, int]:
        """Return the first and last calendar year the period covers.

        Example:
            >>> load_soviet_economy()[0].years()
            (1961, 1965)
        """
        text = self.period.strip()
        decade = _DECADE.match(text)
        if decade:
            start = int(decade.group(2)) * 10
            part = decade.group(1)
            if part == "late ":
                return start + 5, start + 9
            if part == "early ":
                return start, start + 4
            return start, start + 9
        years = [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", text)]
        if not years:
            raise InputError(f"cannot read the period {self.period!r}")
        return min(years), max(years)

    def bounds(self) -> tuple[float | None, float | None]:
        """Return the numeric (low, high) of ``value``; None for an open side or a name.

        ``"4.5"`` -> (4.5, 4.5); ``"12-14"`` -> (12, 14); ``"<2"`` -> (None, 2);
        ``"50.11 -> 24.71"`` -> (24.71, 50.11); a name -> (None, None).

        Example:
            >>> SovietEconomyRecord("1970s", "x", "12-13", "%", "", "", "", "cited").bounds()
            (12.0, 13.0)
        """
        text = self.value.replace(" ", "")
        if re.fullmatch(_NUMBER, text):
            return float(text), float(text)
        bound = re.fullmatch(rf"(<=?|>=?)({_NUMBER})", text)
        if bound:
            v = float(bound.group(2))
            return (None, v) if bound.group(1).startswith("<") else (v, None)
        pair = re.fullmatch(rf"({_NUMBER})(?:-|->)({_NUMBER})", text)
        if pair:
            a, b = float(pair.group(1)), float(pair.group(2))
            return min(a, b), max(a, b)
        return None, None

    def midpoint(self) -> float | None:
        """Return the middle of a closed range (or the number); None otherwise."""
        low, high = self.bounds()
        if low is None or high is None:
            return None
        return (low + high) / 2


def parse_soviet_economy(lines: Iterable[str]) -> tuple[SovietEconomyRecord, ...]:
    """Parse ``soviet_economy.csv`` lines into records, in file order.

    Raises:
        InputError: A row whose basis is not cited, derived or memory.
    """
    out = []
    for row in csv.DictReader(lines):
        record = SovietEconomyRecord(**{k: (v or "").strip() for k, v in row.items()})
        if record.basis not in ("cited", "derived", "memory"):
            raise InputError(f"soviet_economy.csv: unknown basis {record.basis!r}")
        out.append(record)
    return tuple(out)


@lru_cache(maxsize=1)
def load_soviet_economy() -> tuple[SovietEconomyRecord, ...]:
    """Return every row of the packaged table."""
    path = resources.files("spacerace.catalog.data").joinpath("soviet_economy.csv")
    with path.open(encoding="utf-8") as f:
        return parse_soviet_economy(f)


def five_year_plan_growth_pct(year: int) -> float:
    """Return the average yearly Soviet GNP growth (percent) of the plan period holding a year.

    Plan periods are the ``GNP growth`` rows spanning five years (1961-65 to 1981-85); an
    open bound (``<2``) is returned as its bound. Rows are CIA or Western estimates of
    different vintages (see each row's note).

    Raises:
        InputError: A year outside 1961-1985.

    Example:
        >>> five_year_plan_growth_pct(1963)
        4.5
    """
    for r in load_soviet_economy():
        if r.metric != "GNP growth":
            continue
        first, last = r.years()
        if last - first == 4 and first <= year <= last:
            low, high = r.bounds()
            return high if low is None else low if high is None else (low + high) / 2
    raise InputError(f"no five-year-plan GNP growth for {year}; the table covers 1961-1985")


def leader_on(day: dt.date) -> str:
    """Return the Soviet leader (party head) in office on a day.

    Raises:
        InputError: A day outside 14 Oct 1964 - 25 Dec 1991, or an interregnum.

    Example:
        >>> leader_on(dt.date(1983, 1, 1))
        'Yuri Andropov'
    """
    for r in load_soviet_economy():
        if r.metric != "leader":
            continue
        start, end = (dt.date.fromisoformat(p) for p in r.period.split("/"))
        if start <= day <= end:
            return r.value
    raise InputError(f"no Soviet leader on {day.isoformat()} in the table (1964-10-14..1991-12-25)")


SURVIVING_UNION_GROWTH_PCT = 2.0
"""Yearly GNP growth assumed where the table has no figure: 1985-89 (between the cited
1984 and 1990 rows) and from 1991 for a union still standing. It is the 1981-85 plan
period's rate (a ``memory`` row, CIA's figure as commonly quoted); the 1991 row is a
forecast of the collapse itself (CIA/DIA May 1991), so it is not applied to a union that
has not collapsed. Invented as a continuation, not a figure of any source."""


def gnp_growth_pct(year: int) -> float:
    """Return the Soviet GNP growth (percent) used for a year, 1961 onwards.

    A single-year ``GNP growth`` row (1983, 1984, 1990) wins over its plan period's
    average (:func:`five_year_plan_growth_pct`); years with neither get
    :data:`SURVIVING_UNION_GROWTH_PCT`.

    Raises:
        InputError: A year before 1961.

    Example:
        >>> gnp_growth_pct(1968), gnp_growth_pct(1984), gnp_growth_pct(1990)
        (5.5, 2.0, -2.0)
    """
    if year < 1961:
        raise InputError(f"no Soviet GNP growth for {year}; the table starts in 1961")
    for r in load_soviet_economy():
        if r.metric == "GNP growth" and r.period == str(year):
            return float(r.bounds()[0])
    try:
        return five_year_plan_growth_pct(year)
    except InputError:
        return SURVIVING_UNION_GROWTH_PCT


@lru_cache(maxsize=256)
def gnp_index(year: int) -> float:
    """Soviet real GNP in ``year`` relative to 1960 (1.0), compounding :func:`gnp_growth_pct`.

    Example:
        >>> round(gnp_index(1961), 3)
        1.045
    """
    index = 1.0
    for y in range(1961, year + 1):
        index *= 1.0 + gnp_growth_pct(y) / 100.0
    return index


def defense_share_pct(year: int) -> float:
    """Return the Soviet defense burden (percent of GNP) used for a year.

    The cited CIA estimates as step values: the 1970s row (12-13 %, midpoint) up to 1979,
    the 1984 row (13-14 %) for 1980-84, the late-1980s row (15 %) from 1985.

    Example:
        >>> defense_share_pct(1975), defense_share_pct(1982), defense_share_pct(1988)
        (12.5, 13.5, 15.0)
    """
    wanted = "1970s" if year <= 1979 else "1984" if year <= 1984 else "late 1980s"
    for r in load_soviet_economy():
        if r.metric == "defense share of GNP" and r.period == wanted:
            return float(r.midpoint())
    raise InputError(f"soviet_economy.csv has no defense share row for {wanted}")
