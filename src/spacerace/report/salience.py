"""How much each event matters to the story: one row per kind of event, each with its reason.

The chronicle tells an era's events of weight ``TOLD`` or more in full (the terminal at most
``chronicle.TERMINAL_EVENT_LINES`` of them, the most salient first) and folds the rest into
sentences ("12 astronauts retired in these years", "NASA's budget rose from 5.0 to 7.8
billion dollars"). A row may narrow its kind by one data field (``when``: a failed launch
outweighs a good one); a scripted event weighs at least ``SCRIPTED`` (the story starts
there). Adding a kind of event is adding a row; a kind without a row weighs ``UNLISTED``.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass

from spacerace.world.event import Event

__all__ = [
    "SALIENCE",
    "SCRIPTED",
    "TOLD",
    "UNLISTED",
    "Salience",
    "salience_of",
    "weight_of",
]

TOLD = 50
"""Weight from which an event is told in full; below it, it is folded into a sentence."""

SCRIPTED = 90
"""Least weight of a scripted event: the scenario's divergence, where the story starts."""

UNLISTED = 30
"""Weight of a kind without a row: listed by ``--all``, folded in the story."""


@dataclass(frozen=True)
class Salience:
    """How much one kind of event matters, and how the story says it when it folds.

    Attributes:
        kind: Event kind (``Event.kind``).
        weight: 0-100; ``TOLD`` or more is told in full.
        reason: Why it weighs that much (the row's justification, shown in docs).
        when: ``(field, value)`` the event's data must hold for this row ("" field: any).
        noun: What one event is called when counted ("retirement", "cargo landing").
        nouns: The plural, where adding "s" is wrong ("spells of rationing"); "" otherwise.
        verb: ``(singular, plural)`` verb after the count ("retired", "were injured");
            empty: the count stands alone ("35 cargo landings").
        by_role: Count the events' people by role ("9 astronauts and 3 cosmonauts").
        headline: Template of an era title from this event (``{agency}``, ``{base}``,
            ``{verb}``, ``{people}``, ``{old}``, ``{new}``); "" never makes a title.
    """

    kind: str
    weight: int
    reason: str
    when: tuple[str, object] = ("", None)
    noun: str = ""
    _: KW_ONLY
    nouns: str = ""
    verb: tuple[str, str] = ("", "")
    by_role: bool = False
    headline: str = ""


_R = Salience
SALIENCE: tuple[Salience, ...] = (
    _R(
        "armed_clash",
        90,
        "shots fired on another world",
        noun="armed clash",
        nouns="armed clashes",
        headline="an armed clash at {base}",
    ),
    _R("scripted_note", 90, "the scenario's own words: where the story starts", noun="note"),
    _R("first_revealed", 75, "the world learns of a secret first", noun="revealed first"),
    _R(
        "independence_movement",
        80,
        "a base's people ask to govern themselves: the settlement outgrows its masters",
        noun="independence movement",
        headline="a movement for independence rose at {base}",
    ),
    _R(
        "alliance",
        75,
        "rivals agree to share a base: who pays and who commands",
        noun="alliance",
        headline="{base} became international",
    ),
    _R(
        "incident",
        70,
        "a riot: the base's society breaks down",
        ("incident", "riot"),
        "riot",
        headline="a riot at {base}",
    ),
    _R(
        "alliance_ended",
        55,
        "a shared base loses a partner",
        noun="alliance ended",
        nouns="alliances ended",
    ),
    _R("commander_replaced", 55, "a base's commander loses the post", noun="change of commander"),
    _R("union_formed", 55, "workers organise against their employer", noun="union"),
    _R(
        "incident",
        55,
        "workers down tools at a base",
        ("incident", "strike"),
        "strike",
    ),
    _R("strike_settled", 50, "a strike ends in a deal", noun="settled strike"),
    _R("strike_unsettled", 50, "an employer refuses the strikers", noun="refused strike"),
    _R(
        "career",
        70,
        "someone takes the head of an agency",
        ("move", "agency_head"),
        "new head",
        headline="{people} took the head of {agency}",
    ),
    _R(
        "career",
        65,
        "a company's founder founds it",
        ("move", "founder"),
        "founding by its founder",
    ),
    _R(
        "career",
        60,
        "someone takes over an agency's crew centre",
        ("move", "center_director"),
        "new centre director",
    ),
    _R(
        "career",
        55,
        "a flyer with a public first goes into politics",
        ("move", "politics_famous"),
        "move into politics",
        nouns="moves into politics",
    ),
    _R(
        "technology_transfer",
        55,
        "one program's hardware passes to another",
        noun="technology transfer",
    ),
    _R(
        "base_command",
        50,
        "who commands a base changes",
        noun="change of command",
        nouns="changes of command",
    ),
    _R(
        "milestone",
        100,
        "a first: what the race is run for",
        ("first", True),
        "first",
        headline="{agency} {verb}",
    ),
    _R(
        "milestone",
        45,
        "a repeat of someone else's first: news, not history",
        ("first", False),
        "repeated first",
    ),
    _R(
        "crew_lost",
        95,
        "people die in flight",
        noun="crew lost",
        nouns="crews lost",
        headline="{agency} lost {people} in flight",
    ),
    _R(
        "state_collapse",
        95,
        "the state behind a program falls",
        noun="fallen state",
        nouns="fallen states",
        headline="{old} fell; {new} carried on",
    ),
    _R(
        "base_founded",
        85,
        "a base is founded: people live off Earth",
        noun="base founded",
        nouns="bases founded",
        headline="{agency} founded {base}",
    ),
    _R(
        "agency_founded",
        80,
        "a new player enters the race",
        noun="agency founded",
        nouns="agencies founded",
        headline="{agency} entered the race",
    ),
    _R(
        "armed_standoff",
        80,
        "guns on another world",
        noun="armed standoff",
        headline="an armed standoff at {base}",
    ),
    _R(
        "base_deaths",
        75,
        "people die at a base",
        noun="death at a base",
        nouns="deaths at the bases",
    ),
    _R(
        "base_evacuated",
        75,
        "a base is given up",
        noun="evacuation",
        headline="{base} was evacuated",
    ),
    _R(
        "treaty",
        75,
        "former foes become partners",
        noun="treaty",
        headline="a space treaty was signed",
    ),
    _R(
        "death",
        70,
        "a death on the ground, in training",
        noun="death in training",
        nouns="deaths in training",
        headline="{people} died in training",
    ),
    _R("defection", 70, "a flyer changes sides", noun="defection"),
    _R(
        "site_seized",
        70,
        "a base's module is taken by force",
        noun="seizure",
        headline="{agency} seized part of {base}",
    ),
    _R("rescue", 70, "a crew saved from a failed mission", noun="rescue"),
    _R(
        "base_merged",
        65,
        "two bases become one",
        noun="merger",
        headline="{base} took in its rival",
    ),
    _R(
        "goal_abandoned",
        65,
        "a program gives up a goal",
        noun="goal abandoned",
        nouns="goals abandoned",
    ),
    _R(
        "chief_designer",
        60,
        "the Soviet program's chief changes",
        noun="change of Chief Designer",
        nouns="changes of Chief Designer",
    ),
    _R(
        "base_joined",
        60,
        "a base becomes shared",
        noun="partner joining a base",
        nouns="partners joining bases",
    ),
    _R("backed_down", 60, "a confrontation ends without force", noun="climb-down"),
    _R("deescalation", 60, "a standoff ends", noun="de-escalation"),
    _R("front_opened", 60, "rival bases within sight of each other", noun="rival front"),
    _R("asteroid_delivered", 60, "an asteroid's riches arrive", noun="asteroid delivery"),
    _R(
        "mission_failed",
        30,
        "a mission never leaves: its crew is grounded",
        ("phase", "scrubbed"),
        "mission",
        verb=("was scrubbed", "were scrubbed"),
    ),
    _R("mission_failed", 55, "a mission is lost, with or without its crew", noun="failed mission"),
    _R("purge", 55, "the KGB dismisses people", noun="purge"),
    _R("front_closed", 55, "the rival front closes", noun="front closed", nouns="fronts closed"),
    _R("lunar_dispute", 55, "a quarrel over a site", noun="dispute"),
    _R("lunar_claim", 55, "an agency resolves to build beside a rival's base", noun="claim"),
    _R("dispute_settled", 55, "a quarrel ends", noun="settled dispute"),
    _R("politburo", 50, "the Politburo refuses a program", ("outcome", "refused"), "refusal"),
    _R(
        "politburo",
        25,
        "the Politburo sends a program back",
        ("outcome", "delayed"),
        "proposal sent back",
        nouns="proposals sent back",
        verb=("was sent back by the Politburo", "were sent back by the Politburo"),
    ),
    _R(
        "politburo",
        10,
        "the Politburo approves, as it usually does",
        ("outcome", "approved"),
        "proposal",
        verb=("was approved by the Politburo", "were approved by the Politburo"),
    ),
    _R("leader", 50, "a new leader in the Kremlin", noun="new leader"),
    _R("discovery", 50, "something found on another world", noun="discovery"),
    _R(
        "station_launched",
        50,
        "a station goes up",
        noun="station launched",
        nouns="stations launched",
    ),
    _R(
        "program_completed",
        45,
        "hardware is ready: what it enables is the story",
        noun="program",
        verb=("was completed", "were completed"),
    ),
    _R("election", 45, "the White House changes hands or not", noun="election"),
    _R("launch", 40, "a launch fails", ("success", False), "launch", verb=("failed", "failed")),
    _R("shock", 40, "the economy strikes the budgets", noun="economic shock"),
    _R(
        "incident",
        40,
        "sabotage or a stoppage at a base",
        noun="incident at a base",
        nouns="incidents at the bases",
    ),
    _R(
        "station_retired",
        40,
        "a station comes down",
        noun="station",
        verb=("left orbit", "left orbit"),
    ),
    _R(
        "program_abandoned",
        45,
        "a station is lost at launch with no rocket left to fly another",
        noun="program abandoned",
        nouns="programs abandoned",
    ),
    _R(
        "vehicle_retired",
        40,
        "a rocket's production run is flown out: an era's hardware ends",
        noun="rocket retired",
        nouns="rockets retired",
    ),
    _R("grounded", 35, "flights stop after an accident", noun="grounding"),
    _R(
        "rationing",
        35,
        "a base runs short",
        noun="spell of rationing",
        nouns="spells of rationing",
        verb=("began", "began"),
    ),
    _R(
        "program_started",
        30,
        "a program starts: its end is the news",
        noun="program",
        verb=("was started", "were started"),
    ),
    _R("evacuation_refused", 25, "a base is kept against advice", noun="refused evacuation"),
    _R(
        "injury",
        20,
        "a flyer is hurt in training",
        noun="person",
        verb=("was injured in training", "were injured in training"),
        by_role=True,
    ),
    _R("birth", 20, "a child born off Earth", noun="birth at a base", nouns="births at the bases"),
    _R(
        "mission_success",
        15,
        "a mission works as planned",
        noun="mission",
        verb=("ended well", "ended well"),
    ),
    _R("resupply_lost", 15, "a cargo flight is lost", noun="lost cargo flight"),
    _R("breakdown", 15, "a module breaks and is mended", noun="breakdown"),
    _R("supply_refused", 15, "a supplier says no", noun="refused supply"),
    _R(
        "career",
        14,
        "an engineer starts directing flights",
        ("move", "flight_director"),
        "person",
        verb=("became a flight director", "became flight directors"),
        by_role=True,
    ),
    _R(
        "career",
        13,
        "a flyer goes into politics",
        ("move", "politics"),
        "person",
        verb=("went into politics", "went into politics"),
        by_role=True,
    ),
    _R(
        "career",
        12,
        "a flyer's first command: routine, counted",
        noun="person",
        verb=("took a first command", "took their first command"),
        by_role=True,
    ),
    _R("budget", 10, "a budget line, every year: folded into its trend", noun="budget"),
    _R(
        "recruitment",
        10,
        "a class of new flyers",
        noun="new class",
        verb=("was selected", "were selected"),
    ),
    _R("alliance_refused", 30, "an agency declines to share a base", noun="refused alliance"),
    _R(
        "command_rotated",
        8,
        "command changes hands by turn: routine",
        noun="handover of command",
        nouns="handovers of command",
    ),
    _R("support", 10, "public support moves", noun="change of support", nouns="changes of support"),
    _R("incident_over", 10, "an incident ends", noun="incident ended", nouns="incidents ended"),
    _R(
        "launch_sold",
        8,
        "business between agencies",
        noun="sale of launches",
        nouns="sales of launches",
    ),
    _R(
        "company_books",
        8,
        "a company's yearly accounts",
        noun="set of yearly accounts",
        nouns="sets of yearly accounts",
        verb=("was closed", "were closed"),
    ),
    _R(
        "launch",
        5,
        "a launch works: routine",
        ("success", True),
        "launch",
        verb=("succeeded", "succeeded"),
    ),
    _R(
        "retirement",
        5,
        "a flyer retires: routine, counted",
        noun="person",
        verb=("retired", "retired"),
        by_role=True,
    ),
    _R("resupply", 5, "cargo lands at a base: routine", noun="cargo landing"),
    _R("stability", 5, "a yearly report on the state", noun="stability report"),
    _R("prestige", 5, "a yearly tally of an agency's prestige", noun="prestige tally"),
    _R("surveillance", 5, "a yearly report on the KGB's watch", noun="surveillance report"),
)
"""Every kind of event with its weight and reason, heaviest first; narrower rows first."""

_BY_KIND: dict[str, tuple[Salience, ...]] = {}
for _row in SALIENCE:
    _BY_KIND[_row.kind] = (*_BY_KIND.get(_row.kind, ()), _row)
del _row


def salience_of(event: Event) -> Salience:
    """Return the row that weighs ``event``: its kind's row whose ``when`` the data holds.

    Example:
        >>> salience_of(Event(0.0, "launch", "nasa", "", data={"success": False})).weight
        40
        >>> salience_of(Event(0.0, "retirement", "nasa", "")).noun
        'person'
    """
    rows = _BY_KIND.get(event.kind, ())
    for row in rows:
        field, value = row.when
        if not field or event.data.get(field, _default(event.kind, field)) == value:
            return row
    return Salience(event.kind, UNLISTED, "a kind without a row", noun=event.kind.replace("_", " "))


def weight_of(event: Event) -> int:
    """Return an event's weight, 0-100: its row's, raised to ``SCRIPTED`` when scripted."""
    weight = salience_of(event).weight
    return max(weight, SCRIPTED) if event.scripted else weight


def _default(kind: str, field: str) -> object:
    """What a missing field means: a milestone is a first and a launch works unless told."""
    return {("milestone", "first"): True, ("launch", "success"): True}.get((kind, field))
