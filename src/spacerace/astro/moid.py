"""Minimum orbit intersection distance (MOID) to a planet whose orbit lies in the reference plane.

The MOID is the smallest distance between two Keplerian orbits, whatever the positions of
the bodies on them; an asteroid with a small Earth MOID can pass close to Earth, and its
orbit then changes with every close approach (two-body propagation drifts most for these).
This module samples the asteroid's orbit in true anomaly, finds for each sample the nearest
point of the planet's ellipse (a planar point-to-ellipse distance by Newton iteration on the
planet's eccentric anomaly, plus the height above the plane), then refines the best sample
by golden-section search. It treats the planet's orbit as lying exactly in the reference
plane (Earth's J2000 inclination to the ecliptic is 0.00002 deg, Standish & Williams,
"Keplerian Elements for Approximate Positions of the Major Planets", JPL), and finds the
global minimum when the sampling (720 points by default) resolves it, which
``tests/astro/test_moid.py`` checks against JPL's published MOIDs.
"""

from __future__ import annotations

import numpy as np

from spacerace.astro._checks import finite as _finite

__all__ = ["EARTH_J2000_ORBIT", "planar_moid_au"]

EARTH_J2000_ORBIT = (1.00000261, 0.01671123, np.radians(102.93768193))
"""Earth-Moon barycentre: a (AU), e, longitude of perihelion (rad) at J2000, ecliptic.

Standish & Williams, "Keplerian Elements for Approximate Positions of the Major Planets"
(JPL Solar System Dynamics), Table 1 (valid 1800-2050).
"""

_GOLDEN = (np.sqrt(5.0) - 1.0) / 2.0


def _positions_au(a, e, inc, node, argp, nu):
    """Heliocentric positions (..., 3), AU, on orbits at true anomalies ``nu``."""
    r = a * (1.0 - e * e) / (1.0 + e * np.cos(nu))
    u = argp + nu
    cos_o, sin_o = np.cos(node), np.sin(node)
    cos_u, sin_u = np.cos(u), np.sin(u)
    cos_i, sin_i = np.cos(inc), np.sin(inc)
    x = r * (cos_o * cos_u - sin_o * sin_u * cos_i)
    y = r * (sin_o * cos_u + cos_o * sin_u * cos_i)
    z = r * sin_u * sin_i
    return x, y, z


def _distance_to_planar_ellipse(x, y, z, a_p, e_p, varpi_p, n_newton: int = 6):
    """Distance from points to a planet's ellipse in the plane z = 0, AU."""
    b_p = a_p * np.sqrt(1.0 - e_p * e_p)
    c, s = np.cos(varpi_p), np.sin(varpi_p)
    # Point in the ellipse's frame: centre at the origin, x axis to perihelion.
    xp = c * x + s * y + a_p * e_p
    yp = -s * x + c * y
    ecc_anom = np.arctan2(a_p * yp, b_p * xp)  # a good start for near-circular ellipses
    for _ in range(n_newton):  # minimise |P - (a cos E, b sin E)|^2 over E
        cos_e, sin_e = np.cos(ecc_anom), np.sin(ecc_anom)
        g = (a_p * a_p - b_p * b_p) * sin_e * cos_e - xp * a_p * sin_e + yp * b_p * cos_e
        dg = (a_p * a_p - b_p * b_p) * (cos_e * cos_e - sin_e * sin_e) - xp * a_p * cos_e
        dg = dg - yp * b_p * sin_e
        ecc_anom = ecc_anom - g / np.where(np.abs(dg) > 1e-15, dg, 1e-15)
    dx = xp - a_p * np.cos(ecc_anom)
    dy = yp - b_p * np.sin(ecc_anom)
    return np.sqrt(dx * dx + dy * dy + z * z)


def planar_moid_au(
    a_au: object,
    ecc: object,
    inc_rad: object,
    raan_rad: object,
    argp_rad: object,
    planet: tuple[float, float, float] = EARTH_J2000_ORBIT,
    n_samples: int = 720,
    chunk: int = 4096,
) -> np.ndarray | float:
    """Return the MOID of elliptic orbits to a planet's orbit in the reference plane, AU.

    Args:
        a_au: Semi-major axes, AU (elliptic: > 0 with ``ecc`` < 1).
        ecc: Eccentricities.
        inc_rad: Inclinations to the reference plane, rad.
        raan_rad: Longitudes of the ascending node, rad.
        argp_rad: Arguments of perihelion, rad.
        planet: The planet's (a in AU, e, longitude of perihelion in rad); Earth by default.
        n_samples: Samples of the asteroid's orbit before the refinement.
        chunk: Orbits per vectorised block (bounds memory at ``chunk * n_samples`` floats).

    Example:
        >>> round(planar_moid_au(1.0, 0.0, 0.0, 0.0, 0.0, planet=(1.5, 0.0, 0.0)), 6)
        0.5
    """
    arrays = np.broadcast_arrays(
        _finite("a_au", a_au),
        _finite("ecc", ecc),
        _finite("inc_rad", inc_rad),
        _finite("raan_rad", raan_rad),
        _finite("argp_rad", argp_rad),
    )
    shape = arrays[0].shape
    a, e, inc, node, argp = (np.ravel(x) for x in arrays)
    out = np.empty(a.size)
    nu_grid = np.linspace(-np.pi, np.pi, n_samples, endpoint=False)
    step = nu_grid[1] - nu_grid[0]
    a_p, e_p, varpi_p = planet
    for lo in range(0, a.size, chunk):
        sl = slice(lo, lo + chunk)
        el = [x[sl, None] for x in (a, e, inc, node, argp)]
        d = _distance_to_planar_ellipse(*_positions_au(*el, nu_grid[None, :]), a_p, e_p, varpi_p)
        best = nu_grid[np.argmin(d, axis=1)][:, None]
        left, right = best - step, best + step
        el = [x[:, 0:1] for x in el]

        def dist(nu, el=el):
            return _distance_to_planar_ellipse(*_positions_au(*el, nu), a_p, e_p, varpi_p)

        for _ in range(30):  # golden section: the bracket shrinks to step * 0.618^30
            m1 = right - _GOLDEN * (right - left)
            m2 = left + _GOLDEN * (right - left)
            closer = dist(m1) < dist(m2)
            right = np.where(closer, m2, right)
            left = np.where(closer, left, m1)
        out[sl] = dist(0.5 * (left + right))[:, 0]
    return float(out[0]) if shape == () else out.reshape(shape)
