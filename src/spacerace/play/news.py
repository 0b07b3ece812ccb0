"""What the player may know of the world: the public events of the log, as news.

The engine logs every change of the world, secret or not (the chronicle of a finished run
tells them all). A player in the chair of one agency sees its own events and the public
ones of the others, and nothing more; the rivals, played by the built-in policies, see no
more than the player does (``sim.context.RunContext.view``: public firsts only). An event
of another agency is hidden from the player when

* that agency keeps its firsts secret (``AgencyProfile.public_firsts`` false: the series'
  North Korean program) and the world has not yet learned of any of them
  (``first_revealed``): its launches, flights and budget stay unknown until then; the
  reveal itself is news, and so is all it does after;
* it happens behind the closed doors of a one-party state's apparatus
  (``AgencyProfile.answers_to_leadership``), a row of :data:`CLOSED_DOORS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacerace.astro.time import jd_tdb_to_iso
from spacerace.report.salience import weight_of
from spacerace.world.event import Event
from spacerace.world.world import World

__all__ = ["CLOSED_DOORS", "NewsItem", "filter_news", "news_of", "revealed_day"]

CLOSED_DOORS: dict[str, str] = {
    "politburo": "the Politburo's hearings on a program were not published (its verdicts "
    "show in what the program flies)",
    "surveillance": "the KGB's watch over its own program was a state secret",
    "chief_designer": "the Chief Designer's name was a state secret (Korolev was named publicly "
    "only in his Pravda obituary, January 1966: Siddiqi, Challenge to Apollo, NASA SP-2000-4408)",
}
"""Event kinds another agency's player never sees when its agency answers to a one-party
leadership (planned or secret funding), with the reason."""


@dataclass(frozen=True)
class NewsItem:
    """One event as the player sees it.

    Attributes:
        index: Its place in the run's event log (0-based).
        day: Days since the start.
        date: ISO date.
        kind: Event kind (``world.event.Event.kind``).
        agency: Agency key, "" for the world's events.
        text: The sentence.
        cause: Why it happened, with the numbers that decided it.
        weight: How much it matters, 0-100 (``report.salience``; 50 or more is a headline).
    """

    index: int
    day: float
    date: str
    kind: str
    agency: str
    text: str
    cause: str
    weight: int

    def to_json(self) -> dict:
        """The item as a JSON-ready dict."""
        return {
            "index": self.index,
            "day": self.day,
            "date": self.date,
            "kind": self.kind,
            "agency": self.agency,
            "text": self.text,
            "cause": self.cause,
            "weight": self.weight,
        }


def revealed_day(events: Iterable[Event], agency: str) -> float | None:
    """Day the world first learned of a secret first of ``agency`` (None: not yet)."""
    for event in events:
        if event.kind == "first_revealed" and event.agency == agency:
            return event.day
    return None


def news_of(events: Sequence[Event], world: World, player: str, start: int = 0) -> list[NewsItem]:
    """The events from ``start`` on that ``player``'s agency may know of, as news.

    Args:
        events: The run's event log so far, in order.
        world: The world of the run (agency profiles).
        player: Key of the player's agency.
        start: First index of ``events`` to consider.
    """
    known_from: dict[str, float] = {}
    closed: set[str] = set()
    for key, agency in world.agencies.items():
        if key == player:
            continue
        if not agency.profile.public_firsts:
            known_from[key] = revealed_day(events, key) or float("inf")
        if agency.profile.answers_to_leadership:
            closed.add(key)
    picked = []
    for index in range(start, len(events)):
        event = events[index]
        if event.agency in known_from and event.day < known_from[event.agency]:
            continue
        if event.agency in closed and event.kind in CLOSED_DOORS:
            continue
        picked.append((index, event))
    if not picked:
        return []
    dates = jd_tdb_to_iso([world.start_jd_tdb + e.day for _, e in picked])
    return [
        NewsItem(i, e.day, d, e.kind, e.agency or "", e.text, e.cause, weight_of(e))
        for (i, e), d in zip(picked, dates, strict=True)
    ]


def filter_news(
    items: Iterable[NewsItem],
    *,
    agency: str = "",
    kind: str = "",
    text: str = "",
    year: int | None = None,
    min_weight: int = 0,
) -> list[NewsItem]:
    """The items that match every filter given ("" or None: any).

    Args:
        items: News items.
        agency: Agency key (``world`` for the world's own events).
        kind: Event kind, or the start of one (``base`` matches ``base_founded``).
        text: Words the sentence or its cause contains (case-insensitive).
        year: Calendar year of the date.
        min_weight: Least weight (``report.salience``: 50 and more are headlines).

    Example:
        >>> item = NewsItem(0, 3.0, "1969-01-04", "launch", "nasa", "Apollo 9 lifts off.", "", 35)
        >>> [len(filter_news([item], **f)) for f in ({"agency": "nasa"}, {"kind": "laun"},
        ...  {"text": "APOLLO"}, {"year": 1970}, {"min_weight": 50})]
        [1, 1, 1, 0, 0]
    """
    words = text.lower()
    wanted = "" if agency == "world" else agency
    return [
        item
        for item in items
        if (not agency or item.agency == wanted)
        and item.kind.startswith(kind)
        and (not words or words in item.text.lower() or words in item.cause.lower())
        and (year is None or item.date.startswith(f"{year:04d}-"))
        and item.weight >= min_weight
    ]
