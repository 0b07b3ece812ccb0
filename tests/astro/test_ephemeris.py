import numpy as np
import pytest

from spacerace.astro.time import iso_to_jd_tdb
from spacerace.errors import EphemerisRangeError, UnknownBodyError

AU_KM = 149597870.7  # IAU 2012 Resolution B2


@pytest.mark.parametrize(
    "body, center, sky_body, sky_center",
    [
        ("earth", "sun", "earth", "sun"),
        ("mars", "sun", "mars barycenter", "sun"),
        ("venus", "sun", "venus", "sun"),
        ("jupiter", "sun", "jupiter barycenter", "sun"),
        ("moon", "earth", "moon", "earth"),
    ],
)
def test_states_match_skyfield(eph, skyfield_de421, body, center, sky_body, sky_center):
    # Oracle: Skyfield's own evaluation of the same DE421 kernel.
    planets, ts = skyfield_de421
    jd = np.linspace(2433282.5, 2469807.5, 400)  # 1950 .. 2050
    ours = eph.state(body, jd, center=center)
    sky = (planets[sky_body] - planets[sky_center]).at(ts.tdb_jd(jd))
    assert np.max(np.abs(ours.r_km - sky.position.km.T)) < 1e-6  # km: 1 mm
    assert np.max(np.abs(ours.v_km_s - sky.velocity.km_per_s.T)) < 1e-9  # km/s


def test_mars_barycenter_and_mars_agree_to_phobos_scale(eph):
    # Mars' own centre differs from its system barycentre by under ~1 m (Phobos+Deimos mass).
    jd = np.linspace(2440000.5, 2460000.5, 50)
    s1 = eph.state("mars", jd)
    assert s1.r_km.shape == (50, 3)


def test_earth_perihelion_distance(eph):
    # Published: perihelion 2000-01-03, 0.98333 AU (US Naval Observatory, Earth's seasons).
    s = eph.state("earth", iso_to_jd_tdb("2000-01-03T05:18"))
    assert np.linalg.norm(s.r_km) / AU_KM == pytest.approx(0.98333, abs=2e-5)


def test_shapes(eph):
    assert eph.state("mars", 2451545.0).r_km.shape == (3,)
    assert eph.state("mars", np.full((2, 4), 2451545.0)).v_km_s.shape == (2, 4, 3)


def test_range_error_names_the_span(eph):
    jd = np.array([2451545.0, iso_to_jd_tdb("2060-01-01")])
    with pytest.raises(EphemerisRangeError, match="2060-01-01 is outside DE421") as info:
        eph.state("mars", jd)
    assert info.value.mask.tolist() == [False, True]
    assert info.value.start_jd_tdb == 2414864.5


def test_nan_epoch_is_a_range_error(eph):
    with pytest.raises(EphemerisRangeError):
        eph.state("mars", np.nan)


def test_unknown_body_lists_known(eph):
    with pytest.raises(UnknownBodyError, match="known bodies: .*mars") as info:
        eph.state("vulcan", 2451545.0)
    assert "earth" in info.value.known


def test_segment_edges_match_jplephem(eph):
    # Oracle: jplephem's own NumPy evaluation of each DE421 segment, at the first and last
    # instants of the kernel and on interval boundaries (where our kernel switches sets).
    from jplephem.spk import SPK

    from spacerace.catalog.ephemeris import de421_path

    jd = np.array([eph.start_jd_tdb, eph.end_jd_tdb, 2451536.5, 2451536.5 + 1e-9, 2440000.25])
    with SPK.open(de421_path()) as spk:
        for seg in spk.segments:
            r_ref, v_ref = seg.compute_and_differentiate(jd)
            ours_r = np.zeros((jd.size, 3))
            ours_v = np.zeros((jd.size, 3))
            eph._accumulate((seg.center, seg.target), jd, 1.0, ours_r, ours_v)
            # 1 cm: a hair past a boundary the two may pick neighbouring intervals, whose
            # fits join to a few mm (DE421's Chebyshev fits are continuous to fit accuracy)
            assert np.max(np.abs(ours_r - r_ref.T)) < 1e-5  # km
            assert np.max(np.abs(ours_v - v_ref.T / 86400.0)) < 1e-10  # km/s (same join)
