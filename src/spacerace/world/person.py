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
        post: The role held now in a career (a row of the catalog's ``roles.csv``:
            ``"commander"``, ``"flight_director"``, ``"agency_head"``...); ``role`` stays the
            trade the engine crews and retires by. "" on construction means ``role``.
        post_since_day: Day the post was taken (days since scenario start).
        pilot: True if trained to fly the spacecraft, so fit to command: a real person who
            flew as commander or pilot in the astronaut data set; anyone else with no such
            record (the series' characters, invented cosmonauts) counts as one.
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
    pilot: bool = True
    post: str = ""
    post_since_day: float = 0.0

    def __post_init__(self) -> None:
        if not self.post:
            self.post = self.role

    def age(self, year: int) -> int:
        """Age in whole years during calendar year ``year`` (born_year's birthday passed)."""
        return year - self.born_year

    @property
    def flies(self) -> bool:
        """True for astronauts and cosmonauts."""
        return self.role in FLYING_ROLES

    def can_fly(self, day: float, year: int, min_age: float) -> bool:
        """True if of age (at least ``min_age`` in ``year``), trained, healthy and free.

        Example:
            >>> kelly = Person("Kelly Baldwin", "nasa", "astronaut", "US", 1966)
            >>> kelly.can_fly(0.0, 1970, 23), kelly.can_fly(0.0, 1990, 23)
            (False, True)
        """
        return (
            self.flies
            and self.status == "active"
            and day >= self.ready_day
            and self.health >= 0.5
            and self.age(year) >= min_age
        )

    def in_corps(self, year: int, min_age: float) -> bool:
        """True for a flyer of age who trains or stands ready (``training`` or ``active``)."""
        return self.flies and self.status in ("active", "training") and self.age(year) >= min_age
