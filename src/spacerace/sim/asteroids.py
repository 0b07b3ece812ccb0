"""What a captured asteroid brings: water for a base, metals for Earth's market, money.

When an ``asteroid_capture`` mission returns, its material is split by the composition of
the target's class group (``mining.economics.products_kg``). Water and volatiles go to the
agency's base at the destination (Happy Valley for Mars orbit, its lunar base for
Earth-Moon space), through the base's ledger. Metals and platinum-group metals are sold on
Earth's market at prices that fall with everything captured so far in the run
(``mining.market``): the value of a delivery is the value of the run's cumulative supply
with it minus without it. The money goes to the agency (a company's capital, a state's
funds); a state's political support rises with the fortune it brings home.
"""

from __future__ import annotations

from dataclasses import replace

from spacerace.catalog.capture_targets import load_capture_targets
from spacerace.mining.destinations import get_destination
from spacerace.mining.economics import Architecture, mission_economics, products_kg
from spacerace.sim.context import RunContext
from spacerace.sim.politics import money_in_dollars_of
from spacerace.world.mission import Mission

__all__ = ["deliver_asteroid"]

_UNCAPPED = replace(Architecture(), max_return_kg=float("inf"))
"""The reference prices with no cap on the mass sold (the run's supply adds up)."""


def _target(designation: str, depart_jd_tdb: float, destination: str):
    for (_, dest), targets in load_capture_targets().items():
        for t in targets:
            if (
                dest == destination
                and t.designation == designation
                and abs(t.depart_jd_tdb - depart_jd_tdb) < 1e-6
            ):
                return t
    raise KeyError(designation)


def _value_2003_musd(target, supplied_kg: float) -> float:
    if supplied_kg <= 0:
        return 0.0
    econ = mission_economics(
        target.group,
        supplied_kg,
        target.dv_outbound_km_s,
        target.dv_return_km_s,
        target.arrive_jd_tdb - target.depart_jd_tdb,
        get_destination(target.destination),
        _UNCAPPED,
    )
    return float(econ.value_musd)


def deliver_asteroid(ctx: RunContext, mission: Mission) -> None:
    """Hand out what a returned capture mission brought (see the module docstring)."""
    plan = mission.plan
    target = _target(plan.target, ctx.world.start_jd_tdb + plan.depart_day, plan.destination)
    products = products_kg(target.group, plan.returned_kg)
    supplied = ctx.world.asteroid_supply_kg
    value_2003 = _value_2003_musd(target, supplied + plan.returned_kg)
    value_2003 -= _value_2003_musd(target, supplied)
    ctx.world.asteroid_supply_kg = supplied + plan.returned_kg
    value = money_in_dollars_of(ctx, value_2003, target.dollar_year)
    agency = ctx.world.agencies[mission.agency]
    if agency.is_private:
        agency.capital_musd += value
    else:
        agency.funds_musd += value
        boost = ctx.mech.economy.asteroid_support_per_billion * value / 1000.0
        agency.support = min(ctx.mech.politics.support_max, agency.support + boost)
    body = "mars" if plan.destination == "mars-orbit" else "moon"
    home = next(iter(ctx.bases_of(mission.agency, body)), None)
    water = products["water"] + products["volatiles"]
    if home is not None and water > 0:
        home.credit("water_kg", water, "delivered")
        mission.base = home.name
    where = "Mars orbit" if body == "mars" else "Earth-Moon space"
    ctx.emit(
        "asteroid_delivered",
        mission.agency,
        f"{agency.name} brings {plan.returned_kg / 1000:,.0f} t of {target.label} into {where}"
        + (f"; its water goes to {home.name}" if home is not None and water > 0 else "")
        + ".",
        cause=f"metals sold for {value:,.0f} M$ at prices lowered by "
        f"{ctx.world.asteroid_supply_kg / 1000:,.0f} t captured so far",
        base=home.name if home is not None else "",
        target=target.designation,
        returned_kg=round(plan.returned_kg, 1),
        water_kg=round(water, 1),
        metal_kg=round(products["metal"], 1),
        pgm_kg=round(products["pgm"], 3),
        value_musd=round(value, 2),
        value_2003_musd=round(value_2003, 2),
    )
