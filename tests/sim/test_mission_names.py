"""Mission names over the calibration ensembles (40 seeds of history and For All Mankind).

Oracle: the real sequences (Apollo 11 first to land; Soyuz from 4, Skylab crews from 2),
and the rows of catalog/data/mission_names.csv read back out of the names they made.
"""

import dataclasses
import re
import string
from types import SimpleNamespace

import pytest

from spacerace.catalog.mission_names import FIELDS, load_mission_names
from spacerace.sim.missions import mission_name
from spacerace.world.mission_kinds import MISSION_KINDS

SCHEMES = load_mission_names()


def _regex(pattern: str) -> re.Pattern:
    """A pattern as a regex with one named group per counter (``{yy}`` two digits)."""
    parts = []
    for text, name, _, _ in string.Formatter().parse(pattern):
        parts.append(re.escape(text))
        if name == "yy":
            parts.append(r"\d\d")
        elif name:
            assert name not in FIELDS, name  # the named schemes use none of the others
            parts.append(rf"(?P<{name}>\d+)")
    return re.compile("".join(parts) + r"( \(\d+\))?")


def _counters_of(name: str, scheme) -> dict[str, int]:
    """The counter values in a name: the first rule pattern it fits (regexes do not overlap)."""
    for rule in scheme.rules:
        match = _regex(rule.pattern).fullmatch(name)
        if match:
            return {k: int(v) for k, v in match.groupdict().items()}
    raise AssertionError(f"{name!r} fits no rule of scheme {scheme.key}")


@pytest.mark.parametrize("scenario", ["history", "for-all-mankind"])
def test_names_are_unique_and_never_the_generic_form(ensembles, scenario):
    for result in ensembles[scenario]:
        names = [m.name for m in result.world.missions]
        assert len(names) == len(set(names)), result.seed
        for mission in result.world.missions:
            agency = result.world.agencies[mission.agency]
            label = MISSION_KINDS[mission.kind].label
            assert agency.profile.mission_names != "generic"
            assert not mission.name.startswith(agency.name), mission.name
            assert not re.search(rf"{label} \d+$", mission.name), mission.name


def test_first_lunar_landing_of_history_is_apollo_11_or_the_next_after_failed_attempts(
    ensembles,
):
    checked = 0
    for result in ensembles["history"]:
        nasa = [m for m in result.world.missions if m.agency == "nasa"]
        landed = [m for m in nasa if m.kind == "lunar_landing" and m.status == "success"]
        if not landed:
            continue
        before = nasa[: nasa.index(landed[0])]
        # only failed landing attempts and Apollo flights in Earth orbit (missions are
        # prepared in parallel) took Apollo numbers before it
        apollo = [m for m in before if m.name.startswith("Apollo ")]
        assert all(m.kind == "earth_orbit" or m.status != "success" for m in apollo)
        assert landed[0].name == f"Apollo {11 + len(apollo)}", result.seed
        checked += 1
    assert checked >= 30  # NASA lands in most seeds of history (docs/calibration.md)


@pytest.mark.parametrize("scenario", ["history", "for-all-mankind"])
def test_every_counter_counts_from_its_first_number_without_gaps(ensembles, scenario):
    seen = set()
    for result in ensembles[scenario]:
        for key, agency in sorted(result.world.agencies.items()):
            scheme = SCHEMES[agency.profile.mission_names]
            given: dict[str, list[int]] = {}
            for mission in result.world.missions:
                if mission.agency == key and mission.id.split("-")[1] != "scripted":
                    for counter, n in _counters_of(mission.name, scheme).items():
                        given.setdefault(counter, []).append(n)
            for counter, numbers in given.items():
                first = scheme.counters[counter].first
                assert numbers == list(range(first, first + len(numbers))), (counter, numbers)
                assert agency.numbers.last[counter] == numbers[-1]
                seen.add((key, counter))
            assert set(agency.numbers.last) == set(given)
    assert {("nasa", "apollo"), ("nasa", "skylab"), ("soviet", "soyuz")} <= seen


def test_the_series_names_its_mars_ships_and_soviet_station_crews(ensembles):
    names = {m.name for r in ensembles["for-all-mankind"] for m in r.world.missions}
    assert "Sojourner 1" in names  # NASA's first Mars ship (canon)
    assert "L3 lunar landing" in names  # the scripted divergence keeps the scenario's name
    soviet_station = [n for n in names if "Salyut expedition" in n]
    assert all(re.fullmatch(r"Soyuz \d+ \(Salyut expedition \d+\)", n) for n in soviet_station)


def test_a_name_already_flown_gets_a_number(make_ctx):
    # a scheme naming by year (the Soviet Mars-94) can name two flights of one year alike
    ctx = make_ctx(at_year=1960)
    agency = ctx.world.agencies["usa"]
    agency.profile = dataclasses.replace(agency.profile, mission_names="soviet")
    plan = SimpleNamespace(depart_day=ctx.cal.day_of(1994, 10, 1))
    names = []
    for _ in range(3):
        names.append(mission_name(ctx, "usa", "mars_landing", "saturn_v", plan))
        ctx.world.missions.append(SimpleNamespace(name=names[-1], agency="usa", goal=""))
    assert names == ["Mars-94", "Mars-94 (2)", "Mars-94 (3)"]
    assert agency.numbers.last == {}  # a year names it: no counter advances
    station = mission_name(ctx, "usa", "space_station", "soyuz", plan)
    agency.capabilities.add("space_station")
    assert station == "Soyuz 4"  # without a station program: the catch-all row
    assert mission_name(ctx, "usa", "space_station", "soyuz", plan) == (
        "Soyuz 5 (Salyut expedition 1)"
    )
    agency.capabilities.add("mir")  # a newer station listed above: its own expeditions
    assert mission_name(ctx, "usa", "space_station", "soyuz", plan) == (
        "Soyuz TM-2 (Mir expedition 1)"
    )
