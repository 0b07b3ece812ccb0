"""People: astronauts, cosmonauts, engineers and administrators."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Person", "FLYING_ROLES"]

FLYING_ROLES = ("astronaut", "cosmonaut")


@dataclass
class Person:
    """One person of an agency.

    Attributes:
        name: Full name.
        agency: Key of the employing agency.
        role: ``"astronaut"``, ``"cosmonaut"``, ``"engineer"`` or ``"administrator"``.
        nationality: Country code.
        born_year: Year of birth.
        skill: 0..1, raises the odds of the phases a crew flies.
        health: 0..1; injuries lower it, below 0.5 a person cannot fly.
        status: ``"training"``, ``"active"``, ``"flying"``, ``"injured"``, ``"retired"``,
            ``"resident"`` (base staff on tour), ``"home"`` (back from a tour),
            ``"dead"``.
        ready_day: Day training ends (days since scenario start).
        flights: Missions flown.
        canon: True for the series' characters (invented people, marked so).
        real: True for real people from the astronaut data set.
        sex: ``"female"``, ``"male"`` or "" (unknown: base staff and children).
    """

    name: str
    agency: str
    role: str
    nationality: str
    born_year: int
    skill: float = 0.5
    health: float = 1.0
    status: str = "active"
    ready_day: float = 0.0
    flights: int = 0
    canon: bool = False
    real: bool = False
    sex: str = ""

    @property
    def flies(self) -> bool:
        """True for astronauts and cosmonauts."""
        return self.role in FLYING_ROLES

    def can_fly(self, day: float) -> bool:
        """True if trained, healthy enough and free to be assigned."""
        return (
            self.flies and self.status == "active" and day >= self.ready_day and self.health >= 0.5
        )
