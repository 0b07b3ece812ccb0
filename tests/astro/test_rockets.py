"""Tests of spacerace.astro.rockets; each test names its oracle.

Oracles: hand calculations with g0 = 9.80665 m/s^2 (exact; 3rd CGPM, 1901; ISO 80000-3),
the single-stage closed form, and the functions' inverses of one another.
"""

import math

import numpy as np
import pytest

from spacerace.astro.rockets import (
    STANDARD_GRAVITY_KM_S2,
    Stage,
    max_payload_kg,
    propellant_mass_kg,
    rocket_dv_km_s,
    stack_dv_km_s,
)
from spacerace.errors import InputError


def test_rocket_equation_by_hand():
    # Hand check: one e-fold of mass ratio gives Isp g0, g0 = 9.80665 m/s^2 exactly
    # (3rd CGPM, 1901; ISO 80000-3).
    assert STANDARD_GRAVITY_KM_S2 == 9.80665e-3
    assert rocket_dv_km_s(300.0, math.e, 1.0) == pytest.approx(2.941995, rel=1e-15)
    assert rocket_dv_km_s(450.0, 1000.0, 1000.0) == 0.0
    assert rocket_dv_km_s(311.0, 10.0, 1.0) == pytest.approx(311 * 9.80665e-3 * math.log(10))


def test_propellant_mass_inverts_the_rocket_equation():
    # Oracle: m0 = mf + mp, so rocket_dv(isp, mf + mp, mf) gives back dv.
    dv = np.array([0.0, 0.5, 3.2, 9.0])
    mp = propellant_mass_kg(dv, 421.0, 15000.0)
    np.testing.assert_allclose(rocket_dv_km_s(421.0, 15000.0 + mp, 15000.0), dv, rtol=1e-14, atol=0)
    assert propellant_mass_kg(0.0, 300.0, 1.0) == 0.0


def test_stack_dv_by_hand():
    # Hand check: two stages, each burning with everything above it as dead weight.
    first, second = Stage(290.0, 90000.0, 8000.0), Stage(440.0, 20000.0, 2500.0)
    payload = 3000.0
    g0 = 9.80665e-3
    m_upper = 20000.0 + 2500.0 + payload
    expected = 290 * g0 * math.log((m_upper + 98000.0) / (m_upper + 8000.0)) + 440 * g0 * math.log(
        m_upper / (2500.0 + payload)
    )
    assert stack_dv_km_s([first, second], payload) == pytest.approx(expected, rel=1e-14)
    assert stack_dv_km_s([second], payload) == pytest.approx(
        rocket_dv_km_s(440.0, m_upper, 2500.0 + payload), rel=1e-14
    )


def test_max_payload_single_stage_closed_form():
    # Oracle: for one stage, (mp + md + P) / (md + P) = R = exp(dv / (Isp g0)) solves to
    # P = mp / (R - 1) - md.
    stage = Stage(320.0, 50000.0, 4000.0)
    dv = np.array([1.0, 3.0, 6.0])
    ratio = np.exp(dv / (320.0 * STANDARD_GRAVITY_KM_S2))
    np.testing.assert_allclose(
        max_payload_kg([stage], dv), 50000.0 / (ratio - 1) - 4000.0, rtol=1e-12
    )


def test_max_payload_inverts_stack_dv():
    # Oracle: stack_dv_km_s(stages, max_payload_kg(stages, dv)) == dv, and more payload
    # means less delta-v.
    stack = [Stage(263.0, 2.1e6, 1.3e5), Stage(421.0, 4.4e5, 3.6e4), Stage(421.0, 1.07e5, 1.1e4)]
    dv = np.linspace(2.0, stack_dv_km_s(stack, 0.0), 25)
    payload = max_payload_kg(stack, dv)
    np.testing.assert_allclose(stack_dv_km_s(stack, payload), dv, rtol=1e-12)
    assert np.all(np.diff(payload) < 0)
    assert payload[-1] == pytest.approx(0.0, abs=1e-6)


def test_max_payload_refuses_an_impossible_dv():
    stack = [Stage(300.0, 9000.0, 1000.0)]
    best = stack_dv_km_s(stack, 0.0)
    with pytest.raises(InputError, match="the most this stack delivers with no payload"):
        max_payload_kg(stack, best + 0.01)
    with pytest.raises(InputError, match="dv_km_s"):
        max_payload_kg(stack, [1.0, best * 2])


# -- errors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: rocket_dv_km_s(300.0, 1000.0, 2000.0), "mf_kg"),
        (lambda: rocket_dv_km_s(0.0, 1000.0, 500.0), "isp_s"),
        (lambda: propellant_mass_kg(-1.0, 300.0, 1000.0), "dv_km_s"),
        (lambda: Stage(300.0, -1.0, 100.0), "propellant_kg"),
        (lambda: Stage(300.0, 1000.0, 0.0), "dry_kg"),
        (lambda: stack_dv_km_s([], 100.0), "Stage"),
        (lambda: stack_dv_km_s([Stage(300.0, 1000.0, 100.0)], -1.0), "payload_kg"),
        (lambda: max_payload_kg([Stage(300.0, 1000.0, 100.0)], 0.0), "dv_km_s"),
    ],
)
def test_bad_input_raises_input_error(call, match):
    with pytest.raises(InputError, match=match):
        call()
