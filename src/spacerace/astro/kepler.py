"""Two-body motion: classical elements and state vectors, propagation.

Everything is vectorised over NumPy arrays and computed in km, s, km/s, km^3/s^2 and rad.
Elliptic (``ecc < 1``, ``a_km > 0``) and hyperbolic (``ecc > 1``, ``a_km < 0``) orbits are
supported throughout; :func:`propagate_kepler` works with the universal variable, so it also
takes parabolic and near-parabolic states. A scalar input gives a float back, an array gives
an array. Anomalies and Kepler's equation live in :mod:`spacerace.astro.anomaly`. Formulas:
Curtis, *Orbital Mechanics for Engineering Students* (3rd ed., 2014), chapters 3-4; Vallado,
*Fundamentals of Astrodynamics and Applications* (4th ed., 2013), chapter 2.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from spacerace.astro._checks import as_output as _out
from spacerace.astro._checks import finite as _finite
from spacerace.astro._checks import require as _require
from spacerace.astro.anomaly import TAU, _solve_increasing
from spacerace.errors import InputError

__all__ = [
    "KeplerElements",
    "elements_to_state",
    "orbital_period_s",
    "propagate_kepler",
    "state_to_elements",
]

_ECC_TOL = 1e-11  # below this eccentricity an orbit counts as circular
_INC_TOL = 1e-11  # below this sin(inc) an orbit counts as equatorial


@dataclass(frozen=True)
class KeplerElements:
    """Classical orbital elements; each field is an array (a float for one orbit).

    Conventions follow Vallado (4th ed.) chapter 2, with the special cases folded in so
    that :func:`elements_to_state` always inverts :func:`state_to_elements`:

    * ``a_km < 0`` for hyperbolic orbits; ``inc_rad`` is in [0, pi], ``raan_rad`` and
      ``argp_rad`` in [0, 2 pi), ``nu_rad`` in (-pi, pi].
    * Equatorial orbits (sin inc < 1e-11) have no node: ``raan_rad = 0`` and the x axis
      stands in for the node line, so ``argp_rad`` is the longitude of periapsis (measured
      in the direction of motion).
    * Circular orbits (ecc < 1e-11) have no periapsis: ``argp_rad = 0`` and ``nu_rad`` is
      the argument of latitude, or the true longitude if the orbit is also equatorial.
    * Parabolic orbits (ecc = 1) have no finite ``a_km``; state vectors and
      :func:`propagate_kepler` handle them instead.

    Attributes:
        a_km: Semi-major axis, km (negative for hyperbolas).
        ecc: Eccentricity.
        inc_rad: Inclination, rad.
        raan_rad: Right ascension (longitude) of the ascending node, rad.
        argp_rad: Argument of periapsis, rad.
        nu_rad: True anomaly, rad.
    """

    a_km: np.ndarray
    ecc: np.ndarray
    inc_rad: np.ndarray
    raan_rad: np.ndarray
    argp_rad: np.ndarray
    nu_rad: np.ndarray


def _positive(name: str, value: object) -> np.ndarray:
    """Return ``value`` as a float array, refusing values that are not finite and > 0."""
    x = _finite(name, value)
    _require(x > 0, name, x, "> 0")
    return x


def _vectors(name: str, value: object) -> np.ndarray:
    """Return ``value`` as a finite float array of shape (..., 3)."""
    x = _finite(name, value)
    if x.ndim == 0 or x.shape[-1] != 3:
        raise InputError(f"expected {name} of shape (3,) or (N, 3), got shape {x.shape}")
    return x


def _dot(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.einsum("...i,...i->...", a, b)


def _wrap_2pi(angle_rad: np.ndarray) -> np.ndarray:
    """Angle in [0, 2 pi)."""
    wrapped = np.mod(angle_rad, TAU)
    return np.where(wrapped >= TAU, 0.0, wrapped)


def orbital_period_s(a_km: object, mu_km3_s2: object) -> np.ndarray | float:
    """Return the period of an elliptic orbit, s.

    Args:
        a_km: Semi-major axis, km (> 0).
        mu_km3_s2: Gravitational parameter of the central body, km^3/s^2.

    Raises:
        InputError: If ``a_km`` or ``mu_km3_s2`` is not > 0 (hyperbolas have no period).

    Example:
        >>> round(orbital_period_s(42164.0, 398600.4418) / 3600.0, 3)  # geostationary, h
        23.934
    """
    a = _positive("a_km", a_km)
    mu = _positive("mu_km3_s2", mu_km3_s2)
    return _out(TAU * np.sqrt(a**3 / mu))


# -- elements and state vectors ------------------------------------------------------------


def _perifocal_axes(
    inc: np.ndarray, raan: np.ndarray, argp: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors P (to periapsis) and Q (90 deg ahead in the orbit), shape (..., 3)."""
    ci, si = np.cos(inc), np.sin(inc)
    co, so = np.cos(raan), np.sin(raan)
    cw, sw = np.cos(argp), np.sin(argp)
    p_hat = np.stack([co * cw - so * sw * ci, so * cw + co * sw * ci, sw * si], axis=-1)
    q_hat = np.stack([-co * sw - so * cw * ci, -so * sw + co * cw * ci, cw * si], axis=-1)
    return p_hat, q_hat


def elements_to_state(
    a_km: object,
    ecc: object,
    inc_rad: object,
    raan_rad: object,
    argp_rad: object,
    nu_rad: object,
    mu_km3_s2: object,
) -> tuple[np.ndarray, np.ndarray]:
    """Return position and velocity from classical elements (see :class:`KeplerElements`).

    Arguments broadcast together; the result has their shape plus a trailing axis of 3.

    Args:
        a_km: Semi-major axis, km; > 0 when ecc < 1, < 0 when ecc > 1.
        ecc: Eccentricity, >= 0 and not 1.
        inc_rad: Inclination, rad.
        raan_rad: Right ascension of the ascending node, rad.
        argp_rad: Argument of periapsis, rad.
        nu_rad: True anomaly, rad (inside the asymptotes for a hyperbola).
        mu_km3_s2: Gravitational parameter of the central body, km^3/s^2.

    Returns:
        ``(r_km, v_km_s)``, each of shape (..., 3), in the frame the angles refer to.

    Raises:
        InputError: For inconsistent elements (sign of ``a_km`` against ``ecc``, parabolic
            ``ecc``, a true anomaly beyond a hyperbola's asymptotes) or non-finite values.

    Example:
        >>> import math  # Curtis (3rd ed.) Example 4.7: h = 80 000 km^2/s, e = 1.4
        >>> p_km = 80000.0**2 / 398600.0
        >>> d = math.radians
        >>> r, v = elements_to_state(p_km / (1 - 1.4**2), 1.4, d(30), d(40), d(60), d(30), 398600.0)
        >>> r.round(1).tolist(), v.round(4).tolist()
        ([-4039.9, 4814.6, 3628.6], [-10.386, -4.7719, 1.7439])
    """
    a, e, inc, raan, argp, nu, mu = np.broadcast_arrays(
        _finite("a_km", a_km),
        _finite("ecc", ecc),
        _finite("inc_rad", inc_rad),
        _finite("raan_rad", raan_rad),
        _finite("argp_rad", argp_rad),
        _finite("nu_rad", nu_rad),
        _positive("mu_km3_s2", mu_km3_s2),
    )
    _require(e >= 0, "ecc", e, ">= 0")
    _require(e != 1, "ecc", e, "!= 1 (a parabola has no finite a_km; use state vectors)")
    _require(
        np.where(e < 1, a > 0, a < 0),
        "a_km",
        a,
        "> 0 for ecc < 1 and < 0 for ecc > 1",
    )
    p = a * (1.0 - e * e)
    denom = 1.0 + e * np.cos(nu)
    _require(
        denom > 0, "nu_rad", nu, "between the asymptotes of the hyperbola (1 + ecc cos nu > 0)"
    )
    r = p / denom
    speed = np.sqrt(mu / p)
    p_hat, q_hat = _perifocal_axes(inc, raan, argp)
    cos_nu, sin_nu = np.cos(nu)[..., None], np.sin(nu)[..., None]
    r_km = r[..., None] * (cos_nu * p_hat + sin_nu * q_hat)
    v_km_s = np.asarray(speed)[..., None] * (-sin_nu * p_hat + (e[..., None] + cos_nu) * q_hat)
    return r_km, v_km_s


def state_to_elements(r_km: object, v_km_s: object, mu_km3_s2: object) -> KeplerElements:
    """Return the classical elements of position-velocity states.

    Degenerate cases follow the conventions of :class:`KeplerElements`. The angles come
    from atan2 of vector components, so none loses accuracy near 0 or pi.

    Args:
        r_km: Position, km, shape (3,) or (..., 3).
        v_km_s: Velocity, km/s, broadcastable against ``r_km``.
        mu_km3_s2: Gravitational parameter of the central body, km^3/s^2.

    Raises:
        InputError: If a state is rectilinear (r parallel to v) or values are not finite.

    Example:
        >>> import math  # Curtis (3rd ed.) Example 4.3
        >>> el = state_to_elements([-6045, -3490, 2500], [-3.457, 6.618, 2.533], 398600.0)
        >>> round(el.a_km), round(el.ecc, 4), round(math.degrees(el.inc_rad), 1)
        (8788, 0.1712, 153.2)
        >>> [round(math.degrees(x), 2) for x in (el.raan_rad, el.argp_rad, el.nu_rad)]
        [255.28, 20.07, 28.45]
    """
    r, v = np.broadcast_arrays(_vectors("r_km", r_km), _vectors("v_km_s", v_km_s))
    mu = _positive("mu_km3_s2", mu_km3_s2)
    r_norm = np.linalg.norm(r, axis=-1)
    h = np.cross(r, v)
    h_norm = np.linalg.norm(h, axis=-1)
    _require(h_norm > 0, "|r_km x v_km_s|", h_norm, "> 0 (rectilinear orbits are not supported)")
    mu_ = np.asarray(mu)[..., None]
    e_vec = ((_dot(v, v) - mu / r_norm)[..., None] * r - _dot(r, v)[..., None] * v) / mu_
    ecc = np.linalg.norm(e_vec, axis=-1)
    with np.errstate(divide="ignore"):
        a = -mu / (2.0 * (0.5 * _dot(v, v) - mu / r_norm))
    n_norm = np.hypot(h[..., 0], h[..., 1])  # node vector z x h = (-h_y, h_x, 0)
    inc = np.arctan2(n_norm, h[..., 2])
    equatorial = n_norm <= _INC_TOL * h_norm
    circular = ecc <= _ECC_TOL
    raan = np.where(equatorial, 0.0, _wrap_2pi(np.arctan2(h[..., 0], -h[..., 1])))
    node = np.stack([np.cos(raan), np.sin(raan), np.zeros_like(raan)], axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        peri = np.where(circular[..., None], node, e_vec / ecc[..., None])
    h_hat = h / h_norm[..., None]
    argp = _wrap_2pi(np.arctan2(_dot(h_hat, np.cross(node, peri)), _dot(node, peri)))
    argp = np.where(circular, 0.0, argp)
    nu = np.arctan2(_dot(h_hat, np.cross(peri, r)), _dot(peri, r))
    return KeplerElements(_out(a), _out(ecc), _out(inc), _out(raan), _out(argp), _out(nu))


# -- propagation ---------------------------------------------------------------------------


_FACTORIALS = np.cumprod(np.r_[1.0, np.arange(1.0, 30.0)])  # _FACTORIALS[n] = n!
_MAX_HYPERBOLIC_ANOMALY = 300.0  # bound on |F - F0|: cosh(300) ~ 1e130 keeps clear of overflow


def _stumpff(z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Stumpff functions C(z) and S(z) (Curtis, universal variables), series for |z| < 1."""
    c, s = np.empty_like(z), np.empty_like(z)
    small, pos, neg = np.abs(z) < 1.0, z >= 1.0, z <= -1.0
    zs = z[small]
    c_s, s_s = np.zeros_like(zs), np.zeros_like(zs)
    for k in range(11, -1, -1):  # sum of (-z)^k / (2k+2)! and (-z)^k / (2k+3)!, Horner form
        c_s = 1.0 / _FACTORIALS[2 * k + 2] - zs * c_s
        s_s = 1.0 / _FACTORIALS[2 * k + 3] - zs * s_s
    c[small], s[small] = c_s, s_s
    root = np.sqrt(z[pos])
    c[pos] = 2.0 * np.sin(root / 2.0) ** 2 / z[pos]
    s[pos] = (root - np.sin(root)) / root**3
    root = np.sqrt(-z[neg])
    c[neg] = 2.0 * np.sinh(root / 2.0) ** 2 / -z[neg]
    s[neg] = (np.sinh(root) - root) / root**3
    return c, s


def propagate_kepler(
    r_km: object, v_km_s: object, dt_s: object, mu_km3_s2: object
) -> tuple[np.ndarray, np.ndarray]:
    """Propagate two-body states by ``dt_s`` with the universal variable, forward or back.

    Solves the universal Kepler equation (Curtis, universal variables; Vallado (4th ed.)
    Algorithm 8, KEPLER) by safeguarded Newton iteration, then applies the Lagrange f and
    g coefficients. One formula covers elliptic, parabolic and
    hyperbolic states; elliptic time spans are first reduced modulo the period.

    Batch shapes broadcast by NumPy rules: N states by one dt, one state by N times, or N
    states by N times; for every state at every time pass ``r_km[:, None, :]`` with
    ``dt_s[None, :]``.

    Args:
        r_km: Position, km, shape (3,) or (..., 3).
        v_km_s: Velocity, km/s, shape (3,) or (..., 3).
        dt_s: Time to propagate by, s (negative goes back in time).
        mu_km3_s2: Gravitational parameter of the central body, km^3/s^2.

    Returns:
        ``(r_km, v_km_s)`` at ``t + dt_s``, each of the broadcast shape plus a trailing 3.

    Raises:
        InputError: For non-finite values, r = 0, or a rectilinear state (r parallel to v).
        ConvergenceError: If the iteration fails (``.inputs`` holds the failing states).

    Example:
        >>> r, v = propagate_kepler(  # Vallado (4th ed.) Example 2-4, 40 minutes
        ...     [1131.340, -2282.343, 6672.423], [-5.64305, 4.30333, 2.42879], 2400.0, 398600.4418
        ... )
        >>> r.round(4).tolist()  # book: [-4219.7527, 4363.0292, -3958.7666]
        [-4219.7527, 4363.0292, -3958.7666]
        >>> v.round(6).tolist()  # book: [3.689866, -1.916735, -6.112511]
        [3.689866, -1.916735, -6.112511]
    """
    r0, v0 = _vectors("r_km", r_km), _vectors("v_km_s", v_km_s)
    dt, mu = _finite("dt_s", dt_s), _positive("mu_km3_s2", mu_km3_s2)
    shape = np.broadcast_shapes(r0.shape[:-1], v0.shape[:-1], dt.shape, mu.shape)
    r0 = np.broadcast_to(r0, (*shape, 3)).reshape(-1, 3)
    v0 = np.broadcast_to(v0, (*shape, 3)).reshape(-1, 3)
    dt = np.broadcast_to(dt, shape).ravel()
    mu = np.broadcast_to(mu, shape).ravel()

    r0_norm = np.linalg.norm(r0, axis=-1)
    _require(r0_norm > 0, "|r_km|", r0_norm, "> 0")
    h_norm = np.linalg.norm(np.cross(r0, v0), axis=-1)
    _require(h_norm > 0, "|r_km x v_km_s|", h_norm, "> 0 (rectilinear orbits are not supported)")
    sqrt_mu = np.sqrt(mu)
    rv_mu = _dot(r0, v0) / sqrt_mu
    v2 = _dot(v0, v0)
    alpha = 2.0 / r0_norm - v2 / mu  # 1/a, km^-1
    ecc = np.sqrt(np.maximum(0.0, 1.0 - h_norm**2 * alpha / mu))
    r_min = h_norm**2 / mu / (1.0 + ecc)  # periapsis radius bounds dF/dchi = r from below

    # Elliptic: reduce to within half a period either side (the answer is periodic).
    elliptic = alpha > 0
    with np.errstate(divide="ignore", over="ignore"):
        period = np.where(elliptic, TAU / np.sqrt(mu * np.where(elliptic, alpha, 1.0) ** 3), 0.0)
        turns = np.where(elliptic & np.isfinite(period), np.round(dt / period), 0.0)
    dt_red = np.where(turns != 0, dt - turns * period, dt)

    # Bracket: F(0) = -sqrt(mu) dt and dF/dchi >= r_min give |chi| <= sqrt(mu)|dt| / r_min.
    bound = sqrt_mu * dt_red / r_min
    hyper = alpha < 0
    with np.errstate(divide="ignore"):
        cap = np.where(hyper, _MAX_HYPERBOLIC_ANOMALY / np.sqrt(np.abs(alpha)), np.inf)
    lo, hi = np.maximum(np.minimum(bound, 0.0), -cap), np.minimum(np.maximum(bound, 0.0), cap)

    # First guesses, Vallado (4th ed.) Algorithm 8.
    guess = np.where(elliptic, sqrt_mu * dt_red * alpha, sqrt_mu * dt_red / r0_norm)
    with np.errstate(divide="ignore", invalid="ignore"):
        a = 1.0 / alpha
        sign = np.sign(dt_red)
        ratio = (-2.0 * mu * alpha * dt_red) / (
            _dot(r0, v0) + sign * np.sqrt(-mu * a) * (1.0 - r0_norm * alpha)
        )
        guess_h = sign * np.sqrt(-a) * np.log(ratio)
    guess = np.where(hyper & np.isfinite(guess_h), guess_h, guess)

    def universal(chi: np.ndarray, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        z = alpha[idx] * chi * chi
        c, s = _stumpff(z)
        one_minus = 1.0 - alpha[idx] * r0_norm[idx]
        value = (
            rv_mu[idx] * chi * chi * c
            + one_minus * chi**3 * s
            + r0_norm[idx] * chi
            - sqrt_mu[idx] * dt_red[idx]
        )
        slope = rv_mu[idx] * chi * (1.0 - z * s) + one_minus * chi * chi * c + r0_norm[idx]
        return value, slope

    chi = _solve_increasing(
        universal,
        guess,
        lo,
        hi,
        "universal Kepler's equation",
        {"r_km": r0, "v_km_s": v0, "dt_s": dt, "mu_km3_s2": mu},
    )
    z = alpha * chi * chi
    c, s = _stumpff(z)
    f = 1.0 - chi * chi / r0_norm * c
    g = dt_red - chi**3 / sqrt_mu * s
    r = f[:, None] * r0 + g[:, None] * v0
    r_norm = np.linalg.norm(r, axis=-1)
    fdot = sqrt_mu / (r_norm * r0_norm) * chi * (z * s - 1.0)
    gdot = 1.0 - chi * chi / r_norm * c
    v = fdot[:, None] * r0 + gdot[:, None] * v0
    return r.reshape(*shape, 3), v.reshape(*shape, 3)
