"""ensemble.calibration.facts_of: a hand-built run read exactly, and one played seed
checked against what its log, people, vehicles and metrics say independently."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest

from spacerace.astro.time import iso_to_jd_tdb, jd_tdb_to_iso
from spacerace.ensemble.calibration import (
    count_landings,
    ensemble_facts,
    facts_of,
    first,
    span_total,
)
from spacerace.sim.calendar import Calendar
from spacerace.world.event import Event, EventLog
from spacerace.world.mission import Mission, MissionPlan
from spacerace.world.world import Milestone

START = iso_to_jd_tdb("1969-01-01")
CAL = Calendar(START)


def _plan(day, transit=3.0):
    return MissionPlan(
        delta_v_km_s=6.0,
        imleo_kg=1e5,
        launches=1,
        depart_day=day,
        transit_days=transit,
        surface_days=1.0,
        c3_km2_s2=0.0,
        cost_musd=100.0,
    )


ROUND_TRIP = ("transfer", "landing", "return")
CAPTURE = ("transfer", "capture", "return")


def _mission(n, agency, kind, day, status, phases, vehicle="saturn_v", crew=("A", "B")):
    return Mission(
        id=f"{agency}-{n:04d}",
        agency=agency,
        kind=kind,
        name=f"{agency} {n}",
        vehicle=vehicle,
        crew=crew,
        plan=_plan(day),
        status=status,
        phases_done=list(phases),
    )


@pytest.fixture
def tiny():
    d = CAL.day_of
    missions = [
        # Apollo 11-like, and one launched 29 December 1969 that lands in 1970
        _mission(1, "nasa", "lunar_landing", d(1969, 7, 16), "success", ROUND_TRIP),
        _mission(2, "nasa", "lunar_landing", d(1969, 12, 29), "success", ROUND_TRIP),
        # Apollo 13-like: aborted in transfer, no landing
        _mission(3, "nasa", "lunar_landing", d(1970, 4, 11), "failed", ["transfer"]),
        # lost on ascent after touching down: it landed
        _mission(4, "soviet", "lunar_landing", d(1972, 5, 1), "lost", ["transfer", "landing"]),
        # uncrewed: never a crewed landing
        _mission(5, "nasa", "lunar_landing", d(1971, 1, 1), "success", ROUND_TRIP, crew=()),
        # still planned at the end: not flown
        _mission(6, "nasa", "lunar_landing", d(1972, 1, 1), "planned", []),
        _mission(7, "soviet", "space_station", d(1971, 6, 6), "success", ["orbit"]),
        _mission(8, "nasa", "space_station", d(1973, 5, 25), "success", ["orbit"]),
        _mission(9, "nasa", "earth_orbit", d(1981, 4, 12), "success", ["orbit"], "space_shuttle"),
        # planned after, flown before: attempts are in departure order
        _mission(10, "soviet", "asteroid_capture", d(2004, 1, 1), "success", CAPTURE, crew=()),
        _mission(
            11, "soviet", "asteroid_capture", d(2003, 1, 1), "failed", ["transfer"], crew=()
        ),  # fmt: skip
    ]
    missions[-1].failed_phase = "capture"
    # scrubbed on the pad (crews grounded): it never left, so no crew launch that year
    missions.append(_mission(12, "nasa", "earth_orbit", d(1977, 1, 1), "failed", []))
    missions[-1].failed_phase = "scrubbed"
    # the success delivers its asteroid into Mars orbit (read from its plan, not the prose)
    missions[-3].plan = replace(missions[-3].plan, target="1999 JV6", destination="mars-orbit")
    log = EventLog()
    for e in (
        Event(d(1979, 3, 1), "launch", "nasa", "Space Shuttle test flight 1 succeeds.",
              data={"vehicle": "space_shuttle", "success": True, "test": True}),
        Event(d(1979, 6, 1), "launch", "nasa", "Saturn V launch 1 of 1 fails.",
              data={"vehicle": "saturn_v", "success": False}),
        Event(d(1970, 2, 1), "death", "nasa", "X dies in a training accident.", actors=("X",)),
        Event(d(1971, 2, 1), "death", "soviet", "Y dies in a training accident."),
        Event(d(1972, 2, 1), "death", "nasa", "Z dies of old age."),
        Event(d(1971, 6, 29), "crew_lost", "soviet", "The crew is lost.",
              actors=("P", "Q", "R"), data={"count": 3}),
        Event(d(1972, 5, 4), "crew_lost", "soviet", "The crew is lost.", actors=("S", "T")),
        Event(d(1975, 7, 17), "treaty", None, "A joint crew docks."),
        Event(d(2005, 3, 1), "asteroid_delivered", "soviet", "Into Earth-Moon space, it says.",
              data={"target": "1999 JV6"}),  # fmt: skip
        Event(d(2006, 3, 1), "asteroid_delivered", "nasa", "No such capture.",
              data={"target": "1999 JV6"}),  # fmt: skip
        Event(d(1977, 1, 1), "treaty", None, "Another treaty."),
        Event(d(1986, 2, 20), "program_completed", "soviet", "Mir.", data={"program": "mir"}),
        Event(d(1990, 1, 1), "program_completed", "nasa", "Mir too.", data={"program": "mir"}),
        Event(d(1991, 12, 26), "state_collapse", "soviet", "The USSR dissolves."),
        Event(d(1986, 5, 1), "alliance", "nasa", "Jamestown.", data={"base": "Jamestown"}),
        Event(d(1997, 5, 1), "alliance", "nasa", "HV.", data={"base": "Happy Valley"}),
        Event(d(2001, 5, 1), "incident", "nasa", "Staff.",  # a state's: no company strike
              data={"base": "Happy Valley", "incident": "strike"}),
        Event(d(2003, 5, 1), "incident", "helios", "Helios workers strike.",
              data={"base": "Happy Valley", "incident": "strike"}),
        Event(d(2004, 1, 1), "incident", "helios", "Again.",
              data={"base": "Happy Valley", "incident": "strike"}),
        Event(d(2010, 1, 1), "independence_movement", "nasa", "Zeta, not the first base.",
              data={"base": "Zeta"}),
    ):  # fmt: skip
        log.append(e)
    world = SimpleNamespace(
        start_jd_tdb=START,
        missions=missions,
        milestones={
            "crewed_lunar_landing": Milestone("crewed_lunar_landing", "nasa", d(1969, 7, 20)),
            "crewed_mars_landing": Milestone(
                "crewed_mars_landing", "dprk", d(1995, 3, 1), secret=True
            ),
        },
        agencies={
            "nasa": SimpleNamespace(is_private=False),
            "helios": SimpleNamespace(is_private=True),
        },  # fmt: skip
        bases={  # two Mars bases: the first founded is Happy Valley, whatever the names
            "Zeta": SimpleNamespace(name="Zeta", body="mars", founded_day=d(1997, 1, 1)),
            "Happy Valley": SimpleNamespace(
                name="Happy Valley", body="mars", founded_day=d(1995, 6, 1)
            ),
            "Jamestown": SimpleNamespace(name="Jamestown", body="moon", founded_day=d(1973, 1, 1)),
        },
    )
    base_rows = [  # monthly rows in time order: the last of a year counts
        {"day": d(1995, 7, 1), "base": "Happy Valley", "population": 4},
        {"day": d(1995, 12, 1), "base": "Happy Valley", "population": 6},
        {"day": d(1995, 12, 1), "base": "Jamestown", "population": 20},
        {"day": d(1997, 3, 1), "base": "Happy Valley", "population": 9},
        {"day": d(1997, 3, 1), "base": "Zeta", "population": 3},
    ]
    metrics = [
        {"year": 1969, "agency": "nasa", "budget_musd": 3700.0},
        {"year": 1970, "agency": "nasa", "budget_musd": 3300.0},
        {"year": 1969, "agency": "soviet", "budget_musd": 4000.0},
    ]
    return SimpleNamespace(seed=7, world=world, log=log, metrics=metrics, base_metrics=base_rows)


def test_a_hand_built_run_is_read_exactly(tiny):
    f = facts_of(tiny)
    assert f["seed"] == 7
    assert f["firsts"] == {
        "crewed_lunar_landing": ["nasa", 1969, False],
        "crewed_mars_landing": ["dprk", 1995, True],
    }
    assert f["landings"] == {"moon": {"nasa": {1969: 1, 1970: 1}, "soviet": {1972: 1}}}
    assert count_landings(f, "moon", "nasa", range(1969, 1970)) == 1
    assert count_landings(f, "moon", "nasa") == 2
    assert f["station_years"] == {"soviet": 1971, "nasa": 1973}
    assert f["treaty_year"] == 1975
    assert f["launches"] == {"space_shuttle": 1, "saturn_v": 1}
    assert f["first_launch"]["space_shuttle"] == 1979  # the test flight, before the mission
    assert f["first_launch"]["saturn_v"] == 1969
    assert f["programs_completed"] == {"mir": ["soviet", 1986]}
    assert f["collapse"] == {"soviet": 1991}
    assert f["training_deaths"] == 2
    assert f["crew_lost"] == {"soviet": 5}
    assert f["budget"] == {"nasa": {1970: 3700.0, 1971: 3300.0}, "soviet": {1970: 4000.0}}
    assert span_total(f, "nasa", [1970, 1971]) == 7000.0
    assert span_total(f, "nasa", [1970, 1972]) is None
    assert first(f, "lunar_base") is None
    assert f["mars_base_population"] == {1995: 6, 1997: 9}
    assert f["mars_population"] == {1995: 6, 1997: 12}  # the Moon's 20 are not on Mars
    assert f["mars_society"] == {"alliance": 1997, "company_strike": 2003}
    assert f["capture_attempts"] == [[2003, "capture"], [2004, "success"]]
    assert f["crewed_years"] == {"nasa": [1969, 1970, 1973, 1981], "soviet": [1971, 1972]}
    assert f["asteroid_deliveries"] == [[2005, "mars-orbit"], [2006, ""]]


def test_facts_are_small_and_picklable(tiny):
    import pickle

    assert len(pickle.dumps(facts_of(tiny))) < 5_000


@pytest.fixture(scope="module")
def played(scenarios, planners):
    from spacerace.sim.engine import run_timeline

    return run_timeline(scenarios["history"], 3, planner=planners["history"])


def _year(result, day):
    return int(jd_tdb_to_iso(result.world.start_jd_tdb + day)[:4])


def test_one_seed_agrees_with_its_log(played):
    r, f = played, facts_of(played)
    firsts = {
        e.data["milestone"]: [e.agency, _year(r, e.day)]
        for e in reversed(r.log.of_kind("milestone"))
    }
    assert {k: v[:2] for k, v in f["firsts"].items()} == firsts
    # the first landing's touchdown year is the year of its milestone
    landing = f["firsts"]["crewed_lunar_landing"]
    assert min(f["landings"]["moon"][landing[0]]) == landing[1]
    # people lost in flight: the metrics' cumulative count at the end, per agency
    last = {m["agency"]: m["crew_lost"] for m in r.metrics}
    assert {a: n for a, n in last.items() if n} == f["crew_lost"]
    # every dead person died in a training accident, in flight or as Chief Designer in
    # office (sim.soviet_politics; no other way to die)
    dead = sum(p.status == "dead" for p in r.world.people.values())
    in_office = [e for e in r.log.of_kind("chief_designer") if e.data["outcome"] == "died"]
    assert dead == f["training_deaths"] + sum(f["crew_lost"].values()) + len(in_office)
    # each 1 October's budget event is the metrics' budget for the next fiscal year
    for e in r.log.of_kind("budget"):
        fy = _year(r, e.day) + 1
        if fy in f["budget"][e.agency]:
            assert f["budget"][e.agency][fy] == e.data["budget_musd"], (e.agency, fy)
    # launches of a vehicle: its record's total minus the real record it started with
    for key, n in f["launches"].items():
        spec = r.world.vehicle_specs[key]
        record = r.world.vehicles[key]
        assert record.total - spec.prior_successes - spec.prior_failures == n, key


def test_workers_give_the_serial_facts(scenarios):
    history = scenarios["history"]
    pooled = ensemble_facts(history, [5, 4], workers=2)
    assert pooled == ensemble_facts(history, [4, 5], workers=1)


def test_the_casts_facts_agree_with_the_log(scenarios, planners):
    """``cast``: each named person's roles, commands and death, read back from the log."""
    from spacerace.sim.engine import run_timeline

    r = run_timeline(
        scenarios["for-all-mankind"], 1, until_year=2000, planner=planners["for-all-mankind"]
    )
    cast = facts_of(r)["cast"]
    assert set(cast) == {p.name for p in r.scenario.people}
    for name, c in cast.items():
        moves = [e for e in r.log.of_kind("career") if e.actors == (name,)]
        assert [c["roles"][str(e.data["role"])] for e in moves] == [_year(r, e.day) for e in moves]
        flown = [m for m in r.world.missions if m.crew[:1] == (name,) and m.status != "planned"]
        assert bool(c["commanded"]) == bool(flown), name
        lost = any(name in e.actors for e in r.log.of_kind("crew_lost"))
        assert (c["died"] == "flight") == lost, name
        assert (c["died"] != "") == (r.world.people[name].status == "dead"), name
    assert cast["Dev Ayesa"]["roles"]["founder"] == r.world.agencies["helios"].founded_year
