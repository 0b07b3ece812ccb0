"""spacerace.astro.anomaly against hapsira 0.18 (hapsira.core.angles), a separate
implementation compared on thousands of random cases (in .venv-oracle)."""

import numpy as np
import pytest

from spacerace.astro.anomaly import mean_to_eccentric_rad, mean_to_hyperbolic_rad

SKIP = "hapsira 0.18 holds matplotlib < 3.8: tests/oracle runs in .venv-oracle (make test)"
pytest.importorskip("hapsira", reason=SKIP)
from hapsira.core.angles import M_to_E, M_to_F  # noqa: E402

pytestmark = pytest.mark.oracle
N_RANDOM = 2000  # cases of each kind


@pytest.fixture
def rng():
    return np.random.default_rng(20240611)


# -- hapsira as a peer on random anomalies ---------------------------------------------------


def test_kepler_equation_matches_hapsira(rng):
    # Peer: hapsira.core.angles.M_to_E and M_to_F.
    m = rng.uniform(-np.pi, np.pi, N_RANDOM)
    e = rng.uniform(0, 0.99, N_RANDOM)
    peer = np.array([M_to_E(mi, ei) for mi, ei in zip(m, e, strict=True)])
    np.testing.assert_allclose(mean_to_eccentric_rad(m, e), peer, atol=1e-12)
    m = rng.uniform(-50, 50, N_RANDOM)
    e = rng.uniform(1.01, 10, N_RANDOM)
    peer = np.array([M_to_F(mi, ei) for mi, ei in zip(m, e, strict=True)])
    np.testing.assert_allclose(mean_to_hyperbolic_rad(m, e), peer, atol=1e-12)
