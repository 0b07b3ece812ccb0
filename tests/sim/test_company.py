"""A private company's books, purchases, insolvency and takeover (``sim.company``).

Oracles: the rules of ``sim.company``'s docstring, worked by hand on the ``tiny`` scenario
of ``tests/sim/conftest.py`` (its company ``corp``: capital 2000 M$, revenue 100 M$,
nationality US, flying a Saturn V); the mechanics' defaults (``mech.company``) and their
sources (docs/engine.md). Each test can fail: a wrong sign, a missing stream, a state
agency charged a company's terms.
"""

from __future__ import annotations

import pytest

from spacerace.policy.builtin import PrivatePolicy
from spacerace.sim.company import (
    close_books,
    launch_price_musd,
    pay,
    program_terms,
    sellers,
    spendable_musd,
)
from spacerace.sim.decisions import QUESTIONS


def test_a_state_pays_the_catalog_and_a_company_a_private_or_licence_share(make_ctx):
    ctx = make_ctx(at_year=1960)
    spec = ctx.ref.programs["mars_vehicle"]
    state = program_terms(ctx, "usa", "mars_vehicle")
    assert (state.cost_factor, state.duration_years) == (1.0, spec.duration_years)
    own = program_terms(ctx, "corp", "mars_vehicle")  # nobody of its country has it
    assert own.cost_factor == ctx.mech.company.private_cost_factor and not own.licensed_from
    ctx.world.agencies["usa"].capabilities.add("mars_vehicle")  # the US agency finished it
    bought = program_terms(ctx, "corp", "mars_vehicle")
    assert bought.licensed_from == "usa"
    assert bought.cost_factor == ctx.mech.company.license_cost_share
    assert bought.duration_years == ctx.mech.company.license_years
    # a row priced as a private design (developers "private" alone) is not cut again
    assert program_terms(ctx, "corp", "helios_heavy").cost_factor == 1.0


def test_a_company_buys_launches_of_its_countrys_vehicles_at_cost_plus_margin(make_ctx):
    ctx = make_ctx(at_year=1960)
    bought = sellers(ctx, "corp")
    assert bought == {"titan_ii": "usa"}  # the US agency's fleet less its own Saturn V
    assert sellers(ctx, "usa") == {}  # a state buys nobody's launches
    spec = ctx.world.vehicle_specs["titan_ii"]
    cost = spec.cost_musd * ctx.deflator(spec.cost_year)
    margin = ctx.mech.company.launch_service_margin
    assert launch_price_musd(ctx, "titan_ii") == pytest.approx(cost * (1 + margin))
    usa, corp = ctx.world.agencies["usa"], ctx.world.agencies["corp"]
    price = 2 * launch_price_musd(ctx, "titan_ii")
    before_usa, corp.funds_musd = usa.funds_musd, price / 2
    capital = corp.capital_musd
    pay(ctx, "corp", price, "titan_ii", 2)
    # the seller keeps its margin; the buyer's funds run out, the rest comes from capital
    assert usa.funds_musd == pytest.approx(before_usa + 2 * cost * margin)
    assert corp.funds_musd == 0.0
    assert corp.capital_musd == pytest.approx(capital - price / 2)
    assert ctx.log.of_kind("launch_sold")[0].data["buyer"] == "corp"


def test_a_company_commits_capital_only_with_its_reserve_left(make_ctx):
    ctx = make_ctx(at_year=1960)
    corp = ctx.world.agencies["corp"]
    corp.funds_musd, corp.capital_musd = 250.0, 1000.0
    reserve = ctx.mech.company.mission_reserve_share
    assert spendable_musd(ctx, "corp") == pytest.approx(1250.0 / (1 + reserve))
    ctx.world.agencies["usa"].funds_musd = 300.0
    assert spendable_musd(ctx, "usa") == 300.0  # a state spends this year's funds only


def _close(ctx, fy):
    return close_books(ctx, "corp", fy)


def test_books_balance_each_fiscal_year(make_ctx):
    ctx = make_ctx(at_year=1960)
    corp = ctx.world.agencies["corp"]
    corp.company.earn("hotel", 50.0)
    corp.funds_musd, corp.capital_musd = 30.0, 1000.0
    _close(ctx, 1961)
    year = corp.company.books[-1]
    expected = 1000.0 + 30.0 + year.revenue_musd - year.payroll - year.overhead
    assert year.hotel == 50.0 and year.business == 100.0
    assert year.capital_musd == pytest.approx(expected, abs=0.5)  # rounded to 0.1 per stream
    share = ctx.mech.economy.private_investor_share
    assert corp.budget_musd == pytest.approx(expected * share, abs=0.2)
    assert corp.company.pending_musd == {}  # booked once
    assert ctx.log.of_kind("company_books")[-1].data["capital_musd"] == year.capital_musd


def test_capital_below_zero_too_long_ends_in_takeover_or_bankruptcy(make_ctx):
    outcomes = set()
    for seed in range(12):  # takeover_chance 0.6: both outcomes within a dozen seeds
        ctx = make_ctx(seed=seed, at_year=1960)
        corp = ctx.world.agencies["corp"]
        corp.revenue_musd = 0.0
        for fy in range(1961, 1961 + int(ctx.mech.company.bankruptcy_years)):
            corp.capital_musd, corp.funds_musd = -500.0, 0.0
            _close(ctx, fy)
        taken = ctx.log.of_kind("company_taken_over")
        broke = ctx.log.of_kind("company_bankrupt")
        assert len(taken) + len(broke) == 1  # exactly one ending, after bankruptcy_years
        if taken:
            assert corp.company.owner == "investors" and corp.trades
            assert corp.capital_musd > 0 and corp.company.years_in_debt == 0
            outcomes.add("takeover")
        else:
            assert not corp.trades and "corp" not in ctx.active_agencies()
            assert not corp.fleet and not corp.programs
            assert all(p.status != "active" for p in ctx.people_of("corp"))
            outcomes.add("bankrupt")
    assert outcomes == {"takeover", "bankrupt"}


def test_one_year_in_debt_is_not_yet_insolvency(make_ctx):
    ctx = make_ctx(at_year=1960)
    corp = ctx.world.agencies["corp"]
    corp.revenue_musd, corp.capital_musd, corp.funds_musd = 0.0, -100.0, 0.0
    _close(ctx, 1961)
    assert corp.company.years_in_debt == 1 and corp.trades
    assert ctx.log.of_kind("company_taken_over") == ctx.log.of_kind("company_bankrupt") == []
    assert corp.budget_musd == 0.0  # nothing to spend


def test_selling_launches_is_a_recorded_decision(make_ctx):
    assert "sell_launches" in QUESTIONS
    ctx = make_ctx(at_year=1960)
    _close(ctx, 1961)  # corp flies a Saturn V: it is asked
    asked = [d for d in ctx.decisions.decisions if d.question.kind == "sell_launches"]
    assert [d.question.agency for d in asked] == ["corp"] and asked[0].answer is True
    assert ctx.world.agencies["corp"].company.sells_launches
    assert ctx.world.agencies["corp"].company.books[-1].launches > 0


def test_the_private_policy_flies_hotel_flights_only_when_fares_pay(make_ctx):
    from spacerace.policy.base import MissionOption

    ctx = make_ctx(at_year=1960)
    view = ctx.view("corp")
    cheap = MissionOption("space_station", "titan_ii", "", 50.0, 2, 0.9, "", 0.0)
    dear = MissionOption("space_station", "saturn_v", "", 500.0, 1, 0.95, "", 0.0)
    practice = MissionOption("earth_orbit", "titan_ii", "", 10.0, 1, 0.99, "", 0.0)
    policy = PrivatePolicy()
    paid = type(view)(**{**view.__dict__, "guest_fares_musd": 100.0})
    assert policy.next_mission(paid, [dear, cheap, practice], None) is cheap
    assert policy.next_mission(paid, [dear, practice], None) is None  # nothing that pays
