"""JSON-ready views of planning results, shared by the command line and the web pages.

``format_transfer`` (one porkchop point), ``candidate_json`` (one ranked asteroid) and
:func:`prices_of` (a scenario's hardware costs and in-space market, the prices a ranking is
made at) return plain data; the CLI prints it, the web app serves it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Prices", "candidate_json", "format_transfer", "prices_of"]


def _num(value: float, digits: int):
    return None if value is None or not math.isfinite(value) else round(float(value), digits)


def format_transfer(point) -> dict:
    """Return one transfer as a JSON-ready dict (dates ISO, numbers rounded to their accuracy)."""
    from spacerace.astro.time import jd_tdb_to_iso

    return {
        "depart": jd_tdb_to_iso(point.depart_jd_tdb),
        "arrive": jd_tdb_to_iso(point.arrive_jd_tdb),
        "tof_days": _num(point.tof_days, 1),
        "c3_km2_s2": _num(point.c3_km2_s2, 3),
        "vinf_depart_km_s": _num(point.vinf_depart_km_s, 3),
        "vinf_arrive_km_s": _num(point.vinf_arrive_km_s, 3),
        "dv_depart_km_s": _num(point.dv_depart_km_s, 3),
        "dv_arrive_km_s": _num(point.dv_arrive_km_s, 3),
        "dv_total_km_s": _num(point.dv_total_km_s, 3),
    }


@dataclass(frozen=True)
class Prices:
    """The prices of one scenario's world: its hardware costs and its in-space market.

    Attributes:
        scenario: Scenario name.
        arch: The ``mining.Architecture`` (launcher, spacecraft cost, dollar year).
        market: The ``catalog.asteroid_classes.SpaceMarket`` that buys material in space.
        space_price_usd_per_kg: What a kg delivered saves where the market buys, USD/kg.
    """

    scenario: str
    arch: object
    market: object
    space_price_usd_per_kg: float

    def json(self) -> dict:
        """The prices as JSON-ready fields."""
        return {
            "scenario": self.scenario,
            "space_market": self.market.key,
            "space_price_usd_per_kg": round(self.space_price_usd_per_kg, 1),
        }

    def prices(self) -> str:
        """One clause saying what material in space is worth in this world."""
        if not self.market.demands:
            return f"{self.scenario}'s prices: nobody buys material in space"
        return (
            f"{self.scenario}'s prices: water, metal and volatiles in space "
            f"{self.space_price_usd_per_kg:,.0f} $/kg (the cost of bringing them from Earth) "
            f"up to what the {self.market.key} market uses"
        )


def prices_of(scenario: str, launcher: str, to: str) -> Prices:
    """The prices of a scenario's world for captures taken ``to`` a destination.

    Raises:
        InputError: An unknown launcher, destination or scenario.
    """
    from spacerace.catalog.asteroid_classes import load_space_markets
    from spacerace.catalog.vehicles import load_vehicles
    from spacerace.errors import InputError
    from spacerace.mining import Architecture
    from spacerace.mining.destinations import get_destination
    from spacerace.mining.economics import avoided_cost_usd_per_kg
    from spacerace.scenario.loader import load_scenario
    from spacerace.world.mechanics import Mechanics

    known = load_vehicles()
    if launcher not in known:
        raise InputError(f"--launcher {launcher!r}: known launchers: {', '.join(known)}")
    dest = get_destination(to)
    chosen = load_scenario(scenario)
    craft = Mechanics.with_overrides(chosen.mechanics).spacecraft.spacecraft_cost_musd_per_t
    arch = Architecture(launcher=launcher, spacecraft_cost_musd_per_t=craft)
    market = load_space_markets()[chosen.space_market]
    return Prices(chosen.name, arch, market, avoided_cost_usd_per_kg(dest, arch))


def candidate_json(c) -> dict:
    """One ranked capture target (``mining.Candidate``) as a JSON-ready dict."""
    from spacerace.astro.time import jd_tdb_to_iso

    return {
        "designation": c.designation,
        "name": c.name,
        "label": c.label,
        "number": c.number,
        "orbit_type": c.orbit_type,
        "a_au": c.a_au,
        "ecc": c.ecc,
        "inc_deg": c.inc_deg,
        "h_mag": c.h_mag,
        "diameter_m": _num(c.diameter_m, 1),
        "diameter_measured": c.diameter_measured,
        "mass_kg": float(f"{c.mass_kg:.3g}"),
        "spectral_class": c.spectral_class,
        "composition_group": c.group,
        "first_obs_year": c.first_obs_year,
        "earth_moid_au": _num(c.earth_moid_au, 4),
        "close_earth_encounters": c.close_earth,
        "destination": c.destination,
        "screening_dv_km_s": _num(c.screening_dv_km_s, 3),
        "dv_outbound_km_s": _num(c.dv_outbound_km_s, 3),
        "dv_return_km_s": _num(c.dv_return_km_s, 3),
        "dv_total_km_s": _num(c.dv_total_km_s, 3),
        "depart": jd_tdb_to_iso(c.depart_jd_tdb),
        "rendezvous": jd_tdb_to_iso(c.rendezvous_jd_tdb),
        "leave": jd_tdb_to_iso(c.leave_jd_tdb),
        "arrive": jd_tdb_to_iso(c.arrive_jd_tdb),
        "duration_days": _num(c.duration_days, 0),
        "returned_kg": float(f"{c.returned_kg:.3g}"),
        "returned_products_kg": {
            k: float(f"{getattr(c, k + '_kg'):.3g}") for k in ("metal", "water", "volatiles", "pgm")
        },
        "launches": c.launches,
        "value_at_market_musd": _num(c.value_at_market_musd, 1),
        "value_musd": _num(c.value_musd, 1),
        "cost_musd": _num(c.cost_musd, 1),
        "profit_musd": _num(c.profit_musd, 1),
        "pays": c.pays,
        "dollar_year": c.dollar_year,
    }
