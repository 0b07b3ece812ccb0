"""Mission options on the tiny scenario (tests/sim/conftest.py), each against an oracle.

The odds oracle is the module's documented estimate, recomputed here from the mechanics and
the vehicle records: every launch's reliability times, over the kind row's phases,
(1 - risk x (1 - skill_risk_reduction x skill)), skill the mean of the crew pool's best.
"""

import math

import pytest

from spacerace.sim.mission_options import (
    best_odds,
    goal_served,
    mission_options,
    next_upkeep_due_day,
)
from spacerace.world.base import Base
from spacerace.world.mission_kinds import MISSION_KINDS


def _by(options):
    return {(o.kind, o.vehicle): o for o in options}


def _phase_survival(ctx, kind, skill):
    cut = 1.0 - ctx.mech.missions.skill_risk_reduction * skill
    return math.prod(
        1.0 - getattr(ctx.mech.missions, p.risk) * cut for p in MISSION_KINDS[kind].phases
    )


def test_odds_are_launch_reliability_times_phase_survival(make_ctx):
    ctx = make_ctx(at_year=1960)
    option = _by(mission_options(ctx, "usa"))["lunar_landing", "saturn_v"]
    people = ctx.world.people
    skill = (people["Ann Able"].skill + people["Bob Baker"].skill + people["Carl Cole"].skill) / 3
    rel = ctx.world.vehicles["saturn_v"].reliability
    expected = rel**option.launches * _phase_survival(ctx, "lunar_landing", skill)
    assert option.crew_vehicle == ""  # Saturn V is crew-rated: the crew rides it
    assert option.success_odds == pytest.approx(expected, rel=1e-12)
    assert option.serves_goal == "crewed_lunar_landing"  # usa's first goal


def test_a_vehicle_not_crew_rated_takes_the_crew_on_the_best_crew_rated_one(make_ctx):
    ctx = make_ctx(at_year=1960)
    option = _by(mission_options(ctx, "ussr"))["earth_orbit", "proton"]
    # vehicles.csv: Proton crew_rated=false; of the ussr's crew-rated N1 and Soyuz, Soyuz's
    # record (1126 successes, 31 failures) beats N1's (0, 4)
    assert option.crew_vehicle == "soyuz"
    skill = (0.8 + 0.7 + 0.6) / 3  # tiny: Ivanov, Petrov, Sidorov
    v = ctx.world.vehicles
    expected = (
        v["proton"].reliability ** option.launches
        * v["soyuz"].reliability
        * _phase_survival(ctx, "earth_orbit", skill)
    )
    assert option.success_odds == pytest.approx(expected, rel=1e-12)


def test_odds_use_the_mean_skill_of_a_pool_smaller_than_three(make_ctx):
    ctx = make_ctx(at_year=1960)
    ctx.world.people["Carl Cole"].status = "injured"  # the pool: Ann Able 0.9, Bob Baker 0.8
    option = _by(mission_options(ctx, "usa"))["earth_orbit", "saturn_v"]
    rel = ctx.world.vehicles["saturn_v"].reliability
    expected = rel**option.launches * _phase_survival(ctx, "earth_orbit", (0.9 + 0.8) / 2)
    assert option.success_odds == pytest.approx(expected, rel=1e-12)


def test_the_cost_is_launches_in_this_years_dollars_plus_the_spacecraft(make_ctx):
    ctx = make_ctx(at_year=1960)
    option = _by(mission_options(ctx, "usa"))["lunar_landing", "saturn_v"]
    spec = ctx.world.vehicle_specs["saturn_v"]
    plan = ctx.planner.plan("lunar_landing", spec, ctx.now, ctx.mech)
    # mission_options: launches at the deflated catalog price, the rest of the plan's cost as is
    launch = spec.cost_musd * ctx.deflator(spec.cost_year)
    expected = option.launches * launch + plan.cost_musd - plan.launches * spec.cost_musd
    assert option.cost_musd == pytest.approx(expected, abs=0.005)  # rounded to cents


def test_a_grounded_agency_gets_no_crewed_options(make_ctx):
    ctx = make_ctx(at_year=1960)
    assert any(MISSION_KINDS[o.kind].crew for o in mission_options(ctx, "usa"))
    ctx.world.agencies["usa"].grounded_until_day = ctx.now + 1.0
    assert [o for o in mission_options(ctx, "usa") if MISSION_KINDS[o.kind].crew] == []


def test_a_kind_needs_as_many_flyers_as_its_crew(make_ctx):
    ctx = make_ctx(at_year=1960)
    # corp has one astronaut; every kind its capabilities allow needs 2 or 3
    assert mission_options(ctx, "corp") == []


def test_an_upkeep_kind_is_offered_only_once_its_interval_has_passed(make_ctx):
    ctx = make_ctx(at_year=1960)
    interval = ctx.mech.missions.earth_orbit_interval_days  # earth_orbit's upkeep_interval
    lead = ctx.mech.missions.mission_lead_days  # it would leave this long after deciding
    last = ctx.world.agencies["usa"].last_flown
    last["earth_orbit"] = ctx.now + lead - interval + 1.0
    assert "earth_orbit" not in {o.kind for o in mission_options(ctx, "usa")}
    last["earth_orbit"] = ctx.now + lead - interval
    assert "earth_orbit" in {o.kind for o in mission_options(ctx, "usa")}


def test_the_next_upkeep_due_is_the_day_mission_options_first_offers_it(make_ctx):
    # the day an agency with nothing to fly looks again (sim.missions.decide_process): the
    # first upkeep flight to fall due after now; a rotation without a base never falls due,
    # and one already due (held back by money or crews) is no date to wait for
    ctx = make_ctx(at_year=1960)
    interval = ctx.mech.missions.earth_orbit_interval_days
    lead = ctx.mech.missions.mission_lead_days
    last = ctx.world.agencies["usa"].last_flown
    last["earth_orbit"] = ctx.now + lead - interval + 50.0  # due in 50 days
    due = next_upkeep_due_day(ctx, "usa")
    assert due == pytest.approx(ctx.now + 50.0)
    ctx.env.run(until=due)  # on that day it is offered, not a day before
    assert "earth_orbit" in {o.kind for o in mission_options(ctx, "usa")}
    assert next_upkeep_due_day(ctx, "usa") == math.inf  # overdue, and no base to rotate to
    last["earth_orbit"] = ctx.now + lead - interval + 1.0
    assert "earth_orbit" not in {o.kind for o in mission_options(ctx, "usa")}


def test_a_rotation_needs_a_standing_base_of_its_own(make_ctx):
    ctx = make_ctx(at_year=1960)
    assert "lunar_rotation" not in {o.kind for o in mission_options(ctx, "usa")}
    ctx.world.bases["Other"] = Base("Other", "moon", "ussr", ["ussr"], 0.0)
    assert "lunar_rotation" not in {o.kind for o in mission_options(ctx, "usa")}
    ctx.world.bases["Jamestown"] = Base("Jamestown", "moon", "usa", ["usa"], 0.0)
    assert "lunar_rotation" in {o.kind for o in mission_options(ctx, "usa")}


def test_the_launch_cap_of_the_kind_row_drops_vehicles_that_need_more(make_ctx):
    ctx = make_ctx(at_year=1960)
    titan = _by(mission_options(ctx, "usa"))["earth_orbit", "titan_ii"]
    assert titan.launches == 2  # Titan II lifts 3.6 t; the capsule is 7 t
    capped = make_ctx(at_year=1960, mechanics={"programs": {"max_launches_other": 1}})
    assert ("earth_orbit", "titan_ii") not in _by(mission_options(capped, "usa"))
    assert ("earth_orbit", "saturn_v") in _by(mission_options(capped, "usa"))


def test_a_non_windowed_option_leaves_after_the_lead_time(make_ctx):
    ctx = make_ctx(at_year=1960)
    for option in mission_options(ctx, "usa"):
        assert option.depart_day == ctx.now + ctx.mech.missions.mission_lead_days


def test_goal_served_is_the_first_open_goal_the_kind_achieves(make_ctx):
    ctx = make_ctx()
    usa = ctx.world.agencies["usa"]  # goals: lunar landing, woman on moon, lunar base, station
    assert goal_served(ctx, "usa", "lunar_landing", True) == "crewed_lunar_landing"
    usa.achieved.add("crewed_lunar_landing")
    assert goal_served(ctx, "usa", "lunar_landing", True) == "woman_on_moon"
    assert goal_served(ctx, "usa", "lunar_landing", False) == ""  # needs_woman
    assert goal_served(ctx, "usa", "space_station", False) == "space_station"
    assert goal_served(ctx, "usa", "mars_landing", True) == ""  # not a goal of usa


def test_a_goal_after_another_waits_for_it(make_ctx):
    ctx = make_ctx()
    usa = ctx.world.agencies["usa"]
    usa.goals = ("mars_base", "crewed_mars_landing")  # mars_base: after crewed_mars_landing
    assert goal_served(ctx, "usa", "mars_landing", False) == "crewed_mars_landing"
    usa.achieved.add("crewed_mars_landing")
    assert goal_served(ctx, "usa", "mars_landing", False) == "mars_base"


def test_best_odds_is_the_best_vehicle_for_a_skill_07_crew(make_ctx):
    ctx = make_ctx(at_year=1960)
    rel = ctx.world.vehicles["saturn_v"].reliability
    # usa's fleet: Saturn V (1 launch) and Titan II (too small for a lunar landing in 2)
    expected = rel * _phase_survival(ctx, "lunar_landing", 0.7)
    assert best_odds(ctx, "usa", "lunar_landing") == pytest.approx(expected, rel=1e-12)
    ctx.world.agencies["corp"].fleet = set()
    assert best_odds(ctx, "corp", "lunar_landing") == 0.0  # no vehicle, no option


def test_a_lunar_landing_needs_a_flight_set_and_uses_one(make_ctx):
    # apollo_lm buys 10 flight sets (programs.csv units: Apollo 11-20 of the 1969 plan)
    from spacerace.sim.missions import commit_mission

    ctx = make_ctx(at_year=1960)
    usa = ctx.world.agencies["usa"]
    assert usa.flight_sets == {"apollo_lm": 10}
    option = next(o for o in mission_options(ctx, "usa") if o.kind == "lunar_landing")
    mission = commit_mission(ctx, "usa", option)
    assert mission is not None and usa.flight_sets == {"apollo_lm": 9}
    usa.flight_sets["apollo_lm"] = 0
    assert "lunar_landing" not in {o.kind for o in mission_options(ctx, "usa")}


def test_a_goal_with_a_mission_on_its_way_is_not_offered_again(make_ctx):
    from spacerace.sim.missions import commit_mission

    ctx = make_ctx(at_year=1960)
    first = next(o for o in mission_options(ctx, "usa") if o.serves_goal)
    commit_mission(ctx, "usa", first)
    again = [o for o in mission_options(ctx, "usa") if o.serves_goal == first.serves_goal]
    assert again == []
