"""Calibration facts: a run reduced to the small numbers the calibration report compares.

:func:`facts_of` reads one :class:`~spacerace.sim.result.RunResult` (its missions, firsts,
event log and yearly metrics) into a small picklable dict; :func:`ensemble_facts` does it
for many seeds in worker processes, each with one shared mission planner, so only these
dicts travel back. ``tools/calibrate.py`` (``make calibrate``) and
``tests/calibration`` read the dicts; nothing here tunes the engine.

Everything is computed from the run's facts, never from its prose, except the one place
the log has no other mark: a ground accident is a ``death`` event whose text says
"training accident" (``sim.world_events``). The extraction is kept in this one module so it
can switch to a per-flight facts table when the engine has one.

A year is the calendar year of a day (``sim.calendar.Calendar``); a budget is the one in
force at a year's end, which the 1 October appropriation set for the next fiscal year: the
metrics row of year ``Y`` is fiscal year ``Y + 1``.
"""

from __future__ import annotations

import concurrent.futures as cf
import math
import multiprocessing
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from spacerace.sim.calendar import Calendar
from spacerace.world.mission_kinds import MISSION_KINDS

if TYPE_CHECKING:
    from spacerace.scenario.model import Scenario
    from spacerace.sim.result import RunResult

__all__ = [
    "BUDGET_SPANS",
    "TRAINING_ACCIDENT",
    "band",
    "cast_facts",
    "count_landings",
    "ensemble_facts",
    "facts_of",
    "first",
    "landed",
    "many_ensemble_facts",
    "real_span_total",
    "span_total",
]

TRAINING_ACCIDENT = "training accident"
"""What the text of a ground-accident ``death`` event says (``sim.world_events``)."""

CANON_EVENTS = (
    "armed_standoff",
    "armed_clash",
    "site_seized",
    "deescalation",
    "front_opened",
    "first_revealed",
    "company_bankrupt",
    "company_taken_over",
    "launch_sold",
    "rescue",
    "state_collapse",
    "treaty",
)
"""Event kinds whose first year a run's facts keep (the series' canon items, issue 12)."""

BUDGET_SPANS = tuple((y, min(y + 4, 2003)) for y in range(1970, 2004, 5))
"""Fiscal-year spans the budget is compared over: 1970-74, 1975-79, ..., 2000-03."""

CHUNK_SEEDS = 10
"""Seeds per worker task (as ``ensemble.backends.CHUNK_SEEDS``: a round trip costs ~1 ms)."""


def landed(mission) -> bool:
    """True if a crewed mission touched down on a surface (its landing phase was done).

    Example:
        >>> from types import SimpleNamespace as NS
        >>> landed(NS(kind="lunar_landing", crew=("A",), phases_done=["transfer", "landing"]))
        True
        >>> landed(NS(kind="lunar_landing", crew=("A",), phases_done=["transfer"]))
        False
    """
    kind = MISSION_KINDS.get(mission.kind)
    if kind is None or kind.body not in ("moon", "mars") or not mission.crew:
        return False
    return "landing" in mission.phases_done


def _arrived(mission) -> bool:
    kind = MISSION_KINDS.get(mission.kind)
    if kind is None:
        return False
    return any(p.arrives and p.name in mission.phases_done for p in kind.phases)


def _first_year(found: dict, key, year: int) -> None:
    if key not in found or year < found[key]:
        found[key] = year


def facts_of(result: RunResult) -> dict:
    """The calibration facts of one run, as a small dict of numbers and labels.

    Returns:
        ``seed``; ``event_kinds``: sorted kinds in the log; ``firsts``: milestone ->
        ``[agency, year, secret]``; ``landings``: ``{body: {agency: {year: crewed
        landings}}}`` by the year of touchdown (departure plus transit);
        ``station_years``: agency -> year its first crew reached a station (a
        ``space_station`` mission arrived); ``treaty_year``: year of the first ``treaty``
        event, or None; ``launches``: vehicle -> launches (test flights included);
        ``first_launch``: vehicle -> year of its first launch, or of its first mission's
        departure; ``programs_completed``: program -> ``[agency, year]`` of its first
        completion; ``collapse``: agency -> year of its ``state_collapse`` event;
        ``training_deaths``: ground-accident deaths; ``crew_lost``: agency -> people lost
        in flight; ``budget``: agency -> ``{fiscal year: M$}``; ``event_years``: event
        kind -> year of its first occurrence, for the kinds of :data:`CANON_EVENTS`;
        ``rescues``: body -> rescues there; ``crewed_agencies``: agencies that launched a
        crew; ``crewed_years``: agency -> the years in which a crew of it left (scrubbed
        flights left out); ``mars_departures``: ``[agency, day]`` of each crewed Mars
        mission that left;
        ``bases_founded``: agency -> body -> year of its first base there;
        ``public_firsts``: milestone -> ``[agency, year]`` of the first the world was told
        of (where the run keeps it apart from the true first); ``mars_base_population``:
        year -> residents of the first base founded on Mars at its last monthly step of
        that year (from the base rows; years before its founding are left out);
        ``mars_population``: year -> residents of all Mars bases so measured;
        ``mars_society``: item -> first year at the first Mars base (:data:`SOCIETY_KEYS`);
        ``capture_attempts``: ``[departure year, outcome]`` of each asteroid capture that
        left, in departure order (outcome: the failed phase, ``success`` or ``flying``);
        ``asteroid_deliveries``: ``[year, destination]`` of each ``asteroid_delivered``
        event, in log order (destination: its capture mission's, ``"mars-orbit"`` or
        ``"earth-moon"``);
        ``cast``: the scenario's named people, name -> :func:`cast_facts`.
    """
    cal = Calendar(result.world.start_jd_tdb)
    year = cal.year
    firsts = {
        key: [m.agency, year(m.day), bool(m.secret)]
        for key, m in sorted(result.world.milestones.items())
    }
    landings: dict = {}
    stations: dict = {}
    first_launch: dict = {}
    crewed: set = set()
    crewed_years: dict = {}
    mars_departures: list = []
    captures: list = []
    bound_for: dict = {}  # (agency, asteroid) -> where its capture delivers
    deliveries: list = []
    for m in result.world.missions:
        if m.status == "planned":
            continue
        if m.crew:
            crewed.add(m.agency)
            if m.failed_phase != "scrubbed":  # it left
                crewed_years.setdefault(m.agency, set()).add(year(m.plan.depart_day))
            if MISSION_KINDS[m.kind].body == "mars":
                mars_departures.append([m.agency, round(m.plan.depart_day, 1)])
        if landed(m):
            body = MISSION_KINDS[m.kind].body
            y = year(m.plan.depart_day + m.plan.transit_days)
            per_year = landings.setdefault(body, {}).setdefault(m.agency, {})
            per_year[y] = per_year.get(y, 0) + 1
        if m.kind == "space_station" and m.crew and _arrived(m):
            _first_year(stations, m.agency, year(m.plan.depart_day))
        for v in {m.vehicle, m.crew_vehicle} - {""}:
            _first_year(first_launch, v, year(m.plan.depart_day))
        if m.kind == "asteroid_capture":
            how = m.failed_phase if m.status in ("failed", "lost") else m.status
            captures.append((m.plan.depart_day, m.id, year(m.plan.depart_day), how))
            bound_for[m.agency, m.plan.target] = m.plan.destination
    launches: dict = {}
    programs: dict = {}
    collapse: dict = {}
    crew_lost: dict = {}
    treaty = None
    training = 0
    event_years: dict = {}
    rescues: dict = {}
    bases: dict = {}
    for e in result.log:
        kind = e.kind
        if kind in CANON_EVENTS:
            _first_year(event_years, kind, year(e.day))
        if kind == "rescue":
            where = next(
                (MISSION_KINDS[m.kind].body for m in result.world.missions if m.name in e.text),
                "",
            )
            rescues[where] = rescues.get(where, 0) + 1
        if kind == "base_founded" and e.agency:
            body = (
                result.world.bases[e.data["base"]].body
                if e.data.get("base") in (result.world.bases)
                else ""
            )
            if body:
                bases.setdefault(e.agency, {}).setdefault(body, year(e.day))
        if kind == "launch":
            v = e.data.get("vehicle")
            if v:
                launches[v] = launches.get(v, 0) + 1
                _first_year(first_launch, v, year(e.day))
        elif kind == "program_completed":
            p = e.data.get("program")
            if p and p not in programs:
                programs[p] = [e.agency, year(e.day)]
        elif kind == "crew_lost":
            n = int(e.data.get("count", len(e.actors)))
            crew_lost[e.agency] = crew_lost.get(e.agency, 0) + n
        elif kind == "death" and TRAINING_ACCIDENT in e.text:
            training += 1
        elif kind == "asteroid_delivered":
            where = bound_for.get((e.agency, e.data.get("target")), "")
            deliveries.append([year(e.day), where])
        elif kind == "treaty" and treaty is None:
            treaty = year(e.day)
        elif kind == "state_collapse":
            who = e.agency or e.data.get("agency")
            if who:
                _first_year(collapse, who, year(e.day))
    mars_first, mars_all = _mars_population(result, year)
    society = _society_years(result, year)
    budget: dict = {}
    for row in result.metrics:
        budget.setdefault(row["agency"], {})[row["year"] + 1] = float(row["budget_musd"])
    return {
        "seed": result.seed,
        "event_kinds": sorted({e.kind for e in result.log}),
        "firsts": firsts,
        "landings": landings,
        "station_years": stations,
        "treaty_year": treaty,
        "launches": launches,
        "first_launch": first_launch,
        "programs_completed": programs,
        "collapse": collapse,
        "training_deaths": training,
        "crew_lost": crew_lost,
        "budget": budget,
        "event_years": event_years,
        "rescues": rescues,
        "crewed_agencies": sorted(crewed),
        "crewed_years": {k: sorted(v) for k, v in sorted(crewed_years.items())},
        "mars_departures": mars_departures,
        "bases_founded": bases,
        "mars_base_population": mars_first,
        "mars_population": mars_all,
        "mars_society": society,
        "capture_attempts": [[y, how] for _, _, y, how in sorted(captures)],
        "asteroid_deliveries": deliveries,
        "public_firsts": {
            key: [m.agency, year(m.day)]
            for key, m in sorted(getattr(result.world, "public_firsts", {}).items())
        },
        "cast": cast_facts(result, year),
    }


SOCIETY_KEYS = (
    "alliance",
    "union",
    "company_strike",
    "riot",
    "commander_replaced",
    "movement",
)
"""What ``mars_society`` dates at the first Mars base (the series' Happy Valley)."""


def _society_years(result: RunResult, year) -> dict[str, int]:
    """First year of each :data:`SOCIETY_KEYS` item at the first Mars base (none: absent).

    ``alliance``: an ``alliance`` event there; ``union``: ``union_formed``;
    ``company_strike``: a strike ``incident`` by a company's workers; ``riot``: a riot
    ``incident``; ``commander_replaced``; ``movement``: ``independence_movement``.
    """
    on_mars = [b for b in result.world.bases.values() if b.body == "mars"]
    if not on_mars:
        return {}
    first = min(on_mars, key=lambda b: (b.founded_day, b.name)).name
    agencies = getattr(result.world, "agencies", {})
    kinds = {
        "alliance": "alliance",
        "union_formed": "union",
        "commander_replaced": "commander_replaced",
        "independence_movement": "movement",
    }
    found: dict[str, int] = {}
    for e in result.log:
        if e.data.get("base") != first:
            continue
        key = kinds.get(e.kind)
        if e.kind == "incident":
            what = e.data.get("incident")
            if what == "riot":
                key = "riot"
            elif what == "strike" and e.agency in agencies and agencies[e.agency].is_private:
                key = "company_strike"
        if key:
            _first_year(found, key, year(e.day))
    return dict(sorted(found.items()))


def cast_facts(result: RunResult, year) -> dict[str, dict]:
    """What each of the scenario's named people did: roles, commands, landings, firsts, end.

    Returns:
        name -> ``roles``: role -> year first held (the start role: the start year);
        ``commanded``: body -> year of the first flight they commanded that left (the first
        seat, ``world.crew``); ``landed``: body -> year of their first touchdown;
        ``firsts``: milestones whose true first they were on; ``official_firsts``: those
        whose official first (the world's) they were on; ``died``: ``"flight"`` (a crew
        lost), ``"training"`` (a ground accident), ``"other"`` or ""; ``status`` at the end.
    """
    people = getattr(result.world, "people", {})
    scenario = getattr(result, "scenario", None)  # a hand-built run may have neither
    start = year(0.0)
    cast: dict[str, dict] = {}
    for spec in scenario.people if scenario is not None else ():
        p = people.get(spec.name)
        if p is None:
            continue
        first_role = next(
            (
                str(e.data.get("previous"))
                for e in result.log
                if e.kind == "career" and spec.name in e.actors
            ),
            p.post,
        )
        cast[spec.name] = {
            "roles": {first_role: start},
            "commanded": {},
            "landed": {},
            "firsts": sorted(
                k for k, m in result.world.milestones.items() if spec.name in m.people
            ),
            "official_firsts": sorted(
                k
                for k, m in getattr(result.world, "public_firsts", {}).items()
                if spec.name in m.people
            ),
            "died": "",
            "status": p.status,
        }
    for m in result.world.missions:
        if m.status == "planned" or not m.crew:
            continue
        body = MISSION_KINDS[m.kind].body
        if m.crew[0] in cast:
            cast[m.crew[0]]["commanded"].setdefault(body, year(m.plan.depart_day))
        if landed(m):
            for name in m.crew:
                if name in cast:
                    touchdown = year(m.plan.depart_day + m.plan.transit_days)
                    cast[name]["landed"].setdefault(body, touchdown)
    for e in result.log:
        named = [n for n in e.actors if n in cast]
        if not named:
            continue
        if e.kind == "career":
            cast[named[0]]["roles"].setdefault(str(e.data.get("role")), year(e.day))
        elif e.kind == "crew_lost":
            for n in named:
                cast[n]["died"] = "flight"
        elif e.kind == "death":
            for n in named:
                cast[n]["died"] = "training" if TRAINING_ACCIDENT in e.text else "other"
    for facts in cast.values():
        if facts["status"] == "dead" and not facts["died"]:
            facts["died"] = "other"
    return cast


def _mars_population(result: RunResult, year) -> tuple[dict[int, int], dict[int, int]]:
    """Year -> residents of the first Mars base, and of all, at their last step of the year."""
    on_mars = [b for b in result.world.bases.values() if b.body == "mars"]
    if not on_mars:
        return {}, {}
    first = min(on_mars, key=lambda b: (b.founded_day, b.name)).name
    names = {b.name for b in on_mars}
    last: dict[tuple[str, int], int] = {}
    for r in result.base_metrics:  # in time order: the last row of a year wins
        if r["base"] in names:
            last[r["base"], year(r["day"])] = r["population"]
    everyone: dict[int, int] = {}
    for (_, y), n in sorted(last.items()):
        everyone[y] = everyone.get(y, 0) + n
    return {y: n for (b, y), n in sorted(last.items()) if b == first}, everyone


def first(facts: dict, milestone: str) -> tuple[str, int] | None:
    """Who reached a milestone first in a run, and in what year (None: nobody).

    Example:
        >>> first({"firsts": {"space_station": ["soviet", 1971, False]}}, "space_station")
        ('soviet', 1971)
    """
    found = facts["firsts"].get(milestone)
    return None if found is None else (found[0], found[1])


def count_landings(facts: dict, body: str, agency: str, years: range | None = None) -> int:
    """Crewed landings of an agency on a body in a run, in some years (default: all).

    Example:
        >>> count_landings({"landings": {"moon": {"nasa": {1969: 2, 1975: 1}}}}, "moon",
        ...                "nasa", range(1969, 1973))
        2
    """
    per_year = facts["landings"].get(body, {}).get(agency, {})
    return sum(n for y, n in per_year.items() if years is None or y in years)


def span_total(facts: dict, agency: str, years: Iterable[int]) -> float | None:
    """An agency's budgets summed over fiscal years, M$ (None if a year is missing).

    Example:
        >>> span_total({"budget": {"nasa": {1970: 3.0, 1971: 4.0}}}, "nasa", [1970, 1971])
        7.0
    """
    per_year = facts["budget"].get(agency, {})
    values = [per_year.get(y) for y in years]
    return None if any(v is None for v in values) else float(sum(values))


def real_span_total(span: tuple[int, int]) -> float:
    """NASA's real appropriations summed over a span of fiscal years, then-year M$.

    Example:
        >>> real_span_total((1969, 1969))
        3995.0
    """
    from spacerace.catalog.budgets import nasa_appropriation_musd

    return float(sum(nasa_appropriation_musd(y) for y in range(span[0], span[1] + 1)))


def band(values: Sequence[float]) -> dict:
    """Median and 5-95 % range (``numpy.percentile``, linear) of some values.

    Example:
        >>> band([1, 2, 3, 4, 5])
        {'n': 5, 'median': 3.0, 'p5': 1.2, 'p95': 4.8, 'mean': 3.0}
    """
    if not len(values):
        return {"n": 0, "median": None, "p5": None, "p95": None, "mean": None}
    p5, med, p95 = (float(x) for x in np.percentile(np.asarray(values, float), [5, 50, 95]))
    return {
        "n": len(values),
        "median": med,
        "p5": round(p5, 6),
        "p95": round(p95, 6),
        "mean": float(np.mean(values)),
    }


# --- many seeds, in worker processes ---------------------------------------------------------


def _facts_in_worker(scenario: Scenario, seeds: list[int]) -> list[dict]:
    """A worker's task: play a chunk of seeds with the process's planner, keep the facts."""
    from spacerace.ensemble.backends import _worker_planner
    from spacerace.sim.engine import run_timeline

    planner = _worker_planner(scenario)
    return [facts_of(run_timeline(scenario, s, planner=planner)) for s in seeds]


def ensemble_facts(scenario: Scenario, seeds: Iterable[int], workers: int = 2) -> list[dict]:
    """The facts of each seed of a scenario, in seed order.

    With ``workers`` > 1 the seeds are played in a local process pool ('spawn'), each
    worker building the scenario's planner once (``ensemble.backends``) and returning only
    the facts; with 1 they are played here with one planner.

    Example:
        >>> from spacerace.scenario.loader import load_scenario
        >>> [f["seed"] for f in ensemble_facts(load_scenario("history"), [2, 1], workers=1)]
        [1, 2]
    """
    return many_ensemble_facts([(scenario, seeds)], workers)[0]


def many_ensemble_facts(
    jobs: Sequence[tuple[Scenario, Iterable[int]]], workers: int = 2
) -> list[list[dict]]:
    """:func:`ensemble_facts` of several scenarios in one pool: no worker waits between them.

    Returns:
        For each ``(scenario, seeds)`` job, its seeds' facts in seed order.
    """
    jobs = [(sc, sorted(int(s) for s in seeds)) for sc, seeds in jobs]
    total = sum(len(seeds) for _, seeds in jobs)
    if workers <= 1 or total <= 1:
        from spacerace.ensemble.backends import _warm_planner
        from spacerace.sim.engine import run_timeline

        out = []
        for sc, seeds in jobs:
            planner = _warm_planner(sc) if seeds else None
            out.append([facts_of(run_timeline(sc, s, planner=planner)) for s in seeds])
        return out
    from spacerace.ensemble.backends import _init_worker, _stop_workers

    size = max(1, min(CHUNK_SEEDS, math.ceil(total / (workers * 4))))
    pool = cf.ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(jobs[0][0], os.getpid()),
    )
    try:
        futures = [
            [pool.submit(_facts_in_worker, sc, seeds[i : i + size])
             for i in range(0, len(seeds), size)]
            for sc, seeds in jobs
        ]  # fmt: skip
        out = [[f for future in job for f in future.result()] for job in futures]
    except BaseException:  # Ctrl-C, a lost worker: stop now, not after the queued chunks
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return [sorted(found, key=lambda f: f["seed"]) for found in out]
