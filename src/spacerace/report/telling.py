"""Telling an era: which events are told in full, how the rest fold, what the era is called.

Pure functions over events and a few callables (an agency's name on a day, a person's
role), so they are tested with a list. The weights come from ``report.salience``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacerace.report import _prose
from spacerace.report.salience import TOLD, Salience, salience_of, weight_of
from spacerace.world.event import Event
from spacerace.world.wording import capital, join_names, plural, subject

__all__ = ["Fold", "era_title", "fold_events", "invented_namer", "rank_told"]

NameAt = Callable[[str | None, float], str]
"""Agency key and day -> the name it had then."""


@dataclass(frozen=True)
class Fold:
    """Routine events of one row (or one agency's budgets) said in one clause.

    Attributes:
        kind: Event kind folded.
        count: How many events it stands for.
        clause: The words ("12 astronauts retired", "NASA's budget rose from ...").
        agency: The agency of a budget fold, else "".
        first_musd: A budget fold's first budget (before the first change), million USD.
        last_musd: A budget fold's last budget, million USD.
        bare: True when the clause is a count without a verb ("3 cargo landings").
    """

    kind: str
    count: int
    clause: str
    agency: str = ""
    first_musd: float = 0.0
    last_musd: float = 0.0
    bare: bool = False


def rank_told(events: Sequence[Event], limit: int | None, focus: str | None = None) -> list[Event]:
    """Return the events told in full (weight >= ``TOLD``), at most ``limit``, in log order.

    When there are more, the heaviest are kept; among equals, those of the ``focus`` agency
    (the side the story is told from) and of no agency, then the earliest.
    """
    told = [(i, e) for i, e in enumerate(events) if weight_of(e) >= TOLD]
    if limit is not None and len(told) > limit:

        def order(pair: tuple[int, Event]) -> tuple[int, int, int]:
            i, e = pair
            side = 0 if focus is None or e.agency in (focus, None) else 1
            return (-weight_of(e), side, i)

        told = sorted(sorted(told, key=order)[:limit])
    return [e for _, e in told]


def fold_events(events: Sequence[Event], name: NameAt, role_of: Callable[[str], str]) -> list[Fold]:
    """Fold events into clauses, heaviest rows first; every event is in exactly one fold.

    Budgets fold per agency into their trend; people-counting rows count the events'
    people by role; other rows count their events.

    Example:
        >>> ev = [Event(0.0, "retirement", "nasa", "", actors=("A",)),
        ...       Event(1.0, "retirement", "nasa", "", actors=("B",)),
        ...       Event(2.0, "budget", "nasa", "", data={"budget_musd": 6000.0,
        ...                                               "previous_musd": 5000.0})]
        >>> [f.clause for f in fold_events(ev, lambda k, d: "NASA", lambda p: "astronaut")]
        ["NASA's budget rose from 5.0 billion to 6.0 billion dollars", '2 astronauts retired']
    """
    budgets: dict[str, list[Event]] = {}
    rows: dict[Salience, list[Event]] = {}
    for e in events:
        if e.kind == "budget" and isinstance(e.data.get("budget_musd"), int | float):
            budgets.setdefault(e.agency or "", []).append(e)
        else:
            rows.setdefault(salience_of(e), []).append(e)
    folds = [_budget_fold(key, group, name) for key, group in budgets.items()]
    for row, group in sorted(rows.items(), key=lambda kv: -kv[0].weight):
        bare = not row.verb[0] and not row.by_role
        folds.append(Fold(row.kind, len(group), _count_clause(row, group, role_of), bare=bare))
    return folds


def fold_sentences(folds: Sequence[Fold], bare_limit: int | None = None) -> str:
    """Join folds into sentences: budgets, then counts with verbs, then bare counts.

    With ``bare_limit``, at most that many bare counts are named and the rest are added up
    into "N other routine events" (the terminal's short form; ``run --all`` lists them).

    Example:
        >>> folds = [Fold("retirement", 2, "2 astronauts retired"),
        ...          Fold("launch", 9, "9 launches succeeded"),
        ...          Fold("resupply", 3, "3 cargo landings", bare=True),
        ...          Fold("x", 1, "1 report", bare=True)]
        >>> fold_sentences(folds)
        'In these years 2 astronauts retired; 9 launches succeeded. There were also 3 cargo landings and 1 report.'
        >>> fold_sentences(folds, bare_limit=0)[-39:]
        'There were also 4 other routine events.'
    """  # noqa: E501
    budgets = [f.clause for f in folds if f.agency]
    verbed = [f.clause for f in folds if not f.agency and not f.bare]
    bare = [f for f in folds if not f.agency and f.bare]
    said = [capital("; ".join(budgets)) + "."] if budgets else []
    if verbed:
        said.append("In these years " + "; ".join(verbed) + ".")
    if bare_limit is not None and len(bare) > bare_limit:
        rest = sum(f.count for f in bare[bare_limit:])
        named = [f.clause for f in bare[:bare_limit]] + [plural(rest, "other routine event")]
    else:
        named = [f.clause for f in bare]
    if named:
        said.append(f"There were also {join_names(named)}.")
    return " ".join(said)


def era_title(span: str, events: Sequence[Event], name: NameAt, limit: int = 2) -> str:
    """Return an era's title from what happened in it: the span, then its weightiest news.

    Only rows with a ``headline`` make one; losses add up per agency; the same words are
    said once, and one agency's news share its name; among equals the earlier comes first.
    An era without such news is "years of routine work".

    Example:
        >>> ev = [Event(5.0, "base_founded", "nasa", "", data={"base": "Jamestown"}),
        ...       Event(7.0, "crew_lost", "nasa", "", data={"count": 3}),
        ...       Event(9.0, "retirement", "nasa", "")]
        >>> era_title("1969–1974", ev, lambda k, d: "NASA")
        '1969–1974: NASA lost 3 people in flight and founded Jamestown'
    """
    lost: dict[str, int] = {}
    for e in events:
        if e.kind == "crew_lost":
            lost[e.agency or ""] = lost.get(e.agency or "", 0) + _prose.lost_count(e)
    heads: list[tuple[int, int, str, str]] = []
    for i, e in enumerate(events):
        row = salience_of(e)
        if not row.headline or weight_of(e) < TOLD:
            continue
        count = lost.get(e.agency or "", 0) if e.kind == "crew_lost" else 0
        who, what = _headline(row, e, name, count)
        heads.append((-weight_of(e), i, who, what))
    said: dict[str, list[str]] = {}
    for *_, who, what in sorted(heads):
        if what not in said.get(who, []) and sum(map(len, said.values())) < limit:
            said.setdefault(who, []).append(what)
    parts = [" ".join(p for p in (who, join_names(what)) if p) for who, what in said.items()]
    return f"{span}: " + (capital("; ".join(parts)) if parts else "years of routine work")


def invented_namer(people: dict, agency_names: Sequence[str]) -> Callable[[str], str]:
    """Return text -> text writing each invented, numbered person by role and number.

    The engine names a person it invents after the agency ("North Korean space program
    cosmonaut 10"); in a sentence that reads as a count and doubles the agency's name, so
    the chronicle writes "Cosmonaut 10". Only people the world holds, neither real nor
    from the series, are rewritten.

    Example:
        >>> from types import SimpleNamespace as P
        >>> people = {"Kosmos cosmonaut 1": P(real=False, canon=False)}
        >>> invented_namer(people, ["Kosmos"])("Kosmos cosmonaut 1 dies; Kosmos cosmonaut 12 lives.")
        'Cosmonaut 1 dies; Kosmos cosmonaut 12 lives.'
        >>> people = {"Kosmos Chief Designer 4": P(real=False, canon=False)}
        >>> invented_namer(people, ["Kosmos"])("Chief Designer Kosmos Chief Designer 4 dies.")
        'Chief Designer 4 dies.'
    """  # noqa: E501
    names = sorted({n for n in agency_names if n}, key=len, reverse=True)
    if not names:
        return lambda text: text
    pattern = re.compile(
        r"(?<![\w-])(Chief Designer )?((?:" + "|".join(re.escape(n) for n in names) + r") "
        r"((?:[a-z]+ |Chief Designer )#?\d+))(?![\w-])"
    )

    def short(match: re.Match) -> str:
        title, name, rest = match.groups()
        person = people.get(name)
        if person is None or person.real or person.canon:
            return match.group(0)
        if title and rest.startswith(title):  # "Chief Designer X Chief Designer 4"
            title = ""
        return (title or "") + capital(rest)

    return lambda text: pattern.sub(short, text) if text else text


def _budget_fold(key: str, group: list[Event], name: NameAt) -> Fold:
    first, last = group[0], group[-1]
    before = first.data.get("previous_musd")
    start = float(before if isinstance(before, int | float) else first.data["budget_musd"])
    end = float(last.data["budget_musd"])
    who = _prose.possessive(name(key or None, last.day))
    if round(end) == round(start):
        clause = f"{who} budget stayed at {_prose.money(end)}"
    elif start <= 0:
        clause = f"{who} budget grew to {_prose.money(end)}"
    else:
        move = "rose" if end > start else "fell"
        low = _prose.money(start, unit=False)
        clause = f"{who} budget {move} from {low} to {_prose.money(end)}"
    return Fold("budget", len(group), clause, key, start, end)


def _count_clause(row: Salience, group: list[Event], role_of: Callable[[str], str]) -> str:
    if row.by_role:
        roles: dict[str, int] = {}
        for e in group:
            for person in e.actors or ("",):
                role = role_of(person) if person else row.noun
                roles[role] = roles.get(role, 0) + 1
        by_count = sorted(roles.items(), key=lambda kv: -kv[1])
        counted = join_names([plural(n, role) for role, n in by_count])
        total = sum(roles.values())
    else:
        counted, total = plural(len(group), row.noun, row.nouns or None), len(group)
    verb = row.verb[0] if total == 1 else row.verb[1]
    return f"{counted} {verb}" if verb else counted


def _headline(row: Salience, e: Event, name: NameAt, lost: int) -> tuple[str, str]:
    """(subject, predicate) of an event's headline; the subject is "" unless the agency."""
    base = e.data.get("base") or next(iter(e.data.get("bases") or ()), "")
    successor = str(e.data.get("successor") or "")
    fields = {
        "agency": subject(name(e.agency, e.day)),
        "base": str(base),
        "verb": _prose.milestone_verb(str(e.data.get("milestone", ""))),
        "people": _prose.people_count(lost) if lost else join_names(e.actors),
        "old": subject(name(e.agency, e.day - 1.0)),
        "new": subject(successor) if successor else "its successor",
    }
    template = row.headline
    if template.startswith("{agency} "):
        return fields["agency"], template.removeprefix("{agency} ").format(**fields)
    return "", template.format(**fields)
