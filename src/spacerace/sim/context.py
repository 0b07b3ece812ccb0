"""What every process of one run shares: the environment, the world, the log, the rules.

No module holds state: a :class:`RunContext` is made per run and handed to each process.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import simpy

from spacerace.policy.base import AgencyView, Policy
from spacerace.sim.calendar import Calendar
from spacerace.sim.planner import MissionPlanner
from spacerace.sim.rng import stream
from spacerace.world.event import Event, EventLog
from spacerace.world.mechanics import Mechanics
from spacerace.world.world import Milestone, World

__all__ = ["RunContext", "SUPERPOWERS"]

SUPERPOWERS = ("US", "SU")


@dataclass
class RunContext:
    """The shared state of one run (one timeline).

    Attributes:
        env: The SimPy environment; ``env.now`` is days since the start.
        world: The world being changed.
        log: The event log.
        cal: Day <-> date conversions.
        mech: The mechanics in force.
        planner: Mission planner (shared, read-only, across runs).
        policies: Policy per agency key.
        seed: The run's seed.
        catalog: Program specs, training specs and event rates by key.
        end_day: The day the run stops.
    """

    env: simpy.Environment
    world: World
    log: EventLog
    cal: Calendar
    mech: Mechanics
    planner: MissionPlanner
    policies: dict[str, Policy]
    seed: int
    catalog: dict
    end_day: float
    crew_lost: dict[str, int] = field(default_factory=dict)
    landings: dict[str, list[str]] = field(default_factory=dict)
    rivalry_target_support: dict[str, float] = field(default_factory=dict)
    _streams: dict = field(default_factory=dict)

    def rng(self, name: str):
        """The named random stream of this run (made on first use)."""
        if name not in self._streams:
            self._streams[name] = stream(self.seed, name)
        return self._streams[name]

    @property
    def now(self) -> float:
        """Days since the start."""
        return float(self.env.now)

    @property
    def year(self) -> int:
        """Current calendar year."""
        return self.cal.year(self.env.now)

    def emit(self, kind: str, agency: str | None, text: str, cause: str = "", **kw) -> Event:
        """Append an event dated now and return it."""
        actors = tuple(kw.pop("actors", ()))
        scripted = bool(kw.pop("scripted", False))
        return self.log.append(
            Event(self.now, kind, agency, text, cause, actors, dict(sorted(kw.items())), scripted)
        )

    def active_agencies(self) -> list[str]:
        """Keys of agencies acting this year, sorted."""
        return sorted(k for k, a in self.world.agencies.items() if a.founded_year <= self.year)

    def rival_of(self, key: str) -> str | None:
        """The other superpower's agency, if ``key`` is one."""
        country = self.world.agencies[key].country
        if country not in SUPERPOWERS:
            return None
        for other, agency in sorted(self.world.agencies.items()):
            if agency.country in SUPERPOWERS and agency.country != country:
                return other
        return None

    def view(self, key: str) -> AgencyView:
        """What agency ``key``'s policy may see now."""
        agency = self.world.agencies[key]
        taken = {m.key: m.agency for m in self.world.milestones.values() if not m.secret}
        rival = self.rival_of(key)
        achieved_by = self.achievements(rival) if rival else set()
        mine = self.achievements(key)
        return AgencyView(
            agency=key,
            kind=agency.kind,
            doctrine=agency.doctrine,
            year=self.year,
            day=self.now,
            budget_musd=agency.budget_musd,
            funds_musd=agency.funds_musd,
            goals=agency.goals,
            capabilities=frozenset(agency.capabilities),
            firsts_taken=taken,
            rival_ahead=tuple(sorted(achieved_by - mine)),
            bases=tuple(sorted(b.name for b in self.world.bases.values() if key in b.agencies)),
        )

    def people_of(self, key: str) -> list:
        """People of agency ``key`` in name order (indexed; rebuilt when people join).

        Base staff and children (counted in ``catalog["staff_count"]``) never fly and are
        left out, so their arrivals do not rebuild the index.
        """
        index = self.catalog.get("people_index")
        size = len(self.world.people) - self.catalog.get("staff_count", 0)
        if index is None or index[0] != size:
            by_agency: dict[str, list] = {}
            for name in sorted(self.world.people):
                person = self.world.people[name]
                if person.status not in ("resident", "home") and person.role != "child":
                    by_agency.setdefault(person.agency, []).append(person)
            index = self.catalog["people_index"] = (size, by_agency)
        return index[1].get(key, [])

    def crew_pool(self, key: str) -> list:
        """People of agency ``key`` who can fly now, best skill first, then by name."""
        people = self.people_of(key)
        now = self.now
        ready = [p for p in people if p.can_fly(now)]
        gone = [p for p in people if p.status in ("dead", "retired")]
        if gone:  # permanent: drop them from the index until it is next rebuilt
            people[:] = [p for p in people if p.status not in ("dead", "retired")]
        return sorted(ready, key=lambda p: (-p.skill, p.name))

    def plan(self, kind: str, vehicle, nuclear: bool, destination: str = "earth-moon"):
        """The planner's plan for deciding now, memoised per run (plans repeat).

        Mars plans are keyed by their window and carry its departure; asteroid plans by
        the year's target and destination, and carry its departure; other plans are the
        same whenever decided, and leave ``mission_lead_days`` after the decision.
        """
        depart = self.now + self.mech.missions.mission_lead_days
        window = None
        if kind.startswith("mars"):
            found = self.planner.next_mars_window(depart)
            if found is None:
                return None
            window = found.depart_jd_tdb
        elif kind == "asteroid_capture":
            target = self.planner.asteroid_target(depart, destination)
            if target is None:
                return None
            window = (target.designation, target.depart_jd_tdb, destination)
        key = (kind, vehicle.key, nuclear, window)
        cache = self.catalog.setdefault("plans", {})
        if key not in cache:
            cache[key] = self.planner.plan(
                kind, vehicle, self.now, self.mech, nuclear, destination=destination
            )
        return cache[key]  # a non-Mars plan's depart_day is stale: departure is now + lead

    def bases_of(self, key: str, body: str) -> list:
        """Standing bases on ``body`` that agency ``key`` belongs to, by name."""
        return [
            b
            for _, b in sorted(self.world.bases.items())
            if b.body == body and key in b.agencies and b.abandoned_day is None
        ]

    def achievements(self, key: str) -> set[str]:
        """Milestone keys agency ``key`` has achieved (first or not)."""
        return set(self.catalog["achieved"].get(key, set()))

    def achieve(self, key: str, milestone: str, people: tuple[str, ...], secret: bool = False):
        """Record that an agency achieved a milestone; returns the Milestone if it is a first."""
        self.catalog["achieved"].setdefault(key, set()).add(milestone)
        if milestone in self.world.milestones:
            return None
        first = Milestone(milestone, key, self.now, people, secret)
        self.world.milestones[milestone] = first
        return first
