"""Mission kinds, goals and surface bodies as rows: one row says everything about one kind.

A mission kind is a row of :data:`MISSION_KINDS`: where it goes, how many fly, what the
agency must have developed, the phases after launch with the mechanic that gives each
one's risk and how long it lasts, whether it is an upkeep flight and how often, how many
launches it may take, whether it waits for a real window, the firsts it earns and its label
(the agency's naming scheme, ``catalog.mission_names``, names its flights). The engine
(``sim.mission_options``, ``sim.flights``, ``sim.landings``) and the built-in policies read
these rows; the planner builds a kind's plan with the builder its ``planner`` names.
docs/engine.md shows, as a worked example, adding a kind.

A goal (:data:`GOALS`) is a milestone an agency pursues: the kind that achieves it, the
capabilities it needs, and whether it may be given up once a rival has it. A surface body
(:data:`SURFACE_BODIES`) says what founding a base there means.

Mechanic names in these rows are fields of one group of the run's mechanics
(``world.mechanics``): a phase's ``risk``, a kind's ``upkeep_interval`` and a body's
``min_landings`` of ``mech.missions``, a kind's ``launch_cap`` of ``mech.programs``. They
are strings so that one table can name them; the tests check that every one exists.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "GOALS",
    "MISSION_KINDS",
    "SURFACE_BODIES",
    "Goal",
    "MissionKind",
    "Phase",
    "PhaseRecord",
    "SurfaceBody",
    "goal_kind",
    "is_met",
    "learned_risks",
]


def is_met(token: str, capabilities) -> bool:
    """True if a requirement token (``"apollo_lm|l3"``: either) is among the capabilities.

    Example:
        >>> is_met("apollo_lm|l3", {"l3"}), is_met("lunar_base", {"l3"})
        (True, False)
    """
    return any(part in capabilities for part in token.split("|"))


@dataclass(frozen=True)
class Phase:
    """One phase of a mission after its launches.

    Attributes:
        name: ``"transfer"``, ``"landing"``, ``"orbit"``, ``"capture"`` or ``"return"``.
        risk: Mechanic giving the phase's failure chance (before the crew's skill cut).
        duration: How long it lasts: ``"transit"`` (the plan's transit), ``"return"`` (the
            plan's way back, else its transit), ``"landing"`` or ``"short"`` (mechanics
            ``landing_phase_days`` and ``other_phase_days``).
        arrives: True if the mission has arrived when this phase ends: its firsts count
            then (at touchdown, not at splashdown) and its surface stay begins.
        learns: True if its risk is a first-of-kind belief that every attempt in the run
            updates (:class:`PhaseRecord`; the mechanic is then the prior's failure rate).
    """

    name: str
    risk: str
    duration: str
    arrives: bool = False
    learns: bool = False


@dataclass
class PhaseRecord:
    """What a run has learned of a first-of-kind phase: a Beta belief over its failure rate.

    Starts from a prior of ``attempts`` pseudo-attempts at the mechanic's failure rate (the
    real record it stands for) and counts every simulated attempt of the phase, like a
    launch vehicle's record (``world.vehicle.VehicleRecord``).

    Attributes:
        risk: The phase's risk mechanic (its key).
        failures: Failures behind the belief (prior pseudo-counts and simulated).
        attempts: Attempts behind the belief (prior pseudo-counts and simulated).

    Example:
        >>> r = PhaseRecord("risk_asteroid_capture", failures=2.0, attempts=5.0)
        >>> r.failure_rate
        0.4
        >>> r.update(failed=False)
        >>> round(r.failure_rate, 3)
        0.333
    """

    risk: str
    failures: float
    attempts: float

    @property
    def failure_rate(self) -> float:
        """Posterior mean chance that the next attempt fails."""
        return self.failures / self.attempts

    def update(self, failed: bool) -> None:
        """Record one attempt."""
        self.attempts += 1.0
        self.failures += 1.0 if failed else 0.0


def learned_risks() -> tuple[str, ...]:
    """Risk mechanics of the phases that learn (:attr:`Phase.learns`), sorted."""
    return tuple(sorted({p.risk for k in MISSION_KINDS.values() for p in k.phases if p.learns}))


_LUNAR = (
    Phase("transfer", "risk_lunar_transfer", "transit"),
    Phase("landing", "risk_lunar_landing", "landing", arrives=True),
    Phase("return", "risk_lunar_ascent_return", "return"),
)
_MARS = (
    Phase("transfer", "risk_mars_transfer", "transit"),
    Phase("landing", "risk_mars_landing", "landing", arrives=True),
    Phase("return", "risk_mars_return", "return"),
)


@dataclass(frozen=True)
class MissionKind:
    """Everything about one kind of mission.

    Attributes:
        key: Kind key (``"lunar_landing"``).
        body: Where it goes: ``"earth"`` (orbit), ``"moon"``, ``"mars"`` or ``"asteroid"``.
        crew: People aboard (0: uncrewed).
        needs: Capability tokens the agency must hold (``"a|b"``: either).
        phases: Phases after the launches, in order.
        planner: The planner's builder for its plan (``sim.planner``).
        launch_cap: Mechanic capping its launches (cargo plus a separate crew launch).
        windowed: True if it leaves on its plan's date (a real window or a target's design),
            with no approval delay; else it leaves ``mission_lead_days`` after the decision,
            plus the agency's approval delay.
        upkeep_interval: Mechanic giving the days between two flights of an upkeep kind
            (flown to keep what was built), "" if it flies only toward a goal.
        upkeep_rank: Order among upkeep flights when nothing serves a goal (lower first).
        needs_own_base: True if it flies only to a base of the agency's on its body.
        at_site: True if it lands at a base site (founds, joins or serves a base).
        founds_base: True if its landing counts toward founding a base on its body.
        adds_module: Module it lands at the agency's standing base ("" if none).
        serves_tour: True if its crew serves a base tour (``base_rotation_interval_days``)
            rather than the plan's surface stay, when they live at the base.
        milestones: Firsts it earns on arrival.
        woman_milestone: First it earns on arrival when a woman is in the crew ("" if none).
        label: What its missions are called in prose; the generic naming scheme names
            them "<agency> <label> <n>" (others: ``catalog.mission_names``).
        carries_guests: True if, flown by a company to a station it holds, it carries
            paying guests beside its crew (an orbital hotel's ferry; ``sim.company``).
        uses_flight_set: True if each mission uses up one flight set of the program that
            gives the agency its kind (``Agency.flight_sets``: the Apollo landers bought).
    """

    key: str
    body: str
    crew: int
    needs: tuple[str, ...]
    phases: tuple[Phase, ...]
    planner: str
    launch_cap: str
    windowed: bool = False
    upkeep_interval: str = ""
    upkeep_rank: int = 99
    needs_own_base: bool = False
    at_site: bool = False
    founds_base: bool = False
    adds_module: str = ""
    serves_tour: bool = False
    milestones: tuple[str, ...] = ()
    woman_milestone: str = ""
    label: str = ""
    uses_flight_set: bool = False
    carries_guests: bool = False

    @property
    def is_upkeep(self) -> bool:
        """True for kinds flown to keep what was built (rotations, station crews)."""
        return bool(self.upkeep_interval)


STATIONS = "salyut|skylab|iss|mir|space_station"
"""The station programs, any of which lets an agency's crews fly to a station of its own
(an agency develops the first of them it may: NASA Skylab, the Soviet program Salyut,
anyone else the generic station)."""

_ROWS = (
    MissionKind(
        key="earth_orbit",
        body="earth",
        crew=2,
        needs=(),
        phases=(Phase("orbit", "risk_orbit", "short", arrives=True),),
        planner="earth_orbit",
        launch_cap="max_launches_other",
        upkeep_interval="earth_orbit_interval_days",
        upkeep_rank=30,
        label="earth orbit",
    ),
    MissionKind(
        key="space_station",
        body="earth",
        crew=3,
        needs=(STATIONS,),
        phases=(Phase("orbit", "risk_orbit", "short", arrives=True),),
        planner="station",
        launch_cap="max_launches_other",
        upkeep_interval="station_crew_interval_days",
        upkeep_rank=20,
        milestones=("space_station",),
        label="space station",
        carries_guests=True,
    ),
    MissionKind(
        key="lunar_landing",
        body="moon",
        crew=3,
        needs=("apollo_lm|l3",),
        phases=_LUNAR,
        planner="lunar",
        launch_cap="max_launches_lunar",
        upkeep_interval="lunar_exploration_interval_days",
        upkeep_rank=15,
        milestones=("crewed_lunar_landing",),
        woman_milestone="woman_on_moon",
        label="lunar landing",
        uses_flight_set=True,
    ),
    MissionKind(
        key="lunar_base",
        body="moon",
        crew=3,
        needs=("lunar_base",),
        phases=_LUNAR,
        planner="lunar_base",
        launch_cap="max_launches_lunar",
        at_site=True,
        founds_base=True,
        adds_module="habitat",
        milestones=("crewed_lunar_landing",),
        woman_milestone="woman_on_moon",
        label="lunar base",
    ),
    MissionKind(
        key="lunar_rotation",
        body="moon",
        crew=3,
        needs=("apollo_lm|l3",),
        phases=_LUNAR,
        planner="lunar",
        launch_cap="max_launches_lunar",
        upkeep_interval="base_rotation_interval_days",
        upkeep_rank=0,
        needs_own_base=True,
        at_site=True,
        serves_tour=True,
        label="lunar rotation",
    ),
    MissionKind(
        key="mars_landing",
        body="mars",
        crew=4,
        needs=("mars_vehicle",),
        phases=_MARS,
        planner="mars",
        launch_cap="max_launches_mars",
        windowed=True,
        at_site=True,
        founds_base=True,
        milestones=("crewed_mars_landing",),
        label="mars landing",
    ),
    MissionKind(
        key="mars_landing_light",  # a client state's two-seat craft (programs.csv)
        body="mars",
        crew=2,
        needs=("mars_lander_light",),
        phases=_MARS,
        planner="mars_light",
        launch_cap="max_launches_mars",
        windowed=True,
        milestones=("crewed_mars_landing",),
        label="mars landing",
    ),
    MissionKind(
        key="mars_base_rotation",
        body="mars",
        crew=4,
        needs=("mars_vehicle",),
        phases=_MARS,
        planner="mars",
        launch_cap="max_launches_mars",
        windowed=True,
        upkeep_interval="mars_base_rotation_interval_days",
        upkeep_rank=10,
        needs_own_base=True,
        at_site=True,
        founds_base=True,
        label="mars base rotation",
    ),
    MissionKind(
        key="asteroid_capture",
        body="asteroid",
        crew=0,
        needs=("asteroid_capture",),
        phases=(
            Phase("transfer", "risk_orbit", "transit"),
            Phase("capture", "risk_asteroid_capture", "short", arrives=True, learns=True),
            Phase("return", "risk_orbit", "return"),
        ),
        planner="asteroid",
        launch_cap="max_launches_other",
        windowed=True,
        milestones=("asteroid_capture",),
        label="asteroid capture",
    ),
)

MISSION_KINDS: dict[str, MissionKind] = {row.key: row for row in _ROWS}
"""Every mission kind by key, in the order options are offered."""


@dataclass(frozen=True)
class Goal:
    """A milestone an agency may pursue.

    Attributes:
        key: Milestone key (``"crewed_lunar_landing"``).
        kind: Mission kind that achieves it ("" if no mission does).
        needs: Capability tokens needed before flying toward it (``"a|b"``: either).
        reviewed: True if it may be given up once a rival has achieved it.
        abandoned_with: Goals given up together with it (itself included).
        needs_woman: True if only a crew with a woman serves it.
        after: A goal that must be achieved first ("" if none).
        also_by: Other mission kinds that achieve it (a lighter craft's: the two-seat Mars
            landing of a client state).
    """

    key: str
    kind: str
    needs: tuple[str, ...] = ()
    reviewed: bool = False
    abandoned_with: tuple[str, ...] = ()
    needs_woman: bool = False
    after: str = ""
    also_by: tuple[str, ...] = ()

    def is_achieved_by(self, kind: str) -> bool:
        """True if a mission of ``kind`` achieves it."""
        return kind == self.kind or kind in self.also_by


_MOON_GOALS = ("crewed_lunar_landing", "woman_on_moon", "lunar_base")

GOALS: dict[str, Goal] = {
    g.key: g
    for g in (
        Goal("crewed_orbit", ""),
        Goal(
            "crewed_lunar_landing",
            "lunar_landing",
            ("apollo_lm|l3",),
            reviewed=True,
            abandoned_with=_MOON_GOALS,
        ),
        Goal("woman_on_moon", "lunar_landing", ("apollo_lm|l3",), needs_woman=True),
        Goal("space_station", "space_station", (STATIONS,)),
        Goal(
            "lunar_base", "lunar_base", ("lunar_base",), reviewed=True, abandoned_with=_MOON_GOALS
        ),
        Goal(
            "crewed_mars_landing",
            "mars_landing",
            # the light craft first: only a client may develop it (programs.csv developers),
            # so everyone else takes the full Mars ship as before
            ("mars_lander_light|mars_vehicle",),
            reviewed=True,
            abandoned_with=("crewed_mars_landing",),
            also_by=("mars_landing_light",),
        ),
        Goal("mars_base", "mars_landing", ("mars_vehicle",), after="crewed_mars_landing"),
        Goal("asteroid_capture", "asteroid_capture", ("asteroid_capture",)),
    )
}
"""Every goal an agency may pursue, by milestone key."""


def goal_kind(goal: str) -> str:
    """The mission kind that achieves a goal ("" if none).

    Example:
        >>> goal_kind("woman_on_moon"), goal_kind("crewed_orbit")
        ('lunar_landing', '')
    """
    row = GOALS.get(goal)
    return row.kind if row else ""


@dataclass(frozen=True)
class SurfaceBody:
    """What a base on a body means.

    Attributes:
        key: ``"moon"`` or ``"mars"``.
        label: How the chronicle names it (``"the Moon"``).
        milestone: The first its first base earns.
        min_landings: Mechanic: landings at one site that found a base.
        site: Where the first base stands ("" if unnamed).
        other_site: Where a later agency's own base stands when nothing draws it to
            ``site`` ("" for the same site); a resource known at ``site`` (``resource``)
            draws every later base there (``sim.lunar_front.site_for``).
        resource: The discovery (``World.discoveries``) that makes ``site`` worth sharing
            with a rival ("" if none).
        joined_by_later_arrivals: True if an agency landing where a base stands joins it
            when rivalry is low ("foes into partners", the series' Happy Valley); a company
            always may.
        helium3: True if a company sharing a base there earns helium-3 contracts.
    """

    key: str
    label: str
    milestone: str
    min_landings: str
    site: str = ""
    other_site: str = ""
    resource: str = ""
    joined_by_later_arrivals: bool = False
    helium3: bool = False


SURFACE_BODIES: dict[str, SurfaceBody] = {
    "moon": SurfaceBody(
        "moon", "the Moon", "lunar_base", "lunar_base_min_landings", "Shackleton crater",
        # Luna 24's site (1976), the Soviet programme's last lunar landing; the south pole's
        # ice (the series' reason for Jamestown at Shackleton) draws rivals there once known
        other_site="Mare Crisium", resource="lunar_water_ice", helium3=True,
    ),
    "mars": SurfaceBody(
        "mars", "Mars", "mars_base", "mars_base_min_landings", joined_by_later_arrivals=True
    ),
}  # fmt: skip
"""Bodies where bases stand, by key."""
