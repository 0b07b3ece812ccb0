"""The packaged NEA catalogue: contents, joins, lookup, the known-by-year mask."""

import numpy as np
import pytest

from spacerace.catalog.neas import load_neas
from spacerace.errors import InputError, UnknownAsteroidError


def test_every_object_is_there_with_its_epoch():
    cat = load_neas()
    assert len(cat) == 40874  # rows of the MPC file (../shared/data/PROVENANCE.md)
    assert np.count_nonzero(cat.epoch_jd_tt == 2461000.5) == 40813  # provenance: all but 61
    assert np.all((cat.ecc >= 0) & (cat.ecc < 1)) and np.all(cat.a_au > 0)


def test_eros_elements_are_the_mpc_ones():
    cat = load_neas()
    k = cat.find("Eros")
    # MPC NEA extended file, row "A898 PA,433,Eros": a 1.458121 AU, e 0.222836, i 10.82847 deg.
    assert (cat.a_au[k], cat.ecc[k], cat.inc_deg[k]) == (1.458121, 0.222836, 10.82847)
    assert cat.first_obs_year[k] == 1893  # MPC arc 1893-2026


def test_one_opposition_first_year_comes_from_arc_length():
    cat = load_neas()
    k = cat.find("2008 EA9")  # one opposition: last obs 2008-04-11, arc 36 days
    assert cat.first_obs_year[k] == 2008


def test_jpl_physical_data_joined():
    cat = load_neas()
    k = cat.find("Bennu")
    assert cat.jpl_diameter_km[k] == pytest.approx(0.49, abs=0.01)  # JPL SBDB 0.490 km
    assert np.count_nonzero(np.isfinite(cat.jpl_diameter_km)) > 300
    assert cat.spectral_class[cat.find("Ryugu")] != ""


def test_known_in_year_excludes_later_discoveries():
    cat = load_neas()
    known = cat.known_in(2003)
    assert known[cat.find("Apophis")] is np.False_  # found 2004
    assert known[cat.find("Eros")] is np.True_
    assert 0 < known.sum() < len(cat)


@pytest.mark.parametrize("query", ["Apophis", "99942", "(99942)", "2004 MN4", "2004mn4"])
def test_find_accepts_names_numbers_designations(query):
    cat = load_neas()
    assert cat.label(cat.find(query)) == "(99942) Apophis"


def test_unknown_asteroid_suggests_close_matches():
    with pytest.raises(UnknownAsteroidError, match="did you mean .*Apophis"):
        load_neas().find("Apofis")
    with pytest.raises(InputError):
        load_neas().find("  ")


def test_close_earth_flag_uses_moid():
    cat = load_neas()
    assert cat.close_earth[cat.find("2006 RH120")]  # MOID 0.017 AU
    assert not cat.close_earth[cat.find("Eros")]  # MOID 0.15 AU
