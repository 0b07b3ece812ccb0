"""Bases on the Moon and Mars: founded by missions; their inner life comes later."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Base"]


@dataclass
class Base:
    """A crewed base.

    Attributes:
        name: Name (``"Jamestown"``).
        body: ``"moon"`` or ``"mars"``.
        founder: Agency key that founded it.
        agencies: Agency keys that share it (international when more than one).
        founded_day: Day founded (days since scenario start).
        residents: Names of the people living there.
        modules: Module kinds and counts (``{"habitat": 2}``).
        supplies: Stocks by kind, in the units the base issue defines (e.g. ``"food_kg"``).
        site: Where it stands (``"Shackleton crater"``).
        abandoned_day: Day abandoned, if it was.
    """

    name: str
    body: str
    founder: str
    agencies: list[str]
    founded_day: float
    residents: list[str] = field(default_factory=list)
    modules: dict[str, int] = field(default_factory=dict)
    supplies: dict[str, float] = field(default_factory=dict)
    site: str = ""
    abandoned_day: float | None = None

    @property
    def population(self) -> int:
        """People living there now."""
        return len(self.residents)

    @property
    def is_international(self) -> bool:
        """True when more than one agency shares it."""
        return len(self.agencies) > 1
