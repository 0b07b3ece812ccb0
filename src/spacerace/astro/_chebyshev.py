"""Numba kernel: Chebyshev evaluation of type-2 SPK segments (JPL DE4xx) over many epochs.

Why our own: jplephem (which Skyfield uses) evaluates a segment with NumPy, making a
temporary array per Chebyshev term; on a 500 x 500 porkchop that took 266 ms of the grid's
317 ms (three segments for heliocentric Mars at 250,000 epochs, ~90 ms each). This kernel
does the same sums point by point, in parallel, with no temporaries: 14 ms against 265 ms
for those epochs (``bench/bench_porkchop.py``, docs/benchmarks.md), and
``tests/astro/test_ephemeris.py`` for agreement with jplephem and Skyfield.

The series: within interval ``i`` (length ``L`` days from ``init + i L``), with
``s = 2 (t - t_i) / L - 1`` in [-1, 1], a component is ``sum_k c_k T_k(s)`` and its rate is
``(2 / L) sum_k c_k T_k'(s)`` per day, with ``T_0 = 1``, ``T_1 = s``,
``T_k = 2 s T_{k-1} - T_{k-2}`` and ``T_k' = 2 T_{k-1} + 2 s T_{k-1}' - T_{k-2}'``.
Kernels trust their inputs: the caller checks the epochs are inside the segment.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit, prange

SECONDS_PER_DAY = 86400.0


@njit(cache=True, parallel=True)
def accumulate_segment(init_jd, interval_days, coefficients, jd, sign, r_out, v_out):
    """Add ``sign`` times a segment's position (km) and velocity (km/s) at ``jd`` to the outputs.

    Args:
        init_jd: Start of the segment's first interval, TDB Julian date.
        interval_days: Length of each interval, days.
        coefficients: Array (3, n_intervals, n_coefficients), km (jplephem ``load_array``).
        jd: Epochs, TDB Julian dates, shape (N,), inside the segment.
        sign: +1.0 or -1.0.
        r_out: Positions to add into, (N, 3), km.
        v_out: Velocities to add into, (N, 3), km/s.
    """
    n_intervals = coefficients.shape[1]
    n_coef = coefficients.shape[2]
    rate_scale = sign * 2.0 / (interval_days * SECONDS_PER_DAY)
    for p in prange(jd.shape[0]):
        x = (jd[p] - init_jd) / interval_days
        i = int(math.floor(x))
        if i >= n_intervals:  # the segment's very last instant
            i = n_intervals - 1
        s = 2.0 * (x - i) - 1.0
        for c in range(3):
            t_prev, t_cur = 1.0, s
            d_prev, d_cur = 0.0, 1.0
            value = coefficients[c, i, 0] + coefficients[c, i, 1] * s
            rate = coefficients[c, i, 1]
            for k in range(2, n_coef):
                t_next = 2.0 * s * t_cur - t_prev
                d_next = 2.0 * t_cur + 2.0 * s * d_cur - d_prev
                value += coefficients[c, i, k] * t_next
                rate += coefficients[c, i, k] * d_next
                t_prev, t_cur = t_cur, t_next
                d_prev, d_cur = d_cur, d_next
            r_out[p, c] += sign * value
            v_out[p, c] += rate_scale * rate


def segment_arrays(segment) -> tuple[float, float, np.ndarray] | None:
    """Return ``(init_jd, interval_days, coefficients)`` of a type-2 segment, else None."""
    if getattr(segment, "data_type", None) != 2:
        return None
    init_jd, interval_days, coefficients = segment.load_array()
    return float(init_jd), float(interval_days), np.ascontiguousarray(coefficients)
