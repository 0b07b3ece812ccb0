"""The world of one run: agencies, vehicles, people, missions, bases and the firsts."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacerace.world.agency import Agency
from spacerace.world.base import Base
from spacerace.world.front import Front
from spacerace.world.mission import Mission
from spacerace.world.mission_kinds import PhaseRecord
from spacerace.world.person import Person
from spacerace.world.regime import Regime
from spacerace.world.vehicle import VehicleRecord, VehicleSpec

__all__ = ["Milestone", "World"]


@dataclass(frozen=True)
class Milestone:
    """The first time anyone achieved something.

    Attributes:
        key: What (``"crewed_lunar_landing"``).
        agency: Who.
        day: When (days since scenario start).
        people: Who was there.
        secret: True if it was achieved in secret (the series' North Korean Mars landing).
        revealed_day: When the world learned of a secret first (days since scenario start),
            None while it is still secret and for a first achieved in public.
    """

    key: str
    agency: str
    day: float
    people: tuple[str, ...] = ()
    secret: bool = False
    revealed_day: float | None = None

    @property
    def is_known(self) -> bool:
        """True if the world knows of it: achieved in public, or a secret since revealed."""
        return not self.secret or self.revealed_day is not None


@dataclass
class World:
    """Everything that exists at one moment of a run. Plain data: the engine changes it.

    Attributes:
        start_jd_tdb: Scenario start, TDB Julian date (day 0 of the clock).
        agencies: By key.
        vehicle_specs: By key.
        vehicles: Reliability records by key.
        people: By name.
        missions: In order of planning.
        bases: By name.
        milestones: Firsts by key: the true first, secret or not.
        public_firsts: The official first by key: the first the world was told of when it
            happened (the same as ``milestones`` unless a secret first came before it; a
            secret first revealed later does not change it: the series' Danielle Poole
            stays officially first on Mars).
        us_president: Current US president's party and name.
        soviet_leader: Current Soviet leader.
        rivalry: Tension between the superpowers, 0 (partners) .. 1 (confrontation).
        treaty_year: Year the superpowers signed a space treaty, None before.
        discoveries: What crews have found (``"lunar_water_ice"``).
        staff_count: Base staff and children ever created (numbers their names).
        asteroid_supply_kg: Asteroid material brought in so far (it lowers prices), kg.
        regimes: The one-party states behind planned-economy agencies, by agency key.
        fronts: Rival superpowers' bases at one site (``sim.lunar_front``), by front key.
        phase_records: What the run has learned of first-of-kind phases (an asteroid's
            capture), by risk mechanic (``world.mission_kinds.PhaseRecord``).
        cargo_landings: Cargo landers that have reached each body (``"moon"``, ``"mars"``)
            to land at a base, landed or lost (their risk falls with it).
    """

    start_jd_tdb: float
    agencies: dict[str, Agency]
    vehicle_specs: dict[str, VehicleSpec]
    vehicles: dict[str, VehicleRecord]
    people: dict[str, Person] = field(default_factory=dict)
    missions: list[Mission] = field(default_factory=list)
    bases: dict[str, Base] = field(default_factory=dict)
    milestones: dict[str, Milestone] = field(default_factory=dict)
    public_firsts: dict[str, Milestone] = field(default_factory=dict)
    us_president: str = ""
    soviet_leader: str = ""
    rivalry: float = 0.8
    treaty_year: int | None = None
    discoveries: set[str] = field(default_factory=set)
    staff_count: int = 0
    asteroid_supply_kg: float = 0.0
    regimes: dict[str, Regime] = field(default_factory=dict)
    fronts: dict[str, Front] = field(default_factory=dict)
    phase_records: dict[str, PhaseRecord] = field(default_factory=dict)
    cargo_landings: dict[str, int] = field(default_factory=dict)

    def home_of(self, name: str) -> str:
        """Name of the base a person lives at ("" if none), the first by base name."""
        for base_name, base in sorted(self.bases.items()):
            if name in base.residents:
                return base_name
        return ""
