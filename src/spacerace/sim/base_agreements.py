"""International bases: agencies agree to share command of a base, or to merge two bases.

Once US-Soviet rivalry falls below ``treaty_rivalry_threshold``, a superpower without a
base of its own on the body joins its partner's (after the space treaty), and a base that two state
agencies share passes to joint command (the series' Happy Valley after 1997): consumables
are then paid by each member in proportion to its people, and evacuation is decided by
either. Two bases on the same body founded by rival states merge into the larger one: the
residents move, the stocks are transferred through both ledgers, the smaller is left.
"""

from __future__ import annotations

from spacerace.sim.base_logistics import state_members
from spacerace.sim.context import RunContext
from spacerace.world.base import STOCKS, Base

__all__ = ["review_agreements"]


def review_agreements(ctx: RunContext, base: Base) -> None:
    """Apply the agreements the world allows now to one base."""
    if (
        ctx.world.rivalry >= ctx.mech.politics.treaty_rivalry_threshold
        or base.abandoned_day is not None
    ):
        return
    _merge_rival_bases(ctx, base)
    _treaty_partners_join(ctx, base)
    if base.command != "joint" and len(state_members(ctx, base)) >= 2:
        base.command = "joint"
        names = [ctx.world.agencies[k].name for k in state_members(ctx, base)]
        ctx.emit(
            "base_command",
            base.founder,
            f"{' and '.join(names)} take joint command of {base.name}.",
            cause=f"rivalry {ctx.world.rivalry:.2f} below the treaty threshold "
            f"{ctx.mech.politics.treaty_rivalry_threshold:.2f}; costs shared by headcount",
            base=base.name,
        )


def _treaty_partners_join(ctx: RunContext, base: Base) -> None:
    """Under a space treaty, a state without a base of its own on that body shares this one.

    Its staff ride the command's cargo flights and it pays for their seats.
    """
    if not ctx.world.treaty_year or not base.residents:
        return
    agencies = ctx.world.agencies
    outside = [  # superpower state agencies not in the base (none, once partners joined)
        key
        for key, agency in agencies.items()
        if key not in base.agencies and not agency.is_private and agency.profile.superpower
    ]
    if not outside:
        return
    for key in ctx.active_agencies():
        agency = ctx.world.agencies[key]
        if agency.is_private or key in base.agencies or not agency.profile.superpower:
            continue
        if ctx.bases_of(key, base.body):
            continue
        base.agencies.append(key)
        ctx.emit(
            "base_joined",
            key,
            f"{agency.name} joins {base.name} as a partner.",
            cause=f"the space treaty of {ctx.world.treaty_year}: partners share bases",
            base=base.name,
        )


def _merge_rival_bases(ctx: RunContext, base: Base) -> None:
    founder = ctx.world.agencies[base.founder]
    for _, other in sorted(ctx.world.bases.items()):
        rival = ctx.world.agencies[other.founder]
        if (
            other is base
            or other.body != base.body
            or other.abandoned_day is not None
            or rival.is_private
            or founder.is_private
            or rival.country == founder.country
            or (other.population, other.name) > (base.population, base.name)
        ):
            continue
        _merge(ctx, other, into=base)


def _merge(ctx: RunContext, small: Base, into: Base) -> None:
    from spacerace.sim.bases import arrive, depart

    people = list(small.residents)
    tours = {n: small.tours.get(n) for n in people}
    depart(ctx, small, people)
    for name in people:
        arrive(ctx, into, [name], tours[name])  # a crew member stays on its mission
    for stock in STOCKS:
        kg = small.debit(stock, small.stocks[stock], "transferred_out")
        if kg > 0:
            into.credit(stock, kg, "transferred_in")
    for key in small.agencies:
        if key not in into.agencies:
            into.agencies.append(key)
    small.abandoned_day = ctx.now
    ctx.emit(
        "base_merged",
        small.founder,
        f"{small.name} merges into {into.name}: "
        + ("1 resident moves." if len(people) == 1 else f"{len(people)} residents move."),
        cause=f"rivalry {ctx.world.rivalry:.2f} below the treaty threshold; one base is "
        "cheaper to supply than two",
        base=into.name,
        merged=small.name,
        count=len(people),
    )
