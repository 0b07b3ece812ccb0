"""Program table: costs, durations, requirements and their integrity."""

import pytest

from spacerace.catalog.programs import load_programs
from spacerace.catalog.vehicles import load_vehicles

KEYS = {
    "apollo_lm",
    "l3",
    "space_station",
    "lunar_base",
    "nuclear_propulsion",
    "mars_vehicle",
    "mars_lander_light",
    "mars_transport",
    "shuttle",
    "energia",
    "sea_dragon",
    "helios_heavy",
    "kp_launcher",
    "vulkan",
    "nuclear_shuttle",
    "asteroid_capture",
    "skylab",
    "salyut",
    "mir",
    "iss",
}


def test_exactly_the_agreed_keys():
    assert set(load_programs()) == KEYS


def test_every_requirement_names_a_program():
    programs = load_programs()
    for spec in programs.values():
        for token in spec.requires:
            for alternative in token.split("|"):
                assert alternative in programs, (spec.key, alternative)
            assert spec.key not in token.split("|")


def test_requirements_have_no_cycles():
    programs = load_programs()
    done: set[str] = set()
    while len(done) < len(programs):
        ready = {k for k, p in programs.items() if k not in done and p.is_unlocked(done)}
        assert ready, f"cycle among {sorted(set(programs) - done)}"
        done |= ready


def test_alternatives_mean_either():
    base = load_programs()["lunar_base"]
    assert base.requires == ("apollo_lm|l3",)
    assert base.is_unlocked({"apollo_lm"}) and base.is_unlocked({"l3"})
    assert not base.is_unlocked(set())
    assert load_programs()["mars_vehicle"].requires == ("nuclear_propulsion",)


def test_vehicles_named_by_programs_exist_and_point_back():
    vehicles = load_vehicles()
    for spec in load_programs().values():
        if spec.vehicle:
            assert spec.vehicle in vehicles, spec.key
            assert vehicles[spec.vehicle].program in ("", spec.key), spec.key


def test_numbers_are_sane_and_invented_rows_say_why():
    for spec in load_programs().values():
        assert spec.cost_musd > 0 and spec.duration_years > 0 and spec.test_flights >= 0
        assert spec.source, spec.key
        if spec.invented:
            assert spec.source.startswith("invented:"), spec.key


@pytest.mark.parametrize(
    ("key", "cost_musd", "cost_year"),
    [
        # NASA's January 1969 itemised Apollo run-out estimate: spacecraft $7,945.0 M of the
        # $23.9 B total (NASA reported $25.4 B to Congress in 1973; Dreier, Planetary Society).
        ("apollo_lm", 7945.0, 1966),
        ("shuttle", 5150.0, 1971),  # NASA's March 1972 development estimate, $5.15 B
        ("mars_vehicle", 29000.0, 1969),  # 1969 NASA Mars plan, $29 B (Air & Space)
        ("skylab", 2200.0, 1970),  # Skylab about $2.2 B then-year (Frost, NASA)
        ("mir", 4200.0, 1986),  # Mir "estimated cost of $4.2 billion" (ETHW); 1986 convention
        ("iss", 30000.0, 1994),  # CRS IB93017 (Feb 2003): about $30 B appropriated FY1985-2002
        # SpaceX's Interplanetary Transport System, IAC 2016: development "about $10 billion"
        ("mars_transport", 10000.0, 2016),
    ],
)
def test_cited_costs(key, cost_musd, cost_year):
    spec = load_programs()[key]
    assert (spec.cost_musd, spec.cost_year) == (cost_musd, cost_year)


def test_salyut_is_mirs_cost_per_module_in_1970_dollars():
    # Derived (PROVENANCE.md): Mir's $4.2 B over its seven pressurised modules, 1986 -> 1970.
    from spacerace.catalog.budgets import deflate_musd

    assert load_programs()["salyut"].cost_musd == pytest.approx(
        deflate_musd(4200.0 / 7, 1986, 1970), abs=0.05
    )


def test_station_programs_chain_and_belong_to_their_agencies():
    programs = load_programs()
    assert programs["mir"].requires == ("salyut",)
    assert programs["iss"].requires == ("shuttle",)
    assert programs["skylab"].requires == ("apollo_lm",)
    for key, who in [("skylab", "US"), ("salyut", "SU"), ("mir", "SU"), ("iss", "US")]:
        spec = programs[key]
        assert spec.developers == (who,) and spec.vehicle == "" and not spec.invented
    # What each station went up on before its first crew (launch record): Skylab on the
    # last Saturn V, Salyut 1 and Mir's core on Protons, the ISS's US share on five Shuttles
    assert [(programs[k].launched_on, programs[k].station_launches) for k in
            ("skylab", "salyut", "mir", "iss")] == [
        ("saturn_v", 1), ("proton", 1), ("proton", 1), ("space_shuttle", 5)]  # fmt: skip
    # Decision to first crew aboard: Skylab Jul 1969-May 1973; ISS Jan 1984-Nov 2000.
    assert programs["skylab"].duration_years == 3.9
    assert programs["iss"].duration_years == 16.8
