"""Rescue (sim.rescue): a crew failing at its destination saved by another agency nearby."""

from spacerace.sim.mission_options import mission_options
from spacerace.sim.missions import commit_mission
from spacerace.sim.rescue import at_the_body, rescuer_for, try_rescue
from spacerace.world.base import Base


def _lunar_mission(ctx):
    option = next(o for o in mission_options(ctx, "usa") if o.kind == "lunar_landing")
    return commit_mission(ctx, "usa", option)


def test_only_a_failure_at_the_destination_can_be_helped():
    assert at_the_body("lunar_landing", "landing") and at_the_body("lunar_landing", "return")
    assert not at_the_body("lunar_landing", "transfer")
    assert not at_the_body("lunar_landing", "launch")
    assert not at_the_body("earth_orbit", "launch")


def test_another_agencys_base_residents_rescue_a_crew(make_ctx):
    ctx = make_ctx(at_year=1965, mechanics={"missions": {"rescue_chance": 1.0}})
    mission = _lunar_mission(ctx)
    assert rescuer_for(ctx, mission) == ""  # nobody at the Moon yet
    base = Base("Zvezda", "moon", "ussr", ["ussr"], 0.0)
    base.residents.append("Ivan Ivanov")  # a cosmonaut of the tiny scenario
    ctx.world.bases["Zvezda"] = base
    assert rescuer_for(ctx, mission) == "ussr"
    rivalry = ctx.world.rivalry
    assert try_rescue(ctx, mission, "landing", ctx.rng("rescue"))
    assert not try_rescue(ctx, mission, "transfer", ctx.rng("rescue"))
    (event,) = ctx.log.of_kind("rescue")
    assert event.data["rescuer"] == "ussr" and event.actors == mission.crew
    assert ctx.world.rivalry == rivalry - ctx.mech.missions.rivalry_drop_rescue  # rivals


def test_no_rescue_when_the_chance_is_nil(make_ctx):
    ctx = make_ctx(at_year=1965, mechanics={"missions": {"rescue_chance": 0.0}})
    mission = _lunar_mission(ctx)
    base = Base("Zvezda", "moon", "ussr", ["ussr"], 0.0)
    base.residents.append("Ivan Ivanov")
    ctx.world.bases["Zvezda"] = base
    assert not try_rescue(ctx, mission, "landing", ctx.rng("rescue"))
