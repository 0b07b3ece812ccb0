"""Politics on the tiny scenario: support targets by funding profile, appropriations,
reactions to firsts and losses, elections, the Soviet year and the treaty.

The oracles are the formulas ``sim.politics`` documents, recomputed here from the mechanics;
random draws are taken out by mechanics of 0 or 1 (an election always changes the party) or
a recession rate of 0.
"""

import dataclasses

import pytest

from spacerace.catalog.budgets import deflate_musd
from spacerace.sim.politics import (
    fiscal_process,
    politics_process,
    react_to_first,
    react_to_loss,
    support_target,
)


def _run_to(ctx, process, year, month=1, day=1, extra=1.0):
    ctx.env.process(process)
    ctx.env.run(until=ctx.cal.day_of(year, month, day) + extra)


@pytest.mark.parametrize("rivalry", [0.0, 0.5, 0.9])
def test_a_legislated_agency_target_follows_the_us_formula(make_ctx, rivalry):
    ctx = make_ctx()
    ctx.world.rivalry = rivalry
    p = ctx.mech.politics
    usa = ctx.world.agencies["usa"]  # funding = "appropriation" (the default)
    expected = p.us_support_base + p.us_support_per_rivalry * rivalry
    assert support_target(ctx, usa) == pytest.approx(expected)
    usa.race_won = True  # the post-Apollo cut: the post-race level, whatever the rivalry
    assert support_target(ctx, usa) == pytest.approx(p.us_support_after_winning)
    usa.support_shift = 0.1
    assert support_target(ctx, usa) == pytest.approx(p.us_support_after_winning + 0.1)


@pytest.mark.parametrize("key", ["ussr", "kp"])  # planned and secret: the leadership's formula
def test_a_leadership_agency_target_follows_the_soviet_formula(make_ctx, key):
    ctx = make_ctx()
    ctx.world.rivalry = 0.6
    p = ctx.mech.politics
    agency = ctx.world.agencies[key]
    agency.race_won = True  # no effect outside a legislature
    expected = p.soviet_support_base + p.soviet_support_per_rivalry * 0.6
    assert support_target(ctx, agency) == pytest.approx(expected)


def test_the_fiscal_year_moves_support_toward_the_target_and_sets_the_budget(make_ctx):
    ctx = make_ctx()
    ctx.ref = dataclasses.replace(ctx.ref, rates={**ctx.ref.rates, "us_recession": 0.0})
    p = ctx.mech.politics
    usa = ctx.world.agencies["usa"]
    start_support = usa.support
    rivalry = max(p.rivalry_floor, ctx.world.rivalry - p.rivalry_decay_per_year)  # decays first
    target = p.us_support_base + p.us_support_per_rivalry * rivalry
    support = start_support + (target - start_support) * p.support_relax_per_year
    support = min(p.support_max, max(p.support_min, support))
    _run_to(ctx, fiscal_process(ctx), 1957, 10, 1)
    assert ctx.world.rivalry == pytest.approx(rivalry)
    assert usa.support == pytest.approx(support)
    # FY1958 budget: the 1957 budget (5000 M$ in tiny) x support, in 1958 dollars
    assert usa.budget_musd == pytest.approx(deflate_musd(5000.0 * support, 1957, 1958))
    assert usa.funds_musd == usa.budget_musd
    assert ctx.log.of_kind("shock") == []


def test_a_company_spends_its_investor_share_of_capital_and_revenue(make_ctx):
    ctx = make_ctx()
    ctx.ref = dataclasses.replace(ctx.ref, rates={**ctx.ref.rates, "us_recession": 0.0})
    share = ctx.mech.economy.private_investor_share
    corp = ctx.world.agencies["corp"]
    unspent = corp.funds_musd  # goes back to capital when the books close (sim.company)
    overhead = ctx.mech.company.overhead_musd * deflate_musd(1.0, 1995, 1957)
    _run_to(ctx, fiscal_process(ctx), 1957, 10, 1)
    # tiny: capital 2000, revenue 100; no bases; it flies Saturn V and sells launches of it
    books = corp.company.books[-1]
    assert books.business == 100.0 and books.overhead == pytest.approx(overhead, abs=0.05)
    assert books.launches > 0 and books.payroll == 0.0
    left = 2000.0 + unspent + 100.0 + books.launches - overhead
    assert corp.budget_musd == pytest.approx(left * share, abs=0.1)  # books round to 0.1
    assert corp.capital_musd == pytest.approx(left * (1 - share), abs=0.2)


def test_a_first_lifts_the_achiever_and_the_beaten_rival(make_ctx):
    ctx = make_ctx()
    p, prestige = ctx.mech.politics, ctx.mech.prestige
    usa, ussr = ctx.world.agencies["usa"], ctx.world.agencies["ussr"]
    rivalry = ctx.world.rivalry
    react_to_first(ctx, "usa", "crewed_lunar_landing")
    assert usa.prestige == prestige.prestige_first
    assert usa.support == pytest.approx(min(p.support_max, 1.0 + p.support_boost_own_first))
    assert usa.race_won  # its first goal
    assert usa.support_shift == 0.0  # a legislature: no propaganda shift
    # the rival pursues the goal: its support rises; a planned rival: the Soviet jump
    assert ussr.support == pytest.approx(min(p.support_max, 1.0 + p.support_boost_rival_first))
    assert ctx.world.rivalry == pytest.approx(min(1.0, rivalry + p.rivalry_jump_soviet_beaten))


def test_a_leadership_first_shifts_its_target_and_a_legislated_rival_jumps_us(make_ctx):
    ctx = make_ctx()
    p = ctx.mech.politics
    rivalry = ctx.world.rivalry
    react_to_first(ctx, "ussr", "crewed_lunar_landing")
    ussr = ctx.world.agencies["ussr"]
    assert ussr.support_shift == p.soviet_support_per_first
    assert not ussr.race_won  # race_won is a legislature's
    assert ctx.world.rivalry == pytest.approx(min(1.0, rivalry + p.rivalry_jump_us_beaten))


def test_a_first_the_rival_does_not_pursue_leaves_it_alone(make_ctx):
    ctx = make_ctx()
    ussr = ctx.world.agencies["ussr"]  # goals: crewed_lunar_landing, lunar_base
    rivalry = ctx.world.rivalry
    react_to_first(ctx, "usa", "space_station")
    assert ussr.support == 1.0 and ctx.world.rivalry == rivalry
    assert not ctx.world.agencies["usa"].race_won  # not its first goal


def test_a_loss_grounds_for_grounding_days_and_costs_support(make_ctx):
    ctx = make_ctx(at_year=1960, mechanics={"missions": {"grounding_days": 365}})
    m, p = ctx.mech, ctx.mech.politics
    usa = ctx.world.agencies["usa"]
    react_to_loss(ctx, "usa", 3)
    assert usa.grounded_until_day == ctx.now + 365.0
    assert usa.is_grounded(ctx.now + 364.9) and not usa.is_grounded(ctx.now + 365.0)
    assert usa.support == pytest.approx(max(p.support_min, 1.0 - p.support_drop_crew_lost))
    assert usa.prestige == m.prestige.prestige_loss
    assert usa.crew_lost == 3


def test_an_election_shifts_only_legislated_agencies(make_ctx):
    # retention 0: the White House always changes hands; the shift's sign is a coin toss
    ctx = make_ctx(mechanics={"politics": {"incumbent_party_retention": 0.0}})
    delta = ctx.mech.politics.party_space_support_delta
    _run_to(ctx, politics_process(ctx), 1960, 11, 5)  # tiny starts 1957: 1960 is the first
    shifts = {k: a.support_shift for k, a in ctx.world.agencies.items()}
    assert shifts["usa"] == pytest.approx(delta) or shifts["usa"] == pytest.approx(-delta)
    assert (shifts["ussr"], shifts["kp"], shifts["corp"]) == (0.0, 0.0, 0.0)
    [election] = ctx.log.of_kind("election")
    assert election.day == ctx.cal.day_of(1960, 11, 5)
    assert election.data["party"] == "Democratic"  # the start's president is a Republican


def test_an_incumbent_win_shifts_nobody(make_ctx):
    ctx = make_ctx(mechanics={"politics": {"incumbent_party_retention": 1.0}})
    _run_to(ctx, politics_process(ctx), 1960, 11, 5)
    assert {a.support_shift for a in ctx.world.agencies.values()} == {0.0}


def test_stagnation_delays_only_a_planned_agency_after_1970(make_ctx):
    mech = {"politics": {"leader_change_per_year": 0.0}}
    ctx = make_ctx(at_year=1970, mechanics=mech)
    _run_to(ctx, politics_process(ctx), 1971)
    delays = {k: a.approval_delay_days for k, a in ctx.world.agencies.items()}
    assert delays == {
        "corp": 0.0,
        "kp": 0.0,  # secret: no approval queue
        "usa": 0.0,
        "ussr": ctx.mech.politics.soviet_approval_delay_days_per_year,
    }
    early = make_ctx(at_year=1969, mechanics=mech)
    _run_to(early, politics_process(early), 1970)
    assert early.world.agencies["ussr"].approval_delay_days == 0.0  # 1970 is not after 1970


def test_a_new_leader_halves_the_backlog(make_ctx):
    ctx = make_ctx(at_year=1970, mechanics={"politics": {"leader_change_per_year": 1.0}})
    ctx.world.agencies["ussr"].approval_delay_days = 100.0
    _run_to(ctx, politics_process(ctx), 1971)
    step = ctx.mech.politics.soviet_approval_delay_days_per_year
    assert ctx.world.agencies["ussr"].approval_delay_days == pytest.approx((100.0 + step) / 2)


def test_below_the_threshold_the_superpowers_sign_the_treaty_once(make_ctx):
    ctx = make_ctx()
    p = ctx.mech.politics
    ctx.world.rivalry = p.treaty_rivalry_threshold - 0.01
    _run_to(ctx, politics_process(ctx), 1959)
    assert ctx.world.treaty_year == 1958
    assert ctx.world.rivalry == pytest.approx(
        max(p.rivalry_floor, p.treaty_rivalry_threshold - 0.01 - p.treaty_rivalry_drop)
    )
    prestige = ctx.mech.prestige.prestige_success
    assert {k: a.prestige for k, a in ctx.world.agencies.items()} == {
        "corp": 0.0, "kp": 0.0, "usa": prestige, "ussr": prestige,
    }  # fmt: skip
    assert len(ctx.log.of_kind("treaty")) == 1


def test_a_budget_grows_with_the_economy_its_profile_names(make_ctx):
    # FY1958 budget = the 1957 budget (5000 M$ in tiny) x support x (federal outlays FY1958 /
    # FY1957): OMB Historical Table 1.1 (catalog budgets.csv), not the deflator
    from spacerace.catalog.budgets import federal_outlays_musd

    ctx = make_ctx()
    ctx.ref = dataclasses.replace(ctx.ref, rates={**ctx.ref.rates, "us_recession": 0.0})
    usa = ctx.world.agencies["usa"]
    usa.profile = dataclasses.replace(usa.profile, economy="us-federal-outlays")
    _run_to(ctx, fiscal_process(ctx), 1957, 10, 1)
    growth = federal_outlays_musd(1958) / federal_outlays_musd(1957)
    assert usa.budget_musd == pytest.approx(5000.0 * usa.support * growth)
    (event,) = [e for e in ctx.log.of_kind("budget") if e.agency == "usa"]
    assert "us-federal-outlays" in event.cause


def test_after_a_won_race_the_target_is_the_post_race_level_whatever_the_rivalry(make_ctx):
    ctx = make_ctx()
    usa = ctx.world.agencies["usa"]
    usa.race_won = True
    levels = set()
    for rivalry in (0.1, 0.5, 0.9):
        ctx.world.rivalry = rivalry
        levels.add(support_target(ctx, usa))
    assert levels == {ctx.mech.politics.us_support_after_winning}
    assert not usa.racing  # and its programs lose their crash rate (sim.programs)
