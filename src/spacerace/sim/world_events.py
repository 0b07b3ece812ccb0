"""Random events (accidents, discoveries, shocks) and the yearly metrics snapshot."""

from __future__ import annotations

from spacerace.catalog.rates import EraRate
from spacerace.sim.context import RunContext
from spacerace.world.event import Breakdown
from spacerace.world.wording import capital, subject

__all__ = ["metrics_process", "random_events_process"]


def random_events_process(ctx: RunContext):
    """Each year: non-flight deaths at the rate of the year's era; discoveries at bases.

    The exposure is an agency's corps (``RunContext.in_corps``: flyers of age in training or
    ready) times the era's rate per astronaut-year (``catalog/data/era_rates.csv``).
    """
    rng = ctx.rng("random_events")
    while True:
        yield ctx.env.timeout(365.25)
        era = ctx.ref.rate_in_year("astronaut_nonflight_death", ctx.year)
        for key in ctx.active_agencies():
            flyers = _corps_size(ctx, key)
            for _ in range(int(rng.poisson(era.per_year * flyers))):
                _nonflight_death(ctx, key, rng, era)
        lunar = [b for _, b in sorted(ctx.world.bases.items()) if b.body == "moon"]
        if lunar and "lunar_water_ice" not in ctx.world.discoveries:
            if rng.random() < ctx.mech.bases.discovery_per_base_year:
                base = lunar[0]
                ctx.world.discoveries.add("lunar_water_ice")
                agency = ctx.world.agencies[base.founder]
                agency.gain_prestige(ctx.mech.prestige.prestige_first / 2, "discoveries")
                ctx.emit(
                    "discovery",
                    base.founder,
                    f"Crews at {base.name} confirm water ice in the permanently shadowed "
                    "craters of the lunar south pole.",
                    cause="surface work at the base (yearly discovery chance, invented)",
                    base=base.name,
                )


def _corps_size(ctx: RunContext, key: str) -> int:
    """How many of agency ``key``'s people are in its corps now (``RunContext.in_corps``)."""
    year, min_age = ctx.year, ctx.mech.people.min_crew_age
    return sum(1 for p in ctx.people_of(key) if p.in_corps(year, min_age))


def _nonflight_death(ctx: RunContext, key: str, rng, era: EraRate) -> None:
    people = [  # ctx.people_of is in name order and holds every flyer of the agency
        p.name for p in ctx.people_of(key) if ctx.in_corps(p)
    ]
    if not people:
        return
    name = people[int(rng.integers(len(people)))]
    person = ctx.world.people[name]
    person.status = "dead"
    person.health = 0.0
    ctx.emit(
        "death",
        key,
        f"{name} dies in a training accident.",
        cause=f"non-flight death rate {era.per_year:.4f} per astronaut-year "
        f"({era.events} deaths in {era.exposure:g} astronaut-years from {era.from_year})",
        actors=(name,),
    )


def _tell_prestige(ctx: RunContext, key: str, year: int) -> None:
    agency = ctx.world.agencies[key]
    terms = [("at the start", 0.0)]
    terms += [(source, round(points, 6)) for source, points in agency.prestige_sources.items()]
    ctx.emit(
        "prestige",
        key,
        f"{capital(subject(agency.name))}'s prestige at the end of {year}: "
        f"{agency.prestige:,.0f} points.",
        cause="points for firsts, crews home, treaties; lost with crews and defections "
        "(mechanics group prestige)",
        prestige=round(agency.prestige, 2),
        breakdown=Breakdown("prestige", f"{agency.name}'s prestige, points", tuple(terms)),
    )


def metrics_process(ctx: RunContext):
    """At each year's end, one row per active agency (budgets, prestige, people).

    An agency whose prestige moved that year also gets a ``prestige`` event whose breakdown
    is what its prestige is made of (``Agency.prestige_sources``).
    """
    told: dict[str, dict[str, float]] = {}  # agency -> its sources when last told
    while True:
        yield ctx.env.timeout(ctx.cal.day_of(ctx.year + 1, 1, 1) - 1e-6 - ctx.now)
        year = ctx.year
        for key in ctx.active_agencies():
            agency = ctx.world.agencies[key]
            if agency.prestige_sources != told.get(key, {}):
                told[key] = dict(agency.prestige_sources)
                _tell_prestige(ctx, key, year)
            people = ctx.people_of(key)
            now, min_age = ctx.now, ctx.mech.people.min_crew_age
            in_space = flyers = 0
            for p in people:  # both counts in one pass (can_fly needs "active": not flying)
                if p.status == "flying":
                    in_space += 1
                elif p.status == "active" and p.can_fly(now, year, min_age):
                    flyers += 1
            ctx.metrics.append(
                {
                    "year": year,
                    "agency": key,
                    "budget_musd": round(agency.budget_musd, 1),
                    "prestige": round(agency.prestige, 2),
                    "support": round(agency.support, 3),
                    "people_in_space": in_space
                    + sum(len(b.residents) for b in ctx.world.bases.values() if key == b.founder),
                    "crew_lost": agency.crew_lost,
                    "flyers": flyers,
                    "bases": sum(key in b.agencies for b in ctx.world.bases.values()),
                }
            )
        yield ctx.env.timeout(1e-3)
