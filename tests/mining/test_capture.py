"""Capture-trajectory design: bookkeeping against a peer solver, results against the literature."""

import lamberthub
import numpy as np
import pytest

from spacerace.astro.anomaly import mean_to_true_rad
from spacerace.astro.heliocentric import AU_KM, ecliptic_to_icrf
from spacerace.astro.kepler import elements_to_state, propagate_kepler
from spacerace.astro.shoemaker_helin import shoemaker_helin_dv_km_s
from spacerace.astro.time import year_to_jd_tdb
from spacerace.astro.transfers import capture_dv_km_s, departure_dv_km_s
from spacerace.catalog.bodies import load_bodies
from spacerace.catalog.ephemeris import load_de421
from spacerace.catalog.neas import load_neas
from spacerace.errors import UnknownDestinationError
from spacerace.mining.capture import SearchGrid, design_captures
from spacerace.mining.destinations import get_destination

# Easily Retrievable Objects: Garcia Yarnoz, Sanchez & McInnes (2013), "Easily retrievable
# objects among the NEO population", Celest. Mech. Dyn. Astr. 116:367-388: retrieval to a
# Sun-Earth L1/L2 orbit below 500 m/s for transfers starting 2016-2026. With Benner's
# Shoemaker-Helin LEO-rendezvous delta-v of 2013-04-14 (tests/astro/test_shoemaker_helin.py).
EROS_BENNER_DV = {
    "2006 RH120": 3.813, "2007 UN12": 3.823, "2009 BD": 3.870, "2010 VQ98": 3.924,
    "2008 HU4": 3.927, "2008 UA202": 4.029, "2011 UD21": 4.139, "2012 TF79": 3.867,
    "2011 BL45": 4.322,
}  # fmt: skip


def _elements(rows):
    cat = load_neas()
    return dict(
        a_au=cat.a_au[rows], ecc=cat.ecc[rows], inc_deg=cat.inc_deg[rows],
        node_deg=cat.node_deg[rows], peri_deg=cat.peri_deg[rows],
        mean_anomaly_deg=cat.mean_anomaly_deg[rows], epoch_jd=cat.epoch_jd_tt[rows],
    )  # fmt: skip


@pytest.fixture(scope="module")
def ero_designs():
    # Departures 2003-2013: the window holds the Earth encounters of all nine (2006-2012),
    # the epochs at which these objects were found and are cheap to reach.
    cat = load_neas()
    rows = np.array([cat.find(n) for n in EROS_BENNER_DV])
    design = design_captures(
        _elements(rows), float(year_to_jd_tdb(2003)), get_destination("earth-moon"),
        load_de421(), return_ratio=np.full(rows.size, 100.0), isp_s=850.0,
    )  # fmt: skip
    return rows, design


def test_eros_rendezvous_matches_benner(ero_designs):
    _, d = ero_designs
    benner = np.array(list(EROS_BENNER_DV.values()))
    # Benner's dv is 30 F + 0.5 km/s, the 0.5 an allowance for what the estimate leaves out;
    # our best Lambert rendezvous (LEO 300 km, as his) lands within 0.35 km/s of 30 F
    # (measured: -0.30 .. +0.24 km/s).
    assert np.all(np.abs(d.min_outbound_km_s - (benner - 0.5)) < 0.35), d.min_outbound_km_s


def test_eros_return_to_earth_moon_space_is_cheap(ero_designs):
    _, d = ero_designs
    # Garcia Yarnoz et al. 2013: each ERO retrievable to L1/L2 below 0.5 km/s. Our direct
    # patched-conic capture into a 500 km x lunar-distance orbit (no manifolds, no lunar
    # flyby) measures 0.21-0.50 km/s; tolerance 0.1 km/s over their bound.
    assert np.all(d.min_return_km_s < 0.6), d.min_return_km_s
    # The designed mission (weighted for a returned mass 100 x the tug's) stays cheap too.
    assert np.all(d.dv_return_km_s < 0.8), d.dv_return_km_s


def test_design_dates_and_burns_check_out_with_a_peer_solver(ero_designs):
    # Oracle: re-solve the chosen legs with lamberthub's izzo2015, the asteroid moved by the
    # universal-variable propagator (another path than the design's mean-anomaly one).
    rows, d = ero_designs
    cat, eph, bodies = load_neas(), load_de421(), load_bodies()
    mu = bodies["sun"].gm_km3_s2
    k = 0
    row = rows[k]
    nu0 = mean_to_true_rad(np.radians(cat.mean_anomaly_deg[row]), cat.ecc[row])
    r0, v0 = elements_to_state(
        cat.a_au[row] * AU_KM, cat.ecc[row], *np.radians(
            [cat.inc_deg[row], cat.node_deg[row], cat.peri_deg[row]]), nu0, mu,
    )  # fmt: skip

    def asteroid(jd):
        r, v = propagate_kepler(r0, v0, (jd - cat.epoch_jd_tt[row]) * 86400.0, mu)
        return ecliptic_to_icrf(r), ecliptic_to_icrf(v)

    def cheapest(r1, r2, tof_s, va, vb):
        best = np.inf, None
        for revs, low in ((0, True), (1, True), (1, False)):
            try:
                v1, v2 = lamberthub.izzo2015(mu, r1, r2, tof_s, revs, True, low, 35, 1e-13, 1e-13)
            except Exception:  # noqa: BLE001 - no solution for this branch
                continue
            cost = np.linalg.norm(v1 - va) + np.linalg.norm(v2 - vb)
            if cost < best[0]:
                best = cost, (np.linalg.norm(v1 - va), np.linalg.norm(v2 - vb))
        return best[1]

    earth = eph.state("earth", d.depart_jd_tdb[k])
    ra, va = asteroid(d.arrive_jd_tdb[k])
    vinf, rdv = cheapest(earth.r_km, ra, (d.arrive_jd_tdb[k] - d.depart_jd_tdb[k]) * 86400.0,
                         earth.v_km_s, va)  # fmt: skip
    dv_dep = departure_dv_km_s(vinf, 6378.1366 + 300.0, bodies["earth"].gm_km3_s2)
    assert dv_dep == pytest.approx(d.dv_depart_km_s[k], abs=1e-6)
    assert rdv == pytest.approx(d.dv_rendezvous_km_s[k], abs=1e-6)
    rl, vl = asteroid(d.leave_jd_tdb[k])
    home = eph.state("earth", d.capture_jd_tdb[k])
    leave, vinf_home = cheapest(rl, home.r_km, (d.capture_jd_tdb[k] - d.leave_jd_tdb[k]) * 86400.0,
                                vl, home.v_km_s)  # fmt: skip
    rp = 6378.1366 + 500.0
    ecc = (384400.0 - rp) / (384400.0 + rp)
    assert leave == pytest.approx(d.dv_leave_km_s[k], abs=1e-6)
    cap = capture_dv_km_s(vinf_home, rp, bodies["earth"].gm_km3_s2, ecc)
    assert cap == pytest.approx(d.dv_capture_km_s[k], abs=1e-6)
    stay = d.leave_jd_tdb[k] - d.arrive_jd_tdb[k]
    assert 30.0 <= stay <= 400.0  # SearchGrid defaults


def test_mars_orbit_costs_more_to_reach_than_earth_moon_space():
    cat = load_neas()
    rows = np.array([cat.find("2007 UN12")])
    grid = SearchGrid(span_days=1500.0, step_days=10.0, tof_step_days=20.0)
    start = float(year_to_jd_tdb(2004))
    common = dict(return_ratio=np.zeros(1), isp_s=850.0, grid=grid)
    earth = design_captures(_elements(rows), start, get_destination("earth-moon"), load_de421(),
                            **common)  # fmt: skip
    mars = design_captures(_elements(rows), start, get_destination("mars-orbit"), load_de421(),
                           **common)  # fmt: skip
    # A heliocentric transfer from ~1 AU to Mars (Hohmann ~5.6 km/s from Earth's orbit to
    # Mars', Curtis Example 8.3) dominates; Earth return is a fraction of it.
    assert mars.dv_return_km_s[0] > earth.dv_return_km_s[0] + 1.5
    assert shoemaker_helin_dv_km_s(1.054, 0.060, np.radians(0.2)) < mars.dv_total_km_s[0]


def test_unknown_destination_names_the_known_ones():
    with pytest.raises(UnknownDestinationError, match="earth-moon, mars-orbit"):
        get_destination("venus-orbit")
