"""A lunar front: two rival superpowers' bases at one site, and the crisis between them.

Plain data: ``sim.lunar_front`` changes it. A front opens when bases of the two sides of the
superpowers' rivalry stand at the same site (the series' Jamestown and Zvezda at Shackleton
crater) and moves through stages: ``near`` (neighbours), ``dispute`` (a quarrel over the
site's resources), ``seized`` (one side holds the other's mine or oxygen plant), ``standoff``
(the other answered by force: armed guards face each other). A de-escalation, a treaty or a
side backing down brings it back to ``near``; it closes when either base is abandoned or
the bases merge.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["STAGES", "Front"]

STAGES = ("near", "dispute", "seized", "standoff", "closed")
"""The stages of a front, in the order a crisis climbs them (``closed``: one base is gone)."""


@dataclass
class Front:
    """Two rival bases at one site.

    Attributes:
        key: ``"<base>|<base>"``, the names sorted (the key of ``World.fronts``).
        site: Where both stand (``"Shackleton crater"``).
        bases: The two base names, in the order of ``sides``.
        sides: The founders' agency keys, sorted.
        opened_day: When the second base opened beside the first (days since the start).
        stage: One of :data:`STAGES`.
        stage_day: When the current stage began.
        seized_by: Agency holding the other's module while ``seized`` or ``standoff``, "".
        seized_module: Kind of the module held (``"mine"``), "".
        disputes: Disputes so far.
        seizures: Seizures so far.
        standoffs: Armed standoffs so far.
        clashes: Armed clashes so far.
        deaths: People killed in clashes.
        wounded: People wounded in clashes.
        deescalations: Standoffs or seizures ended by a joint flight, a treaty or backing down.
    """

    key: str
    site: str
    bases: tuple[str, str]
    sides: tuple[str, str]
    opened_day: float
    stage: str = "near"
    stage_day: float = 0.0
    seized_by: str = ""
    seized_module: str = ""
    disputes: int = 0
    seizures: int = 0
    standoffs: int = 0
    clashes: int = 0
    deaths: int = 0
    wounded: int = 0
    deescalations: int = 0

    def base_of(self, side: str) -> str:
        """The base of one side (agency key)."""
        return self.bases[self.sides.index(side)]

    def other(self, side: str) -> str:
        """The other side's agency key."""
        return self.sides[1 - self.sides.index(side)]
