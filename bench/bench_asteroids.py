"""Asteroid capture: catalogue load, screening of the whole catalogue, detailed search of 100.

Run: ``.venv/bin/python bench/bench_asteroids.py`` (writes the "Asteroids" section of
docs/benchmarks.md). All in one process, one run:

* catalogue load: ``load_neas()`` from the packaged ``neas.npz`` (cache cleared each time);
* screening: ``mining.screen(2026, ...)`` over every object known by 2026 (the whole
  catalogue): Shoemaker-Helin delta-v, sizes, masses, the screening economics; peer: the
  same Shoemaker-Helin formula in a per-object Python loop (``math``), as asterank-style
  scripts compute it row by row;
* detailed search: ``mining.rank_candidates(2003, ..., n_design=100)``: DE421 and Kepler
  states on the time axis, both legs' Lambert grids (0 and 1 revolution), the join, the
  pricing; peers for its Lambert work, on one candidate's outbound grid (0 revolutions):
  lamberthub's ``izzo2015`` per point from Python (a sample, scaled to the run's solves),
  and inside one Numba-compiled loop (``bench/_peers.py``).

Medians of repeats after a warm-up (compile) run.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _common import machine, median_time_s, write_section  # noqa: E402
from _peers import lamberthub_loop  # noqa: E402
from lamberthub import izzo2015  # noqa: E402

from spacerace.astro.shoemaker_helin import shoemaker_helin_dv_km_s  # noqa: E402
from spacerace.astro.time import year_to_jd_tdb  # noqa: E402
from spacerace.catalog.ephemeris import load_de421  # noqa: E402
from spacerace.catalog.neas import load_neas  # noqa: E402
from spacerace.mining import rank_candidates, screen  # noqa: E402
from spacerace.mining.capture import SearchGrid, _Search  # noqa: E402
from spacerace.mining.destinations import get_destination  # noqa: E402

N_DESIGN = 100


def sh_python_loop(a_au, ecc, inc_deg):
    """Shoemaker-Helin per object in plain Python (the peer of the vectorised screening)."""
    out = []
    u0 = 7.727 / 29.784
    for a, e, i_deg in zip(a_au, ecc, inc_deg, strict=True):
        i = math.radians(i_deg)
        q, big_q, c = a * (1 - e), a * (1 + e), math.cos(i / 2)
        p = a * (1 - e * e)
        if a < 1:
            ut2 = 2 - 2 * c * math.sqrt(2 * big_q - big_q**2)
            uc2 = 3 / big_q - 1 - (2 / big_q) * math.sqrt(2 - big_q)
            ur2 = 3 / big_q - 1 / a - (2 / big_q) * c * math.sqrt(p / big_q)
        else:
            ut2 = 3 - 2 / (big_q + 1) - 2 * c * math.sqrt(2 * big_q / (big_q + 1))
            amor = q > 1
            uc2 = (
                3 / big_q
                - 2 / (big_q + 1)
                - (2 / big_q) * (c if amor else 1.0) * math.sqrt(2 / (big_q + 1))
            )
            ur2 = 3 / big_q - 1 / a - (2 / big_q) * (1.0 if amor else c) * math.sqrt(p / big_q)
        ul = math.sqrt(ut2 + 2 * u0 * u0) - u0
        ur = math.sqrt(max(uc2 - 2 * math.sqrt(ur2 * uc2) * c + ur2, 0.0))
        out.append(30 * (ul + ur) + 0.5)
    return out


def main() -> None:
    cat = load_neas()

    def cold_load():
        load_neas.cache_clear()
        load_neas()

    t_load, _ = median_time_s(cold_load, repeats=5)
    cat = load_neas()
    n_all = len(cat)

    screen(2026, "mars-orbit")  # warm-up
    t_screen, _ = median_time_s(lambda: screen(2026, "mars-orbit"), repeats=7)
    n_screened = screen(2026, "mars-orbit").rows.size
    inc = np.radians(cat.inc_deg)
    t_sh, _ = median_time_s(lambda: shoemaker_helin_dv_km_s(cat.a_au, cat.ecc, inc), repeats=7)
    a, e, i = cat.a_au.tolist(), cat.ecc.tolist(), cat.inc_deg.tolist()
    t_loop, _ = median_time_s(lambda: sh_python_loop(a, e, i), repeats=3)
    diff = np.nanmax(np.abs(np.array(sh_python_loop(a, e, i)) - shoemaker_helin_dv_km_s(
        cat.a_au, cat.ecc, inc)))  # fmt: skip

    rank_candidates(2003, "mars-orbit", top=20, n_design=2)  # warm-up (Numba)
    t_mars, times_mars = median_time_s(
        lambda: rank_candidates(2003, "mars-orbit", top=20, n_design=N_DESIGN), repeats=3
    )
    t_earth, _ = median_time_s(
        lambda: rank_candidates(2003, "earth-moon", top=20, n_design=N_DESIGN), repeats=1
    )

    # Lambert work of one candidate, and the peers on its outbound grid (0 revolutions).
    grid = SearchGrid()
    rows = np.array([cat.find("2000 SG344")])
    elements = {
        "a_au": cat.a_au[rows], "ecc": cat.ecc[rows], "inc_deg": cat.inc_deg[rows],
        "node_deg": cat.node_deg[rows], "peri_deg": cat.peri_deg[rows],
        "mean_anomaly_deg": cat.mean_anomaly_deg[rows], "epoch_jd": cat.epoch_jd_tt[rows],
    }  # fmt: skip
    search = _Search(elements, float(year_to_jd_tdb(2003)), get_destination("mars-orbit"),
                     load_de421(), grid)  # fmt: skip
    solves_per_candidate = 3 * (search.dep_i.size + search.leave_i.size)
    r1 = np.ascontiguousarray(search.earth_state.r_km[search.dep_i])
    r2 = np.ascontiguousarray(search.r_ast[0, search.arr_i])
    tof_s = (search.arr_i - search.dep_i) * grid.step_days * 86400.0
    mu = search.mu_sun
    lamberthub_loop(mu, r1[:10], r2[:10], tof_s[:10], 1e-12, 1e-12)  # compile
    t_loop_peer, _ = median_time_s(
        lambda: lamberthub_loop(mu, r1, r2, tof_s, 1e-12, 1e-12), repeats=3
    )
    sample = np.linspace(0, r1.shape[0] - 1, 2000).astype(int)
    izzo2015(mu, r1[0], r2[0], tof_s[0], 0, True, True, 35, 1e-12, 1e-12)  # compile
    t0 = time.perf_counter()
    for k in sample:
        try:
            izzo2015(mu, r1[k], r2[k], tof_s[k], 0, True, True, 35, 1e-12, 1e-12)
        except Exception:  # noqa: BLE001, S112 - a point without a solution costs its time too
            continue
    per_point_python = (time.perf_counter() - t0) / sample.size
    total_solves = solves_per_candidate * N_DESIGN
    loop_rate = r1.shape[0] / t_loop_peer

    rows = [
        ("load the catalogue (`load_neas`, packaged `neas.npz`, cold)", f"{n_all:,}",
         f"{t_load:.3f}", "", ""),
        ("Shoemaker-Helin delta-v, vectorised", f"{n_all:,}", f"{t_sh:.4f}",
         "same formula, per-object Python loop (`math`)", f"{t_loop:.3f}"),
        ("screening (`mining.screen(2026, ...)`: delta-v, size, mass, economics)",
         f"{n_screened:,}", f"{t_screen:.3f}", "", ""),
        ('detailed search, `rank_candidates(2003, "mars-orbit", n_design=100)`',
         str(N_DESIGN), f"{t_mars:.1f}",
         f"lamberthub `izzo2015` per point from Python, the same {total_solves / 1e6:.1f} M "
         "solves (sampled, scaled)", f"{per_point_python * total_solves:.0f}"),
        ('detailed search, `rank_candidates(2003, "earth-moon", n_design=100)`',
         str(N_DESIGN), f"{t_earth:.1f}",
         "lamberthub `izzo2015` in one Numba loop, the same solves (its 0-rev rate, scaled)",
         f"{total_solves / loop_rate:.1f}"),
    ]  # fmt: skip
    table = "\n".join("| " + " | ".join(r) + " |" for r in rows)
    body = f"""
Machine: {machine()}. Command: `.venv/bin/python bench/bench_asteroids.py`.

| step | objects | wall s (median) | peer in the same run | peer wall s |
| --- | ---: | ---: | --- | ---: |
{table}

- Vectorised screening vs the Python loop: {t_loop / t_sh:.0f}x; largest difference between
  the two {diff:.1e} km/s.
- The detailed search solves {solves_per_candidate:,} Lambert problems per candidate (both
  legs, 0 and 1 revolution, both branches) on a 5-day axis over ten years of departures;
  about {t_mars / N_DESIGN:.2f} s per candidate. Repeats (mars-orbit):
  {", ".join(f"{x:.1f}" for x in times_mars)} s.
- Peers are timed on one candidate's 0-revolution outbound grid ({r1.shape[0]:,} points):
  lamberthub per point from Python {per_point_python * 1e6:.0f} µs/solve; in one Numba loop
  {loop_rate / 1e6:.2f} M solves/s (1 thread).
"""
    write_section("Asteroids", body)
    print(body)


if __name__ == "__main__":
    main()
