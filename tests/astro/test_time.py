import datetime as dt

import numpy as np
import pytest

from spacerace.astro.time import (
    J2000_JD_TDB,
    MAX_UTC_TDB_SHORTCUT_S,
    calendar_to_jd_tdb,
    datetime_to_jd_tdb,
    days_since_j2000,
    iso_to_jd_tdb,
    jd_tdb_from_days_since_j2000,
    jd_tdb_to_calendar,
    jd_tdb_to_datetime,
    jd_tdb_to_iso,
)
from spacerace.errors import InputError


def test_calendar_matches_skyfield_tdb(skyfield_de421):
    # Oracle: Skyfield's Time built from the same calendar fields on the TDB scale.
    _, ts = skyfield_de421
    rng = np.random.default_rng(1)
    years = rng.integers(1900, 2051, 500)
    months = rng.integers(1, 13, 500)
    days = rng.integers(1, 29, 500)
    hours = rng.uniform(0, 24, 500)
    ours = calendar_to_jd_tdb(years, months, days, hours)
    theirs = ts.tdb(years, months, days, hours).tdb
    assert np.max(np.abs(ours - theirs)) * 86400 < 1e-4  # seconds


def test_published_julian_dates():
    # Meeus, Astronomical Algorithms 2nd ed., Example 7.a and the table after it.
    assert calendar_to_jd_tdb(1957, 10, 4.81) == pytest.approx(2436116.31, abs=1e-9)
    assert calendar_to_jd_tdb(1987, 6, 19.5) == pytest.approx(2446966.0, abs=1e-9)
    assert calendar_to_jd_tdb(1600, 1, 1) == pytest.approx(2305447.5, abs=1e-9)
    assert calendar_to_jd_tdb(2000, 1, 1, 12) == J2000_JD_TDB


def test_utc_shortcut_is_within_its_stated_bound(skyfield_de421):
    # Oracle: Skyfield's exact UTC -> TDB (leap seconds, Delta T) on its built-in tables.
    _, ts = skyfield_de421
    years = np.arange(1900, 2051)
    ours = calendar_to_jd_tdb(years, 7, 1)
    exact = ts.utc(years, 7, 1).tdb
    error_s = (exact - ours) * 86400
    assert np.max(np.abs(error_s)) < MAX_UTC_TDB_SHORTCUT_S
    # and the documented modern value: 32.184 s + 37 leap seconds since 2017
    assert error_s[years == 2020][0] == pytest.approx(69.184, abs=0.01)


def test_calendar_round_trip():
    jd = np.linspace(2415020.5, 2469807.5, 4001)
    y, m, d, f = jd_tdb_to_calendar(jd)
    assert np.allclose(calendar_to_jd_tdb(y, m, d + f), jd, atol=1e-8)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2005-08-12", 2453594.5),
        ("2005-08-12T11:43", 2453594.5 + (11 + 43 / 60) / 24),
        ("2005-08-12 11:43:30Z", 2453594.5 + (11 + 43.5 / 60) / 24),
    ],
)
def test_iso_parsing(text, expected):
    assert iso_to_jd_tdb(text) == pytest.approx(expected, abs=1e-8)


def test_iso_round_trip_and_rounding():
    assert jd_tdb_to_iso(iso_to_jd_tdb("1969-06-26")) == "1969-06-26"
    assert jd_tdb_to_iso(iso_to_jd_tdb("1969-07-20T20:17"), "minute") == "1969-07-20T20:17"
    assert jd_tdb_to_iso([2451545.0, 2451545.5]) == ["2000-01-01", "2000-01-02"]
    # 23:59:59.9 rounds to the next minute, never to "24:00"
    assert jd_tdb_to_iso(2451545.0 + 0.5 - 0.1 / 86400, "minute") == "2000-01-02T00:00"


@pytest.mark.parametrize("bad", ["2005-13-01", "2005-02-30", "12/08/2005", "", "2005-08-12T25:00"])
def test_bad_iso_is_an_input_error(bad):
    with pytest.raises(InputError):
        iso_to_jd_tdb(bad)


def test_datetimes():
    aware = dt.datetime(1969, 6, 26, 3, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert datetime_to_jd_tdb(aware) == calendar_to_jd_tdb(1969, 6, 26, 0)
    assert jd_tdb_to_datetime(datetime_to_jd_tdb(aware)) == aware
    with pytest.raises(InputError, match="tzinfo"):
        datetime_to_jd_tdb(dt.datetime(1969, 6, 26))


def test_days_since_j2000():
    assert days_since_j2000(J2000_JD_TDB + 10) == 10
    assert jd_tdb_from_days_since_j2000(days_since_j2000(2440000.5)) == 2440000.5
