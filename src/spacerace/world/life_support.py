"""Life support as stocks and flows: what a base's residents use and its modules make.

Pure functions on a :class:`~spacerace.world.base.Base` and the module and need tables the
caller hands in (``catalog.base_modules``). Rates are kg per day; power is kW electric.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from spacerace.world.base import Base

__all__ = [
    "LIFE_CRITICAL",
    "Flows",
    "advance_stocks",
    "capacity",
    "daily_flows",
    "daily_use_kg",
    "power_balance_kw",
    "reserve_days",
]

LIFE_CRITICAL = ("oxygen_kg", "water_kg", "food_kg")
"""Stocks whose exhaustion kills."""


@dataclass(frozen=True)
class Flows:
    """One base's rates at one moment.

    Attributes:
        demand_kg_day: Stock key -> kg used per day.
        production_kg_day: Stock key -> kg made per day.
        power_kw: Net electric power: produced minus drawn, kW (negative: a deficit).
        power_factor: Share of their full output that the producing modules reach, 0..1.
    """

    demand_kg_day: Mapping[str, float]
    production_kg_day: Mapping[str, float]
    power_kw: float
    power_factor: float

    def net_kg_day(self, stock: str) -> float:
        """Use minus production of one stock, kg/day (positive: the stock runs down)."""
        return self.demand_kg_day.get(stock, 0.0) - self.production_kg_day.get(stock, 0.0)


def daily_use_kg(stock: str, kg: float, people: int, mech, rationed: bool) -> float:
    """Return what ``people`` use of one stock a day, kg.

    The per-person need ``kg`` less what the base's life support recovers
    (``eclss_*_recovery``), cut by ``ration_factor`` when rationed (oxygen never is).

    Example:
        >>> from spacerace.world.mechanics import Mechanics
        >>> round(daily_use_kg("oxygen_kg", 0.835, 4, Mechanics.with_overrides(), False), 3)
        1.67
    """
    if stock == "oxygen_kg":
        recovery = mech.bases.eclss_oxygen_recovery
    elif stock == "water_kg":
        recovery = mech.bases.eclss_water_recovery
    else:
        recovery = 0.0
    ration = mech.bases.ration_factor if rationed and stock != "oxygen_kg" else 1.0
    return people * kg * (1.0 - recovery) * ration


def capacity(base: Base, specs: Mapping, day: float) -> int:
    """People the base's working habitats house (a broken habitat still shelters)."""
    beds = 0
    for unit in base.units:
        if not unit.held_by:
            beds += specs[unit.kind].crew_capacity
    return beds


def power_balance_kw(base: Base, specs: Mapping, day: float) -> tuple[float, float]:
    """Return (produced, drawn) electric power of the working modules, kW."""
    produced = drawn = 0.0
    for unit in base.units:
        if not unit.works(day):
            continue
        kw = specs[unit.kind].power_kw
        if kw > 0:
            produced += kw
        else:
            drawn -= kw
    return produced, drawn


def daily_flows(
    base: Base,
    specs: Mapping,
    needs_kg_day: Mapping[str, float],
    mech,
    day: float,
) -> Flows:
    """Return what the base uses and makes per day now.

    Args:
        base: The base.
        specs: Module kind -> spec (``mass_kg``, ``crew_capacity``, ``power_kw``,
            ``makes_kg_day``).
        needs_kg_day: kg one person consumes a day by stock key (ALS BVAD 2004).
        mech: Mechanics (``eclss_water_recovery``, ``eclss_oxygen_recovery``,
            ``ration_factor``, ``spares_kg_per_module_day``).
        day: Days since scenario start.

    Habitats draw their power first; producing modules share what is left, so a power
    deficit cuts production in proportion. Rationing cuts food and water use by
    ``ration_factor``.
    """
    n = base.population
    demand = {
        stock: daily_use_kg(stock, kg, n, mech, base.rationing)
        for stock, kg in needs_kg_day.items()
    }
    demand["spares_kg"] = mech.bases.spares_kg_per_module_day * len(base.units) if n else 0.0
    # one pass over the working modules (as power_balance_kw, in the same order, so the
    # sums are the same floats); habitats' draws are summed with sum() as before
    produced_kw = drawn_kw = 0.0
    housing: list[float] = []
    makers: list[Mapping[str, float]] = []
    for unit in base.units:
        if day < unit.offline_until or unit.held_by:  # not unit.works(day)
            continue
        spec = specs[unit.kind]
        kw = spec.power_kw
        if kw > 0:
            produced_kw += kw
        else:
            drawn_kw -= kw
        if spec.makes_kg_day:
            makers.append(spec.makes_kg_day)
        elif kw < 0:
            housing.append(-kw)
    housing_kw = sum(housing)
    works_kw = drawn_kw - housing_kw
    spare_kw = max(0.0, produced_kw - housing_kw)
    factor = 1.0 if works_kw <= 0 else min(1.0, spare_kw / works_kw)
    if day < base.work_factor_until:
        factor *= base.work_factor
    production: dict[str, float] = {}
    for makes in makers:
        for stock, kg in makes.items():
            production[stock] = production.get(stock, 0.0) + kg * factor
    return Flows(demand, production, produced_kw - drawn_kw, factor)


def advance_stocks(base: Base, flows: Flows, days: float, storage_kg: float) -> dict[str, float]:
    """Run the flows for ``days``; return the unmet demand by stock, kg.

    Production is credited first, then use is debited from what is there (never below
    zero); what exceeds ``storage_kg`` per stock is set aside as surplus (propellant and
    exports). Every kilogram goes through the base's ledger.
    """
    unmet = {}
    stocks, production, demand = base.stocks, flows.production_kg_day, flows.demand_kg_day
    for stock in sorted(stocks):
        made = production.get(stock, 0.0) * days
        if made > 0:
            base.credit(stock, made, "produced")
        want = demand.get(stock, 0.0) * days
        unmet[stock] = want - base.debit(stock, want, "consumed")
        if stocks[stock] > storage_kg:
            base.debit(stock, stocks[stock] - storage_kg, "surplus")
    return unmet


def reserve_days(base: Base, flows: Flows, extra_kg: Mapping[str, float] | None = None) -> float:
    """Days until the first life-critical stock runs out at the present rates (inf: never).

    ``extra_kg`` counts kg not yet in the stocks (cargo on its way) as if they were.
    """
    extra = extra_kg or {}
    days = math.inf
    demand, production = flows.demand_kg_day, flows.production_kg_day
    for stock in LIFE_CRITICAL:
        net = demand.get(stock, 0.0) - production.get(stock, 0.0)  # flows.net_kg_day, inlined
        if net > 0:
            days = min(days, (base.stocks.get(stock, 0.0) + extra.get(stock, 0.0)) / net)
    return days
