"""Voices: a first told by the agencies' own press, and a secret first told twice.

Who speaks, and how, is a row per funding profile (:data:`PRESS`): a legislated agency
issues a news release, a planned economy's first is Pravda's (the state press of its
country, :data:`STATE_PRESS`), a company issues a press release, a secret program says
nothing until its first is revealed. A public first gets its agency's line and its rival's
(the other side of the superpowers' rivalry), where there is one; the official first after a
secret one gets the official line and the true one. Nothing here is written per scenario:
the agency's profile, country and the run's milestones decide.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacerace.astro.time import iso_to_jd_tdb, jd_tdb_to_iso
from spacerace.sim.result import RunResult
from spacerace.world.event import Event
from spacerace.world.wording import (
    capital,
    first_phrase,
    join_names,
    long_date,
    milestone_label,
    subject,
)

__all__ = ["PRESS", "STATE_PRESS", "Press", "Voice", "voices_for"]


@dataclass(frozen=True)
class Press:
    """How one funding profile's press speaks of a first.

    Attributes:
        funding: ``AgencyProfile.funding`` (``"appropriation"``, ``"planned"``...).
        outlet: Who speaks (``{agency}``: its name; ``{state}``: its country's state press).
        own: Its line on its own first (``{Agency}``, ``{agency}``, ``{first}``,
            ``{people}``, ``{adj}``, ``{label}``, ``{date}``).
        rival: Its line on the rival's first (``{rival}`` too); "" keeps silent.
        reason: Why it speaks so.
    """

    funding: str
    outlet: str
    own: str
    rival: str
    reason: str


PRESS: tuple[Press, ...] = (
    Press(
        "appropriation",
        "{agency} news release",
        '"Today {agency} {first}{people}. We thank the crew and everyone who made it possible."',
        '"{Agency} congratulates {rival} on the {label}. Our own program goes on."',
        "an agency that answers to a legislature reports, thanks and asks for more",
    ),
    Press(
        "planned",
        "{state}",
        '"A new victory for {adj} science: {agency} {first}{people}."',
        '"The {label} by {rival} changes nothing: the {adj} program keeps to its own plan."',
        "the state press of a planned economy: triumph, and the rival's news played down",
    ),
    Press(
        "private",
        "{agency} press release",
        '"{Agency} {first}{people}: a company has done it."',
        "",
        "a company tells its customers and investors; it does not comment on states",
    ),
    Press(
        "secret",
        "{state}",
        '"It can now be told: {agency} achieved the {label}{people} on {date}, before anyone."',
        "",
        "a secret program speaks only once its first is out",
    ),
)
"""One row per funding profile; a profile without a row is silent."""

STATE_PRESS = {"SU": "Pravda", "KP": "KCNA", "RU": "TASS"}
"""Country code -> the state press a planned or secret program's news comes from (Pravda,
the Party's daily; KCNA, North Korea's state news agency; TASS, Russia's); other countries:
"the state press"."""

ADJECTIVES = {"SU": "Soviet", "KP": "Korean", "RU": "Russian", "US": "American", "CN": "Chinese"}
"""Country code -> its adjective; other countries: "national"."""


@dataclass(frozen=True)
class Voice:
    """One line of the press on an event.

    Attributes:
        outlet: Who speaks ("Pravda", "NASA news release", "The record").
        date: ISO date of the line.
        text: What it says (a quotation, or the record's plain words).
        side: ``"own"``, ``"rival"``, ``"official"`` or ``"true"``.
    """

    outlet: str
    date: str
    text: str
    side: str

    @property
    def line(self) -> str:
        """``outlet: text`` as the chronicle prints it."""
        return f"{self.outlet}: {self.text}"


def voices_for(result: RunResult, e: Event) -> list[Voice]:
    """The press lines an event gets (none for most).

    A public first gets its own agency's line and its rival's; an official first after a
    secret one gets the official line and the true one.
    """
    if e.kind != "milestone" or not e.agency:
        return []
    key = str(e.data.get("milestone", ""))
    true = result.milestones.get(key)
    if true is None:
        return []
    date = jd_tdb_to_iso(result.start_jd_tdb + e.day)[:10]
    if e.data.get("official"):
        return _official_and_true(result, e, key, date)
    if true.secret and e.data.get("first", True) and e.agency == true.agency:
        return _secret_first(result, e, key, date)
    if not e.data.get("first", True) or true.secret:
        return []
    voices = []
    own = _say(result, e.agency, "own", key, e.actors, date)
    if own:
        voices.append(Voice(_outlet(result, e.agency, e.day), date, own, "own"))
    rival = _rival_of(result, e.agency)
    if rival:
        said = _say(result, rival, "rival", key, e.actors, date, about=e.agency)
        if said:
            voices.append(Voice(_outlet(result, rival, e.day), date, said, "rival"))
    return voices


def _secret_first(result: RunResult, e: Event, key: str, date: str) -> list[Voice]:
    """A first kept secret, told twice: what the world was told, and what happened."""
    official = result.world.public_firsts.get(key)
    true = result.milestones[key]
    if official is not None and official is not true and official.agency != true.agency:
        when = jd_tdb_to_iso(result.start_jd_tdb + official.day)[:10]
        said = _say(result, official.agency, "own", key, tuple(official.people), when)
        voices = [Voice(_outlet(result, official.agency, official.day), when, said, "official")]
    else:
        nobody = f"As far as the world knows, nobody has made the {milestone_label(key)} yet."
        voices = [Voice("The world", date, nobody, "official")]
    return voices + _true(result, key, date)


def _official_and_true(result: RunResult, e: Event, key: str, date: str) -> list[Voice]:
    official = _say(result, e.agency, "own", key, e.actors, date)
    voices = (
        [Voice(_outlet(result, e.agency, e.day), date, official, "official")] if official else []
    )
    return voices + _true(result, key, date)


def _true(result: RunResult, key: str, date: str) -> list[Voice]:
    """The true first: its program's own line once revealed, else the record's plain words."""
    true = result.milestones[key]
    when = long_date(jd_tdb_to_iso(result.start_jd_tdb + true.day)[:10])
    if true.revealed_day is not None:
        revealed = jd_tdb_to_iso(result.start_jd_tdb + true.revealed_day)[:10]
        said = _say(result, true.agency, "own", key, tuple(true.people), revealed, when=when)
        if said:
            outlet = _outlet(result, true.agency, true.revealed_day)
            return [Voice(outlet, revealed, said, "true")]
    who = join_names(true.people)
    name = _name(result, true.agency, true.day)
    plain = f"{who} of {name}" if who else capital(name)
    known = "" if true.revealed_day is not None else "; the world does not know it yet"
    return [Voice("The record", date, f"{plain} did it on {when}, in secret{known}.", "true")]


def _press(result: RunResult, key: str) -> Press | None:
    funding = result.world.agencies[key].profile.funding
    return next((p for p in PRESS if p.funding == funding), None)


def _successor(result: RunResult, key: str, day: float) -> str:
    """The name an agency carries on under on ``day`` after its state fell, else ""."""
    from spacerace.report._agencies import agency_name

    now = agency_name(result, key, day)
    spec = result.scenario.agencies.get(key)
    return now if spec is not None and now != spec.name else ""


def _outlet(result: RunResult, key: str, day: float) -> str:
    press = _press(result, key)
    agency = result.world.agencies[key]
    successor = _successor(result, key, day)
    if successor:  # the old state's press fell with it
        return f"{successor} press service"
    state = STATE_PRESS.get(agency.country, "the state press")
    return capital((press.outlet if press else "{agency}").format(agency=agency.name, state=state))


def _adjective(result: RunResult, key: str, day: float) -> str:
    successor = _successor(result, key, day)
    if successor:  # "Russian Space Agency" -> "Russian"
        return successor.split()[0]
    return ADJECTIVES.get(result.world.agencies[key].country, "national")


def _name(result: RunResult, key: str, day: float) -> str:
    from spacerace.report._agencies import agency_name

    return subject(agency_name(result, key, day))


def _say(result, key, side, milestone, people, date, about="", when="") -> str:
    press = _press(result, key)
    template = "" if press is None else (press.own if side == "own" else press.rival)
    if not template:
        return ""
    day = float(iso_to_jd_tdb(date) - result.start_jd_tdb)
    named = join_names(people)
    return template.format(
        agency=_name(result, key, day),
        Agency=capital(_name(result, key, day)),
        first=first_phrase(milestone),
        people=f" ({named})" if named and side == "own" else "",
        adj=_adjective(result, key, day),
        label=milestone_label(milestone),
        rival=_name(result, about, day) if about else "",
        date=when or long_date(date),
    )


def _rival_of(result: RunResult, key: str) -> str:
    agencies = result.world.agencies
    me = agencies[key]
    if not me.profile.superpower:
        return ""
    return next(
        (
            k
            for k, a in sorted(agencies.items())
            if a.profile.superpower and a.country != me.country
        ),
        "",
    )
