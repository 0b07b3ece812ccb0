"""The naming tables: every row sourced, every key real, the first match as documented.

Oracle: the real names (NASA mission designations; Soyuz, Salyut, Mir and ISS numbering) and
the series' canon (WORLD.md), as PROVENANCE.md cites them.
"""

import pytest

from spacerace.catalog.mission_names import load_mission_names, parse_mission_names
from spacerace.catalog.programs import load_programs
from spacerace.catalog.vehicles import load_vehicles
from spacerace.world.mission_kinds import MISSION_KINDS

SCHEMES = load_mission_names()


def _keys(column: str) -> list[str]:
    return [] if column == "*" else column.split("|")


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_every_row_states_its_source_and_names_real_keys(scheme):
    programs, vehicles = set(load_programs()), set(load_vehicles())
    for rule in SCHEMES[scheme].rules:
        assert rule.source.strip(), rule
        if rule.invented:  # the series' canon or ours, and says which
            assert rule.source.startswith(("invented:", "For All Mankind canon:")), rule
        assert set(_keys(rule.kind)) <= set(MISSION_KINDS), rule
        assert set(_keys(rule.vehicle)) <= vehicles, rule
        assert set(_keys(rule.program)) <= programs, rule
    for counter in SCHEMES[scheme].counters.values():
        assert counter.source.strip() and counter.first >= 0, counter


@pytest.mark.parametrize("scheme", sorted(set(SCHEMES) - {"generic"}))
@pytest.mark.parametrize("kind", sorted(MISSION_KINDS))
def test_a_named_scheme_never_falls_back_to_the_generic_form(scheme, kind):
    for vehicle in load_vehicles():
        for held in (set(), {"space_station"}, {"space_station", "skylab", "mir", "iss"}):
            pattern = SCHEMES[scheme].rule_for(kind, vehicle, held).pattern
            assert "{label}" not in pattern and "{agency}" not in pattern, pattern


@pytest.mark.parametrize(
    ("scheme", "kind", "vehicle", "held", "pattern"),
    [
        ("nasa", "lunar_landing", "saturn_v", {"apollo_lm"}, "Apollo {apollo}"),
        ("nasa", "earth_orbit", "saturn_ib", set(), "Apollo {apollo}"),  # Apollo 7 and 9
        ("nasa", "earth_orbit", "titan_ii", set(), "Gemini {gemini}"),
        ("nasa", "earth_orbit", "space_shuttle", set(), "STS-{sts}"),
        ("nasa", "space_station", "saturn_ib", {"space_station"}, "Skylab {skylab}"),
        ("nasa", "space_station", "space_shuttle", {"skylab", "iss"},
         "Expedition {iss_expedition}"),
        ("nasa", "mars_landing", "saturn_v", set(), "Sojourner {sojourner}"),
        ("soviet", "earth_orbit", "soyuz", set(), "Soyuz {soyuz}"),
        ("soviet", "earth_orbit", "soyuz", {"mir"}, "Soyuz TM-{soyuz_tm}"),
        ("soviet", "space_station", "soyuz", {"space_station"},
         "Soyuz {soyuz} (Salyut expedition {salyut})"),
        ("soviet", "space_station", "soyuz", {"salyut", "mir"},
         "Soyuz TM-{soyuz_tm} (Mir expedition {mir})"),  # the newer station, listed first
        ("soviet", "lunar_landing", "n1", {"l3"}, "Soyuz L3-{l3}"),
        ("soviet", "mars_base_rotation", "energia", set(), "Mars-{yy}"),
        ("helios", "mars_landing", "helios_heavy", set(), "Phoenix {phoenix}"),
        ("generic", "lunar_landing", "saturn_v", set(), "{agency} {label} {count}"),
    ],
)  # fmt: skip
def test_the_first_matching_row_names_the_flight(scheme, kind, vehicle, held, pattern):
    assert SCHEMES[scheme].rule_for(kind, vehicle, held).pattern == pattern


def test_apollo_and_soyuz_start_where_the_real_sequences_stood_on_1969_01_01():
    assert SCHEMES["nasa"].counters["apollo"].first == 11  # Apollo 9 and 10 not simulated
    assert SCHEMES["nasa"].counters["skylab"].first == 2  # Skylab 1 was the station
    assert SCHEMES["soviet"].counters["soyuz"].first == 4  # Soyuz 4, 14 January 1969


HEADS = (
    "scheme,kind,vehicle,program,pattern,invented,source",
    "scheme,counter,first,invented,source",
)


@pytest.mark.parametrize(
    ("rules", "counters", "message"),
    [
        (["x,lunar_landing,*,*,X-{x},true,t"], ["x,x,1,true,t"], "must match any flight"),
        (["x,*,*,*,X-{x}-{y},true,t"], ["x,x,1,true,t"], "used but not declared ['y']"),
        (["x,*,*,*,X,true,t"], ["x,x,1,true,t"], "declared but not used ['x']"),
        (["x,*,*,*,X-{x},true,t"], ["x,x,1,true,t", "x,x,2,true,t"], "declared twice"),
    ],
)
def test_broken_tables_are_refused(rules, counters, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_mission_names([HEADS[0], *rules], [HEADS[1], *counters])
