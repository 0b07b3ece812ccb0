"""Mission cost and market value: the rocket equation, launches, falling prices."""

import numpy as np
import pytest

from spacerace.astro.rockets import propellant_mass_kg
from spacerace.catalog.asteroid_classes import Commodity, load_commodities
from spacerace.catalog.budgets import deflate_musd
from spacerace.catalog.vehicles import load_vehicles
from spacerace.mining.capture import leo_mass_ratio
from spacerace.mining.destinations import get_destination
from spacerace.mining.economics import Architecture, mission_economics, products_kg
from spacerace.mining.market import price_after_supply, sale_value_usd


def test_leo_mass_follows_the_rocket_equation():
    # Oracle: astro.rockets.propellant_mass_kg, burn by burn, backwards from the end state.
    isp, dry, returned = 850.0, 40_000.0, 2.0e6
    dv_out, dv_back = 3.6, 0.4
    prop_back = propellant_mass_kg(dv_back, isp, dry + returned)
    at_asteroid = dry + prop_back  # the asteroid is picked up there
    leo = at_asteroid + propellant_mass_kg(dv_out, isp, at_asteroid)
    assert leo_mass_ratio(dv_out, dv_back, isp, returned / dry) * dry == pytest.approx(leo)


def test_launch_count_and_cost_from_the_catalogue_launcher():
    arch = Architecture()
    e = mission_economics("S", 1.0e6, 3.6, 0.4, 730.5, get_destination("earth-moon"), arch)
    saturn = load_vehicles()["saturn_v"]
    assert e.launches == np.ceil(e.leo_mass_kg / saturn.payload_leo_kg)
    per_launch = deflate_musd(saturn.cost_musd, saturn.cost_year, 2003)
    assert e.cost_musd == pytest.approx(e.launches * per_launch + 1500.0 + 100.0 * 2.0)


def test_large_objects_are_mined_not_moved():
    arch = Architecture()
    e = mission_economics("M", 1e12, 3.6, 0.4, 730.5, get_destination("mars-orbit"), arch)
    assert e.returned_kg == arch.max_return_kg


def test_products_follow_the_composition_table():
    p = products_kg("M", 1.0e6)
    assert p["metal"] == pytest.approx(0.85e6) and p["pgm"] == pytest.approx(15.0)


def test_price_falls_with_supply_as_the_elasticity_says():
    # Constant elasticity e: doubling the supply divides the price by 2^(1/e).
    assert price_after_supply(100.0, 10.0, 10.0, 1.0) == pytest.approx(50.0)
    assert price_after_supply(100.0, 30.0, 10.0, 2.0) == pytest.approx(50.0)


def test_sale_sells_the_revenue_maximising_amount():
    c = Commodity("x", "x", 10.0, 2003, 1000.0, 0.5, "earth")
    sale = sale_value_usd(c, 10_000.0, 10.0)
    q = np.linspace(0.0, 10_000.0, 100_001)  # brute force over what could be sold
    revenue = q * price_after_supply(10.0, q, 1000.0, 0.5)
    assert sale.value_usd == pytest.approx(revenue.max(), rel=1e-6)
    assert sale.sold_kg == pytest.approx(q[np.argmax(revenue)], abs=0.2)


def test_space_goods_are_worth_the_launch_they_save():
    e = mission_economics("C", 1.0e5, 3.6, 0.4, 730.5, get_destination("earth-moon"))
    water = load_commodities()["water"]
    assert water.market == "space"
    saturn = load_vehicles()["saturn_v"]
    launch_usd_kg = deflate_musd(saturn.cost_musd, saturn.cost_year, 2003) * 1e6 / 140000
    # 10 % water of 100 t; small against the 1,000 t/yr market, so close to base price,
    # which is above the launch price (the gear ratio LEO -> high Earth orbit is > 1).
    assert e.value_by_product_musd["water"] > 1.0e4 * launch_usd_kg / 1e6 * 0.98
