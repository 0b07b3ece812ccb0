"""A base's society: the alliance the agencies choose, pay, unions, strikes, riots, independence.

Oracles: the rules of ``sim.base_agreements`` and ``sim.base_society``'s docstrings, worked
by hand on the ``tiny`` scenario of ``tests/sim/conftest.py`` (superpowers ``usa`` with a
5,000 M$ budget and ``ussr`` with 3,000 M$; company ``corp``); the mechanics' defaults
(``mech.society``, docs/engine.md). Each test can fail: an alliance signed without being
asked, shares that do not follow budgets, a strike without a union, a refusal that leaves
no grievance.
"""

from __future__ import annotations

import math

import pytest

from spacerace.policy.base import ExternalPolicy
from spacerace.sim.base_agreements import review_agreements
from spacerace.sim.base_incidents import _possible
from spacerace.sim.base_logistics import payers
from spacerace.sim.base_society import (
    appoint_commander,
    hourly_rates,
    isolation,
    review_movement,
    review_unions,
    riot,
    settle_strike,
)
from spacerace.sim.bases import _days_home, arrive
from spacerace.sim.company import employ
from spacerace.world.base import Base, ModuleUnit
from spacerace.world.person import Person
from spacerace.world.tension import TensionDrivers, pay_gap


def _shared_base(ctx, body="moon"):
    """A base of ``usa`` shared with ``ussr`` and the company, with people of all three."""
    base = Base("Shared", body, "usa", ["usa", "ussr", "corp"], ctx.now)
    base.units = [ModuleUnit("habitat", ctx.now, "usa"), ModuleUnit("mine", ctx.now, "corp")]
    ctx.world.bases[base.name] = base
    arrive(ctx, base, ["Ann Able", "Bob Baker", "Ivan Ivanov", "Cora Corp"], math.inf)
    ctx.world.rivalry = 0.0  # below the treaty threshold
    for key in ("usa", "ussr"):
        ctx.world.agencies[key].budget_musd = {"usa": 5000.0, "ussr": 3000.0}[key]
    return base


def _refusing(ctx, key):
    ctx.policies[key] = ExternalPolicy(
        fallback=ctx.policies[key], alliance_fn=lambda view, base, share, cost, rng: False
    )


def test_the_alliance_is_chosen_by_both_and_shares_costs_by_budget(make_ctx):
    ctx = make_ctx(at_year=1980)
    base = _shared_base(ctx)
    review_agreements(ctx, base)
    asked = [d for d in ctx.decisions.decisions if d.question.kind == "join_alliance"]
    assert sorted(d.question.agency for d in asked) == ["usa", "ussr"]  # a company is not asked
    alliance = base.alliance
    assert alliance is not None and base.command == "joint"
    assert set(alliance.members) == {"usa", "ussr"} and alliance.holder == "usa"
    assert alliance.shares == pytest.approx({"usa": 5 / 8, "ussr": 3 / 8})
    assert payers(ctx, base) == pytest.approx(alliance.shares)  # who pays
    assert alliance.contractor == "corp"
    assert ctx.log.of_kind("alliance")[0].data["members"] == ["usa", "ussr"]


def test_a_refusal_means_no_alliance_until_it_is_offered_again(make_ctx):
    ctx = make_ctx(at_year=1980)
    base = _shared_base(ctx)
    _refusing(ctx, "ussr")
    review_agreements(ctx, base)
    assert base.alliance is None and base.command == "usa"
    assert [e.agency for e in ctx.log.of_kind("alliance_refused")] == ["ussr"]
    asked = len(ctx.decisions.decisions)
    review_agreements(ctx, base)  # the same day: not offered again
    assert len(ctx.decisions.decisions) == asked
    assert base.next_offer_day == pytest.approx(ctx.now + ctx.mech.society.alliance_review_days)


def test_no_alliance_while_the_rivals_are_rivals(make_ctx):
    ctx = make_ctx(at_year=1980)
    base = _shared_base(ctx)
    ctx.world.rivalry = ctx.mech.politics.treaty_rivalry_threshold + 0.1
    review_agreements(ctx, base)
    assert base.alliance is None
    assert not [d for d in ctx.decisions.decisions if d.question.kind == "join_alliance"]


def test_command_rotates_each_term_and_the_commander_is_of_the_holder(make_ctx):
    ctx = make_ctx(at_year=1980)
    base = _shared_base(ctx)
    review_agreements(ctx, base)
    assert appoint_commander(ctx, base) == "Ann Able"  # usa's most skilled (0.9)
    ctx.env.run(until=ctx.now + base.alliance.term_days + 1.0)
    review_agreements(ctx, base)
    assert base.lead == "ussr" and ctx.log.of_kind("command_rotated")
    assert appoint_commander(ctx, base) == "Ivan Ivanov"  # who decides changed hands


def test_pay_gap_comes_from_the_terms_and_a_settled_strike_narrows_it(make_ctx):
    ctx = make_ctx(at_year=1980)
    base = _shared_base(ctx)
    employ(ctx, base, "corp")
    employers = {"corp": 1, "usa": 2, "ussr": 1}
    before = pay_gap(hourly_rates(ctx, base, employers))
    state_h = ctx.mech.society.state_staff_hours_per_week
    assert before == pytest.approx(1 - state_h / ctx.mech.company.worker_hours_per_week)
    assert settle_strike(ctx, base, "corp", 1, 45.0)  # built-in: 45 days of revenue > raise
    terms = base.employment["corp"]
    assert terms.hours_per_week == ctx.mech.company.worker_hours_per_week - 8.0
    assert pay_gap(hourly_rates(ctx, base, employers)) < before
    assert base.grievance == 0.0 and ctx.log.of_kind("strike_settled")


def test_a_refused_strike_leaves_a_grievance_and_the_terms(make_ctx):
    ctx = make_ctx(at_year=1980)
    base = _shared_base(ctx)
    employ(ctx, base, "corp")
    terms = base.employment["corp"]
    ctx.policies["corp"] = ExternalPolicy(
        fallback=ctx.policies["corp"], strike_fn=lambda view, base, r, lost, rng: False
    )
    assert not settle_strike(ctx, base, "corp", 1, 45.0)
    assert base.employment["corp"] == terms and base.grievance == 1.0
    assert ctx.log.of_kind("strike_unsettled")


def test_only_a_union_strikes_and_workers_unionise_when_morale_is_low(make_ctx):
    ctx = make_ctx(at_year=1980)
    base = _shared_base(ctx)
    arrive(ctx, base, ["Dora Dean"], math.inf)
    ctx.world.people["Dora Dean"].agency = "corp"  # two company workers
    groups = {"corp": ["Cora Corp", "Dora Dean"], "usa": ["Ann Able", "Bob Baker"]}
    assert "strike" not in _possible(ctx, base, groups)
    base.morale = {"corp": 0.9}
    review_unions(ctx, base, {"corp": 2})
    assert base.unions == []  # content workers
    base.morale = {"corp": ctx.mech.society.union_morale_threshold - 0.01}
    review_unions(ctx, base, {"corp": 2, "usa": 2})
    assert base.unions == ["corp"] and ctx.log.of_kind("union_formed")
    assert "strike" in _possible(ctx, base, groups)


def test_a_riot_comes_only_when_tense_and_costs_the_commander(make_ctx):
    ctx = make_ctx(at_year=1980)
    rng = ctx.rng("test")
    base = _shared_base(ctx)
    groups = {"usa": ["Ann Able"]}
    base.tension = ctx.mech.society.riot_threshold - 0.01
    assert "riot" not in _possible(ctx, base, groups)
    base.tension = ctx.mech.society.riot_threshold
    assert "riot" in _possible(ctx, base, groups)
    appoint_commander(ctx, base)
    prestige = ctx.world.agencies["usa"].prestige
    wrecked, _ = riot(ctx, base, rng)
    assert wrecked and any(u.offline_until == math.inf for u in base.units)
    assert base.work_factor == 0.5 and base.work_factor_until > ctx.now
    assert ctx.world.agencies["usa"].prestige < prestige
    assert appoint_commander(ctx, base, replace=True) == "Bob Baker"
    assert ctx.log.of_kind("commander_replaced")[0].actors[0] == "Ann Able"


def test_isolation_weighs_on_mars_more_than_on_the_moon_and_grows_with_years(make_ctx):
    ctx = make_ctx(at_year=1980)
    moon, mars = _shared_base(ctx, "moon"), None
    assert isolation(ctx, moon, _days_home(ctx, moon)) == 0.0  # everyone just arrived
    mars = Base("Red", "mars", "usa", ["usa"], ctx.now)
    ctx.world.bases[mars.name] = mars
    arrive(ctx, mars, ["Carl Cole"], math.inf)
    ctx.env.run(until=ctx.now + 3 * 365.25)
    assert (
        0.0
        < isolation(ctx, moon, _days_home(ctx, moon))
        < isolation(ctx, mars, _days_home(ctx, mars))
        <= 1.0
    )


def test_the_movement_declares_itself_only_at_a_settled_base(make_ctx):
    ctx = make_ctx(at_year=1980)
    base = _shared_base(ctx, "mars")
    restless = TensionDrivers(isolation=1.0)
    base.independence = 0.9
    review_movement(ctx, base, restless, 30.0)
    assert base.movement_day is None  # four residents, just founded: not a settlement
    base.founded_day = ctx.now - 365.25 * ctx.mech.bases.settlement_min_years
    names = [f"settler {i}" for i in range(int(ctx.mech.bases.settlement_min_residents))]
    for name in names:
        ctx.world.people[name] = Person(name, "usa", "engineer", "US", 1950)
    arrive(ctx, base, names, math.inf)
    review_movement(ctx, base, restless, 30.0)
    assert base.movement_day == ctx.now and base.council
    event = ctx.log.of_kind("independence_movement")[0]
    assert event.data["movement"] == "Free Mars"


def test_a_bankrupt_contractor_frees_its_place_and_a_lone_member_commands_alone(make_ctx):
    ctx = make_ctx(at_year=1980)
    base = _shared_base(ctx)
    review_agreements(ctx, base)
    assert base.alliance.contractor == "corp"
    ctx.world.agencies["corp"].company.bankrupt_day = ctx.now
    review_agreements(ctx, base)
    assert base.alliance.contractor == ""
    ctx.world.agencies["ussr"].founded_year = 9999  # it acts no more
    review_agreements(ctx, base)
    assert base.alliance is None and base.command == "usa" and base.lead == "usa"
    assert ctx.log.of_kind("alliance_ended")[0].agency == "usa"


def test_the_kept_head_counts_are_the_residents_counted_afresh(scenarios, planners, monkeypatch):
    # base_society.roster keeps a base's counts until its residents change or someone
    # changes agency; every month's tension and movement read them. Counted afresh at every
    # call over whole runs (defections, births, deaths, bankruptcies included), they agree.
    from spacerace.sim import base_society, bases
    from spacerace.sim.engine import run_timeline

    kept = base_society.roster
    calls = 0

    def checked(ctx, base):
        nonlocal calls
        counts, children = kept(ctx, base)
        people = [ctx.world.people[n] for n in base.residents]
        fresh: dict[str, int] = {}
        for p in people:
            fresh[p.agency] = fresh.get(p.agency, 0) + 1
        assert counts == dict(sorted(fresh.items()))
        assert list(counts) == sorted(fresh)
        assert children == sum(p.role == "child" for p in people)
        calls += 1
        return counts, children

    monkeypatch.setattr(base_society, "roster", checked)
    monkeypatch.setattr(bases, "roster", checked)
    for name, seed in (("for-all-mankind", 1), ("for-all-mankind", 2), ("star-city", 1)):
        run_timeline(scenarios[name], seed, planner=planners[name])
    assert calls > 1000
