"""Arrivals on the tiny scenario: firsts (public and secret), bases founded, joined, named.

tiny's base names: usa's profile names its Moon base "Jamestown"; the scenario names the
first Moon base of any other agency "Scenario Moon" and the first Mars base "Scenario Mars".
"""

import dataclasses

from spacerace.sim.company import earn_contracts
from spacerace.sim.landings import arrive_at_destination, base_name_for, record_first, stay_days
from spacerace.world.base import Base
from spacerace.world.mission import Mission, MissionPlan
from spacerace.world.mission_kinds import MISSION_KINDS

CREWS = {
    "usa": ("Ann Able", "Bob Baker", "Carl Cole"),
    "ussr": ("Ivan Ivanov", "Pyotr Petrov", "Sergei Sidorov"),
    "kp": ("Kim Ee", "Kim Il", "Kim Sam"),
    "corp": ("Cora Corp",),
}


def _mission(ctx, key, kind, n=1, surface_days=3.0):
    plan = MissionPlan(0.0, 1.0, 1, ctx.now, 3.0, surface_days, 0.0, 1.0, "test plan")
    crew = CREWS[key][: MISSION_KINDS[kind].crew]
    return Mission(f"{key}-{n:04d}", key, kind, f"{key} {kind} {n}", "saturn_v", crew, plan)


def test_a_public_first_is_announced_and_moves_politics(make_ctx):
    ctx = make_ctx(at_year=1960)
    usa = ctx.world.agencies["usa"]
    support = usa.support
    record_first(ctx, _mission(ctx, "usa", "lunar_landing"), "crewed_lunar_landing", False)
    first = ctx.world.milestones["crewed_lunar_landing"]
    assert (first.agency, first.secret) == ("usa", False)
    [event] = ctx.log.of_kind("milestone")
    assert event.data["first"] is True and "secret" not in event.text
    assert usa.support > support  # react_to_first (its numbers: test_politics.py)


def test_a_secret_agency_first_is_recorded_secret_without_a_support_jump(make_ctx):
    ctx = make_ctx(at_year=1960)
    kp = ctx.world.agencies["kp"]  # funding = "secret": public_firsts defaults to False
    before = (kp.support, kp.prestige, kp.support_shift, ctx.world.rivalry)
    record_first(ctx, _mission(ctx, "kp", "lunar_landing"), "crewed_lunar_landing", False)
    first = ctx.world.milestones["crewed_lunar_landing"]
    assert (first.agency, first.secret) == ("kp", True)
    assert (kp.support, kp.prestige, kp.support_shift, ctx.world.rivalry) == before
    [event] = ctx.log.of_kind("milestone")
    assert event.text.endswith("— kept secret.")
    assert "crewed_lunar_landing" not in ctx.view("usa").firsts_taken


def test_a_later_achiever_is_told_once_as_too(make_ctx):
    ctx = make_ctx(at_year=1960)
    record_first(ctx, _mission(ctx, "usa", "lunar_landing"), "crewed_lunar_landing", False)
    for n in (1, 2):
        mission = _mission(ctx, "ussr", "lunar_landing", n)
        record_first(ctx, mission, "crewed_lunar_landing", False)
    events = ctx.log.of_kind("milestone")
    assert [e.data["first"] for e in events] == [True, False]
    assert events[1].text == (
        "The Soviet Agency also lands a crew on the Moon (Ivan Ivanov, Pyotr Petrov and "
        "Sergei Sidorov), after the US Agency."
    )
    assert "crewed_lunar_landing" in ctx.world.agencies["ussr"].achieved


def test_arrival_earns_the_kind_row_milestones_and_the_woman_milestone(make_ctx):
    ctx = make_ctx(at_year=1960)
    arrive_at_destination(ctx, _mission(ctx, "usa", "lunar_landing"), False)
    # lunar_landing: milestones (crewed_lunar_landing,), woman_milestone woman_on_moon
    assert sorted(ctx.world.milestones) == ["crewed_lunar_landing", "woman_on_moon"]
    arrive_at_destination(ctx, _mission(ctx, "ussr", "space_station"), False)
    assert "space_station" in ctx.world.milestones


def test_base_names_come_from_the_profile_then_the_scenario_then_the_fallback(make_ctx):
    ctx = make_ctx()
    assert base_name_for(ctx, "usa", "moon") == "Jamestown"  # its profile
    assert base_name_for(ctx, "ussr", "moon") == "Scenario Moon"  # the scenario's
    assert base_name_for(ctx, "usa", "mars") == "Scenario Mars"  # profile names no Mars base
    ctx.world.bases["Scenario Moon"] = Base("Scenario Moon", "moon", "ussr", ["ussr"], 0.0)
    assert base_name_for(ctx, "kp", "moon") == "Secret Agency Moon Base"  # the name is taken
    ctx.world.bases["Jamestown"] = Base("Jamestown", "moon", "corp", ["corp"], 0.0)
    assert base_name_for(ctx, "usa", "moon") == "US Agency Moon Base"


def test_without_scenario_names_the_base_is_the_agency_body_base(make_ctx):
    ctx = make_ctx()
    ctx.ref = dataclasses.replace(ctx.ref, base_names=())
    assert base_name_for(ctx, "ussr", "moon") == "Soviet Agency Moon Base"
    assert base_name_for(ctx, "corp", "mars") == "Corp Mars Base"


def test_base_name_for_never_gives_a_name_already_taken(make_ctx):
    ctx = make_ctx()
    for name in ("Jamestown", "US Agency Moon Base"):
        ctx.world.bases[name] = Base(name, "moon", "usa", ["usa"], 0.0, abandoned_day=1.0)
    assert base_name_for(ctx, "usa", "moon") not in ctx.world.bases


def test_a_base_is_founded_after_min_landings_at_one_site(make_ctx):
    ctx = make_ctx(at_year=1960, mechanics={"missions": {"lunar_base_min_landings": 2}})
    arrive_at_destination(ctx, _mission(ctx, "usa", "lunar_base", 1), False)
    assert ctx.world.bases == {}
    assert ctx.world.agencies["usa"].landing_sites == {"moon": ["usa-0001"]}
    arrive_at_destination(ctx, _mission(ctx, "usa", "lunar_base", 2), False)
    base = ctx.world.bases["Jamestown"]
    assert (base.body, base.founder, base.agencies, base.site) == (
        "moon", "usa", ["usa"], "Shackleton crater",  # SURFACE_BODIES["moon"].site
    )  # fmt: skip
    assert ctx.world.milestones["lunar_base"].agency == "usa"  # the body's milestone
    assert [e.data["base"] for e in ctx.log.of_kind("base_founded")] == ["Jamestown"]


def test_a_landing_at_its_own_base_adds_the_kind_module_and_moves_the_crew_in(make_ctx):
    ctx = make_ctx(at_year=1960)
    arrive_at_destination(ctx, _mission(ctx, "usa", "lunar_base", 1), False)
    base = ctx.world.bases["Jamestown"]
    units = len(base.units)
    arrive_at_destination(ctx, _mission(ctx, "usa", "lunar_base", 2), False)
    assert len(base.units) == units + 1 and base.units[-1].kind == "habitat"  # adds_module
    arrive_at_destination(ctx, _mission(ctx, "usa", "lunar_rotation", 3), False)
    assert len(base.units) == units + 1  # a rotation adds no module
    assert set(CREWS["usa"]) <= set(base.residents)
    assert len(ctx.world.bases) == 1


def test_a_state_landing_on_the_moon_founds_its_own_base_beside_another(make_ctx):
    ctx = make_ctx(at_year=1960)
    ctx.world.rivalry = 0.0  # even as partners: the Moon is not joined_by_later_arrivals
    arrive_at_destination(ctx, _mission(ctx, "usa", "lunar_base", 1), False)
    arrive_at_destination(ctx, _mission(ctx, "ussr", "lunar_base", 1), False)
    assert sorted(ctx.world.bases) == ["Jamestown", "Scenario Moon"]


def test_a_company_joins_a_standing_moon_base_and_earns_helium3(make_ctx):
    ctx = make_ctx(at_year=1960)
    arrive_at_destination(ctx, _mission(ctx, "usa", "lunar_base", 1), False)
    corp = ctx.world.agencies["corp"]
    arrive_at_destination(ctx, _mission(ctx, "corp", "lunar_base", 1), False)
    assert ctx.world.bases["Jamestown"].agencies == ["usa", "corp"]
    earn_contracts(ctx, "corp")  # each 1 January (sim.politics)
    assert corp.company.pending_musd["helium3"] == ctx.mech.economy.helium3_revenue_musd
    assert ctx.log.of_kind("base_joined")[0].data["base"] == "Jamestown"


def _mars_pair(make_ctx, rivalry):
    ctx = make_ctx(at_year=1960)
    ctx.world.rivalry = rivalry
    arrive_at_destination(ctx, _mission(ctx, "ussr", "mars_landing", 1), False)
    arrive_at_destination(ctx, _mission(ctx, "usa", "mars_landing", 1), False)
    return ctx


def test_below_the_treaty_threshold_a_later_mars_arrival_joins_the_base(make_ctx):
    threshold = make_ctx().mech.politics.treaty_rivalry_threshold
    ctx = _mars_pair(make_ctx, threshold - 0.01)
    assert list(ctx.world.bases) == ["Scenario Mars"]
    assert ctx.world.bases["Scenario Mars"].agencies == ["ussr", "usa"]


def test_at_the_treaty_threshold_a_later_mars_arrival_founds_its_own(make_ctx):
    threshold = make_ctx().mech.politics.treaty_rivalry_threshold
    ctx = _mars_pair(make_ctx, threshold)
    # the first Mars base took the scenario's name; the second falls back
    assert sorted(ctx.world.bases) == ["Scenario Mars", "US Agency Mars Base"]


def test_a_tour_landing_of_a_crew_living_at_the_base_stays_a_rotation(make_ctx):
    ctx = make_ctx(at_year=1960)
    rotation = _mission(ctx, "usa", "lunar_rotation", surface_days=3.0)
    assert stay_days(ctx, rotation) == 3.0  # no home yet: the plan's stay
    base = Base("Jamestown", "moon", "usa", ["usa"], 0.0, residents=list(CREWS["usa"]))
    ctx.world.bases["Jamestown"] = base
    # serves_tour: max(plan's stay, base_rotation_interval_days)
    assert stay_days(ctx, rotation) == ctx.mech.missions.base_rotation_interval_days
    assert stay_days(ctx, _mission(ctx, "usa", "lunar_base")) == 3.0  # not serves_tour
