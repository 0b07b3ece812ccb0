"""Mission cost and value of a capture: rocket equation, launches, composition, markets.

A nuclear-thermal tug leaves LEO with the propellant for the whole trip, rendezvouses,
takes the asteroid (or, for a large one, ``max_return_kg`` of its ore) and pushes it into
the destination orbit. Initial mass in LEO follows from the ideal rocket equation
(:func:`spacerace.mining.capture.leo_mass_ratio`); the launches needed to lift it, at a
catalogue launcher's payload and price, plus the tug and operations, make the cost. The
returned mass splits by the composition of the object's class group; each product sells
into its market (:mod:`spacerace.mining.market`). Money: millions of US dollars of
``Architecture.dollar_year``.

Without a ``market`` the in-space goods keep the reference prices the engine was
calibrated with (launch bill saved, constant elasticity over ``commodities.csv``'s yearly
supply). With a world's :class:`~spacerace.catalog.asteroid_classes.SpaceMarket` they are
worth the cost they avoid (:func:`avoided_cost_usd_per_kg`) up to what the destination uses,
and nothing where the world has no buyer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from spacerace.astro.transfers import capture_dv_km_s, departure_dv_km_s
from spacerace.catalog.asteroid_classes import SpaceMarket, load_class_groups, load_commodities
from spacerace.catalog.bodies import load_bodies
from spacerace.catalog.budgets import deflate_musd
from spacerace.catalog.vehicles import load_vehicles
from spacerace.mining.capture import leo_mass_ratio
from spacerace.mining.destinations import Destination
from spacerace.mining.market import capped_sale, in_space_price_usd_per_kg, sale_value_usd

__all__ = [
    "Architecture",
    "MissionEconomics",
    "avoided_cost_usd_per_kg",
    "delivery_dv_km_s",
    "mission_economics",
    "products_kg",
]

_SUN_EARTH_MARS_HOHMANN_VINF_KM_S = (2.943, 2.648)
"""Hohmann Earth-Mars v-infinity at departure and arrival, km/s (Curtis Example 8.4)."""


@dataclass(frozen=True)
class Architecture:
    """The capture mission's hardware and prices (judgements unless a source is named).

    Attributes:
        isp_s: Tug specific impulse, s. 850 s: NERVA-class nuclear thermal (NERVA XE tests
            reached about 820 s; the series' program flies nuclear).
        tug_dry_kg: Tug dry mass with capture gear, kg (judgement).
        max_return_kg: Most mass returned per mission, kg; larger objects are mined and
            this much ore returned (judgement: a 20 m rock at 2.4 g/cm^3).
        launcher: Key of the catalogue launcher (``catalog/data/vehicles.csv``).
        tug_cost_musd: Building one tug, M$ (judgement).
        ops_musd_per_year: Operations while the mission flies, M$ per year (judgement).
        dollar_year: Dollar year of every amount of money.
        spacecraft_cost_musd_per_t: Spacecraft cost per tonne, M$ of
            ``spacecraft_cost_year``: the engine's ``spacecraft.spacecraft_cost_musd_per_t``
            (Apollo CSM+LM, about 4 M$ of 1969 a tonne), which a scenario may override. As
            the engine's cargo costing does (``sim.base_logistics``, ``sim.planner``), a
            cargo flight pays a third of it per tonne of its mass in LEO.
        spacecraft_cost_year: Dollar year of ``spacecraft_cost_musd_per_t``.
    """

    isp_s: float = 850.0
    tug_dry_kg: float = 40_000.0
    max_return_kg: float = 1.0e7
    launcher: str = "saturn_v"
    tug_cost_musd: float = 1500.0
    ops_musd_per_year: float = 100.0
    dollar_year: int = 2003
    spacecraft_cost_musd_per_t: float = 4.0
    spacecraft_cost_year: int = 1969


def avoided_cost_usd_per_kg(destination: Destination, architecture: Architecture) -> float:
    """Return what a kg delivered to ``destination`` saves: bringing it up from Earth, USD.

    The architecture's launcher lifts it to LEO (its catalogue price per kg) on a cargo
    craft (a third of ``spacecraft_cost_musd_per_t`` per tonne in LEO, as the engine costs
    an agency's first cargo craft; its later ones learn, ``bases.cargo_craft_learning``,
    which this price leaves out), and a stage of the tug's Isp takes it through
    :func:`delivery_dv_km_s`; in USD of ``dollar_year``.

    Example:
        >>> from spacerace.mining.destinations import get_destination
        >>> round(avoided_cost_usd_per_kg(get_destination("mars-orbit"), Architecture()), -2)
        16100.0
    """
    arch = architecture
    vehicle = load_vehicles()[arch.launcher]
    launch = deflate_musd(vehicle.cost_musd, vehicle.cost_year, arch.dollar_year)
    craft = deflate_musd(arch.spacecraft_cost_musd_per_t, arch.spacecraft_cost_year,
                         arch.dollar_year) / 3.0  # fmt: skip
    return in_space_price_usd_per_kg(
        launch * 1e6 / vehicle.payload_leo_kg,
        delivery_dv_km_s(destination),
        arch.isp_s,
        craft * 1e6 / 1000.0,
    )


def delivery_dv_km_s(destination: Destination, leo_alt_km: float = 300.0) -> float:
    """Return the delta-v of delivering cargo from LEO into the destination orbit, km/s.

    Earth-Moon space: a perigee burn from LEO onto the capture ellipse. Mars: departure
    onto a Hohmann transfer (v-infinity 2.943 km/s) and capture from 2.648 km/s.

    Example:
        >>> from spacerace.mining.destinations import get_destination
        >>> round(delivery_dv_km_s(get_destination("earth-moon")), 2)
        3.11
    """
    bodies = load_bodies()
    earth = bodies["earth"]
    r_leo = earth.equatorial_radius_km + leo_alt_km
    if destination.body == "earth":
        ra = destination.apoapsis_radius_km
        a = 0.5 * (r_leo + ra)
        v_perigee = math.sqrt(earth.gm_km3_s2 * (2.0 / r_leo - 1.0 / a))
        return v_perigee - math.sqrt(earth.gm_km3_s2 / r_leo)
    body = bodies[destination.body]
    vinf_dep, vinf_arr = _SUN_EARTH_MARS_HOHMANN_VINF_KM_S
    rp = body.equatorial_radius_km + destination.periapsis_alt_km
    ecc = (destination.apoapsis_radius_km - rp) / (destination.apoapsis_radius_km + rp)
    return float(
        departure_dv_km_s(vinf_dep, r_leo, earth.gm_km3_s2)
        + capture_dv_km_s(vinf_arr, rp, body.gm_km3_s2, ecc)
    )


def products_kg(group: str, returned_kg: float) -> dict[str, float]:
    """Return the mass of each commodity in ``returned_kg`` of a class group's material.

    Example:
        >>> products_kg("C", 1000.0)["water"]  # CM chondrite: ~10 % water
        100.0
    """
    g = load_class_groups()[group]
    return {
        "metal": g.metal_frac * returned_kg,
        "water": g.water_frac * returned_kg,
        "volatiles": g.volatiles_frac * returned_kg,
        "pgm": g.pgm_ppm * 1e-6 * returned_kg,
    }


@dataclass(frozen=True)
class MissionEconomics:
    """Cost, value and profit of capture missions (money in M$ of the dollar year).

    Every field is an array over the missions priced together (a float for one mission).

    Attributes:
        returned_kg: Mass brought to the destination, kg.
        leo_mass_kg: Initial mass in LEO (tug + propellant), kg.
        launches: Launches of the architecture's launcher needed.
        cost_musd: Launches + tug + operations.
        value_at_market_musd: Returned products at today's prices.
        value_musd: Returned products sold at the prices their supply leaves.
        profit_musd: ``value_musd - cost_musd``.
        value_by_product_musd: Product key -> ``value_musd`` of that product.
    """

    returned_kg: np.ndarray
    leo_mass_kg: np.ndarray
    launches: np.ndarray
    cost_musd: np.ndarray
    value_at_market_musd: np.ndarray
    value_musd: np.ndarray
    profit_musd: np.ndarray
    value_by_product_musd: dict[str, np.ndarray]


def _base_price_usd_per_kg(key: str, destination: Destination, arch: Architecture) -> float:
    commodity = load_commodities()[key]
    if commodity.market == "space":
        vehicle = load_vehicles()[arch.launcher]
        launch_musd = deflate_musd(vehicle.cost_musd, vehicle.cost_year, arch.dollar_year)
        return in_space_price_usd_per_kg(
            launch_musd * 1e6 / vehicle.payload_leo_kg, delivery_dv_km_s(destination), arch.isp_s
        )
    return commodity.price_usd_per_kg * deflate_musd(1.0, commodity.price_year, arch.dollar_year)


def mission_economics(
    group: object,
    mass_kg: object,
    dv_outbound_km_s: object,
    dv_return_km_s: object,
    duration_days: object,
    destination: Destination,
    architecture: Architecture | None = None,
    market: SpaceMarket | None = None,
) -> MissionEconomics:
    """Return cost, value and profit of capturing (or mining) objects; arrays broadcast.

    Args:
        group: Composition group key(s) (``mining.size.class_group``).
        mass_kg: Mass of each object, kg.
        dv_outbound_km_s: LEO departure + rendezvous, km/s.
        dv_return_km_s: Leaving the asteroid + capture, km/s.
        duration_days: LEO departure to capture, days.
        destination: Where the material is delivered.
        architecture: Hardware and prices (defaults of :class:`Architecture`).
        market: The world's in-space market; None keeps the engine's reference prices
            (see the module docstring).

    Example:
        >>> from spacerace.mining.destinations import get_destination
        >>> e = mission_economics("C", 5e6, 3.5, 0.3, 900.0, get_destination("earth-moon"))
        >>> int(e.launches), e.value_musd < e.value_at_market_musd  # supply lowers prices
        (3, True)
    """
    arch = Architecture() if architecture is None else architecture
    groups = load_class_groups()
    group_arr, mass, dv_out, dv_back, days = np.broadcast_arrays(
        np.asarray(group), *(np.asarray(x, dtype=float) for x in
                             (mass_kg, dv_outbound_km_s, dv_return_km_s, duration_days))
    )  # fmt: skip
    returned = np.minimum(mass, arch.max_return_kg)
    ratio = leo_mass_ratio(dv_out, dv_back, arch.isp_s, returned / arch.tug_dry_kg)
    leo_mass = ratio * arch.tug_dry_kg
    vehicle = load_vehicles()[arch.launcher]
    launch_musd = deflate_musd(vehicle.cost_musd, vehicle.cost_year, arch.dollar_year)
    launches = np.ceil(leo_mass / vehicle.payload_leo_kg)
    cost = launches * launch_musd + arch.tug_cost_musd + arch.ops_musd_per_year * days / 365.25
    keys = np.unique(group_arr)
    fractions = {
        "metal": {g: groups[g].metal_frac for g in keys.tolist()},
        "water": {g: groups[g].water_frac for g in keys.tolist()},
        "volatiles": {g: groups[g].volatiles_frac for g in keys.tolist()},
        "pgm": {g: groups[g].pgm_ppm * 1e-6 for g in keys.tolist()},
    }
    value_market = np.zeros(returned.shape)
    value = np.zeros(returned.shape)
    by_product = {}
    for key, frac in fractions.items():
        f = np.zeros(returned.shape)
        for g, x in frac.items():
            f[group_arr == g] = x
        sale = _sale(key, f * returned, destination, arch, market)
        value_market += sale.value_at_market_usd / 1e6
        value += sale.value_usd / 1e6
        by_product[key] = _out(sale.value_usd / 1e6)
    return MissionEconomics(
        returned_kg=_out(returned),
        leo_mass_kg=_out(leo_mass),
        launches=_out(launches),
        cost_musd=_out(cost),
        value_at_market_musd=_out(value_market),
        value_musd=_out(value),
        profit_musd=_out(value - cost),
        value_by_product_musd=by_product,
    )


def _sale(key: str, kg: np.ndarray, destination: Destination, arch, market):
    commodity = load_commodities()[key]
    if market is None or commodity.market != "space":
        return sale_value_usd(commodity, kg, _base_price_usd_per_kg(key, destination, arch))
    demand = market.demand(destination.key, key)
    if demand is None:  # nobody at the destination uses it
        return capped_sale(commodity, kg, 0.0, 0.0)
    return capped_sale(commodity, kg, avoided_cost_usd_per_kg(destination, arch), demand.cap_kg)


def _out(x: np.ndarray) -> np.ndarray | float:
    return float(x) if np.ndim(x) == 0 else x
