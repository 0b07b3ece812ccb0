"""Lambert's problem for batches: arrays in, velocities and a ``converged`` mask out.

The solver is Izzo's (D. Izzo, "Revisiting Lambert's problem", Celest. Mech. Dyn. Astr.
121:1-15, 2015), compiled with Numba in :mod:`spacerace.astro._kernels` and run in parallel
over the points. This module checks the input; in a batch a point without a solution is data
(``converged`` False, NaN velocities), never an exception.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass

import numpy as np

from spacerace.astro import _kernels
from spacerace.errors import InputError

__all__ = ["LambertSolution", "solve_lambert"]


@dataclass(frozen=True)
class LambertSolution:
    """Velocities at both ends of N Lambert transfers.

    Attributes:
        v1_km_s: (N, 3) velocity at departure (at ``r1_km``), km/s; NaN where not converged.
        v2_km_s: (N, 3) velocity at arrival (at ``r2_km``), km/s; NaN where not converged.
        converged: (N,) bool. False where there is no solution: a multi-revolution time of
            flight shorter than the minimum for ``n_revs``, a transfer angle of 0 or 180
            degrees (the plane is undefined), or iterations that did not converge.
        n_iter: (N,) int, Householder iterations spent on each point.
    """

    v1_km_s: np.ndarray
    v2_km_s: np.ndarray
    converged: np.ndarray
    n_iter: np.ndarray


def solve_lambert(
    r1_km: np.ndarray,
    r2_km: np.ndarray,
    tof_s: np.ndarray | float,
    mu_km3_s2: float,
    *,
    n_revs: int = 0,
    prograde: bool = True,
    low_path: bool = True,
    max_iter: int = 35,
    rtol: float = 1e-12,
) -> LambertSolution:
    """Solve Lambert's problem for a batch of transfers (Izzo 2015), in parallel.

    The inputs broadcast to N points: each of ``r1_km``, ``r2_km`` and ``tof_s`` holds
    either one value for all points or one per point. Outputs are always batched: a single
    (3,) problem returns (1, 3) velocities and (1,) ``converged``/``n_iter`` arrays.

    Args:
        r1_km: Departure positions, (N, 3) or (3,), km, nonzero.
        r2_km: Arrival positions, (N, 3) or (3,), km, nonzero.
        tof_s: Times of flight, (N,) or a scalar, s, > 0.
        mu_km3_s2: Gravitational parameter of the central body, km^3/s^2, > 0.
        n_revs: Complete revolutions before arrival (0: the direct transfer).
        prograde: True for motion with angular momentum along +z (counter-clockwise seen
            from +z), False for retrograde; sets whether a transfer goes the short or the long
            way round.
        low_path: For ``n_revs > 0``, which of the two solutions: True takes Izzo's right
            branch (x > x_Tmin, initial guess x0r of his eq. 31), False the left branch
            (x0l); the same convention as lamberthub's ``low_path`` and hapsira's
            ``lowpath``. Ignored when ``n_revs == 0``.
        max_iter: Most iterations per point.
        rtol: Tolerance on Izzo's iteration variable x: the fourth-order Householder
            iterations stop after a step with |dx|^2 <= rtol (1 + |x|), which leaves an
            error of order |dx|^4.

    Returns:
        The velocities at both ends, the ``converged`` mask and the iteration counts.

    Raises:
        InputError: On bad shapes, non-finite values, a zero position, ``tof_s <= 0``,
            ``mu_km3_s2 <= 0``, ``n_revs`` not a non-negative integer, or bad
            ``max_iter``/``rtol``.

    Example:
        Curtis, *Orbital Mechanics for Engineering Students*, Example 5.2 (km, s):

        >>> sol = solve_lambert([5000.0, 10000.0, 2100.0], [-14600.0, 2500.0, 7000.0],
        ...                     3600.0, 398600.0)
        >>> sol.v1_km_s.round(4)
        array([[-5.9925,  1.9254,  3.2456]])
        >>> sol.v2_km_s.round(4)
        array([[-3.3125, -4.1966, -0.3853]])
        >>> sol.converged
        array([ True])
    """
    r1 = _positions(r1_km, "r1_km")
    r2 = _positions(r2_km, "r2_km")
    tof = _times(tof_s)
    n = _batch_size(r1, r2, tof)
    mu = _positive_number(mu_km3_s2, "mu_km3_s2")
    revs = _non_negative_int(n_revs, "n_revs")
    iters = _non_negative_int(max_iter, "max_iter")
    if iters < 1:
        raise InputError(f"max_iter: expected an integer >= 1, got {max_iter!r}")
    tol = _positive_number(rtol, "rtol")
    if not tol < 1.0:
        raise InputError(f"rtol: expected a number in (0, 1), got {rtol!r}")

    v1, v2, converged, n_iter = _kernels.lambert_batch(
        r1, r2, tof, mu, revs, bool(prograde), bool(low_path), iters, tol, n
    )
    return LambertSolution(v1_km_s=v1, v2_km_s=v2, converged=converged, n_iter=n_iter)


def _float_array(value: object, name: str) -> np.ndarray:
    try:
        return np.ascontiguousarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(f"{name}: expected numbers, got {value!r:.80}") from None


def _positions(value: object, name: str) -> np.ndarray:
    """A (K, 3) float64 array of finite, nonzero positions, K >= 0."""
    arr = _float_array(value, name)
    if arr.shape == (3,):
        arr = arr.reshape(1, 3)
    if arr.ndim != 2 or arr.shape[1] != 3:
        raise InputError(f"{name}: expected shape (3,) or (N, 3), got {np.shape(value)}")
    i = _kernels.first_invalid_position(arr)
    if i >= 0:
        if np.isfinite(arr[i]).all():
            raise InputError(f"{name}: expected a nonzero position, got [0, 0, 0] at row {i}")
        raise InputError(f"{name}: expected finite values, got {arr[i].tolist()} at row {i}")
    return arr


def _times(value: object) -> np.ndarray:
    """A (K,) float64 array of finite times of flight > 0, K >= 0."""
    arr = _float_array(value, "tof_s")
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim != 1:
        raise InputError(f"tof_s: expected a scalar or shape (N,), got {np.shape(value)}")
    i = _kernels.first_invalid_time(arr)
    if i >= 0:
        raise InputError(f"tof_s: expected finite times > 0 s, got {float(arr[i])!r} at index {i}")
    return arr


def _batch_size(r1: np.ndarray, r2: np.ndarray, tof: np.ndarray) -> int:
    """N, the length the three inputs broadcast to (each has length 1 or N)."""
    not_one = {len(r1), len(r2), len(tof)} - {1}
    if len(not_one) > 1:
        raise InputError(
            "r1_km, r2_km, tof_s: expected one value or N values each, got lengths "
            f"{len(r1)}, {len(r2)}, {len(tof)}"
        )
    return not_one.pop() if not_one else 1


def _positive_number(value: object, name: str) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"{name}: expected a number > 0, got {value!r:.80}") from None
    if not (np.isfinite(number) and number > 0.0):
        raise InputError(f"{name}: expected a finite number > 0, got {value!r}")
    return number


def _non_negative_int(value: object, name: str) -> int:
    if isinstance(value, bool | np.bool_):
        raise InputError(f"{name}: expected a non-negative integer, got {value!r}")
    try:
        number = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise InputError(f"{name}: expected a non-negative integer, got {value!r:.80}") from None
    if number < 0:
        raise InputError(f"{name}: expected a non-negative integer, got {number}")
    return number
