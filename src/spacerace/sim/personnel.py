"""People: recruitment in groups, training, injuries, retirement. One pass a year.

Recruits come from the real astronaut data set by country and selection year (NASA's
groups, the Soviet cosmonaut groups); a private company hires real astronauts of other
countries; a program with no real pool (North Korea's) gets numbered cosmonauts, marked
invented. Training lasts the facility's basic training time from the catalog.
"""

from __future__ import annotations

from spacerace.catalog.astronauts import load_astronauts
from spacerace.sim.context import RunContext
from spacerace.sim.setup import country_of_astronaut, real_person_skill
from spacerace.world.person import Person

__all__ = ["personnel_process"]

MONTH_DAYS = 30.4375


def personnel_process(ctx: RunContext):
    """Every 1 January: retirements, injuries, then recruitment where crews run short."""
    rng = ctx.rng("personnel")
    pool = sorted(load_astronauts(), key=lambda r: (r.year_of_selection, r.name))
    while True:
        yield ctx.env.timeout(ctx.cal.day_of(ctx.year + 1, 1, 1) - ctx.now)
        year = ctx.year
        for name in sorted(ctx.world.people):
            person = ctx.world.people[name]
            if person.status in ("dead", "retired", "resident", "home"):
                continue  # base staff serve tours, and go home, outside the astronaut corps
            if person.status == "training" and ctx.now >= person.ready_day:
                person.status = "active"
            if person.status == "injured" and rng.random() < 0.5:
                person.status = "active"
                person.health = 0.8
            facility = ctx.world.agencies[person.agency].training_facility
            retire_age = ctx.ref.training.get(facility, ctx.ref.default_training).retirement_age
            if year - person.born_year >= retire_age and person.status != "flying":
                person.status = "retired"
                ctx.emit(
                    "retirement",
                    person.agency,
                    f"{person.name} retires.",
                    cause=f"age {year - person.born_year}",
                    actors=(person.name,),
                )
            elif (
                person.flies
                and person.status == "active"
                and rng.random() < ctx.mech.people.injury_per_person_year
            ):
                person.status = "injured"
                person.health = 0.4
                ctx.emit(
                    "injury",
                    person.agency,
                    f"{person.name} is injured in training.",
                    cause=f"training injury rate {ctx.mech.people.injury_per_person_year:.0%}"
                    " a year",
                    actors=(person.name,),
                )
        for key in ctx.active_agencies():
            _recruit(ctx, key, year, pool)


def _recruit(ctx: RunContext, key: str, year: int, pool) -> None:
    agency = ctx.world.agencies[key]
    flyers = [
        p
        for p in ctx.world.people.values()
        if p.agency == key and p.flies and p.status in ("active", "training", "flying")
    ]
    if len(flyers) >= ctx.mech.people.min_flyers:
        return
    facility = ctx.ref.training.get(agency.training_facility, ctx.ref.default_training)
    ready = ctx.now + facility.basic_training_months * MONTH_DAYS
    want = int(ctx.mech.people.recruit_group_size)
    role = agency.profile.crew_title
    states = {a.country for a in ctx.world.agencies.values() if not a.is_private}
    hired = []
    for rec in pool:
        if len(hired) >= want:
            break
        if rec.name in ctx.world.people or rec.year_of_selection > year + 12:
            continue
        country = country_of_astronaut(rec.nationality)
        # a company hires from countries without a state agency of their own in the world
        mine = (country == agency.country) if not agency.is_private else country not in states
        if not mine or year - rec.born_year > 45 or year - rec.born_year < 25:
            continue
        hired.append(rec)
        ctx.world.people[rec.name] = Person(
            rec.name,
            key,
            role,
            country,
            rec.born_year,
            skill=real_person_skill(rec.name),
            status="training",
            ready_day=ready,
            real=True,
            sex=rec.sex,
        )
    invented = not agency.is_private and agency.country not in ctx.ref.recruit_countries
    while invented and len(hired) < want:  # no real pool: numbered people, marked invented
        n = sum(1 for p in ctx.world.people.values() if p.agency == key) + 1
        name = f"{agency.name} cosmonaut {n}"
        ctx.world.people[name] = Person(
            name,
            key,
            role,
            agency.country,
            year - 30,
            skill=0.6,
            status="training",
            ready_day=ready,
        )
        hired.append(name)
    if hired:
        ctx.emit(
            "recruitment",
            key,
            f"{agency.name} selects {len(hired)} new {role}s; they train at "
            f"{agency.training_facility or 'its centre'} until {ctx.cal.year(ready)}.",
            cause=f"only {len(flyers)} flyers left; basic training "
            f"{facility.basic_training_months:g} months",
            count=len(hired),
        )
