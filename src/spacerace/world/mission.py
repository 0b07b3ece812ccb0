"""Missions: what is flown, its plan from the astro layer, and how it went."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacerace.world.mission_kinds import MISSION_KINDS

__all__ = ["MISSION_TYPES", "Mission", "MissionPlan"]

MISSION_TYPES = tuple(MISSION_KINDS)
"""Kinds of mission, from Earth orbit to asteroid capture (rows of ``world.mission_kinds``)."""


@dataclass(frozen=True)
class MissionPlan:
    """A mission as planned with the astro layer.

    Attributes:
        delta_v_km_s: Total delta-v after reaching low Earth orbit, km/s.
        imleo_kg: Initial mass in low Earth orbit, kg (rocket equation over the delta-v).
        launches: Launches of the vehicle needed to put that mass up.
        depart_day: Planned departure (a real window for Mars), days since scenario start.
        transit_days: One-way transit time, days.
        surface_days: Stay at the destination, days.
        c3_km2_s2: Launch energy for interplanetary departures, km^2/s^2 (0 otherwise).
        cost_musd: Hardware and launches, million USD.
        notes: How the plan was derived (for the chronicle's causes).
        return_days: Duration of the way back when it differs from ``transit_days``
            (an asteroid's return leg), days; 0 means the same.
        target: What the mission goes for (an asteroid's designation), "" if nothing.
        returned_kg: Mass it brings back (asteroid material), kg.
        destination: Where it delivers (``"mars-orbit"``, ``"earth-moon"``), "" if nowhere.
    """

    delta_v_km_s: float
    imleo_kg: float
    launches: int
    depart_day: float
    transit_days: float
    surface_days: float
    c3_km2_s2: float
    cost_musd: float
    notes: str = ""
    return_days: float = 0.0
    target: str = ""
    returned_kg: float = 0.0
    destination: str = ""


@dataclass
class Mission:
    """One mission of one agency.

    Attributes:
        id: Unique id in the run, e.g. ``"nasa-0007"``.
        agency: Agency key.
        kind: One of :data:`MISSION_TYPES`.
        name: Display name (``"Apollo 11"``).
        vehicle: Vehicle key of the cargo launches (all launches if ``crew_vehicle`` is "").
        crew: Names of the crew (empty for uncrewed).
        crew_vehicle: Vehicle that launches the crew last, after ``plan.launches`` cargo
            launches (Earth-orbit rendezvous), or "" if the crew rides ``vehicle``.
        plan: The plan.
        status: ``"planned"``, ``"flying"``, ``"success"``, ``"failed"`` (the crew, if
            any, survived; ``failed_phase`` ``"scrubbed"`` if it never left), ``"lost"``
            (its crew died: in a failed phase, or at the base during its surface stay).
        failed_phase: Phase that failed (``"launch"``, a phase of its kind's row,
            ``"surface"`` when the crew died at the base, ``"scrubbed"``), "" if none.
        base: Base the mission founds, joins or serves (a landing), or where an asteroid's
            water goes; "" if none.
        phases_done: Phases flown so far, in order.
        firsts: Milestones this mission was the first to achieve (``World.milestones``),
            in the order they were recorded.
        goal: The goal it was chosen to achieve ("" if none: an upkeep flight).
        flight_set: Program whose flight set it uses (``Agency.flight_sets``: an Apollo
            lander bought), "" if none; a scrubbed mission gives it back.
    """

    id: str
    agency: str
    kind: str
    name: str
    vehicle: str
    crew: tuple[str, ...]
    plan: MissionPlan
    status: str = "planned"
    crew_vehicle: str = ""
    failed_phase: str = ""
    base: str = ""
    goal: str = ""
    flight_set: str = ""
    phases_done: list[str] = field(default_factory=list)
    firsts: list[str] = field(default_factory=list)

    @property
    def pending(self) -> bool:
        """True until it has ended (planned or flying)."""
        return self.status in ("planned", "flying")
