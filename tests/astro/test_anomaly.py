"""Tests of spacerace.astro.anomaly; each test names its oracle.

Book: Vallado, Fundamentals of Astrodynamics and Applications (4th ed., 2013). The peer
comparison with hapsira 0.18 runs in its own environment: tests/oracle/test_anomaly_hapsira.py.
"""

import math

import numpy as np
import pytest

from spacerace.astro import anomaly
from spacerace.astro.anomaly import (
    eccentric_to_mean_rad,
    eccentric_to_true_rad,
    hyperbolic_to_mean_rad,
    hyperbolic_to_true_rad,
    mean_to_eccentric_rad,
    mean_to_hyperbolic_rad,
    mean_to_true_rad,
    true_to_eccentric_rad,
    true_to_hyperbolic_rad,
    true_to_mean_rad,
)
from spacerace.errors import ConvergenceError, InputError

N_RANDOM = 2000  # cases of each kind in the peer comparisons


@pytest.fixture
def rng():
    return np.random.default_rng(20240611)


# -- textbook examples --------------------------------------------------------------------


def test_kepler_equation_vallado_examples_2_1_and_2_3():
    # Vallado Example 2-1: M = 235.4 deg, e = 0.4 -> E = 220.512074767522 deg.
    big_e = mean_to_eccentric_rad(math.radians(235.4), 0.4)
    assert math.degrees(big_e) == pytest.approx(220.512074767522, abs=1e-11)
    # Vallado Example 2-3: M = 235.4 deg (as rad), e = 2.4 -> H = 1.601376144 (truncated).
    big_f = mean_to_hyperbolic_rad(math.radians(235.4), 2.4)
    assert big_f == pytest.approx(1.601376144, abs=1e-9)


# -- identities: round trips ----------------------------------------------------------------


def test_kepler_equation_residual_is_rounding_level_everywhere(rng):
    # Oracle: the equations themselves, including the hard corners (e -> 1, M -> 0, huge M).
    m = np.r_[rng.uniform(-100, 100, 5000), 0.0, 1e-12, -1e-9, np.pi, -np.pi, 2 * np.pi]
    e = np.r_[rng.uniform(0, 1, 5000) ** 0.2, 0.0, 0.999999, 0.9999999, 0.5, 0.99, 0.3]
    big_e = mean_to_eccentric_rad(m, e)
    assert np.all(np.abs(big_e - e * np.sin(big_e) - m) <= 1e-14 * np.maximum(1, np.abs(m)))
    assert np.all(np.abs(big_e - m) <= e + 1e-12)  # E - M = e sin E
    m = np.r_[rng.uniform(-1e4, 1e4, 5000), 0.0, 1e-12, 1e6, -1e8]
    e = np.r_[1 + rng.exponential(1.0, 5000), 1.0001, 1.0000001, 1.5, 100.0]
    big_f = mean_to_hyperbolic_rad(m, e)
    assert np.all(np.abs(e * np.sinh(big_f) - big_f - m) <= 1e-13 * np.maximum(1, np.abs(m)))


def test_anomaly_conversions_invert_each_other(rng):
    # Oracle: the inverse pairs, and the half-angle formula tan(nu/2) = sqrt((1+e)/(1-e)) tan(E/2).
    e = rng.uniform(0, 0.999, 1000)
    big_e = rng.uniform(-3 * np.pi, 3 * np.pi, 1000)
    nu = eccentric_to_true_rad(big_e, e)
    np.testing.assert_allclose(true_to_eccentric_rad(nu, e), big_e, atol=1e-12)
    np.testing.assert_allclose(
        np.tan(nu / 2), np.sqrt((1 + e) / (1 - e)) * np.tan(big_e / 2), rtol=1e-9, atol=1e-9
    )
    m = eccentric_to_mean_rad(big_e, e)
    np.testing.assert_allclose(mean_to_eccentric_rad(m, e), big_e, atol=1e-11)
    np.testing.assert_allclose(mean_to_true_rad(m, e), nu, atol=1e-9)
    np.testing.assert_allclose(true_to_mean_rad(nu, e), m, atol=1e-9)

    e = rng.uniform(1.001, 20, 1000)
    big_f = rng.uniform(-8, 8, 1000)
    nu = hyperbolic_to_true_rad(big_f, e)
    np.testing.assert_allclose(true_to_hyperbolic_rad(nu, e), big_f, rtol=1e-8, atol=1e-10)
    m = hyperbolic_to_mean_rad(big_f, e)
    np.testing.assert_allclose(mean_to_hyperbolic_rad(m, e), big_f, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(mean_to_true_rad(m, e), nu, atol=1e-9)


def test_scalars_in_give_floats_out():
    assert isinstance(mean_to_eccentric_rad(1.0, 0.1), float)
    assert isinstance(mean_to_true_rad(1.0, 1.5), float)


# -- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: mean_to_eccentric_rad(1.0, 1.0), "ecc"),
        (lambda: mean_to_hyperbolic_rad(1.0, 0.5), "ecc"),
        (lambda: true_to_hyperbolic_rad(2.5, 1.5), "asymptotes"),
        (lambda: mean_to_true_rad(1.0, 1.0), "parabolic"),
    ],
)
def test_bad_input_raises_input_error(call, match):
    with pytest.raises(InputError, match=match):
        call()


def test_input_error_says_what_was_expected_and_got():
    with pytest.raises(InputError) as info:
        mean_to_eccentric_rad([0.1, 0.2, 0.3], [0.1, 1.5, 2.0])
    assert (
        str(info.value) == "expected ecc in [0, 1) for an elliptic orbit, got 1.5 (2 of 3 values)"
    )


def test_non_convergence_raises_with_inputs(monkeypatch):
    # Starve the solver of iterations: the error must carry the inputs that failed.
    monkeypatch.setattr(anomaly, "_MAX_ITER", 1)
    with pytest.raises(ConvergenceError) as info:
        mean_to_eccentric_rad([2.0, 2.5], [0.0, 0.9])  # e = 0 is solved by the first guess
    assert "for 1 of 2 inputs" in str(info.value)
    np.testing.assert_array_equal(info.value.inputs["mean_anomaly_rad"], [2.5])
    np.testing.assert_array_equal(info.value.inputs["ecc"], [0.9])
