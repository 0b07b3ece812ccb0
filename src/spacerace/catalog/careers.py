"""Roles people hold and the career moves between them, as rows.

The rows are ``data/roles.csv`` and ``data/career_moves.csv``.

A role is what a person does now (astronaut, commander, engineer, flight director, centre
director, head of the agency, founder, politician); a move says who may take a role, when
(``trigger``), after how long and with what skill, and how likely it is each year. Every row
is tagged sourced, derived or invented and says why (PROVENANCE.md). ``sim.careers`` applies
them in every scenario alike.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "TRIGGERS",
    "CareerMove",
    "RoleSpec",
    "load_career_moves",
    "load_roles",
    "parse_career_moves",
    "parse_roles",
]

TRIGGERS = ("commands", "founds", "yearly", "seat_free", "retires_famous", "retires")
"""When a move is weighed: on coming back from a flight in its first seat, when a company is
founded, each 1 January, each 1 January while a one-seat role is free, and on retiring (after
a public first, or not)."""


@dataclass(frozen=True)
class RoleSpec:
    """One role.

    Attributes:
        role: Key (``"flight_director"``).
        title: What the chronicle calls it (``"flight director"``).
        phrase: What a person does on taking it, after their name (``{agency}``,
            ``{facility}``, ``{mission}`` filled in): "becomes head of {agency}".
        flies: True for the roles of the flying corps.
        seats: Holders an agency has at once (1: one seat, such as its head; 0: any number).
        retirement_age: Age a holder retires at, years (None: a flyer's, from its training
            facility).
        leave_chance_per_year: Chance a one-seat role's holder leaves it each year (1 / the
            mean real tenure).
        tag: ``sourced``, ``derived`` or ``invented``.
        source: Why the row holds what it does.
    """

    role: str
    title: str
    phrase: str
    flies: bool
    seats: int
    retirement_age: float | None
    leave_chance_per_year: float
    tag: str
    source: str


@dataclass(frozen=True)
class CareerMove:
    """One career move: from which roles to which, when and how likely.

    Attributes:
        move: Key (``"flight_director"``).
        from_roles: Roles a person must hold to make it.
        to_role: The role it gives.
        trigger: One of :data:`TRIGGERS`.
        min_years: Years in the present role first.
        min_skill: Least skill, 0..1.
        chance_per_year: Chance a year for ``yearly`` moves, once for ``retires*`` (1 for the
            moves that follow from a fact: a command, a founding, the best candidate for a
            free seat).
        tag: ``sourced``, ``derived`` or ``invented``.
        source: Where its numbers come from.
    """

    move: str
    from_roles: tuple[str, ...]
    to_role: str
    trigger: str
    min_years: float
    min_skill: float
    chance_per_year: float
    tag: str
    source: str


def parse_roles(lines: Iterable[str]) -> dict[str, RoleSpec]:
    """Parse ``roles.csv`` lines into roles by key.

    Example:
        >>> rows = ["role,title,phrase,flies,seats,retirement_age,leave_chance_per_year,tag,"
        ...         "source", "agency_head,head,leads,false,1,65,0.2,derived,tenures"]
        >>> parse_roles(rows)["agency_head"].seats
        1
    """
    return {
        r["role"]: RoleSpec(
            role=r["role"],
            title=r["title"],
            phrase=r["phrase"],
            flies=r["flies"].strip().lower() == "true",
            seats=int(r["seats"]),
            retirement_age=float(r["retirement_age"]) if r["retirement_age"] else None,
            leave_chance_per_year=float(r["leave_chance_per_year"]),
            tag=r["tag"],
            source=r["source"],
        )
        for r in csv.DictReader(lines)
    }


def parse_career_moves(lines: Iterable[str]) -> tuple[CareerMove, ...]:
    """Parse ``career_moves.csv`` lines, in file order (the order moves are weighed).

    Example:
        >>> rows = ["move,from_roles,to_role,trigger,min_years,min_skill,chance_per_year,"
        ...         "tag,source", "fd,engineer,flight_director,yearly,4,0.7,0.25,invented,x"]
        >>> parse_career_moves(rows)[0].from_roles
        ('engineer',)
    """
    moves = []
    for r in csv.DictReader(lines):
        if r["trigger"] not in TRIGGERS:
            raise ValueError(f"career move {r['move']}: trigger {r['trigger']!r} not in {TRIGGERS}")
        moves.append(
            CareerMove(
                move=r["move"],
                from_roles=tuple(r["from_roles"].split(";")),
                to_role=r["to_role"],
                trigger=r["trigger"],
                min_years=float(r["min_years"]),
                min_skill=float(r["min_skill"]),
                chance_per_year=float(r["chance_per_year"]),
                tag=r["tag"],
                source=r["source"],
            )
        )
    return tuple(moves)


def _open(name: str):
    return resources.files("spacerace.catalog.data").joinpath(name).open(encoding="utf-8")


@lru_cache(maxsize=1)
def load_roles() -> dict[str, RoleSpec]:
    """The roles of ``roles.csv`` by key (cached: do not change the dict).

    Example:
        >>> load_roles()["center_director"].title
        'centre director'
    """
    with _open("roles.csv") as f:
        return parse_roles(f)


@lru_cache(maxsize=1)
def load_career_moves() -> tuple[CareerMove, ...]:
    """The moves of ``career_moves.csv``, in file order.

    Example:
        >>> [m.move for m in load_career_moves() if m.trigger == "seat_free"]
        ['agency_head', 'center_director']
    """
    with _open("career_moves.csv") as f:
        return parse_career_moves(f)
