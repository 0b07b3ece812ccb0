"""The one-party state behind a planned-economy agency: a yearly review, and its fall.

Each 26 December (the day the USSR ceased to exist, 1991) the stability of every
standing regime (``world.regime.Regime``) moves by

* the economy: ``stability_per_growth_point`` x (the year's GNP growth - the
  ``growth_promise_pct``), growth from the catalog (``catalog.soviet_economy``: CIA
  estimates by plan period and year);
* the burden: - ``stability_per_burden_point`` x (defense share of GNP, cited, + space
  share ``space_share_of_gnp_pct`` x the agency's support - ``bearable_burden_pct``),
  where positive;
* standing: ``stability_per_first_ahead`` for each public first the agency holds beyond
  its rival's (fewer: a loss), every year: being ahead in the race is propaganda at home,
  being behind a humiliation;
* leadership: ``stability_new_leader`` if a new leader took over this year.

Below ``collapse_threshold`` the state falls with ``collapse_chance_per_year``. Its agency
carries on under its successor name with ``successor_budget_share`` of its real start
budget, no longer growing with the economy it lost; it no longer races, and the
superpowers' rivalry falls to its floor. Every weight is in the ``regime`` group of the
mechanics, with its source or the reason it is invented.
"""

from __future__ import annotations

from dataclasses import replace

from spacerace.catalog.soviet_economy import defense_share_pct, gnp_growth_pct
from spacerace.sim.context import RunContext
from spacerace.world.regime import Regime

__all__ = ["firsts_ahead", "regime_process", "review_regime"]


def regime_process(ctx: RunContext):
    """Every 26 December: review each standing regime (in agency-key order)."""
    rng = ctx.rng("regime")
    while True:
        day = ctx.cal.day_of(ctx.year, 12, 26)
        if day <= ctx.now:
            day = ctx.cal.day_of(ctx.year + 1, 12, 26)
        yield ctx.env.timeout(day - ctx.now)
        for _, regime in sorted(ctx.world.regimes.items()):
            if regime.stands:
                review_regime(ctx, regime, rng)


def review_regime(ctx: RunContext, regime: Regime, rng) -> None:
    """One year's change of a regime's stability, and perhaps its fall."""
    mech = ctx.mech.regime
    agency = ctx.world.agencies[regime.agency]
    year = ctx.year
    growth = gnp_growth_pct(year)
    standing = firsts_ahead(ctx, regime.agency)
    burden = defense_share_pct(year) + mech.space_share_of_gnp_pct * agency.support
    change = (
        mech.stability_per_growth_point * (growth - mech.growth_promise_pct)
        - mech.stability_per_burden_point * max(0.0, burden - mech.bearable_burden_pct)
        + mech.stability_per_first_ahead * standing
        + (mech.stability_new_leader if regime.new_leader else 0.0)
    )
    before = regime.stability
    regime.stability = min(1.0, max(0.0, before + change))
    why = (
        f"growth {growth:+.1f} % against a promise of {mech.growth_promise_pct:.1f} %, "
        f"defense and space {burden:.1f} % of GNP, {standing:+d} firsts against its rival"
        + (", a new leader" if regime.new_leader else "")
    )
    regime.new_leader = False
    ctx.emit(
        "stability",
        regime.agency,
        f"The state behind {agency.name} ends {year} "
        f"{'steadier' if change >= 0 else 'weaker'}: stability {regime.stability:.2f}.",
        cause=why,
        stability=round(regime.stability, 3),
        change=round(change, 3),
    )
    if regime.stability >= mech.collapse_threshold:
        return
    if rng.random() >= mech.collapse_chance_per_year:
        return
    _fall(ctx, regime, year)


def firsts_ahead(ctx: RunContext, key: str) -> int:
    """Public firsts agency ``key`` holds minus those its rival holds (0 without a rival)."""
    rival = ctx.rival_of(key)
    if rival is None:
        return 0
    held = [m.agency for m in ctx.world.milestones.values() if not m.secret]
    return held.count(key) - held.count(rival)


def _fall(ctx: RunContext, regime: Regime, year: int) -> None:
    mech = ctx.mech
    agency = ctx.world.agencies[regime.agency]
    old = agency.name
    regime.fallen_year = year
    agency.name = agency.profile.successor
    agency.profile = replace(agency.profile, economy="", successor="")
    agency.base_budget_musd *= mech.regime.successor_budget_share
    agency.race_lost = True
    ctx.world.rivalry = mech.politics.rivalry_floor
    ctx.world.soviet_leader = ""
    ctx.emit(
        "state_collapse",
        regime.agency,
        f"The state behind {old} collapses at the end of {year}; its program carries on as "
        f"the {agency.name}, on a fraction of its budget.",
        cause=(
            f"stability {regime.stability:.2f} below {mech.regime.collapse_threshold:.2f} "
            f"(chance {mech.regime.collapse_chance_per_year:.0%} a year); the successor keeps "
            f"{mech.regime.successor_budget_share:.1%} of the real start budget"
        ),
        successor=agency.name,
    )
