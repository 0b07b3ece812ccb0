"""The clock's calendar: days since the scenario start <-> dates and years."""

from __future__ import annotations

import bisect
import functools

import numpy as np

from spacerace.astro.time import calendar_to_jd_tdb, iso_to_jd_tdb, jd_tdb_to_calendar

__all__ = ["Calendar"]


@functools.cache
def _jd_tdb_of(year: int, month: int, day: int) -> float:
    """TDB Julian date of a calendar date, memoised (every run asks for the same dates)."""
    return float(calendar_to_jd_tdb(year, month, day))


class Calendar:
    """Converts the engine's day counts to calendar dates for one scenario start.

    Args:
        start_jd_tdb: Day 0, TDB Julian date.

    Example:
        >>> cal = Calendar(iso_to_jd_tdb("1969-01-01"))
        >>> cal.year(0.0), cal.day_of(1970, 1, 1)
        (1969, 365.0)
    """

    def __init__(self, start_jd_tdb: float):
        self.start_jd_tdb = float(start_jd_tdb)
        self._first_year = int(jd_tdb_to_calendar(self.start_jd_tdb)[0]) - 1
        # 1 January of each year from the one before the start, for a bisect per lookup
        # (the engine asks for the year tens of thousands of times a run)
        years = np.arange(self._first_year, self._first_year + 152)
        self._jan1 = list(calendar_to_jd_tdb(years, 1, 1) - self.start_jd_tdb)
        self._last = (0.0, 0.0, 0)  # (1 January, next 1 January, year) of the last lookup

    def year(self, day: float) -> int:
        """Calendar year of a day."""
        lo, hi, year = self._last  # the engine asks mostly about the present year
        if lo <= day < hi:
            return year
        i = bisect.bisect_right(self._jan1, day) - 1
        if 0 <= i < len(self._jan1) - 1:
            self._last = (self._jan1[i], self._jan1[i + 1], self._first_year + i)
            return self._first_year + i
        return int(jd_tdb_to_calendar(self.start_jd_tdb + day)[0])

    def fractional_year(self, day: float) -> float:
        """Year with its fraction (1969.5 is about 2 July 1969)."""
        year = self.year(day)
        first = self.day_of(year, 1, 1)
        return year + (day - first) / (self.day_of(year + 1, 1, 1) - first)

    def day_of(self, year: int, month: int = 1, day: int = 1) -> float:
        """Days since the start of a calendar date."""
        return _jd_tdb_of(year, month, day) - self.start_jd_tdb

    def day_of_iso(self, text: str) -> float:
        """Days since the start of an ISO date."""
        return iso_to_jd_tdb(text) - self.start_jd_tdb
