"""People: recruitment in groups, training, injuries, retirement. One pass a year.

Recruits come from the real astronaut data set by country and selection year (NASA's
groups, the Soviet cosmonaut groups); a private company hires real astronauts of other
countries; a program with no real pool (North Korea's) gets numbered cosmonauts, marked
invented. Training lasts the facility's basic training time from the catalog.
"""

from __future__ import annotations

import functools
import itertools

from spacerace.catalog.astronauts import AstronautRecord, load_astronauts
from spacerace.sim.context import RunContext
from spacerace.sim.setup import country_of_astronaut, real_person_skill
from spacerace.world.person import Person

__all__ = ["personnel_process"]

MONTH_DAYS = 30.4375


_DONE = ("dead", "retired", "resident", "home")
"""Statuses this process never changes again: base staff and children serve tours and go
home outside the astronaut corps, and nobody comes back from death or retirement."""
_FLYING = ("active", "training", "flying")
"""Statuses of the flyers an agency counts before recruiting."""


def personnel_process(ctx: RunContext):
    """Every 1 January: retirements, injuries, then recruitment where crews run short."""
    rng = ctx.rng("personnel")
    candidates: dict[str, list] = {}  # agency key -> its part of the pool not yet ruled out
    corps: list[str] = []  # names of the people not _DONE at the last pass, sorted
    seen = 0  # people (in world.people's order: added, never removed) already in corps
    while True:
        yield ctx.env.timeout(ctx.cal.day_of(ctx.year + 1, 1, 1) - ctx.now)
        year = ctx.year
        people = ctx.world.people
        if len(people) > seen:
            corps.extend(itertools.islice(people, seen, None))
            corps.sort()
            seen = len(people)
        for name in corps:
            person = people[name]
            if person.status in _DONE:
                continue
            if person.status == "training" and ctx.now >= person.ready_day:
                person.status = "active"
            if person.status == "injured" and rng.random() < 0.5:
                person.status = "active"
                person.health = 0.8
            facility = ctx.world.agencies[person.agency].training_facility
            retire_age = (
                ctx.catalog["training"]
                .get(facility, ctx.catalog["default_training"])
                .retirement_age
            )
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
                and rng.random() < ctx.mech.injury_per_person_year
            ):
                person.status = "injured"
                person.health = 0.4
                ctx.emit(
                    "injury",
                    person.agency,
                    f"{person.name} is injured in training.",
                    cause=f"training injury rate {ctx.mech.injury_per_person_year:.0%} a year",
                    actors=(person.name,),
                )
        corps = [name for name in corps if people[name].status not in _DONE]
        flyers: dict[str, int] = {}  # agency key -> flyers (recruits join no other agency)
        for name in corps:
            person = people[name]
            if person.flies and person.status in _FLYING:
                flyers[person.agency] = flyers.get(person.agency, 0) + 1
        for key in ctx.active_agencies():
            if flyers.get(key, 0) < ctx.mech.min_flyers:
                if key not in candidates:
                    agency = ctx.world.agencies[key]
                    candidates[key] = list(_hirable(agency.country, agency.is_private))
                _recruit(ctx, key, year, candidates[key], flyers.get(key, 0))


@functools.cache
def _hirable(country: str, is_private: bool) -> tuple[AstronautRecord, ...]:
    """The astronaut records an agency of ``country`` may hire, by (selection year, name).

    A state agency hires its own country's astronauts, a company those of other countries.
    """
    pool = sorted(load_astronauts(), key=lambda r: (r.year_of_selection, r.name))
    return tuple(
        rec
        for rec in pool
        if (
            country_of_astronaut(rec.nationality) not in ("US", "SU")
            if is_private
            else country_of_astronaut(rec.nationality) == country
        )
    )


def _recruit(ctx: RunContext, key: str, year: int, candidates: list, flyers: int) -> None:
    """Hire a group from ``candidates`` (pruned in place of those hired or too old for good)."""
    agency = ctx.world.agencies[key]
    people = ctx.world.people
    facility = ctx.catalog["training"].get(
        agency.training_facility, ctx.catalog["default_training"]
    )
    ready = ctx.now + facility.basic_training_months * MONTH_DAYS
    want = int(ctx.mech.recruit_group_size)
    role = "cosmonaut" if agency.country in ("SU", "KP") else "astronaut"
    hired = []
    kept = []  # the records looked at that may still be hired in later years
    stop = len(candidates)
    for i, rec in enumerate(candidates):  # by selection year: none after the first too recent
        if len(hired) >= want or rec.year_of_selection > year + 12:
            stop = i
            break
        if rec.name in people or year - rec.born_year > 45:
            continue  # hired by someone, or too old: for good
        if year - rec.born_year < 25:
            kept.append(rec)
            continue
        country = country_of_astronaut(rec.nationality)
        hired.append(rec)
        ctx.catalog["sex"][rec.name] = rec.sex
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
        )
    candidates[:stop] = kept
    while len(hired) < want and not agency.is_private and agency.country not in ("US", "SU"):
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
            cause=f"only {flyers} flyers left; basic training "
            f"{facility.basic_training_months:g} months",
            count=len(hired),
        )
