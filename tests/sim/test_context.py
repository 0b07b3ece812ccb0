"""RunContext queries on the tiny scenario (tests/sim/conftest.py): each against the world."""

from spacerace.catalog.budgets import deflate_musd
from spacerace.world.base import Base
from spacerace.world.person import Person


def test_superpowers_are_the_agencies_whose_profile_says_so(make_ctx):
    ctx = make_ctx()
    # tiny: usa and ussr declare superpower = true; corp and kp do not
    assert ctx.superpowers() == ["usa", "ussr"]


def test_rival_of_pairs_the_two_superpowers_and_gives_none_for_others(make_ctx):
    ctx = make_ctx()
    assert ctx.rival_of("usa") == "ussr"
    assert ctx.rival_of("ussr") == "usa"
    assert ctx.rival_of("corp") is None
    assert ctx.rival_of("kp") is None


def test_people_of_leaves_out_staff_children_and_residents(make_ctx):
    ctx = make_ctx()
    listed = [p.name for p in ctx.people_of("usa")]
    # tiny: the four people with agency = "usa", in name order (the engineer too)
    assert listed == ["Ann Able", "Bob Baker", "Carl Cole", "Dora Dean"]
    people = ctx.world.people
    people["usa staff 1"] = Person("usa staff 1", "usa", "engineer", "US", 1930, status="resident")
    people["usa staff 2"] = Person("usa staff 2", "usa", "engineer", "US", 1930, status="home")
    people["usa child 1"] = Person("usa child 1", "usa", "child", "US", 1957)
    ctx.world.staff_count += 3
    ctx.forget_people_index()
    assert [p.name for p in ctx.people_of("usa")] == listed
    assert ctx.people_of("nobody") == []


def test_crew_pool_is_who_can_fly_best_skill_first(make_ctx):
    ctx = make_ctx()
    people = ctx.world.people
    people["Bob Baker"].status = "injured"
    people["Carl Cole"].skill = people["Ann Able"].skill  # a tie: by name
    pool = [p.name for p in ctx.crew_pool("usa")]
    # Dora Dean is an engineer (does not fly), Bob Baker is injured
    assert pool == ["Ann Able", "Carl Cole"]


def test_achieve_records_a_first_once_and_every_achiever(make_ctx):
    ctx = make_ctx(at_year=1960)
    first = ctx.achieve("usa", "space_station", ("Ann Able",))
    assert (first.agency, first.day, first.people, first.secret) == (
        "usa", ctx.now, ("Ann Able",), False,
    )  # fmt: skip
    assert ctx.achieve("ussr", "space_station", ()) is None
    assert ctx.world.milestones["space_station"].agency == "usa"
    assert "space_station" in ctx.world.agencies["ussr"].achieved


def test_view_hides_secret_firsts_and_lists_what_the_rival_has_ahead(make_ctx):
    ctx = make_ctx()
    ctx.achieve("kp", "crewed_lunar_landing", (), secret=True)
    ctx.achieve("ussr", "space_station", ())
    view = ctx.view("usa")
    assert view.firsts_taken == {"space_station": "ussr"}
    assert view.rival_ahead == ("space_station",)
    assert ctx.view("corp").rival_ahead == ()  # no rival


def test_bases_of_lists_standing_bases_the_agency_belongs_to(make_ctx):
    ctx = make_ctx()
    bases = ctx.world.bases
    bases["B"] = Base("B", "moon", "ussr", ["ussr", "usa"], 0.0)
    bases["A"] = Base("A", "moon", "usa", ["usa"], 0.0)
    bases["C"] = Base("C", "moon", "usa", ["usa"], 0.0, abandoned_day=1.0)
    bases["D"] = Base("D", "mars", "usa", ["usa"], 0.0)
    assert [b.name for b in ctx.bases_of("usa", "moon")] == ["A", "B"]
    assert [b.name for b in ctx.bases_of("ussr", "mars")] == []


def test_deflator_is_the_omb_factor_to_this_year_capped_at_2028(make_ctx):
    ctx = make_ctx(at_year=1962)
    assert ctx.deflator(2021) == deflate_musd(1.0, 2021, 1962)  # catalog.budgets, the oracle


def test_plan_is_memoised_and_non_windowed_plans_leave_after_the_lead_time(make_ctx):
    ctx = make_ctx(at_year=1960)
    saturn = ctx.world.vehicle_specs["saturn_v"]
    plan = ctx.plan("lunar_landing", saturn, False)
    assert ctx.plan("lunar_landing", saturn, False) is plan
    direct = ctx.planner.plan("lunar_landing", saturn, ctx.now, ctx.mech, False)
    assert plan == direct
    # planner.plan: depart = day + mech.missions.mission_lead_days
    assert plan.depart_day == ctx.now + ctx.mech.missions.mission_lead_days


def test_the_clock_starts_on_the_chosen_year(make_ctx):
    ctx = make_ctx(at_year=1960)
    assert ctx.year == 1960
    assert ctx.now == ctx.cal.day_of(1960, 1, 1)
    assert ctx.active_agencies() == ["corp", "kp", "usa", "ussr"]
