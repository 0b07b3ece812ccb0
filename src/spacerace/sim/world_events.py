"""Random events (accidents, discoveries, shocks) and the yearly metrics snapshot."""

from __future__ import annotations

from spacerace.sim.context import RunContext

__all__ = ["metrics_process", "random_events_process"]


def random_events_process(ctx: RunContext):
    """Each year: ground accidents at the catalog's rate; discoveries where there are bases."""
    rng = ctx.rng("random_events")
    rates = ctx.ref.rates
    while True:
        yield ctx.env.timeout(365.25)
        for key in ctx.active_agencies():
            flyers = sum(
                1 for p in ctx.people_of(key) if p.flies and p.status in ("active", "training")
            )
            for _ in range(int(rng.poisson(rates["astronaut_nonflight_death"] * flyers))):
                _ground_accident(ctx, key, rng)
        lunar = [b for _, b in sorted(ctx.world.bases.items()) if b.body == "moon"]
        if lunar and "lunar_water_ice" not in ctx.world.discoveries:
            if rng.random() < ctx.mech.bases.discovery_per_base_year:
                base = lunar[0]
                ctx.world.discoveries.add("lunar_water_ice")
                agency = ctx.world.agencies[base.founder]
                agency.prestige += ctx.mech.prestige.prestige_first / 2
                ctx.emit(
                    "discovery",
                    base.founder,
                    f"Crews at {base.name} confirm water ice in the permanently shadowed "
                    "craters of the lunar south pole.",
                    cause="surface work at the base (yearly discovery chance, invented)",
                    base=base.name,
                )


def _ground_accident(ctx: RunContext, key: str, rng) -> None:
    people = [  # ctx.people_of is in name order and holds every flyer of the agency
        p.name for p in ctx.people_of(key) if p.flies and p.status in ("active", "training")
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
        cause=f"non-flight death rate {ctx.ref.rates['astronaut_nonflight_death']:.3f} "
        "per astronaut-year (NASA T-38 losses 1964-67)",
        actors=(name,),
    )


def metrics_process(ctx: RunContext):
    """At each year's end, one row per active agency (budgets, prestige, people)."""
    while True:
        yield ctx.env.timeout(ctx.cal.day_of(ctx.year + 1, 1, 1) - 1e-6 - ctx.now)
        year = ctx.year
        for key in ctx.active_agencies():
            agency = ctx.world.agencies[key]
            people = ctx.people_of(key)
            now = ctx.now
            in_space = flyers = 0
            for p in people:  # both counts in one pass (can_fly needs "active": not flying)
                if p.status == "flying":
                    in_space += 1
                elif p.status == "active" and p.can_fly(now):
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
