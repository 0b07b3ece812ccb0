"""Vehicle table: payloads, prices and Beta priors recomputed from the shipped launch record."""

import csv
import re
from importlib import resources

import pytest

from spacerace.catalog.programs import load_programs
from spacerace.catalog.vehicles import count_outcomes, load_launch_record, load_vehicles

KEYS = {
    "saturn_v",
    "saturn_ib",
    "titan_ii",
    "n1",
    "proton",
    "soyuz",
    "space_shuttle",
    "energia",
    "sea_dragon",
    "helios_heavy",
    "kp_rocket",
    "vulkan",
    "pathfinder",
}
INVENTED = {"sea_dragon", "helios_heavy", "kp_rocket", "vulkan", "pathfinder"}


def _rows(name):
    with resources.files("spacerace.catalog.data").joinpath(name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_exactly_the_agreed_keys():
    assert set(load_vehicles()) == KEYS


def test_priors_recomputed_from_the_launch_record():
    # Oracle: a plain re-count of data/launch_record.csv (GCAT, outcome letter S/F; partial
    # codes such as OS75/OF40 follow their letter), independent of spacerace's own counter.
    launches = _rows("launch_record.csv")
    vehicles = load_vehicles()
    for row in _rows("vehicles.csv"):
        spec = vehicles[row["key"]]
        if not row["record_lv_type_regex"]:
            assert (spec.prior_successes, spec.prior_failures) == (0, 0)  # uniform Beta(1, 1)
            continue
        pattern = re.compile(row["record_lv_type_regex"])
        matched = [r["outcome"] for r in launches if pattern.fullmatch(r["lv_type"])]
        assert (matched.count("S"), matched.count("F")) == (
            spec.prior_successes,
            spec.prior_failures,
        ), row["key"]


@pytest.mark.parametrize(
    ("key", "successes", "failures"),
    [
        ("saturn_v", 13, 0),  # 13 launches 1967-1973, none lost (NASA; Wikipedia Saturn V)
        ("n1", 0, 4),  # four failures 1969-1972 (russianspaceweb.com/n1.html)
        # 135 Shuttle launches; GCAT codes Challenger (STS-51L) a launch failure and Columbia
        # (STS-107, lost on re-entry in 2003) a launch success, so the launch prior is 134/1.
        ("space_shuttle", 134, 1),
        ("energia", 1, 1),  # Polyus 1987 failed to orbit, Buran 1988 reached it
    ],
)
def test_priors_match_the_well_known_records(key, successes, failures):
    spec = load_vehicles()[key]
    assert (spec.prior_successes, spec.prior_failures) == (successes, failures)


def test_the_counter_agrees_with_the_table():
    record = load_launch_record()
    assert len(record) == 6817  # 6,598 orbital + 219 deep-space launches (data PROVENANCE.md)
    assert count_outcomes(record, "Saturn V") == (13, 0)


def test_record_rules_match_something_and_overlap_nothing():
    rules = {
        r["key"]: re.compile(r["record_lv_type_regex"])
        for r in _rows("vehicles.csv")
        if r["record_lv_type_regex"]
    }
    types = {r["lv_type"] for r in _rows("launch_record.csv")}
    for key, pattern in rules.items():
        assert any(pattern.fullmatch(t) for t in types), key
    for t in types:
        assert sum(bool(p.fullmatch(t)) for p in rules.values()) <= 1, t


def test_invented_vehicles_are_marked_and_say_why():
    for spec in load_vehicles().values():
        assert spec.invented == (spec.key in INVENTED)
        if spec.invented:
            assert spec.source.startswith(("invented:", "Truax")), spec.key
            assert "uniform prior" in spec.source


def test_programs_exist_and_numbers_are_sane():
    programs = load_programs()
    for spec in load_vehicles().values():
        assert spec.program == "" or spec.program in programs, spec.key
        assert spec.payload_leo_kg > 0 and spec.cost_musd > 0
        assert 1957 <= spec.first_flight_year <= 2030
        assert 1950 <= spec.cost_year <= 2030


def test_expected_unlocks():
    vehicles = load_vehicles()
    assert {k: v.program for k, v in vehicles.items() if v.program} == {
        "space_shuttle": "shuttle",
        "energia": "energia",
        "sea_dragon": "sea_dragon",
        "helios_heavy": "helios_heavy",
        "kp_rocket": "kp_launcher",
        "vulkan": "vulkan",
        "pathfinder": "nuclear_shuttle",
    }


def test_csis_prices_are_rate_times_payload():
    # Oracle: T. G. Roberts, CSIS 2022 launch cost table (FY2021 $/kg x the table's kg).
    assert load_vehicles()["saturn_v"].cost_musd == pytest.approx(5400 * 140000 / 1e6)
    assert load_vehicles()["space_shuttle"].cost_musd == pytest.approx(65400 * 27500 / 1e6)
