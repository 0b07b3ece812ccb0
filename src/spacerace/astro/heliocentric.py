"""Heliocentric states of minor bodies from mean elements, in the ephemeris frame (ICRF).

Asteroid catalogues (MPC, JPL SBDB) give osculating elements referred to the J2000 ecliptic
with a mean anomaly at an epoch; the planetary ephemeris gives ICRF (equatorial) states.
:func:`states_from_elements` propagates the elements with two-body motion (the mean anomaly
advances at the two-body rate) to many epochs at once and rotates the states to ICRF, so
they can go straight into :func:`spacerace.astro.lambert.solve_lambert` with DE421 planets.
"""

from __future__ import annotations

import numpy as np

from spacerace.astro.anomaly import eccentric_to_true_rad, mean_to_eccentric_rad
from spacerace.astro.kepler import elements_to_state

__all__ = [
    "AU_KM",
    "OBLIQUITY_J2000_RAD",
    "SECONDS_PER_DAY",
    "ecliptic_to_icrf",
    "states_from_elements",
]

AU_KM = 149597870.7
"""Astronomical unit, km, exact by definition (IAU 2012 Resolution B2)."""

OBLIQUITY_J2000_RAD = np.radians(84381.448 / 3600.0)
"""Obliquity of the ecliptic at J2000, 84381.448 arcsec (IAU 1976; the MPC's J2000 ecliptic)."""

SECONDS_PER_DAY = 86400.0


def ecliptic_to_icrf(vec: np.ndarray) -> np.ndarray:
    """Rotate vectors (..., 3) from the J2000 ecliptic to ICRF (equatorial) axes.

    Example:
        >>> ecliptic_to_icrf(np.array([0.0, 0.0, 1.0])).round(6)  # the ecliptic pole
        array([ 0.      , -0.397777,  0.917482])
    """
    c, s = np.cos(OBLIQUITY_J2000_RAD), np.sin(OBLIQUITY_J2000_RAD)
    x, y, z = vec[..., 0], vec[..., 1], vec[..., 2]
    return np.stack([x, c * y - s * z, s * y + c * z], axis=-1)


def states_from_elements(
    a_au: np.ndarray,
    ecc: np.ndarray,
    inc_deg: np.ndarray,
    node_deg: np.ndarray,
    peri_deg: np.ndarray,
    mean_anomaly_deg: np.ndarray,
    epoch_jd: np.ndarray,
    jd_tdb: np.ndarray,
    mu_km3_s2: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Return ICRF heliocentric states of K bodies at N epochs, two-body, km and km/s.

    Args:
        a_au: Semi-major axes, AU, shape (K,) (elliptic orbits).
        ecc: Eccentricities, shape (K,).
        inc_deg: Inclinations to the J2000 ecliptic, degrees, shape (K,).
        node_deg: Longitudes of the ascending node, degrees, shape (K,).
        peri_deg: Arguments of perihelion, degrees, shape (K,).
        mean_anomaly_deg: Mean anomalies at the epoch, degrees, shape (K,).
        epoch_jd: Epoch of the elements (TT or TDB: they differ by < 2 ms), shape (K,).
        jd_tdb: Epochs wanted, TDB Julian dates, shape (N,).
        mu_km3_s2: Gravitational parameter of the Sun, km^3/s^2.

    Returns:
        ``(r_km, v_km_s)``, each (K, N, 3).

    Example:
        >>> r, v = states_from_elements(*[np.array([x]) for x in (1.0, 0.0, 0.0, 0.0, 0.0,
        ...     0.0, 2451545.0)], np.array([2451545.0]), 1.32712440018e11)
        >>> (r[0, 0] / AU_KM).round(9).tolist(), round(float(np.linalg.norm(v[0, 0])), 3)
        ([1.0, 0.0, 0.0], 29.785)
    """
    a_km = np.asarray(a_au, dtype=float)[:, None] * AU_KM
    e = np.asarray(ecc, dtype=float)[:, None]
    n_rad_s = np.sqrt(mu_km3_s2 / a_km**3)
    dt_s = (np.asarray(jd_tdb, dtype=float)[None, :] - np.asarray(epoch_jd)[:, None]) * 86400.0
    mean = np.radians(np.asarray(mean_anomaly_deg, dtype=float))[:, None] + n_rad_s * dt_s
    mean = np.mod(mean + np.pi, 2.0 * np.pi) - np.pi
    e_full = np.broadcast_to(e, mean.shape)
    nu = eccentric_to_true_rad(mean_to_eccentric_rad(mean, e_full), e_full)
    r, v = elements_to_state(
        a_km,
        e,
        np.radians(np.asarray(inc_deg, dtype=float))[:, None],
        np.radians(np.asarray(node_deg, dtype=float))[:, None],
        np.radians(np.asarray(peri_deg, dtype=float))[:, None],
        nu,
        mu_km3_s2,
    )
    return ecliptic_to_icrf(r), ecliptic_to_icrf(v)
