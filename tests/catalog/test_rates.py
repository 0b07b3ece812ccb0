"""Random-event rates: each derivation redone from the counts its source gives."""

import pytest

from spacerace.catalog.rates import load_rates

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


def test_astronaut_nonflight_death_rate():
    # Freeman (1964), See and Bassett (1966), Williams (1967): 4 deaths in ~165 astronaut-years.
    assert load_rates()["astronaut_nonflight_death"].per_year == pytest.approx(4 / 165, abs=1e-4)


def test_ground_accident_rate():
    # Nedelin 1960, Bondarenko 1961, Apollo 1 1967, Plesetsk 1980: 4 in 2 agencies x 35 years.
    assert load_rates()["ground_accident"].per_year == pytest.approx(4 / 70, abs=1e-4)


def test_rates_are_well_formed():
    for rate in load_rates().values():
        assert rate.per_year > 0
        assert rate.applies_to in {"world", "agency", "person"}
        assert rate.source
        if rate.invented:
            assert rate.source.startswith("invented:")
