"""Bases on the Moon and Mars: modules, stocks with their ledger, residents and tension.

Plain data: the engine's base process (``sim.bases``) changes it, the pure functions of
``world.life_support`` and ``world.tension`` say by how much. Every kilogram that enters or
leaves a stock goes through :meth:`Base.credit` or :meth:`Base.debit` with an entry of the
ledger, so the mass balance can be checked at any moment (:meth:`Base.balance_error_kg`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from spacerace.world.tension import TensionDrivers

__all__ = ["Alliance", "Base", "Employment", "ModuleUnit", "CREDITS", "DEBITS", "STOCKS"]

STOCKS = ("oxygen_kg", "water_kg", "food_kg", "spares_kg")
"""The stocks a base keeps, kg."""
CREDITS = ("produced", "delivered", "transferred_in")
"""Ledger entries that add to a stock."""
DEBITS = ("consumed", "surplus", "transferred_out", "lost")
"""Ledger entries that take from a stock (``surplus``: beyond storage, used as propellant)."""


@dataclass
class ModuleUnit:
    """One module standing at a base.

    Attributes:
        kind: Module kind (``catalog.base_modules``).
        installed_day: Day it was landed (days since scenario start).
        operator: Agency key that runs it (a company's mine is worked by its people).
        offline_until: Day it works again (``inf`` until repaired with spare parts).
        held_by: Agency key of a faction holding it, "" if none.
    """

    kind: str
    installed_day: float
    operator: str
    offline_until: float = 0.0
    held_by: str = ""

    def works(self, day: float) -> bool:
        """True if it produces on ``day``: not broken, struck or seized."""
        return day >= self.offline_until and not self.held_by


@dataclass(frozen=True)
class Employment:
    """The terms an employer gives its people at a base (a company's workers).

    Attributes:
        pay_musd_per_year: What it pays a year for one employee there, M$ (then-year),
            overhead included.
        hours_per_week: Hours its people work a week there.
        since_day: Day the terms were set (days since the start).
    """

    pay_musd_per_year: float
    hours_per_week: float
    since_day: float = 0.0


@dataclass
class Alliance:
    """An agreement that makes a base international: who pays, who decides, who builds.

    The series' M-7 alliance of 1997: Happy Valley under command rotating between NASA and
    the Soviet program, Helios its sole contractor. Signed by the state agencies that chose
    to join (``sim.base_agreements``, the ``join_alliance`` question).

    Attributes:
        members: State agency keys that signed, sorted.
        shares: Member key -> share of the base's costs it pays (consumables and modules),
            summing to 1: by each member's yearly budget when it signed (who pays follows
            means, as the ISS partners' shares did).
        contractor: Key of the one company that builds and runs the base's mines and
            plants ("" for none); other companies' contracts end.
        signed_day: Day signed (days since the start).
        term_days: Days of one command term (one staff tour: command changes hands with
            the crews).
        holder: Member key whose turn it is to command now.
    """

    members: tuple[str, ...]
    shares: dict[str, float]
    contractor: str
    signed_day: float
    term_days: float
    holder: str

    def holder_on(self, day: float) -> str:
        """Member whose turn it is on ``day``: terms of ``term_days`` in the members' order.

        Example:
            >>> shares = {"nasa": 0.6, "soviet": 0.4}
            >>> a = Alliance(("nasa", "soviet"), shares, "", 0.0, 780.0, "nasa")
            >>> a.holder_on(100.0), a.holder_on(800.0), a.holder_on(1600.0)
            ('nasa', 'soviet', 'nasa')
        """
        turn = int(max(0.0, day - self.signed_day) // self.term_days)
        return self.members[turn % len(self.members)]


@dataclass
class Base:
    """A crewed base.

    Attributes:
        name: Name (``"Jamestown"``).
        body: ``"moon"`` or ``"mars"``.
        founder: Agency key that founded it.
        agencies: Agency keys that share it (international when more than one).
        founded_day: Day founded (days since scenario start).
        residents: Names of the people living there now.
        units: The modules standing there.
        stocks: kg by stock key (:data:`STOCKS`).
        ledger: Stock key -> ledger entry -> kg since founding (plus ``"initial"``).
        site: Where it stands (``"Shackleton crater"``).
        abandoned_day: Day abandoned, if it was.
        tours: Resident name -> day their tour ends (crews leave with their mission).
        command: Who decides: the founder's key, or ``"joint"`` once two state agencies
            share it by agreement.
        tension: 0 (calm) .. 1 (open conflict) between the groups of residents.
        drivers: The tension drivers of the last monthly step (None while empty): what
            explains its tension (``world.tension.tension_terms``).
        morale: Employer key -> 0..1.
        incident_memory: Recent incidents, each worth 1 and fading (e-fold a year).
        rationing: True while food and water are rationed.
        evacuating_day: Day the residents leave, once evacuation is decided.
        starving_days: Days residents have gone without food.
        deaths: People who died at the base.
        births: Children born at the base.
        next_supply_day: Day the next resupply order is placed.
        in_transit_kg: Stock key -> kg on their way (ordered, not yet landed).
        modules_en_route: Module kind -> modules ordered and flying, not yet landed or lost
            (the next order plans with them: they land before it does).
        staff_en_route: Newcomers ordered and flying, not yet arrived or lost.
        work_factor: Share of production while a work stoppage lasts, 0..1.
        work_factor_until: Day the stoppage ends.
        employment: Employer key -> the terms its people work on here (set for a company
            when its workers first arrive; ``sim.company`` pays them).
        alliance: The agreement that shares it, or None (``command`` is then ``"joint"``).
        commander: Name of the resident in command (of the commanding agency), "" if none.
        arrived: Resident name -> day they came to live there (exactly the residents).
        grievance: Strikes left unsettled, each worth 1 and fading (e-fold a year).
        unions: Company keys whose workers here have unionised.
        independence: Residents' support for independence, 0..1.
        movement_day: Day an independence movement declared itself, None if none has.
        council: True once the commands granted the residents a council.
        order_cost_musd: What the last resupply order cost its payers, M$ (then-year).
        next_offer_day: Day an alliance may next be offered (``sim.base_agreements``).
    """

    name: str
    body: str
    founder: str
    agencies: list[str]
    founded_day: float
    residents: list[str] = field(default_factory=list)
    units: list[ModuleUnit] = field(default_factory=list)
    stocks: dict[str, float] = field(default_factory=dict)
    ledger: dict[str, dict[str, float]] = field(default_factory=dict)
    site: str = ""
    abandoned_day: float | None = None
    tours: dict[str, float] = field(default_factory=dict)
    command: str = ""
    tension: float = 0.0
    drivers: TensionDrivers | None = None
    morale: dict[str, float] = field(default_factory=dict)
    incident_memory: float = 0.0
    rationing: bool = False
    evacuating_day: float | None = None
    starving_days: float = 0.0
    deaths: int = 0
    births: int = 0
    next_supply_day: float = 0.0
    in_transit_kg: dict[str, float] = field(default_factory=dict)
    modules_en_route: dict[str, int] = field(default_factory=dict)
    staff_en_route: int = 0
    work_factor: float = 1.0
    work_factor_until: float = 0.0
    employment: dict[str, Employment] = field(default_factory=dict)
    alliance: Alliance | None = None
    commander: str = ""
    arrived: dict[str, float] = field(default_factory=dict)
    grievance: float = 0.0
    unions: list[str] = field(default_factory=list)
    independence: float = 0.0
    movement_day: float | None = None
    council: bool = False
    order_cost_musd: float = 0.0
    next_offer_day: float = 0.0
    _modules_of: tuple[list[ModuleUnit], int, dict[str, int]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    """``modules`` as last counted: (the units list, its length then, the counts)."""
    roster_version: int = field(default=0, init=False, repr=False, compare=False)
    """Bumped whenever ``residents`` changes (``sim.bases.arrive`` and ``depart``, a
    company's bankruptcy): the residents' head counts (``sim.base_society.roster``) are
    kept until it moves or someone changes agency."""
    roster_counts: tuple | None = field(default=None, init=False, repr=False, compare=False)
    """The head counts as last taken: ((roster_version, the run's agency changes), residents
    by employer key sorted by key, children)."""

    def __post_init__(self) -> None:
        self.command = self.command or self.founder
        for stock in STOCKS:
            start = self.stocks.setdefault(stock, 0.0)
            entry = self.ledger.setdefault(stock, {})
            entry.setdefault("initial", start)
            for name in CREDITS + DEBITS:
                entry.setdefault(name, 0.0)

    @property
    def population(self) -> int:
        """People living there now."""
        return len(self.residents)

    @property
    def is_international(self) -> bool:
        """True when more than one agency shares it."""
        return len(self.agencies) > 1

    @property
    def modules(self) -> dict[str, int]:
        """Module kinds and counts (``{"habitat": 2}``), sorted by kind (a new dict).

        Counted again only when ``units`` changed: modules are added, never removed, and a
        unit's kind never changes, so the list and its length say whether the count holds.
        """
        return dict(self._module_counts())

    def module_count(self, kind: str) -> int:
        """Modules of one kind standing there (as ``modules.get(kind, 0)``, without a copy)."""
        return self._module_counts().get(kind, 0)

    def _module_counts(self) -> dict[str, int]:
        cached = self._modules_of
        if cached is None or cached[0] is not self.units or cached[1] != len(self.units):
            counts: dict[str, int] = {}
            for unit in self.units:
                counts[unit.kind] = counts.get(unit.kind, 0) + 1
            cached = self._modules_of = (self.units, len(self.units), dict(sorted(counts.items())))
        return cached[2]

    @property
    def lead(self) -> str:
        """The agency that acts for the base: its command, or the alliance's holder of command."""
        if self.alliance is not None:
            return self.alliance.holder
        return self.founder if self.command == "joint" else self.command

    @property
    def is_occupied(self) -> bool:
        """True while anyone lives there."""
        return bool(self.residents)

    def credit(self, stock: str, kg: float, entry: str) -> None:
        """Add ``kg`` (>= 0) to a stock under a credit entry of the ledger."""
        if entry not in CREDITS or not 0.0 <= kg < math.inf:  # refuses nan and inf too
            raise ValueError(f"credit {stock} {kg!r} kg as {entry!r}")
        self.stocks[stock] += kg
        self.ledger[stock][entry] += kg

    def debit(self, stock: str, kg: float, entry: str) -> float:
        """Take up to ``kg`` (>= 0) from a stock under a debit entry; returns kg taken.

        A stock never goes below zero: what is not there is not taken.
        """
        if entry not in DEBITS or not 0.0 <= kg < math.inf:  # refuses nan and inf too
            raise ValueError(f"debit {stock} {kg!r} kg as {entry!r}")
        taken = min(kg, self.stocks[stock])
        self.stocks[stock] -= taken
        self.ledger[stock][entry] += taken
        return taken

    def balance_error_kg(self, stock: str) -> float:
        """Initial + credits - debits - stock, kg: zero when no mass appeared or vanished."""
        entry = self.ledger[stock]
        expected = entry["initial"] + sum(entry[n] for n in CREDITS)
        expected -= sum(entry[n] for n in DEBITS)
        return expected - self.stocks[stock]
