"""Production runs: a rocket whose line has closed flies out what was built, then retires.

Most vehicles are in serial production (Soyuz, Proton) or come from a program that goes on
building them (the Shuttle, Energia). A few had a fixed run ordered in the 1960s
(``VehicleSpec.units_built``: the Saturn V's 15, the Saturn IB's ten): NASA ordered no
more while Apollo's race was being won and its budget cut. Here a run is a stock
(``VehicleRecord.units_left``): the vehicles built and not flown by the scenario's start
(the launch record's earlier flights taken off: ``catalog.vehicles.stock_at_start``). A
flight takes its vehicles from the stock when it is committed; a scrubbed one gives them
back. While the agency races (``Agency.racing``) or belongs to a base it must supply, the
line stays open: what a flight takes is ordered again, and the stock never runs out (the
series' NASA, still racing, keeps building Saturn Vs). Once it neither races nor has a
base, nobody orders more, and the vehicle is gone from its options when the last of the
stock is assigned (a ``vehicle_retired`` event). Before 2026-12-04 every vehicle flew for
ever: the ``history`` NASA flew a median 40 Saturn Vs 1969-2003 (the record: 10, the last
in May 1973), four lunar landings after 1972 and 17 Skylab crews.
"""

from __future__ import annotations

import math

from spacerace.sim.context import RunContext
from spacerace.world.vehicle import VehicleRecord

__all__ = ["can_fly", "give_back", "line_open", "take"]


def line_open(ctx: RunContext, key: str) -> bool:
    """True while agency ``key`` keeps ordering its vehicles: it races or shares a base."""
    if ctx.world.agencies[key].racing:
        return True
    return any(key in base.agencies for base in ctx.world.bases.values())


def can_fly(ctx: RunContext, key: str, vehicle: str, n: int) -> bool:
    """True if agency ``key`` can have ``n`` vehicles ``vehicle`` for a flight now."""
    record = ctx.world.vehicles.get(vehicle)
    if record is None or record.units_left >= n:
        return True
    return line_open(ctx, key)


def take(ctx: RunContext, key: str, vehicle: str, n: int, flight: str) -> None:
    """Assign ``n`` vehicles of the run to ``flight`` (agency ``key``'s), ordering more if open.

    The last one of a closed line retires the vehicle: a ``vehicle_retired`` event.
    """
    record = ctx.world.vehicles.get(vehicle)
    if record is None or math.isinf(record.units_left) or n <= 0:
        return
    if record.units_left < n and line_open(ctx, key):
        record.units_left = float(n)  # the line is open: the flight's vehicles are ordered
    record.units_left = max(0.0, record.units_left - n)
    if record.units_left == 0 and not line_open(ctx, key):
        _retire(ctx, key, vehicle, record, flight)


def give_back(ctx: RunContext, vehicle: str, n: int) -> None:
    """A flight that never left returns its ``n`` vehicles to the stock."""
    record = ctx.world.vehicles.get(vehicle)
    if record is not None and not math.isinf(record.units_left) and n > 0:
        record.units_left += n


def _retire(ctx: RunContext, key: str, vehicle: str, record: VehicleRecord, flight: str) -> None:
    if record.retired:
        return  # a scrubbed flight gave one back and it has been assigned again: told once
    record.retired = True
    spec = ctx.world.vehicle_specs[vehicle]
    agency = ctx.world.agencies[key]
    ctx.emit(
        "vehicle_retired",
        key,
        f"{agency.name} assigns its last {spec.name} to {flight}.",
        cause=f"its production run is flown out; no more are ordered while {agency.name} "
        "neither races nor supplies a base",
        vehicle=vehicle,
        built=spec.units_built,
        flight=flight,
    )
