"""Calendar dates, ISO strings and aware datetimes to and from TDB Julian dates.

The one shortcut: UTC labels are read as TDB
--------------------------------------------
A date a person types ("2005-08-12") is a UTC calendar label. Planetary ephemerides are
indexed by TDB, which runs ahead of UTC by ``32.184 s + (TAI - UTC)`` plus a periodic term
under 2 ms. spacerace reads every calendar label *as if it were TDB*, so a computed epoch
is early by that offset:

==========  =====================  ==========================================
period      TDB - UTC              source
==========  =====================  ==========================================
1900-1960   -3 s .. +33 s          TT - UT1 (Delta T), Morrison & Stephenson 2004
1961-1971   +33 s .. +42 s         TT - UTC with the rubber-second UTC of 1961-71
1972        42.184 s               32.184 s + 10 leap seconds (IERS Bulletin C)
2017 on     69.184 s               32.184 s + 37 leap seconds (IERS Bulletin C 72)
==========  =====================  ==========================================

So the shortcut is never larger than 70 s in DE421's span (1899-2053), assuming no new leap
second (none has been announced; CGPM 2022 Resolution 4 ends them by 2035). In 70 s the
Earth moves about 2,100 km along its orbit and Mars about 1,700 km: under 1e-5 of a
transfer's length, far below the accuracy of anything spacerace derives from it (the tests
size the effect on a porkchop's C3). ``tests/astro/test_time.py`` checks the bound against
Skyfield's exact time scale.

Functions take and return NumPy arrays or scalars alike (scalars in, scalars out).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable

import numpy as np

from spacerace.errors import InputError

__all__ = [
    "J2000_JD_TDB",
    "MAX_UTC_TDB_SHORTCUT_S",
    "calendar_to_jd_tdb",
    "datetime_to_jd_tdb",
    "days_since_j2000",
    "iso_to_jd_tdb",
    "jd_tdb_from_days_since_j2000",
    "jd_tdb_to_calendar",
    "jd_tdb_to_datetime",
    "jd_tdb_to_iso",
    "year_to_jd_tdb",
]

J2000_JD_TDB = 2451545.0
"""The J2000.0 epoch, 2000-01-01T12:00 TDB, as a Julian date (IAU 1976)."""

MAX_UTC_TDB_SHORTCUT_S = 70.0
"""Largest error, seconds, made by reading a UTC label as TDB within 1899-2053 (see above)."""

_ISO = re.compile(
    r"^\s*(?P<y>[+-]?\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}(?:\.\d*)?))?)?\s*(?:Z|UTC)?\s*$"
)


def calendar_to_jd_tdb(year, month, day, hour=0.0, minute=0.0, second=0.0):
    """Return the Julian date of a Gregorian calendar date read as TDB.

    Meeus, *Astronomical Algorithms* (2nd ed., 1998), eq. 7.1, valid for Gregorian dates
    (after 1582-10-15). Arguments may be arrays; they broadcast.

    Args:
        year: Calendar year, e.g. 1969.
        month: Month, 1-12.
        day: Day of month, 1-31 (may carry a fraction).
        hour: Hours, 0-24.
        minute: Minutes.
        second: Seconds.

    Returns:
        Julian date, days (TDB; see the module docstring for the UTC shortcut).

    Example:
        >>> float(calendar_to_jd_tdb(2000, 1, 1, 12))
        2451545.0
        >>> float(calendar_to_jd_tdb(1957, 10, 4.81))  # Meeus, Example 7.a: Sputnik 1
        2436116.31
    """
    year = np.asarray(year, dtype=np.int64)
    month = np.asarray(month, dtype=np.int64)
    early = month <= 2
    y = np.where(early, year - 1, year)
    m = np.where(early, month + 12, month)
    a = y // 100
    b = 2 - a + a // 4
    day_fraction = (
        np.asarray(hour, dtype=float) / 24.0
        + np.asarray(minute, dtype=float) / 1440.0
        + np.asarray(second, dtype=float) / 86400.0
    )
    jd = (
        np.floor(365.25 * (y + 4716))
        + np.floor(30.6001 * (m + 1))
        + np.asarray(day, dtype=float)
        + day_fraction
        + b
        - 1524.5
    )
    return jd[()] if jd.ndim == 0 else jd


def jd_tdb_to_calendar(jd_tdb):
    """Return ``(year, month, day, day_fraction)`` of a TDB Julian date.

    Meeus, *Astronomical Algorithms* (2nd ed.), chapter 7, "Calendar date from the JD".

    Args:
        jd_tdb: Julian date(s), days (TDB).

    Returns:
        Integer arrays year, month, day, and the fraction of the day (0 <= f < 1).

    Example:
        >>> [int(v) for v in jd_tdb_to_calendar(2436116.31)[:3]]
        [1957, 10, 4]
    """
    jd = np.asarray(jd_tdb, dtype=float) + 0.5
    z = np.floor(jd)
    f = jd - z
    alpha = np.floor((z - 1867216.25) / 36524.25)
    a = np.where(z < 2299161, z, z + 1 + alpha - np.floor(alpha / 4))
    b = a + 1524
    c = np.floor((b - 122.1) / 365.25)
    d = np.floor(365.25 * c)
    e = np.floor((b - d) / 30.6001)
    day = (b - d - np.floor(30.6001 * e)).astype(np.int64)
    month = np.where(e < 14, e - 1, e - 13).astype(np.int64)
    year = np.where(month > 2, c - 4716, c - 4715).astype(np.int64)
    return year, month, day, f


def iso_to_jd_tdb(text: str | Iterable[str]):
    """Return the TDB Julian date of ISO 8601 calendar strings.

    Accepts ``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM`` and ``YYYY-MM-DDTHH:MM:SS[.fff]``, with an
    optional trailing ``Z``. The label is read as TDB (see the module docstring).

    Args:
        text: One string or an iterable of strings.

    Returns:
        A float for one string, else an array of Julian dates, days (TDB).

    Raises:
        InputError: A string is not such a date, or names a day that does not exist.

    Example:
        >>> round(iso_to_jd_tdb("1969-07-16T13:32"), 4)  # Apollo 11 launch, 13:32 UTC
        2440419.0639
    """
    if isinstance(text, str):
        return _parse_one(text)
    return np.array([_parse_one(t) for t in text], dtype=float)


def _parse_one(text: str) -> float:
    match = _ISO.match(text) if isinstance(text, str) else None
    if match is None:
        raise InputError(f"expected a date like 2005-08-12 or 2005-08-12T11:43, got {text!r}")
    g = match.groupdict()
    y, m, d = int(g["y"]), int(g["m"]), int(g["d"])
    hh, mm = int(g["H"] or 0), int(g["M"] or 0)
    ss = float(g["S"] or 0.0)
    try:
        _dt.date(y, m, d)
    except ValueError as exc:
        raise InputError(f"{text!r} is not a calendar date: {exc}") from None
    if hh > 24 or mm > 59 or ss >= 61:
        raise InputError(f"{text!r} is not a time of day")
    return round(float(calendar_to_jd_tdb(y, m, d, hh, mm, ss)), 9)


def jd_tdb_to_iso(jd_tdb, precision: str = "day"):
    """Return ISO 8601 labels of TDB Julian dates (read back as UTC labels; see module docs).

    Args:
        jd_tdb: Julian date(s), days (TDB).
        precision: ``"day"`` (``2005-08-12``: the day containing the instant),
            ``"minute"`` (``2005-08-12T11:43``) or ``"second"`` (both rounded).

    Returns:
        A string for a scalar, else a list of strings.

    Example:
        >>> jd_tdb_to_iso(2451545.0, "minute")
        '2000-01-01T12:00'
    """
    if precision not in ("day", "minute", "second"):
        raise InputError(f"precision: expected 'day', 'minute' or 'second', got {precision!r}")
    scalar = np.ndim(jd_tdb) == 0
    jd = np.atleast_1d(np.asarray(jd_tdb, dtype=float))
    if precision == "day":  # the calendar day that contains the instant
        jd_rounded = np.floor(jd + 0.5) - 0.5
    else:  # round first, so 23:59:59.7 becomes the next day rather than "24:00"
        unit = {"minute": 1440.0, "second": 86400.0}[precision]
        jd_rounded = np.round((jd + 0.5) * unit) / unit - 0.5
    year, month, day, frac = jd_tdb_to_calendar(jd_rounded)
    seconds = np.round(frac * 86400.0).astype(np.int64)
    out = []
    for y, mo, d, s in zip(year, month, day, seconds, strict=True):
        label = f"{y:04d}-{mo:02d}-{d:02d}"
        if precision != "day":
            label += f"T{s // 3600:02d}:{s % 3600 // 60:02d}"
        if precision == "second":
            label += f":{s % 60:02d}"
        out.append(label)
    return out[0] if scalar else out


def year_to_jd_tdb(year):
    """Return the Julian date of 1 January 00:00 of a calendar year, days (TDB).

    Example:
        >>> float(year_to_jd_tdb(2000))
        2451544.5
    """
    return calendar_to_jd_tdb(year, 1, 1)


def datetime_to_jd_tdb(moment: _dt.datetime) -> float:
    """Return the TDB Julian date of a timezone-aware datetime (read as TDB after UTC).

    Args:
        moment: An aware ``datetime``; it is converted to UTC first.

    Raises:
        InputError: The datetime is naive (a naive time could be any zone).

    Example:
        >>> import datetime as dt
        >>> datetime_to_jd_tdb(dt.datetime(2000, 1, 1, 12, tzinfo=dt.timezone.utc))
        2451545.0
    """
    if not isinstance(moment, _dt.datetime):
        raise InputError(f"expected a datetime, got {type(moment).__name__}")
    if moment.tzinfo is None or moment.tzinfo.utcoffset(moment) is None:
        raise InputError(
            f"naive datetime {moment.isoformat()}: give it a zone, "
            "e.g. datetime(..., tzinfo=datetime.timezone.utc)"
        )
    u = moment.astimezone(_dt.UTC)
    seconds = u.second + u.microsecond / 1e6
    return float(calendar_to_jd_tdb(u.year, u.month, u.day, u.hour, u.minute, seconds))


def jd_tdb_to_datetime(jd_tdb: float) -> _dt.datetime:
    """Return an aware UTC datetime for a TDB Julian date (to the microsecond).

    Example:
        >>> jd_tdb_to_datetime(2451545.0).isoformat()
        '2000-01-01T12:00:00+00:00'
    """
    j2000 = _dt.datetime(2000, 1, 1, 12, tzinfo=_dt.UTC)
    days = float(jd_tdb) - J2000_JD_TDB
    return j2000 + _dt.timedelta(microseconds=round(days * 86400e6))


def days_since_j2000(jd_tdb):
    """Return days since J2000.0 (TDB) of Julian dates.

    Example:
        >>> float(days_since_j2000(2451545.0 + 365.25))
        365.25
    """
    return np.asarray(jd_tdb, dtype=float)[()] - J2000_JD_TDB


def jd_tdb_from_days_since_j2000(days):
    """Return TDB Julian dates of days since J2000.0.

    Example:
        >>> float(jd_tdb_from_days_since_j2000(-0.5))
        2451544.5
    """
    return np.asarray(days, dtype=float)[()] + J2000_JD_TDB
