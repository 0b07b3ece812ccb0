"""Build ``src/spacerace/catalog/data/neas.npz`` from the shared asteroid data files.

Run from the repository root (the files are those of ../shared/data/asteroids/, described in
../shared/data/PROVENANCE.md):

    .venv/bin/python tools/build_neas.py ../shared/data/asteroids

It keeps the columns spacerace uses from the MPC "NEA extended" file (one row per object,
in the file's order), joins JPL SBDB physical data (diameter, albedo, spectral classes, JPL's
Earth MOID) and the PDS asteroid taxonomy, computes the Earth MOID of every orbit with
:func:`spacerace.astro.moid.planar_moid_au`, and writes one compressed NumPy archive with a
column per array (no pickles). The result is described in catalog/data/PROVENANCE.md.
"""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

import numpy as np

from spacerace.astro.moid import planar_moid_au

OUT = Path(__file__).resolve().parent.parent / "src/spacerace/catalog/data/neas.npz"
MPC = "mpc_nea_extended_2026-02-12.csv.gz"
JPL = "jpl_sbdb_pha_physical_2025-10.csv"
PDS = "pds_asteroid_taxonomy_v6_neese2010.csv"
ORBIT_TYPES = ("Aten", "Apollo", "Amor", "Atira", "Distant Object")


def _float(text: str) -> float:
    return float(text) if text.strip() else np.nan


def _first_obs_year(row: dict) -> int:
    """First year of observation: from ``arc_years`` or last_obs minus the arc length."""
    if row["arc_years"].strip():
        return int(row["arc_years"].split("-")[0])
    last = np.datetime64(row["last_obs"].strip())
    first = last - np.timedelta64(int(round(float(row["arc_length_days"]))), "D")
    return int(str(first)[:4])


def _uncertainty(text: str) -> int:
    text = text.strip()
    return int(text) if text.isdigit() else -1  # blank or "E" (assumed eccentricity)


def read_mpc(path: Path) -> dict[str, np.ndarray]:
    """Read the MPC file into column arrays."""
    cols: dict[str, list] = {
        k: []
        for k in (
            "designation",
            "number",
            "name",
            "epoch_jd_tt",
            "a_au",
            "ecc",
            "inc_deg",
            "node_deg",
            "peri_deg",
            "mean_anomaly_deg",
            "h_mag",
            "first_obs_year",
            "u_param",
            "orbit_type",
            "pha",
        )
    }
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            cols["designation"].append(row["principal_desig"].strip())
            cols["number"].append(int(row["number"]) if row["number"].strip() else 0)
            cols["name"].append(row["name"].strip())
            cols["epoch_jd_tt"].append(float(row["epoch_jd_tt"]))
            cols["a_au"].append(float(row["a_au"]))
            cols["ecc"].append(float(row["e"]))
            cols["inc_deg"].append(float(row["i_deg"]))
            cols["node_deg"].append(float(row["node_deg"]))
            cols["peri_deg"].append(float(row["peri_deg"]))
            cols["mean_anomaly_deg"].append(float(row["M_deg"]))
            cols["h_mag"].append(_float(row["H_mag"]))
            cols["first_obs_year"].append(_first_obs_year(row))
            cols["u_param"].append(_uncertainty(row["U"]))
            cols["orbit_type"].append(ORBIT_TYPES.index(row["orbit_type"].strip()))
            cols["pha"].append(row["pha_flag"].strip() == "1")
    dtypes = {
        "number": np.int32,
        "first_obs_year": np.int16,
        "u_param": np.int8,
        "orbit_type": np.int8,
        "pha": bool,
    }
    return {
        k: np.array(v, dtype=dtypes.get(k)) if k in dtypes else np.array(v) for k, v in cols.items()
    }


def _key(number: int, designation: str) -> str:
    return str(number) if number else designation


def join_jpl(cols: dict[str, np.ndarray], path: Path) -> None:
    """Add JPL's diameter, albedo, spectral classes and MOID where the object is in the file."""
    rows = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows[row["pdes_derived"].strip()] = row
    n = cols["a_au"].size
    diameter, albedo, moid = (np.full(n, np.nan) for _ in range(3))
    spec_b, spec_t = np.full(n, "", dtype="<U6"), np.full(n, "", dtype="<U6")
    for k in range(n):
        row = rows.get(_key(int(cols["number"][k]), str(cols["designation"][k])))
        if row is None:
            continue
        diameter[k] = _float(row["diameter"])
        albedo[k] = _float(row["albedo"])
        moid[k] = _float(row["moid"])
        spec_b[k], spec_t[k] = row["spec_B"].strip(), row["spec_T"].strip()
    cols.update(
        jpl_diameter_km=diameter, jpl_albedo=albedo, jpl_moid_au=moid, spec_b=spec_b, spec_t=spec_t
    )


def join_pds(cols: dict[str, np.ndarray], path: Path) -> None:
    """Add the PDS taxonomy class (Bus-DeMeo, else Bus, else SMASS, else Tholen)."""
    classes = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for scheme in ("bus_demeo_class", "bus_class", "smass_class", "tholen_class"):
                value = row[scheme].strip()
                if value and value != "-":
                    break
            else:
                continue
            number = int(row["ast_number"])
            key = str(number) if number else row["prov_id"].strip().replace("_", " ")
            classes[key] = value
    cols["pds_class"] = np.array(
        [
            classes.get(_key(int(num), str(des)), "")
            for num, des in zip(cols["number"], cols["designation"], strict=True)
        ],
        dtype="<U6",
    )


def main(folder: str) -> None:
    """Build the archive from the three files in ``folder``."""
    src = Path(folder)
    cols = read_mpc(src / MPC)
    join_jpl(cols, src / JPL)
    join_pds(cols, src / PDS)
    cols["earth_moid_au"] = planar_moid_au(
        cols["a_au"],
        cols["ecc"],
        *(np.radians(cols[k]) for k in ("inc_deg", "node_deg", "peri_deg")),
    )
    np.savez_compressed(OUT, **cols)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.2f} MB, {cols['a_au'].size} objects)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/asteroids")
