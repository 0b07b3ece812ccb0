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
    "SovietEconomyRecord",
    "five_year_plan_growth_pct",
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
