"""People statistics over many seeds: non-flight deaths, injuries, first-flight age, commanders.

    PYTHONPATH=src .venv/bin/python tools/people_stats.py --seeds 200 --workers 2

(``PYTHONPATH`` picks the tree measured: another worktree's ``src`` measures that commit.)

For each built-in scenario named (default ``history`` and ``for-all-mankind``) plays seeds
0..N-1 and prints, per run then summarised (mean and 5-95 % range):

- non-flight deaths: ``death`` events of the random-events process (cause "non-flight death
  rate ...");
- injuries: ``injury`` events;
- mean age at first flight: for each person's first crewed mission that flew (status not
  ``planned``), departure year minus year of birth, over all people of all runs; a person who
  had flown before the scenario starts (next item) is left out: that flight is not in the run;
- flights before the start: for real people, their missions in the shared Stavnichuk &
  Corlett table dated before the start year (the same count for every tree measured);
- share of crewed flights whose commander (first seat) had flown before: had flown = flights
  at the start plus earlier missions of the run (by order of commitment) that the person
  survived (``success`` or ``failed``); with the share among the flights whose candidate
  pool (the ``pick_crew`` question's options) held anyone who had flown.

Nothing here changes the engine; it reads the run's log, decisions and final world.
"""

from __future__ import annotations

import argparse
import csv
import functools
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from spacerace.scenario.loader import load_scenario
from spacerace.sim.engine import make_planner, run_timeline
from spacerace.sim.setup import build_world

SOURCE = Path("/work/shared/data/astronauts/astronaut_missions_stavnichuk_corlett_1961-2019.csv")


@functools.cache
def _scenario(name: str):
    """The scenario and one planner for it, made once per worker (windows cost ~1 s)."""
    scenario = load_scenario(name)
    return scenario, make_planner(scenario)


def _key(name: str) -> tuple[str, str]:
    """(last name, first initial), lower case, suffixes dropped: "Jim Lovell" is Lovell."""
    words = [w for w in name.replace(".", " ").split() if w.lower() not in _SUFFIXES]
    return (words[-1].lower(), words[0][:1].lower()) if words else ("", "")


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


@functools.cache
def _mission_years() -> dict[tuple[str, str], list[int]]:
    """Name key -> years of the person's real missions (keys two people share: left out)."""
    years: dict[tuple[str, str], list[int]] = {}
    owner: dict[tuple[str, str], str] = {}
    shared = set()
    with SOURCE.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            parts = [p.strip() for p in row["name"].split(",")]
            key = _key(parts[0] if len(parts) == 1 else " ".join([parts[1], parts[0]]))
            if owner.setdefault(key, row["name"]) != row["name"]:
                shared.add(key)
            years.setdefault(key, []).append(int(row["year_of_mission"]))
    return {k: v for k, v in years.items() if k not in shared}


def one_run(args: tuple[str, int]) -> dict:
    """The statistics of one seed of one scenario."""
    name, seed = args
    scenario, planner = _scenario(name)
    start_year = int(scenario.start[:4])
    start_flights = {  # the same measure for every tree: the real record before the start
        n: sum(y < start_year for y in _mission_years().get(_key(n), ())) if p.real else 0
        for n, p in build_world(scenario).people.items()
    }
    result = run_timeline(scenario, seed, planner=planner)
    world = result.world
    deaths = sum(1 for e in result.log if e.kind == "death" and "non-flight death" in e.cause)
    injuries = sum(1 for e in result.log if e.kind == "injury")
    flown = dict(start_flights)
    ages = []
    seen: set[str] = set()  # people whose first flight of the run is counted
    commander_flown = with_veteran = commander_flown_of_veteran = crewed = 0
    picks = [d for d in result.decisions if d.question.kind == "pick_crew"]
    pools = {tuple(d.answer): d.question.options for d in picks}
    for m in world.missions:  # in order of commitment
        if not m.crew or m.status == "planned":
            continue
        crewed += 1
        pool = pools.get(tuple(m.crew), m.crew)
        had = flown.get(m.crew[0], 0) > 0
        commander_flown += had
        if any(flown.get(n, 0) > 0 for n in pool):
            with_veteran += 1
            commander_flown_of_veteran += had
        for n in m.crew:
            p = world.people[n]
            if n not in seen and start_flights.get(n, 0) == 0:
                ages.append(int(result_year(result, m.plan.depart_day)) - p.born_year)
            if m.status in ("success", "failed"):
                flown[n] = flown.get(n, 0) + 1
            seen.add(n)
    return {
        "deaths": deaths,
        "injuries": injuries,
        "ages": ages,
        "crewed": crewed,
        "commander_flown": commander_flown,
        "with_veteran": with_veteran,
        "commander_flown_of_veteran": commander_flown_of_veteran,
    }


def result_year(result, day: float) -> float:
    """Decimal year of a day of the run (its whole part is the calendar year)."""
    return 2000.0 + (result.scenario.start_jd_tdb + day - 2451544.5) / 365.25


def summarise(name: str, seeds: int, workers: int) -> str:
    """The summary lines of one scenario."""
    with ProcessPoolExecutor(workers) as pool:
        runs = list(pool.map(one_run, [(name, s) for s in range(seeds)], chunksize=4))
    lines = [f"## {name} ({seeds} seeds)"]
    for key in ("deaths", "injuries"):
        v = np.array([r[key] for r in runs], dtype=float)
        lo, hi = np.percentile(v, [5, 95])
        lines.append(f"{key}: mean {v.mean():.2f}, 5-95 % {lo:g}-{hi:g}")
    ages = np.array([a for r in runs for a in r["ages"]])
    lines.append(f"age at first flight: mean {ages.mean():.1f} years over {len(ages)} people")
    crewed = sum(r["crewed"] for r in runs)
    flown = sum(r["commander_flown"] for r in runs)
    vet = sum(r["with_veteran"] for r in runs)
    flown_vet = sum(r["commander_flown_of_veteran"] for r in runs)
    lines.append(
        f"commander had flown: {flown / crewed:.1%} of {crewed} crewed flights; "
        f"{flown_vet / max(vet, 1):.1%} of the {vet} whose pool held someone who had flown"
    )
    return "\n".join(lines)


def main() -> int:
    """Print the summaries."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("scenarios", nargs="*", default=["history", "for-all-mankind"])
    args = parser.parse_args()
    for name in args.scenarios:
        print(summarise(name, args.seeds, args.workers), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
