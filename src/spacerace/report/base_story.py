"""The story of each base, from the event log and the monthly base rows of a run.

``base_stories`` is pure (events and rows in, data out), so it serves a finished
``RunResult`` and a run folder read back from disk alike; ``format_base_story`` returns
Markdown. Every number comes from the log or the rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacerace.astro.time import jd_tdb_to_iso
from spacerace.world.event import Event
from spacerace.world.wording import plural

__all__ = [
    "BASE_EVENT_KINDS",
    "BaseStory",
    "base_events",
    "base_stories",
    "format_base_story",
    "story_lines",
    "story_paragraph",
]

BASE_EVENT_KINDS = (
    "base_founded",
    "base_joined",
    "base_command",
    "alliance",
    "commander_replaced",
    "union_formed",
    "strike_settled",
    "strike_unsettled",
    "independence_movement",
    "base_merged",
    "rationing",
    "base_evacuated",
    "evacuation_refused",
    "base_deaths",
    "incident",
    "birth",
    "resupply_lost",
    "supply_refused",
    "breakdown",
)
"""Event kinds a base's story tells (resupply landings are counted, not listed)."""


@dataclass(frozen=True)
class BaseStory:
    """One base's history.

    Attributes:
        name: Base name.
        founded: ISO date of founding ("" if not in the log).
        founder: Agency key of the founder.
        events: The base's notable events, in order.
        peak_population: Most residents at any monthly step.
        peak_date: ISO date of that step.
        end_population: Residents at the last step, by employer key.
        end_modules: Module counts at the last step.
        max_tension: Highest tension, 0..1.
        max_tension_date: ISO date of it.
        incidents: Incident kind -> count.
        deliveries: Cargo landings at the base.
        deaths: People who died at the base.
        births: Children born there.
        rationing_spells: Times rationing began.
        evacuations: Times the base was evacuated.
        command: Who commanded at the end (an agency key or ``"joint"``).
    """

    name: str
    founded: str
    founder: str
    events: tuple[Event, ...]
    peak_population: int
    peak_date: str
    end_population: dict[str, int]
    end_modules: dict[str, int]
    max_tension: float
    max_tension_date: str
    incidents: dict[str, int]
    deliveries: int
    deaths: int
    births: int
    rationing_spells: int
    evacuations: int
    command: str


def base_events(events: Sequence[Event], name: str) -> list[Event]:
    """Events about one base (its own, and a base merged into it), in log order."""
    return [e for e in events if e.data.get("base") == name or e.data.get("merged") == name]


def base_stories(
    events: Sequence[Event], rows: Sequence[dict], start_jd_tdb: float
) -> list[BaseStory]:
    """Return the story of every base founded in a run, in order of founding."""
    names = [str(e.data["base"]) for e in events if e.kind == "base_founded"]
    names += sorted({r["base"] for r in rows} - set(names))
    return [_story(events, rows, start_jd_tdb, name) for name in names]


def _story(events, rows, start_jd_tdb, name) -> BaseStory:
    mine = base_events(events, name)
    own_rows = [r for r in rows if r["base"] == name]
    date = lambda day: jd_tdb_to_iso(start_jd_tdb + day)[:10]  # noqa: E731
    founding = next((e for e in mine if e.kind == "base_founded"), None)
    peak = max(own_rows, key=lambda r: (r["population"], -r["day"]), default=None)
    tense = max(own_rows, key=lambda r: (r["tension"], -r["day"]), default=None)
    last = own_rows[-1] if own_rows else {}
    kinds = Counter(e.kind for e in mine)
    return BaseStory(
        name=name,
        founded=date(founding.day) if founding else "",
        founder=(founding.agency or "") if founding else "",
        events=tuple(e for e in mine if e.kind in BASE_EVENT_KINDS and e.kind != "birth"),
        peak_population=peak["population"] if peak else 0,
        peak_date=date(peak["day"]) if peak else "",
        end_population=dict(last.get("employers", {})),
        end_modules=dict(last.get("modules", {})),
        max_tension=float(tense["tension"]) if tense else 0.0,
        max_tension_date=date(tense["day"]) if tense else "",
        incidents=dict(
            sorted(
                Counter(str(e.data.get("incident")) for e in mine if e.kind == "incident").items()
            )
        ),
        deliveries=kinds["resupply"],
        deaths=sum(int(e.data.get("count", 0)) for e in mine if e.kind == "base_deaths"),
        births=kinds["birth"],
        rationing_spells=sum(1 for e in mine if e.kind == "rationing" and e.data.get("on")),
        evacuations=kinds["base_evacuated"],
        command=str(last.get("command", "")),
    )


def story_paragraph(story: BaseStory, name: Callable[[str], str] = str) -> str:
    """Return the paragraph that sums up one base: founding, people, modules, crises."""
    who = name(story.founder) if story.founder else "unknown"
    text = f"Founded on {story.founded or '?'} by {who}."
    text += f" It peaked at {story.peak_population} residents ({story.peak_date})"
    living = sum(story.end_population.values())
    if living:
        parts = ", ".join(f"{n} {name(k)}" for k, n in sorted(story.end_population.items()))
        text += f" and ends with {living}: {parts}."
    else:
        text += " and ends empty."
    if story.end_modules:
        mods = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in story.end_modules.items())
        text += f" Modules: {mods}."
    text += f" {plural(story.deliveries, 'cargo landing')}"
    if story.rationing_spells:
        text += f", {plural(story.rationing_spells, 'spell')} of rationing"
    if story.evacuations:
        text += f", {plural(story.evacuations, 'evacuation')}"
    text += "."
    if story.deaths:
        died = "person died" if story.deaths == 1 else "people died"
        text += f" {story.deaths} {died} there."
    if story.births:
        born = "child was" if story.births == 1 else "children were"
        text += f" {story.births} {born} born there."
    if story.incidents:
        inc = ", ".join(plural(n, k.replace("_", " ")) for k, n in story.incidents.items())
        text += f" Incidents: {inc}."
    text += f" Tension peaked at {story.max_tension:.2f} ({story.max_tension_date})."
    if story.command == "joint":
        text += " It ends under joint command (an alliance)."
    return text


def story_lines(story: BaseStory, start_jd_tdb: float, max_events: int = 14) -> list[str]:
    """Return the base's dated key events, one line each ("… and N more" when trimmed)."""
    shown = list(story.events)
    more = len(shown) - max_events
    lines = [
        f"{jd_tdb_to_iso(start_jd_tdb + e.day)[:10]} {e.text}"
        + (f" ({e.cause})" if e.cause and e.kind not in ("base_founded",) else "")
        for e in shown[:max_events]
    ]
    if more > 0:
        lines.append(f"… and {more} more events")
    return lines


def format_base_story(
    story: BaseStory,
    start_jd_tdb: float,
    name: Callable[[str], str] = str,
    max_events: int = 14,
) -> str:
    """Return one base's story as Markdown: a paragraph, then its dated key events."""
    lines = [f"- {line}" for line in story_lines(story, start_jd_tdb, max_events)]
    return "\n".join([f"### {story.name}", "", story_paragraph(story, name), ""] + lines) + "\n"
