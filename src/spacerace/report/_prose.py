"""Words for the chronicle: milestone names, money, lists, and the era summary paragraph.

The summary is built from the data of one era (firsts, leads, budgets, losses, bases,
politics), never written per scenario, so any timeline gets its own time-jump paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from spacerace.world.event import Event
from spacerace.world.wording import capital as _capital
from spacerace.world.wording import join_names, plural, subject
from spacerace.world.wording import milestone_label as _label

_MILESTONES = {
    # key: (noun phrase, verb phrase for "X had ...", theatre)
    "crewed_lunar_landing": (
        "first crewed lunar landing",
        "landed the first crew on the Moon",
        "moon",
    ),
    "woman_on_moon": ("first woman on the Moon", "put the first woman on the Moon", "moon"),
    "lunar_base": ("first lunar base", "founded the first base on the Moon", "moon"),
    "space_station": ("first space station", "put up the first space station", "orbit"),
    "crewed_mars_landing": ("first crewed Mars landing", "landed the first crew on Mars", "mars"),
    "mars_base": ("first Mars base", "founded the first base on Mars", "mars"),
    "asteroid_capture": ("first asteroid capture", "captured the first asteroid", "asteroids"),
}

THEATRES = {
    "moon": "on the Moon",
    "mars": "on Mars",
    "orbit": "in Earth orbit",
    "asteroids": "among the asteroids",
}
"""Where a race is run, in the order the summary mentions them."""

_BODIES = {"moon": "the Moon", "mars": "Mars", "earth": "Earth"}


def milestone_label(key: str) -> str:
    """Return a milestone's display name.

    Example:
        >>> milestone_label("crewed_lunar_landing"), milestone_label("venus_flyby")
        ('first crewed lunar landing', 'venus flyby')
    """
    return _label(key)


def milestone_verb(key: str) -> str:
    """Return what an agency had done to achieve a milestone ("landed the first crew...")."""
    entry = _MILESTONES.get(key)
    return entry[1] if entry else f"achieved the {milestone_label(key)} first"


def milestone_theatre(key: str) -> str | None:
    """Return the race a milestone belongs to (``"moon"``, ``"mars"``...), or None."""
    entry = _MILESTONES.get(key)
    return entry[2] if entry else None


def body_name(body: str) -> str:
    """Return a body's name as in a sentence ("the Moon", "Mars")."""
    return _BODIES.get(body.lower(), body.title())


def possessive(name: str) -> str:
    """Return ``name's`` with the article rule of :func:`subject`."""
    return subject(name) + ("'" if name.endswith("s") else "'s")


def money(musd: float, unit: bool = True) -> str:
    """Return an amount of million USD in words.

    Example:
        >>> money(5230.0), money(740.0), money(5230.0, unit=False)
        ('5.2 billion dollars', '740 million dollars', '5.2 billion')
    """
    text = f"{musd / 1000:.1f} billion" if abs(musd) >= 1000 else f"{musd:.0f} million"
    return f"{text} dollars" if unit else text


def join_words(items: Sequence[str]) -> str:
    """Join with commas and a final "and".

    Example:
        >>> join_words(["a"]), join_words(["a", "b"]), join_words(["a", "b", "c"])
        ('a', 'a and b', 'a, b and c')
    """
    return join_names(items)


def people_count(n: int) -> str:
    """Return "1 person" or "n people"."""
    return plural(n, "person")


def lost_count(event: Event) -> int:
    """Return how many people a ``crew_lost`` event counts (its ``count``, else its actors)."""
    count = event.data.get("count")
    if isinstance(count, int | float) and not isinstance(count, bool):
        return int(count)
    return max(len(event.actors), 1)


def leader(firsts: Iterable, theatre: str) -> str | None:
    """Return the agency holding the most firsts of a race (ties: whoever scored first)."""
    counts: dict[str, list[float]] = {}
    for first in firsts:
        if milestone_theatre(first.key) == theatre:
            counts.setdefault(first.agency, []).append(first.day)
    if not counts:
        return None
    return min(counts, key=lambda a: (-len(counts[a]), min(counts[a]), a))


def summary(
    year: int,
    era_firsts: Sequence,
    firsts_before: Sequence,
    budgets_musd: Sequence[tuple[str, float]],
    events: Sequence[Event],
    name: Callable[[str | None], str],
    focus: str | None = None,
) -> str:
    """Return the time-jump paragraph of one era, told from the ``focus`` agency's side.

    The focus agency's firsts and budget come first, and a sentence tells its inner
    politics (the Politburo's verdicts, purges, defections, Chief Designers) when it has any.

    Args:
        year: The era's last year ("By 1983 ...").
        era_firsts: Firsts achieved in the era (objects with key, agency, day, secret).
        firsts_before: Firsts achieved before the era.
        budgets_musd: (agency key, budget) at the era's end, million USD then-year.
        events: The era's events.
        name: Agency key -> display name.
        focus: Agency key the story follows (the scenario's ``focus``), or None.
    """
    verbs = _first_verbs(era_firsts)
    for agency, verb in _lead_verbs(era_firsts, firsts_before, name):
        verbs.setdefault(agency, []).append(verb)
    if focus in verbs:  # the side the story is told from speaks first
        verbs = {focus: verbs[focus], **{a: v for a, v in verbs.items() if a != focus}}
    budgets_musd = sorted(budgets_musd, key=lambda kv: kv[0] != focus)
    clauses = [f"{subject(name(a))} had {join_words(v)}" for a, v in verbs.items()]
    if not clauses:
        opening = f"By {year} no new first had been claimed"
    else:
        opening = f"By {year} " + clauses[0]
        for i, clause in enumerate(clauses[1:]):
            opening += (", while " if i == 0 else "; ") + clause
    sentences = [opening]
    if budgets_musd:
        budget = _budget_clause(budgets_musd, name)
        if len(clauses) <= 1 and len(opening) < 80:
            sentences[0] += "; " + budget
        else:
            sentences.append(budget)
    sentences = [s + "." for s in sentences]
    inner = _inner_sentence(events, focus, name) if focus else ""
    if inner:
        sentences.append(inner)
    sentences += [s for s in (_loss_sentence(events, name), _base_sentence(events, name)) if s]
    politics = _politics_sentence(events)
    if politics:
        sentences.append(politics)
    return " ".join(_capitalise(s) for s in sentences)


def secret_first_sentence(first, name) -> str:
    """Tell a secret first beside the official one.

    Args:
        first: A ``report.chronicle.First`` achieved in secret.
        name: Agency key -> display name.

    Example:
        >>> from spacerace.report.chronicle import First
        >>> f = First("crewed_mars_landing", "dprk", 9500.0, "1995-01-05", ("Lee Jung-gil",),
        ...           secret=True, official_agency="nasa", official_people=("Danielle Poole",),
        ...           official_date="1995-02-20", revealed_date="1996-03-01")
        >>> names = {"dprk": "North Korean space program", "nasa": "NASA"}
        >>> import textwrap
        >>> print(textwrap.fill(secret_first_sentence(f, names.get), 88))
        Danielle Poole (NASA) officially landed the first crew on Mars, on 20 February 1995; the
        North Korean space program's Lee Jung-gil had done it 7 weeks before, in secret, as the
        world learned in 1996.
    """
    verb = milestone_verb(first.key)
    who = join_words(first.people) if first.people else ""
    true = f"{possessive(name(first.agency))} {who}" if who else subject(name(first.agency))
    known = (
        f"as the world learned in {first.revealed_date[:4]}"
        if first.revealed_date
        else "and the world does not know it yet"
    )
    if not first.official_agency:
        return _capitalise(f"{true} {verb} on {_long_date(first.date)}, in secret, {known}.")
    official = (
        f"{join_words(first.official_people)} ({name(first.official_agency)})"
        if first.official_people
        else subject(name(first.official_agency))
    )
    gap = _gap(_days_between(first.date, first.official_date))
    return _capitalise(
        f"{official} officially {verb}, on {_long_date(first.official_date)}; "
        f"{true} had done it {gap} before, in secret, {known}."
    )


def _days_between(iso_a: str, iso_b: str) -> int:
    from datetime import date

    return (date.fromisoformat(iso_b[:10]) - date.fromisoformat(iso_a[:10])).days


def _gap(days: int) -> str:
    """'3 days', '6 weeks', '5 months', '2 years': a gap as people say it."""
    if days < 14:
        return f"{days} day{'s' * (days != 1)}"
    if days < 90:
        return f"{round(days / 7)} weeks"
    if days < 730:
        return f"{round(days / 30.44)} months"
    return f"{round(days / 365.25)} years"


_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def _long_date(iso: str) -> str:
    year, month, day = iso[:10].split("-")
    return f"{int(day)} {_MONTHS[int(month) - 1]} {year}"


def _first_verbs(era_firsts: Sequence) -> dict[str, list[str]]:
    """Return what each agency achieved first in the era, by agency in order of first."""
    verbs: dict[str, list[str]] = {}
    for first in era_firsts:
        verb = milestone_verb(first.key) + (", in secret" if first.secret else "")
        verbs.setdefault(first.agency, []).append(verb)
    return verbs


def _lead_verbs(era_firsts: Sequence, firsts_before: Sequence, name) -> list[tuple[str, str]]:
    """Return (agency, "kept its lead on the Moon" or "taken the lead ... from X") pairs.

    A race nobody led before the era is skipped: the firsts already say who opened it.
    """
    verbs = []
    new_theatres = {milestone_theatre(f.key) for f in era_firsts}
    for theatre, where in THEATRES.items():
        before = leader(firsts_before, theatre)
        now = leader([*firsts_before, *era_firsts], theatre)
        if now is None or before is None:
            continue
        if now == before and theatre not in new_theatres:
            verbs.append((now, f"kept its lead {where}"))
        elif now != before:
            verbs.append((now, f"taken the lead {where} from {subject(name(before))}"))
    return verbs


def _budget_clause(budgets_musd: Sequence[tuple[str, float]], name) -> str:
    (first_key, first_musd), *rest = budgets_musd
    parts = [f"{possessive(name(first_key))} budget stood at {money(first_musd)}"]
    parts += [f"{possessive(name(k))} at {money(v, unit=False)}" for k, v in rest]
    return join_words(parts)


def _inner_sentence(events: Sequence[Event], focus: str, name) -> str:
    """The focus agency's inner politics in the era: verdicts, purges, defections, designers.

    Example:
        >>> e = [Event(0.0, "politburo", "su", "", data={"outcome": "refused"}),
        ...      Event(1.0, "purge", "su", "", actors=("A", "B")),
        ...      Event(2.0, "chief_designer", "su", "", actors=("C",), data={"outcome": "seated"})]
        >>> _inner_sentence(e, "su", lambda k: "Soviet space program")
        'Inside the Soviet space program the Politburo refused 1 proposal; the KGB purged 2 people; C became Chief Designer.'
    """  # noqa: E501
    verdicts: dict[str, int] = {}
    purged = 0
    defectors: list[str] = []
    designers: list[str] = []
    for e in events:
        if e.agency != focus:
            continue
        if e.kind == "politburo":
            outcome = str(e.data.get("outcome", ""))
            verdicts[outcome] = verdicts.get(outcome, 0) + 1
        elif e.kind == "purge":
            purged += len(e.actors)
        elif e.kind == "defection":
            defectors += e.actors
        elif e.kind == "chief_designer" and e.data.get("outcome") == "seated":
            designers += e.actors
    parts = []
    said = [
        f"{word} {plural(n, 'proposal')}"
        for word, n in (
            ("approved", verdicts.get("approved", 0)),
            ("sent back", verdicts.get("delayed", 0)),
            ("refused", verdicts.get("refused", 0)),
        )
        if n
    ]
    if said:
        parts.append("the Politburo " + join_words(said))
    if purged:
        parts.append(f"the KGB purged {people_count(purged)}")
    if defectors:
        parts.append(f"{join_words(defectors)} defected")
    if designers:
        parts.append(f"{join_words(designers)} became Chief Designer")
    if not parts:
        return ""
    return f"Inside {subject(name(focus))} " + "; ".join(parts) + "."


def _loss_sentence(events: Sequence[Event], name) -> str:
    lost: dict[str, int] = {}
    names: list[str] = []
    for e in events:
        if e.kind == "crew_lost":
            lost[e.agency or ""] = lost.get(e.agency or "", 0) + lost_count(e)
            names += e.actors
    total = sum(lost.values())
    ground = _ground_deaths(events)
    if total == 0:
        if ground:
            return f"No one had been lost in flight in these years, but {ground}."
        return "No one had died in these years."
    if len(lost) == 1:
        text = f"{subject(name(next(iter(lost)) or None))} had lost {people_count(total)} in flight"
    else:
        who = join_words([f"{subject(name(a or None))} {n}" for a, n in lost.items()])
        text = f"{people_count(total)} had died in flight ({who})"
    if names and len(names) <= 4:
        text += (": " if len(names) == total else ", among them ") + join_words(names)
    text = text.rstrip(".") + "."  # "... Curtis L. Brown Jr." ends with its own period
    return text + (f" Besides, {ground}." if ground else "")


def _ground_deaths(events: Sequence[Event]) -> str:
    """Deaths not in flight: "Kelly Baldwin had died in a training accident", or ""."""
    training = [n for e in events if e.kind == "death" for n in e.actors]
    at_bases = sum(lost_count(e) for e in events if e.kind == "base_deaths")
    parts = []
    if training:
        accident = "a training accident" if len(training) == 1 else "training accidents"
        who = join_words(training) if len(training) <= 4 else people_count(len(training))
        parts.append(f"{who} had died in {accident}")
    if at_bases:
        parts.append(f"{people_count(at_bases)} had died at the bases")
    return join_words(parts)


def _base_sentence(events: Sequence[Event], name) -> str:
    parts = []
    for e in events:
        base = str(e.data.get("base", ""))
        if e.kind == "base_founded" and base:
            where = f" on {body_name(str(e.data['body']))}" if e.data.get("body") else ""
            parts.append(f"{subject(name(e.agency))} had founded {base}{where}")
        elif e.kind == "base_joined" and base:
            parts.append(f"{subject(name(e.agency))} had joined {base}")
    return join_words(parts) + "." if parts else ""


def _politics_sentence(events: Sequence[Event]) -> str:
    president = leader_name = ""
    for e in events:
        if e.kind == "election" and e.data.get("president"):
            party = e.data.get("party")
            president = str(e.data["president"]) + (f" ({party})" if party else "")
        elif e.kind == "leader" and e.data.get("leader"):
            leader_name = str(e.data["leader"])
    if president and leader_name:
        return f"{president} was in the White House and {leader_name} in the Kremlin."
    if president:
        return f"{president} was in the White House."
    if leader_name:
        return f"{leader_name} led the Kremlin."
    return ""


_capitalise = _capital
