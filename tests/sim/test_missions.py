"""Mission decisions on the tiny scenario: committing a choice, reviewing goals, the loop."""

import dataclasses

import pytest

from spacerace.policy.base import ExternalPolicy, MissionOption
from spacerace.policy.builtin import StatePolicy
from spacerace.sim.mission_options import mission_options
from spacerace.sim.missions import commit_mission, decide_process, review_goals
from spacerace.world.agency import ProgramProgress
from spacerace.world.mission import MissionPlan
from spacerace.world.mission_kinds import MISSION_KINDS


def _option(ctx, key, kind, vehicle):
    return next(o for o in mission_options(ctx, key) if (o.kind, o.vehicle) == (kind, vehicle))


def test_commit_names_the_mission_from_the_kind_row_and_pays_for_it(make_ctx):
    ctx = make_ctx(at_year=1960)
    usa = ctx.world.agencies["usa"]
    funds = usa.funds_musd
    choice = _option(ctx, "usa", "lunar_landing", "saturn_v")
    orbit = _option(ctx, "usa", "earth_orbit", "saturn_v")  # before the crew is taken
    mission = commit_mission(ctx, "usa", choice)
    # "<agency> <label> <n>" with the row's label; ids number the agency's missions
    assert mission.name == f"US Agency {MISSION_KINDS['lunar_landing'].label} 1"
    assert mission.id == "usa-0001"
    assert usa.funds_musd == pytest.approx(funds - choice.cost_musd)
    assert ctx.world.missions == [mission]
    ctx.world.people["Ann Able"].status = "active"  # flying again: the crew pool has two
    ctx.world.people["Bob Baker"].status = "active"
    second = commit_mission(ctx, "usa", orbit)
    assert (second.name, second.id) == ("US Agency earth orbit 2", "usa-0002")


def test_commit_flies_the_pool_best_first_and_marks_them_flying(make_ctx):
    ctx = make_ctx(at_year=1960)
    mission = commit_mission(ctx, "usa", _option(ctx, "usa", "lunar_landing", "saturn_v"))
    # StatePolicy.pick_crew: the first `crew` of the pool (best skill first)
    assert mission.crew == ("Ann Able", "Bob Baker", "Carl Cole")
    assert {ctx.world.people[n].status for n in mission.crew} == {"flying"}
    assert ctx.crew_pool("usa") == []


def test_a_goal_that_needs_a_woman_puts_one_among_the_seats(make_ctx):
    # world.crew.crew_order: a woman need only be among the first `size` (she was offered
    # first before the commander rule; the commander seat now goes by experience)
    ctx = make_ctx(at_year=1960)
    people = ctx.world.people
    people["Ann Able"].skill = 0.1  # the only woman, last of the pool by skill
    usa = ctx.world.agencies["usa"]
    usa.achieved.add("crewed_lunar_landing")  # the open goal is now woman_on_moon
    choice = _option(ctx, "usa", "lunar_landing", "saturn_v")
    assert choice.serves_goal == "woman_on_moon"
    asked = []
    ctx.policies["usa"] = ExternalPolicy(
        StatePolicy(),
        crew_fn=lambda view, kind, pool, size, rng: asked.append(list(pool)) or pool[:size],
    )
    ctx.world.people["Carl Cole"].flights = 1  # a veteran: the first seat is his
    mission = commit_mission(ctx, "usa", choice)
    size = MISSION_KINDS["lunar_landing"].crew
    assert asked[0][0] == "Carl Cole" and "Ann Able" in asked[0][:size]
    assert "Ann Able" in mission.crew


def test_the_approval_delay_applies_to_a_non_windowed_kind(make_ctx):
    ctx = make_ctx(at_year=1960)
    usa = ctx.world.agencies["usa"]
    usa.approval_delay_days = 100.0
    choice = _option(ctx, "usa", "lunar_landing", "saturn_v")
    mission = commit_mission(ctx, "usa", choice)
    assert mission.plan.depart_day == choice.depart_day + 100.0
    assert usa.last_flown["lunar_landing"] == mission.plan.depart_day


def test_the_approval_delay_does_not_apply_to_a_windowed_kind(make_ctx, monkeypatch):
    ctx = make_ctx(at_year=1960)
    usa = ctx.world.agencies["usa"]
    usa.approval_delay_days = 100.0
    # a stand-in for the Mars window plan (the planner is tested in test_kind_rows.py)
    plan = MissionPlan(0.0, 1e5, 3, 1500.0, 200.0, 30.0, 10.0, 900.0, "window")
    monkeypatch.setattr(ctx, "plan", lambda *args, **kw: plan)
    assert MISSION_KINDS["mars_landing"].windowed
    choice = MissionOption("mars_landing", "saturn_v", "", 900.0, 3, 0.5, "", 1500.0)
    mission = commit_mission(ctx, "usa", choice)
    assert mission.plan.depart_day == 1500.0
    assert mission.crew == ("Ann Able", "Bob Baker", "Carl Cole")  # 3 of a crew of 4 in the pool


def _rival_ahead(ctx, keep):
    ctx.achieve("ussr", "crewed_lunar_landing", ())
    ctx.world.agencies["usa"].programs["lunar_base"] = ProgramProgress("lunar_base")
    asked = []

    def keep_goal(view, goal, odds, rng):
        asked.append(goal)
        return keep

    ctx.policies["usa"] = ExternalPolicy(StatePolicy(), keep_goal_fn=keep_goal)
    review_goals(ctx, "usa")
    return asked


def test_giving_up_a_goal_drops_its_group_and_their_programs(make_ctx):
    ctx = make_ctx(at_year=1960)
    asked = _rival_ahead(ctx, keep=False)
    usa = ctx.world.agencies["usa"]
    # GOALS: crewed_lunar_landing is reviewed, abandoned with woman_on_moon and lunar_base
    assert asked == ["crewed_lunar_landing"]
    assert usa.goals == ("space_station",)
    assert "lunar_base" not in usa.programs  # the lunar_base goal needs the lunar_base program
    [event] = ctx.log.of_kind("goal_abandoned")
    assert event.data["goal"] == "crewed_lunar_landing"


def test_keeping_a_goal_changes_nothing(make_ctx):
    ctx = make_ctx(at_year=1960)
    before = ctx.world.agencies["usa"].goals
    assert _rival_ahead(ctx, keep=True) == ["crewed_lunar_landing"]
    assert ctx.world.agencies["usa"].goals == before
    assert ctx.log.of_kind("goal_abandoned") == []


def test_a_goal_that_is_not_reviewed_is_never_put_in_question(make_ctx):
    ctx = make_ctx(at_year=1960)
    ctx.achieve("ussr", "space_station", ())  # GOALS: space_station is not reviewed
    ctx.policies["usa"] = ExternalPolicy(StatePolicy(), keep_goal_fn=lambda *a: pytest.fail())
    review_goals(ctx, "usa")
    assert ctx.decisions.decisions == []


def test_decide_process_commits_a_mission_and_starts_its_flight(make_ctx):
    ctx = make_ctx(at_year=1960)
    ctx.env.process(decide_process(ctx, "usa"))
    ctx.env.run(until=ctx.now + 1.0)
    [mission] = ctx.world.missions
    # StatePolicy.next_mission: the option serving the earliest goal, crewed_lunar_landing
    assert mission.kind == "lunar_landing"
    assert [d.question.kind for d in ctx.decisions.decisions] == ["next_mission", "pick_crew"]


def test_decide_process_waits_for_the_agency_to_be_founded(make_ctx):
    ctx = make_ctx()
    ctx.world.agencies["usa"] = dataclasses.replace(ctx.world.agencies["usa"], founded_year=1962)
    ctx.env.process(decide_process(ctx, "usa"))
    ctx.env.run(until=ctx.cal.day_of(1962, 1, 1) - 1.0)
    assert ctx.world.missions == []
    ctx.env.run(until=ctx.cal.day_of(1962, 1, 1) + 1.0)
    assert [m.agency for m in ctx.world.missions] == ["usa"]
