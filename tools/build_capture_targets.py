"""Build ``src/spacerace/catalog/data/capture_targets.csv``: the best asteroid captures by year.

Run from the repository root:

    .venv/bin/python tools/build_capture_targets.py

For every year 1970-2044 and both destinations (``mars-orbit``, ``earth-moon``) it runs
:func:`spacerace.mining.rank_candidates` over the objects known that year (designs for the
best :data:`N_DESIGN` by screening, departures over :data:`GRID`'s three years) and keeps
the best :data:`TOP`. The engine reads this table instead of designing trajectories in
every run (a design costs seconds; a timeline, a tenth of one); the table is what the
machinery gives, and ``tests/catalog/test_capture_targets.py`` re-designs one year and
checks it against the table.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from spacerace.mining import rank_candidates
from spacerace.mining.capture import SearchGrid

OUT = Path(__file__).resolve().parent.parent / "src/spacerace/catalog/data/capture_targets.csv"
YEARS = range(1970, 2045)
DESTINATIONS = ("mars-orbit", "earth-moon")
TOP = 3
N_DESIGN = 20
GRID = SearchGrid(span_days=1096.0, step_days=10.0, tof_step_days=20.0)
"""Departures over three years from 1 January, 10-day steps, 20-day time-of-flight steps."""
COLUMNS = (
    "year", "destination", "rank", "designation", "label", "spectral_class", "group",
    "diameter_m", "mass_kg", "returned_kg", "metal_kg", "water_kg", "volatiles_kg", "pgm_kg",
    "dv_outbound_km_s", "dv_return_km_s", "dv_total_km_s", "depart_jd_tdb",
    "rendezvous_jd_tdb", "leave_jd_tdb", "arrive_jd_tdb", "value_musd", "cost_musd",
    "profit_musd", "dollar_year", "close_earth",
)  # fmt: skip


def rows():
    """Yield one dict per (year, destination, rank)."""
    for year in YEARS:
        for dest in DESTINATIONS:
            t0 = time.perf_counter()
            found = rank_candidates(year, dest, TOP, n_design=N_DESIGN, grid=GRID)
            print(f"{year} {dest}: {len(found)} in {time.perf_counter() - t0:.1f} s",
                  file=sys.stderr)  # fmt: skip
            for rank, c in enumerate(found, start=1):
                row = {k: getattr(c, k) for k in COLUMNS if hasattr(c, k)}
                row.update(year=year, destination=dest, rank=rank)
                yield {k: (f"{v:.6g}" if isinstance(v, float) and "jd" not in k else v)
                       for k, v in row.items()}  # fmt: skip


def main() -> None:
    """Write the table."""
    with OUT.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows():
            writer.writerow(row)
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
