"""Careers: the roles people hold and the moves between them. One pass each 1 January.

The roles and moves are the catalog's rows (``catalog/careers.py``); the same rows run in
every scenario. Each pass, in this order: a company founded this year gives its founder the
title; people who retired since the last pass may go into politics (more likely after a
public first); holders of one-seat roles (the agency's head, its crew centre's director) may
leave them; ``yearly`` moves are drawn (an engineer becomes a flight director); free seats are
filled from the top down by the best eligible candidate (skill, then name), or, with nobody
eligible, by someone outside the named people (``Agency.seats``: holder's name, "" for such
an outsider, no key while free; at the start outsiders hold every seat no named person
does). A flyer who comes back from a flight in its first seat becomes a commander
(:func:`on_return`, from ``sim.flights``). Every move is a
``career`` event (``data``: ``role``, ``previous``, ``move``).
"""

from __future__ import annotations

import itertools

from spacerace.catalog.careers import CareerMove, load_career_moves, load_roles
from spacerace.sim.context import RunContext
from spacerace.sim.soviet_politics import holds_post
from spacerace.world.mission import Mission
from spacerace.world.person import Person
from spacerace.world.wording import subject

__all__ = ["careers_process", "on_return", "retirement_age_of", "take_role"]

YEAR_DAYS = 365.25

_GONE = ("dead", "retired", "resident", "home")
"""Statuses of people no longer in an agency's service."""


def retirement_age_of(person: Person, flyer_age: float) -> float:
    """Age ``person`` retires at, years: their role's (``roles.csv``), else ``flyer_age``.

    Example:
        >>> margo = Person("Margo Madison", "nasa", "engineer", "US", 1939)
        >>> retirement_age_of(margo, 44.0), retirement_age_of(Person("A", "x", "astronaut",
        ...     "US", 1940), 44.0)
        (65.0, 44.0)
    """
    spec = load_roles().get(person.post)
    if spec is None or spec.retirement_age is None:
        return flyer_age
    return spec.retirement_age


def take_role(ctx: RunContext, person: Person, move: CareerMove, mission: str = "") -> None:
    """Give ``person`` the move's role now and tell it as a ``career`` event."""
    spec = load_roles()[move.to_role]
    agency = ctx.world.agencies[person.agency]
    previous = person.post
    person.post = move.to_role
    person.post_since_day = ctx.now
    if spec.seats:
        agency.seats[move.to_role] = person.name
    for role, holder in sorted(agency.seats.items()):  # a seat left for another is free
        if holder == person.name and role != move.to_role:
            del agency.seats[role]
    text = spec.phrase.format(
        agency=subject(agency.name),
        facility=agency.training_facility or "its centre",
        mission=mission,
    )
    ctx.emit(
        "career",
        person.agency,
        f"{person.name} {text}.",
        cause=f"{move.move} ({move.tag}): {move.source}",
        actors=(person.name,),
        role=move.to_role,
        previous=previous,
        move=move.move,
    )


def on_return(ctx: RunContext, mission: Mission) -> None:
    """A flyer back from a flight in its first seat takes the ``commands`` move's role."""
    if not mission.crew:
        return
    person = ctx.world.people[mission.crew[0]]
    for move in load_career_moves():
        if move.trigger == "commands" and person.post in move.from_roles:
            take_role(ctx, person, move, mission=mission.name)
            return


def careers_process(ctx: RunContext):
    """Every 1 January: foundings, politics on retiring, seats left, yearly moves, seats filled."""
    rng = ctx.rng("careers")
    roles = load_roles()
    moves = load_career_moves()
    seat_roles = [r for r, spec in roles.items() if spec.seats]
    for agency in ctx.world.agencies.values():
        agency.seats = dict.fromkeys(seat_roles, "")
    for name in sorted(ctx.world.people):
        person = ctx.world.people[name]
        person.post_since_day = max(person.post_since_day, person.ready_day)
        if person.post in seat_roles:
            ctx.world.agencies[person.agency].seats[person.post] = name
    considered = {n for n, p in ctx.world.people.items() if p.status in _GONE}
    founded: set[str] = set()
    while True:
        yield ctx.env.timeout(ctx.cal.day_of(ctx.year + 1, 1, 1) - ctx.now)
        year = ctx.year
        _foundings(ctx, moves, year, founded)
        _retirements(ctx, rng, moves, considered)
        _leave_seats(ctx, rng, roles)
        _yearly(ctx, rng, moves, year)
        _fill_seats(ctx, moves, year)


def _foundings(ctx: RunContext, moves, year: int, founded: set[str]) -> None:
    for key, agency in sorted(ctx.world.agencies.items()):
        company = agency.company
        if company is None or key in founded or agency.founded_year > year:
            continue
        founded.add(key)
        person = ctx.world.people.get(company.founder)
        if person is None or person.status in _GONE:
            continue
        move = next(
            (m for m in moves if m.trigger == "founds" and person.post in m.from_roles), None
        )
        if move is not None:
            take_role(ctx, person, move)


def _names_in_order(ctx: RunContext) -> list[str]:
    """Everyone's names, sorted: kept per run, newcomers merged in (nobody is ever removed).

    Thousands of base staff come and go by 2003; sorting them three times a year for the
    careers had cost more than the careers themselves.
    """
    people = ctx.world.people
    cached = ctx.memo.get("names_in_order")
    if cached is None:
        cached = ctx.memo["names_in_order"] = sorted(people)
    elif len(cached) != len(people):  # the newcomers are the dict's last keys: merge them in
        cached = sorted(itertools.chain(cached, itertools.islice(people, len(cached), None)))
        ctx.memo["names_in_order"] = cached
    return cached


def _retirements(ctx: RunContext, rng, moves, considered: set[str]) -> None:
    famous = {n for m in ctx.world.public_firsts.values() for n in m.people}
    people = ctx.world.people
    for name in _names_in_order(ctx):
        if name in considered:
            continue
        person = people[name]
        if person.status not in _GONE:
            continue
        considered.add(name)
        if person.status != "retired":
            continue
        trigger = "retires_famous" if name in famous else "retires"
        move = next(
            (m for m in moves if m.trigger == trigger and person.post in m.from_roles), None
        )
        if move is not None and rng.random() < move.chance_per_year:
            take_role(ctx, person, move)


def _leave_seats(ctx: RunContext, rng, roles) -> None:
    people = ctx.world.people
    for _key, agency in sorted(ctx.world.agencies.items()):
        for role in sorted(agency.seats):
            holder = agency.seats[role]
            if holder and (people[holder].status in _GONE or people[holder].post != role):
                del agency.seats[role]  # retired, dead or moved on: free
            elif rng.random() < roles[role].leave_chance_per_year:
                if holder:
                    person = people[holder]
                    person.status = "retired"
                    ctx.emit(
                        "retirement",
                        person.agency,
                        f"{person.name} steps down as {roles[role].title} of "
                        f"{subject(agency.name)}.",
                        cause=f"a holder leaves with {roles[role].leave_chance_per_year:.0%} a "
                        f"year ({roles[role].tag}: {roles[role].source})",
                        actors=(person.name,),
                    )
                del agency.seats[role]


def _eligible(ctx: RunContext, person: Person, move: CareerMove, year: int) -> bool:
    return (
        person.post in move.from_roles
        and person.status not in _GONE
        and person.status != "flying"
        and not holds_post(ctx, person)  # a sitting Chief Designer stays one
        and person.age(year) >= ctx.mech.people.min_crew_age
        and person.skill >= move.min_skill
        and (ctx.now - person.post_since_day) / YEAR_DAYS >= move.min_years
        and ctx.world.agencies[person.agency].founded_year <= year
    )


def _yearly(ctx: RunContext, rng, moves, year: int) -> None:
    for move in moves:
        if move.trigger != "yearly":
            continue
        people = ctx.world.people
        for name in _names_in_order(ctx):  # a new join makes a new list, never changes this
            person = people[name]
            if person.post not in move.from_roles:  # _eligible's first test, inlined
                continue
            if _eligible(ctx, person, move, year) and rng.random() < move.chance_per_year:
                take_role(ctx, person, move)


def _fill_seats(ctx: RunContext, moves, year: int) -> None:
    for move in moves:  # file order: the head's seat first, so a promotion frees the next
        if move.trigger != "seat_free":
            continue
        for key, agency in sorted(ctx.world.agencies.items()):
            if move.to_role in agency.seats or not agency.trades:
                continue  # held (by a named person, or "" by someone outside them)
            roles = move.from_roles
            pool = [
                p
                for p in ctx.world.people.values()
                if p.agency == key and p.post in roles and _eligible(ctx, p, move, year)
            ]
            if pool:
                best = min(pool, key=lambda p: (-p.skill, p.name))
                take_role(ctx, best, move)
            else:
                agency.seats[move.to_role] = ""  # someone outside the named people
