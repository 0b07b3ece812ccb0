import pytest

from spacerace.catalog.bodies import get_body, load_bodies
from spacerace.errors import UnknownBodyError


def test_lookup_is_forgiving_about_case_and_strict_about_names():
    assert get_body(" Earth ").naif_id == 399
    with pytest.raises(UnknownBodyError, match="known bodies: .*mars"):
        get_body("krypton")


def test_every_body_has_positive_constants():
    for body in load_bodies().values():
        assert body.gm_km3_s2 > 0 and body.equatorial_radius_km > 0
        assert body.sidereal_rotation_days != 0
        assert body.gm_of in ("body", "system")


def test_earth_rotation_is_the_sidereal_day():
    # IAU WGCCRE 2015 (Archinal et al. 2018, Table 3): Earth turns 360.9856235 deg per day
    period_s = get_body("earth").sidereal_rotation_days * 86400
    assert period_s == pytest.approx(86400 * 360 / 360.9856235, abs=1e-3)
