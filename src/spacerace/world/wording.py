"""One place for the words of every event and chronicle line: counts, lists, dates, names.

It sits in ``world`` (pure, below ``sim`` and ``report``) because both write sentences: the
engine's event texts and the report's summaries must count, list, date and name alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = [
    "agency_name_at",
    "capital",
    "also_phrase",
    "count_verb",
    "crew_phrase",
    "first_phrase",
    "join_names",
    "long_date",
    "milestone_label",
    "plural",
    "subject",
    "subject_rest",
    "written_name",
]

_IRREGULAR = {"person": "people", "child": "children", "crew": "crews", "woman": "women"}


def plural(n: int, noun: str, plural_form: str | None = None) -> str:
    """Return "1 success", "2 successes": a count with its noun agreeing.

    Example:
        >>> plural(1, "success"), plural(2, "success"), plural(0, "flight"), plural(3, "person")
        ('1 success', '2 successes', '0 flights', '3 people')
        >>> plural(2, "cargo flight"), plural(2, "body"), plural(2, "retirement")
        ('2 cargo flights', '2 bodies', '2 retirements')
    """
    return f"{n} {noun if n == 1 else plural_form or _plural_noun(noun)}"


def _plural_noun(noun: str) -> str:
    head, _, last = noun.rpartition(" ")
    if last in _IRREGULAR:
        word = _IRREGULAR[last]
    elif last.endswith(("s", "sh", "ch", "x", "z")):
        word = last + "es"
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        word = last[:-1] + "ies"
    else:
        word = last + "s"
    return f"{head} {word}" if head else word


def count_verb(n: int, singular: str, plural_verb: str) -> str:
    """Return the verb agreeing with a count ("is"/"are", "dies"/"die")."""
    return singular if n == 1 else plural_verb


def join_names(names: Iterable[str]) -> str:
    """Join names with commas and a final "and" ("A, B and C"); empty gives "".

    Example:
        >>> join_names(["A"]), join_names(["A", "B"]), join_names(["A", "B", "C"])
        ('A', 'A and B', 'A, B and C')
    """
    items = [n for n in names if n]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def long_date(iso: str) -> str:
    """Return an ISO date as written in a sentence.

    Example:
        >>> long_date("1969-06-26")
        '26 June 1969'
    """
    year, month, day = iso[:10].split("-")
    return f"{int(day)} {_MONTHS[int(month) - 1]} {year}"


_MILESTONES = {
    # key: (noun phrase, "X ..." present phrase of the first, "X also ..." of a later one)
    "crewed_lunar_landing": (
        "first crewed lunar landing",
        "lands the first crew on the Moon",
        "lands a crew on the Moon",
    ),
    "woman_on_moon": (
        "first woman on the Moon",
        "puts the first woman on the Moon",
        "puts a woman on the Moon",
    ),
    "lunar_base": ("first lunar base", "has the first base on the Moon", "has a base on the Moon"),
    "space_station": (
        "first space station",
        "puts up the first space station",
        "puts up a space station",
    ),
    "crewed_mars_landing": (
        "first crewed Mars landing",
        "lands the first crew on Mars",
        "lands a crew on Mars",
    ),
    "mars_base": ("first Mars base", "has the first base on Mars", "has a base on Mars"),
    "asteroid_capture": (
        "first asteroid capture",
        "captures the first asteroid",
        "captures an asteroid",
    ),
}


def milestone_label(key: str) -> str:
    """Return a milestone's display name.

    Example:
        >>> milestone_label("woman_on_moon"), milestone_label("venus_flyby")
        ('first woman on the Moon', 'venus flyby')
    """
    entry = _MILESTONES.get(key)
    return entry[0] if entry else key.replace("_", " ")


def first_phrase(key: str) -> str:
    """Return what an agency does in achieving a first ("lands the first crew on Mars")."""
    entry = _MILESTONES.get(key)
    return entry[1] if entry else f"achieves the {milestone_label(key)} first"


def also_phrase(key: str) -> str:
    """Return what an agency does when it repeats another's first ("lands a crew on Mars")."""
    entry = _MILESTONES.get(key)
    return entry[2] if entry else f"achieves the {milestone_label(key)} too"


def agency_name_at(events: Iterable, key: str | None, day: float, name: str) -> str:
    """Return an agency's name on ``day``: ``name``, or the successor it carried on under.

    Args:
        events: The run's events (objects with day, kind, agency, data), in log order.
        key: Agency key.
        day: Days since the scenario start.
        name: Its name at the start (the scenario's).

    A ``state_collapse`` event's ``successor`` is the name from that event on.
    """
    for e in events:
        if e.day > day:
            break
        if e.kind == "state_collapse" and e.agency == key and e.data.get("successor"):
            name = str(e.data["successor"])
    return name


def subject(name: str) -> str:
    """Return an agency name as a sentence subject: a name ending in a common noun gets "the".

    Example:
        >>> subject("NASA"), subject("Soviet space program"), subject("Helios Aerospace")
        ('NASA', 'the Soviet space program', 'Helios Aerospace')
        >>> subject("Russian Space Agency"), subject("kp")  # a bare key stays bare
        ('the Russian Space Agency', 'kp')
    """
    words = name.split()
    common = words[-1][:1].islower() or words[-1] in ("Agency", "Program", "Administration")
    return f"the {name}" if len(words) > 1 and common else name


def capital(sentence: str) -> str:
    """Return the sentence with its first letter upper case ("the X" -> "The X")."""
    return sentence[:1].upper() + sentence[1:]


def subject_rest(text: str, name: str) -> str | None:
    """Return the rest of ``text`` when it starts with ``name`` as its subject, else None.

    The chronicle's one rule for a line that shows the agency beside the text: the agency
    is said once. A text opening with the name continues after it.

    Example:
        >>> subject_rest("NASA founds Jamestown.", "NASA"), subject_rest("NASAX", "NASA")
        ('founds Jamestown.', None)
        >>> subject_rest("The Soviet space program's budget", "Soviet space program") is None
        True
    """
    for lead in (name, "The " + name, "the " + name):
        if name and text.startswith(lead + " "):
            return text[len(lead) + 1 :]
    return None


SUFFIXES = {"jr": "Jr.", "jr.": "Jr.", "sr.": "Sr.", "ii": "II", "iii": "III", "iv": "IV"}
"""Name suffixes, as written: always last."""

SOURCE_NAME_ERRORS = {
    "Kregel Kevin R.": "Kevin R. Kregel",  # surname first, no comma
    "van der Berg Lodewijk": "Lodewijk van den Berg",  # "Lodewijk, van der Berg" swapped
}
"""Rows the astronaut source writes surname first (catalog/data/PROVENANCE.md)."""

_PARTICLES = {"van", "der", "den", "de", "von", "Van", "Vande", "Vander", "De", "Di", "Da"}


def written_name(name: str, nationality: str = "") -> str:
    """Return a person's name as the chronicle writes it (idempotent).

    A suffix goes last; a U.S. astronaut's middle names become initials (after a leading
    initial the name in use stays whole); other names are kept as they are.

    Example:
        >>> written_name("Jr. Charles Moss Duke", "U.S."), written_name("Albert Jr. Sacco")
        ('Charles M. Duke Jr.', 'Albert Sacco Jr.')
        >>> written_name("Mark Vande Hei", "U.S."), written_name("M. Scott Carpenter", "U.S.")
        ('Mark Vande Hei', 'M. Scott Carpenter')
        >>> written_name("Yuri Vladimirovich Usachyov", "U.S.S.R/Russia")
        'Yuri Vladimirovich Usachyov'
    """
    name = SOURCE_NAME_ERRORS.get(name, name)
    words = name.split()
    suffixes = [SUFFIXES[w.lower()] for w in words if w.lower() in SUFFIXES]
    words = [w for w in words if w.lower() not in SUFFIXES]
    if "U.S." in nationality.split("/") and len(words) > 2:
        last = len(words) - 1  # the surname starts at its particles ("Van Hoften")
        while last > 1 and words[last - 1] in _PARTICLES:
            last -= 1
        middle = [
            w
            if w.endswith(".") or w.startswith("(") or (i == 0 and words[0].endswith("."))
            else w[0] + "."
            for i, w in enumerate(words[1:last])
        ]
        words = [words[0], *middle, *words[last:]]
    return " ".join([*words, *suffixes])


def crew_phrase(crew: Sequence[str], named: Sequence[str] = ()) -> str:
    """Return who flew, the ``named`` first: "Molly Cobb, with A and B", or "A, B and C".

    Example:
        >>> crew_phrase(["A", "Molly Cobb", "B"], named=["Molly Cobb"])
        'Molly Cobb, with A and B'
    """
    if not named:
        return join_names(crew)
    rest = [c for c in crew if c not in named]
    return join_names(named) + (f", with {join_names(rest)}" if rest else "")
