"""Add each person's mission years and pilot seat to ``catalog/data/astronauts.csv``.

    .venv/bin/python tools/astronaut_flights.py   # rewrites the two columns in place

From the shared Stavnichuk & Corlett table (one row per person per mission,
``/work/shared/data/astronauts/astronaut_missions_stavnichuk_corlett_1961-2019.csv``):

- ``mission_years``: the person's ``year_of_mission`` values, sorted, joined with ``;``
  (``1962;1998`` for Glenn): the engine counts the flights flown before a scenario starts;
- ``pilot``: ``true`` if any of the person's rows has ``occupation`` ``commander`` or
  ``pilot`` (any case), else ``false``: trained to fly the spacecraft, so a commander.

Names are matched as the file was made (PROVENANCE.md): "Last, First[, Suffix]" becomes
"First Last[ Suffix]". Every other column and the row order are kept.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path("/work/shared/data/astronauts/astronaut_missions_stavnichuk_corlett_1961-2019.csv")
TARGET = ROOT / "src" / "spacerace" / "catalog" / "data" / "astronauts.csv"
PILOT_SEATS = {"commander", "pilot"}


def package_name(source_name: str) -> str:
    """Turn the source's "Glenn, John H., Jr." into "John H. Glenn Jr." (no comma: kept)."""
    parts = [p.strip() for p in source_name.split(",")]
    if len(parts) == 1:
        return parts[0]
    return " ".join([parts[1], parts[0], *parts[2:]])


def main() -> int:
    """Rewrite the two columns of astronauts.csv from the source."""
    years: dict[str, list[int]] = defaultdict(list)
    pilot: dict[str, bool] = defaultdict(bool)
    with SOURCE.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = package_name(row["name"])
            years[name].append(int(row["year_of_mission"]))
            pilot[name] |= row["occupation"].strip().lower() in PILOT_SEATS
    with TARGET.open(encoding="utf-8") as f:
        reader = csv.DictReader(f)
        base = [c for c in reader.fieldnames or [] if c not in ("mission_years", "pilot")]
        rows = list(reader)
    missing = [r["name"] for r in rows if r["name"] not in years]
    if missing:
        raise SystemExit(f"not in the source: {missing}")
    with TARGET.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, [*base, "mission_years", "pilot"], lineterminator="\n")
        writer.writeheader()
        for r in rows:
            out = {c: r[c] for c in base}
            out["mission_years"] = ";".join(str(y) for y in sorted(years[r["name"]]))
            out["pilot"] = "true" if pilot[r["name"]] else "false"
            writer.writerow(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
