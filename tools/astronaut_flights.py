"""Add each person's mission years and pilot seat to ``catalog/data/astronauts.csv``.

    .venv/bin/python tools/astronaut_flights.py   # rewrites the two columns in place

From the shared Stavnichuk & Corlett table (one row per person per mission,
``/work/shared/data/astronauts/astronaut_missions_stavnichuk_corlett_1961-2019.csv``):

- ``mission_years``: the person's ``year_of_mission`` values, sorted, joined with ``;``
  (``1962;1998`` for Glenn): the engine counts the flights flown before a scenario starts;
- ``pilot``: ``true`` if any of the person's rows has ``occupation`` ``commander`` or
  ``pilot`` (any case), else ``false``: trained to fly the spacecraft, so a commander.

Names are matched as the file was made (PROVENANCE.md): "Last, First[, Suffix]" becomes
"First Last[ Suffix]", then ``spacerace.world.wording.written_name`` writes it as the
chronicle shows it: a suffix at the end ("Jr. Charles Moss Duke" -> "Charles M. Duke
Jr."), a U.S. astronaut's middle names as initials, two rows the source has surname first
put right. The name column is rewritten with it (idempotent), every other column kept,
rows sorted by (year_of_selection, name) as the loader reads them.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from spacerace.world.wording import written_name  # noqa: E402

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
            name = written_name(package_name(row["name"]), row["nationality"])
            years[name].append(int(row["year_of_mission"]))
            pilot[name] |= row["occupation"].strip().lower() in PILOT_SEATS
    with TARGET.open(encoding="utf-8") as f:
        reader = csv.DictReader(f)
        base = [c for c in reader.fieldnames or [] if c not in ("mission_years", "pilot")]
        rows = list(reader)
    for r in rows:
        r["name"] = written_name(r["name"], r["nationality"])
    rows.sort(key=lambda r: (int(r["year_of_selection"]), r["name"]))
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
