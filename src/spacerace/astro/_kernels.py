"""Numba kernels on plain floats: Izzo's Lambert solver, one point and a parallel batch.

Written from the equations of D. Izzo, "Revisiting Lambert's problem", Celestial Mechanics
and Dynamical Astronomy 121:1-15 (2015), doi:10.1007/s10569-014-9587-y; "eq. N" below is
that paper's equation N, "Alg. 1" its Algorithm 1.

These kernels trust their inputs (finite, positive radii and times, ``mu_km3_s2 > 0``):
:func:`spacerace.astro.lambert.solve_lambert` checks them. A point with no solution comes
back as NaN velocities and ``converged = False``; nothing here raises. Each point works on
scalars only (no array is allocated per point), and the batch runs in parallel over points.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit, prange

# error_model="numpy": a division by zero gives inf/NaN instead of a checked exception,
# which is what a kernel that reports failures as data wants, and it is faster.
# fastmath: only the flags that keep IEEE semantics for NaN and inf (which the kernels test
# for): fused multiply-add, division as multiplication by a reciprocal, and ignoring the sign
# of zero. They move results by a few ulp (tests/astro/test_lambert.py bounds the effect at
# 1e-12 against a build without them) and save ~8% of the time.
FASTMATH = {"contract", "arcp", "nsz"}
_JIT = {"cache": True, "error_model": "numpy", "nogil": True, "fastmath": FASTMATH}

PI = math.pi
LN2 = math.log(2.0)

# Below this |r1 x r2| / (|r1| |r2|) (the sine of the transfer angle) the transfer plane is
# not defined to better than about 1e-4 in float64: 0 and 180 degree transfers get no solution.
MIN_SIN_TRANSFER = 1e-12

# T(x) of eq. 18 loses digits to cancellation as x -> 1 (relative error ~ 1e-16 / |1 - x^2|);
# within this distance of x = 1 we use Battin's hypergeometric series instead, whose argument
# is then small (|S1| <= 0.04), so the series needs at most ~12 terms.
BATTIN_BAND = 0.02


@njit(**_JIT)
def hyp2f1_battin(z):
    """Gauss hypergeometric 2F1(3, 1; 5/2; z) by its power series, for |z| < 1.

    Term k+1 = term k * (3+k)(1+k) / ((5/2+k)(k+1)) * z = term k * (3+k) / (5/2+k) * z.
    The loop stops when a term no longer changes the float sum (at most 300 terms).
    """
    total = 1.0
    term = 1.0
    for k in range(300):
        term *= (3.0 + k) / (2.5 + k) * z
        new_total = total + term
        if new_total == total:
            return new_total
        total = new_total
    return total


@njit(**_JIT)
def tof_nondim(x, y, lam, n_revs):
    """Non-dimensional time of flight T(x) for the given revolution count.

    Lancaster's form, eq. 18, with the auxiliary angle psi of eq. 17; near x = 1 (single
    revolution only) Battin's form with the hypergeometric series (Sec. 2 of the paper).
    ``y`` must be sqrt(1 - lam^2 (1 - x^2)).
    """
    one_m_x2 = 1.0 - x * x
    if n_revs == 0 and abs(1.0 - x) < BATTIN_BAND:
        # Battin: T = (eta^3 Q + 4 lam eta) / 2, Q = 4/3 2F1(3, 1; 5/2; S1).
        eta = y - lam * x
        s1 = 0.5 * (1.0 - lam - x * eta)
        q = 4.0 / 3.0 * hyp2f1_battin(s1)
        return 0.5 * (eta * eta * eta * q + 4.0 * lam * eta)
    if one_m_x2 > 0.0:
        # Ellipse, eq. 17: cos psi = x y + lam (1 - x^2) and sin psi = sqrt(1 - x^2) (y - lam x)
        # (the two satisfy cos^2 + sin^2 = 1). arccos is cheaper but loses digits near psi = 0
        # and pi; there atan2 of both keeps full precision.
        root = math.sqrt(one_m_x2)
        cos_psi = x * y + lam * one_m_x2
        if abs(cos_psi) < 0.5:
            psi = math.acos(cos_psi)
        else:
            psi = math.atan2(root * (y - lam * x), cos_psi)
        return ((psi + n_revs * PI) / root - x + lam * y) / one_m_x2
    # Hyperbola, eq. 17: sinh psi = (y - x lam) sqrt(x^2 - 1).
    root = math.sqrt(-one_m_x2)
    psi = math.asinh((y - lam * x) * root)
    return (psi / root - x + lam * y) / one_m_x2


@njit(**_JIT)
def tof_derivatives(x, y, tof, lam):
    """First three derivatives dT/dx, d2T/dx2, d3T/dx3 of T(x) at T = ``tof``, eq. 22."""
    one_m_x2 = 1.0 - x * x
    lam2 = lam * lam
    lam3 = lam2 * lam
    y2 = y * y
    y3 = y2 * y
    d1 = (3.0 * tof * x - 2.0 + 2.0 * lam3 * x / y) / one_m_x2
    d2 = (3.0 * tof + 5.0 * x * d1 + 2.0 * (1.0 - lam2) * lam3 / y3) / one_m_x2
    d3 = (7.0 * x * d2 + 8.0 * d1 - 6.0 * (1.0 - lam2) * lam3 * lam2 * x / (y3 * y2)) / one_m_x2
    return d1, d2, d3


@njit(**_JIT)
def y_of_x(x, lam):
    """The companion variable y = sqrt(1 - lam^2 (1 - x^2)) of Lancaster and Izzo."""
    return math.sqrt(1.0 - lam * lam * (1.0 - x * x))


@njit(**_JIT)
def initial_guess(tof, lam, n_revs, low_path):
    """Starting x for the Householder iterations: eq. 30 (one revolution), eq. 31 (more).

    Eq. 30's middle branch is used in its corrected form x0 = (T/T00)^(ln 2 / ln(T1/T00)) - 1,
    which (unlike the printed one) gives x0 = 0 at T = T00 and x0 = 1 at T = T1.
    """
    if n_revs == 0:
        t00 = math.acos(lam) + lam * math.sqrt(1.0 - lam * lam)  # eq. 19, M = 0
        t1 = 2.0 / 3.0 * (1.0 - lam * lam * lam)  # eq. 21, T at x = 1
        if tof >= t00:
            ratio = t00 / tof
            return np.cbrt(ratio * ratio) - 1.0  # (T00/T)^(2/3) - 1
        if tof < t1:
            lam2 = lam * lam
            return 2.5 * t1 * (t1 - tof) / (tof * (1.0 - lam2 * lam2 * lam)) + 1.0
        return math.exp(LN2 * math.log(tof / t00) / math.log(t1 / t00)) - 1.0
    if low_path:
        # Right branch, x > x_Tmin: x0r of eq. 31.
        b = 8.0 * tof / (n_revs * PI)
    else:
        # Left branch, x < x_Tmin: x0l of eq. 31.
        b = (n_revs + 1.0) * PI / (8.0 * tof)
    a = np.cbrt(b * b)  # b^(2/3)
    return (a - 1.0) / (a + 1.0)


@njit(**_JIT)
def householder(x, tof_target, lam, n_revs, max_iter, rtol):
    """Solve T(x) = ``tof_target`` by Householder's fourth-order iterations (Alg. 1).

    Returns (x, dT/dx at the last iterate, iterations used, converged). The iterations stop
    after a step with |x_{n+1} - x_n|^2 <= rtol (1 + |x_{n+1}|): the step measures the error
    of x_n, and a fourth-order step leaves an error of order |x_{n+1} - x_n|^4 (even a merely
    quadratic one would leave rtol), so no further evaluation of T is spent to confirm it.
    """
    d1 = 0.0
    for it in range(1, max_iter + 1):
        y = y_of_x(x, lam)
        tof = tof_nondim(x, y, lam, n_revs)
        d1, d2, d3 = tof_derivatives(x, y, tof, lam)
        f = tof - tof_target
        d1_sq = d1 * d1
        x_new = x - f * (d1_sq - 0.5 * f * d2) / (d1 * (d1_sq - f * d2) + d3 * f * f / 6.0)
        if not (x_new > -1.0):  # left the domain (or NaN): pull back inside
            x_new = 0.5 * (x - 1.0)
        elif n_revs > 0 and x_new >= 1.0:  # multi-revolution orbits are ellipses, |x| < 1
            x_new = 0.5 * (x + 1.0)
        step = x_new - x
        if step * step <= rtol * (1.0 + abs(x_new)):
            return x_new, d1, it, True
        x = x_new
    return x, d1, max_iter, False


@njit(**_JIT)
def x_of_min_tof(lam, n_revs, max_iter, rtol):
    """Locate the minimum of T(x) for ``n_revs`` > 0 revolutions: Halley on dT/dx = 0 (Alg. 1).

    Returns (x_Tmin, T_min, converged).
    """
    x = 0.0
    for _ in range(max_iter):
        y = y_of_x(x, lam)
        tof = tof_nondim(x, y, lam, n_revs)
        d1, d2, d3 = tof_derivatives(x, y, tof, lam)
        x_new = x - 2.0 * d1 * d2 / (2.0 * d2 * d2 - d1 * d3)
        step = x_new - x
        if step * step <= rtol * (1.0 + abs(x_new)):  # as in householder (Halley: 3rd order)
            y = y_of_x(x_new, lam)
            return x_new, tof_nondim(x_new, y, lam, n_revs), True
        x = x_new
    return x, math.nan, False


@njit(**_JIT)
def find_x(lam, tof, n_revs, low_path, max_iter, rtol):
    """Izzo's x for one (lam, T, M): returns (x, iterations, converged)."""
    if n_revs == 0:
        x, _, n_iter, ok = householder(
            initial_guess(tof, lam, 0, low_path), tof, lam, 0, max_iter, rtol
        )
        return x, n_iter, ok
    # M revolutions need T > T_min(M) > M pi; T >= T_M(x=0) (eq. 19) is always enough.
    if tof <= n_revs * PI:
        return math.nan, 0, False
    if tof < math.acos(lam) + lam * math.sqrt(1.0 - lam * lam) + n_revs * PI:
        _, tof_min, ok = x_of_min_tof(lam, n_revs, max_iter, rtol)
        if not ok or tof < tof_min:
            return math.nan, 0, False
    x, d1, n_iter, ok = householder(
        initial_guess(tof, lam, n_revs, low_path), tof, lam, n_revs, max_iter, rtol
    )
    # The right branch (low path) has dT/dx > 0, the left one dT/dx < 0. Should the
    # iterations ever slide onto the other branch (not seen in 120,000 random cases just
    # above T_min), report no solution rather than the other branch's.
    if (low_path and d1 < 0.0) or (not low_path and d1 > 0.0):
        ok = False
    return x, n_iter, ok


@njit(**_JIT)
def lambert_point(
    r1x, r1y, r1z, r2x, r2y, r2z, tof_s, mu, n_revs, prograde, low_path, max_iter, rtol
):
    """Solve one Lambert problem on scalars (km, s, km^3/s^2).

    Returns (v1x, v1y, v1z, v2x, v2y, v2z, converged, iterations), velocities in km/s, NaN
    when there is no solution.
    """
    nan = math.nan
    r1 = math.sqrt(r1x * r1x + r1y * r1y + r1z * r1z)
    r2 = math.sqrt(r2x * r2x + r2y * r2y + r2z * r2z)
    cx = r2x - r1x
    cy = r2y - r1y
    cz = r2z - r1z
    c = math.sqrt(cx * cx + cy * cy + cz * cz)  # chord
    s = 0.5 * (r1 + r2 + c)  # semi-perimeter
    hx = r1y * r2z - r1z * r2y
    hy = r1z * r2x - r1x * r2z
    hz = r1x * r2y - r1y * r2x
    h = math.sqrt(hx * hx + hy * hy + hz * hz)
    if not (h > MIN_SIN_TRANSFER * r1 * r2):
        return nan, nan, nan, nan, nan, nan, False, 0

    # Geometry (Alg. 1): lam^2 = 1 - c/s; lam < 0 for transfers longer than 180 degrees, which
    # is when the requested sense of motion disagrees with r1 x r2 (prograde: +z angular
    # momentum). The normal n then points along the motion's angular momentum.
    lam = math.sqrt(max(0.0, 1.0 - c / s))
    sign = 1.0 if hz >= 0.0 else -1.0
    if not prograde:
        sign = -sign
    lam *= sign
    inv_h = sign / h
    nx = hx * inv_h
    ny = hy * inv_h
    nz = hz * inv_h
    inv_r1 = 1.0 / r1
    inv_r2 = 1.0 / r2
    u1x = r1x * inv_r1
    u1y = r1y * inv_r1
    u1z = r1z * inv_r1
    u2x = r2x * inv_r2
    u2y = r2y * inv_r2
    u2z = r2z * inv_r2
    # Tangential unit vectors t = n x u (in the plane, along the motion).
    t1x = ny * u1z - nz * u1y
    t1y = nz * u1x - nx * u1z
    t1z = nx * u1y - ny * u1x
    t2x = ny * u2z - nz * u2y
    t2y = nz * u2x - nx * u2z
    t2z = nx * u2y - ny * u2x

    tof = math.sqrt(2.0 * mu / (s * s * s)) * tof_s  # non-dimensional time of flight T
    x, n_iter, ok = find_x(lam, tof, n_revs, low_path, max_iter, rtol)
    if not ok:
        return nan, nan, nan, nan, nan, nan, False, n_iter

    # Velocity reconstruction (Alg. 1): radial and tangential components at r1 and r2.
    y = y_of_x(x, lam)
    gamma = math.sqrt(0.5 * mu * s)
    rho = (r1 - r2) / c
    sigma = math.sqrt(max(0.0, 1.0 - rho * rho))
    vr1 = gamma * ((lam * y - x) - rho * (lam * y + x)) * inv_r1
    vr2 = -gamma * ((lam * y - x) + rho * (lam * y + x)) * inv_r2
    vt = gamma * sigma * (y + lam * x)
    vt1 = vt * inv_r1
    vt2 = vt * inv_r2
    return (
        vr1 * u1x + vt1 * t1x,
        vr1 * u1y + vt1 * t1y,
        vr1 * u1z + vt1 * t1z,
        vr2 * u2x + vt2 * t2x,
        vr2 * u2y + vt2 * t2y,
        vr2 * u2z + vt2 * t2z,
        True,
        n_iter,
    )


@njit(parallel=True, **_JIT)
def lambert_batch(r1_km, r2_km, tof_s, mu_km3_s2, n_revs, prograde, low_path, max_iter, rtol, n):
    """Solve ``n`` Lambert problems in parallel; return (v1_km_s, v2_km_s, converged, n_iter).

    ``r1_km`` and ``r2_km`` are (K, 3), ``tof_s`` is (K,), with K either ``n`` or 1 (then the
    single row serves every point). Returns v1, v2 (n, 3) float64, converged (n,) bool and
    n_iter (n,) int64. The outputs are allocated here, by Numba, rather than by the caller:
    NumPy asks for transparent huge pages on large arrays, and faulting those in from two
    threads cost up to 60% extra time on every other call in our benchmark.
    """
    v1_km_s = np.empty((n, 3))
    v2_km_s = np.empty((n, 3))
    converged = np.empty(n, dtype=np.bool_)
    n_iter = np.empty(n, dtype=np.int64)
    step1 = 1 if r1_km.shape[0] > 1 else 0
    step2 = 1 if r2_km.shape[0] > 1 else 0
    step_t = 1 if tof_s.shape[0] > 1 else 0
    for i in prange(n):
        i1 = i * step1
        i2 = i * step2
        v1x, v1y, v1z, v2x, v2y, v2z, ok, its = lambert_point(
            r1_km[i1, 0],
            r1_km[i1, 1],
            r1_km[i1, 2],
            r2_km[i2, 0],
            r2_km[i2, 1],
            r2_km[i2, 2],
            tof_s[i * step_t],
            mu_km3_s2,
            n_revs,
            prograde,
            low_path,
            max_iter,
            rtol,
        )
        v1_km_s[i, 0] = v1x
        v1_km_s[i, 1] = v1y
        v1_km_s[i, 2] = v1z
        v2_km_s[i, 0] = v2x
        v2_km_s[i, 1] = v2y
        v2_km_s[i, 2] = v2z
        converged[i] = ok
        n_iter[i] = its
    return v1_km_s, v2_km_s, converged, n_iter


@njit(**_JIT)
def first_invalid_position(r_km):
    """Index of the first row of a (K, 3) array that is not finite or is [0, 0, 0]; -1 if none.

    One pass without temporaries: checking a large batch this way costs far less than the
    NumPy reductions it replaces.
    """
    for i in range(r_km.shape[0]):
        x = r_km[i, 0]
        y = r_km[i, 1]
        z = r_km[i, 2]
        if not (math.isfinite(x) and math.isfinite(y) and math.isfinite(z)):
            return i
        if x == 0.0 and y == 0.0 and z == 0.0:
            return i
    return -1


@njit(**_JIT)
def first_invalid_time(tof_s):
    """Index of the first entry of a (K,) array that is not finite and > 0; -1 if none."""
    for i in range(tof_s.shape[0]):
        t = tof_s[i]
        if not (t > 0.0 and t < math.inf):  # NaN fails too
            return i
    return -1
