"""Training facilities: cited durations and a retirement age derived from the astronaut data."""

import statistics

import pytest

from spacerace.catalog.astronauts import load_astronauts
from spacerace.catalog.training import load_training


def test_exactly_the_four_facilities():
    assert set(load_training()) == {"Houston", "Star City", "Helios", "Sohae"}


def test_cited_durations():
    houston, star_city = load_training()["Houston"], load_training()["Star City"]
    # NASA: astronaut candidates train "approximately 2 years" (2013 selection release).
    assert houston.basic_training_months == 24
    # Apollo 11 crew named 1969-01-09, launched 1969-07-16: about six months.
    assert houston.mission_training_months == 6
    # Roscosmos: general space training takes two years (2020 class; R. Hall).
    assert star_city.basic_training_months == 24


def _median_age_at_last_flight(nationality=None):
    people = [
        p
        for p in load_astronauts()
        if p.last_mission_year <= 2009 and (nationality is None or p.nationality == nationality)
    ]
    return statistics.median(p.last_mission_year - p.born_year for p in people)


@pytest.mark.parametrize(
    ("facility", "nationality"),
    [("Houston", "U.S."), ("Star City", "U.S.S.R/Russia"), ("Helios", None)],
)
def test_retirement_age_is_derived_from_the_astronaut_table(facility, nationality):
    # Oracle: median age at the last flight of people whose last flight was by 2009 (ten years
    # before the data end, so most had stopped flying).
    assert load_training()[facility].retirement_age == _median_age_at_last_flight(nationality)


def test_invented_rows_say_why():
    for spec in load_training().values():
        assert spec.basic_training_months > 0 and spec.mission_training_months > 0
        assert spec.invented == (spec.facility in {"Helios", "Sohae"})
        if spec.invented:
            assert spec.source.startswith("invented:")
