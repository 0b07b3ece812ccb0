"""Where a captured asteroid is taken: high elliptic orbits about Earth or Mars."""

from __future__ import annotations

from dataclasses import dataclass

from spacerace.errors import UnknownDestinationError

__all__ = ["DESTINATIONS", "Destination", "get_destination"]


@dataclass(frozen=True)
class Destination:
    """Where the asteroid is parked: a high elliptic orbit about a planet.

    Attributes:
        key: ``"earth-moon"`` or ``"mars-orbit"``.
        body: The planet (``"earth"`` or ``"mars"``).
        periapsis_alt_km: Periapsis altitude of the capture orbit, km.
        apoapsis_radius_km: Apoapsis radius of the capture orbit, km.
        label: What the orbit is, in words.
    """

    key: str
    body: str
    periapsis_alt_km: float
    apoapsis_radius_km: float
    label: str


DESTINATIONS: dict[str, Destination] = {
    "earth-moon": Destination(
        "earth-moon", "earth", 500.0, 384400.0, "Earth orbit, 500 km x lunar distance"
    ),
    "mars-orbit": Destination(
        "mars-orbit", "mars", 500.0, 23459.0, "Mars orbit, 500 km x Deimos' distance"
    ),
}
"""Capture orbits. Apoapses: the Moon's mean distance 384,400 km and Deimos' semi-major axis
23,459 km (JPL Solar System Dynamics, planetary satellite mean elements). A periapsis burn
into an orbit this eccentric is the cheapest closed capture; it is a design choice."""


def get_destination(name: str) -> Destination:
    """Return a destination by key.

    Raises:
        UnknownDestinationError: ``name`` is not a key of :data:`DESTINATIONS`.
    """
    try:
        return DESTINATIONS[name.strip().lower()]
    except KeyError:
        raise UnknownDestinationError(name, DESTINATIONS) from None
