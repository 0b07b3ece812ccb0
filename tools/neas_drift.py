"""Measure how far two-body propagation of the catalogue's 2025 elements drifts.

    .venv/bin/python tools/neas_drift.py ../shared/data/asteroids/jpl_sbdb_neo_sample_2020-05.csv

Reference: JPL SBDB osculating elements at JD 2459000.5 (2020-05-31) of the same objects
(the 2020 NEO sample described in ../shared/data/PROVENANCE.md), whose states at that epoch
stand for the truth. The catalogue's elements (MPC, epoch 2025-11-21) are propagated back
5.5 years with two-body motion; the table gives the position error, split by Earth MOID
(close-encounter orbits drift most). Printed numbers go into docs/asteroids.md.
"""

from __future__ import annotations

import csv
import sys

import numpy as np

from spacerace.astro.heliocentric import AU_KM, states_from_elements
from spacerace.catalog.bodies import load_bodies
from spacerace.catalog.neas import load_neas
from spacerace.errors import UnknownAsteroidError

REFERENCE_EPOCH = 2459000.5
KEYS = ("a", "e", "i", "om", "w", "ma")


def matched(path: str, max_u: int) -> tuple[np.ndarray, np.ndarray]:
    """Catalogue rows (epoch 2025-11-21, 0 <= U <= ``max_u``) and their JPL 2020 elements."""
    cat = load_neas()
    rows, ref = [], []
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if float(row["epoch"]) != REFERENCE_EPOCH or not row["a"]:
                continue
            try:
                k = cat.find(row["pdes"])
            except UnknownAsteroidError:
                continue
            if cat.epoch_jd_tt[k] == 2461000.5 and 0 <= cat.u_param[k] <= max_u:
                rows.append(k)
                ref.append([float(row[x]) for x in KEYS])
    return np.array(rows), np.array(ref)


def drift_km(path: str, at_jd: float = REFERENCE_EPOCH) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Return (position difference km, MOID AU, labels) of the two element sets at ``at_jd``.

    At 2020-05-31 (the default) the JPL elements are osculating, so the difference is the
    two-body error of the 2025 elements; at another date both sets are propagated and the
    difference estimates how far two-body answers drift there.
    """
    cat = load_neas()
    mu = load_bodies()["sun"].gm_km3_s2
    rows_a, ref_a = matched(path, max_u=5)
    t = np.array([at_jd])
    r_cat, _ = states_from_elements(
        cat.a_au[rows_a], cat.ecc[rows_a], cat.inc_deg[rows_a], cat.node_deg[rows_a],
        cat.peri_deg[rows_a], cat.mean_anomaly_deg[rows_a], cat.epoch_jd_tt[rows_a], t, mu,
    )  # fmt: skip
    r_ref, _ = states_from_elements(*ref_a.T, np.full(len(rows_a), REFERENCE_EPOCH), t, mu)
    err = np.linalg.norm(r_cat[:, 0] - r_ref[:, 0], axis=-1)
    return err, cat.earth_moid_au[rows_a], [cat.label(k) for k in rows_a]


def design_sensitivity(path: str, n: int = 12) -> None:
    """Print how much the capture design changes with the JPL 2020 elements instead of ours.

    The ``n`` lowest Shoemaker-Helin objects with U <= 3 found in both sets; departures from
    2020 and from 2003, destination Earth-Moon space, returned mass 100 x the tug's.
    """
    from spacerace.astro.shoemaker_helin import shoemaker_helin_dv_km_s
    from spacerace.astro.time import year_to_jd_tdb
    from spacerace.catalog.ephemeris import load_de421
    from spacerace.mining.capture import design_captures
    from spacerace.mining.destinations import get_destination

    cat = load_neas()
    rows, ref = matched(path, max_u=3)
    dv = shoemaker_helin_dv_km_s(cat.a_au[rows], cat.ecc[rows], np.radians(cat.inc_deg[rows]))
    easiest = np.argsort(dv, kind="stable")[:n]
    rows, ref = rows[easiest], ref[easiest]
    ours = {
        "a_au": cat.a_au[rows], "ecc": cat.ecc[rows], "inc_deg": cat.inc_deg[rows],
        "node_deg": cat.node_deg[rows], "peri_deg": cat.peri_deg[rows],
        "mean_anomaly_deg": cat.mean_anomaly_deg[rows], "epoch_jd": cat.epoch_jd_tt[rows],
    }  # fmt: skip
    names = ("a_au", "ecc", "inc_deg", "node_deg", "peri_deg", "mean_anomaly_deg")
    theirs = dict(zip(names, ref.T, strict=True), epoch_jd=np.full(rows.size, REFERENCE_EPOCH))
    print(f"capture design from MPC 2025 vs JPL 2020 elements, {rows.size} objects:")
    for year in (2020, 2003):
        d = [
            design_captures(el, float(year_to_jd_tdb(year)), get_destination("earth-moon"),
                            load_de421(), return_ratio=np.full(rows.size, 100.0), isp_s=850.0)
            for el in (ours, theirs)
        ]  # fmt: skip
        out = np.abs(d[0].min_outbound_km_s - d[1].min_outbound_km_s)
        back = np.abs(d[0].min_return_km_s - d[1].min_return_km_s)
        total = np.abs(d[0].dv_total_km_s - d[1].dv_total_km_s)
        print(
            f"  from {year}: best outbound differs by median {np.median(out):.3f} "
            f"(max {out.max():.3f}), best return {np.median(back):.3f} (max {back.max():.3f}), "
            f"chosen mission total {np.median(total):.3f} (max {total.max():.3f}) km/s"
        )


def main(path: str) -> None:
    """Print the drift tables and the design sensitivity."""
    _table(path, REFERENCE_EPOCH, "two-body 2025-11-21 -> 2020-05-31 (5.5 years) vs JPL 2020")
    _table(path, 2452640.5, "2025 and 2020 elements both propagated to 2003-01-01")
    design_sensitivity(path)


def _table(path: str, at_jd: float, title: str) -> None:
    err, moid, labels = drift_km(path, at_jd)
    print(f"{err.size} objects (U <= 5), {title}")
    for name, mask in (
        ("Earth MOID < 0.05 AU", moid < 0.05),
        ("Earth MOID >= 0.05 AU", moid >= 0.05),
        ("all", np.ones_like(moid, dtype=bool)),
    ):
        p = np.percentile(err[mask], [50, 90, 99]) / 1e3
        print(
            f"{name:24s} n={mask.sum():5d}  median {p[0]:9.0f}  90% {p[1]:9.0f}  "
            f"99% {p[2]:9.0f} thousand km  ({np.median(err[mask]) / AU_KM:.5f} AU median)"
        )
    for name in (
        "(433) Eros",
        "(1685) Toro",
        "(1862) Apollo",
        "(1566) Icarus",
        "(4179) Toutatis",
        "(101955) Bennu",
        "(99942) Apophis",
        "(162173) Ryugu",
    ):
        if name in labels:
            k = labels.index(name)
            print(f"  {name}: {err[k]:,.0f} km (MOID {moid[k]:.4f} AU)")
    for k in np.argsort(err)[-3:]:
        print(f"  worst: {labels[k]}: {err[k] / 1e6:.1f} million km (MOID {moid[k]:.4f} AU)")


if __name__ == "__main__":
    main(
        sys.argv[1]
        if len(sys.argv) > 1
        else "../shared/data/asteroids/jpl_sbdb_neo_sample_2020-05.csv"
    )
