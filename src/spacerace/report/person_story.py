"""One life from a run: who a person was, the roles they held, what they did, how it ended.

Pure views of a run folder's ``people.jsonl`` row (``sim.facts.person_rows``) and the event
log: :func:`person_story` gathers, :func:`format_person_story` writes Markdown, and
:func:`find_person` turns a name typed by a user into a row or one line that says what to
type instead (close matches suggested).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from spacerace.astro.time import jd_tdb_to_iso
from spacerace.catalog.careers import load_roles
from spacerace.errors import InputError
from spacerace.world.event import Event
from spacerace.world.wording import long_date, plural, subject

__all__ = ["CareerStep", "PersonStory", "find_person", "format_person_story", "person_story"]

_END = {
    "dead": "They died.",
    "retired": "They retired.",
    "resident": "At the run's end they were serving a tour at a base.",
    "home": "At the run's end they were home from a tour at a base.",
    "flying": "At the run's end they were in flight.",
    "injured": "At the run's end they were recovering from an injury.",
    "training": "At the run's end they were in training.",
    "active": "At the run's end they were still serving.",
}
"""What a person's status at the run's end says."""


@dataclass(frozen=True)
class CareerStep:
    """One role a person took.

    Attributes:
        date: ISO date it was taken ("" for the role held from the start).
        role: Role key (``catalog/careers.py``).
        text: The event's sentence ("" for the role held from the start).
    """

    date: str
    role: str
    text: str = ""


@dataclass(frozen=True)
class PersonStory:
    """One person's life in a run.

    Attributes:
        row: Their ``people.jsonl`` row.
        career: Roles held, in order, the first from the start.
        events: Every event naming them (``Event.actors``), in log order.
        dates: ISO date of each of ``events``.
    """

    row: Mapping
    career: tuple[CareerStep, ...]
    events: tuple[Event, ...]
    dates: tuple[str, ...]

    @property
    def name(self) -> str:
        """Full name."""
        return str(self.row["name"])


def find_person(rows: Sequence[Mapping], name: str, where: str) -> Mapping:
    """The row of the person called ``name`` (any case), else InputError naming close ones.

    Example:
        >>> rows = [{"name": "Edward Baldwin"}, {"name": "Kelly Baldwin"}]
        >>> find_person(rows, "kelly baldwin", "run")["name"]
        'Kelly Baldwin'
        >>> find_person(rows, "Ed Baldwin", "run")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        spacerace.errors.InputError: person 'Ed Baldwin': nobody of that name in run; did ...
    """
    by_key = {str(r["name"]).lower(): r for r in rows}
    row = by_key.get(" ".join(name.split()).lower())
    if row is not None:
        return row
    names = [str(r["name"]) for r in rows]
    words = {w for w in name.lower().split() if len(w) > 2}
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
    close += [n for n in names if words & set(n.lower().split()) and n not in close]
    hint = ""
    if close:
        shown = [repr(n) for n in close[:3]]
        hint = (
            "; did you mean "
            + (shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1])
            + "?"
        )
    raise InputError(f"person {name!r}: nobody of that name in {where}{hint}")


def person_story(row: Mapping, events: Sequence[Event], start_jd_tdb: float) -> PersonStory:
    """Gather one person's roles and events from a run's log."""
    name = str(row["name"])
    own = [e for e in events if name in e.actors]
    dates = tuple(jd_tdb_to_iso([start_jd_tdb + e.day for e in own])) if own else ()
    steps = []
    for e, date in zip(own, dates, strict=True):
        if e.kind == "career":
            steps.append(CareerStep(date[:10], str(e.data.get("role", "")), e.text))
    first = next((str(e.data.get("previous", "")) for e in own if e.kind == "career"), "")
    start = CareerStep("", first or str(row.get("post") or row.get("role", "")))
    return PersonStory(row, (start, *steps), tuple(own), tuple(d[:10] for d in dates))


def format_person_story(story: PersonStory, agency_name: Callable[[str], str]) -> str:
    """The person page as Markdown: who, the roles held, the life event by event, the end."""
    roles = load_roles()
    row = story.row

    def title(role: str) -> str:
        spec = roles.get(role)
        return spec.title if spec else role.replace("_", " ")

    agency = subject(agency_name(str(row["agency"])))
    who = (
        "a character of the series"
        if row.get("canon")
        else ("a real person" if row.get("real") else "invented by the engine")
    )
    lines = [
        f"# {story.name}",
        "",
        f"{title(story.career[0].role).capitalize()} of {agency}, born {row['born_year']} ({who}).",
        "",
        "## Roles",
        "",
    ]
    for i, step in enumerate(story.career):
        until = story.career[i + 1].date[:4] if i + 1 < len(story.career) else ""
        since = step.date[:4]
        span = (
            f"{since}–{until}"
            if since and until
            else (f"from {since}" if since else (f"until {until}" if until else "throughout"))
        )
        lines.append(f"- {title(step.role)}, {span}")
    flown = int(row.get("flights", 0))
    flies = roles[str(row.get("role"))].flies if str(row.get("role")) in roles else False
    flew = (
        f"Came back from {plural(flown, 'flight')}. "
        if flown
        else ("Never came back from a flight. " if flies else "")
    )
    end = _END.get(str(row.get("status", "")), f"At the run's end: {row.get('status')}.")
    lines += [
        "",
        f"{flew}{end}",
        "",
        "## Life",
        "",
    ]
    for e, date in zip(story.events, story.dates, strict=True):
        lines.append(f"- **{long_date(date)}** — {e.text}")
    if not story.events:
        lines.append("- Nothing in the run's log names them.")
    return "\n".join(lines) + "\n"
