"""Bases in the engine: mass balance, resupply cut, evacuation, deaths, Happy Valley."""

import copy
import dataclasses
import math

import pytest

from spacerace.catalog.base_modules import load_life_support
from spacerace.policy.base import ExternalPolicy
from spacerace.policy.builtin import StatePolicy, policy_for
from spacerace.sim.bases import STEP_DAYS
from spacerace.sim.engine import run_timeline
from spacerace.world.base import STOCKS


def test_mass_balance_holds_for_every_base_of_every_run(ensembles):
    checked = 0
    for result in ensembles["for-all-mankind"][:10]:
        for base in result.world.bases.values():
            for stock in STOCKS:
                total = sum(base.ledger[stock].values())
                assert base.stocks[stock] >= 0.0
                assert abs(base.balance_error_kg(stock)) <= 1e-9 * max(1.0, total), (
                    base.name,
                    stock,
                )
                checked += 1
        assert all(r[s] >= 0 for r in result.base_metrics for s in STOCKS)
    assert checked >= 40


def test_arrival_days_are_kept_for_exactly_the_residents(ensembles):
    # the isolation driver averages Base.arrived over the residents: one entry each
    bases = [b for r in ensembles["for-all-mankind"] for b in r.world.bases.values()]
    assert any(b.residents for b in bases)
    for base in bases:
        assert set(base.arrived) == set(base.residents), base.name
        assert all(day >= base.founded_day for day in base.arrived.values()), base.name


CUT_YEAR = 1980
"""NASA pays for its bases' consumables until this year, then never again."""


def _cut(scenario, planner, seed, evacuate=True, until=1986):
    # staff stay on (no tour ends), so the base must live on its stocks once supply is cut
    scenario = dataclasses.replace(
        scenario,
        mechanics={
            **scenario.mechanics,
            "bases": {**scenario.mechanics.get("bases", {}), "staff_tour_days_moon": 20000.0},
        },
    )
    policy = ExternalPolicy(
        StatePolicy(),
        supply_fn=lambda view, base, cost, rng: view.year < CUT_YEAR,
        evacuate_fn=(lambda view, base, days, rng: evacuate),
    )
    # whoever commands Jamestown (joint command after a treaty) answers the evacuation alike
    others = {
        key: ExternalPolicy(policy_for(spec.kind), evacuate_fn=policy.evacuate_fn)
        for key, spec in scenario.agencies.items()
        if key != "nasa"
    }
    return run_timeline(
        scenario, seed, planner=planner, until_year=until, policies={"nasa": policy, **others}
    )


@pytest.fixture(scope="module")
def cut_runs(scenarios, planners):
    sc, pl = scenarios["for-all-mankind"], planners["for-all-mankind"]
    return [_cut(sc, pl, seed) for seed in range(4)]


def test_with_resupply_cut_jamestown_runs_down_and_evacuates_before_anyone_starves(cut_runs):
    evacuated = 0
    for r in cut_runs:
        assert not [e for e in r.log.of_kind("base_deaths") if e.data["base"] == "Jamestown"]
        assert r.log.of_kind("supply_refused")
        leaving = [e for e in r.log.of_kind("base_evacuated") if e.data["base"] == "Jamestown"]
        evacuated += bool(leaving)
        # the decision came while the reserves still covered the trip home and a margin
        before = [
            x
            for x in r.base_metrics
            if x["base"] == "Jamestown" and leaving and x["day"] < leaving[0].day
        ]
        if before:
            assert before[-1]["reserve_days"] > 0 and before[-1]["population"] > 0
    assert evacuated == len(cut_runs)


def test_with_resupply_cut_food_falls_at_the_bvad_rate(cut_runs):
    # Food has no producer without a greenhouse: between two monthly rows with the same
    # residents, no cargo and no rationing change, it falls by residents x 0.617 kg/day
    # (x 0.75 while rationing) x the 30.4375-day step (ALS BVAD 2004; docs/engine.md).
    food = load_life_support()["food_kg"]
    compared = 0
    for r in cut_runs:
        rows = [x for x in r.base_metrics if x["base"] == "Jamestown"]
        for a, b in zip(rows, rows[1:], strict=False):
            if a["population"] != b["population"] or a["rationing"] != b["rationing"]:
                continue
            if b["modules"].get("greenhouse") or a["food_kg"] < 1000 or b["food_kg"] <= 0:
                continue
            if b["food_kg"] > a["food_kg"]:  # a crew landed its own food
                continue
            if any(  # a crew (and its food) came or went: a NASA launch or return in between
                e.agency == "nasa"
                and e.kind in ("launch", "mission_success", "mission_failed")
                and a["day"] - 5.0 < e.day <= b["day"]
                for e in r.log
            ):
                continue
            rate = b["population"] * food * (0.75 if b["rationing"] else 1.0)
            assert a["food_kg"] - b["food_kg"] == pytest.approx(rate * STEP_DAYS, abs=0.15)
            compared += 1
    assert compared >= 5


def test_a_command_that_refuses_to_evacuate_loses_its_people(scenarios, planners):
    sc, pl = scenarios["for-all-mankind"], planners["for-all-mankind"]
    deaths = []
    for seed in range(4):
        r = _cut(sc, pl, seed, evacuate=False)
        deaths += [e for e in r.log.of_kind("base_deaths") if e.data["base"] == "Jamestown"]
        assert not r.log.of_kind("base_evacuated") or all(
            e.data["base"] != "Jamestown" for e in r.log.of_kind("base_evacuated")
        )
    assert deaths and all("ran out of" in e.cause for e in deaths)


def test_happy_valley_exists_and_is_international_by_2003_in_most_seeds(ensembles):
    # Canon (../shared/WORLD.md): by 2003 Happy Valley is an international settlement.
    hits = 0
    for r in ensembles["for-all-mankind"]:
        base = r.world.bases.get("Happy Valley")
        end_2003 = (2004 - 1969.5) * 365.25
        joined = [
            e
            for e in r.log.of_kind("base_founded", "base_joined")
            if e.data.get("base") == "Happy Valley" and e.day < end_2003
        ]
        agencies = {e.agency for e in joined}
        hits += base is not None and len(agencies) >= 2
    assert hits / len(ensembles["for-all-mankind"]) > 0.5


def test_bases_are_deterministic(scenarios, planners):
    sc, pl = scenarios["for-all-mankind"], planners["for-all-mankind"]
    a = run_timeline(sc, 21, planner=pl)
    b = run_timeline(sc, 21, planner=pl)
    assert a.base_metrics == b.base_metrics and a.base_metrics


def test_incidents_happen_only_at_tense_bases_and_do_something(ensembles):
    from spacerace.sim.base_incidents import INCIDENTS
    from spacerace.world.mechanics import Mechanics

    threshold = Mechanics().tension.incident_threshold
    incidents = [(r, e) for r in ensembles["for-all-mankind"] for e in r.log.of_kind("incident")]
    assert incidents  # the tense bases of 40 histories see some
    for _, e in incidents:
        assert e.data["tension"] >= threshold
        assert e.data["incident"] in INCIDENTS
        if e.data["incident"] == "riot":
            assert e.data["tension"] >= Mechanics().society.riot_threshold
    # a strike is by company workers who formed a union at that base before
    for r, e in incidents:
        if e.data["incident"] != "strike":
            continue
        assert r.world.agencies[e.agency].is_private
        unions = r.log.of_kind("union_formed")
        assert any(u.agency == e.agency and u.data["base"] == e.data["base"] and u.day <= e.day
                   for u in unions)  # fmt: skip


def test_newcomers_bring_their_own_air_even_to_an_empty_base(ensembles):
    # An order for a base whose residents have all gone home used to scale the empty base's
    # consumption (zero) by the newcomers, so they landed with no oxygen and all died days
    # later ("the base ran out of oxygen": 8 times in seed 3 of for-all-mankind, 1994-2012).
    # No one brought by a cargo flight may die of a stock the order should have carried
    # within the first step after landing.
    landings = 0
    for r in ensembles["for-all-mankind"]:
        arrivals = [e for e in r.log.of_kind("resupply") if "new resident" in e.text]
        deaths = [e for e in r.log.of_kind("base_deaths") if "ran out of" in e.cause]
        landings += len(arrivals)
        for a in arrivals:
            soon = [
                d
                for d in deaths
                if d.data["base"] == a.data["base"] and 0 <= d.day - a.day <= 2 * STEP_DAYS
            ]
            assert not soon, (a.text, a.day, [d.cause for d in soon])
    assert landings >= 40  # the check met many arrivals (40 histories to 2012)


def test_a_base_emptied_before_its_evacuation_day_is_no_longer_evacuating():
    # Staff whose tours end may all leave before the evacuation day comes; the base must then
    # be free to be resupplied and staffed again (it stood frozen for years otherwise: no
    # order is placed and no seat offered while an evacuation is pending).
    from types import SimpleNamespace

    from spacerace.sim.bases import depart
    from spacerace.world.base import Base
    from spacerace.world.person import Person

    people = {n: Person(n, "nasa", "engineer", "US", 1960, status="resident") for n in ("a", "b")}
    ctx = SimpleNamespace(world=SimpleNamespace(people=people))
    base = Base("Happy Valley", "mars", "nasa", ["nasa"], 0.0, residents=["a", "b"])
    base.tours = {"a": 10.0, "b": 20.0}
    base.evacuating_day = 100.0
    depart(ctx, base, ["a"])
    assert base.evacuating_day == 100.0  # someone is still there to evacuate
    depart(ctx, base, ["b"])
    assert base.evacuating_day is None and not base.residents


def test_cargo_craft_learning_counts_every_cargo_launch_for_a_base(ensembles):
    # Wright's law (bases.cargo_craft_learning) prices the n-th cargo craft an agency flies;
    # n must be exactly its cargo launches for bases, failed ones too (a lost craft was built)
    from spacerace.sim.base_logistics import craft_learning_factor

    counted = 0
    for r in ensembles["for-all-mankind"][:10]:
        for key, agency in r.world.agencies.items():
            launches = [e for e in r.log.of_kind("launch") if e.agency == key and "base" in e.data]
            assert agency.cargo_craft_built == len(launches), key
            counted += len(launches)
        nasa = r.world.agencies["nasa"]
        # 0.85 a doubling: after n craft the next costs (n + 1) ** log2(0.85) of the first
        assert craft_learning_factor(0.85, nasa) == pytest.approx(
            0.85 ** math.log2(nasa.cargo_craft_built + 1)
        )
    assert counted > 100  # Jamestown's and Happy Valley's orders over ten histories


def test_an_order_plans_with_the_modules_en_route_and_leaves_the_base_alone():
    # A Mars order is placed a window ahead, while the last one still flies: it must count
    # the habitat and pad on their way (before 2026-12-03 it ordered them again)
    from spacerace.catalog.base_modules import load_module_specs
    from spacerace.sim.base_logistics import _as_planned, _settle_en_route
    from spacerace.world.base import Base, ModuleUnit
    from spacerace.world.life_support import capacity

    specs = load_module_specs()
    base = Base("Happy Valley", "mars", "nasa", ["nasa"], 0.0)
    base.units = [ModuleUnit("habitat", 0.0, "nasa")]
    assert _as_planned(base, 900.0) is base  # nothing en route: the base as it stands
    base.modules_en_route = {"habitat": 2, "landing_pad": 1}
    plan = _as_planned(base, 900.0)
    assert capacity(plan, specs, 0.0) == 3 * specs["habitat"].crew_capacity
    assert plan.module_count("landing_pad") == 1 and base.module_count("landing_pad") == 0
    assert len(base.units) == 1 and capacity(base, specs, 0.0) == specs["habitat"].crew_capacity
    # flight j % 2 carries module j and rider j: flight 1 fails at launch, flight 0 lands
    base.staff_en_route = 3
    modules, riders = ["habitat", "landing_pad", "habitat"], ["nasa", "nasa", "nasa"]
    _settle_en_route(base, modules, riders, [True, False], 2, lambda ok: not ok)
    assert base.modules_en_route == {"habitat": 2} and base.staff_en_route == 2
    _settle_en_route(base, modules, riders, [True, False], 2, bool)
    assert base.modules_en_route == {} and base.staff_en_route == 0


def test_a_contractors_workers_come_on_the_payers_money_when_it_has_none():
    # The series' Helios builds and runs Happy Valley on the alliance's money: seats its
    # workers need and the company cannot pay are bought by the base's payers, each its
    # share, as far as every payer's growth money goes
    from types import SimpleNamespace

    from spacerace.sim.base_logistics import _contract_seats

    agencies = {k: SimpleNamespace(funds_musd=1000.0) for k in ("nasa", "soviet", "helios")}
    ctx = SimpleNamespace(world=SimpleNamespace(agencies=agencies))
    budget = {"nasa": 600.0, "soviet": 200.0, "helios": 0.0}
    shares = {"nasa": 0.6, "soviet": 0.4}
    paid = {}
    # a seat costs 100 M$: the Soviet side's 200 M$ at 40 % a seat pays for 5 of the 9
    assert _contract_seats(ctx, "helios", 9, budget, 100.0, shares, paid) == 5
    assert paid == {"helios": 5}
    assert budget == pytest.approx({"nasa": 300.0, "soviet": 0.0, "helios": 0.0})
    assert agencies["nasa"].funds_musd == pytest.approx(700.0)
    assert agencies["helios"].funds_musd == 1000.0  # the company pays nothing
    assert _contract_seats(ctx, "helios", 3, budget, 100.0, shares, paid) == 0


def test_a_mars_seat_on_a_members_colonist_transport_weighs_its_share_of_the_ship():
    # bases.seat_kg_mars (17.5 t: the 70 t exploration ship's four seats) until any member
    # of the base holds mars_transport, then bases.seat_kg_mars_transport: SpaceX's 2017
    # design, an 85 t ship landing 150 t and about 100 people, (85 + 150) / 100 = 2.35 t
    from types import SimpleNamespace

    from spacerace.sim.base_logistics import _seat_kg
    from spacerace.world.base import Base
    from spacerace.world.mechanics import Mechanics

    mech = Mechanics()
    agencies = {k: SimpleNamespace(capabilities=set()) for k in ("nasa", "soviet", "helios")}
    ctx = SimpleNamespace(mech=mech, world=SimpleNamespace(agencies=agencies))
    mars = Base("Happy Valley", "mars", "nasa", ["nasa", "soviet"], 0.0)
    moon = Base("Jamestown", "moon", "nasa", ["nasa"], 0.0)
    assert _seat_kg(ctx, mars) == mech.bases.seat_kg_mars == 17500.0
    agencies["helios"].capabilities.add("mars_transport")  # not a member: no seat for them
    assert _seat_kg(ctx, mars) == 17500.0
    agencies["soviet"].capabilities.add("mars_transport")  # a partner's ship carries all
    assert (
        _seat_kg(ctx, mars)
        == mech.bases.seat_kg_mars_transport
        == pytest.approx((85_000 + 150_000) / 100)
    )
    agencies["nasa"].capabilities.add("mars_transport")
    assert _seat_kg(ctx, moon) == mech.bases.seat_kg_moon  # the Moon keeps its Soyuz seat


def test_an_order_lays_as_many_landing_pads_as_the_traffic_it_wants_needs():
    # Landing capacity is built as traffic needs it: an order whose modules would not all
    # land asks for pads enough that the next order can land all it wants (before
    # 2026-12-03 one pad an order, so slots grew by six a window whatever was paid)
    from types import SimpleNamespace

    from spacerace.catalog.base_modules import load_life_support, load_module_specs
    from spacerace.sim.base_logistics import _landing_capacity, _modules_wanted
    from spacerace.world.base import Base, ModuleUnit
    from spacerace.world.life_support import daily_flows
    from spacerace.world.mechanics import Mechanics

    mech, specs, needs = Mechanics(), load_module_specs(), load_life_support()
    ctx = SimpleNamespace(mech=mech, now=0.0, world=SimpleNamespace(discoveries=set()))
    base = Base("Happy Valley", "mars", "nasa", ["nasa"], 0.0)
    base.units = [ModuleUnit(k, 0.0, "nasa") for k in ["landing_pad"] + ["habitat", "power"] * 3]
    flows = daily_flows(base, specs, needs, mech, 0.0)
    room = _landing_capacity(ctx, base)
    assert room == mech.bases.max_modules_per_order + mech.bases.modules_per_order_per_pad

    few = _modules_wanted(ctx, base, specs, flows, 12)  # fits: no second pad
    assert 0 < len(few) < room and "landing_pad" not in few
    roomy = copy.copy(base)  # forty more pads (no beds, no power): room for all it wants
    roomy.units = base.units + [ModuleUnit("landing_pad", 0.0, "nasa")] * 40
    rest = _modules_wanted(ctx, roomy, specs, flows, 200)  # everything 200 people want
    assert "landing_pad" not in rest and len(rest) > room
    many = _modules_wanted(ctx, base, specs, flows, 200)
    pads = many.count("landing_pad")
    assert len(many) == room and pads > 1
    per_pad = mech.bases.modules_per_order_per_pad
    # pads in half the slots at most (bases.pad_share_max): the rest are for the people now
    assert pads == int(mech.bases.pad_share_max * room) and "habitat" in many
    bigger = copy.copy(base)  # five pads: the room an order needs is within its share
    bigger.units = base.units + [ModuleUnit("landing_pad", 0.0, "nasa")] * 4
    room = _landing_capacity(ctx, bigger)
    more = _modules_wanted(ctx, bigger, specs, flows, 200)
    pads = more.count("landing_pad")
    assert 1 < pads < mech.bases.pad_share_max * room
    assert room + per_pad * pads >= len(rest) + 1  # the next order lands it all
    assert room + per_pad * (pads - 1) < len(rest) + 1  # and not a pad more than that


def test_a_new_base_whose_first_order_would_not_land_lays_a_pad_at_once():
    # A pad answers traffic, not the base's size: a base of two modules (under
    # landing_pad_min_units) that wants housing for 40 lays a pad in its first order (until
    # 2026-12-04 it waited for four modules and a new Mars base lost a window to two
    # landers); one whose order fits waits for landing_pad_min_units modules
    from types import SimpleNamespace

    from spacerace.catalog.base_modules import load_life_support, load_module_specs
    from spacerace.sim.base_logistics import _landing_capacity, _modules_wanted
    from spacerace.world.base import Base, ModuleUnit
    from spacerace.world.life_support import daily_flows
    from spacerace.world.mechanics import Mechanics

    mech, specs, needs = Mechanics(), load_module_specs(), load_life_support()
    ctx = SimpleNamespace(mech=mech, now=0.0, world=SimpleNamespace(discoveries=set()))
    young = Base("Happy Valley", "mars", "nasa", ["nasa"], 0.0)
    young.units = [ModuleUnit(k, 0.0, "nasa") for k in ("habitat", "power")]
    assert len(young.units) < mech.bases.landing_pad_min_units
    flows = daily_flows(young, specs, needs, mech, 0.0)
    room = _landing_capacity(ctx, young)
    assert room == mech.bases.max_modules_per_order  # no pad yet: two landers
    crowded = _modules_wanted(ctx, young, specs, flows, 40)
    assert crowded.count("landing_pad") == max(1, int(mech.bases.pad_share_max * room))
    assert len(crowded) == room
    quiet = _modules_wanted(ctx, young, specs, flows, 1)  # what it wants lands: no pad
    assert "landing_pad" not in quiet and len(quiet) < room
