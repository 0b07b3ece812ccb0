"""Random-event rates: each derivation redone from the counts its source gives."""

import itertools

import pytest

from spacerace.catalog.astronauts import load_astronauts
from spacerace.catalog.rates import load_era_rates, load_rates, rate_in_year

# NBER US business-cycle peaks, February 1945 to February 2020 (nber.org reference dates).
NBER_PEAKS = [
    "1945-02",
    "1948-11",
    "1953-07",
    "1957-08",
    "1960-04",
    "1969-12",
    "1973-11",
    "1980-01",
    "1981-07",
    "1990-07",
    "2001-03",
    "2007-12",
    "2020-02",
]


def test_recession_rate_is_nber_peaks_per_year():
    assert load_rates()["us_recession"].per_year == pytest.approx(len(NBER_PEAKS) / 76, abs=1e-4)


# Deaths in service away from spaceflight and ground tests, by program and year (sources in
# era_rates.csv and PROVENANCE.md: airsafe.com, xbradtc2.com, spaceflightnow.com and others;
# Vozovikov's selection year from memory). Those who never flew are not in astronauts.csv:
# their service years (selection to death) are added to the exposure.
NONFLIGHT_DEATHS = {  # name: (program, year of death, selection year if never flew)
    "Theodore Freeman": ("US", 1964, 1963),
    "Elliot See": ("US", 1966, 1962),
    "Charles Bassett": ("US", 1966, 1963),
    "Edward Givens": ("US", 1967, 1966),
    "Clifton Williams": ("US", 1967, 1963),
    "Yuri Gagarin": ("SU", 1968, None),
    "Stephen Thorne": ("US", 1986, 1985),
    "S. David Griggs": ("US", 1989, None),
    "Manley L. Carter Jr.": ("US", 1991, None),
    "Sergei Vozovikov": ("SU", 1993, 1990),
    "Patricia Hilliard Robertson": ("US", 2001, 1998),
}


def astronaut_years(first: int, last: int) -> dict[str, int]:
    """US and Soviet astronaut-years in [first, last]: each person from the selection year to
    the last mission year (or the year of a death in service), both counted."""
    years = {"US": 0, "SU": 0}
    program = {"U.S.": "US", "U.S.S.R/Russia": "SU"}
    for p in load_astronauts():
        if p.nationality in program:
            end = max(p.last_mission_year, NONFLIGHT_DEATHS.get(p.name, ("", 0))[1])
            years[program[p.nationality]] += len(
                range(max(first, p.year_of_selection), min(last, end) + 1)
            )
    for country, died, selected in NONFLIGHT_DEATHS.values():
        if selected is not None:
            years[country] += len(range(max(first, selected), min(last, died) + 1))
    return years


@pytest.mark.parametrize(
    ("first", "last", "us_years", "soviet_years"),
    [(1959, 1969, 324, 224), (1970, 2019, 3607, 1393)],
)
def test_nonflight_death_rate_of_each_era_is_its_deaths_over_its_astronaut_years(
    first, last, us_years, soviet_years
):
    era = rate_in_year(load_era_rates()["astronaut_nonflight_death"], first)
    assert astronaut_years(first, last) == {"US": us_years, "SU": soviet_years}
    deaths = sum(first <= died <= last for _, died, _ in NONFLIGHT_DEATHS.values())
    assert (era.events, era.exposure) == (deaths, us_years + soviet_years)
    assert era.per_year == pytest.approx(deaths / (us_years + soviet_years), rel=1e-4)


def test_the_later_era_is_ten_times_safer():
    # 6 deaths in 548 astronaut-years, 1959-1969, against 5 in 5000 since
    early, late = load_era_rates()["astronaut_nonflight_death"]
    assert early.per_year / late.per_year == pytest.approx(10.9, abs=0.1)


def test_ground_accident_rates_by_era():
    # Nedelin 1960, Bondarenko 1961, Apollo 1 1967: 3 in 2 agencies x 13 years (1957-1969);
    # Plesetsk 1980: 1 in 2 x 22 (1970-1991)
    early, late = load_era_rates()["ground_accident"]
    assert early.per_year == pytest.approx(3 / 26, abs=1e-4)
    assert late.per_year == pytest.approx(1 / 44, abs=1e-4)


def test_era_rates_are_well_formed():
    for key, eras in load_era_rates().items():
        for before, after in itertools.pairwise(eras):
            assert before.to_year is not None and after.from_year == before.to_year + 1, key
        for era in eras:
            assert era.per_year == pytest.approx(era.events / era.exposure, rel=1e-3), key
            assert era.applies_to in {"agency", "person"} and era.source


def test_rates_are_well_formed():
    for rate in load_rates().values():
        assert rate.per_year > 0
        assert rate.applies_to in {"world", "agency", "person"}
        assert rate.source
        if rate.invented:
            assert rate.source.startswith("invented:")
