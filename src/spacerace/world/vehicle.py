"""Launch vehicles: fixed specifications and a reliability learned flight by flight."""

from __future__ import annotations

from dataclasses import dataclass

from spacerace.world.event import Breakdown
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
    invented: bool = False
    program: str = ""
    source: str = ""


@dataclass
class VehicleRecord:
    """A vehicle's flight record in one run: its Beta(alpha, beta) reliability belief.

    Starts from the real record (``alpha = 1 + successes``, ``beta = 1 + failures``: a uniform
    Beta(1, 1) updated with the real flights) and updates with every simulated flight.

    Attributes:
        key: Vehicle key.
        alpha: One plus successes (real prior and simulated).
        beta: One plus failures (real prior and simulated).
        flights: Simulated flights so far.
    """

    key: str
    alpha: float
    beta: float
    flights: int = 0

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

    def odds_breakdown(self, spec: VehicleSpec) -> Breakdown:
        """A launch's odds now: the real record's Beta mean, then what simulated flights did.

        Example:
            >>> from types import SimpleNamespace
            >>> spec = SimpleNamespace(name="Saturn V", prior_successes=12, prior_failures=0)
            >>> b = VehicleRecord("saturn_v", 14.0, 2.0).odds_breakdown(spec)
            >>> [(label, round(x, 3)) for label, x in b.terms]
            [('real record: 12 of 12 (Beta mean)', 0.929), ('simulated: 1 success in 2', -0.054)]
            >>> round(b.total, 3)
            0.875
        """
        prior = (1.0 + spec.prior_successes) / (2.0 + spec.prior_successes + spec.prior_failures)
        real_total = spec.prior_successes + spec.prior_failures
        won = self.successes - spec.prior_successes
        flown = self.total - real_total
        return Breakdown.from_stages(
            "odds",
            f"{spec.name}'s launch odds",
            (f"real record: {spec.prior_successes} of {real_total} (Beta mean)", prior),
            [(f"simulated: {plural(won, 'success')} in {flown}", self.reliability)],
        )

    def update(self, success: bool) -> None:
        """Record one flight."""
        self.flights += 1
        if success:
            self.alpha += 1.0
        else:
            self.beta += 1.0
