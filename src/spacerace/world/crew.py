"""The order a crew is picked in: a commander who has flown, then the rest by skill.

Agencies gave the first seat to a pilot who had flown before once they had veterans: in
the Stavnichuk & Corlett table (``/work/shared/data/astronauts``, one row per seat), 150 of
the 152 US commanders of 1970-2019 had flown before (11 of 15 in 1961-1969), the Soviet
and Russian ones 89 of 130 (2 of 9). :func:`crew_order` turns a pool of candidates (best
skill first) into that order; the engine offers it to the policy, which by default takes
the first ``size``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacerace.world.person import Person

__all__ = ["crew_order", "first_seats"]


def crew_order(pool: Sequence[Person], size: int, needs_woman: bool = False) -> list[Person]:
    """Return the candidates in the order a crew of ``size`` is taken from, commander first.

    The commander is the first (best) of the pool who has flown (``flights`` > 0) and is a
    pilot; failing that, the first who has flown; when nobody has flown (an agency's first
    flights), the first pilot; failing that, the first. The others follow in pool order.
    When a woman must fly (``needs_woman``) and none is among the first ``size``, the first
    woman takes the second seat (the first, chosen by the same rule, in a crew of one).

    Args:
        pool: Candidates, best first (``RunContext.crew_pool``: skill, then name).
        size: Seats of the mission.
        needs_woman: Whether only a crew with a woman serves the mission's goal.

    Example:
        >>> rookie = Person("Ann Able", "x", "astronaut", "US", 1940, skill=0.9)
        >>> veteran = Person("Bob Baker", "x", "astronaut", "US", 1935, skill=0.6, flights=2)
        >>> engineer = Person("Cy Cole", "x", "astronaut", "US", 1935, flights=1, pilot=False)
        >>> [p.name for p in crew_order([rookie, engineer, veteran], 2)]
        ['Bob Baker', 'Ann Able', 'Cy Cole']
    """
    if not pool:
        return []
    commander = _commander(pool)
    order = [commander, *(p for p in pool if p is not commander)]
    if needs_woman and not any(p.sex == "female" for p in order[:size]):
        women = [p for p in pool if p.sex == "female"]
        if women:
            woman = _commander(women) if size <= 1 else women[0]
            rest = [p for p in order if p is not woman]
            order = [woman, *rest] if size <= 1 else [rest[0], woman, *rest[1:]]
    return order


def first_seats(pool: Sequence[Person], size: int) -> list[Person]:
    """The first ``size`` of ``crew_order(pool, size)`` (no woman needed), without the rest.

    Example:
        >>> a = Person("Ann Able", "x", "astronaut", "US", 1940, skill=0.9)
        >>> b = Person("Bob Baker", "x", "astronaut", "US", 1935, skill=0.6, flights=2)
        >>> [p.name for p in first_seats([a, b], 1)], [p.name for p in first_seats([a, b], 3)]
        (['Bob Baker'], ['Bob Baker', 'Ann Able'])
    """
    if not pool or size <= 0:
        return []
    commander = _commander(pool)
    seats = [commander]
    for p in pool:
        if len(seats) >= size:
            break
        if p is not commander:
            seats.append(p)
    return seats


def _commander(pool: Sequence[Person]) -> Person:
    flown = [p for p in pool if p.flights > 0]
    for group in (flown, pool):
        if group:
            return next((p for p in group if p.pilot), group[0])
    raise ValueError("empty pool")
