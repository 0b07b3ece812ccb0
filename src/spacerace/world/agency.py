"""Agencies: state programs funded by politics, private companies funded by capital."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Agency", "ProgramProgress"]


@dataclass
class ProgramProgress:
    """A development program under way (hardware or capability).

    Attributes:
        key: Program key from the catalog (``"lunar_base_modules"``).
        spent_musd: Money spent so far, million USD (then-year).
        started_day: Day the program started (days since scenario start).
        test_flights: Test flights flown so far.
    """

    key: str
    spent_musd: float = 0.0
    started_day: float = 0.0
    test_flights: int = 0


@dataclass
class Agency:
    """A space program: NASA, the Soviet program, Helios, North Korea's program.

    Money is million US dollars of the year in question (Soviet figures are US-dollar
    equivalents, see the catalog's budget provenance).

    Attributes:
        key: Short key (``"nasa"``).
        name: Display name.
        kind: ``"state"`` (budget appropriated from political support) or ``"private"``
            (capital, revenue, investors).
        country: Country code (``"US"``, ``"SU"``, ``"KP"``) or ``"private"``.
        doctrine: What it values: ``"prestige"``, ``"science"``, ``"military"``, ``"commercial"``.
        founded_year: First year it acts.
        base_budget_musd: Budget at a political support of 1.0, million USD per year.
        budget_musd: This fiscal year's budget, million USD.
        support: Political support, 1.0 = the scenario start's level (state agencies).
        prestige: Prestige points from achievements (firsts weigh most).
        capital_musd: Cash of a private agency, million USD.
        revenue_musd: Yearly revenue of a private agency, million USD.
        funds_musd: Money not yet spent this fiscal year, million USD.
        grounded_until_day: Crewed flights halted until this day (after a loss of crew).
        capabilities: Program keys completed (capabilities held).
        programs: Programs under development, by key.
        goals: Milestone keys the agency pursues, in order.
        training_facility: Where its crews train (``"Star City"``, ``"Houston"``).
        approval_delay_days: Extra days a decision waits for political approval.
    """

    key: str
    name: str
    kind: str
    country: str
    doctrine: str
    founded_year: int
    base_budget_musd: float
    budget_musd: float
    support: float = 1.0
    prestige: float = 0.0
    capital_musd: float = 0.0
    revenue_musd: float = 0.0
    funds_musd: float = 0.0
    grounded_until_day: float = float("-inf")
    capabilities: set[str] = field(default_factory=set)
    programs: dict[str, ProgramProgress] = field(default_factory=dict)
    goals: tuple[str, ...] = ()
    training_facility: str = ""
    approval_delay_days: float = 0.0

    @property
    def is_private(self) -> bool:
        """True for a company living on capital rather than appropriations."""
        return self.kind == "private"

    def is_grounded(self, day: float) -> bool:
        """True while crewed flights are halted after a loss of crew."""
        return day < self.grounded_until_day
