"""Flights on the tiny scenario, with forced outcomes (no chance) inside a SimPy env.

Each mission is built by hand with a plan whose durations are chosen here, so the phase
times the kind row implies (transit / landing / return / short) can be checked to the day.
"""

import pytest

from spacerace.sim.flights import flight_process
from spacerace.world.mission import Mission, MissionPlan

DEPART = 400.0
TRANSIT = 3.0
RETURN = 5.0
SURFACE = 2.0


def _mission(ctx, kind="lunar_landing", crew=("Ann Able", "Bob Baker", "Carl Cole"), **plan_kw):
    plan = dict(
        delta_v_km_s=0.0,
        imleo_kg=1.0,
        launches=1,
        depart_day=DEPART,
        transit_days=TRANSIT,
        surface_days=SURFACE,
        c3_km2_s2=0.0,
        cost_musd=1.0,
        notes="test plan",
        return_days=RETURN,
    )
    plan.update(plan_kw)
    for name in crew:
        ctx.world.people[name].status = "flying"
    return Mission("usa-0001", "usa", kind, "Test 1", "saturn_v", tuple(crew), MissionPlan(**plan))


def _fly(ctx, mission, forced="success", until=None):
    ctx.env.process(flight_process(ctx, mission, forced=forced))
    ctx.env.run(until=until if until is not None else DEPART + 1000.0)


def test_lunar_phases_last_what_the_kind_row_says(make_ctx):
    ctx = make_ctx()
    mission = _mission(ctx)
    landing = ctx.mech.missions.landing_phase_days  # the "landing" duration
    transfer_end = DEPART + TRANSIT  # "transit": the plan's transit
    touchdown = transfer_end + landing
    home = touchdown + SURFACE + RETURN  # "return": the plan's return_days, after the stay
    _fly(ctx, mission, until=transfer_end - 0.01)
    assert mission.phases_done == []
    ctx.env.run(until=transfer_end + 0.01)
    assert mission.phases_done == ["transfer"]
    ctx.env.run(until=touchdown + 0.01)
    assert mission.phases_done == ["transfer", "landing"]
    ctx.env.run(until=home + 0.01)
    assert mission.status == "success"
    [done] = ctx.log.of_kind("mission_success")
    assert done.day == pytest.approx(home)


def test_the_return_lasts_the_transit_when_the_plan_gives_no_return(make_ctx):
    ctx = make_ctx()
    mission = _mission(ctx, return_days=0.0, surface_days=0.0)
    _fly(ctx, mission)
    [done] = ctx.log.of_kind("mission_success")
    landing = ctx.mech.missions.landing_phase_days
    assert done.day == pytest.approx(DEPART + TRANSIT + landing + TRANSIT)


def test_an_orbit_lasts_the_short_phase_after_the_launches(make_ctx):
    ctx = make_ctx()
    mission = _mission(
        ctx, kind="earth_orbit", crew=("Ann Able", "Bob Baker"), launches=2, surface_days=0.0
    )
    _fly(ctx, mission)
    m = ctx.mech.missions
    launches = ctx.log.of_kind("launch")
    assert [e.day for e in launches] == [DEPART, DEPART + m.launch_interval_days]
    [done] = ctx.log.of_kind("mission_success")
    # earth_orbit's one phase: "short" = other_phase_days
    assert done.day == pytest.approx(DEPART + m.launch_interval_days + m.other_phase_days)


def test_firsts_count_at_touchdown_not_at_splashdown(make_ctx):
    ctx = make_ctx()
    _fly(ctx, _mission(ctx))
    first = ctx.world.milestones["crewed_lunar_landing"]
    assert first.day == pytest.approx(DEPART + TRANSIT + ctx.mech.missions.landing_phase_days)
    # Ann Able is a woman: lunar_landing's woman_milestone
    # the first woman on the Moon is about her: the women of the crew (sim.landings._named)
    assert ctx.world.milestones["woman_on_moon"].people == ("Ann Able",)
    assert ctx.world.milestones["crewed_lunar_landing"].people == (
        "Ann Able",
        "Bob Baker",
        "Carl Cole",
    )


def test_a_success_frees_the_crew_and_counts_their_flights(make_ctx):
    ctx = make_ctx()
    prestige = ctx.world.agencies["usa"].prestige
    _fly(ctx, _mission(ctx, kind="earth_orbit", crew=("Ann Able", "Bob Baker")))
    people = ctx.world.people
    assert [(people[n].status, people[n].flights) for n in ("Ann Able", "Bob Baker")] == [
        ("active", 1),
        ("active", 1),
    ]
    assert ctx.world.agencies["usa"].prestige == prestige + ctx.mech.prestige.prestige_success
    record = ctx.world.vehicles["saturn_v"]
    spec = ctx.world.vehicle_specs["saturn_v"]
    assert (record.successes, record.total) == (
        spec.prior_successes + 1,
        spec.prior_successes + spec.prior_failures + 1,
    )  # the forced launch counts in the record


def test_a_forced_failure_fails_the_last_phase(make_ctx):
    ctx = make_ctx(mechanics={"missions": {"loss_given_phase_failure": 0.0}})
    mission = _mission(ctx)
    _fly(ctx, mission, forced="failure")
    assert mission.phases_done == ["transfer", "landing"]
    assert (mission.status, mission.failed_phase) == ("failed", "return")
    assert {ctx.world.people[n].status for n in mission.crew} == {"active"}  # survived


def test_a_fatal_failure_kills_the_crew_and_grounds_the_agency(make_ctx):
    ctx = make_ctx(mechanics={"missions": {"loss_given_phase_failure": 1.0}})
    mission = _mission(ctx, kind="earth_orbit", crew=("Ann Able", "Bob Baker"))
    _fly(ctx, mission, forced="failure")
    assert mission.status == "lost"
    assert {ctx.world.people[n].status for n in mission.crew} == {"dead"}
    [lost] = ctx.log.of_kind("crew_lost")
    usa = ctx.world.agencies["usa"]
    assert usa.grounded_until_day == lost.day + ctx.mech.missions.grounding_days
    assert usa.crew_lost == 2


def test_an_unforced_crewed_flight_of_a_grounded_agency_is_scrubbed(make_ctx):
    ctx = make_ctx()
    ctx.world.agencies["usa"].grounded_until_day = DEPART + 1.0
    mission = _mission(ctx)
    _fly(ctx, mission, forced="")
    assert (mission.status, mission.failed_phase) == ("failed", "scrubbed")
    assert ctx.log.of_kind("launch") == []
    assert {ctx.world.people[n].status for n in mission.crew} == {"active"}


def test_a_scrubbed_flight_gives_back_the_flight_set_it_took(make_ctx):
    """A lander bought for a flight that never left is still there (Apollo's flight sets)."""
    ctx = make_ctx()
    usa = ctx.world.agencies["usa"]
    usa.grounded_until_day = DEPART + 1.0
    usa.flight_sets["apollo_lm"] = 2  # one of three already taken by this mission
    mission = _mission(ctx)
    mission.flight_set = "apollo_lm"
    _fly(ctx, mission, forced="")
    assert mission.failed_phase == "scrubbed"
    assert usa.flight_sets == {"apollo_lm": 3}


def test_a_forced_flight_flies_even_when_grounded(make_ctx):
    ctx = make_ctx()
    ctx.world.agencies["usa"].grounded_until_day = DEPART + 1.0
    mission = _mission(ctx)
    _fly(ctx, mission)
    assert mission.status == "success"
