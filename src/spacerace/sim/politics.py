"""Money and politics: fiscal years, support, elections, leadership, rivalry.

A state agency's budget each fiscal year is its start budget x political support x the
growth of the economy that funds it since the start (its profile's ``economy``: US federal
outlays for a legislature, so budgets are then-year dollars like the real series; with no
economy, inflation alone by the OMB GDP deflator). Support moves toward a target set by
the superpowers' rivalry while the agency races, by a formula its funding profile chooses
(a legislature's or a one-party leadership's); once a legislature's race is won its target
is the post-race level; it jumps when a rival achieves a first, drops after a loss of crew.
A private agency lives on its books instead (``sim.company``): capital, revenue and
investors. Elections shift the support of agencies a
legislature funds; a new leader cuts the approval backlog of a planned economy.
"""

from __future__ import annotations

from spacerace.catalog.budgets import ECONOMY_SERIES, deflate_musd
from spacerace.sim.company import close_books, earn_contracts
from spacerace.sim.context import RunContext
from spacerace.world.agency import Agency
from spacerace.world.event import Breakdown
from spacerace.world.mission_kinds import SURFACE_BODIES

__all__ = ["fiscal_process", "politics_process", "react_to_first", "react_to_loss"]

US_PARTIES = ("Republican", "Democratic")


def support_target(ctx: RunContext, agency: Agency) -> float:
    """Support a state agency drifts toward: rises with the rivalry (see ``world.mechanics``).

    A legislature's target is cut to ``us_support_after_winning`` of it once its agency
    has won the race it set out to win (the post-Apollo decline); a one-party leadership's
    follows its own formula. Elections and propaganda firsts shift it lastingly.
    """
    mech = ctx.mech
    rivalry = ctx.world.rivalry
    if agency.profile.is_legislated:
        if agency.race_won:
            target = mech.politics.us_support_after_winning
        else:
            target = mech.politics.us_support_base + mech.politics.us_support_per_rivalry * rivalry
    else:
        target = (
            mech.politics.soviet_support_base + mech.politics.soviet_support_per_rivalry * rivalry
        )
    return target + agency.support_shift


def fiscal_process(ctx: RunContext):
    """Every 1 October (US fiscal years since 1976; all agencies here): appropriate budgets."""
    rng = ctx.rng("fiscal")
    shock = False
    while True:
        year = ctx.year
        next_fy = ctx.cal.day_of(year, 10, 1)
        if next_fy <= ctx.now:
            next_fy = ctx.cal.day_of(year + 1, 10, 1)
        yield ctx.env.timeout(next_fy - ctx.now)
        fy = ctx.year + 1
        shock = rng.random() < ctx.ref.rates["us_recession"]
        if shock:
            ctx.emit(
                "shock",
                None,
                f"A recession hits in {fy - 1}: budgets for FY{fy} are cut.",
                cause="economic shock (rate from NBER recession dates)",
            )
        ctx.world.rivalry = max(
            ctx.mech.politics.rivalry_floor,
            ctx.world.rivalry - ctx.mech.politics.rivalry_decay_per_year,
        )
        for key in ctx.active_agencies():
            _appropriate(ctx, key, fy, shock)


def _appropriate(ctx: RunContext, key: str, fy: int, shock: bool) -> None:
    agency = ctx.world.agencies[key]
    mech = ctx.mech
    previous = agency.budget_musd
    breakdown = None
    if agency.company is not None:
        cause = close_books(ctx, key, fy)
    else:
        target = support_target(ctx, agency)
        agency.support += (target - agency.support) * mech.politics.support_relax_per_year
        agency.support = min(
            mech.politics.support_max, max(mech.politics.support_min, agency.support)
        )
        start_year = ctx.cal.year(0.0)
        supported = agency.base_budget_musd * agency.support
        real = supported * (mech.politics.shock_budget_factor if shock else 1.0)
        economy = agency.profile.economy
        if economy:
            growth = ECONOMY_SERIES[economy](fy) / ECONOMY_SERIES[economy](start_year)
            agency.budget_musd = real * growth
            grown = f"x {growth:.2f} growth of the economy ({economy}) since {start_year}"
        else:
            agency.budget_musd = deflate_musd(real, start_year, min(fy, 2028))
            grown = f"in {fy} dollars"
        stages = [(f"support {agency.support:.2f} (target {target:.2f})", supported)]
        if shock:
            stages.append((f"recession x {mech.politics.shock_budget_factor:.2f}", real))
        step = (
            f"growth of the economy ({economy}) x {growth:.2f} since {start_year}"
            if economy
            else f"inflation: {start_year} dollars to FY{fy} dollars"
        )
        stages.append((step, agency.budget_musd))
        breakdown = Breakdown.from_stages(
            "budget_musd",
            f"{agency.name}'s budget for FY{fy}, M$",
            (f"{start_year} budget at support 1.00, {start_year} dollars", agency.base_budget_musd),
            stages,
        )
        why = (
            "after the race"
            if agency.race_won and agency.profile.is_legislated
            else (f"at rivalry {ctx.world.rivalry:.2f}")
        )
        cause = (
            f"support {agency.support:.2f} (target {target:.2f} {why}) x {start_year} budget "
            f"{grown}"
        )
    agency.funds_musd = agency.budget_musd
    ctx.emit(
        "budget",
        key,
        f"{agency.name}'s budget for FY{fy}: {agency.budget_musd:,.0f} M$.",
        cause=cause,
        budget_musd=round(agency.budget_musd, 1),
        previous_musd=round(previous, 1),
        breakdown=breakdown,
    )


def politics_process(ctx: RunContext):
    """US elections every four years; Soviet leadership changes and stagnation."""
    rng = ctx.rng("politics")
    ctx.world.us_president = "Republican: Richard Nixon"
    ctx.world.soviet_leader = "Leonid Brezhnev"
    while True:
        yield ctx.env.timeout(ctx.cal.day_of(ctx.year + 1, 1, 1) - ctx.now)
        year = ctx.year
        _soviet_year(ctx, rng, year)
        _cooperation(ctx, year)
        _contracts(ctx)
        if year % 4 == 0:
            yield ctx.env.timeout(ctx.cal.day_of(year, 11, 5) - ctx.now)
            _us_election(ctx, rng, year)


def _contracts(ctx: RunContext) -> None:
    """A company becomes a contractor at the bases it does not build; they pay its contracts.

    The pay is ``sim.company.earn_contracts`` (construction contracts, lunar helium-3).
    """
    for key in ctx.active_agencies():
        company = ctx.world.agencies[key]
        if company.company is None:
            continue
        for _, base in sorted(ctx.world.bases.items()):
            if key in base.agencies or base.abandoned_day is not None:
                continue
            alliance = base.alliance
            if alliance is not None and alliance.contractor not in ("", key):
                continue  # the alliance has its sole contractor
            if alliance is not None:
                alliance.contractor = key
            base.agencies.append(key)
            lead = ctx.world.agencies[base.lead]
            ctx.emit(
                "base_joined",
                key,
                f"{company.name} joins {base.name} as a contractor.",
                cause=f"{lead.name} pays it construction contracts"
                + ("; helium-3 is its to sell" if SURFACE_BODIES[base.body].helium3 else ""),
                base=base.name,
            )
        earn_contracts(ctx, key)


def _cooperation(ctx: RunContext, year: int) -> None:
    """Below the treaty threshold the superpowers sign a space treaty and fly together."""
    if ctx.world.treaty_year or ctx.world.rivalry >= ctx.mech.politics.treaty_rivalry_threshold:
        return
    pair = ctx.superpowers()
    if len(pair) < 2:
        return
    ctx.world.treaty_year = year
    for key in pair:
        ctx.world.agencies[key].gain_prestige(ctx.mech.prestige.prestige_success, "treaties")
    ctx.world.rivalry = max(
        ctx.mech.politics.rivalry_floor, ctx.world.rivalry - ctx.mech.politics.treaty_rivalry_drop
    )
    ctx.emit(
        "treaty",
        None,
        f"Washington and Moscow sign a space cooperation treaty in {year}; a joint crew "
        "docks in orbit, former foes becoming partners.",
        cause=f"rivalry {ctx.world.rivalry + ctx.mech.politics.treaty_rivalry_drop:.2f} fell "
        "below the "
        "treaty threshold "
        f"{ctx.mech.politics.treaty_rivalry_threshold:.2f}",
        agencies=",".join(pair),
    )


def _us_election(ctx: RunContext, rng, year: int) -> None:
    party = ctx.world.us_president.split(":")[0]
    keep = rng.random() < ctx.mech.politics.incumbent_party_retention
    winner = party if keep else next(p for p in US_PARTIES if p != party)
    ctx.world.us_president = f"{winner}: the {year} winner"
    if not keep:
        delta = ctx.mech.politics.party_space_support_delta * (1 if rng.random() < 0.5 else -1)
        for _, agency in sorted(ctx.world.agencies.items()):
            if agency.profile.is_legislated:
                agency.support_shift += delta
    word = "keeps" if keep else "wins"
    ctx.emit(
        "election",
        None,
        f"The {winner} party {word} the White House in {year}.",
        cause="incumbent party kept it with probability "
        f"{ctx.mech.politics.incumbent_party_retention:.2f}",
        party=winner,
    )


def _soviet_year(ctx: RunContext, rng, year: int) -> None:
    for _, agency in sorted(ctx.world.agencies.items()):
        if agency.profile.is_planned and year > 1970:
            agency.approval_delay_days += ctx.mech.politics.soviet_approval_delay_days_per_year
    fallen = ctx.world.regimes and not any(r.stands for r in ctx.world.regimes.values())
    if rng.random() < ctx.mech.politics.leader_change_per_year and not fallen:
        for agency in ctx.world.agencies.values():
            if agency.profile.is_planned:
                agency.approval_delay_days *= 0.5
        ctx.world.soviet_leader = f"a new General Secretary ({year})"
        for regime in ctx.world.regimes.values():
            regime.new_leader = True
        ctx.emit(
            "leader",
            None,
            f"A new General Secretary takes over in Moscow in {year}.",
            cause="leadership change; the new leader cuts the approval backlog in half",
            leader=ctx.world.soviet_leader,
        )


def react_to_first(ctx: RunContext, key: str, milestone: str) -> None:
    """Politics after a first: the achiever's support rises, a beaten rival's more.

    A beaten rival still racing raises the superpowers' rivalry; one whose race is over
    (won or given up) is not alarmed by it.
    """
    mech = ctx.mech
    agency = ctx.world.agencies[key]
    agency.gain_prestige(mech.prestige.prestige_first, "firsts")
    if not agency.is_private:
        agency.support = min(
            mech.politics.support_max, agency.support + mech.politics.support_boost_own_first
        )
    if agency.profile.is_legislated and agency.goals and milestone == agency.goals[0]:
        agency.race_won = True
    if agency.profile.answers_to_leadership:
        agency.support_shift += mech.politics.soviet_support_per_first
    rival = ctx.rival_of(key)
    if rival is None:
        return
    other = ctx.world.agencies[rival]
    if milestone in other.goals:
        other.support = min(
            mech.politics.support_max, other.support + mech.politics.support_boost_rival_first
        )
        jump = (
            mech.politics.rivalry_jump_us_beaten
            if other.profile.is_legislated
            else mech.politics.rivalry_jump_soviet_beaten
        )
        if other.racing:  # a side whose race is over is not alarmed (Salyut 1 in 1971)
            ctx.world.rivalry = min(1.0, ctx.world.rivalry + jump)
        ctx.emit(
            "support",
            rival,
            f"Beaten to a first, {other.name} wins new political support.",
            cause=f"{agency.name} achieved {milestone.replace('_', ' ')} first",
            support=round(other.support, 3),
        )


def react_to_loss(ctx: RunContext, key: str, count: int) -> None:
    """Politics after a loss of crew: support and prestige fall, crewed flights stop."""
    mech = ctx.mech
    agency = ctx.world.agencies[key]
    agency.gain_prestige(mech.prestige.prestige_loss, "crews lost")
    agency.support = max(
        mech.politics.support_min, agency.support - mech.politics.support_drop_crew_lost
    )
    agency.grounded_until_day = ctx.now + mech.missions.grounding_days
    agency.crew_lost += count
    ctx.emit(
        "grounded",
        key,
        f"{agency.name} grounds its crewed flights.",
        cause=f"loss of {count} crew; flights resume after {mech.missions.grounding_days:.0f} days",
        until_day=round(agency.grounded_until_day, 3),
    )


def money_in_dollars_of(ctx: RunContext, value_musd: float, cost_year: int) -> float:
    """Convert a catalog cost to the current year's dollars (OMB GDP deflator)."""
    return value_musd * ctx.deflator(cost_year)
