"""Wall time of a 500 x 500 Earth-Mars porkchop (ephemeris included), ours vs peers.

Run: ``.venv-oracle/bin/python bench/bench_porkchop.py`` (writes the "Porkchop" section of
docs/benchmarks.md); the oracle environment (``make bench`` or ``make test`` makes it) is the
only one with hapsira 0.18, so ours runs there on its NumPy (< 2) and Matplotlib (3.7) too.
All in one process, one run:

* ours: ``spacerace.astro.porkchop.compute_porkchop`` — DE421 states for every departure
  and arrival, one batch Lambert call, v-infinity, C3 and both burns;
* strongest peer: DE421 states from jplephem (the reader Skyfield uses), then lamberthub's
  ``izzo2015`` called for every point from inside one Numba-compiled loop (how a skilled
  user would drive it);
* lamberthub per point from Python, as its documentation calls it (a sample, scaled up);
* hapsira's ``PorkchopPlotter.porkchop()``, as its users call it (astropy ephemeris, a
  sample grid, scaled up; it draws its figure too, which is part of that call).

Medians of 5 after a warm-up (compile) run; per-point peers are timed on samples and scaled
linearly to 250,000 points, which the table says.
"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

import numba
import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _common import machine, median_time_s, write_section  # noqa: E402
from _peers import lamberthub_loop  # noqa: E402

from spacerace.astro.porkchop import ParkingOrbit, compute_porkchop  # noqa: E402
from spacerace.astro.time import iso_to_jd_tdb  # noqa: E402
from spacerace.catalog.bodies import get_body  # noqa: E402
from spacerace.catalog.ephemeris import load_de421  # noqa: E402

N_SIDE = 500
PEER_RTOL = 1e-12  # lamberthub izzo2015 tolerances giving the same answers as ours (see Lambert)
PEER_ATOL = 1e-12


def axes():
    depart = iso_to_jd_tdb("2005-06-01") + np.linspace(0.0, 153.0, N_SIDE)
    tof = np.linspace(100.0, 450.0, N_SIDE)
    return depart, tof


def ours(eph, depart, tof, mu_sun, orbits):
    return compute_porkchop(eph, "earth", "mars", depart, tof, mu_sun, **orbits)


def jplephem_state(spk, chain, jd):
    """Heliocentric state summed from jplephem segments, km and km/s, shape (N, 3)."""
    r = np.zeros((3, jd.size))
    v = np.zeros((3, jd.size))
    for sign, key in chain:
        dr, dv = spk[key].compute_and_differentiate(jd)
        r += sign * dr
        v += sign * dv
    return r.T, v.T / 86400.0


EARTH = [(1, (0, 3)), (1, (3, 399)), (-1, (0, 10))]
MARS = [(1, (0, 4)), (1, (4, 499)), (-1, (0, 10))]


def peer_numba(spk, depart, tof, mu_sun):
    """The strongest peer chain: jplephem (Skyfield's reader) for the states, lamberthub."""

    r_e, v_e = jplephem_state(spk, EARTH, depart)
    arrive = (depart[:, None] + tof[None, :]).ravel()
    r_m, _ = jplephem_state(spk, MARS, arrive)
    r1 = np.repeat(r_e, tof.size, axis=0)
    v1, v2 = lamberthub_loop(
        mu_sun, r1, r_m, np.tile(tof, depart.size) * 86400.0, PEER_ATOL, PEER_RTOL
    )
    vinf = np.linalg.norm(v1 - np.repeat(v_e, tof.size, axis=0), axis=1)
    return (vinf**2).reshape(depart.size, tof.size)


def peer_python_per_point(eph_spk, depart, tof, mu_sun, n_sample):
    from lamberthub import izzo2015

    rng = np.random.default_rng(0)
    i = rng.integers(0, depart.size, n_sample)
    j = rng.integers(0, tof.size, n_sample)
    t0 = time.perf_counter()
    r_e, _ = jplephem_state(eph_spk, EARTH, depart[i])
    r_m, _ = jplephem_state(eph_spk, MARS, depart[i] + tof[j])
    for k in range(n_sample):
        izzo2015(
            mu_sun,
            r_e[k],
            r_m[k],
            tof[j[k]] * 86400.0,
            0,
            True,
            True,
            35,
            PEER_ATOL,
            PEER_RTOL,
        )
    return (time.perf_counter() - t0) / n_sample


def hapsira_per_point(n_side):
    import matplotlib

    matplotlib.use("Agg")
    from astropy.time import Time
    from astropy.utils import iers

    iers.conf.auto_download = False  # no network here; the TDB epochs need no IERS table
    from hapsira.bodies import Earth, Mars
    from hapsira.plotting.porkchop import PorkchopPlotter

    launch = Time(
        np.linspace(iso_to_jd_tdb("2005-06-01"), iso_to_jd_tdb("2005-11-01"), n_side),
        format="jd",
        scale="tdb",
    )
    arrival = Time(
        np.linspace(iso_to_jd_tdb("2005-12-01"), iso_to_jd_tdb("2007-01-01"), n_side),
        format="jd",
        scale="tdb",
    )
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        PorkchopPlotter(Earth, Mars, launch, arrival).porkchop()
    import matplotlib.pyplot as plt

    plt.close("all")
    return (time.perf_counter() - t0) / n_side**2


def main() -> None:
    eph = load_de421()
    mu_sun = get_body("sun").gm_km3_s2
    earth, mars = get_body("earth"), get_body("mars")
    orbits = {
        "departure_orbit": ParkingOrbit(earth.gm_km3_s2, earth.equatorial_radius_km + 200),
        "arrival_orbit": ParkingOrbit(mars.gm_km3_s2, mars.equatorial_radius_km + 250),
    }
    depart, tof = axes()
    grid = ours(eph, depart, tof, mu_sun, orbits)  # warm-up: compile / load kernels
    from jplephem.spk import SPK

    from spacerace.catalog.ephemeris import de421_path

    spk = SPK.open(de421_path())
    peer_c3 = peer_numba(spk, depart, tof, mu_sun)
    both = grid.converged & np.isfinite(peer_c3)
    rel = np.abs(grid.c3_km2_s2[both] - peer_c3[both]) / peer_c3[both]
    t_ours, _ = median_time_s(lambda: ours(eph, depart, tof, mu_sun, orbits), 5)
    t_peer, _ = median_time_s(lambda: peer_numba(spk, depart, tof, mu_sun), 5)
    arrive = (depart[:, None] + tof[None, :]).ravel()
    t_eph_ours, _ = median_time_s(lambda: eph.state("mars", arrive), 5)
    t_eph_jpl, _ = median_time_s(lambda: jplephem_state(spk, MARS, arrive), 5)
    n = N_SIDE * N_SIDE
    per_point_lh = peer_python_per_point(spk, depart, tof, mu_sun, 5000)
    per_point_hap = hapsira_per_point(12)
    rows = [
        ("spacerace `compute_porkchop` (batch, `prange`)", t_ours, "measured"),
        ("jplephem DE421 states + lamberthub `izzo2015` in one `@njit` loop", t_peer, "measured"),
        (
            "lamberthub `izzo2015` per point from Python",
            per_point_lh * n,
            "5,000-point sample x 50",
        ),
        ("hapsira `PorkchopPlotter.porkchop()`", per_point_hap * n, "12 x 12 grid, scaled"),
    ]
    table = "\n".join(f"| {name} | {t:.3f} | {t / t_ours:.1f}x | {how} |" for name, t, how in rows)
    body = f"""
Command: `.venv-oracle/bin/python bench/bench_porkchop.py` — {machine()}.
Earth→Mars, departures 2005-06-01..2005-11-01 × TOF 100..450 d, {N_SIDE}×{N_SIDE} =
{n:,} transfers, DE421 ephemeris evaluation included. Median of 5 after warm-up.
Numba threads: {numba.get_num_threads()}.

| implementation | wall time (s) | time / ours | how measured |
| --- | ---: | ---: | --- |
{table}

Of that, heliocentric Mars at the {n:,} arrival epochs: ours (Numba Chebyshev kernel)
{t_eph_ours * 1e3:.0f} ms, jplephem (NumPy, what Skyfield uses) {t_eph_jpl * 1e3:.0f} ms,
{t_eph_jpl / t_eph_ours:.1f}x.

hapsira's porkchop uses astropy's built-in planetary theory (not DE421) and barycentric
states, so its C3 is not of equal accuracy; it is listed as its users call it.

Accuracy: ours vs the Numba-loop peer (lamberthub tolerances rtol={PEER_RTOL:g},
atol={PEER_ATOL:g}) on the {int(both.sum()):,} points both solved: median relative C3
difference {np.median(rel):.1e}, max {rel.max():.1e}. Converged: ours
{grid.converged.mean():.4%} of points.
"""
    print(body)
    write_section("Porkchop", body)


if __name__ == "__main__":
    main()
