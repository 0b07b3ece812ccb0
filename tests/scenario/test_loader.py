"""Scenario loading: the built-ins load, and every kind of mistake is named with its line.

The oracle for lines is the test's own text: each bad file marks the offending line with
``# <-`` and the test checks the error points there.
"""

import dataclasses
import shutil
from importlib import resources
from pathlib import Path

import pytest

from spacerace.errors import InputError, ScenarioError
from spacerace.scenario.loader import (
    known_mechanics,
    known_programs,
    known_vehicles,
    list_builtin,
    load_scenario,
    parse_scenario,
)

GOOD = """\
[scenario]
name = "tiny"
title = "A tiny history"
start = 1969-01-01
end_year = 1980

[[era]]
key = "first"
title = "The first years"
start_year = 1969
end_year = 1974

[[era]]
key = "later"
title = "Later"
start_year = 1975
end_year = 1980

[agencies.nasa]
name = "NASA"
kind = "state"
country = "US"
doctrine = "prestige"
budget_musd = 3995.0
vehicles = ["saturn_v"]
capabilities = ["apollo_lm"]
goals = ["crewed_lunar_landing"]

[agencies.soviet]
name = "Soviet space program"
kind = "state"
country = "SU"
doctrine = "prestige"
vehicles = ["n1"]  # a scripted mission needs a vehicle to fly
programs = ["l3"]

[[people]]
name = "Alexei Leonov"
agency = "soviet"
role = "cosmonaut"
nationality = "SU"
born_year = 1934

[[scripted]]
date = 1969-06-26
kind = "mission"
agency = "soviet"
mission = "lunar_landing"
crew = ["Alexei Leonov"]
text = "The divergence."
"""


def error(text: str) -> ScenarioError:
    with pytest.raises(ScenarioError) as info:
        parse_scenario(text, "bad.toml")
    return info.value


def marked_line(text: str) -> int:
    (line,) = [i for i, s in enumerate(text.splitlines(), start=1) if s.endswith("# <-")]
    return line


def replace(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


def mark(new: str) -> str:
    """Mark the first line of a replacement as the one the error must point at."""
    first, _, rest = new.partition("\n")
    return first + "  # <-" + ("\n" + rest if rest else "")


# --- the good ones ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["for-all-mankind", "history", "star-city"])
def test_builtins_load(name):
    scenario = load_scenario(name)
    assert scenario.name == name
    assert scenario.source == f"builtin:{name}"
    end = 2012 if name == "for-all-mankind" else 2003  # the series' fifth era runs to 2012
    assert scenario.start == "1969-01-01" and scenario.end_year == end
    assert {"nasa", "soviet"} <= set(scenario.agencies)
    assert scenario.people and scenario.eras


def test_list_builtin_names_and_titles():
    assert list_builtin() == [
        ("for-all-mankind", "For All Mankind"),
        ("history", "Real history"),
        ("star-city", "Star City"),
    ]


def test_for_all_mankind_scripts_only_the_divergence():
    scenario = load_scenario("for-all-mankind")
    (event,) = scenario.scripted
    assert (event.date, event.agency, event.mission, event.crew) == (
        "1969-06-26",
        "soviet",
        "lunar_landing",
        ("Alexei Leonov",),
    )
    assert event.line > 0
    assert scenario.agencies["nasa"].budget_musd is None  # the catalog's figure
    assert scenario.agencies["helios"].kind == "private"
    assert [e.title[:4] for e in scenario.eras] == ["1969", "1983", "1995", "2003", "2012"]


def test_history_has_no_divergence_and_no_invented_people():
    scenario = load_scenario("history")
    assert scenario.divergence == "" and scenario.scripted == ()
    assert set(scenario.agencies) == {"nasa", "soviet"}
    assert not any(p.canon for p in scenario.people)


def test_star_city_follows_the_soviets_with_slower_bureaucracy():
    scenario = load_scenario("star-city")
    assert scenario.focus == "soviet"
    delay = "soviet_approval_delay_days_per_year"
    known = known_mechanics()["politics"]
    assert scenario.mechanics["politics"][delay] > known[delay]


def test_builtins_reference_only_catalog_keys():
    vehicles, programs = set(known_vehicles()), set(known_programs())
    for name, _ in list_builtin():
        for agency in load_scenario(name).agencies.values():
            assert set(agency.vehicles) <= vehicles
            assert set(agency.programs) | set(agency.capabilities) <= programs


def test_parse_good_text():
    scenario = parse_scenario(GOOD, "tiny.toml")
    assert scenario.focus == "nasa"  # the first agency when not given
    assert scenario.agencies["soviet"].founded_year == 1969  # the start year when not given
    assert scenario.agencies["nasa"].vehicles == ("saturn_v",)
    assert scenario.scripted[0].line == marked_line(
        GOOD.replace("[[scripted]]", "[[scripted]]  # <-")
    )


def test_content_hash_is_stable_and_ignores_the_source(tmp_path):
    builtin = load_scenario("for-all-mankind")
    copy = tmp_path / "mine.toml"
    with resources.as_file(
        resources.files("spacerace.scenario.builtin") / "for-all-mankind.toml"
    ) as src:
        shutil.copy(src, copy)
    mine = load_scenario(str(copy))
    assert mine.source == str(copy)
    assert (
        mine.content_hash()
        == builtin.content_hash()
        == load_scenario("for-all-mankind").content_hash()
    )
    changed = dataclasses.replace(mine, end_year=2002)
    assert changed.content_hash() != mine.content_hash()


# --- the bad ones: each names file, line, field, and what was expected ------------------------


def test_toml_syntax_error_has_tomllibs_line():
    text = replace('title = "A tiny history"', 'title = "A tiny history  # <-')
    err = error(text)
    assert isinstance(err, InputError)
    assert (err.path, err.line, err.field) == ("bad.toml", marked_line(text), "")
    assert str(err).startswith(f"bad.toml:{marked_line(text)}: TOML syntax: ")


def test_unknown_field_suggests_the_closest():
    text = replace("budget_musd = 3995.0", "budget = 3995.0  # <-")
    err = error(text)
    assert err.line == marked_line(text)
    assert err.field == "agencies.nasa.budget"
    assert 'unknown field "budget" (did you mean "budget_musd"?)' in str(err)


def test_unknown_top_level_table_suggests_the_closest():
    text = GOOD.replace("[[era]]", "[[eras]]  # <-", 1).replace("[[era]]", "[[eras]]")
    err = error(text)
    assert err.line == marked_line(text)
    assert 'unknown field "eras" (did you mean "era"?)' in str(err)


def test_missing_field_points_at_its_table():
    text = replace('doctrine = "prestige"\nbudget', "budget").replace(
        "[agencies.nasa]", "[agencies.nasa]  # <-"
    )
    err = error(text)
    assert err.line == marked_line(text)
    assert str(err) == (
        f"bad.toml:{err.line}: agencies.nasa.doctrine: missing required field; "
        "expected one of prestige, science, military, commercial"
    )


def test_wrong_type_says_expected_and_got():
    text = replace("budget_musd = 3995.0", 'budget_musd = "lots"  # <-')
    err = error(text)
    assert str(err) == (
        f'bad.toml:{marked_line(text)}: agencies.nasa.budget_musd: expected a number, got "lots"'
    )


def test_wrong_type_in_an_array_of_tables():
    text = replace("born_year = 1934", 'born_year = "1934"  # <-')
    err = error(text)
    assert err.line == marked_line(text)
    assert err.field == "people[0].born_year"
    assert 'expected a whole number, got "1934"' in str(err)


def test_list_of_strings_expected():
    text = replace('vehicles = ["saturn_v"]', 'vehicles = "saturn_v"  # <-')
    err = error(text)
    assert err.line == marked_line(text)
    assert 'agencies.nasa.vehicles: expected a list of strings, got "saturn_v"' in str(err)


@pytest.mark.parametrize(
    ("old", "new", "field", "expected"),
    [
        ('kind = "state"', 'kind = "goverment"', "agencies.nasa.kind", "one of state, private"),
        (
            'role = "cosmonaut"',
            'role = "cosmonut"',
            "people[0].role",
            '(did you mean "cosmonaut"?)',
        ),
        (
            'mission = "lunar_landing"',
            'mission = "moon_landing"',
            "scripted[0].mission",
            "lunar_landing",
        ),
        ('text = "The divergence."', 'outcome = "win"', "scripted[0].outcome", "success, failure"),
        (
            'doctrine = "prestige"\nbudget',
            'doctrine = "glory"\nbudget',
            "agencies.nasa.doctrine",
            "commercial",
        ),
    ],
)
def test_value_outside_its_set(old, new, field, expected):
    text = replace(old, mark(new))
    err = error(text)
    assert (err.field, err.line) == (field, marked_line(text))
    assert expected in str(err)


@pytest.mark.parametrize(
    ("old", "new", "field", "expected"),
    [
        ("start = 1969-01-01", 'start = "1969-02-30"', "scenario.start", "day is out of range"),
        ("start = 1969-01-01", 'start = "next year"', "scenario.start", "a date (YYYY-MM-DD)"),
        (
            "start = 1969-01-01",
            "start = 1850-01-01",
            "scenario.start",
            "from 1900-01-01 to 2050-12-31, got 1850-01-01",
        ),
        ("start = 1969-01-01", "start = 1969-01-01T12:00:00", "scenario.start", "date alone"),
        (
            "end_year = 1980",
            "end_year = 1960",
            "scenario.end_year",
            "from 1969 (the start) to 2050",
        ),
        (
            "born_year = 1934",
            "born_year = 1975",
            "people[0].born_year",
            "from 1850 to 1969 (the start",
        ),
    ],
)
def test_impossible_dates(old, new, field, expected):
    text = replace(old, new + "  # <-")
    err = error(text)
    assert (err.field, err.line) == (field, marked_line(text))
    assert expected in str(err)


def test_scripted_date_outside_the_span():
    text = replace("date = 1969-06-26", "date = 1985-06-26  # <-")
    err = error(text)
    assert err.line == marked_line(text)
    assert str(err).endswith(
        "scripted[0].date: expected a date from 1969-01-01 (the start) to 1980-12-31 "
        "(the end_year), got 1985-06-26"
    )


@pytest.mark.parametrize(
    ("old", "new", "field", "expected"),
    [
        (
            'agency = "soviet"\nrole',
            'agency = "soviets"\nrole',
            "people[0].agency",
            'unknown agency "soviets" (did you mean "soviet"?); known: nasa, soviet',
        ),
        (
            'crew = ["Alexei Leonov"]',
            'crew = ["Alexei Leonof"]',
            "scripted[0].crew[0]",
            'unknown person "Alexei Leonof" (did you mean "Alexei Leonov"?)',
        ),
        (
            'vehicles = ["saturn_v"]',
            'vehicles = ["saturn_v", "saturn5"]',
            "agencies.nasa.vehicles[1]",
            'unknown vehicle "saturn5" (did you mean "saturn_v"?)',
        ),
        (
            'programs = ["l3"]',
            'programs = ["l-3"]',
            "agencies.soviet.programs[0]",
            'unknown program "l-3" (did you mean "l3"?)',
        ),
        (
            'goals = ["crewed_lunar_landing"]',
            'goals = ["moon"]',
            "agencies.nasa.goals[0]",
            'unknown goal "moon"',
        ),
    ],
)
def test_reference_to_something_that_does_not_exist(old, new, field, expected):
    text = replace(old, mark(new))
    err = error(text)
    assert (err.field, err.line) == (field, marked_line(text))
    assert expected in str(err)


def test_focus_must_be_an_agency():
    text = replace("end_year = 1980", 'end_year = 1980\nfocus = "helios"  # <-')
    err = error(text)
    assert (err.field, err.line) == ("scenario.focus", marked_line(text))


def test_reversed_era_years():
    text = replace("start_year = 1975\nend_year = 1980", "start_year = 1975\nend_year = 1970  # <-")
    err = error(text)
    assert (err.field, err.line) == ("era[1].end_year", marked_line(text))
    assert "expected a year from 1975 (its start_year) to 1980 (the end_year), got 1970" in str(err)


def test_overlapping_eras():
    text = replace("start_year = 1975", "start_year = 1974  # <-")
    err = error(text)
    assert (err.field, err.line) == ("era[1].start_year", marked_line(text))
    assert 'overlaps era "first" (1969-1974)' in str(err)


def test_grouped_mechanic_override_is_read():
    text = GOOD + "\n[mechanics.politics]\nsupport_relax_per_year = 0.5\n[mechanics.missions]\n"
    text += "grounding_days = 365\n"
    scenario = parse_scenario(text, "good.toml")
    assert scenario.mechanics == {
        "politics": {"support_relax_per_year": 0.5},
        "missions": {"grounding_days": 365.0},
    }


def test_flat_mechanic_is_refused_naming_its_group():
    text = GOOD + "\n[mechanics]\nsoviet_approval_delay_days_per_year = 24.0  # <-\n"
    err = error(text)
    field = "mechanics.soviet_approval_delay_days_per_year"
    assert (err.field, err.line) == (field, marked_line(text))
    assert str(err) == (
        f"bad.toml:{marked_line(text)}: {field}: mechanics are grouped by concern; "
        "write it under [mechanics.politics]"
    )


def test_flat_misspelt_mechanic_suggests_the_closest_and_its_group():
    text = GOOD + "\n[mechanics]\ngrounding_day = 365  # <-\n"
    err = error(text)
    assert (err.field, err.line) == ("mechanics.grounding_day", marked_line(text))
    assert '(did you mean "grounding_days"?)' in str(err)
    assert "write it under [mechanics.missions]" in str(err)


def test_unknown_mechanics_group_suggests_the_closest():
    text = GOOD + "\n[mechanics.polotics]  # <-\nsupport_min = 0.4\n"
    err = error(text)
    assert (err.field, err.line) == ("mechanics.polotics", marked_line(text))
    assert 'unknown mechanics group "polotics" (did you mean "politics"?)' in str(err)


def test_unknown_mechanic_suggests_the_closest():
    text = GOOD + "\n[mechanics.missions]\ngrounding_day = 365  # <-\n"
    err = error(text)
    assert (err.field, err.line) == ("mechanics.missions.grounding_day", marked_line(text))
    assert '(did you mean "grounding_days"?)' in str(err)


def test_mechanic_in_the_wrong_group_names_the_right_one():
    text = GOOD + "\n[mechanics.politics]\ngrounding_days = 365  # <-\n"
    err = error(text)
    assert "is a mechanic of missions: write it under [mechanics.missions]" in str(err)


def test_mechanic_out_of_range_is_refused_with_the_range():
    text = GOOD + "\n[mechanics.tension]\nincident_threshold = 1.0  # <-\n"
    err = error(text)
    assert (err.field, err.line) == ("mechanics.tension.incident_threshold", marked_line(text))
    assert "expected a number in [0, 1), got 1.0" in str(err)


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("riot_threshold", "1.5", "expected a number in [0, 1], got 1.5"),
        ("state_staff_hours_per_week", "0", "expected a number in [1, 168], got 0.0"),
        ("isolation_full_years", "0", "expected a number in (0, 100], got 0.0"),
        ("movement_threshold", "-0.1", "expected a number in (0, 1], got -0.1"),
    ],
)
def test_society_mechanics_are_range_checked_like_the_others(name, value, expected):
    text = GOOD + f"\n[mechanics.society]\n{name} = {value}  # <-\n"
    err = error(text)
    assert (err.field, err.line) == (f"mechanics.society.{name}", marked_line(text))
    assert expected in str(err)


def test_mechanic_must_be_a_number():
    text = GOOD + '\n[mechanics.missions]\ngrounding_days = "fast"  # <-\n'
    err = error(text)
    assert (err.field, err.line) == ("mechanics.missions.grounding_days", marked_line(text))
    assert 'expected a number, got "fast"' in str(err)


def test_crew_only_for_missions():
    text = replace('kind = "mission"', 'kind = "note"').replace(
        'mission = "lunar_landing"', 'mission = "lunar_landing"  # <-'
    )
    err = error(text)
    assert (err.field, err.line) == ("scripted[0].mission", marked_line(text))


def test_missing_scenario_table_and_file():
    assert str(error("[agencies.nasa]\n")) == (
        "bad.toml: missing the [scenario] table (name, title, start, end_year, ...)"
    )
    with pytest.raises(ScenarioError, match="no such file or built-in scenario"):
        load_scenario("for-al-mankind")


def test_builtin_errors_name_the_file_not_the_source():
    err = None
    try:
        parse_scenario("[scenario\n", "builtin:mine")
    except ScenarioError as exc:
        err = exc
    assert err is not None and str(err).startswith("mine.toml:1: TOML syntax")


def test_the_documented_example_is_valid():
    doc = (Path(__file__).parents[2] / "docs" / "scenarios.md").read_text()
    example = doc.split("## Example", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    scenario = parse_scenario(example, "valentina.toml")
    assert scenario.name == "valentina" and len(scenario.scripted) == 1


# --- agency profiles -----------------------------------------------------------------------


def test_profile_defaults_follow_the_kind():
    scenario = parse_scenario(GOOD, "good.toml")
    nasa, soviet = scenario.agencies["nasa"], scenario.agencies["soviet"]
    assert (nasa.funding, nasa.public_firsts, nasa.superpower) == ("appropriation", True, False)
    assert (nasa.crew_title, nasa.nationality, nasa.budget_source) == ("astronaut", "US", "")
    assert soviet.base_names == ()
    assert (nasa.mission_names, soviet.mission_names) == ("generic", "generic")


def test_declared_profile_is_read():
    text = replace(
        'country = "SU"\n',
        'country = "SU"\nfunding = "secret"\nsuperpower = true\ncrew_title = "cosmonaut"\n'
        'budget_source = "soviet-estimate"\nbase_names = { moon = "Zvezda" }\n',
    )
    soviet = parse_scenario(text, "good.toml").agencies["soviet"]
    assert (soviet.funding, soviet.public_firsts, soviet.superpower) == ("secret", False, True)
    assert soviet.budget_source == "soviet-estimate"
    assert soviet.base_names == (("moon", "Zvezda"),)


def test_builtin_profiles_have_no_country_branches_to_stand_in_for():
    # The profiles the built-ins declare: what the engine once inferred from "US"/"SU"/"KP".
    fam = load_scenario("for-all-mankind").agencies
    assert fam["soviet"].funding == "planned" and fam["dprk"].funding == "secret"
    assert not fam["dprk"].public_firsts and fam["nasa"].public_firsts
    assert {k for k, a in fam.items() if a.superpower} == {"nasa", "soviet"}
    assert fam["helios"].funding == "private" and fam["helios"].nationality == "US"


@pytest.mark.parametrize(
    ("old", "new", "field", "expected"),
    [
        (
            'country = "SU"\n',
            'country = "SU"\nfunding = "private"  # <-\n',
            "agencies.soviet.funding",
            'funding "private" does not fit kind "state"',
        ),
        (
            'country = "SU"\n',
            'country = "SU"\nfunding = "command"  # <-\n',
            "agencies.soviet.funding",
            "expected one of appropriation, planned, private, secret",
        ),
        (
            'country = "SU"\n',
            'country = "SU"\nbudget_source = "cia"  # <-\n',
            "agencies.soviet.budget_source",
            "expected one of nasa-appropriation, soviet-estimate",
        ),
        (
            'country = "SU"\n',
            'country = "SU"\nbase_names = { venus = "Ishtar" }  # <-\n',
            "agencies.soviet.base_names.venus",
            'unknown body "venus"',
        ),
        (
            'country = "SU"\n',
            'country = "SU"\nnationality = "Soviet"  # <-\n',
            "agencies.soviet.nationality",
            'expected a country code like "US"',
        ),
        (
            'country = "SU"\n',
            'country = "SU"\nsuperpower = "yes"  # <-\n',
            "agencies.soviet.superpower",
            "expected true or false",
        ),
        (
            'country = "SU"\n',
            'country = "SU"\nmission_names = "soyuz"  # <-\n',
            "agencies.soviet.mission_names",
            "expected one of dprk, generic, helios, nasa, soviet",
        ),
    ],
)
def test_bad_profile_fields(old, new, field, expected):
    text = replace(old, new)
    err = error(text)
    assert err.field == field and expected in str(err), str(err)
    assert err.line == marked_line(text)


def test_two_agencies_may_not_share_a_naming_scheme():
    # both would fly an "Apollo 11": the second to declare it is told which one has it
    text = replace('country = "US"\n', 'country = "US"\nmission_names = "nasa"\n')
    text = text.replace('country = "SU"\n', 'country = "SU"\nmission_names = "nasa"  # <-\n')
    err = error(text)
    assert err.field == "agencies.soviet.mission_names", str(err)
    assert '"nasa" already names the flights of agencies.nasa' in str(err)
    assert err.line == marked_line(text)
    generic = text.replace('mission_names = "nasa"', 'mission_names = "generic"')
    assert parse_scenario(generic, "good.toml").agencies["soviet"].mission_names == "generic"


# --- every mistake in one pass; what run cannot play; sizes ----------------------------------


def test_every_mistake_is_reported_in_one_pass_sorted_by_line():
    # oracle: three mistakes put in by hand, listed by line whatever the order they are met
    text = replace("budget_musd = 3995.0", 'budget_musd = "lots"')
    text = text.replace("born_year = 1934", "born_year = 2934").replace(
        'country = "SU"', 'country = "USSR"'
    )
    exc = error(text)
    lines = text.splitlines()

    def at(line: str) -> int:
        return lines.index(line) + 1

    assert [(p.line, p.field) for p in exc.problems] == [
        (at('budget_musd = "lots"'), "agencies.nasa.budget_musd"),
        (at('country = "USSR"'), "agencies.soviet.country"),
        (at("born_year = 2934"), "people[0].born_year"),
    ]
    assert (exc.line, exc.field) == (at('budget_musd = "lots"'), "agencies.nasa.budget_musd")
    assert str(exc) == (
        f'bad.toml:{exc.line}: agencies.nasa.budget_musd: expected a number, got "lots" '
        "(and 2 more; spacerace scenario validate bad.toml lists them)"
    )


def test_a_mistake_in_the_scenario_table_does_not_hide_the_others():
    # oracle: mistakes put in by hand; a bad title once stopped the check at [scenario], and
    # a bad end_year made every era repeat it as "to 1969 (the end_year)"
    text = replace('title = "A tiny history"', "title = 3").replace(
        "end_year = 1980\n\n[[era]]", "end_year = 1900\n\n[[era]]", 1
    )
    text = text.replace("born_year = 1934", 'born_year = "old"')
    lines = text.splitlines()
    exc = error(text)
    assert [(p.line, p.field) for p in exc.problems] == [
        (lines.index("title = 3") + 1, "scenario.title"),
        (lines.index("end_year = 1900") + 1, "scenario.end_year"),
        (lines.index('born_year = "old"') + 1, "people[0].born_year"),
    ]


@pytest.mark.parametrize(
    "old, new, field, expected",
    [  # each crashed `run` before the loader refused it (tools/fuzz_scenarios.py)
        ('vehicles = ["n1"]  # a scripted mission needs a vehicle to fly', "vehicles = []",
         "scripted[0].agency", 'agency "soviet" has no vehicles to fly this scripted'),
        ('mission = "lunar_landing"', 'mission = "lunar_rotation"',
         "scripted[0].mission", "flies only to a base of the agency's own on the Moon"),
        ('mission = "lunar_landing"', 'mission = "asteroid_capture"',
         "scripted[0].mission", "flies on its target's own window"),
        ("date = 1969-06-26", "date = 1980-06-01\n",
         "scripted[0].crew[0]", ""),  # placeholder replaced below
    ],
)  # fmt: skip
def test_scripted_missions_run_cannot_play_are_refused(old, new, field, expected):
    if not expected:  # a crew of another agency
        text = replace('agency = "soviet"\nrole', 'agency = "nasa"\nrole')
        field, expected = "scripted[0].crew[0]", '"Alexei Leonov" is a person of "nasa", not of'
    else:
        text = replace(old, new)
    exc = error(text)
    assert exc.field == field and expected in exc.problem, str(exc)


def test_a_scripted_mars_mission_needs_a_window_left():
    # oracle: the scenario ends in 1980; a Mars window after a 1980 departure is in 1982
    text = replace('mission = "lunar_landing"', 'mission = "mars_landing"')
    text = text.replace("date = 1969-06-26", "date = 1980-01-01").replace('programs = ["l3"]', "")
    exc = error(text)
    assert exc.field == "scripted[0].date" and "no Mars window out to Mars" in exc.problem


@pytest.mark.parametrize(
    "text, expected",
    [
        ("k = " + "[" * 600 + "]" * 600, "nested too deeply"),
        (".".join(["k"] * 10_000) + " = 1", "a key of more than 64 dotted parts"),
        ('"' + "k" * 300 + '" = 1', "300 characters, more than a name's 200"),
        (
            "[scenario]\ntitle = " + '"' + "x" * 10_001 + '"',
            "10,001 characters, more than a text's",
        ),
        ('[scenario]\nname = "a\\nb"', r'control character "\n" in "a\nb"'),
        ("# " + "x" * 1_000_001, "more than a scenario's 1,000,000"),
    ],
)
def test_sizes_and_control_characters_are_refused_in_one_short_line(text, expected):
    exc = error(text)
    assert "\n" not in str(exc) and len(str(exc)) < 600, str(exc)[:300]
    assert any(expected in str(p) for p in exc.problems), [str(p)[:200] for p in exc.problems]


def test_an_unknown_huge_name_is_not_echoed_whole():
    exc = error(replace('agency = "soviet"\nmission', 'agency = "' + "q" * 100_000 + '"\nmission'))
    assert len(str(exc)) < 300 and "100,000 characters" in str(exc)


def test_a_fifo_or_a_folder_is_refused_without_blocking(tmp_path):
    import os

    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(ScenarioError, match="not a regular file"):
        load_scenario(str(fifo))
    with pytest.raises(ScenarioError, match="is a folder"):
        load_scenario(str(tmp_path))


# --- [vehicles.KEY]: this world's record of a vehicle -----------------------------------------

VEHICLE_RECORD = """
[vehicles.n1]
prior_successes = 13
prior_failures = 0
note = "the divergence: the N1 works"
"""


def test_a_vehicle_record_is_read_and_starts_the_engines_belief():
    from spacerace.sim.setup import build_world

    scenario = parse_scenario(GOOD + VEHICLE_RECORD, "tiny.toml")
    (record,) = scenario.vehicle_records
    assert (record.key, record.prior_successes, record.prior_failures) == ("n1", 13, 0)
    world = build_world(scenario)
    assert world.vehicle_specs["n1"].prior_successes == 13
    assert world.vehicle_specs["n1"].prior_failures == 0


def test_a_vehicle_record_names_a_catalog_vehicle_and_says_why():
    bad = error(GOOD + VEHICLE_RECORD.replace("[vehicles.n1]", "[vehicles.n2]"))
    assert "n2" in str(bad) and "vehicle" in str(bad)
    bad = error(GOOD + VEHICLE_RECORD.replace('note = "the divergence: the N1 works"\n', ""))
    assert "note" in str(bad) and "missing" in str(bad)
    bad = error(GOOD + VEHICLE_RECORD.replace("prior_failures = 0", "prior_failures = -1"))
    assert "prior_failures" in str(bad)


def test_for_all_mankind_declares_the_working_n1_and_history_the_real_record():
    fam, history = load_scenario("for-all-mankind"), load_scenario("history")
    assert [r.key for r in fam.vehicle_records] == ["n1"]
    assert history.vehicle_records == ()


def test_space_market_defaults_to_none_and_keeps_the_hash():
    from spacerace.scenario.loader import load_scenario

    history = load_scenario("history")
    assert history.space_market == "none"
    # Oracle: the hash main (b78cf7b) gave before the field existed; saved decision logs
    # of a world without a market must still match.
    assert history.content_hash() == "e646b46681fd15e4"


def test_space_market_is_checked_in_one_line():
    from spacerace.scenario.loader import parse_scenario

    text = resources.files("spacerace.scenario.builtin").joinpath("history.toml").read_text()
    head = text.index("[scenario]\n") + len("[scenario]\n")
    good = parse_scenario(text[:head] + 'space_market = "series"\n' + text[head:], "h.toml")
    assert good.space_market == "series" and good.content_hash() != "e646b46681fd15e4"
    with pytest.raises(ScenarioError) as info:
        parse_scenario(text[:head] + 'space_market = "mars"\n' + text[head:], "h.toml")
    assert str(info.value).count("\n") == 0
    assert 'scenario.space_market: expected one of none, series; got "mars"' in str(info.value)
