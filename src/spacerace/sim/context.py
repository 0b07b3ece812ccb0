"""What every process of one run shares: the environment, the world, the log, the rules.

No module holds state: a :class:`RunContext` is made per run and handed to each process.
Facts about the world live on their owners (``World``, ``Agency``, ``Person``, ``Base``,
``Mission``); reference data that never changes during a run is one frozen
:class:`RunReference`; what is left here is the run itself (clock, log, output rows) and
caches that only speed up queries.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import simpy

from spacerace.catalog.budgets import deflate_musd
from spacerace.catalog.mission_names import NamingScheme, load_mission_names
from spacerace.catalog.rates import EraRate, rate_in_year
from spacerace.policy.base import AgencyView, Policy
from spacerace.sim.calendar import Calendar
from spacerace.sim.planner import MissionPlanner
from spacerace.sim.rng import stream
from spacerace.world.event import Event, EventLog
from spacerace.world.mechanics import Mechanics
from spacerace.world.mission_kinds import MISSION_KINDS, is_met
from spacerace.world.person import FLYING_ROLES
from spacerace.world.world import Milestone, World

if TYPE_CHECKING:
    from spacerace.catalog.programs import ProgramSpec
    from spacerace.catalog.training import TrainingSpec
    from spacerace.sim.decisions import DecisionPoint

__all__ = ["RunContext", "RunReference", "SurfaceStay"]


@dataclass(frozen=True)
class RunReference:
    """Reference data one run reads and never changes (from the catalog).

    Attributes:
        programs: Development programs by key (``catalog.programs``).
        training: Training facilities by name (``catalog.training``).
        default_training: The facility used when an agency's is not in the catalog.
        rates: Event rates per year by key (``catalog.rates``).
        era_rates: Rates that changed over the decades, each key's eras in order
            (``catalog.rates.load_era_rates``); :meth:`rate_in_year` picks one.
        recruit_countries: Country codes the astronaut data set has people of.
        base_names: Body -> name of the first base there of an agency whose profile names
            none (the scenario's), as (body, name) pairs.
        mission_names: Naming schemes by key (``catalog.mission_names``).
    """

    programs: Mapping[str, ProgramSpec]
    training: Mapping[str, TrainingSpec]
    default_training: TrainingSpec
    rates: Mapping[str, float]
    recruit_countries: frozenset[str]
    base_names: tuple[tuple[str, str], ...] = ()
    mission_names: Mapping[str, NamingScheme] = field(default_factory=load_mission_names)
    era_rates: Mapping[str, tuple[EraRate, ...]] = field(default_factory=dict)

    def rate_in_year(self, key: str, year: int) -> EraRate:
        """The era rate of ``key`` in force in ``year`` (the era that holds it)."""
        return rate_in_year(self.era_rates[key], year)


@dataclass
class SurfaceStay:
    """A crew's stay at a base, which the base can end early (evacuation or death).

    Attributes:
        crew: Names of the crew on the stay.
        recall: SimPy event the base triggers with ``"evacuated"`` or ``"dead"``.
    """

    crew: tuple[str, ...]
    recall: simpy.Event


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
        ref: Reference data (programs, training, rates).
        end_day: The day the run stops.
        decisions: The decision point: every question to an agency goes through it.
        metrics: Yearly rows per agency (``sim.result.MetricRow``), in time order.
        base_metrics: Monthly rows per base (``sim.result.BaseRow``), in time order.
        stays: Mission id -> the surface stay it is on.
        memo: Results of pure functions of the run state, keyed by what they depend on
            (``sim.programs`` keeps the goal-to-program map here).
    """

    env: simpy.Environment
    world: World
    log: EventLog
    cal: Calendar
    mech: Mechanics
    planner: MissionPlanner
    policies: dict[str, Policy]
    seed: int
    ref: RunReference
    end_day: float
    decisions: DecisionPoint | None = None
    metrics: list[dict] = field(default_factory=list)
    base_metrics: list[dict] = field(default_factory=list)
    stays: dict[str, SurfaceStay] = field(default_factory=dict)
    _streams: dict = field(default_factory=dict)
    _plans: dict = field(default_factory=dict)
    _deflators: dict = field(default_factory=dict)
    _people_index: tuple[int, dict[str, list], dict[str, list]] | None = None
    agency_changes: int = 0
    _people_seen: int = 0
    _rivals: dict[str, str | None] = field(default_factory=dict)
    _kinds: dict[str, tuple[int, list]] = field(default_factory=dict)
    _taken: tuple[int, dict[str, str]] | None = None
    _missions_seen: int = 0
    _goal_missions: dict[str, list] = field(default_factory=dict)
    _mission_names: set[str] = field(default_factory=set)
    memo: dict = field(default_factory=dict)

    def rng(self, name: str):
        """The named random stream of this run (made on first use)."""
        if name not in self._streams:
            self._streams[name] = stream(self.seed, name)
        return self._streams[name]

    @property
    def now(self) -> float:
        """Days since the start (a float: the clock starts at 0.0)."""
        return self.env.now

    @property
    def year(self) -> int:
        """Current calendar year."""
        return self.cal.year(self.env.now)

    def emit(self, kind: str, agency: str | None, text: str, cause: str = "", **kw) -> Event:
        """Append an event dated now and return it."""
        actors = tuple(kw.pop("actors", ()))
        scripted = bool(kw.pop("scripted", False))
        breakdown = kw.pop("breakdown", None)
        data = dict(sorted(kw.items()))
        return self.log.append(
            Event(self.now, kind, agency, text, cause, actors, data, scripted, breakdown)
        )

    def active_agencies(self) -> list[str]:
        """Keys of agencies acting this year, sorted (a bankrupt company acts no more)."""
        return sorted(
            k for k, a in self.world.agencies.items() if a.founded_year <= self.year and a.trades
        )

    def superpowers(self) -> list[str]:
        """Keys of the agencies on either side of the superpowers' rivalry, sorted."""
        return sorted(k for k, a in self.world.agencies.items() if a.profile.superpower)

    def rival_of(self, key: str) -> str | None:
        """The other side's agency, if ``key`` is one side of the superpowers' rivalry.

        Memoised: profiles and countries do not change during a run.
        """
        if key not in self._rivals:
            agency = self.world.agencies[key]
            others = self.superpowers() if agency.profile.superpower else []
            self._rivals[key] = next(
                (k for k in others if self.world.agencies[k].country != agency.country), None
            )
        return self._rivals[key]

    def view(self, key: str) -> AgencyView:
        """What agency ``key``'s policy may see now."""
        agency = self.world.agencies[key]
        public = self.world.public_firsts  # only ever added to
        cached = self._taken
        if cached is None or cached[0] != len(public):
            taken = {k: m.agency for k, m in public.items()}
            cached = self._taken = (len(public), taken)
        taken = dict(cached[1])  # the view's own copy
        rival = self.rival_of(key)
        achieved_by = self.world.agencies[rival].achieved if rival else set()
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
            rival_ahead=tuple(sorted(achieved_by - agency.achieved)),
            bases=tuple(sorted(b.name for b in self.world.bases.values() if key in b.agencies)),
            racing=agency.racing,
            capital_musd=agency.capital_musd if agency.company is not None else 0.0,
            guest_fares_musd=self.guest_fares_musd(key),
        )

    def guest_fares_musd(self, key: str) -> float:
        """What one flight's paying guests bring agency ``key`` now, million USD.

        Only a company holding a station a guest-carrying kind flies to has guests
        (``MissionKind.carries_guests``; the fare is ``company.hotel_guest_fare_musd`` of
        2001, deflated); 0 otherwise.
        """
        if self.world.agencies[key].company is None:
            return 0.0
        if not any(kind.carries_guests for kind in self.kinds_open_to(key)):
            return 0.0
        mech = self.mech.company
        return mech.hotel_guests_per_flight * mech.hotel_guest_fare_musd * self.deflator(2001)

    def people_of(self, key: str) -> list:
        """People of agency ``key`` in name order (indexed; rebuilt when people join).

        Base staff and children (counted in ``World.staff_count``) never fly and are left
        out, so their arrivals do not rebuild the index.
        """
        return self._index()[1].get(key, [])

    def _index(self) -> tuple[int, dict[str, list], dict[str, list]]:
        """(size, people by agency in name order, the same best skill first).

        Built once; people who join later (appended to ``World.people``) are inserted in
        order. Everyone who uses the index filters it by status, so people who died or
        retired may stay in it (``crew_pool`` drops them as it meets them).
        """
        index = self._people_index
        people = self.world.people
        size = len(people) - self.world.staff_count
        if index is None:
            by_agency: dict[str, list] = {}
            for name in sorted(people):
                if _in_corps(people[name]):
                    by_agency.setdefault(people[name].agency, []).append(people[name])
            by_skill = {  # nothing changes a skill once a person exists
                k: sorted(group, key=_by_skill) for k, group in by_agency.items()
            }
            index = self._people_index = (size, by_agency, by_skill)
            self._people_seen = len(people)
        elif index[0] != size:
            _, by_agency, by_skill = index
            for person in itertools.islice(people.values(), self._people_seen, None):
                if _in_corps(person):
                    bisect.insort(by_agency.setdefault(person.agency, []), person, key=_by_name)
                    bisect.insort(by_skill.setdefault(person.agency, []), person, key=_by_skill)
            index = self._people_index = (size, by_agency, by_skill)
            self._people_seen = len(people)
        return index

    def forget_people_index(self) -> None:
        """Drop the people index (someone changed agency; counted in ``agency_changes``)."""
        self._people_index = None
        self.agency_changes += 1

    def crew_pool(self, key: str) -> list:
        """People of agency ``key`` who can fly now, best skill first, then by name.

        Only adults fly: ``Person.can_fly`` with this year and ``mech.people.min_crew_age``.
        The order a crew is picked in (commander first) is ``world.crew.crew_order``'s.
        """
        _, by_agency, by_skill = self._index()
        now, year, min_age = self.now, self.year, self.mech.people.min_crew_age
        people = by_skill.get(key, [])
        ready = [  # Person.can_fly, inlined (the hottest filter of a run); (-skill, name) order
            p
            for p in people
            if p.status == "active"
            and p.role in FLYING_ROLES
            and now >= p.ready_day
            and p.health >= 0.5
            and year - p.born_year >= min_age
        ]
        if any(p.status in _GONE for p in people):
            # permanent: drop them from the index until it is next rebuilt
            for group in (by_agency.get(key, []), people):
                group[:] = [p for p in group if p.status not in _GONE]
        return ready

    def pending_goals(self, key: str) -> set[str]:
        """Goals of agency ``key`` that a mission on its way (planned or flying) serves."""
        self._index_missions()
        group = self._goal_missions.get(key)
        if not group:
            return set()
        if any(not m.pending for m in group):  # a mission that ended never flies again
            group[:] = [m for m in group if m.pending]
        return {m.goal for m in group}

    def mission_names(self) -> set[str]:
        """Names of every mission of the run so far (a new name must differ from them)."""
        self._index_missions()
        return self._mission_names

    def _index_missions(self) -> None:
        """Take in missions appended to ``World.missions`` since the last look.

        Missions are only ever appended (``sim.missions``, ``sim.scripted``) and keep their
        agency, goal and name; only their status changes, which ``pending_goals`` reads.
        """
        missions = self.world.missions
        seen = self._missions_seen
        if seen == len(missions):
            return
        if seen > len(missions):  # the list was replaced: index it again
            seen = 0
            self._goal_missions.clear()
            self._mission_names.clear()
        for m in itertools.islice(missions, seen, None):
            self._mission_names.add(m.name)
            if m.goal and m.pending:
                self._goal_missions.setdefault(m.agency, []).append(m)
        self._missions_seen = len(missions)

    def in_corps(self, person) -> bool:
        """True for a flyer of age who trains or stands ready now.

        Such a person can be hurt in training, counts as a flyer and is exposed to the
        non-flight death rate; nobody younger than ``mech.people.min_crew_age`` is.
        """
        return person.in_corps(self.year, self.mech.people.min_crew_age)

    def plan(self, kind: str, vehicle, nuclear: bool, destination: str = "earth-moon"):
        """The planner's plan for deciding now, memoised per run (plans repeat).

        Windowed plans are keyed by their window (Mars: the next Earth-Mars window;
        asteroids: the year's target and destination) and carry its departure; other plans
        are the same whenever decided, and leave ``mission_lead_days`` after the decision.
        """
        depart = self.now + self.mech.missions.mission_lead_days
        window = None
        builder = MISSION_KINDS[kind].planner
        if builder in ("mars", "mars_light"):  # both leave in the next Earth-Mars window
            found = self.planner.next_mars_window(depart)
            if found is None:
                return None
            window = found.depart_jd_tdb
        elif builder == "asteroid":
            target = self.planner.asteroid_target(depart, destination)
            if target is None:
                return None
            window = (target.designation, target.depart_jd_tdb, destination)
        key = (kind, vehicle.key, nuclear, window)
        plan = self._plans.get(key)
        if plan is None:
            # the same plan serves every run with these mechanics (an ensemble shares the
            # planner): planning is pure in (kind, vehicle, propulsion, window, mechanics)
            shared = (*key, self.planner.mechanics_id(self.mech))
            plan = self.planner.memo.get(shared)
            if plan is None and shared not in self.planner.memo:
                plan = self.planner.plan(
                    kind, vehicle, self.now, self.mech, nuclear, destination=destination
                )
                self.planner.memo[shared] = plan
            self._plans[key] = plan
        return plan  # a non-windowed plan's depart_day is stale: now + lead

    def kinds_open_to(self, key: str) -> list:
        """Mission kinds whose needs agency ``key`` holds, in the table's order.

        What it holds is what it developed less what it retired (a station out of orbit).
        Memoised per agency by the sizes of both sets: they are only ever added to.
        """
        agency = self.world.agencies[key]
        size = (len(agency.capabilities), len(agency.retired))
        cached = self._kinds.get(key)
        if cached is None or cached[0] != size:
            held = agency.capabilities - agency.retired
            kinds = [
                kind
                for kind in MISSION_KINDS.values()
                if all(is_met(token, held) for token in kind.needs)
            ]
            cached = self._kinds[key] = (size, kinds)
        return cached[1]

    def bases_of(self, key: str, body: str) -> list:
        """Standing bases on ``body`` that agency ``key`` belongs to, by name."""
        return [
            b
            for _, b in sorted(self.world.bases.items())
            if b.body == body and key in b.agencies and b.abandoned_day is None
        ]

    def deflator(self, cost_year: int) -> float:
        """Factor converting ``cost_year`` dollars to this year's (OMB GDP deflator)."""
        key = (cost_year, min(self.cal.year(self.env.now), 2028))
        factor = self._deflators.get(key)
        if factor is None:
            factor = self._deflators[key] = deflate_musd(1.0, *key)
        return factor

    def achieve(self, key: str, milestone: str, people: tuple[str, ...], secret: bool = False):
        """Record that an agency achieved a milestone; returns the Milestone if it is a first.

        A public achievement nobody had announced is also the official first
        (``World.public_firsts``), even when a secret first came before it; see
        :meth:`is_official_first`.
        """
        self.world.agencies[key].achieved.add(milestone)
        now = Milestone(milestone, key, self.now, people, secret)
        if not secret and milestone not in self.world.public_firsts:
            self.world.public_firsts[milestone] = now
        if milestone in self.world.milestones:
            return None
        self.world.milestones[milestone] = now
        return now

    def is_official_first(self, key: str, milestone: str) -> bool:
        """True if agency ``key``'s achievement is the official first after a secret one."""
        official = self.world.public_firsts.get(milestone)
        true = self.world.milestones.get(milestone)
        return bool(official and true and official.agency == key and true is not official)


_GONE = ("dead", "retired")  # statuses nobody leaves


def _in_corps(person) -> bool:
    """True for people of the astronaut corps (not base staff or children)."""
    return person.status not in ("resident", "home") and person.role != "child"


def _by_name(person) -> str:
    return person.name


def _by_skill(person) -> tuple[float, str]:
    return (-person.skill, person.name)
