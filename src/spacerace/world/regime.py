"""The one-party state behind a planned-economy agency: how secure it is, and whether it stands.

Its stability (0 = falling, 1 = unshakeable) moves once a year with the economy, the
burden of the military and space budgets, and its standing in the race (``sim.regime``);
below a threshold the state may collapse, and its agency carries on as a successor with a
far smaller budget.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Regime"]


@dataclass
class Regime:
    """The state that funds one planned-economy agency.

    Attributes:
        agency: Key of the agency it funds (``"soviet"``).
        stability: 0 (collapsing) .. 1 (secure); see ``sim.regime`` for what moves it.
        new_leader: True if the leader changed since the last review.
        fallen_year: Year the state collapsed, None while it stands.
    """

    agency: str
    stability: float
    new_leader: bool = False
    fallen_year: int | None = None

    @property
    def stands(self) -> bool:
        """True until the state has collapsed."""
        return self.fallen_year is None
