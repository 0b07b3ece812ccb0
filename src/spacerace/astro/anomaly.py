"""Anomalies of two-body orbits: mean, eccentric, hyperbolic and true, and Kepler's equation.

Everything is vectorised over NumPy arrays and computed in rad. Elliptic (``0 <= ecc < 1``)
and hyperbolic (``ecc > 1``) orbits are supported; a scalar input gives a float back, an
array gives an array. Kepler's equation is solved by a safeguarded Newton iteration
(Newton steps, bisection when a step leaves the bracket), which
:func:`spacerace.astro.kepler.propagate_kepler` also uses for the universal-variable form.
Formulas: Curtis, *Orbital Mechanics for Engineering Students* (3rd ed., 2014), chapter 3;
Vallado, *Fundamentals of Astrodynamics and Applications* (4th ed., 2013), chapter 2.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from spacerace.astro._checks import as_output as _out
from spacerace.astro._checks import finite as _finite
from spacerace.astro._checks import require as _require
from spacerace.errors import ConvergenceError

__all__ = [
    "eccentric_to_mean_rad",
    "eccentric_to_true_rad",
    "hyperbolic_to_mean_rad",
    "hyperbolic_to_true_rad",
    "mean_to_eccentric_rad",
    "mean_to_hyperbolic_rad",
    "mean_to_true_rad",
    "true_to_eccentric_rad",
    "true_to_hyperbolic_rad",
    "true_to_mean_rad",
]

TAU = 2.0 * np.pi
_MAX_ITER = 100  # safeguarded Newton: bisection bounds the worst case, Newton the usual one
_STEP_TOL = 1e-12  # relative size of the last Newton step; the error after it is ~its square


def _wrap_pi(angle_rad: np.ndarray) -> np.ndarray:
    """Angle in [-pi, pi]."""
    return angle_rad - TAU * np.round(angle_rad / TAU)


def _elliptic_ecc(ecc: object) -> np.ndarray:
    e = _finite("ecc", ecc)
    _require((e >= 0) & (e < 1), "ecc", e, "in [0, 1) for an elliptic orbit")
    return e


def _hyperbolic_ecc(ecc: object) -> np.ndarray:
    e = _finite("ecc", ecc)
    _require(e > 1, "ecc", e, "> 1 for a hyperbolic orbit")
    return e


def eccentric_to_true_rad(ecc_anomaly_rad: object, ecc: object) -> np.ndarray | float:
    """Return the true anomaly from the eccentric anomaly of an elliptic orbit, rad.

    Uses nu = E + 2 atan(beta sin E / (1 - beta cos E)), beta = e / (1 + sqrt(1 - e^2)),
    which keeps the revolution count: E in (-pi, pi] gives nu in (-pi, pi], E + 2 pi k
    gives nu + 2 pi k.

    Args:
        ecc_anomaly_rad: Eccentric anomaly, rad.
        ecc: Eccentricity, in [0, 1).

    Example:
        >>> round(eccentric_to_true_rad(np.pi / 2, 0.5), 12) == round(2 * np.pi / 3, 12)
        True
    """
    big_e = _finite("ecc_anomaly_rad", ecc_anomaly_rad)
    e = _elliptic_ecc(ecc)
    beta = e / (1.0 + np.sqrt(1.0 - e * e))
    return _out(big_e + 2.0 * np.arctan2(beta * np.sin(big_e), 1.0 - beta * np.cos(big_e)))


def true_to_eccentric_rad(nu_rad: object, ecc: object) -> np.ndarray | float:
    """Return the eccentric anomaly from the true anomaly of an elliptic orbit, rad.

    The inverse of :func:`eccentric_to_true_rad`, revolution count kept.

    Args:
        nu_rad: True anomaly, rad.
        ecc: Eccentricity, in [0, 1).

    Example:
        >>> round(true_to_eccentric_rad(2 * np.pi / 3, 0.5), 12) == round(np.pi / 2, 12)
        True
    """
    nu = _finite("nu_rad", nu_rad)
    e = _elliptic_ecc(ecc)
    beta = e / (1.0 + np.sqrt(1.0 - e * e))
    return _out(nu - 2.0 * np.arctan2(beta * np.sin(nu), 1.0 + beta * np.cos(nu)))


def eccentric_to_mean_rad(ecc_anomaly_rad: object, ecc: object) -> np.ndarray | float:
    """Return the mean anomaly M = E - e sin E of an elliptic orbit, rad.

    Args:
        ecc_anomaly_rad: Eccentric anomaly, rad.
        ecc: Eccentricity, in [0, 1).

    Example:
        >>> round(eccentric_to_mean_rad(np.pi / 2, 0.5), 12) == round(np.pi / 2 - 0.5, 12)
        True
    """
    big_e = _finite("ecc_anomaly_rad", ecc_anomaly_rad)
    e = _elliptic_ecc(ecc)
    return _out(big_e - e * np.sin(big_e))


def hyperbolic_to_true_rad(hyp_anomaly_rad: object, ecc: object) -> np.ndarray | float:
    """Return the true anomaly from the hyperbolic anomaly F of a hyperbolic orbit, rad.

    Args:
        hyp_anomaly_rad: Hyperbolic anomaly F, rad.
        ecc: Eccentricity, > 1.

    Example:
        >>> hyperbolic_to_true_rad(0.0, 2.0)
        0.0
    """
    big_f = _finite("hyp_anomaly_rad", hyp_anomaly_rad)
    e = _hyperbolic_ecc(ecc)
    return _out(2.0 * np.arctan(np.sqrt((e + 1.0) / (e - 1.0)) * np.tanh(big_f / 2.0)))


def true_to_hyperbolic_rad(nu_rad: object, ecc: object) -> np.ndarray | float:
    """Return the hyperbolic anomaly F from the true anomaly of a hyperbolic orbit, rad.

    Args:
        nu_rad: True anomaly, rad; it must lie between the asymptotes, |nu| < acos(-1/e)
            (angles are first wrapped into [-pi, pi]).
        ecc: Eccentricity, > 1.

    Raises:
        InputError: If ``nu_rad`` is on or beyond an asymptote.

    Example:
        >>> true_to_hyperbolic_rad(0.0, 2.0)
        0.0
    """
    nu = _wrap_pi(_finite("nu_rad", nu_rad))
    e = _hyperbolic_ecc(ecc)
    nu_e = np.broadcast_arrays(nu, e)
    _require(
        1.0 + nu_e[1] * np.cos(nu_e[0]) > 0,
        "nu_rad",
        nu_e[0],
        "between the asymptotes of the hyperbola (1 + ecc cos nu > 0)",
    )
    return _out(2.0 * np.arctanh(np.sqrt((e - 1.0) / (e + 1.0)) * np.tan(nu / 2.0)))


def hyperbolic_to_mean_rad(hyp_anomaly_rad: object, ecc: object) -> np.ndarray | float:
    """Return the hyperbolic mean anomaly M = e sinh F - F, rad.

    Args:
        hyp_anomaly_rad: Hyperbolic anomaly F, rad.
        ecc: Eccentricity, > 1.

    Example:
        >>> hyperbolic_to_mean_rad(0.0, 2.0)
        0.0
    """
    big_f = _finite("hyp_anomaly_rad", hyp_anomaly_rad)
    e = _hyperbolic_ecc(ecc)
    return _out(e * np.sinh(big_f) - big_f)


def _solve_increasing(
    fun: Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]],
    x0: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    what: str,
    inputs: dict[str, np.ndarray],
) -> np.ndarray:
    """Solve fun(x) = 0 elementwise for functions increasing in x, on 1-D arrays.

    ``fun(x, idx)`` returns the value and derivative at ``x`` for the elements ``idx``; the
    root must lie in [lo, hi]. Each step is Newton's unless it leaves the bracket (or is not
    finite), in which case it bisects; the bracket shrinks every step, so it cannot diverge.

    Raises:
        ConvergenceError: If some element has not converged after ``_MAX_ITER`` steps; its
            ``inputs`` hold the entries of ``inputs`` for the elements that failed.
    """
    x, lo, hi = np.clip(x0, lo, hi), lo.copy(), hi.copy()
    todo = np.arange(x.size)
    for _ in range(_MAX_ITER):
        xt = x[todo]
        f, dfdx = fun(xt, todo)
        below = f < 0
        lo[todo] = np.where(below, xt, lo[todo])
        hi[todo] = np.where(below, hi[todo], xt)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            step = f / dfdx
            newton = xt - step
        scale = np.maximum(np.abs(xt), 1.0)
        done = (f == 0) | (np.abs(step) <= _STEP_TOL * scale)
        inside = np.isfinite(newton) & (newton > lo[todo]) & (newton < hi[todo])
        x[todo] = np.where(inside | done, newton, 0.5 * (lo[todo] + hi[todo]))
        done |= (hi[todo] - lo[todo]) <= 4.0 * np.finfo(float).eps * scale
        todo = todo[~done]
        if todo.size == 0:
            return x
    failed = {name: value[todo] for name, value in inputs.items()}
    raise ConvergenceError(
        f"{what} did not converge in {_MAX_ITER} iterations for {todo.size} of {x.size} "
        "inputs (see .inputs)",
        **failed,
    )


def mean_to_eccentric_rad(mean_anomaly_rad: object, ecc: object) -> np.ndarray | float:
    """Solve Kepler's equation M = E - e sin E for the eccentric anomaly, rad.

    Safeguarded Newton iteration on the reduced anomaly in [0, pi] (the root lies in
    [M, M + e]); the result keeps M's revolution: M + 2 pi k gives E + 2 pi k.

    Args:
        mean_anomaly_rad: Mean anomaly, rad.
        ecc: Eccentricity, in [0, 1).

    Raises:
        ConvergenceError: If the iteration fails (``.inputs`` holds M and e).

    Example:
        >>> import math  # Vallado (4th ed.) Example 2-1: E = 220.512074767522 deg
        >>> round(math.degrees(mean_to_eccentric_rad(math.radians(235.4), 0.4)), 9)
        220.512074768
    """
    m, e = np.broadcast_arrays(_finite("mean_anomaly_rad", mean_anomaly_rad), _elliptic_ecc(ecc))
    shape = m.shape
    m, e = m.ravel(), e.ravel()
    turns = np.round(m / TAU)
    m_red = m - TAU * turns
    sign, m_abs = np.where(m_red < 0, -1.0, 1.0), np.abs(m_red)

    def kepler(big_e: np.ndarray, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return big_e - e[idx] * np.sin(big_e) - m_abs[idx], 1.0 - e[idx] * np.cos(big_e)

    hi = np.minimum(m_abs + e, np.pi)
    big_e = _solve_increasing(
        kepler, m_abs + 0.85 * e, m_abs, hi, "Kepler's equation", {"mean_anomaly_rad": m, "ecc": e}
    )
    return _out((sign * big_e + TAU * turns).reshape(shape))


def mean_to_hyperbolic_rad(mean_anomaly_rad: object, ecc: object) -> np.ndarray | float:
    """Solve the hyperbolic Kepler equation M = e sinh F - F for F, rad.

    Safeguarded Newton iteration started from a bound above the root (for M > 0 the root
    lies in [asinh(M/e), asinh((M + U)/e)], U = min(M/(e-1), (6M/e)^(1/3))), where the
    convex equation makes Newton converge monotonically.

    Args:
        mean_anomaly_rad: Hyperbolic mean anomaly, rad.
        ecc: Eccentricity, > 1.

    Raises:
        ConvergenceError: If the iteration fails (``.inputs`` holds M and e).

    Example:
        >>> import math  # Vallado (4th ed.) Example 2-3: H = 1.601376144 (book digits)
        >>> round(mean_to_hyperbolic_rad(math.radians(235.4), 2.4), 8)
        1.60137614
    """
    m, e = np.broadcast_arrays(_finite("mean_anomaly_rad", mean_anomaly_rad), _hyperbolic_ecc(ecc))
    shape = m.shape
    m, e = m.ravel(), e.ravel()
    sign, m_abs = np.where(m < 0, -1.0, 1.0), np.abs(m)

    def kepler(big_f: np.ndarray, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        ei = e[idx]
        return ei * np.sinh(big_f) - big_f - m_abs[idx], ei * np.cosh(big_f) - 1.0

    upper = np.minimum(m_abs / (e - 1.0), np.cbrt(6.0 * m_abs / e))
    lo, hi = np.arcsinh(m_abs / e), np.arcsinh((m_abs + upper) / e)
    big_f = _solve_increasing(
        kepler, hi, lo, hi, "hyperbolic Kepler's equation", {"mean_anomaly_rad": m, "ecc": e}
    )
    return _out((sign * big_f).reshape(shape))


def mean_to_true_rad(mean_anomaly_rad: object, ecc: object) -> np.ndarray | float:
    """Return the true anomaly from the mean anomaly, elliptic or hyperbolic elementwise, rad.

    Args:
        mean_anomaly_rad: Mean anomaly, rad (hyperbolic mean anomaly where ecc > 1).
        ecc: Eccentricity, >= 0 and not 1.

    Example:
        >>> mean_to_true_rad([0.0, 0.0], [0.5, 1.5]).tolist()
        [0.0, 0.0]
    """
    m, e = np.broadcast_arrays(_finite("mean_anomaly_rad", mean_anomaly_rad), _finite("ecc", ecc))
    _require(
        (e >= 0) & (e != 1), "ecc", e, ">= 0 and != 1 (parabolic orbits have no mean anomaly here)"
    )
    nu = np.empty(m.shape)
    ell = e < 1
    nu[ell] = eccentric_to_true_rad(mean_to_eccentric_rad(m[ell], e[ell]), e[ell])
    nu[~ell] = hyperbolic_to_true_rad(mean_to_hyperbolic_rad(m[~ell], e[~ell]), e[~ell])
    return _out(nu)


def true_to_mean_rad(nu_rad: object, ecc: object) -> np.ndarray | float:
    """Return the mean anomaly from the true anomaly, elliptic or hyperbolic elementwise, rad.

    Args:
        nu_rad: True anomaly, rad.
        ecc: Eccentricity, >= 0 and not 1.

    Example:
        >>> true_to_mean_rad([0.0, 0.0], [0.5, 1.5]).tolist()
        [0.0, 0.0]
    """
    nu, e = np.broadcast_arrays(_finite("nu_rad", nu_rad), _finite("ecc", ecc))
    _require(
        (e >= 0) & (e != 1), "ecc", e, ">= 0 and != 1 (parabolic orbits have no mean anomaly here)"
    )
    m = np.empty(nu.shape)
    ell = e < 1
    m[ell] = eccentric_to_mean_rad(true_to_eccentric_rad(nu[ell], e[ell]), e[ell])
    m[~ell] = hyperbolic_to_mean_rad(true_to_hyperbolic_rad(nu[~ell], e[~ell]), e[~ell])
    return _out(m)
