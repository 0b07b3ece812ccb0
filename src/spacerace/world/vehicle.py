"""Launch vehicles: specifications, a reliability belief, and the odds a launch is drawn at.

The belief (a Beta over the real record and the simulated flights) is what agencies plan
with; the odds come from the reliability-growth curve of ``world.launch_growth``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from spacerace.world.event import Breakdown
from spacerace.world.launch_growth import launch_odds
from spacerace.world.wording import plural

__all__ = ["VehicleSpec", "VehicleRecord"]


@dataclass(frozen=True)
class VehicleSpec:
    """A launch vehicle as built (real, or invented by the series and marked so).

    Attributes:
        key: Short key (``"saturn_v"``).
        name: Display name (``"Saturn V"``).
        country: Who builds it (``"US"``, ``"SU"``, ``"private"``, ``"KP"``).
        payload_leo_kg: Payload to low Earth orbit, kg.
        cost_musd: Cost per launch, million USD of ``cost_year``.
        cost_year: Dollar year of ``cost_musd``.
        first_flight_year: Year of the real (or invented) first flight.
        crew_rated: True if it may carry people.
        prior_successes: Successes in the real record used as the Beta prior.
        prior_failures: Failures in the real record used as the Beta prior.
        units_built: Flight vehicles of a production run that had ended before 1969 (the
            Saturn V's 15), real launches before the run's start included; 0 for a line in
            serial production, or one a program opens (no limit: ``sim.production``).
        invented: True for the series' vehicles that never flew (e.g. Sea Dragon).
        program: Development program that makes it available, or "" if available at start.
        source: Where the figures come from (short citation; details in PROVENANCE.md).
    """

    key: str
    name: str
    country: str
    payload_leo_kg: float
    cost_musd: float
    cost_year: int
    first_flight_year: int
    crew_rated: bool
    prior_successes: int
    prior_failures: int
    units_built: int = 0
    invented: bool = False
    program: str = ""
    source: str = ""


@dataclass
class VehicleRecord:
    """A vehicle's flight record in one run: its Beta(alpha, beta) reliability belief.

    Starts from the real record (``alpha = 1 + successes``, ``beta = 1 + failures``: a uniform
    Beta(1, 1) updated with the real flights) and updates with every simulated flight. The
    belief (``reliability``) is what agencies plan with; a launch is drawn at the total of
    :meth:`launch_breakdown`, which follows the growth curve, not the belief.

    Attributes:
        key: Vehicle key.
        alpha: One plus successes (real prior and simulated).
        beta: One plus failures (real prior and simulated).
        flights: Simulated flights so far.
        units_left: Vehicles of its production run not yet assigned to a flight (``inf``:
            serial production; ``sim.production``).
        retired: True once the last of a closed run has been assigned (its
            ``vehicle_retired`` event told).
    """

    key: str
    alpha: float
    beta: float
    flights: int = 0
    units_left: float = math.inf
    retired: bool = False

    @classmethod
    def from_spec(cls, spec: VehicleSpec) -> VehicleRecord:
        """Start a record from the vehicle's real flight record."""
        return cls(spec.key, 1.0 + spec.prior_successes, 1.0 + spec.prior_failures)

    @property
    def reliability(self) -> float:
        """Posterior mean probability that a launch succeeds."""
        return self.alpha / (self.alpha + self.beta)

    @property
    def successes(self) -> int:
        """Successes behind the belief (real and simulated)."""
        return round(self.alpha - 1.0)

    @property
    def total(self) -> int:
        """Flights behind the belief (real and simulated)."""
        return round(self.alpha + self.beta - 2.0)

    def launch_breakdown(self, spec: VehicleSpec, curve) -> Breakdown:
        """How its next launch's odds are made: the curve's odds, then its real record's scale.

        ``curve``: the ``missions`` mechanics (``world.launch_growth``). Its total is the
        odds a launch is drawn at; outcomes teach the agencies' belief, not the rocket.

        Example:
            >>> from types import SimpleNamespace as NS
            >>> spec = NS(name="Saturn V", prior_successes=13, prior_failures=0)
            >>> curve = NS(launch_first_failure=0.347, launch_growth_n0=0.214,
            ...            launch_growth_slope=0.341)
            >>> b = VehicleRecord("saturn_v", 14.0, 1.0, flights=2).launch_breakdown(spec, curve)
            >>> [label for label, _ in b.terms]  # doctest: +NORMALIZE_WHITESPACE
            ['launcher flight 16 on the growth curve (GCAT fit)',
             'its real record, 0 failures in 13 (x 0.36 the curve)']
            >>> round(b.total, 3)
            0.971
        """
        real = spec.prior_successes + spec.prior_failures
        base, scale, odds = launch_odds(
            spec.prior_successes,
            spec.prior_failures,
            self.flights,
            curve.launch_first_failure,
            curve.launch_growth_n0,
            curve.launch_growth_slope,
        )
        return Breakdown.from_stages(
            "odds",
            f"{spec.name}'s launch odds",
            (f"launcher flight {real + self.flights + 1} on the growth curve (GCAT fit)", base),
            [
                (
                    f"its real record, {plural(spec.prior_failures, 'failure')} in {real} "
                    f"(x {scale:.2f} the curve)",
                    odds,
                )
            ],
        )

    def fly(self, spec: VehicleSpec, curve, rng, forced: bool = False) -> tuple[bool, Breakdown]:
        """Fly one launch: draw it at :meth:`launch_breakdown`'s odds and record it.

        ``forced`` (a scripted success) draws nothing. Returns (success, the odds' breakdown).
        """
        breakdown = self.launch_breakdown(spec, curve)
        success = True if forced else bool(rng.random() < breakdown.total)
        self.update(success)
        return success, breakdown

    def update(self, success: bool) -> None:
        """Record one flight."""
        self.flights += 1
        if success:
            self.alpha += 1.0
        else:
            self.beta += 1.0
