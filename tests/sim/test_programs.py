"""Development programs on the tiny scenario: what is offered, funded and completed.

Catalog rows used (catalog/data/programs.csv): apollo_lm developers US;private, l3 SU;KP,
mars_vehicle requires nuclear_propulsion, shuttle brings the space_shuttle vehicle after
4 test flights; skylab (developers US, requires apollo_lm) costs 2200 M$ of 1970 over 3.9
years; the generic space_station is left to companies and North Korea.
"""

import pytest

from spacerace.policy.base import ExternalPolicy
from spacerace.policy.builtin import StatePolicy
from spacerace.sim.programs import begin_studies, fund_programs, program_options
from spacerace.world.agency import ProgramProgress
from spacerace.world.mission_kinds import GOALS, is_met


def _offered(ctx, key):
    return {o.key: o for o in program_options(ctx, key)}


def _for_goals(ctx, key):
    """The offered programs that serve a goal (infrastructure left out)."""
    return {k for k, o in _offered(ctx, key).items() if o.serves_goal}


def test_is_met_reads_either_of_a_token(make_ctx):
    assert is_met("apollo_lm|l3", {"l3"}) and not is_met("apollo_lm|l3", {"shuttle"})


def test_the_lander_offered_is_the_one_open_to_the_agency_country(make_ctx):
    ctx = make_ctx()
    for agency in ctx.world.agencies.values():
        agency.capabilities = set()
        agency.goals = ("crewed_lunar_landing",)
    assert _for_goals(ctx, "usa") == {"apollo_lm"}
    assert _for_goals(ctx, "ussr") == {"l3"}
    assert _for_goals(ctx, "kp") == {"l3"}
    assert _for_goals(ctx, "corp") == {"apollo_lm"}  # "private" is among its developers


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
    assert _for_goals(ctx, "usa") == {"nuclear_propulsion"}  # mars_vehicle waits for it
    assert offered["nuclear_propulsion"].serves_goal == "crewed_mars_landing"
    usa.capabilities.add("nuclear_propulsion")
    assert _for_goals(ctx, "usa") == {"mars_vehicle"}


def test_an_option_prices_what_is_left_in_this_years_dollars(make_ctx):
    ctx = make_ctx(at_year=1960)
    ctx.world.agencies["usa"].programs["skylab"] = ProgramProgress("skylab", 700.0)
    option = _offered(ctx, "usa")["skylab"]
    factor = ctx.deflator(1970)  # the OMB deflator, 1970 -> 1960 dollars
    assert option.remaining_musd == pytest.approx((2200.0 - 700.0) * factor)
    assert option.yearly_need_musd == pytest.approx(2200.0 / 3.9 * factor)
    assert option.in_progress and option.serves_goal == "space_station"
    assert option.purpose == "station"


def _fund_only(ctx, key, programs):
    ctx.policies[key] = ExternalPolicy(StatePolicy(), fund_fn=lambda view, options, rng: programs)


def test_funding_spends_the_crash_rate_within_the_development_pool(make_ctx):
    ctx = make_ctx()
    usa = ctx.world.agencies["usa"]
    _fund_only(ctx, "usa", ["skylab"])
    option = _offered(ctx, "usa")["skylab"]
    funds = usa.funds_musd
    m = ctx.mech.programs
    pool = funds * (1.0 - m.operations_share)
    spend = min(option.yearly_need_musd * m.crash_program_rate, option.remaining_musd, pool)
    ctx.env.process(fund_programs(ctx, "usa"))
    ctx.env.run(until=1.0)
    assert usa.funds_musd == pytest.approx(funds - spend)
    progress = usa.programs["skylab"]
    assert progress.spent_musd == pytest.approx(spend / ctx.deflator(1970))  # in 1970 dollars
    assert [e.data["program"] for e in ctx.log.of_kind("program_started")] == ["skylab"]


def test_after_its_race_a_program_gets_at_most_its_yearly_need(make_ctx):
    ctx = make_ctx()
    usa = ctx.world.agencies["usa"]
    usa.race_won = True  # a legislature's race ends when it is won
    assert not usa.racing
    _fund_only(ctx, "usa", ["skylab"])
    option = _offered(ctx, "usa")["skylab"]
    funds = usa.funds_musd
    ctx.env.process(fund_programs(ctx, "usa"))
    ctx.env.run(until=1.0)
    assert usa.funds_musd == pytest.approx(funds - option.yearly_need_musd)


def test_a_new_program_is_approved_only_if_the_year_covers_its_yearly_need(make_ctx):
    ctx = make_ctx()
    usa = ctx.world.agencies["usa"]
    option = _offered(ctx, "usa")["skylab"]
    m = ctx.mech.programs
    # a pool just under the yearly need, above program_min_funding_share of it
    usa.funds_musd = 0.99 * option.yearly_need_musd / (1.0 - m.operations_share)
    _fund_only(ctx, "usa", ["skylab"])
    ctx.env.process(fund_programs(ctx, "usa"))
    ctx.env.run(until=1.0)
    assert "skylab" not in usa.programs
    usa.programs["skylab"] = ProgramProgress("skylab", 100.0)  # started: it may go on
    ctx.env.process(fund_programs(ctx, "usa"))
    ctx.env.run(until=2.0)
    assert usa.programs["skylab"].spent_musd > 100.0


def test_a_year_funded_below_the_minimum_share_makes_no_progress(make_ctx):
    ctx = make_ctx()
    usa = ctx.world.agencies["usa"]
    usa.programs["skylab"] = ProgramProgress("skylab", 100.0)
    option = _offered(ctx, "usa")["skylab"]
    m = ctx.mech.programs
    # a pool just under program_min_funding_share of the year's need
    usa.funds_musd = 0.99 * m.program_min_funding_share * option.yearly_need_musd
    usa.funds_musd /= 1.0 - m.operations_share
    _fund_only(ctx, "usa", ["skylab"])
    ctx.env.process(fund_programs(ctx, "usa"))
    ctx.env.run(until=1.0)
    assert usa.programs["skylab"].spent_musd == 100.0


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


def test_a_paid_program_completes_on_the_day_its_shortest_duration_ends(make_ctx):
    ctx = make_ctx(at_year=1960)
    usa = ctx.world.agencies["usa"]
    spec = ctx.ref.programs["skylab"]
    # racing: the shortest duration is duration / crash_program_rate
    shortest_days = spec.duration_years / ctx.mech.programs.crash_program_rate * 365.25
    started = ctx.now - 100.0
    usa.programs["skylab"] = ProgramProgress("skylab", spec.cost_musd, started)
    _fund_only(ctx, "usa", [])
    ctx.env.process(fund_programs(ctx, "usa"))
    due = started + shortest_days
    ctx.env.run(until=due - 1.0)
    assert "skylab" not in usa.capabilities
    ctx.env.run(until=due + 1.0)
    assert "skylab" in usa.capabilities and "skylab" not in usa.programs
    (done,) = ctx.log.of_kind("program_completed")
    assert done.day == pytest.approx(due)
    (launched,) = ctx.log.of_kind("station_launched")  # a station program puts it in orbit
    assert launched.data["program"] == "skylab"


def test_a_goal_is_contested_only_while_a_racing_rival_funds_its_way_there(make_ctx):
    ctx = make_ctx(at_year=1960)
    usa, ussr = ctx.world.agencies["usa"], ctx.world.agencies["ussr"]
    for agency in (usa, ussr):
        agency.goals = ("crewed_mars_landing",)
    assert not _offered(ctx, "usa")["nuclear_propulsion"].contested  # nobody on the way
    ussr.programs["nuclear_propulsion"] = ProgramProgress("nuclear_propulsion", 10.0)
    ussr.programs["nuclear_propulsion"].funded_day = ctx.now - 30.0
    assert _offered(ctx, "usa")["nuclear_propulsion"].contested
    ussr.race_lost = True  # a rival out of its race is no threat
    assert not _offered(ctx, "usa")["nuclear_propulsion"].contested
    ussr.race_lost = False
    ussr.programs["nuclear_propulsion"].funded_day = ctx.now - 800.0  # left without money
    assert not _offered(ctx, "usa")["nuclear_propulsion"].contested


def test_infrastructure_is_proposed_whatever_the_goals(make_ctx):
    ctx = make_ctx(at_year=1960)
    ctx.world.agencies["usa"].goals = ()
    begin_studies(ctx, "usa")
    assert "shuttle" not in _offered(ctx, "usa")  # its definition studies begin now
    ctx.env.run(until=ctx.now + ctx.ref.programs["shuttle"].definition_years * 365.25)
    offered = _offered(ctx, "usa")
    assert {"skylab", "shuttle"} <= set(offered)  # a station and transport it may build
    assert "sea_dragon" not in offered  # heavy cargo only for an agency with a base
    assert all(not o.serves_goal for o in offered.values())


def test_a_colonist_transport_is_proposed_to_who_can_fly_to_mars_unless_a_partner_has_one(
    make_ctx,
):
    # programs.csv: mars_transport (purpose colony) requires mars_vehicle|mars_lander_light;
    # the ship comes before the settlement (SpaceX's before any base), and a Mars base's
    # members share one (catalog.programs.SHARED_AT_MARS)
    from spacerace.world.base import Base

    ctx = make_ctx(at_year=1960)
    usa = ctx.world.agencies["usa"]
    usa.goals = ()
    assert "mars_transport" not in _offered(ctx, "usa")  # no Mars ship yet
    usa.capabilities.add("mars_vehicle")
    transport = _offered(ctx, "usa")["mars_transport"]  # no base needed
    assert transport.purpose == "colony" and not transport.serves_goal
    ctx.world.bases["Happy Valley"] = Base("Happy Valley", "mars", "ussr", ["ussr", "usa"], 0.0)
    assert "mars_transport" in _offered(ctx, "usa")
    ctx.world.agencies["ussr"].capabilities.add("mars_transport")
    assert "mars_transport" not in _offered(ctx, "usa")  # it rides its partner's ship
    ctx.world.bases["Jamestown"] = Base("Jamestown", "moon", "ussr", ["ussr", "usa"], 0.0)
    assert "mars_transport" not in _offered(ctx, "usa")
    ctx.world.agencies["ussr"].capabilities.discard("mars_transport")
    usa.capabilities.discard("mars_vehicle")
    assert "mars_transport" not in _offered(ctx, "usa")  # a Mars ship of its own first


def test_a_program_is_proposed_only_after_its_definition_studies(make_ctx):
    # programs.csv definition_years: the Shuttle's Phase A and B, October 1968 to Nixon's
    # approval in January 1972 (NASA SP-4221), 3.25 years from the first decision at which
    # it could be proposed; a race shortens them as it does the development
    ctx = make_ctx(at_year=1960)
    usa = ctx.world.agencies["usa"]
    usa.goals, usa.race_lost = (), True  # out of its race: studies at the planned pace
    years = ctx.ref.programs["shuttle"].definition_years
    assert years == 3.25 and ctx.ref.programs["skylab"].definition_years == 0.0
    began = ctx.now
    assert "shuttle" not in _offered(ctx, "usa") and usa.studies == {}  # not yet studied
    begin_studies(ctx, "usa")  # the fiscal-year decision starts them
    assert "shuttle" not in _offered(ctx, "usa") and usa.studies == {"shuttle": began}
    ctx.env.run(until=began + 3.0 * 365.25)
    begin_studies(ctx, "usa")  # a later decision does not start them again
    assert "shuttle" not in _offered(ctx, "usa") and usa.studies == {"shuttle": began}
    usa.race_lost = False  # in a race the studies take 3.25 / crash_program_rate years
    assert usa.racing and ctx.mech.programs.crash_program_rate > 3.25 / 3.0
    assert "shuttle" in _offered(ctx, "usa")
    usa.race_lost = True
    ctx.env.run(until=began + years * 365.25)
    assert "shuttle" in _offered(ctx, "usa")
