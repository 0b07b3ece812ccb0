"""The yearly personnel pass on the tiny scenario: recruitment, training, retirement.

The recruitment oracle re-selects from the astronaut data set (catalog.astronauts) by the
rules ``sim.personnel`` documents: the agency's country (a company: countries without a
state agency in the world), selected by the year + 12, aged 23 (``min_crew_age``, the
youngest selection in the data set) to 45, still below the training facility's retirement
age (training.csv: Houston 44, Star City 43) in the year the basic training ends, in
selection order.
"""

import dataclasses

import pytest

from spacerace.catalog.astronauts import load_astronauts
from spacerace.sim.personnel import MONTH_DAYS, personnel_process
from spacerace.sim.setup import country_of_astronaut

NO_INJURIES = {"people": {"injury_per_person_year": 0.0}}
NAMED = {"Ann Able", "Bob Baker", "Carl Cole", "Dora Dean", "Ivan Ivanov", "Pyotr Petrov"}
NAMED |= {"Sergei Sidorov", "Kim Il", "Kim Ee", "Kim Sam", "Cora Corp"}  # tiny's people


def _recruits(ctx, key):
    return sorted(n for n, p in ctx.world.people.items() if p.agency == key and n not in NAMED)


def _one_pass(ctx, year):
    """Run the personnel process through 1 January of ``year``."""
    ctx.env.process(personnel_process(ctx))
    ctx.env.run(until=ctx.cal.day_of(year, 1, 1) + 1.0)


def _expected_recruits(ctx, year, countries, want, facility=None):
    pool = sorted(load_astronauts(), key=lambda r: (r.year_of_selection, r.name))
    retire, ready_year = 1e9, year
    if facility is not None:
        retire = facility.retirement_age
        ready_year = ctx.cal.year(
            ctx.cal.day_of(year, 1, 1) + facility.basic_training_months * MONTH_DAYS
        )
    picked = [
        r.name
        for r in pool
        if country_of_astronaut(r.nationality) in countries
        and r.year_of_selection <= year + 12
        and 23 <= year - r.born_year <= 45  # min_crew_age (was 25 as recruit_min_age)
        and ready_year - r.born_year < retire  # still serving when the training ends
        and r.name not in ctx.world.people
    ]
    return picked[:want]


@pytest.mark.parametrize(
    ("key", "countries", "role"),
    [("usa", {"US"}, "astronaut"), ("ussr", {"SU"}, "cosmonaut")],
)
def test_a_short_corps_recruits_a_group_of_its_country(make_ctx, key, countries, role):
    ctx = make_ctx(mechanics=NO_INJURIES)
    want = int(ctx.mech.people.recruit_group_size)
    facility = ctx.ref.training[ctx.world.agencies[key].training_facility]
    expected = _expected_recruits(ctx, 1958, countries, want, facility)
    _one_pass(ctx, 1958)
    hired = _recruits(ctx, key)
    assert hired == sorted(expected) and len(hired) == want
    facility = ctx.ref.training[ctx.world.agencies[key].training_facility]
    ready = ctx.cal.day_of(1958, 1, 1) + facility.basic_training_months * MONTH_DAYS
    for name in hired:
        person = ctx.world.people[name]
        assert (person.role, person.status) == (role, "training")
        assert person.ready_day == pytest.approx(ready)


def test_a_company_hires_from_countries_without_a_state_agency(make_ctx):
    # the first astronauts of other countries were selected from 1976: look in 1975 + 12
    ctx = make_ctx(at_year=1975, mechanics=NO_INJURIES)
    states = {"US", "SU", "KP"}  # tiny's state agencies
    countries = {country_of_astronaut(r.nationality) for r in load_astronauts()} - states
    expected = _expected_recruits(ctx, 1976, countries, int(ctx.mech.people.recruit_group_size))
    _one_pass(ctx, 1976)
    hired = _recruits(ctx, "corp")
    assert hired == sorted(expected) and expected
    assert all(ctx.world.people[n].nationality not in states for n in hired)


def test_without_a_real_pool_recruits_are_numbered_and_invented(make_ctx):
    ctx = make_ctx(mechanics=NO_INJURIES)
    _one_pass(ctx, 1958)
    # KP has no one in the astronaut data set; tiny's three named people are 1 to 3
    want = int(ctx.mech.people.recruit_group_size)
    numbered = [f"Secret Agency cosmonaut {n}" for n in range(4, 4 + want)]
    assert _recruits(ctx, "kp") == sorted(numbered)
    assert not any(ctx.world.people[n].real for n in numbered)


def test_invented_recruits_are_named_by_the_profile_crew_title(make_ctx):
    ctx = make_ctx(mechanics=NO_INJURIES)
    kp = ctx.world.agencies["kp"]
    kp.profile = dataclasses.replace(kp.profile, crew_title="astronaut")
    _one_pass(ctx, 1958)
    invented = [ctx.world.people[n] for n in _recruits(ctx, "kp")]
    assert invented and all(p.role == "astronaut" for p in invented)
    assert all("cosmonaut" not in p.name for p in invented)


def test_a_full_corps_recruits_nobody(make_ctx):
    ctx = make_ctx(mechanics={"people": {"min_flyers": 3, "injury_per_person_year": 0.0}})
    _one_pass(ctx, 1958)
    # usa, ussr and kp have three flyers each (min_flyers 3); corp one, but no one to hire
    assert [_recruits(ctx, k) for k in ("usa", "ussr", "kp")] == [[], [], []]
    many = make_ctx(mechanics={"people": {"min_flyers": 4, "injury_per_person_year": 0.0}})
    _one_pass(many, 1958)
    assert [bool(_recruits(many, k)) for k in ("usa", "ussr", "kp")] == [True, True, True]


def test_training_ends_at_the_first_pass_after_the_ready_day(make_ctx):
    ctx = make_ctx(mechanics=NO_INJURIES)
    bob = ctx.world.people["Bob Baker"]
    bob.status, bob.ready_day = "training", 200.0
    ann = ctx.world.people["Ann Able"]
    ann.status, ann.ready_day = "training", 500.0
    _one_pass(ctx, 1958)  # day 365
    assert (bob.status, ann.status) == ("active", "training")


def test_people_retire_at_their_facility_retirement_age_unless_flying(make_ctx):
    ctx = make_ctx(mechanics=NO_INJURIES)
    age = ctx.ref.training["Houston"].retirement_age
    people = ctx.world.people
    people["Ann Able"].born_year = int(1958 - age)
    people["Bob Baker"].born_year = int(1958 - age)
    people["Bob Baker"].status = "flying"
    people["Carl Cole"].born_year = int(1958 - age) + 1
    _one_pass(ctx, 1958)
    assert [people[n].status for n in ("Ann Able", "Bob Baker", "Carl Cole")] == [
        "retired",
        "flying",
        "active",
    ]
    assert [e.actors for e in ctx.log.of_kind("retirement")] == [("Ann Able",)]


def test_nobody_is_hired_who_would_retire_before_the_training_ends(make_ctx):
    # Houston retires flyers at 44 (training.csv: median age at last flight) after 24 months
    # of basic training. Before 2026-12-03 an agency that hired less often than NASA did
    # took real astronauts selected a decade before, aged 40-47: most retired unflown.
    ctx = make_ctx(at_year=2002, mechanics=NO_INJURIES)
    facility = ctx.ref.training[ctx.world.agencies["usa"].training_facility]
    want = int(ctx.mech.people.recruit_group_size)
    expected = _expected_recruits(ctx, 2003, {"US"}, want, facility)
    _one_pass(ctx, 2003)
    hired = [
        n
        for n in _recruits(ctx, "usa")
        if ctx.world.people[n].ready_day > ctx.cal.day_of(2002, 6, 1)
    ]
    assert hired == sorted(expected) and hired
    ready_year = ctx.cal.year(ctx.world.people[hired[0]].ready_day)
    assert all(ready_year - ctx.world.people[n].born_year < facility.retirement_age for n in hired)
    # the data set holds such older candidates that the age limit alone (45) would take
    older = [
        r for r in load_astronauts()
        if country_of_astronaut(r.nationality) == "US" and r.year_of_selection <= 2015
        and 2003 - r.born_year <= 45 and ready_year - r.born_year >= facility.retirement_age
        and r.name not in ctx.world.people
    ]  # fmt: skip
    assert older
