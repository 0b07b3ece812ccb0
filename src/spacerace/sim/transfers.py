"""Technology transfers: a patron state hands its client designs and launchers.

An agency whose profile names a ``patron`` (the series' North Korean program, the Soviet
program's client) may receive the rows of ``catalog.transfers`` the patron holds — a
completed program (the client holds its capability without developing it) or a vehicle of
the patron's fleet (the client buys its launches at the catalog price) — in an agreement
(event ``technology_transfer``), each 1 October after the budgets and before the year's
programs are funded, when:

* the superpowers' rivalry is at least ``transfer_rivalry_min`` (a cold war hot enough
  that a client's first is worth arming), and
* the patron races for a goal the client pursues: both pursue it, neither has it and
  nobody has achieved it in public (the patron wants the socialist first, by proxy if
  need be);
* a program is handed over only if the client needs it for that goal (it is on the
  client's path of programs); launchers come with the first of them and later whenever
  the race is still on;
* the client pays each item's fee from this year's money, in the table's order, while it
  lasts.

The rows carry the fees and their reasons; nothing here names a country.
"""

from __future__ import annotations

from spacerace.catalog.transfers import TransferSpec, load_transfers
from spacerace.sim.context import RunContext
from spacerace.sim.politics import money_in_dollars_of
from spacerace.sim.programs import needed_for
from spacerace.world.mission_kinds import GOALS
from spacerace.world.vehicle import VehicleRecord

__all__ = ["shared_race", "transfer_process", "transfers_due"]


def shared_race(ctx: RunContext, client: str, patron: str) -> str:
    """The first goal of the client's the patron races for too ("" if none)."""
    mine, theirs = ctx.world.agencies[client], ctx.world.agencies[patron]
    for goal in mine.goals:
        if goal in theirs.goals and goal not in mine.achieved and goal not in theirs.achieved:
            if goal not in ctx.world.public_firsts:
                return goal
    return ""


def _path(ctx: RunContext, client: str, goal: str) -> set[str]:
    """Programs the client still needs for ``goal`` (prerequisites included)."""
    out: set[str] = set()
    for token in GOALS[goal].needs:
        out.update(needed_for(ctx, client, token))
    return out


def transfers_due(ctx: RunContext, client: str) -> tuple[str, list[TransferSpec]]:
    """(goal, rows) the patron would hand over now; ("", []) when none is due."""
    agency = ctx.world.agencies[client]
    patron_key = agency.profile.patron
    if not patron_key or ctx.world.rivalry < ctx.mech.politics.transfer_rivalry_min:
        return "", []
    patron = ctx.world.agencies[patron_key]
    if patron.founded_year > ctx.year:
        return "", []
    goal = shared_race(ctx, client, patron_key)
    if not goal:
        return "", []
    path = _path(ctx, client, goal)
    rows = []
    for row in load_transfers():
        if row.kind == "program":
            if row.item in patron.capabilities and row.item in path:
                rows.append(row)
        elif row.item in patron.fleet and row.item not in agency.fleet:
            rows.append(row)
    return goal, rows


def _hand_over(ctx: RunContext, client: str, row: TransferSpec) -> None:
    agency = ctx.world.agencies[client]
    if row.kind == "program":
        agency.programs.pop(row.item, None)  # what it spent on its own is sunk
        agency.capabilities.add(row.item)
        return
    agency.fleet.add(row.item)
    if row.item not in ctx.world.vehicles:
        spec = ctx.world.vehicle_specs[row.item]
        ctx.world.vehicles[row.item] = VehicleRecord.from_spec(spec)


def _agreement(ctx: RunContext, client: str) -> None:
    goal, rows = transfers_due(ctx, client)
    if not rows:
        return
    agency = ctx.world.agencies[client]
    patron = ctx.world.agencies[agency.profile.patron]
    given, paid = [], 0.0
    for row in rows:
        fee = money_in_dollars_of(ctx, row.fee_musd, row.fee_year)
        if fee > agency.funds_musd:
            continue
        agency.funds_musd -= fee
        paid += fee
        _hand_over(ctx, client, row)
        given.append(row.item)
    if not given:
        return
    names = [
        ctx.ref.programs[i].name if i in ctx.ref.programs else ctx.world.vehicle_specs[i].name
        for i in given
    ]
    ctx.emit(
        "technology_transfer",
        client,
        f"{patron.name} hands {agency.name} {', '.join(names)}.",
        cause=f"both race for {goal.replace('_', ' ')} at rivalry {ctx.world.rivalry:.2f}; "
        f"fees {paid:,.0f} M$ (catalog transfers.csv)",
        patron=agency.profile.patron,
        items=given,
        goal=goal,
        fee_musd=round(paid, 1),
    )


def transfer_process(ctx: RunContext):
    """Each 1 October, just after the budgets: agreements between patrons and clients."""
    while True:
        next_fy = ctx.cal.day_of(ctx.year, 10, 1) + 0.005
        if next_fy <= ctx.now:
            next_fy = ctx.cal.day_of(ctx.year + 1, 10, 1) + 0.005
        yield ctx.env.timeout(next_fy - ctx.now)
        for key in ctx.active_agencies():
            if ctx.world.agencies[key].profile.patron:
                _agreement(ctx, key)
