"""International bases: an alliance the agencies choose, and the merging of rival bases.

Once US-Soviet rivalry falls below ``treaty_rivalry_threshold``, the base's command offers
an **alliance** (the series' M-7 of 1997, which made Happy Valley international): the state
agencies that share the base, and (after the space treaty) each superpower with no base of
its own on that body, are asked ``join_alliance`` with the share of the costs each would pay
(by yearly budget) and that share of the last order's cost. If at least two say yes, one of
them already at the base, they sign a :class:`~spacerace.world.base.Alliance`: the base
passes to joint command, each member pays its share of consumables and modules (who pays),
command rotates among the members with each staff tour (who decides: the holder's fleet
flies the cargo, its people give the commander), either member may order the evacuation,
and the company with the most people there becomes its sole contractor (the others'
contracts end). A refused offer is made again after ``alliance_review_days``; a state that
comes later is offered a seat the same way. Two bases on the same body founded by rival
states merge into the larger one: the residents move, the stocks are transferred through
both ledgers, the smaller is left.
"""

from __future__ import annotations

from spacerace.sim.base_logistics import staff_tour_days, state_members
from spacerace.sim.context import RunContext
from spacerace.world.base import STOCKS, Alliance, Base

__all__ = ["alliance_shares", "review_agreements"]


def review_agreements(ctx: RunContext, base: Base) -> None:
    """Apply the agreements the world allows now to one base."""
    if base.abandoned_day is not None:
        return
    if base.alliance is not None:
        _rotate_command(ctx, base)
    if ctx.world.rivalry >= ctx.mech.politics.treaty_rivalry_threshold:
        return
    _merge_rival_bases(ctx, base)
    if base.residents and ctx.now >= base.next_offer_day:
        _offer_alliance(ctx, base)


def alliance_shares(ctx: RunContext, members) -> dict[str, float]:
    """Member key -> share of a base's costs, by yearly budget (equal if none has one).

    Example (by hand): budgets of 3,000 and 1,000 M$ give shares of 0.75 and 0.25.
    """
    budgets = {k: max(0.0, ctx.world.agencies[k].budget_musd) for k in sorted(members)}
    total = sum(budgets.values())
    if total <= 0:
        return {k: 1.0 / len(budgets) for k in budgets}
    return {k: v / total for k, v in budgets.items()}


def _candidates(ctx: RunContext, base: Base) -> list[str]:
    """State agencies an alliance is offered to: those at the base, then treaty partners.

    A superpower with no base of its own on the body is offered a seat once the superpowers
    signed a space treaty (it would otherwise have to build its own).
    """
    active = set(ctx.active_agencies())
    inside = [k for k in state_members(ctx, base) if k in active]
    outside = []
    if ctx.world.treaty_year:
        for key in sorted(active):
            agency = ctx.world.agencies[key]
            if (
                key in base.agencies
                or agency.is_private
                or not agency.profile.superpower
                or ctx.bases_of(key, base.body)
            ):
                continue
            outside.append(key)
    return inside + outside


def _offer_alliance(ctx: RunContext, base: Base) -> None:
    """Offer the alliance to whoever could sign it or join it; sign if two agree."""
    base.next_offer_day = ctx.now + ctx.mech.society.alliance_review_days
    candidates = _candidates(ctx, base)
    alliance = base.alliance
    if alliance is None and len(candidates) < 2:
        return
    asked = [k for k in candidates if alliance is None or k not in alliance.members]
    if not asked:
        return
    would_be = sorted(set(candidates) | set(alliance.members if alliance else ()))
    shares = alliance_shares(ctx, would_be)
    names = ", ".join(would_be)
    yes = [k for k in asked if _asks_to_join(ctx, k, base, shares[k], names)]
    if alliance is None:
        if len(yes) >= 2 and any(k in base.agencies for k in yes):
            _sign(ctx, base, sorted(yes))
        return
    for key in yes:
        _admit(ctx, base, key)


def _asks_to_join(ctx: RunContext, key: str, base: Base, share: float, members: str) -> bool:
    """Ask agency ``key`` (through the decision point) whether it joins the alliance."""
    policy, view = ctx.policies[key], ctx.view(key)
    cost = share * base.order_cost_musd
    answer = ctx.decisions.ask(
        ctx, key, "join_alliance", (True, False),
        lambda rng: policy.join_alliance(view, base.name, share, cost, rng),
        base=base.name, share=round(share, 4), cost_musd=round(cost, 2), members=members,
    )  # fmt: skip
    if not answer:
        ctx.emit(
            "alliance_refused",
            key,
            f"{ctx.world.agencies[key].name} declines to share command of {base.name}.",
            cause=f"its policy refused a {share:.0%} share of the costs "
            f"({cost:,.0f} M$ of an order)",
            base=base.name,
        )
    return bool(answer)


def _sign(ctx: RunContext, base: Base, members: list[str]) -> None:
    agencies = ctx.world.agencies
    for key in members:
        if key not in base.agencies:
            base.agencies.append(key)
    private = [k for k in base.agencies if agencies[k].is_private]
    heads = {k: sum(ctx.world.people[n].agency == k for n in base.residents) for k in private}
    contractor = min(private, key=lambda k: (-heads[k], k)) if private else ""
    for key in private:  # the sole contractor: the other companies' contracts end
        if key != contractor:
            base.agencies.remove(key)
    holder = base.lead if base.lead in members else members[0]
    order = tuple([holder] + [k for k in members if k != holder])
    base.alliance = Alliance(
        members=order,
        shares=alliance_shares(ctx, members),
        contractor=contractor,
        signed_day=ctx.now,
        term_days=staff_tour_days(ctx, base),
        holder=holder,
    )
    base.command = "joint"
    names = [agencies[k].name for k in order]
    shares = ", ".join(f"{agencies[k].name} {s:.0%}" for k, s in base.alliance.shares.items())
    ctx.emit(
        "alliance",
        holder,
        f"{' and '.join(names)} sign an alliance: {base.name} is international, "
        f"{agencies[holder].name} commands first"
        + (f", {agencies[contractor].name} its sole contractor." if contractor else "."),
        cause=f"rivalry {ctx.world.rivalry:.2f} below the treaty threshold "
        f"{ctx.mech.politics.treaty_rivalry_threshold:.2f}; costs shared {shares}; command "
        f"rotates every {base.alliance.term_days:.0f} days",
        base=base.name,
        members=list(order),
        contractor=contractor,
    )


def _admit(ctx: RunContext, base: Base, key: str) -> None:
    alliance = base.alliance
    if key not in base.agencies:
        base.agencies.append(key)
    alliance.members = alliance.members + (key,)
    alliance.shares = alliance_shares(ctx, alliance.members)
    ctx.emit(
        "base_joined",
        key,
        f"{ctx.world.agencies[key].name} joins the alliance of {base.name}.",
        cause=f"it pays {alliance.shares[key]:.0%} of the costs and takes its turn in command",
        base=base.name,
    )


def _rotate_command(ctx: RunContext, base: Base) -> None:
    """Command passes to the next member when a term ends (a member gone leaves the turn)."""
    alliance = base.alliance
    active = set(ctx.active_agencies())
    if alliance.contractor and alliance.contractor not in active:
        alliance.contractor = ""  # a bankrupt contractor's place is open again
    gone = [k for k in alliance.members if k not in active]
    if gone:
        alliance.members = tuple(k for k in alliance.members if k in active)
        if len(alliance.members) < 2:
            _dissolve(ctx, base, gone)
            return
        alliance.shares = alliance_shares(ctx, alliance.members)
    holder = alliance.holder_on(ctx.now)
    if holder == alliance.holder:
        return
    before = alliance.holder
    alliance.holder = holder
    agencies = ctx.world.agencies
    ctx.emit(
        "command_rotated",
        holder,
        f"{agencies[holder].name} takes its turn in command of {base.name}.",
        cause=f"the alliance rotates command every {alliance.term_days:.0f} days; "
        f"{agencies[before].name if before in agencies else before} hands over",
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


def _dissolve(ctx: RunContext, base: Base, gone: list[str]) -> None:
    """Fewer than two members are left: the last one (or the founder) commands alone."""
    left = base.alliance.members
    base.alliance = None
    base.command = left[0] if left else base.founder
    base.next_offer_day = ctx.now  # a new alliance may be offered at once
    ctx.emit(
        "alliance_ended",
        base.command,
        f"The alliance of {base.name} ends; "
        f"{ctx.world.agencies[base.command].name} commands alone.",
        cause=f"{', '.join(gone)} no longer acts",
        base=base.name,
    )
