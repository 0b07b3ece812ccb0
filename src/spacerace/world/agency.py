"""Agencies: state programs funded by politics, private companies funded by capital."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacerace.world.apparatus import Apparatus
from spacerace.world.company import Company

__all__ = ["FUNDING", "Agency", "AgencyProfile", "MissionNumbers", "ProgramProgress"]

FUNDING = ("appropriation", "planned", "private", "secret")
"""How an agency gets its money (see :class:`AgencyProfile`)."""


@dataclass(frozen=True)
class AgencyProfile:
    """How an agency behaves, declared in the scenario (``docs/scenarios.md``).

    Attributes:
        funding: ``"appropriation"`` (a legislature votes its budget from political
            support, which elections shift and which falls once its race is won),
            ``"planned"`` (a planned economy: support from the leadership, decisions wait
            for approval, a delay that grows with stagnation and that a new leader cuts),
            ``"private"`` (capital, revenue and investors) or ``"secret"`` (a secret state:
            the leadership funds it as a planned economy does, without the approval queue).
        public_firsts: False if its firsts are kept secret (recorded, not announced).
        superpower: True if it is one side of the superpowers' rivalry (``World.rivalry``):
            its rival is the other side's agency; treaties, joint bases and defections are
            between the two sides.
        crew_title: What its flyers are called (``"astronaut"``, ``"cosmonaut"``).
        nationality: Country code of the staff it sends to bases.
        base_names: Body -> name of its first base there (the scenario's default names
            and then "<agency> <Body> Base" where it gives none).
        economy: The catalog series its budget grows with (``catalog.budgets.ECONOMY_SERIES``:
            ``"us-federal-outlays"``, the legislature's whole budget; ``"soviet-gnp"``, the
            planned economy's output), "" for a budget constant in real terms.
        successor: Name it carries on under if the state behind it collapses (a planned
            economy's; ``sim.regime``), "" if it is not modelled as able to fall.
        mission_names: The naming scheme of its flights (``catalog.mission_names``:
            ``"nasa"`` names them Apollo, Skylab, STS ...); ``"generic"`` names them
            "<agency> <kind label> <n>".
        patron: Key of the state agency that may hand it hardware, "" for none: a client
            state gets the designs and launchers of ``catalog.transfers`` from its patron
            when the rivalry runs high and the patron races for the same goal
            (``sim.transfers``; the series' North Korean program flies Soviet-derived
            hardware).
    """

    funding: str = "appropriation"
    public_firsts: bool = True
    superpower: bool = False
    crew_title: str = "astronaut"
    nationality: str = ""
    base_names: tuple[tuple[str, str], ...] = ()
    economy: str = ""
    successor: str = ""
    mission_names: str = "generic"
    patron: str = ""

    @property
    def is_legislated(self) -> bool:
        """True if a legislature appropriates its budget."""
        return self.funding == "appropriation"

    @property
    def is_planned(self) -> bool:
        """True if a planned economy funds it with approval delays."""
        return self.funding == "planned"

    @property
    def answers_to_leadership(self) -> bool:
        """True if its support follows the leadership of a one-party state."""
        return self.funding in ("planned", "secret")


@dataclass
class ProgramProgress:
    """A development program under way (hardware or capability).

    Attributes:
        key: Program key from the catalog (``"lunar_base_modules"``).
        spent_musd: Money spent so far, million USD (then-year).
        started_day: Day the program started (days since scenario start).
        test_flights: Test flights flown so far.
        funded_day: Day it last received money (days since scenario start).
        completion_due: True once it is paid for and only waits for its shortest duration
            (or its test flights) to end.
    """

    key: str
    spent_musd: float = 0.0
    started_day: float = 0.0
    test_flights: int = 0
    funded_day: float = 0.0
    completion_due: bool = False


@dataclass
class MissionNumbers:
    """The numbers an agency's naming scheme has given so far, by counter.

    Attributes:
        last: Counter key (``"apollo"``) -> the last number given.
    """

    last: dict[str, int] = field(default_factory=dict)

    def take(self, counter: str, first: int) -> int:
        """Give the counter's next number (``first`` the first time) and remember it.

        Example:
            >>> numbers = MissionNumbers()
            >>> numbers.take("apollo", 11), numbers.take("apollo", 11), numbers.take("sts", 1)
            (11, 12, 1)
        """
        number = max(self.last.get(counter, first - 1) + 1, first)
        self.last[counter] = number
        return number


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
        profile: How it is funded, whether its firsts are public, its side.
        fleet: Vehicle keys it can launch.
        achieved: Milestone keys it has achieved (first or not).
        announced: Milestones whose later achievement ("... too") was told.
        last_flown: Mission kind -> planned departure day of its last mission of that kind.
        mission_count: Missions it has committed to (numbers its missions' ids).
        numbers: What its naming scheme's counters have given (Apollo 11, 12, ...).
        crew_lost: People lost in its flights and at its bases, cumulative.
        landing_sites: Body -> ids of its missions that landed at a site there.
        support_shift: Lasting shift of its target support (elections, propaganda firsts).
        race_won: True once it won the race it set out to win (its first goal, first).
        race_lost: True once it gave up the race it set out to win (its first goal).
        flight_sets: Program key -> flight sets of that program's hardware still unflown
            (``ProgramSpec.units``: the Apollo landers a lunar landing uses up).
        retired: Completed programs whose hardware is gone (a station out of orbit): still
            known (prerequisites stay met), no longer flown to, never built again.
        studies: Program key -> day its definition studies began (the first fiscal-year
            decision at which it could be proposed; ``ProgramSpec.definition_years``), for
            programs that need them (``sim.programs.begin_studies``).
        company: A private agency's books and owners (``world.company``), None for a state.
        militarisation: 0 (civilian) .. 1 (armed) on the Moon, from answering a seizure by
            force (``sim.lunar_front``); a ``military`` doctrine counts as 1 from the start.
        claims: Body -> its answer when asked whether to build beside a rival's base for
            the resource there (``sim.lunar_front``: water ice known at the rival's site);
            asked once per body.
        cargo_craft_built: Cargo craft (one a cargo launch for a base) the agency has flown:
            their count sets the next one's cost on its learning curve
            (``sim.base_logistics.craft_learning_factor``).
        apparatus: The Politburo, KGB and Chief Designer of a ``planned`` agency
            (``sim.soviet_politics``); None for every other funding.
        prestige_sources: What ``prestige`` was made of: source -> points gained or lost
            (``gain_prestige``; the yearly ``prestige`` event's breakdown).
        seats: Holder of each one-seat role of the catalog's ``roles.csv`` (``agency_head``,
            ``center_director``), "" while someone outside the named people holds it, no
            key while it is free (``sim.careers``).
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
    profile: AgencyProfile = field(default_factory=AgencyProfile)
    fleet: set[str] = field(default_factory=set)
    achieved: set[str] = field(default_factory=set)
    announced: set[str] = field(default_factory=set)
    last_flown: dict[str, float] = field(default_factory=dict)
    mission_count: int = 0
    numbers: MissionNumbers = field(default_factory=MissionNumbers)
    crew_lost: int = 0
    landing_sites: dict[str, list[str]] = field(default_factory=dict)
    support_shift: float = 0.0
    race_won: bool = False
    race_lost: bool = False
    flight_sets: dict[str, int] = field(default_factory=dict)
    retired: set[str] = field(default_factory=set)
    studies: dict[str, float] = field(default_factory=dict)
    company: Company | None = None
    militarisation: float = 0.0
    claims: dict[str, bool] = field(default_factory=dict)
    apparatus: Apparatus | None = None
    cargo_craft_built: int = 0
    seats: dict[str, str] = field(default_factory=dict)
    prestige_sources: dict[str, float] = field(default_factory=dict)

    def gain_prestige(self, amount: float, source: str) -> None:
        """Add ``amount`` (negative: a loss) to ``prestige``, booked under ``source``.

        Example:
            >>> a = Agency("x", "X", "state", "US", "prestige", 1958, 1.0, 1.0)
            >>> a.gain_prestige(3.0, "firsts"); a.gain_prestige(-1.0, "crews lost")
            >>> a.prestige, a.prestige_sources
            (2.0, {'firsts': 3.0, 'crews lost': -1.0})
        """
        self.prestige += amount
        self.prestige_sources[source] = self.prestige_sources.get(source, 0.0) + amount

    @property
    def trades(self) -> bool:
        """False once a company has gone bankrupt (a state agency always acts)."""
        return self.company is None or self.company.trades

    @property
    def racing(self) -> bool:
        """True while its race is on: its money goes to goals first, at crash rates.

        A legislature's race ends when it is won (Congress funded Apollo to beat the
        Soviets, not to go on); any agency's ends when it gives its first goal up. A
        one-party state that won goes on racing for propaganda.
        """
        return not (self.race_lost or (self.race_won and self.profile.is_legislated))

    @property
    def is_private(self) -> bool:
        """True for a company living on capital rather than appropriations."""
        return self.kind == "private"

    def gain(self, program: str, units: int = 0) -> None:
        """Hold a completed program: its capability, and its flight sets if it buys any."""
        self.capabilities.add(program)
        self.programs.pop(program, None)
        if units:
            self.flight_sets[program] = units

    def is_grounded(self, day: float) -> bool:
        """True while crewed flights are halted after a loss of crew."""
        return day < self.grounded_until_day
