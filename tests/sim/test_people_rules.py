"""People on real rates: non-flight deaths by era, nobody flies young, veterans command.

Oracles: the era rates are catalog/data/era_rates.csv (re-derived in
tests/catalog/test_rates.py); the minimum age is the mechanic people.min_crew_age (23, the
youngest selection in astronauts.csv); the crew rule is world.crew.crew_order's docstring
(a commander who has flown when anyone has, a pilot among them first; the rest by skill).
"""

import dataclasses

import pytest

from spacerace.catalog.rates import EraRate
from spacerace.sim.mission_options import mission_options
from spacerace.sim.missions import commit_mission
from spacerace.sim.personnel import personnel_process
from spacerace.sim.world_events import random_events_process
from spacerace.world.crew import crew_order
from spacerace.world.person import Person


def _person(name, skill=0.5, flights=0, pilot=True, sex="male", born=1930):
    return Person(name, "x", "astronaut", "US", born, skill=skill, flights=flights, pilot=pilot,
                  sex=sex)  # fmt: skip


def _names(people):
    return [p.name for p in people]


def test_a_veteran_pilot_commands_over_a_better_rookie():
    pool = [_person("A", 0.9), _person("B", 0.8, pilot=False, flights=3), _person("C", 0.6, 1)]
    # C: flown and a pilot; B has flown more but never sat in a pilot's seat
    assert _names(crew_order(pool, 3)) == ["C", "A", "B"]


def test_a_veteran_who_is_no_pilot_commands_when_no_pilot_has_flown():
    pool = [_person("A", 0.9), _person("B", 0.8, pilot=False, flights=1)]
    assert _names(crew_order(pool, 2)) == ["B", "A"]


def test_an_agency_first_crew_is_led_by_its_best_pilot():
    pool = [_person("A", 0.9, pilot=False), _person("B", 0.8), _person("C", 0.7)]
    assert _names(crew_order(pool, 2)) == ["B", "A", "C"]


def test_a_woman_takes_the_second_seat_when_the_goal_needs_one():
    pool = [
        _person("A", 0.9, 1),
        _person("B", 0.8),
        _person("C", 0.7),
        _person("W", 0.1, sex="female"),
    ]
    assert _names(crew_order(pool, 3, needs_woman=True)) == ["A", "W", "B", "C"]
    assert _names(crew_order(pool, 1, needs_woman=True)) == ["W", "A", "B", "C"]
    assert _names(crew_order(pool, 3)) == ["A", "B", "C", "W"]


def test_the_engine_offers_the_veteran_first_and_the_policy_takes_him(make_ctx):
    ctx = make_ctx(at_year=1960)
    people = ctx.world.people
    people["Carl Cole"].flights = 1  # the least skilled of tiny's three US astronauts
    choice = next(o for o in mission_options(ctx, "usa") if o.kind == "earth_orbit")
    mission = commit_mission(ctx, "usa", choice)
    question = ctx.decisions.decisions[-1].question
    assert question.kind == "pick_crew" and question.options[0] == "Carl Cole"
    assert mission.crew[0] == "Carl Cole"


def _child(ctx, name="Young One", age=10, status="active"):
    child = Person(name, "usa", "astronaut", "US", ctx.year - age, skill=0.99, status=status)
    ctx.world.people[name] = child
    return child


def test_nobody_under_the_minimum_age_is_in_the_crew_pool(make_ctx):
    ctx = make_ctx(at_year=1960)
    assert ctx.mech.people.min_crew_age == 23
    _child(ctx, "Twenty Two", age=22)
    _child(ctx, "Twenty Three", age=23)
    pool = _names(ctx.crew_pool("usa"))
    assert "Twenty Two" not in pool and "Twenty Three" in pool


def test_nobody_under_the_minimum_age_is_hurt_in_training(make_ctx):
    ctx = make_ctx(at_year=1960, mechanics={"people": {"injury_per_person_year": 1.0}})
    young = _child(ctx, age=10)
    adult = ctx.world.people["Bob Baker"]
    ctx.env.process(personnel_process(ctx))
    ctx.env.run(until=ctx.cal.day_of(1961, 1, 1) + 1.0)
    assert adult.status == "injured"  # at rate 1 a year everyone of age is hurt
    assert young.status == "active"


def _only_era(ctx, early: float, late: float):
    eras = (
        EraRate("astronaut_nonflight_death", 1959, 1969, early, "person", 0, 1, "test", "test"),
        EraRate("astronaut_nonflight_death", 1970, None, late, "person", 0, 1, "test", "test"),
    )
    ctx.ref = dataclasses.replace(ctx.ref, era_rates={"astronaut_nonflight_death": eras})


def _deaths(ctx):
    return [e for e in ctx.log if e.kind == "death"]


@pytest.mark.parametrize(("early", "late", "died_by_1975"), [(5.0, 0.0, True), (0.0, 5.0, True)])
def test_non_flight_deaths_follow_the_rate_of_the_year_era(make_ctx, early, late, died_by_1975):
    ctx = make_ctx(at_year=1962)
    _only_era(ctx, early, late)
    ctx.env.process(random_events_process(ctx))
    ctx.env.run(until=ctx.cal.day_of(1976, 1, 1))
    years = {ctx.cal.year(e.day) for e in _deaths(ctx)}
    assert bool(years) == died_by_1975
    if early:  # 5 deaths a person-year: the corps is gone in the 1960s, none die later
        assert max(years) <= 1969
    else:
        assert min(years) >= 1970
    assert all("from 1959" in e.cause or "from 1970" in e.cause for e in _deaths(ctx))


def test_a_child_is_never_killed_in_training(make_ctx):
    ctx = make_ctx(at_year=1962)
    _only_era(ctx, 5.0, 5.0)
    young = _child(ctx, age=5)
    ctx.env.process(random_events_process(ctx))
    ctx.env.run(until=ctx.cal.day_of(1975, 1, 1))  # he is 18 then: still too young
    assert young.status == "active" and _deaths(ctx)  # the adults died, he did not


def test_the_history_era_rate_gives_a_handful_of_non_flight_deaths(make_ctx):
    # the rate in force from 1970: 5 deaths in 5,000 astronaut-years (era_rates.csv)
    ctx = make_ctx("history")
    era = ctx.ref.rate_in_year("astronaut_nonflight_death", 1985)
    assert (era.events, era.exposure, era.from_year) == (5, 5000, 1970)
    assert ctx.ref.rate_in_year("astronaut_nonflight_death", 1968).per_year > 10 * era.per_year
