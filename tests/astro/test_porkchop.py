"""Porkchop grids: oracle comparisons, real missions' launch energies, windows, bad input."""

import numpy as np
import pytest

from spacerace.astro.porkchop import (
    ParkingOrbit,
    compute_porkchop,
    find_windows,
    hohmann_tof_days,
    synodic_period_days,
)
from spacerace.astro.time import iso_to_jd_tdb, jd_tdb_to_iso
from spacerace.catalog.bodies import get_body
from spacerace.errors import EphemerisRangeError, GridTooLargeError, InputError

MU_SUN = get_body("sun").gm_km3_s2


def _c3(eph, launch: str, arrival: str) -> float:
    depart = iso_to_jd_tdb(launch)
    tof = iso_to_jd_tdb(arrival) - depart
    grid = compute_porkchop(eph, "earth", "mars", [depart], [tof], MU_SUN)
    return float(grid.c3_km2_s2[0, 0])


def test_grid_matches_skyfield_states_and_lamberthub(eph, skyfield_de421):
    # Oracle: an independent chain — Skyfield's evaluation of DE421 for the states and
    # lamberthub's izzo2015 for each transfer — on a 6 x 6 grid around the 2005 window.
    from lamberthub import izzo2015

    planets, ts = skyfield_de421
    depart = iso_to_jd_tdb("2005-07-01") + np.arange(0.0, 120.0, 20.0)
    tof = np.arange(150.0, 390.0, 40.0)
    grid = compute_porkchop(eph, "earth", "mars", depart, tof, MU_SUN)
    sun, earth, mars = planets["sun"], planets["earth"], planets["mars barycenter"]
    for i, d in enumerate(depart):
        e = (earth - sun).at(ts.tdb_jd(d))
        for j, t in enumerate(tof):
            m = (mars - sun).at(ts.tdb_jd(d + t))
            v1, _ = izzo2015(
                MU_SUN, e.position.km, m.position.km, t * 86400.0, 0, True, True, 35, 1e-13, 1e-13
            )
            c3 = float(np.sum((v1 - e.velocity.km_per_s) ** 2))
            assert grid.c3_km2_s2[i, j] == pytest.approx(c3, rel=1e-7)


# Real missions: launch and arrival dates (UTC) and the published launch C3.
# The Lambert C3 between Earth's and Mars' centres on the real dates should come within a
# few percent (here 5 %) of the flown value, which also carries launch-period targeting,
# the real arrival point and trajectory corrections. Where we could read the source we say
# so; where a figure is quoted second-hand we name the primary and say we could not read it.
MISSIONS = [
    # MAVEN: launch 2013-11-18 18:28 UTC, Mars orbit insertion 2014-09-22 02:24 UTC.
    # C3 12.2 km^2/s^2: Wikipedia, "Characteristic energy" (text read), MAVEN example.
    ("MAVEN", "2013-11-18T18:28", "2014-09-22T02:24", 12.2),
    # InSight: launch 2018-05-05 11:05 UTC (Vandenberg), landing 2018-11-26 19:52 UTC.
    # C3 8.19 km^2/s^2: Abilleira et al., "2018 Mars InSight Trajectory Reconstruction and
    # Performance from Launch Through Landing", AAS 19-204 (2019); quoted second-hand, the
    # paper's table was not readable here.
    ("InSight", "2018-05-05T11:05", "2018-11-26T19:52", 8.19),
    # MRO: launch 2005-08-12 11:43 UTC (JPL Horizons header for MRO), orbit insertion
    # 2006-03-10 21:24 UTC. C3 16.4 km^2/s^2: NASA "Mars Reconnaissance Orbiter Launch"
    # press kit, August 2005, Mission Overview; quoted second-hand, not read here.
    ("MRO", "2005-08-12T11:43", "2006-03-10T21:24", 16.4),
    # Mars 2020: launch 2020-07-30 11:50 UTC, landing 2021-02-18 20:55 UTC (Kruizinga et
    # al., "Mars 2020 Trajectory Correction Maneuver Design", NTRS 20230005656: dates read).
    # C3 14.5 km^2/s^2: Abilleira et al., "Mars 2020 Mission Design and Navigation
    # Overview" (2019); quoted second-hand, not read here.
    ("Mars 2020", "2020-07-30T11:50", "2021-02-18T20:55", 14.5),
]


@pytest.mark.parametrize("name, launch, arrival, published", MISSIONS)
def test_real_missions_launch_energy(eph, name, launch, arrival, published):
    assert _c3(eph, launch, arrival) == pytest.approx(published, rel=0.05), name


def test_2005_window_best_point(eph):
    # MRO launched 2005-08-12 into this opportunity (JPL Horizons header for MRO: "Aug 12,
    # 2005 11:43 UTC"). Its flown C3 is quoted as about 16 km^2/s^2, a figure we could not
    # check against a primary source, so the band here is wide: 15 to 17.5.
    depart = iso_to_jd_tdb("2005-06-01") + np.arange(0.0, 153.0, 2.0)
    grid = compute_porkchop(eph, "earth", "mars", depart, np.arange(100.0, 451.0, 2.0), MU_SUN)
    best = grid.best()
    assert 15.0 < best.c3_km2_s2 < 17.5
    assert "2005-07-01" <= jd_tdb_to_iso(best.depart_jd_tdb) <= "2005-09-30"


def test_delta_v_columns_use_patched_conics(eph):
    earth, mars = get_body("earth"), get_body("mars")
    leo = ParkingOrbit(earth.gm_km3_s2, earth.equatorial_radius_km + 200)
    low_mars = ParkingOrbit(mars.gm_km3_s2, mars.equatorial_radius_km + 250)
    depart = iso_to_jd_tdb("2005-08-12")
    grid = compute_porkchop(
        eph, "earth", "mars", [depart], [210.0], MU_SUN, departure_orbit=leo, arrival_orbit=low_mars
    )
    vinf, c3 = grid.vinf_depart_km_s[0, 0], grid.c3_km2_s2[0, 0]
    # hand check: burn = sqrt(v_inf^2 + 2 mu / r) - sqrt(mu / r) (Curtis eq. 8.42)
    r = leo.radius_km
    expected = np.sqrt(c3 + 2 * leo.mu_km3_s2 / r) - np.sqrt(leo.mu_km3_s2 / r)
    assert grid.dv_depart_km_s[0, 0] == pytest.approx(expected, rel=1e-12)
    assert vinf**2 == pytest.approx(c3)
    assert 3.4 < grid.dv_total_km_s[0, 0] - grid.dv_arrive_km_s[0, 0] < 4.0


def test_synodic_period_and_hohmann_time(eph):
    # Earth-Mars synodic period 779.9 d (mean motions; NASA Mars Fact Sheet), Hohmann 259 d.
    assert synodic_period_days(eph, "earth", "mars", 2451545.0, MU_SUN) == pytest.approx(
        780, rel=0.01
    )
    assert hohmann_tof_days(eph, "earth", "mars", 2451545.0, MU_SUN) == pytest.approx(259, rel=0.02)


def test_windows_1969_to_2003_follow_the_synodic_period(eph):
    found = find_windows(
        eph,
        "earth",
        "mars",
        iso_to_jd_tdb("1969-01-01"),
        iso_to_jd_tdb("2004-01-01"),
        (100.0, 450.0),
        MU_SUN,
    )
    departures = np.array([w.depart_jd_tdb for w in found])
    # 35 years / 2.135 years: 16 or 17 windows, spaced about a synodic period apart
    assert 16 <= len(found) <= 17
    gaps = np.diff(departures)
    assert np.all((gaps > 650) & (gaps < 900))
    # Known windows: Mariner 6/7 flew in Feb-Mar 1969, Mariner 9 in May 1971, Viking in
    # Aug-Sep 1975, MGS/Pathfinder Nov-Dec 1996, MER in Jun-Jul 2003 (NASA NSSDCA).
    labels = [jd_tdb_to_iso(d)[:7] for d in departures]
    for year in ("1969", "1971", "1975", "1996", "2003"):
        assert any(lab.startswith(year) for lab in labels), (year, labels)
    assert all(c3 < 30 for c3 in (w.c3_km2_s2 for w in found))


@pytest.mark.parametrize(
    "depart, tof, message",
    [
        ([], [200.0], "non-empty"),
        ([2451545.0, 2451540.0], [200.0], "increasing"),
        ([2451545.0], [-5.0, 10.0], "positive"),
        ([np.nan], [200.0], "finite"),
    ],
)
def test_bad_axes(eph, depart, tof, message):
    with pytest.raises(InputError, match=message):
        compute_porkchop(eph, "earth", "mars", depart, tof, MU_SUN)


def test_bad_ends_and_range(eph):
    with pytest.raises(InputError, match="both"):
        compute_porkchop(eph, "earth", "earth", [2451545.0], [200.0], MU_SUN)
    with pytest.raises(InputError, match="Moon orbits the Earth"):
        compute_porkchop(eph, "earth", "moon", [2451545.0], [200.0], MU_SUN)
    with pytest.raises(EphemerisRangeError, match="outside DE421"):
        compute_porkchop(eph, "earth", "mars", [iso_to_jd_tdb("2053-06-01")], [300.0], MU_SUN)
    with pytest.raises(GridTooLargeError):
        compute_porkchop(
            eph,
            "earth",
            "mars",
            np.arange(2451545.0, 2451545.0 + 3000),
            np.arange(1.0, 2000.0),
            MU_SUN,
        )
