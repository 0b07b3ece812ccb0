"""Tests of spacerace.astro.kepler; each test names its oracle.

Books: Curtis, Orbital Mechanics for Engineering Students (3rd ed., 2014); Vallado,
Fundamentals of Astrodynamics and Applications (4th ed., 2013). The peer comparison with
hapsira 0.18 runs in its own environment: tests/oracle/test_kepler_hapsira.py. Anomalies and
Kepler's equation: test_anomaly.py.
"""

import math

import numpy as np
import pytest

from spacerace.astro import anomaly
from spacerace.astro.kepler import (
    KeplerElements,
    elements_to_state,
    orbital_period_s,
    propagate_kepler,
    state_to_elements,
)
from spacerace.errors import ConvergenceError, InputError

MU_CURTIS_KM3_S2 = 398600.0  # Earth, as Curtis uses it throughout
MU_EARTH_KM3_S2 = 398600.4418  # Earth (EGM-96/WGS-84), as Vallado uses it


@pytest.fixture
def rng():
    return np.random.default_rng(20240611)


# -- textbook examples --------------------------------------------------------------------


def test_state_to_elements_curtis_example_4_3():
    # Curtis Example 4.3: h = 58 310 km^2/s, i = 153.2 deg, RA = 255.3 deg, e = 0.1712,
    # omega = 20.07 deg, theta = 28.45 deg, a = 8788 km (book digits).
    el = state_to_elements([-6045.0, -3490.0, 2500.0], [-3.457, 6.618, 2.533], MU_CURTIS_KM3_S2)
    assert el.ecc == pytest.approx(0.1712, abs=5e-5)
    assert math.degrees(el.inc_rad) == pytest.approx(153.2, abs=0.05)
    assert math.degrees(el.raan_rad) == pytest.approx(255.3, abs=0.05)
    assert math.degrees(el.argp_rad) == pytest.approx(20.07, abs=0.005)
    assert math.degrees(el.nu_rad) == pytest.approx(28.45, abs=0.005)
    assert el.a_km == pytest.approx(8788, abs=0.5)
    h = math.sqrt(MU_CURTIS_KM3_S2 * el.a_km * (1 - el.ecc**2))
    assert h == pytest.approx(58310, abs=5.0)  # book: 4 significant figures (58 311.7)


def test_elements_to_state_curtis_example_4_7():
    # Curtis Example 4.7: h = 80 000 km^2/s, e = 1.4, RA = 40, i = 30, omega = 60,
    # theta = 30 deg -> r = [-4039.9, 4814.56, 3628.62] km, v = [-10.386, -4.77192, 1.74388].
    p_km = 80000.0**2 / MU_CURTIS_KM3_S2
    d = np.radians
    r, v = elements_to_state(p_km / (1 - 1.4**2), 1.4, d(30), d(40), d(60), d(30), MU_CURTIS_KM3_S2)
    np.testing.assert_allclose(r, [-4039.9, 4814.56, 3628.62], atol=0.05)
    np.testing.assert_allclose(v, [-10.386, -4.77192, 1.74388], atol=5e-4)


def test_propagate_vallado_example_2_4():
    # Vallado Example 2-4 (KEPLER), 40 min: r = [-4219.7527, 4363.0292, -3958.7666] km,
    # v = [3.689866, -1.916735, -6.112511] km/s (book: 0.1 m and 1 mm/s digits).
    r0, v0 = [1131.340, -2282.343, 6672.423], [-5.64305, 4.30333, 2.42879]
    r, v = propagate_kepler(r0, v0, 40 * 60.0, MU_EARTH_KM3_S2)
    np.testing.assert_allclose(r, [-4219.7527, 4363.0292, -3958.7666], atol=1e-4)
    np.testing.assert_allclose(v, [3.689866, -1.916735, -6.112511], atol=1e-6)
    back_r, back_v = propagate_kepler(r, v, -40 * 60.0, MU_EARTH_KM3_S2)
    np.testing.assert_allclose(back_r, r0, atol=1e-8)
    np.testing.assert_allclose(back_v, v0, atol=1e-11)


def test_propagate_curtis_example_3_7():
    # Curtis Example 3.7 (universal variables), 60 min: r = -3297.8 i + 7413.4 j km,
    # v = -8.2977 i - 0.963 j km/s. Transcriptions of v_y differ in the last digits
    # (-0.96309, -0.96404); angular momentum conservation and hapsira both give -0.96404.
    r, v = propagate_kepler([7000.0, -12124.0, 0.0], [2.6679, 4.6210, 0.0], 3600.0, 398600.0)
    np.testing.assert_allclose(r, [-3297.8, 7413.4, 0.0], atol=0.05)
    assert v[0] == pytest.approx(-8.2977, abs=2e-4)  # book rounds -8.29760
    assert v[1] == pytest.approx(-0.963, abs=1.1e-3)
    assert v[2] == 0.0


def test_propagate_hyperbolic_curtis_example_3_5():
    # Curtis Example 3.5: perigee 300 km altitude (R = 6378 km), perigee speed 15 km/s;
    # 14 941 s after perigee (3 h after true anomaly 100 deg): r = 163 180 km, v = 10.51 km/s.
    r, v = propagate_kepler([6678.0, 0.0, 0.0], [0.0, 15.0, 0.0], 14941.0, MU_CURTIS_KM3_S2)
    assert np.linalg.norm(r) == pytest.approx(163180, abs=10)
    assert np.linalg.norm(v) == pytest.approx(10.51, abs=0.005)


def test_parabolic_propagation_obeys_barkers_equation():
    # Barker's equation (Curtis, parabolic trajectories): t = sqrt(p^3/mu) (D/2 + D^3/6),
    # D = tan(nu/2), for a parabola (ecc = 1) leaving periapsis q = p/2 at t = 0.
    q_km = 7000.0
    r0 = np.array([q_km, 0.0, 0.0])
    v0 = np.array([0.0, math.sqrt(2 * MU_EARTH_KM3_S2 / q_km), 0.0])
    dt = np.array([-5e5, -3600.0, -1.0, 1e-3, 60.0, 3600.0, 86400.0, 1e7])
    r, v = propagate_kepler(r0, v0, dt, MU_EARTH_KM3_S2)
    nu = np.arctan2(r[:, 1], r[:, 0])
    big_d = np.tan(nu / 2)
    t = np.sqrt((2 * q_km) ** 3 / MU_EARTH_KM3_S2) * (big_d / 2 + big_d**3 / 6)
    np.testing.assert_allclose(t, dt, rtol=1e-10)
    energy = 0.5 * np.sum(v * v, axis=-1) - MU_EARTH_KM3_S2 / np.linalg.norm(r, axis=-1)
    assert np.all(np.abs(energy) < 1e-12 * MU_EARTH_KM3_S2 / q_km)


# -- identities: round trips and conservation -------------------------------------------------


def test_scalars_in_give_floats_out():
    assert isinstance(orbital_period_s(7000.0, MU_EARTH_KM3_S2), float)
    el = state_to_elements([7000.0, 0, 0], [0, 7.5, 1.0], MU_EARTH_KM3_S2)
    assert isinstance(el, KeplerElements) and isinstance(el.nu_rad, float)


@pytest.mark.parametrize(
    ("ecc", "inc_rad"),
    [(0.0, 0.0), (0.0, 0.7), (0.3, 0.0), (0.0, np.pi), (0.3, np.pi), (2.0, 0.0), (2.0, np.pi)],
    ids=["circ-equ", "circ-incl", "ell-equ", "circ-retro", "ell-retro", "hyp-equ", "hyp-retro"],
)
def test_degenerate_orbits_round_trip(ecc, inc_rad):
    # Oracle: state -> elements -> state returns the state, under the documented conventions.
    a_km = -20000.0 if ecc > 1 else 8000.0
    nu = np.linspace(-1.0, 1.0, 9)
    r, v = elements_to_state(a_km, ecc, inc_rad, 1.1, 2.2, nu, MU_EARTH_KM3_S2)
    el = state_to_elements(r, v, MU_EARTH_KM3_S2)
    r2, v2 = elements_to_state(
        el.a_km, el.ecc, el.inc_rad, el.raan_rad, el.argp_rad, el.nu_rad, MU_EARTH_KM3_S2
    )
    np.testing.assert_allclose(r2, r, rtol=0, atol=1e-9 * abs(a_km))
    np.testing.assert_allclose(v2, v, rtol=0, atol=1e-12 * 10)
    if ecc == 0:
        assert np.all(el.argp_rad == 0) and np.all(el.ecc < 1e-11)
    if inc_rad in (0.0, np.pi):
        assert np.all(el.raan_rad == 0)


def test_circular_equatorial_gives_true_longitude():
    # Convention (KeplerElements docstring): circular equatorial nu is the true longitude.
    r = [0.0, 7000.0, 0.0]
    v = [-math.sqrt(MU_EARTH_KM3_S2 / 7000.0), 0.0, 0.0]
    el = state_to_elements(r, v, MU_EARTH_KM3_S2)
    assert (el.raan_rad, el.argp_rad) == (0.0, 0.0)
    assert el.nu_rad == pytest.approx(np.pi / 2, abs=1e-15)


@pytest.mark.parametrize("hyperbolic", [False, True], ids=["elliptic", "hyperbolic"])
def test_propagation_conserves_energy_momentum_and_reverses(random_elements, rng, hyperbolic):
    # Oracle: two-body invariants, and propagate(+dt) then (-dt) is the identity.
    a, ecc, inc, raan, argp, nu = random_elements(rng, 500, hyperbolic)
    r0, v0 = elements_to_state(a, ecc, inc, raan, argp, nu, MU_EARTH_KM3_S2)
    dt = rng.uniform(-3, 3, 500) * 2 * np.pi * np.sqrt(np.abs(a) ** 3 / MU_EARTH_KM3_S2)
    r, v = propagate_kepler(r0, v0, dt, MU_EARTH_KM3_S2)

    def energy(r, v):
        return 0.5 * np.sum(v * v, -1) - MU_EARTH_KM3_S2 / np.linalg.norm(r, axis=-1)

    np.testing.assert_allclose(energy(r, v), energy(r0, v0), rtol=1e-10)
    np.testing.assert_allclose(np.cross(r, v), np.cross(r0, v0), rtol=1e-10, atol=1e-10 * 1e5)
    back_r, back_v = propagate_kepler(r, v, -dt, MU_EARTH_KM3_S2)
    assert np.all(np.linalg.norm(back_r - r0, axis=-1) < 1e-9 * np.linalg.norm(r0, axis=-1))
    assert np.all(np.linalg.norm(back_v - v0, axis=-1) < 1e-9 * np.linalg.norm(v0, axis=-1))


def test_propagation_near_parabolic_conserves_invariants():
    # Oracle: invariants again, for e within 1e-9 of 1 on both sides, where the element
    # route (and Farnocchia's near-parabolic series) is weakest.
    q_km = 6800.0
    ecc = 1.0 + np.array([-1e-3, -1e-6, -1e-9, 0.0, 1e-9, 1e-6, 1e-3])
    v_p = np.sqrt(MU_EARTH_KM3_S2 * (1 + ecc) / q_km)
    r0 = np.stack([np.full(7, q_km), np.zeros(7), np.zeros(7)], -1)
    v0 = np.stack([np.zeros(7), v_p, np.zeros(7)], -1)
    for dt in (-1e6, -1e3, 5e3, 1e6):
        r, v = propagate_kepler(r0, v0, dt, MU_EARTH_KM3_S2)
        h = np.cross(r, v)[:, 2]
        np.testing.assert_allclose(h, q_km * v_p, rtol=1e-10)
        e_vec = (
            (np.sum(v * v, -1) - MU_EARTH_KM3_S2 / np.linalg.norm(r, axis=-1))[:, None] * r
            - np.sum(r * v, -1)[:, None] * v
        ) / MU_EARTH_KM3_S2
        np.testing.assert_allclose(e_vec[:, 0], ecc, rtol=1e-9)
        back_r, _ = propagate_kepler(r, v, -dt, MU_EARTH_KM3_S2)
        np.testing.assert_allclose(back_r, r0, atol=1e-8 * np.abs(dt) + 1e-6)


def test_propagating_one_period_returns_to_start():
    # Oracle: Kepler's third law; orbital_period_s and propagate_kepler agree.
    a_km = np.array([7000.0, 26560.0, 42164.0])
    r0, v0 = elements_to_state(a_km, 0.6, 0.9, 0.1, 0.2, 0.3, MU_EARTH_KM3_S2)
    period = orbital_period_s(a_km, MU_EARTH_KM3_S2)
    r, v = propagate_kepler(r0, v0, period * np.array([1.0, -7.0, 1000.0]), MU_EARTH_KM3_S2)
    np.testing.assert_allclose(r, r0, rtol=0, atol=1e-6)
    np.testing.assert_allclose(v, v0, rtol=0, atol=1e-9)
    # GEO: a = 42 164 km has a period of one sidereal day, 86 164.09 s (Astronomical Almanac).
    assert period[2] == pytest.approx(86164.1, abs=1.0)


def test_propagation_broadcasts_states_and_times(random_elements, rng):
    # Oracle: the batched call equals one call per (state, time).
    a, ecc, inc, raan, argp, nu = random_elements(rng, 4, False)
    r0, v0 = elements_to_state(a, ecc, inc, raan, argp, nu, MU_EARTH_KM3_S2)
    times = np.array([-3000.0, 0.0, 10.0, 7200.0, 1e6])
    r, v = propagate_kepler(r0[:, None, :], v0[:, None, :], times[None, :], MU_EARTH_KM3_S2)
    assert r.shape == v.shape == (4, 5, 3)
    for i in range(4):
        for j in range(5):
            ri, vi = propagate_kepler(r0[i], v0[i], times[j], MU_EARTH_KM3_S2)
            np.testing.assert_array_equal(r[i, j], ri)
            np.testing.assert_array_equal(v[i, j], vi)
    r, _ = propagate_kepler(r0[0], v0[0], times, MU_EARTH_KM3_S2)  # one state, N times
    assert r.shape == (5, 3)
    np.testing.assert_array_equal(r[1], r0[0])  # dt = 0 is exactly the identity


# -- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: elements_to_state(7000, 1.2, 0, 0, 0, 0, 398600), "a_km"),
        (lambda: elements_to_state(-7000, 0.2, 0, 0, 0, 0, 398600), "a_km"),
        (lambda: elements_to_state(7000, 1.0, 0, 0, 0, 0, 398600), "ecc"),
        (lambda: elements_to_state(7000, -0.1, 0, 0, 0, 0, 398600), "ecc"),
        (lambda: elements_to_state(-7000, 2.0, 0, 0, 0, 2.2, 398600), "asymptotes"),
        (lambda: elements_to_state(7000, 0.1, 0, 0, 0, 0, -1.0), "mu_km3_s2"),
        (lambda: elements_to_state([7000, np.nan], 0.1, 0, 0, 0, 0, 398600), "finite"),
        (lambda: state_to_elements([7000, 0, 0], [7, 0, 0], 398600), "rectilinear"),
        (lambda: state_to_elements([7000, 0], [0, 7], 398600), "shape"),
        (lambda: propagate_kepler([0, 0, 0], [0, 7, 0], 60, 398600), "r_km"),
        (lambda: propagate_kepler([7000, 0, 0], [0, 7, 0], np.inf, 398600), "dt_s"),
        (lambda: propagate_kepler([7000, 0, 0], [1, 0, 0], 60, 398600), "rectilinear"),
        (lambda: orbital_period_s(-7000.0, 398600), "a_km"),
    ],
)
def test_bad_input_raises_input_error(call, match):
    with pytest.raises(InputError, match=match):
        call()


def test_non_convergence_raises_with_inputs(monkeypatch):
    # Starve the shared solver (spacerace.astro.anomaly) of iterations: the error must
    # carry the states that failed.
    monkeypatch.setattr(anomaly, "_MAX_ITER", 1)
    with pytest.raises(ConvergenceError) as info:
        propagate_kepler([7000.0, 0, 0], [0, 8.0, 0], 5000.0, MU_EARTH_KM3_S2)
    assert set(info.value.inputs) == {"r_km", "v_km_s", "dt_s", "mu_km3_s2"}
