"""The world on a scenario's first day (sim.setup), on tiny and on for-all-mankind.

Oracles: the scenario's own fields (its agencies, people and profiles), the budget series
(catalog.budgets) and the astronaut data set (catalog.astronauts), read here directly.
"""

import pytest

from spacerace.astro.time import calendar_to_jd_tdb
from spacerace.catalog.astronauts import load_astronauts
from spacerace.catalog.budgets import BUDGET_SERIES
from spacerace.sim.setup import build_world, country_of_astronaut, real_person_skill
from spacerace.world.agency import AgencyProfile
from spacerace.world.mechanics import Mechanics


def test_profiles_are_the_scenario_declarations_with_their_defaults(tiny):
    world = build_world(tiny)
    profiles = {k: a.profile for k, a in world.agencies.items()}
    assert profiles["usa"] == AgencyProfile(
        "appropriation", True, True, "astronaut", "US", (("moon", "Jamestown"),)
    )  # nationality defaults to the country
    assert profiles["ussr"] == AgencyProfile("planned", True, True, "cosmonaut", "SU")
    assert profiles["corp"] == AgencyProfile("private", True, False, "astronaut", "US")
    # secret funding: firsts default to secret
    assert profiles["kp"] == AgencyProfile("secret", False, False, "cosmonaut", "KP")
    assert profiles["usa"].is_legislated and profiles["ussr"].is_planned
    assert profiles["kp"].answers_to_leadership and not profiles["kp"].is_planned


def test_before_the_first_selection_only_named_people_exist(tiny):
    world = build_world(tiny)
    assert sorted(world.people) == sorted(p.name for p in tiny.people)
    for spec in tiny.people:
        person = world.people[spec.name]
        assert (person.agency, person.role, person.skill, person.sex) == (
            spec.agency, spec.role, spec.skill, spec.sex,
        )  # fmt: skip
        assert person.real and not person.canon  # not canon: a real person


def test_budgets_start_from_the_scenario_or_the_series_and_wait_for_founding(scenarios):
    scenario = scenarios["for-all-mankind"]
    world = build_world(scenario)
    nasa, helios, dprk = (world.agencies[k] for k in ("nasa", "helios", "dprk"))
    assert nasa.budget_musd == BUDGET_SERIES["nasa-appropriation"](1969) == nasa.funds_musd
    # dprk: budget_musd 150, founded 1990: nothing to spend in 1969, its base budget kept
    assert (dprk.budget_musd, dprk.base_budget_musd, dprk.funds_musd) == (0.0, 150.0, 0.0)
    assert (helios.budget_musd, helios.capital_musd) == (0.0, 2000.0)


def test_real_people_are_the_data_set_selected_before_the_start_and_under_50(scenarios):
    scenario = scenarios["for-all-mankind"]
    world = build_world(scenario)
    named = {p.name for p in scenario.people}
    agency_of = {"US": "nasa", "SU": "soviet"}  # the state agencies of those countries
    expected = {
        r.name: agency_of[country_of_astronaut(r.nationality)]
        for r in load_astronauts()
        if country_of_astronaut(r.nationality) in agency_of
        and r.year_of_selection < 1969
        and 1969 - r.born_year < 50
    }
    got = {n: p.agency for n, p in world.people.items() if n not in named}
    # a named person stands for the real one of the same last name and first initial
    # (the scenario's "Alexei Leonov" for the data set's spelling)
    dropped = set(expected) - set(got)
    assert set(got) <= set(expected)
    assert all(n.split()[-1] in {m.split()[-1] for m in named} for n in dropped)
    assert all(got[n] == expected[n] for n in got)
    for name in got:
        person = world.people[name]
        assert person.skill == real_person_skill(name)
        assert person.role == world.agencies[person.agency].profile.crew_title


def test_named_people_are_ready_when_adult_and_their_agency_exists(scenarios):
    scenario = scenarios["for-all-mankind"]
    world = build_world(scenario)
    min_age = Mechanics().people.min_crew_age  # 23: the youngest selection in astronauts.csv
    for spec in scenario.people:
        founded = scenario.agencies[spec.agency].founded_year
        year = max(1969, spec.born_year + int(min_age), founded)
        ready = max(0.0, float(calendar_to_jd_tdb(year, 1, 1)) - scenario.start_jd_tdb)
        assert world.people[spec.name].ready_day == pytest.approx(ready), spec.name
    kelly = world.people["Kelly Baldwin"]  # born 1966 (series canon): of age, 23, in 1989
    adult_day = float(calendar_to_jd_tdb(1989, 1, 1)) - scenario.start_jd_tdb
    assert kelly.ready_day == pytest.approx(adult_day)


def test_real_people_start_with_the_flights_they_flew_before_the_start(scenarios):
    world = build_world(scenarios["history"])
    # Oracle: the Stavnichuk & Corlett table (astronauts.csv mission_years): Armstrong flew
    # Gemini 8 (1966) before 1969 and Apollo 11 after; Lovell Gemini 7, 12 and Apollo 8
    # (1965, 1966, 1968); Kubasov first flew Soyuz 6 in October 1969; Armstrong and Lovell
    # flew as commander or pilot, Yeliseyev only as flight engineer. The scenario names
    # "Neil Armstrong" and "Jim Lovell": they are the records' people, not second copies.
    people = world.people
    assert people["Neil Armstrong"].flights == 1
    assert people["Jim Lovell"].flights == 3
    assert "James A. Lovell Jr." not in people
    assert people["Valeri Kubasov"].flights == 0
    assert people["Neil Armstrong"].pilot and not people["Aleksei Yeliseyev"].pilot


def test_the_world_has_records_of_the_vehicles_agencies_start_with(tiny):
    world = build_world(tiny)
    assert sorted(world.vehicles) == sorted({v for a in tiny.agencies.values() for v in a.vehicles})
    assert world.agencies["usa"].fleet == {"saturn_v", "titan_ii"}
    assert world.agencies["ussr"].programs.keys() == {"l3"}


def test_real_person_skill_is_stable_and_in_range():
    skills = [real_person_skill(r.name) for r in load_astronauts()]
    assert min(skills) >= 0.5 and max(skills) <= 0.9
    assert real_person_skill("Alan B. Shepard Jr.") == real_person_skill("Alan B. Shepard Jr.")
