"""Calibration: ensembles of every built-in scenario beside the real record or the canon.

    .venv/bin/python tools/calibrate.py            # make calibrate: 200 seeds each
    .venv/bin/python tools/calibrate.py --seeds 40 --out /tmp/cal.md

Plays seeds 0..N-1 of each built-in scenario (processes backend, 2 workers; the store is
an in-memory one, nothing is written but the report), summarises them with the ensemble
summary (``ensemble.summary``: first shares with 95 % Wilson intervals, year quantiles),
and writes docs/calibration.md: for each milestone, who was first in what share of runs and
in what median year, beside the reference — the real record for ``history`` (WORLD.md's
"real record" paragraph: Apollo 11 in 1969, Salyut 1 the first station in 1971, no lunar
base, no woman on the Moon, no crewed Mars, no capture) and the series' canon for
``for-all-mankind`` and ``star-city`` (Leonov 1969, Belikova the first woman on the Moon in
1969, Jamestown 1973, Lee Jung-gil secretly first on Mars 1995, Happy Valley 1995, the
first successful capture 2003). The references are written below as data, each with where
it comes from; nothing here tunes the engine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from spacerace.ensemble.memory import MemoryStore
from spacerace.ensemble.runner import run_ensemble
from spacerace.ensemble.summary import rows_from_records, summarize
from spacerace.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ("history", "for-all-mankind", "star-city")

REAL = {  # milestone -> (agency or "nobody", year or None): the real record (WORLD.md)
    "crewed_lunar_landing": ("nasa", 1969),  # Apollo 11, 20 July 1969
    "woman_on_moon": ("nobody", None),
    "space_station": ("soviet", 1971),  # Salyut 1, April 1971
    "lunar_base": ("nobody", None),
    "crewed_mars_landing": ("nobody", None),
    "mars_base": ("nobody", None),
    "asteroid_capture": ("nobody", None),
}
CANON = {  # milestone -> (agency, year): For All Mankind (WORLD.md, the series' timeline)
    "crewed_lunar_landing": ("soviet", 1969),  # Leonov, 26 June 1969 (scripted divergence)
    "woman_on_moon": ("soviet", 1969),  # Anastasia Belikova, later in 1969
    "space_station": ("—", None),  # the series does not date a first station
    "lunar_base": ("nasa", 1973),  # Jamestown, October 1973 (Zvezda 1974)
    "crewed_mars_landing": ("dprk", 1995),  # Lee Jung-gil, secretly; Poole officially
    "mars_base": ("nasa", 1995),  # Happy Valley, 1995
    "asteroid_capture": ("nasa", 2003),  # Goldilocks captured into Mars orbit, 2003
}
REFERENCE = {"history": ("real record", REAL)}


def summarise(name: str, seeds: int, workers: int) -> dict:
    """The ensemble summary of seeds 0..seeds-1 of a built-in scenario."""
    scenario = load_scenario(name)
    store = MemoryStore()
    backend = "processes" if workers > 1 else "serial"
    run_ensemble(scenario, seeds, store, backend=backend, workers=workers)
    return summarize(rows_from_records(store.records()))


def _first(entry_list: list[dict]) -> dict:
    """The entry of the agency first most often (ties: the earlier listed)."""
    return max(entry_list, key=lambda e: e["runs"])


def format_scenario(name: str, summary: dict) -> str:
    """One scenario's table in Markdown."""
    label, ref = REFERENCE.get(name, ("canon", CANON))
    lines = [
        f"## {name} ({summary['runs']} seeds, {summary['seeds'][0]}-{summary['seeds'][-1]})",
        "",
        f"| milestone | {label} | most often first (share, 95 % CI) | its median year "
        "(5-95 %) | shares of all |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in summary["milestones"]:
        who, year = ref[row["milestone"]]
        top = _first(row["first"])
        y = top["year"]
        has_year = y.get("median") is not None
        years = f"{y['median']:g} ({y['p5']:g}-{y['p95']:g})" if has_year else "—"
        shares = ", ".join(
            f"{e['agency']} {e['share']:.0%}" for e in row["first"] if e["runs"]
        )
        lines.append(
            f"| {row['milestone']} | {who}{f' {year}' if year else ''} | {top['agency']} "
            f"{top['share']:.1%} ({top['ci95'][0]:.1%}-{top['ci95'][1]:.1%}) | {years} | "
            f"{shares} |"
        )
    crew = summary["crew_lost"]
    lines += ["", f"Crew lost in flight per run: mean {crew['mean']:.2f} "
              f"(95 % CI {crew['ci95'][0]:.2f}-{crew['ci95'][1]:.2f}).", ""]  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Play the ensembles and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=200, help="seeds per scenario (200)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (2)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "calibration.md")
    args = parser.parse_args(argv)
    parts = []
    t0 = time.perf_counter()
    for name in SCENARIOS:
        parts.append(format_scenario(name, summarise(name, args.seeds, args.workers)))
        print(f"calibrate: {name} done after {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    head = f"""# Calibration

Written by `make calibrate` (`tools/calibrate.py --seeds {args.seeds}`): seeds 0..{args.seeds - 1}
of each built-in scenario, to their scenario's end year. For each milestone: the reference
(the real record for `history`, the series' canon for the others; sources in the tool),
the agency first most often with its share of runs and 95 % Wilson interval, the median
year of those firsts with the 5-95 % range, and every agency's share ("nobody": not reached
before the scenario ends). Secret firsts count as firsts here. The references are not
targets the engine is tuned to: they say how far the mechanisms are from the record.

"""
    args.out.write_text(head + "\n".join(parts), encoding="utf-8")
    print(f"calibrate: wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
