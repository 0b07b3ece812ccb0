"""The kind, goal and surface-body tables (world.mission_kinds) against what they name.

Every mechanic a row names must be a field of the group the module says it is in, every
requirement a catalog program, every goal's kind a row, and the planner must plan every
kind. The oracles are the mechanics dataclasses' fields, the catalog and the planner.
"""

import dataclasses

import pytest

from spacerace.world.mechanics import Mechanics, MissionsMechanics, ProgramsMechanics
from spacerace.world.mission import MISSION_TYPES
from spacerace.world.mission_kinds import GOALS, MISSION_KINDS, SURFACE_BODIES

MISSIONS = {f.name for f in dataclasses.fields(MissionsMechanics)}
PROGRAMS = {f.name for f in dataclasses.fields(ProgramsMechanics)}
DURATIONS = ("transit", "return", "landing", "short")
PLANNER_BUILDERS = (
    "earth_orbit",
    "station",
    "lunar",
    "lunar_base",
    "mars",
    "mars_light",
    "asteroid",
)


@pytest.fixture(scope="module")
def catalog_programs():
    from spacerace.catalog.programs import load_programs

    return load_programs()


def test_the_kinds_are_the_mission_types_in_order():
    assert tuple(MISSION_KINDS) == MISSION_TYPES
    assert all(key == row.key for key, row in MISSION_KINDS.items())


@pytest.mark.parametrize("kind", list(MISSION_KINDS))
def test_every_mechanic_a_kind_row_names_is_in_its_group(kind):
    row = MISSION_KINDS[kind]
    for phase in row.phases:
        assert phase.risk in MISSIONS, phase
        assert phase.duration in DURATIONS, phase
    assert row.launch_cap in PROGRAMS
    assert not row.upkeep_interval or row.upkeep_interval in MISSIONS
    assert row.planner in PLANNER_BUILDERS
    assert sum(p.arrives for p in row.phases) == 1  # firsts count once per mission


@pytest.mark.parametrize("kind", list(MISSION_KINDS))
def test_every_requirement_of_a_kind_is_a_catalog_program(kind, catalog_programs):
    row = MISSION_KINDS[kind]
    for token in row.needs:
        assert all(part in catalog_programs for part in token.split("|")), token
    if row.at_site or row.needs_own_base:
        assert row.body in SURFACE_BODIES
    for milestone in (*row.milestones, row.woman_milestone):
        assert not milestone or milestone in GOALS


@pytest.mark.parametrize("body", list(SURFACE_BODIES))
def test_every_surface_body_names_a_missions_mechanic_and_a_goal(body):
    row = SURFACE_BODIES[body]
    assert row.key == body
    assert row.min_landings in MISSIONS
    assert row.milestone in GOALS
    assert any(k.founds_base and k.body == body for k in MISSION_KINDS.values())


@pytest.mark.parametrize("goal", list(GOALS))
def test_every_goal_names_a_kind_programs_and_goals_that_exist(goal, catalog_programs):
    row = GOALS[goal]
    assert row.key == goal
    assert row.kind == "" or row.kind in MISSION_KINDS
    for token in row.needs:
        assert all(part in catalog_programs for part in token.split("|")), token
    assert all(g in GOALS for g in row.abandoned_with)
    assert not row.abandoned_with or goal in row.abandoned_with  # "itself included"
    assert row.after == "" or row.after in GOALS
    assert all(k in MISSION_KINDS for k in row.also_by)
    if row.kind:  # the goal's needs are what its kinds' rows need, as alternatives
        kinds = (row.kind, *row.also_by)
        wanted = {part for k in kinds for t in MISSION_KINDS[k].needs for part in t.split("|")}
        assert {part for t in row.needs for part in t.split("|")} == wanted


def test_every_mechanics_default_is_readable_by_its_row_name():
    mech = Mechanics()
    names = {p.risk for k in MISSION_KINDS.values() for p in k.phases}
    names |= {k.upkeep_interval for k in MISSION_KINDS.values() if k.upkeep_interval}
    names |= {b.min_landings for b in SURFACE_BODIES.values()}
    assert all(isinstance(getattr(mech.missions, n), float) for n in names)
    caps = {k.launch_cap for k in MISSION_KINDS.values()}
    assert all(getattr(mech.programs, n) >= 1 for n in caps)


# a suitable vehicle per builder: Saturn V lifts everything but Mars and asteroid missions
# in its launch caps; Sea Dragon (550 t to LEO) lifts those
VEHICLE = {
    "earth_orbit": "saturn_v",
    "space_station": "saturn_v",
    "lunar_landing": "saturn_v",
    "lunar_base": "saturn_v",
    "lunar_rotation": "saturn_v",
    "mars_landing": "sea_dragon",
    "mars_landing_light": "sea_dragon",
    "mars_base_rotation": "sea_dragon",
    "asteroid_capture": "sea_dragon",
}


@pytest.fixture(scope="module")
def plans(planners):
    """Every kind planned on 1 January 1990 of for-all-mankind, nuclear stages."""
    from spacerace.astro.time import calendar_to_jd_tdb
    from spacerace.catalog.vehicles import load_vehicles

    planner = planners["for-all-mankind"]
    specs = load_vehicles()
    day = float(calendar_to_jd_tdb(1990, 1, 1)) - planner.start_jd_tdb
    return {
        kind: planner.plan(kind, specs[VEHICLE[kind]], day, Mechanics(), True)
        for kind in MISSION_KINDS
    }


@pytest.mark.parametrize("kind", list(MISSION_KINDS))
def test_the_planner_plans_every_kind(kind, plans):
    plan = plans[kind]
    assert plan is not None, kind  # each has a window or a target in 1990-2004
    assert plan.launches >= 1 and plan.cost_musd > 0
    durations = {p.duration for p in MISSION_KINDS[kind].phases}
    if "transit" in durations:
        assert plan.transit_days > 0


def test_kinds_that_share_a_builder_get_the_same_plan(plans):
    by_builder = {}
    for kind, row in MISSION_KINDS.items():
        by_builder.setdefault(row.planner, []).append(plans[kind])
    for builder, same in by_builder.items():
        assert all(p == same[0] for p in same), builder


@pytest.mark.parametrize("kind", [k for k, row in MISSION_KINDS.items() if row.windowed])
def test_a_windowed_kind_leaves_on_its_window_through_the_run_context(kind, make_ctx):
    ctx = make_ctx("for-all-mankind", at_year=1990)
    spec = ctx.world.vehicle_specs[VEHICLE[kind]]
    plan = ctx.plan(kind, spec, True)
    assert plan is not None
    # a window (or a target's design) on or after the decision's lead time
    assert plan.depart_day >= ctx.now + ctx.mech.missions.mission_lead_days - 1e-9
    assert ctx.plan(kind, spec, True) is plan  # memoised by its window
