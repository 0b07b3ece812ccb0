"""spacerace.astro.kepler against hapsira 0.18 (hapsira.core.elements,
hapsira.core.propagation.farnocchia), a separate implementation compared on thousands of
random orbits (in .venv-oracle)."""

import numpy as np
import pytest

from spacerace.astro.kepler import elements_to_state, propagate_kepler, state_to_elements

SKIP = "hapsira 0.18 holds matplotlib < 3.8: tests/oracle runs in .venv-oracle (make test)"
pytest.importorskip("hapsira", reason=SKIP)
from hapsira.core.elements import coe2rv, rv2coe  # noqa: E402
from hapsira.core.propagation.farnocchia import farnocchia_rv  # noqa: E402

pytestmark = pytest.mark.oracle
MU_EARTH_KM3_S2 = 398600.4418  # Earth (EGM-96/WGS-84), as Vallado uses it
N_RANDOM = 2000  # orbits of each kind


def angle_diff(a, b):
    """Smallest signed difference between two angles, rad."""
    return np.abs(np.angle(np.exp(1j * (np.asarray(a) - np.asarray(b)))))


@pytest.fixture
def rng():
    return np.random.default_rng(20240611)


# -- hapsira as a peer on random orbits ------------------------------------------------------


@pytest.mark.parametrize("hyperbolic", [False, True], ids=["elliptic", "hyperbolic"])
def test_elements_to_state_matches_hapsira(random_elements, rng, hyperbolic):
    # Peer: hapsira.core.elements.coe2rv (takes p = a (1 - e^2)).
    a, ecc, inc, raan, argp, nu = random_elements(rng, N_RANDOM, hyperbolic)
    r, v = elements_to_state(a, ecc, inc, raan, argp, nu, MU_EARTH_KM3_S2)
    p = a * (1 - ecc**2)
    peer = np.array(
        [coe2rv(MU_EARTH_KM3_S2, *args) for args in zip(p, ecc, inc, raan, argp, nu, strict=True)]
    )
    r_norm = np.linalg.norm(r, axis=-1)[:, None]
    v_norm = np.linalg.norm(v, axis=-1)[:, None]
    assert np.all(np.abs(r - peer[:, 0]) <= 1e-12 * r_norm)
    assert np.all(np.abs(v - peer[:, 1]) <= 1e-12 * v_norm)


@pytest.mark.parametrize("hyperbolic", [False, True], ids=["elliptic", "hyperbolic"])
def test_state_to_elements_matches_hapsira(random_elements, rng, hyperbolic):
    # Peer: hapsira.core.elements.rv2coe on the same states.
    a, ecc, inc, raan, argp, nu = random_elements(rng, N_RANDOM, hyperbolic)
    r, v = elements_to_state(a, ecc, inc, raan, argp, nu, MU_EARTH_KM3_S2)
    el = state_to_elements(r, v, MU_EARTH_KM3_S2)
    peer = np.array([rv2coe(MU_EARTH_KM3_S2, ri, vi) for ri, vi in zip(r, v, strict=True)])
    np.testing.assert_allclose(el.a_km * (1 - el.ecc**2), peer[:, 0], rtol=1e-10)
    np.testing.assert_allclose(el.ecc, peer[:, 1], rtol=1e-10)
    for ours, theirs in zip(
        [el.inc_rad, el.raan_rad, el.argp_rad, el.nu_rad], peer[:, 2:].T, strict=True
    ):
        assert angle_diff(ours, theirs).max() < 1e-9
    # ... and the elements we started from (round trip).
    np.testing.assert_allclose(el.a_km, a, rtol=1e-9)
    np.testing.assert_allclose(el.ecc, ecc, rtol=1e-9)
    for ours, start in zip(
        [el.inc_rad, el.raan_rad, el.argp_rad, el.nu_rad], [inc, raan, argp, nu], strict=True
    ):
        assert angle_diff(ours, start).max() < 1e-9


@pytest.mark.parametrize("hyperbolic", [False, True], ids=["elliptic", "hyperbolic"])
def test_propagate_matches_hapsira(random_elements, rng, hyperbolic):
    # Peer: hapsira.core.propagation.farnocchia.farnocchia_rv, one state at a time; dt spans
    # up to +-5 periods (elliptic) or +-10 "periods" 2 pi sqrt(|a|^3/mu) (hyperbolic).
    a, ecc, inc, raan, argp, nu = random_elements(rng, N_RANDOM, hyperbolic)
    r0, v0 = elements_to_state(a, ecc, inc, raan, argp, nu, MU_EARTH_KM3_S2)
    scale_s = 2 * np.pi * np.sqrt(np.abs(a) ** 3 / MU_EARTH_KM3_S2)
    dt = rng.uniform(-10 if hyperbolic else -5, 10 if hyperbolic else 5, N_RANDOM) * scale_s
    r, v = propagate_kepler(r0, v0, dt, MU_EARTH_KM3_S2)
    peer = np.array(
        [farnocchia_rv(MU_EARTH_KM3_S2, *args) for args in zip(r0, v0, dt, strict=True)]
    )
    r_err = np.linalg.norm(r - peer[:, 0], axis=-1) / np.linalg.norm(r, axis=-1)
    v_err = np.linalg.norm(v - peer[:, 1], axis=-1) / np.linalg.norm(v, axis=-1)
    assert r_err.max() < 1e-9
    assert v_err.max() < 1e-9
