"""Development programs on the tiny scenario: what is offered, funded and completed.

Catalog rows used (catalog/data/programs.csv): apollo_lm developers US;private, l3 SU;KP,
mars_vehicle requires nuclear_propulsion, shuttle brings the space_shuttle vehicle after
4 test flights; space_station costs 2200 M$ of 1970 over 7 years.
"""

import pytest

from spacerace.policy.base import ExternalPolicy
from spacerace.policy.builtin import StatePolicy
from spacerace.sim.programs import fund_programs, program_options
from spacerace.world.agency import ProgramProgress
from spacerace.world.mission_kinds import GOALS, is_met


def _offered(ctx, key):
    return {o.key: o for o in program_options(ctx, key)}


def test_is_met_reads_either_of_a_token(make_ctx):
    assert is_met("apollo_lm|l3", {"l3"}) and not is_met("apollo_lm|l3", {"shuttle"})


def test_the_lander_offered_is_the_one_open_to_the_agency_country(make_ctx):
    ctx = make_ctx()
    for agency in ctx.world.agencies.values():
        agency.capabilities = set()
        agency.goals = ("crewed_lunar_landing",)
    assert set(_offered(ctx, "usa")) == {"apollo_lm"}
    assert set(_offered(ctx, "ussr")) == {"l3"}
    assert set(_offered(ctx, "kp")) == {"l3"}
    assert set(_offered(ctx, "corp")) == {"apollo_lm"}  # "private" is among its developers


def test_no_program_closed_to_an_agency_is_ever_offered_for_any_goal(make_ctx):
    ctx = make_ctx()
    for key, agency in sorted(ctx.world.agencies.items()):
        agency.capabilities = set()
        agency.goals = tuple(GOALS)
        who = "private" if agency.is_private else agency.country
        for option in program_options(ctx, key):
            developers = ctx.ref.programs[option.key].developers
            assert not developers or who in developers, (key, option.key)


def test_prerequisites_come_first_and_carry_the_goal(make_ctx):
    ctx = make_ctx()
    usa = ctx.world.agencies["usa"]
    usa.goals = ("crewed_mars_landing",)
    offered = _offered(ctx, "usa")
    assert set(offered) == {"nuclear_propulsion"}  # mars_vehicle waits for it
    assert offered["nuclear_propulsion"].serves_goal == "crewed_mars_landing"
    usa.capabilities.add("nuclear_propulsion")
    assert set(_offered(ctx, "usa")) == {"mars_vehicle"}


def test_an_option_prices_what_is_left_in_this_years_dollars(make_ctx):
    ctx = make_ctx(at_year=1960)
    ctx.world.agencies["usa"].programs["space_station"] = ProgramProgress("space_station", 700.0)
    option = _offered(ctx, "usa")["space_station"]
    factor = ctx.deflator(1970)  # the OMB deflator, 1970 -> 1960 dollars
    assert option.remaining_musd == pytest.approx((2200.0 - 700.0) * factor)
    assert option.yearly_need_musd == pytest.approx(2200.0 / 7 * factor)
    assert option.in_progress and option.serves_goal == "space_station"


def _fund_only(ctx, key, programs):
    ctx.policies[key] = ExternalPolicy(StatePolicy(), fund_fn=lambda view, options, rng: programs)


def test_funding_spends_the_crash_rate_within_the_development_pool(make_ctx):
    ctx = make_ctx()
    usa = ctx.world.agencies["usa"]
    _fund_only(ctx, "usa", ["space_station"])
    option = _offered(ctx, "usa")["space_station"]
    funds = usa.funds_musd
    m = ctx.mech.programs
    pool = funds * (1.0 - m.operations_share)
    spend = min(option.yearly_need_musd * m.crash_program_rate, option.remaining_musd, pool)
    ctx.env.process(fund_programs(ctx, "usa"))
    ctx.env.run(until=1.0)
    assert usa.funds_musd == pytest.approx(funds - spend)
    progress = usa.programs["space_station"]
    assert progress.spent_musd == pytest.approx(spend / ctx.deflator(1970))  # in 1970 dollars
    assert [e.data["program"] for e in ctx.log.of_kind("program_started")] == ["space_station"]


def test_a_year_funded_below_the_minimum_share_makes_no_progress(make_ctx):
    ctx = make_ctx()
    usa = ctx.world.agencies["usa"]
    option = _offered(ctx, "usa")["space_station"]
    m = ctx.mech.programs
    # a pool just under program_min_funding_share of the year's need
    usa.funds_musd = 0.99 * m.program_min_funding_share * option.yearly_need_musd
    usa.funds_musd /= 1.0 - m.operations_share
    _fund_only(ctx, "usa", ["space_station"])
    ctx.env.process(fund_programs(ctx, "usa"))
    ctx.env.run(until=1.0)
    assert "space_station" not in usa.programs


def test_a_paid_vehicle_program_flies_its_tests_then_adds_the_vehicle(make_ctx):
    ctx = make_ctx(at_year=1970)
    usa = ctx.world.agencies["usa"]
    spec = ctx.ref.programs["shuttle"]
    usa.programs["shuttle"] = ProgramProgress("shuttle", spec.cost_musd, started_day=0.0)
    _fund_only(ctx, "usa", [])
    start = ctx.now
    ctx.env.process(fund_programs(ctx, "usa"))
    ctx.env.run(until=start + 60.0 * spec.test_flights - 1.0)
    assert "space_shuttle" not in usa.fleet  # 60 days a test flight
    ctx.env.run(until=start + 60.0 * spec.test_flights + 1.0)
    tests = [e for e in ctx.log.of_kind("launch") if e.data.get("test")]
    assert len(tests) == spec.test_flights == 4
    assert "space_shuttle" in usa.fleet and "shuttle" in usa.capabilities
    assert "shuttle" not in usa.programs
    assert ctx.world.vehicles["space_shuttle"].flights == 4


def test_a_paid_program_waits_for_its_shortest_duration(make_ctx):
    ctx = make_ctx(at_year=1960)
    usa = ctx.world.agencies["usa"]
    spec = ctx.ref.programs["space_station"]
    # _maybe_complete: done once spent and duration / crash_program_rate - 1 years passed
    shortest = spec.duration_years / ctx.mech.programs.crash_program_rate - 1.0
    started = ctx.now - (shortest - 0.1) * 365.25
    usa.programs["space_station"] = ProgramProgress("space_station", spec.cost_musd, started)
    _fund_only(ctx, "usa", [])
    ctx.env.process(fund_programs(ctx, "usa"))
    ctx.env.run(until=ctx.now + 1.0)
    assert "space_station" not in usa.capabilities
    usa.programs["space_station"].started_day = ctx.now - (shortest + 0.1) * 365.25
    ctx.env.process(fund_programs(ctx, "usa"))
    ctx.env.run(until=ctx.now + 1.0)
    assert "space_station" in usa.capabilities
