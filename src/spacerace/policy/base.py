"""The Policy protocol: the engine asks, a policy answers.

Every choice an agency makes goes through its policy: which programs to fund, which
mission to fly next, which crew to send, whether to give up a goal. The engine hands a
read-only :class:`AgencyView` and the options it computed, and never blocks: a human player
is a policy whose answers were given in advance (see :class:`ExternalPolicy`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

import numpy as np

__all__ = [
    "AgencyView",
    "ExternalPolicy",
    "MissionOption",
    "Policy",
    "ProgramOption",
]


@dataclass(frozen=True)
class ProgramOption:
    """A program the agency could fund this fiscal year.

    Attributes:
        key: Program key.
        name: Display name.
        yearly_need_musd: Money for a full year's progress, million USD (current year).
        remaining_musd: Money still to spend to finish, million USD (current year).
        serves_goal: The first of the agency's goals it brings closer ("" if none).
        in_progress: True if already started.
        purpose: The catalog's purpose (``catalog.programs.ProgramSpec.purpose``).
        contested: True if a rival is on its way to the goal it serves (has started or
            finished a program toward it): the goal is a race.
    """

    key: str
    name: str
    yearly_need_musd: float
    remaining_musd: float
    serves_goal: str
    in_progress: bool
    purpose: str = ""
    contested: bool = False


@dataclass(frozen=True)
class MissionOption:
    """A mission the agency could decide now.

    Attributes:
        kind: Mission type.
        vehicle: Vehicle key of the (cargo) launches.
        crew_vehicle: Crew-rated vehicle that launches the crew last, or "" if none separate.
        cost_musd: Planned cost, million USD.
        launches: Launches needed.
        success_odds: Engine's estimate that every launch and phase succeeds, 0..1.
        serves_goal: Goal it would achieve first ("" if none or already taken).
        depart_day: Planned departure, days since the start.
    """

    kind: str
    vehicle: str
    crew_vehicle: str
    cost_musd: float
    launches: int
    success_odds: float
    serves_goal: str
    depart_day: float


@dataclass(frozen=True)
class AgencyView:
    """What a policy may see of the world when it decides.

    Attributes:
        agency: Agency key.
        kind: ``"state"`` or ``"private"``.
        doctrine: The agency's doctrine.
        year: Current calendar year.
        day: Current day since the start.
        budget_musd: This fiscal year's budget, million USD.
        funds_musd: Money left this fiscal year, million USD.
        goals: Goals still pursued, in order.
        capabilities: Programs completed.
        firsts_taken: Milestone key -> agency that achieved it.
        rival_ahead: Goals the rival has achieved that this agency has not.
        bases: Names of bases this agency belongs to.
        racing: True while its race is on (``world.agency.Agency.racing``).
        capital_musd: A company's capital beyond this year's funds, million USD (0 for a
            state).
        guest_fares_musd: What the paying guests of one flight to its orbital hotel bring
            now, million USD (0 without a hotel or for a state).
    """

    agency: str
    kind: str
    doctrine: str
    year: int
    day: float
    budget_musd: float
    funds_musd: float
    goals: tuple[str, ...]
    capabilities: frozenset[str]
    firsts_taken: Mapping[str, str]
    rival_ahead: tuple[str, ...]
    bases: tuple[str, ...]
    racing: bool = True
    capital_musd: float = 0.0
    guest_fares_musd: float = 0.0


class Policy(Protocol):
    """How an agency decides.

    Built-ins: ``policy.builtin.StatePolicy`` and ``PrivatePolicy``; any object with these
    methods will do.
    """

    def fund(
        self, view: AgencyView, options: list[ProgramOption], rng: np.random.Generator
    ) -> list[str]:
        """Return program keys to fund this year, most important first."""

    def next_mission(
        self, view: AgencyView, options: list[MissionOption], rng: np.random.Generator
    ) -> MissionOption | None:
        """Return the mission to fly next, or None to wait."""

    def pick_crew(
        self,
        view: AgencyView,
        kind: str,
        candidates: list[str],
        size: int,
        rng: np.random.Generator,
    ) -> list[str]:
        """Return ``size`` names from ``candidates`` for a mission.

        The engine offers them in the order a crew is taken (``world.crew.crew_order``): a
        commander who has flown when anyone has, then the others best skill first.
        """

    def keep_goal(self, view: AgencyView, goal: str, odds: float, rng: np.random.Generator) -> bool:
        """Return False to give up a goal the rival has already achieved."""

    def supply_base(
        self, view: AgencyView, base: str, cost_musd: float, rng: np.random.Generator
    ) -> bool:
        """Return True to pay ``cost_musd`` for the consumables of a base it commands."""

    def evacuate_base(
        self, view: AgencyView, base: str, reserve_days: float, rng: np.random.Generator
    ) -> bool:
        """Return True to evacuate a base whose reserves last ``reserve_days`` (too few)."""

    def sell_launches(
        self, view: AgencyView, vehicles: list[str], rng: np.random.Generator
    ) -> bool:
        """Return True to sell launches of its own ``vehicles`` this fiscal year (a company)."""

    def join_alliance(
        self, view: AgencyView, base: str, share: float, cost_musd: float, rng: np.random.Generator
    ) -> bool:
        """Return True to join an alliance sharing ``base`` (``sim.base_agreements``).

        A member pays ``share`` of the base's costs (``cost_musd`` of an order like the
        last) and takes its turn in command.
        """

    def settle_strike(
        self,
        view: AgencyView,
        base: str,
        raise_musd: float,
        lost_musd: float,
        rng: np.random.Generator,
    ) -> bool:
        """Return True to settle its workers' strike at ``base`` on their terms.

        Settling raises their pay (``raise_musd`` more a year) and shortens their week, and
        the strike ends; refusing lets it run its course (``lost_musd`` of revenue) and
        leaves a grievance that raises the base's tension.
        """

    def escalate(
        self, view: AgencyView, stage: str, base: str, pressure: float, rng: np.random.Generator
    ) -> bool:
        """Return True to escalate a crisis with a rival's base nearby, False to back down.

        ``stage`` says what escalating means (``sim.lunar_front``): ``claim`` (build beside
        the rival's base for the ice), ``seize`` (take the rival's mine in a dispute),
        ``answer`` (answer a seizure by force), ``hold`` (hold out in an armed standoff).
        ``pressure`` (0..1) is how hard rivalry, proximity and militarisation push.
        """


@dataclass
class ExternalPolicy:
    """A policy whose answers come from outside the engine (a player, a test, a file).

    Each method defers to the matching callable if given, else to ``fallback`` (a built-in
    policy). The engine asks it exactly as a built-in one, through its decision point,
    which records every question and answer (``RunResult.decisions``).

    Attributes:
        fallback: Policy answering what the callables do not.
        fund_fn: Replaces :meth:`Policy.fund`.
        mission_fn: Replaces :meth:`Policy.next_mission`.
        crew_fn: Replaces :meth:`Policy.pick_crew`.
        keep_goal_fn: Replaces :meth:`Policy.keep_goal`.
        supply_fn: Replaces :meth:`Policy.supply_base`.
        evacuate_fn: Replaces :meth:`Policy.evacuate_base`.
        sell_fn: Replaces :meth:`Policy.sell_launches`.
        escalate_fn: Replaces :meth:`Policy.escalate`.
        alliance_fn: Replaces :meth:`Policy.join_alliance`.
        strike_fn: Replaces :meth:`Policy.settle_strike`.
    """

    fallback: Policy
    fund_fn: Callable | None = None
    mission_fn: Callable | None = None
    crew_fn: Callable | None = None
    keep_goal_fn: Callable | None = None
    supply_fn: Callable | None = None
    evacuate_fn: Callable | None = None
    sell_fn: Callable | None = None
    escalate_fn: Callable | None = None
    alliance_fn: Callable | None = None
    strike_fn: Callable | None = None

    def fund(self, view, options, rng):
        """See :meth:`Policy.fund`."""
        fn = self.fund_fn or self.fallback.fund
        return fn(view, options, rng)

    def next_mission(self, view, options, rng):
        """See :meth:`Policy.next_mission`."""
        fn = self.mission_fn or self.fallback.next_mission
        return fn(view, options, rng)

    def pick_crew(self, view, kind, candidates, size, rng):
        """See :meth:`Policy.pick_crew`."""
        fn = self.crew_fn or self.fallback.pick_crew
        return fn(view, kind, candidates, size, rng)

    def keep_goal(self, view, goal, odds, rng):
        """See :meth:`Policy.keep_goal`."""
        fn = self.keep_goal_fn or self.fallback.keep_goal
        return fn(view, goal, odds, rng)

    def supply_base(self, view, base, cost_musd, rng):
        """See :meth:`Policy.supply_base`."""
        fn = self.supply_fn or self.fallback.supply_base
        return fn(view, base, cost_musd, rng)

    def evacuate_base(self, view, base, reserve_days, rng):
        """See :meth:`Policy.evacuate_base`."""
        fn = self.evacuate_fn or self.fallback.evacuate_base
        return fn(view, base, reserve_days, rng)

    def sell_launches(self, view, vehicles, rng):
        """See :meth:`Policy.sell_launches`."""
        fn = self.sell_fn or self.fallback.sell_launches
        return fn(view, vehicles, rng)

    def escalate(self, view, stage, base, pressure, rng):
        """See :meth:`Policy.escalate`."""
        fn = self.escalate_fn or self.fallback.escalate
        return fn(view, stage, base, pressure, rng)

    def join_alliance(self, view, base, share, cost_musd, rng):
        """See :meth:`Policy.join_alliance`."""
        fn = self.alliance_fn or self.fallback.join_alliance
        return fn(view, base, share, cost_musd, rng)

    def settle_strike(self, view, base, raise_musd, lost_musd, rng):
        """See :meth:`Policy.settle_strike`."""
        fn = self.strike_fn or self.fallback.settle_strike
        return fn(view, base, raise_musd, lost_musd, rng)
