"""In-space prices: the cost a delivered kg avoids, bought only where a world has buyers."""

import math

import numpy as np
import pytest

from spacerace.astro.rockets import propellant_mass_kg
from spacerace.catalog.asteroid_classes import (
    SpaceDemand,
    SpaceMarket,
    load_class_groups,
    load_space_markets,
)
from spacerace.catalog.bodies import load_bodies
from spacerace.catalog.budgets import deflate_musd
from spacerace.mining import candidate_for
from spacerace.mining.capture import SearchGrid
from spacerace.mining.destinations import get_destination
from spacerace.mining.economics import Architecture, avoided_cost_usd_per_kg, mission_economics
from spacerace.scenario.loader import load_scenario

EARTH_MOON = get_destination("earth-moon")
MARS = get_destination("mars-orbit")
SPACE_GOODS = ("metal", "water", "volatiles")


def test_avoided_cost_equals_a_hand_computation():
    # Oracle, by hand: a Saturn V lifts 140 t for 756 M$ of 2021 (vehicles.csv, CSIS-2022);
    # a cargo craft costs a third of 4 M$ of 1969 per tonne in LEO (the engine's rule); the
    # perigee burn from a 300 km LEO onto a 500 km x 384,400 km ellipse by vis-viva; the
    # propellant by astro.rockets, not by the gear-ratio formula under test.
    earth = load_bodies()["earth"]
    r_leo = earth.equatorial_radius_km + 300.0
    a = 0.5 * (r_leo + 384400.0)
    dv = math.sqrt(earth.gm_km3_s2 * (2 / r_leo - 1 / a)) - math.sqrt(earth.gm_km3_s2 / r_leo)
    leo_kg_per_kg = 1.0 + propellant_mass_kg(dv, 850.0, 1.0)
    launch_usd_per_kg = deflate_musd(756.0, 2021, 2003) * 1e6 / 140_000.0
    craft_usd_per_kg = deflate_musd(4.0, 1969, 2003) * 1e6 / 3.0 / 1000.0
    expected = leo_kg_per_kg * (launch_usd_per_kg + craft_usd_per_kg)
    assert avoided_cost_usd_per_kg(EARTH_MOON, Architecture()) == pytest.approx(expected, rel=1e-9)
    assert 10_000 < expected < 20_000  # 2003 $/kg: about 13,400


def test_history_has_no_buyer_in_space():
    market = load_space_markets()[load_scenario("history").space_market]
    e = mission_economics("C", 1e7, 4.0, 1.0, 900.0, MARS, Architecture(), market)
    for key in SPACE_GOODS:
        assert e.value_by_product_musd[key] == 0.0
    assert e.value_musd == pytest.approx(e.value_by_product_musd["pgm"])


def test_without_a_market_the_engine_keeps_its_reference_prices():
    # The engine calls mission_economics without a market: its values must not move.
    arch = Architecture()
    old = mission_economics("C", 1e7, 4.0, 1.0, 900.0, MARS, arch)
    assert old.value_by_product_musd["water"] > 0.0
    series = mission_economics("C", 1e7, 4.0, 1.0, 900.0, MARS, arch,
                               load_space_markets()["series"])  # fmt: skip
    assert series.value_musd != pytest.approx(old.value_musd)


def _market(cap_kg: float) -> SpaceMarket:
    rows = tuple(SpaceDemand("mars-orbit", k, cap_kg, 1.0, "test") for k in SPACE_GOODS)
    return SpaceMarket("test", rows)


@pytest.mark.parametrize("cap_kg", [1e4, 1e5, 1e6, 1e8])
def test_value_follows_the_demand_cap(cap_kg):
    # M: 85 % metal of 1e7 kg returned; the avoided cost up to the cap, nothing beyond.
    arch = Architecture()
    e = mission_economics("M", 1e7, 4.0, 1.0, 900.0, MARS, arch, _market(cap_kg))
    metal_kg = load_class_groups()["M"].metal_frac * 1e7
    price = avoided_cost_usd_per_kg(MARS, arch)
    assert e.value_by_product_musd["metal"] == pytest.approx(min(cap_kg, metal_kg) * price / 1e6)


def test_value_rises_with_the_cap_until_the_returned_mass():
    values = [
        mission_economics("C", 1e7, 4.0, 1.0, 900.0, MARS, Architecture(), _market(c)).value_musd
        for c in (1e4, 1e5, 1e6, 1e8)  # C: 1e6 kg of water is its largest product
    ]
    assert np.all(np.diff(values[:3]) > 0) and values[3] == pytest.approx(values[2])


def test_the_series_iron_rock_pays_and_history_does_not():
    # (85990) 1999 JV6, an Xk (M) known since 1999: the best 2003 target at the series'
    # prices (spacerace asteroids --scenario <for-all-mankind with space_market "series">).
    grid = SearchGrid(step_days=10.0, tof_step_days=20.0)
    markets = load_space_markets()
    series = candidate_for("1999 JV6", 2003, "mars-orbit", grid=grid, market=markets["series"])
    history = candidate_for("1999 JV6", 2003, "mars-orbit", grid=grid, market=markets["none"])
    assert series.group == "M" and series.pays and series.space_market == "series"
    # in history only its 150 kg of PGMs sell (15 ppm of 10,000 t, about 2 M$)
    assert not history.pays and history.value_musd < 5.0
