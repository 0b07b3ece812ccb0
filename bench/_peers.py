"""The strongest peer, shared by the benchmarks: lamberthub's izzo2015 in one Numba loop."""

from __future__ import annotations

import numba
import numpy as np
from lamberthub import izzo2015


@numba.njit
def lamberthub_loop(mu, r1, r2, tof_s, atol, rtol):
    """Solve every (r1[i], r2[i], tof_s[i]) with izzo2015 inside one compiled loop."""
    n = r1.shape[0]
    v1 = np.empty((n, 3))
    v2 = np.empty((n, 3))
    for i in range(n):
        a, b = izzo2015(mu, r1[i], r2[i], tof_s[i], 0, True, True, 35, atol, rtol)
        v1[i] = a
        v2[i] = b
    return v1, v2
