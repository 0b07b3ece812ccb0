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
from spacerace.sim.careers import retirement_age_of
from spacerace.sim.context import RunContext
from spacerace.sim.setup import country_of_astronaut, real_person_skill
from spacerace.sim.soviet_politics import holds_post
from spacerace.world.person import Person

__all__ = ["personnel_process"]

MONTH_DAYS = 30.4375


_DONE = ("dead", "retired", "resident", "home")
"""Statuses this process never changes again: base staff and children serve tours and go
home outside the astronaut corps, and nobody comes back from death or retirement."""
_FLYING = ("active", "training", "flying")
"""Statuses of the flyers an agency counts before recruiting (of age: ``min_crew_age``)."""


def personnel_process(ctx: RunContext):
    """Every 1 January: retirements, injuries, then recruitment where crews run short."""
    rng = ctx.rng("personnel")
    mech = ctx.mech.people
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
            if person.status == "injured" and rng.random() < mech.injury_recovery_chance:
                person.status = "active"
                person.health = mech.health_after_recovery
            facility = ctx.world.agencies[person.agency].training_facility
            flyer_age = ctx.ref.training.get(facility, ctx.ref.default_training).retirement_age
            retire_age = retirement_age_of(person, flyer_age)  # a role's own, else a flyer's
            too_old = year - person.born_year >= retire_age
            if too_old and person.status != "flying" and not holds_post(ctx, person):
                person.status = "retired"
                ctx.emit(
                    "retirement",
                    person.agency,
                    f"{person.name} retires.",
                    cause=f"age {year - person.born_year}",
                    actors=(person.name,),
                )
            elif (
                person.status == "active"
                and ctx.in_corps(person)  # a flyer of age: nobody is hurt in training younger
                and rng.random() < ctx.mech.people.injury_per_person_year
            ):
                person.status = "injured"
                person.health = mech.health_after_injury
                ctx.emit(
                    "injury",
                    person.agency,
                    f"{person.name} is injured in training.",
                    cause=f"training injury rate {mech.injury_per_person_year:.0%} a year",
                    actors=(person.name,),
                )
        corps = [name for name in corps if people[name].status not in _DONE]
        flyers: dict[str, int] = {}  # agency key -> flyers (recruits join no other agency)
        for name in corps:
            person = people[name]
            of_age = person.age(year) >= mech.min_crew_age
            if person.flies and person.status in _FLYING and of_age:
                flyers[person.agency] = flyers.get(person.agency, 0) + 1
        for key in ctx.active_agencies():
            if flyers.get(key, 0) < ctx.mech.people.min_flyers:
                if key not in candidates:
                    agency = ctx.world.agencies[key]
                    states = frozenset(
                        a.country for a in ctx.world.agencies.values() if not a.is_private
                    )
                    hires_from = frozenset() if agency.is_private else frozenset({agency.country})
                    candidates[key] = list(_hirable(hires_from, states))
                _recruit(ctx, key, year, candidates[key], flyers.get(key, 0))


@functools.cache
def _hirable(countries: frozenset[str], states: frozenset[str]) -> tuple[AstronautRecord, ...]:
    """The astronaut records an agency may hire, by (selection year, name).

    A state agency hires its own country's astronauts (``countries`` = its country); a
    company (``countries`` empty) those of countries with no state agency in the world
    (``states``).
    """
    pool = sorted(load_astronauts(), key=lambda r: (r.year_of_selection, r.name))
    return tuple(
        rec
        for rec in pool
        if (
            country_of_astronaut(rec.nationality) in countries
            if countries
            else country_of_astronaut(rec.nationality) not in states
        )
    )


def _recruit(ctx: RunContext, key: str, year: int, candidates: list, flyers: int) -> None:
    """Hire a group from ``candidates`` (pruned in place of those hired or too old for good)."""
    agency = ctx.world.agencies[key]
    people = ctx.world.people
    facility = ctx.ref.training.get(agency.training_facility, ctx.ref.default_training)
    mech = ctx.mech.people
    ready = ctx.now + facility.basic_training_months * MONTH_DAYS
    want = int(ctx.mech.people.recruit_group_size)
    role = agency.profile.crew_title
    # nobody is hired who would be retired (the facility's retirement age) by the year the
    # training ends: before 2026-12-03 an agency that hired less often than its real
    # counterpart fell behind the real roster and took people selected a decade earlier,
    # aged 40-47, who retired at 44 before they could fly (history seed 1: 78 of the 91
    # NASA recruits ready from 1990 on never flew)
    serving_until = facility.retirement_age
    ready_year = ctx.cal.year(ready)
    hired = []
    kept = []  # the records looked at that may still be hired in later years
    stop = len(candidates)
    for i, rec in enumerate(candidates):  # by selection year: none after the first too recent
        if len(hired) >= want or rec.year_of_selection > year + 12:
            stop = i
            break
        if (
            rec.name in people
            or year - rec.born_year > mech.recruit_max_age
            or ready_year - rec.born_year >= serving_until
        ):
            continue  # hired by someone, or too old: for good
        if year - rec.born_year < mech.min_crew_age:
            kept.append(rec)
            continue
        country = country_of_astronaut(rec.nationality)
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
            pilot=rec.pilot,
        )
    candidates[:stop] = kept
    invented = not agency.is_private and agency.country not in ctx.ref.recruit_countries
    # the agency's headcount, counted once: each invented hire adds one person under a new
    # name (numbers only grow, people are never removed), so the count moves up by one
    counted = sum(1 for p in ctx.world.people.values() if p.agency == key) if invented else 0
    while invented and len(hired) < want:  # no real pool: numbered people, marked invented
        counted += 1
        n = counted
        name = f"{agency.name} {role} {n}"
        ctx.world.people[name] = Person(
            name,
            key,
            role,
            agency.country,
            year - int(mech.invented_cosmonaut_age),
            skill=mech.invented_cosmonaut_skill,
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
