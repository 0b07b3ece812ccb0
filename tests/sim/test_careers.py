"""Careers (sim/careers.py): roles and moves as catalog rows, applied the same everywhere.

Oracles: the rows themselves (every move names roles that exist, every row says why), the
seat rule stated in the module docstring (the best eligible candidate takes a free seat, one
holder a seat), and the log of a played run (a commander is someone who came back from a
flight in its first seat).
"""

from __future__ import annotations

import pytest

from spacerace.catalog.careers import TRIGGERS, load_career_moves, load_roles
from spacerace.sim.careers import careers_process, retirement_age_of
from spacerace.world.mechanics import TAGS


def test_every_move_names_known_roles_and_every_row_says_why():
    roles = load_roles()
    for move in load_career_moves():
        assert move.trigger in TRIGGERS
        assert move.to_role in roles, move.move
        assert all(r in roles for r in move.from_roles), move.move
        assert move.tag in TAGS and len(move.source) > 20, move.move
        assert 0.0 < move.chance_per_year <= 1.0
    for spec in roles.values():
        assert spec.tag in TAGS and spec.source, spec.role
        assert spec.seats in (0, 1)
        assert (spec.leave_chance_per_year > 0) == (spec.seats == 1), spec.role
    assert {m.to_role for m in load_career_moves()} >= {
        "commander",
        "flight_director",
        "center_director",
        "agency_head",
        "founder",
        "politician",
    }


def test_a_free_seat_goes_to_the_best_eligible_candidate(make_ctx):
    ctx = make_ctx()  # tiny: starts 1957
    dora = ctx.world.people["Dora Dean"]
    ctx.env.process(careers_process(ctx))
    ctx.env.run(until=1.0)
    agency = ctx.world.agencies["usa"]
    assert agency.seats == {"agency_head": "", "center_director": ""}  # outsiders at first
    dora.post, dora.post_since_day, dora.skill = "flight_director", -10 * 365.25, 0.95
    del agency.seats["center_director"]  # its holder left
    ctx.env.run(until=ctx.cal.day_of(1958, 1, 2))
    assert agency.seats["center_director"] == "Dora Dean"
    assert dora.post == "center_director"
    told = [e for e in ctx.log if e.kind == "career"]
    assert [(e.actors, e.data["role"], e.data["previous"]) for e in told] == [
        (("Dora Dean",), "center_director", "flight_director")
    ]


def test_nobody_eligible_leaves_the_seat_to_an_outsider(make_ctx):
    ctx = make_ctx()
    ctx.env.process(careers_process(ctx))
    ctx.env.run(until=1.0)
    agency = ctx.world.agencies["usa"]
    del agency.seats["agency_head"]  # no centre director among the named people
    ctx.env.run(until=ctx.cal.day_of(1958, 1, 2))
    assert agency.seats["agency_head"] == ""
    assert not [e for e in ctx.log if e.kind == "career" and e.data["role"] == "agency_head"]


def test_staff_retire_at_their_roles_age_and_flyers_at_their_centres(make_ctx):
    ctx = make_ctx()
    dora, ann = ctx.world.people["Dora Dean"], ctx.world.people["Ann Able"]
    assert retirement_age_of(dora, 44.0) == load_roles()["engineer"].retirement_age == 65.0
    assert retirement_age_of(ann, 44.0) == 44.0


@pytest.fixture(scope="module")
def fam_run(scenarios, planners):
    from spacerace.sim.engine import run_timeline

    return run_timeline(scenarios["for-all-mankind"], 3, planner=planners["for-all-mankind"])


def test_a_commander_came_back_from_a_flight_in_its_first_seat(fam_run):
    firsts = {(m.name, m.crew[0]) for m in fam_run.world.missions if m.crew}
    commands = [e for e in fam_run.log if e.kind == "career" and e.data["move"] == "command"]
    assert commands
    for e in commands:
        mission = e.text.removeprefix(f"{e.actors[0]} commands ").removesuffix(", a first command.")
        assert (mission, e.actors[0]) in firsts, e.text


def test_each_seat_has_one_holder_who_holds_that_role(fam_run):
    people = fam_run.world.people
    for agency in fam_run.world.agencies.values():
        named = [h for h in agency.seats.values() if h]
        assert len(named) == len(set(named)), agency.key
        for role, holder in agency.seats.items():
            if holder:
                assert people[holder].post == role and people[holder].status == "active"


def test_the_cast_starts_in_their_canon_roles(scenarios):
    from spacerace.sim.setup import build_world

    people = build_world(scenarios["for-all-mankind"]).people
    assert people["Edward Baldwin"].post == "commander" and people["Edward Baldwin"].flights == 2
    assert people["Margo Madison"].post == "engineer"
    assert people["Grigory Kuznetsov"].post == "cosmonaut"
    assert people["Dev Ayesa"].post == "administrator"
