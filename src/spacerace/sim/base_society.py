"""A base's society: its commander, unions, settled and unsettled strikes, riots, independence.

People at a base work for different employers on different terms (``Base.employment``; a
state's staff on the civil service's week, ``society.state_staff_*``), with different
rights: a company's workers may unionise and strike, a state's staff (civil servants, who
may not strike) only stop work. Each month, after tension moves (``sim.bases``):

* **Command.** The commander is the most skilled resident of the agency in command
  (``Base.lead``: the founder, or the alliance member whose turn it is); a commander who
  leaves, or whose agency's turn ends, is replaced; a riot costs the commander the post.
* **Unions.** A company's workers unionise at a base once their morale falls below
  ``union_morale_threshold`` and they are at least ``union_min_members`` (a
  ``union_formed`` event). Only a union strikes (``sim.base_incidents``).
* **Strikes** are put to the strikers' employer (the ``settle_strike`` question): settling
  raises their pay by ``concession_pay_raise`` and shortens their week by
  ``concession_hours_cut`` (the pay gap, a tension driver, narrows) and the strike ends in
  a third of its time; refusing lets it run and leaves a grievance (a driver).
* **Riots** (an incident above ``riot_threshold``): production halves, a module is
  wrecked, residents are hurt, the commander is replaced and the command loses prestige.
* **Independence.** Support for independence moves toward what isolation, the share of
  residents born there and tension set; at a settled base (``settlement_min_residents``
  for ``settlement_min_years``) it declares itself past ``movement_threshold`` (the series'
  "Free Mars", 2012): a stoppage, the command's prestige lost, and the concession of a
  residents' council (which lowers tension from then on).
"""

from __future__ import annotations

import math

from spacerace.sim.context import RunContext
from spacerace.world.base import Base, Employment
from spacerace.world.tension import TensionDrivers, relax

__all__ = [
    "appoint_commander",
    "hourly_rates",
    "isolation",
    "review_movement",
    "review_unions",
    "riot",
    "roster",
    "settle_strike",
]


def roster(ctx: RunContext, base: Base) -> tuple[dict[str, int], int]:
    """(residents by employer key sorted by key, children among them): the base's head counts.

    Counted again only when the residents changed (``Base.roster_version``) or someone
    changed agency in the run (``RunContext.agency_changes``: a defection, a recruit by the
    rival); between those, every month's tension, unions and movement read the same counts.
    Do not change the returned dict.
    """
    key = (base.roster_version, ctx.agency_changes)
    cached = base.roster_counts
    if cached is None or cached[0] != key:
        people = ctx.world.people
        counts: dict[str, int] = {}
        children = 0
        for name in base.residents:
            person = people[name]
            counts[person.agency] = counts.get(person.agency, 0) + 1
            children += person.role == "child"
        ordered = counts if len(counts) < 2 else dict(sorted(counts.items()))
        cached = base.roster_counts = (key, ordered, children)
    return cached[1], cached[2]


def appoint_commander(ctx: RunContext, base: Base, replace: bool = False) -> str:
    """Keep or name the base's commander; returns the name ("" when nobody lives there).

    With ``replace`` the commander is relieved and another is named (a ``commander_replaced``
    event), of the commanding agency if it has anyone else there.
    """
    people = ctx.world.people
    current = base.commander
    keep = (
        not replace
        and current in base.residents
        and people[current].agency == base.lead
        and people[current].role != "child"
    )
    if keep:
        return current
    adults = [n for n in base.residents if people[n].role != "child" and n != current]
    own = [n for n in adults if people[n].agency == base.lead]
    pool = own or adults
    base.commander = max(pool, key=lambda n: (people[n].skill, n)) if pool else ""
    if replace and current:
        ctx.emit(
            "commander_replaced",
            base.lead,
            f"{current} is relieved of command at {base.name}"
            + (f"; {base.commander} takes over." if base.commander else "."),
            cause="the riot at the base",
            actors=(current, base.commander) if base.commander else (current,),
            base=base.name,
        )
    return base.commander


def hourly_rates(ctx: RunContext, base: Base, employers: dict[str, int]) -> list[float]:
    """Pay per hour of each employer's people at the base, M$ (then-year) per weekly hour.

    A state's staff are on the civil service's terms (``society.state_staff_*``); a
    company's on the terms it set there (``Base.employment``), or else its defaults.
    """
    society, company = ctx.mech.society, ctx.mech.company
    deflator = ctx.deflator(1995)  # the dollar year of both pay mechanics
    rates = []
    for key in employers:
        if not ctx.world.agencies[key].is_private:
            pay, hours = society.state_staff_pay_musd_per_year, society.state_staff_hours_per_week
            rates.append(pay * deflator / hours)
            continue
        terms = base.employment.get(key)
        if terms is None:
            pay, hours = company.worker_pay_musd_per_year, company.worker_hours_per_week
            rates.append(pay * deflator / hours)
        else:
            rates.append(terms.pay_musd_per_year / max(terms.hours_per_week, 1.0))
    return rates


def isolation(ctx: RunContext, base: Base, days_home: float) -> float:
    """Years away (residents' mean, over ``isolation_full_years``) times remoteness, 0..1.

    Remoteness is ``days_home``, what it takes to get home now (waiting for a return window,
    then the transit), over ``remote_days_full``.
    """
    if not base.residents:
        return 0.0
    society = ctx.mech.society
    arrived = base.arrived  # one entry per resident (``arrive`` and ``depart`` keep it so)
    days = ctx.now - sum(arrived.values()) / len(arrived) if arrived else 0.0
    away = min(1.0, days / 365.25 / society.isolation_full_years)
    if away <= 0.0:
        return 0.0
    remote = min(1.0, days_home / society.remote_days_full)
    return away * remote


def review_unions(ctx: RunContext, base: Base, employers: dict[str, int]) -> None:
    """A company's workers unionise when their morale is low and they are enough."""
    mech = ctx.mech.society
    for key, count in employers.items():
        agency = ctx.world.agencies[key]
        if (
            not agency.is_private
            or key in base.unions
            or count < mech.union_min_members
            or base.morale.get(key, 1.0) >= mech.union_morale_threshold
        ):
            continue
        base.unions.append(key)
        ctx.emit(
            "union_formed",
            key,
            f"{agency.name} workers at {base.name} form a union.",
            cause=f"{count} workers, morale {base.morale.get(key, 1.0):.2f}; "
            f"{_terms(ctx, base, key)}",
            base=base.name,
            workers=count,
        )


def _terms(ctx: RunContext, base: Base, key: str) -> str:
    terms = base.employment.get(key)
    if terms is None:
        return "no terms set"
    state_hours = ctx.mech.society.state_staff_hours_per_week
    return f"{terms.hours_per_week:.0f} hours a week against the agencies' {state_hours:.0f}"


def settle_strike(ctx: RunContext, base: Base, company: str, workers: int, days: float) -> bool:
    """Put a strike to the strikers' employer; apply its answer; return True if settled.

    Args:
        ctx: The run.
        base: The base struck.
        company: The employer's key.
        workers: Its workers at the base.
        days: How long the strike would run unsettled.
    """
    mech = ctx.mech.society
    agency = ctx.world.agencies[company]
    terms = base.employment.get(company)
    pay = terms.pay_musd_per_year if terms else 0.0
    raise_musd = workers * pay * mech.concession_pay_raise
    lost_musd = agency.revenue_musd * days / 365.25
    policy, view = ctx.policies[company], ctx.view(company)
    settled = bool(
        ctx.decisions.ask(
            ctx,
            company,
            "settle_strike",
            (True, False),
            lambda rng: policy.settle_strike(view, base.name, raise_musd, lost_musd, rng),
            base=base.name,
            raise_musd=round(raise_musd, 3),
            lost_musd=round(lost_musd, 2),
        )  # fmt: skip
    )
    if settled and terms is not None:
        shorter = terms.hours_per_week - mech.concession_hours_cut
        hours = max(mech.state_staff_hours_per_week, shorter)
        base.employment[company] = Employment(pay * (1 + mech.concession_pay_raise), hours, ctx.now)
        base.tension = max(0.0, base.tension - ctx.mech.tension.incident_release)
    else:
        base.grievance += 1.0
    now = base.employment.get(company)
    ctx.emit(
        "strike_settled" if settled else "strike_unsettled",
        company,
        f"{agency.name} settles with its workers at {base.name}: "
        f"{now.hours_per_week:.0f}-hour week, pay up {mech.concession_pay_raise:.0%}."
        if settled and now is not None
        else f"{agency.name} refuses its strikers' terms at {base.name}; the strike goes on.",
        cause=f"the strike costs {lost_musd:,.0f} M$ of revenue; the raise "
        f"{raise_musd:,.1f} M$ a year",
        base=base.name,
        raise_musd=round(raise_musd, 3),
        lost_musd=round(lost_musd, 2),
    )
    return settled


def riot(ctx: RunContext, base: Base, rng) -> tuple[str, int]:
    """A riot: production halves, a module is wrecked, people are hurt, the command loses face.

    The caller then relieves the commander (:func:`appoint_commander` with ``replace``).
    Returns the wrecked module's kind ("" if none) and the number hurt.
    """
    mech = ctx.mech
    base.work_factor = 0.5
    base.work_factor_until = ctx.now + mech.tension.incident_days / 3.0
    working = [u for u in base.units if u.works(ctx.now)]
    wrecked = ""
    if working:
        unit = working[int(rng.integers(len(working)))]
        unit.offline_until = math.inf
        wrecked = unit.kind
    hurt = 0
    for name in base.residents:
        if rng.random() < mech.society.riot_injury_chance:
            person = ctx.world.people[name]
            person.health = max(0.0, person.health * 0.75)
            hurt += 1
    ctx.world.agencies[base.lead].gain_prestige(-mech.society.unrest_prestige_loss, "riots")
    return wrecked, hurt


def review_movement(ctx: RunContext, base: Base, drivers: TensionDrivers, days: float) -> None:
    """Move support for independence; a settled base's movement declares itself past the mark."""
    mech = ctx.mech.society
    n = base.population
    if not n:
        return
    born = roster(ctx, base)[1] / n
    target = min(
        1.0,
        mech.movement_w_isolation * drivers.isolation
        + mech.movement_w_born * born
        + mech.movement_w_tension * base.tension,
    )
    base.independence = relax(base.independence, target, days, mech.movement_relax_per_year)
    settled = (
        n >= ctx.mech.bases.settlement_min_residents
        and (ctx.now - base.founded_day) / 365.25 >= ctx.mech.bases.settlement_min_years
    )
    if base.movement_day is not None or not settled or base.independence < mech.movement_threshold:
        return
    base.movement_day = ctx.now
    base.council = True
    base.work_factor = 0.5
    base.work_factor_until = ctx.now + mech.movement_stoppage_days
    members = sorted(set(base.alliance.members if base.alliance else (base.lead,)))
    for key in members:
        ctx.world.agencies[key].gain_prestige(-mech.unrest_prestige_loss, "independence movements")
    name = f"Free {base.body.title()}"
    ctx.emit(
        "independence_movement",
        base.lead,
        f"A {name} movement rises at {base.name}: its residents want to govern themselves; "
        "the command grants them a council.",
        cause=f"support {base.independence:.2f} (isolation {drivers.isolation:.2f}, born there "
        f"{born:.0%}, tension {base.tension:.2f}) among {n} residents",
        base=base.name,
        movement=name,
        support=round(base.independence, 3),
    )
