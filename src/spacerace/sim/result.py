"""What a run returns: the log, yearly metrics, the final world and the firsts."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacerace.scenario.model import Scenario
from spacerace.sim.facts import mission_rows
from spacerace.world.event import EventLog
from spacerace.world.world import Milestone, World

__all__ = ["BaseRow", "MetricRow", "RunResult"]

MetricRow = dict
"""One agency at one year end: ``{"year": int, "agency": str, "budget_musd": float,
"prestige": float, "support": float, "people_in_space": int, "crew_lost": int,
"flyers": int, "bases": int}`` (``people_in_space``: this agency's people off Earth at the
year end; ``crew_lost``: cumulative deaths in flight; ``flyers``: astronauts/cosmonauts able
to fly; ``bases``: bases it belongs to)."""

BaseRow = dict
"""One base at one monthly step: ``{"day": float, "base": str, "population": int,
"employers": {agency: int}, "oxygen_kg", "water_kg", "food_kg", "spares_kg": float (stocks,
kg), "reserve_days": float (capped at 9999), "tension": float (0..1), "morale": {agency:
float}, "power_kw": float (net), "modules": {kind: int}, "rationing": bool, "command": str}``."""


@dataclass(frozen=True)
class RunResult:
    """One timeline.

    Attributes:
        scenario: The scenario played.
        seed: The seed.
        log: Every event, in order.
        metrics: Yearly rows, sorted by (year, agency).
        world: The world at the end.
        base_metrics: Monthly rows per base, in time order (see :data:`BaseRow`).
        decisions: Every question put to an agency and its answer, in order
            (``sim.decisions.Decision``; ``sim.decision_log`` writes them).
        left_log_at: Line of a replayed decision log where the run's questions stopped
            fitting it (an earlier answer was changed), None if it was followed throughout.
    """

    scenario: Scenario
    seed: int
    log: EventLog
    metrics: list[MetricRow]
    world: World
    base_metrics: list[BaseRow] = field(default_factory=list)
    decisions: tuple = ()
    left_log_at: int | None = None

    @property
    def milestones(self) -> dict[str, Milestone]:
        """The firsts, by key."""
        return self.world.milestones

    @property
    def start_jd_tdb(self) -> float:
        """Day 0 of the clock, TDB Julian date."""
        return self.world.start_jd_tdb

    def mission_rows(self) -> list[dict]:
        """The facts table: one row per committed mission (``sim.facts.mission_rows``)."""
        return mission_rows(self)
