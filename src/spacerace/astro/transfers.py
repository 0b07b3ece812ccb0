"""Patched conics: Hohmann, bi-elliptic, C3 and v-infinity, departure and capture, Earth-Moon.

Impulsive, coplanar estimates in km, s, km/s, km^2/s^2 and km^3/s^2. Gravitational
parameters are arguments (the catalog supplies them). Every function takes scalars or
arrays: a scalar gives a float back, arrays broadcast and give an array. The rocket
equation and staging live in :mod:`spacerace.astro.rockets`. Formulas: Curtis, *Orbital
Mechanics for Engineering Students* (3rd ed., 2014), chapters 6 and 8; Vallado,
*Fundamentals of Astrodynamics and Applications* (4th ed., 2013), chapter 6.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from spacerace.astro._checks import as_output as _out
from spacerace.astro._checks import positive as _positive
from spacerace.astro._checks import require as _require
from spacerace.astro.kepler import orbital_period_s

__all__ = [
    "MOON_MEAN_DISTANCE_KM",
    "EarthMoonTransfer",
    "bielliptic_dv_km_s",
    "bielliptic_tof_s",
    "c3_km2_s2",
    "capture_dv_km_s",
    "departure_dv_km_s",
    "earth_moon_transfer",
    "hohmann_dv_km_s",
    "hohmann_tof_s",
    "vinf_km_s",
]

MOON_MEAN_DISTANCE_KM = 384400.0
"""Mean Earth-Moon distance (semi-major axis of the lunar orbit), km; NASA NSSDCA Moon Fact
Sheet (https://nssdc.gsfc.nasa.gov/planetary/factsheet/moonfact.html): 0.3844e6 km."""


def _speed(name: str, value: object) -> np.ndarray:
    """Return ``value`` as a float array, refusing negatives; NaN passes (failed batch points)."""
    x = np.asarray(value, dtype=float)
    _require(~(x < 0), name, x, ">= 0")
    return x


def _vis_viva_km_s(mu: np.ndarray, r: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Speed at radius r on an orbit of semi-major axis a (vis-viva), km/s."""
    return np.sqrt(mu * (2.0 / r - 1.0 / a))


# -- impulsive transfers ---------------------------------------------------------------------


def hohmann_dv_km_s(
    r1_km: object, r2_km: object, mu_km3_s2: object
) -> tuple[np.ndarray | float, np.ndarray | float]:
    """Return both burns of a Hohmann transfer between coplanar circular orbits, km/s.

    Burns are magnitudes, so the transfer may go up or down (Curtis chapter 6, Hohmann transfer).

    Args:
        r1_km: Radius of the initial circular orbit, km.
        r2_km: Radius of the final circular orbit, km.
        mu_km3_s2: Gravitational parameter of the central body, km^3/s^2.

    Returns:
        ``(dv1, dv2)``: the burn leaving ``r1_km`` and the burn arriving at ``r2_km``, km/s.

    Example:
        >>> [round(v, 3) for v in hohmann_dv_km_s(6578.0, 42164.0, 398600.4418)]
        [2.455, 1.477]
    """
    r1, r2 = _positive("r1_km", r1_km), _positive("r2_km", r2_km)
    mu = _positive("mu_km3_s2", mu_km3_s2)
    a_t = 0.5 * (r1 + r2)
    dv1 = np.abs(_vis_viva_km_s(mu, r1, a_t) - np.sqrt(mu / r1))
    dv2 = np.abs(np.sqrt(mu / r2) - _vis_viva_km_s(mu, r2, a_t))
    return _out(dv1), _out(dv2)


def hohmann_tof_s(r1_km: object, r2_km: object, mu_km3_s2: object) -> np.ndarray | float:
    """Return the time of flight of a Hohmann transfer, half the transfer ellipse's period, s.

    Args:
        r1_km: Radius of the initial circular orbit, km.
        r2_km: Radius of the final circular orbit, km.
        mu_km3_s2: Gravitational parameter of the central body, km^3/s^2.

    Example:
        >>> round(hohmann_tof_s(6578.0, 42164.0, 398600.4418) / 3600.0, 3)  # hours
        5.259
    """
    r1, r2 = _positive("r1_km", r1_km), _positive("r2_km", r2_km)
    return _out(0.5 * np.asarray(orbital_period_s(0.5 * (r1 + r2), mu_km3_s2)))


def bielliptic_dv_km_s(
    r1_km: object, r2_km: object, rb_km: object, mu_km3_s2: object
) -> tuple[np.ndarray | float, np.ndarray | float, np.ndarray | float]:
    """Return the three burns of a bi-elliptic transfer between circular orbits, km/s.

    The first ellipse runs from ``r1_km`` out to ``rb_km``; there a burn raises (or lowers)
    the far apse to ``r2_km``; the third burn circularises at ``r2_km`` (Curtis chapter 6,
    bi-elliptic Hohmann transfer; Vallado chapter 6).

    Args:
        r1_km: Radius of the initial circular orbit, km.
        r2_km: Radius of the final circular orbit, km.
        rb_km: Radius of the intermediate apoapsis, km; at least ``max(r1_km, r2_km)``.
        mu_km3_s2: Gravitational parameter of the central body, km^3/s^2.

    Returns:
        ``(dv1, dv2, dv3)``, magnitudes, km/s.

    Example:
        >>> r1, r2, rb = 6569.48111, 382688.137, 510251.137  # Vallado Example 6-2
        >>> [round(v, 4) for v in bielliptic_dv_km_s(r1, r2, rb, 398600.4418)]
        [3.1562, 0.6774, 0.0705]
    """
    r1, r2, rb = _positive("r1_km", r1_km), _positive("r2_km", r2_km), _positive("rb_km", rb_km)
    mu = _positive("mu_km3_s2", mu_km3_s2)
    _require(rb >= np.maximum(r1, r2), "rb_km", rb, ">= max(r1_km, r2_km)")
    a1, a2 = 0.5 * (r1 + rb), 0.5 * (r2 + rb)
    dv1 = np.abs(_vis_viva_km_s(mu, r1, a1) - np.sqrt(mu / r1))
    dv2 = np.abs(_vis_viva_km_s(mu, rb, a2) - _vis_viva_km_s(mu, rb, a1))
    dv3 = np.abs(_vis_viva_km_s(mu, r2, a2) - np.sqrt(mu / r2))
    return _out(dv1), _out(dv2), _out(dv3)


def bielliptic_tof_s(
    r1_km: object, r2_km: object, rb_km: object, mu_km3_s2: object
) -> np.ndarray | float:
    """Return the time of flight of a bi-elliptic transfer, two half-ellipses, s.

    Args:
        r1_km: Radius of the initial circular orbit, km.
        r2_km: Radius of the final circular orbit, km.
        rb_km: Radius of the intermediate apoapsis, km; at least ``max(r1_km, r2_km)``.
        mu_km3_s2: Gravitational parameter of the central body, km^3/s^2.

    Example:
        >>> r1, r2, rb = 6569.48111, 382688.137, 510251.137  # Vallado Example 6-2
        >>> round(bielliptic_tof_s(r1, r2, rb, 398600.4418) / 3600.0, 2)  # book: 593.92 h
        593.92
    """
    r1, r2, rb = _positive("r1_km", r1_km), _positive("r2_km", r2_km), _positive("rb_km", rb_km)
    _require(rb >= np.maximum(r1, r2), "rb_km", rb, ">= max(r1_km, r2_km)")
    half = 0.5 * (
        np.asarray(orbital_period_s(0.5 * (r1 + rb), mu_km3_s2))
        + np.asarray(orbital_period_s(0.5 * (r2 + rb), mu_km3_s2))
    )
    return _out(half)


# -- hyperbolic excess speed ---------------------------------------------------------------------


def c3_km2_s2(vinf_km_s: object) -> np.ndarray | float:
    """Return the characteristic energy C3 = v_inf^2 of a hyperbolic excess speed, km^2/s^2.

    Args:
        vinf_km_s: Hyperbolic excess speed, km/s (NaN passes through).

    Example:
        >>> c3_km2_s2(3.0)
        9.0
    """
    v = _speed("vinf_km_s", vinf_km_s)
    return _out(v * v)


def vinf_km_s(c3_km2_s2: object) -> np.ndarray | float:
    """Return the hyperbolic excess speed sqrt(C3) of a characteristic energy, km/s.

    Args:
        c3_km2_s2: Characteristic energy, km^2/s^2; >= 0 (a negative C3 is a bound orbit,
            which has no excess speed). NaN passes through.

    Example:
        >>> vinf_km_s(9.0)
        3.0
    """
    c3 = _speed("c3_km2_s2", c3_km2_s2)
    return _out(np.sqrt(c3))


def departure_dv_km_s(
    vinf_km_s: object, r_park_km: object, mu_km3_s2: object
) -> np.ndarray | float:
    """Return the burn from a circular parking orbit onto a departure hyperbola, km/s.

    The burn is tangential at the hyperbola's periapsis, r_p = ``r_park_km``:
    dv = sqrt(v_inf^2 + 2 mu / r_p) - sqrt(mu / r_p) (Curtis chapter 8, planetary
    departure). NaN speeds (a failed point in a batch) give NaN.

    Args:
        vinf_km_s: Hyperbolic excess speed wanted, km/s.
        r_park_km: Radius of the circular parking orbit, km.
        mu_km3_s2: Gravitational parameter of the departure body, km^3/s^2.

    Example:
        >>> f"{departure_dv_km_s(2.943, 6678.0, 398600.0):.3f}"  # Curtis Example 8.4: 3.590
        '3.590'
    """
    v = _speed("vinf_km_s", vinf_km_s)
    r = _positive("r_park_km", r_park_km)
    mu = _positive("mu_km3_s2", mu_km3_s2)
    return _out(np.sqrt(v * v + 2.0 * mu / r) - np.sqrt(mu / r))


def capture_dv_km_s(
    vinf_km_s: object, rp_km: object, mu_km3_s2: object, ecc: object = 0.0
) -> np.ndarray | float:
    """Return the periapsis burn from an arrival hyperbola into a closed orbit, km/s.

    The orbit has periapsis ``rp_km`` (that of the hyperbola) and eccentricity ``ecc``:
    dv = sqrt(v_inf^2 + 2 mu / r_p) - sqrt(mu (1 + e) / r_p) (Curtis chapter 8, planetary
    rendezvous). NaN speeds (a failed point in a batch) give NaN.

    Args:
        vinf_km_s: Hyperbolic excess speed on arrival, km/s.
        rp_km: Periapsis radius of the capture orbit, km.
        mu_km3_s2: Gravitational parameter of the arrival body, km^3/s^2.
        ecc: Eccentricity of the capture orbit, in [0, 1); 0 (circular) by default.

    Example:
        >>> round(capture_dv_km_s(2.648, 3696.0, 42828.0), 3)  # into a 300 km circular Mars orbit
        2.09
    """
    v = _speed("vinf_km_s", vinf_km_s)
    rp = _positive("rp_km", rp_km)
    mu = _positive("mu_km3_s2", mu_km3_s2)
    e = np.asarray(ecc, dtype=float)
    _require((e >= 0) & (e < 1), "ecc", e, "in [0, 1) (a closed capture orbit)")
    return _out(np.sqrt(v * v + 2.0 * mu / rp) - np.sqrt(mu * (1.0 + e) / rp))


# -- Earth to Moon -----------------------------------------------------------------------------


@dataclass(frozen=True)
class EarthMoonTransfer:
    """Delta-v and time of flight of a patched-conic Earth-Moon transfer.

    Attributes:
        tli_dv_km_s: Trans-lunar injection burn from the circular low Earth orbit, km/s.
        loi_dv_km_s: Lunar orbit insertion burn into the circular low lunar orbit, km/s.
        vinf_moon_km_s: Hyperbolic excess speed relative to the Moon on arrival, km/s.
        tof_s: Time of flight, half the transfer ellipse's period, s.
    """

    tli_dv_km_s: np.ndarray | float
    loi_dv_km_s: np.ndarray | float
    vinf_moon_km_s: np.ndarray | float
    tof_s: np.ndarray | float

    @property
    def total_dv_km_s(self) -> np.ndarray | float:
        """TLI plus LOI, km/s."""
        return self.tli_dv_km_s + self.loi_dv_km_s


def earth_moon_transfer(
    r_leo_km: object,
    r_llo_km: object,
    mu_earth_km3_s2: object,
    mu_moon_km3_s2: object,
    moon_distance_km: object = MOON_MEAN_DISTANCE_KM,
) -> EarthMoonTransfer:
    """Estimate an Earth-Moon transfer from low Earth orbit into low lunar orbit.

    A first estimate by patched conics (Curtis chapter 8's method applied to the Moon),
    with these assumptions: every orbit is coplanar; the Moon moves on a circle of radius
    ``moon_distance_km`` (mean distance 384 400 km, NASA NSSDCA Moon Fact Sheet) at
    sqrt(mu_earth / d); the transfer is a Hohmann ellipse from the LEO radius to the
    Moon's distance, its apogee patched at the Moon's centre; the lunar approach is a
    hyperbola whose excess speed is the Moon's speed minus the apogee speed, with its
    periapsis at the LLO radius, where one burn circularises. Apollo flew faster free-return
    trajectories (about 3 days rather than the Hohmann 5), at a slightly larger TLI and LOI.

    Args:
        r_leo_km: Radius of the circular low Earth orbit, km.
        r_llo_km: Radius of the circular low lunar orbit, km.
        mu_earth_km3_s2: Gravitational parameter of the Earth, km^3/s^2.
        mu_moon_km3_s2: Gravitational parameter of the Moon, km^3/s^2.
        moon_distance_km: Earth-Moon distance, km.

    Example:
        >>> t = earth_moon_transfer(6563.0, 1847.0, 398600.4418, 4902.8)  # 185 km, 110 km
        >>> round(t.tli_dv_km_s, 2), round(t.loi_dv_km_s, 2), round(t.tof_s / 86400, 1)
        (3.14, 0.82, 5.0)
    """
    r_leo, r_llo = _positive("r_leo_km", r_leo_km), _positive("r_llo_km", r_llo_km)
    mu_e = _positive("mu_earth_km3_s2", mu_earth_km3_s2)
    mu_m = _positive("mu_moon_km3_s2", mu_moon_km3_s2)
    d = _positive("moon_distance_km", moon_distance_km)
    _require(d > r_leo, "moon_distance_km", d, "> r_leo_km")
    tli, _ = hohmann_dv_km_s(r_leo, d, mu_e)
    v_apogee = _vis_viva_km_s(mu_e, d, 0.5 * (r_leo + d))
    vinf = np.sqrt(mu_e / d) - v_apogee
    loi = capture_dv_km_s(vinf, r_llo, mu_m)
    return EarthMoonTransfer(
        tli_dv_km_s=tli,
        loi_dv_km_s=loi,
        vinf_moon_km_s=_out(vinf),
        tof_s=hohmann_tof_s(r_leo, d, mu_e),
    )
