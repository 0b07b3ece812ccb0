"""The validated form of a scenario file. Plain frozen data; ``loader`` builds it from TOML."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

__all__ = ["AgencySpec", "Era", "PersonSpec", "Scenario", "ScriptedEvent", "VehicleRecordSpec"]


@dataclass(frozen=True)
class AgencySpec:
    """An agency as the scenario starts it.

    Attributes:
        key: Short key (``"nasa"``), the TOML table name under ``[agencies]``.
        name: Display name.
        kind: ``"state"`` or ``"private"``.
        country: ``"US"``, ``"SU"``, ``"KP"`` or ``"private"``.
        doctrine: ``"prestige"``, ``"science"``, ``"military"`` or ``"commercial"``.
        founded_year: First year the agency acts (Helios: late 1980s).
        budget_musd: Budget at the start, million USD per year; None = the catalog's real
            figure for the start year (NASA) or its derived estimate (Soviet program).
        capital_musd: Starting capital of a private agency, million USD.
        revenue_musd: Yearly revenue of a private agency at founding, million USD.
        support: Political support at the start (1.0 = the real level of the start year).
        goals: Milestone keys pursued, in order.
        capabilities: Program keys already complete at the start.
        programs: Program keys under way at the start.
        vehicles: Vehicle keys available at the start.
        training_facility: Where its crews train.
        policy: Built-in policy name (``"state"``, ``"private"``) or ``"external"``.
        funding: ``"appropriation"``, ``"planned"``, ``"private"`` or ``"secret"``
            (``world.agency.AgencyProfile``); default: ``"private"`` for a private agency,
            else ``"appropriation"``.
        public_firsts: False if its firsts are kept secret; default: False for secret
            funding, else True.
        superpower: True if it is one side of the superpowers' rivalry.
        crew_title: What its flyers are called (``"astronaut"``, ``"cosmonaut"``).
        nationality: Country code of its staff; default: its country.
        budget_source: Catalog series giving ``budget_musd`` when that is omitted
            (``catalog.budgets.BUDGET_SERIES``: ``"nasa-appropriation"``,
            ``"soviet-estimate"``), "" for none (a budget of 0).
        base_names: Body -> name of its first base there, as sorted (body, name) pairs.
        economy: Catalog series its budget grows with (``catalog.budgets.ECONOMY_SERIES``),
            "" for a budget constant in real terms.
        successor: Name a planned-economy agency carries on under if its state collapses
            ("" if its state is not modelled as able to fall).
        mission_names: Naming scheme of its flights (``catalog.mission_names``); default
            ``"generic"``: "<name> <kind label> <n>".
        patron: Key of the state agency that may hand it hardware (``sim.transfers``), ""
            for none.
    """

    key: str
    name: str
    kind: str
    country: str
    doctrine: str
    founded_year: int
    budget_musd: float | None = None
    capital_musd: float = 0.0
    revenue_musd: float = 0.0
    support: float = 1.0
    goals: tuple[str, ...] = ()
    capabilities: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()
    vehicles: tuple[str, ...] = ()
    training_facility: str = ""
    policy: str = "auto"
    funding: str = "appropriation"
    public_firsts: bool = True
    superpower: bool = False
    crew_title: str = "astronaut"
    nationality: str = ""
    budget_source: str = ""
    base_names: tuple[tuple[str, str], ...] = ()
    economy: str = ""
    successor: str = ""
    mission_names: str = "generic"
    patron: str = ""


@dataclass(frozen=True)
class PersonSpec:
    """A named person present at the start (the series' cast, or real people).

    Attributes:
        name: Full name.
        agency: Agency key.
        role: ``"astronaut"``, ``"cosmonaut"``, ``"engineer"`` or ``"administrator"``.
        nationality: Country code.
        born_year: Year of birth.
        skill: 0..1.
        canon: True for a character of the series (invented).
        note: Who they are in the story.
        sex: ``"female"`` or ``"male"`` ("" = unknown; the engine then looks the person up
            in the astronaut data set). The first woman on the Moon is a milestone.
        post: The career role held at the start, a row of the catalog's ``roles.csv``
            (``"commander"``); "" = ``role``.
        flights: Flights flown before the start (a canon character's record; real people
            get theirs from the astronaut data set).
    """

    name: str
    agency: str
    role: str
    nationality: str
    born_year: int
    skill: float = 0.7
    canon: bool = False
    note: str = ""
    sex: str = ""
    post: str = ""
    flights: int = 0


@dataclass(frozen=True)
class ScriptedEvent:
    """An outcome the scenario forces, marked as scripted in the log.

    Attributes:
        date: ISO date it happens.
        kind: ``"mission"`` (fly a mission with a forced outcome), ``"found_agency"``
            (an agency starts acting) or ``"note"`` (a line in the chronicle).
        agency: Agency key.
        mission: Mission type for ``kind = "mission"``.
        name: Mission name.
        crew: Crew names (must be people of the scenario).
        outcome: ``"success"`` or ``"failure"`` for missions.
        text: Chronicle text.
        line: Line in the scenario file (for messages), 0 if unknown.
    """

    date: str
    kind: str
    agency: str
    mission: str = ""
    name: str = ""
    crew: tuple[str, ...] = ()
    outcome: str = "success"
    text: str = ""
    line: int = 0


@dataclass(frozen=True)
class Era:
    """A chapter of the chronicle, as the series' time jumps.

    Attributes:
        key: Short key.
        title: Title (``"1983: The Cold War on the Moon"``).
        start_year: First year (inclusive).
        end_year: Last year (inclusive).
    """

    key: str
    title: str
    start_year: int
    end_year: int


@dataclass(frozen=True)
class VehicleRecordSpec:
    """A vehicle's flight record before the start as the scenario's world has it.

    The catalog's record is the real one (the GCAT launch log); a scenario whose divergence
    changes a vehicle's fortunes declares its record here (For All Mankind: the N1 works),
    with a note saying why. The engine's reliability belief starts from it.

    Attributes:
        key: Vehicle key.
        prior_successes: Successful flights before the start.
        prior_failures: Failed flights before the start.
        note: Why this world's record differs from the real one.
    """

    key: str
    prior_successes: int
    prior_failures: int
    note: str


@dataclass(frozen=True)
class Scenario:
    """A validated scenario.

    Attributes:
        name: Key (``"for-all-mankind"``).
        title: Display title.
        description: A paragraph.
        start: ISO start date (day 0 of the clock).
        end_year: Last year simulated (inclusive).
        divergence: What the scenario changes from real history ("" for none).
        focus: Agency key the chronicle follows most closely.
        agencies: Agencies by key.
        people: Named people at the start.
        scripted: Forced events, by date.
        eras: Chronicle chapters.
        mechanics: Overrides of the engine's invented constants, group -> name -> value
            (see ``world.mechanics``).
        source: Where it was read from (path or ``builtin:NAME``).
        vehicle_records: Vehicles whose record this world changes (``[vehicles.KEY]``).
        base_names: Body -> name of the first base there of an agency that names none,
            as sorted (body, name) pairs (the series' Happy Valley).
        space_market: Who buys material in space in this world: a key of
            ``catalog/data/space_markets.csv`` (``"series"``: the series' Mars and lunar
            bases and ships), or ``"none"`` (nobody: in-space prices are 0). Read by
            ``spacerace asteroids``; the engine does not read it yet.
    """

    name: str
    title: str
    description: str
    start: str
    end_year: int
    divergence: str
    focus: str
    agencies: Mapping[str, AgencySpec]
    people: tuple[PersonSpec, ...] = ()
    scripted: tuple[ScriptedEvent, ...] = ()
    eras: tuple[Era, ...] = ()
    mechanics: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    source: str = ""
    base_names: tuple[tuple[str, str], ...] = ()
    vehicle_records: tuple[VehicleRecordSpec, ...] = ()
    space_market: str = "none"

    @property
    def start_jd_tdb(self) -> float:
        """Day 0 of the clock, TDB Julian date."""
        from spacerace.astro.time import iso_to_jd_tdb

        return iso_to_jd_tdb(self.start)

    def content_hash(self) -> str:
        """Return a short SHA-256 of the scenario's content (not its source path)."""
        data = asdict(self)
        data.pop("source")
        if data["space_market"] == "none":  # added later: keep the hashes of the worlds
            data.pop("space_market")  # without a market (saved decision logs still match)
        for person in data["people"]:  # added later too: a person without them hashes as before
            for key, unset in (("post", ""), ("flights", 0)):
                if person[key] == unset:
                    person.pop(key)
        blob = json.dumps(data, sort_keys=True, default=list).encode()
        return hashlib.sha256(blob).hexdigest()[:16]
