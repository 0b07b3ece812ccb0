"""Tension between the groups living at a base: what drives it, how it moves, when it breaks.

Pure functions. Each driver is a number in 0..1 computed by the engine from the base and
the world (``sim.bases.drivers_of``); the weights are mechanics (``world.mechanics``, names
``tension_w_*`` of the ``tension`` and ``society`` groups, ``council_tension_relief``). Tension
moves toward the target its drivers set, at ``tension_relax_per_year``; above
``incident_threshold`` incidents become possible, more often the higher it is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

__all__ = [
    "RAISING",
    "REDUCING",
    "TensionDrivers",
    "incident_chance",
    "pay_gap",
    "relax",
    "tension_target",
    "tension_terms",
]

RAISING = ("scarcity", "workload", "inequality", "rivalry", "incidents", "isolation", "grievances")
"""Drivers that raise tension."""
REDUCING = ("joint_work", "treaty", "leadership", "council")
"""Drivers that lower it."""


@dataclass(frozen=True)
class TensionDrivers:
    """What pushes a base's tension up or down, each 0..1.

    Attributes:
        scarcity: 1 while rationing, else how far reserves fall short of comfortable.
        workload: Crowding beyond the habitats' comfort and power deficits.
        inequality: The pay gap per hour between the employers at the base (``pay_gap``)
            times the mix of their people (1 at half and half).
        rivalry: Earth's US-Soviet rivalry times the mix of their people at the base.
        incidents: Recent incidents (fading memory, capped at 1).
        joint_work: 1 under joint command of two agencies, else 0.
        treaty: 1 once the superpowers signed a space treaty, else 0.
        leadership: The commander's skill, 0..1 (0.5 is average and neutral).
        isolation: Years away (the residents' mean, over ``isolation_full_years``) times
            how remote the base is (days to get home over ``remote_days_full``).
        grievances: Strikes whose employer refused the strikers' terms (fading, capped at 1).
        council: 1 while a residents' council sits (the commands' answer to a movement).
    """

    scarcity: float = 0.0
    workload: float = 0.0
    inequality: float = 0.0
    rivalry: float = 0.0
    incidents: float = 0.0
    joint_work: float = 0.0
    treaty: float = 0.0
    leadership: float = 0.5
    isolation: float = 0.0
    grievances: float = 0.0
    council: float = 0.0

    def as_dict(self) -> dict[str, float]:
        """The drivers by name, rounded for the log."""
        return {f.name: round(getattr(self, f.name), 3) for f in fields(self)}


def tension_terms(d: TensionDrivers, mech) -> list[tuple[str, float]]:
    """The target's parts: the floor, then what each driver adds (a reducing one, negative).

    Example:
        >>> from spacerace.world.mechanics import Mechanics
        >>> m = Mechanics.with_overrides()
        >>> terms = tension_terms(TensionDrivers(scarcity=0.5, joint_work=1.0), m)
        >>> [label for label, _ in terms][:3]
        ['floor', 'scarcity 0.50', 'workload 0.00']
        >>> round(sum(x for _, x in terms), 6) == round(tension_target(
        ...     TensionDrivers(scarcity=0.5, joint_work=1.0), m), 6)
        True
    """
    labels = ["floor"]
    labels += [f"{name} {getattr(d, name):.2f}" for name in RAISING]
    labels += [
        f"joint work {d.joint_work:.2f}",
        f"treaty {d.treaty:.2f}",
        f"leadership {d.leadership:.2f}",
        f"council {d.council:.2f}",
    ]
    return list(zip(labels, _term_values(d, mech), strict=True))


def _term_values(d: TensionDrivers, mech) -> tuple[float, ...]:
    """The terms' values, in ``tension_terms``'s order.

    The floor, the raising drivers in :data:`RAISING`'s order, then joint work, treaty,
    leadership and council.
    """
    t, society = mech.tension, mech.society
    return (
        t.tension_floor,
        t.tension_w_scarcity * d.scarcity,
        t.tension_w_workload * d.workload,
        t.tension_w_inequality * d.inequality,
        t.tension_w_rivalry * d.rivalry,
        t.tension_w_incidents * d.incidents,
        society.tension_w_isolation * d.isolation,
        society.tension_w_grievances * d.grievances,
        -t.tension_w_joint_work * d.joint_work,
        -t.tension_w_treaty * d.treaty,
        -t.tension_w_leadership * (d.leadership - 0.5),
        -society.council_tension_relief * d.council,
    )


def tension_target(d: TensionDrivers, mech) -> float:
    """The tension the drivers would hold the base at, 0..1: its terms' sum, clipped.

    Example:
        >>> from spacerace.world.mechanics import Mechanics
        >>> m = Mechanics.with_overrides()
        >>> tension_target(TensionDrivers(scarcity=1.0), m) > tension_target(TensionDrivers(), m)
        True
    """
    # the terms' values summed left to right (the same float as ``tension_terms``'s),
    # without building their labels: this runs every month at every base
    total = sum(_term_values(d, mech))
    return min(1.0, max(0.0, total))


def pay_gap(rates: list[float]) -> float:
    """How far apart employers pay for an hour's work, 0 (equal) .. 1.

    Args:
        rates: Each employer's pay per hour at the base (any one unit), one per employer.

    Example:
        >>> round(pay_gap([0.2 / 40, 0.2 / 60]), 3)  # same pay, 40 against 60 hours a week
        0.333
        >>> pay_gap([1.0])
        0.0
    """
    if len(rates) < 2 or max(rates) <= 0:
        return 0.0
    return 1.0 - min(rates) / max(rates)


def relax(tension: float, target: float, days: float, rate_per_year: float) -> float:
    """Move tension toward its target over ``days`` (exponential approach).

    Example:
        >>> round(relax(0.0, 1.0, 365.25, 1.0), 3)
        0.632
    """
    return target + (tension - target) * math.exp(-rate_per_year * days / 365.25)


def incident_chance(tension: float, days: float, mech) -> float:
    """Chance of at least one incident in ``days`` at this tension (0 below the threshold)."""
    excess = (tension - mech.tension.incident_threshold) / (1.0 - mech.tension.incident_threshold)
    if excess <= 0:
        return 0.0
    return 1.0 - math.exp(-mech.tension.incidents_per_year_at_max * excess * days / 365.25)
