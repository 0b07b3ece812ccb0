"""Screening and ranking: published accessible objects rank at the top; the year mask holds."""

import numpy as np
import pytest

from spacerace.astro.time import iso_to_jd_tdb
from spacerace.catalog.neas import load_neas
from spacerace.mining import cached_rank_candidates, candidate_for, rank_candidates, screen
from spacerace.mining.capture import SearchGrid

# Garcia Yarnoz, Sanchez & McInnes (2013), Celest. Mech. Dyn. Astr. 116:367, Easily
# Retrievable Objects, and two NHATS / Benner-list favourites (1991 VG, 2000 SG344; Barbee
# et al., AAS 11-444, 2011). All were observed by 2012.
PUBLISHED_ACCESSIBLE = ["2006 RH120", "2007 UN12", "2009 BD", "2010 VQ98", "2008 HU4",
                        "2008 UA202", "2011 UD21", "2012 TF79", "2011 BL45", "2011 MD",
                        "2012 LA", "1991 VG", "2000 SG344"]  # fmt: skip


def test_published_accessible_objects_rank_in_the_top_percent():
    cat = load_neas()
    s = screen(2013, "earth-moon")
    rank = np.empty(s.rows.size, dtype=int)
    rank[np.argsort(s.dv_sh_km_s, kind="stable")] = np.arange(s.rows.size)
    ranks = [int(rank[np.flatnonzero(s.rows == cat.find(n))[0]]) for n in PUBLISHED_ACCESSIBLE]
    # 11,682 objects known by 2013; measured ranks 2..86: all within the best 1 %.
    assert max(ranks) < 0.01 * s.rows.size, dict(zip(PUBLISHED_ACCESSIBLE, ranks, strict=True))


# Benner's list of 2013-04-14 (tests/astro/test_shoemaker_helin.py), km/s.
BENNER_2013_DV = {
    "2006 RH120": 3.813, "2007 UN12": 3.823, "2012 TF79": 3.867, "2009 BD": 3.870,
    "2010 VQ98": 3.924, "2008 HU4": 3.927, "2008 EA9": 3.962, "1991 VG": 3.998,
    "2008 UA202": 4.029, "2011 MD": 4.113, "2011 UD21": 4.139, "2000 SG344": 4.156,
    "2011 BL45": 4.322, "2012 LA": 4.365, "2001 CQ36": 5.306, "1999 AO10": 5.379,
}  # fmt: skip


def test_catalogue_orbits_reproduce_benner_delta_v():
    # Our screening from the 2025 MPC orbits against Benner's values from 2013 orbits: the
    # orbits were refined since (measured differences up to 0.019 km/s, 2007 UN12).
    cat = load_neas()
    s = screen(2025, "earth-moon")
    for name, dv in BENNER_2013_DV.items():
        k = np.flatnonzero(s.rows == cat.find(name))[0]
        assert s.dv_sh_km_s[k] == pytest.approx(dv, abs=0.03), name


def test_screening_knows_only_what_was_observed_by_the_year():
    cat = load_neas()
    s2003, s2020 = screen(2003, "mars-orbit"), screen(2020, "mars-orbit")
    assert np.all(cat.first_obs_year[s2003.rows] <= 2003)
    assert cat.find("Apophis") not in s2003.rows and cat.find("Apophis") in s2020.rows
    assert s2003.rows.size < s2020.rows.size


def test_screening_matches_benner_convention():
    s = screen(2013, "earth-moon")
    cat = load_neas()
    k = np.flatnonzero(s.rows == cat.find("2006 RH120"))[0]
    # Benner's list, 2013-04-14: 3.813 km/s (our 2025 orbit: within 0.01 km/s).
    assert s.dv_sh_km_s[k] == pytest.approx(3.813, abs=0.01)


def test_rank_candidates_returns_sorted_priced_designs():
    grid = SearchGrid(span_days=1500.0, step_days=10.0, tof_step_days=20.0)
    found = rank_candidates(2003, "earth-moon", top=3, n_design=5, grid=grid)
    assert 0 < len(found) <= 3
    assert [c.profit_musd for c in found] == sorted((c.profit_musd for c in found), reverse=True)
    for c in found:
        assert c.first_obs_year <= 2003
        assert c.depart_jd_tdb < c.rendezvous_jd_tdb < c.leave_jd_tdb < c.arrive_jd_tdb
        assert c.profit_musd == pytest.approx(c.value_musd - c.cost_musd)
        assert c.value_musd <= c.value_at_market_musd + 1e-9  # supply never raises prices


@pytest.mark.parametrize(
    ("name", "year", "real_return_iso"),
    [
        # Hayabusa2's capsule re-entered over Woomera on 2020-12-05 (UTC; JAXA).
        ("Ryugu", 2014, "2020-12-05"),
        # OSIRIS-REx's capsule landed in Utah on 2023-09-24 (NASA).
        ("Bennu", 2016, "2023-09-24"),
    ],
)
def test_return_dates_match_real_sample_return_missions(name, year, real_return_iso):
    # The Earth-return geometry sets the cheap return window; a heavy return (the whole
    # 10,000 t cap) picks it. Tolerance 30 days (measured: 0 and 12 days).
    c = candidate_for(name, year, "earth-moon")
    assert abs(c.arrive_jd_tdb - iso_to_jd_tdb(real_return_iso)) < 30.0
    assert c.metal_kg + c.water_kg + c.volatiles_kg + c.pgm_kg <= c.returned_kg


def test_cached_ranking_is_the_ranking_and_is_memoised():
    grid = SearchGrid(span_days=730.0, step_days=10.0, tof_step_days=20.0)
    first = cached_rank_candidates(2003, "earth-moon", 2, 3, None, grid)
    assert cached_rank_candidates(2003, "earth-moon", 2, 3, None, grid) is first
    assert list(first) == rank_candidates(2003, "earth-moon", 2, n_design=3, grid=grid)
