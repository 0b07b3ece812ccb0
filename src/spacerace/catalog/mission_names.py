"""Mission names as rows: how each agency's scheme names a flight of each kind.

Rules live in ``data/mission_names.csv`` and the counters they advance in
``data/mission_name_counters.csv`` (sources in ``data/PROVENANCE.md``). A scheme's rules
are read top down and the first that matches a flight names it: its ``kind``, ``vehicle``
(the one the crew rides) and ``program`` (a station program the agency holds) are a key,
several keys joined by ``|``, or ``*`` for any; so specific rules and newer stations come
first, and every scheme ends with a catch-all. A pattern's placeholders are counters of its
scheme (``Apollo {apollo}``; several rules may share one, and one pattern may use two:
``Soyuz {soyuz} (Salyut expedition {salyut})``) or one of :data:`FIELDS`.
"""

from __future__ import annotations

import csv
import string
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

__all__ = [
    "FIELDS",
    "NameCounter",
    "NameRule",
    "NamingScheme",
    "load_mission_names",
    "parse_mission_names",
]

FIELDS = ("agency", "label", "count", "yy")
"""Placeholders that are not counters: the agency's name, the kind's label, the agency's
mission number (as in its id) and the departure year's last two digits."""


def _fits(column: str, value: str) -> bool:
    return column == "*" or value in column.split("|")


@dataclass(frozen=True)
class NameRule:
    """One row: which flights of a scheme it names, and how.

    Attributes:
        scheme: Scheme key (``"nasa"``), as an agency's profile names it.
        kind: Mission kind key(s) (``"mars_landing|mars_base_rotation"``) or ``"*"``.
        vehicle: Vehicle key(s) the crew rides (uncrewed: the launcher) or ``"*"``.
        program: Program key(s) of which the agency must hold one, or ``"*"``.
        pattern: The name, with placeholders (``"Apollo {apollo}"``).
        invented: True if no such name flew (the series' canon or our invention).
        source: Why this name (canon and inventions say so).
    """

    scheme: str
    kind: str
    vehicle: str
    program: str
    pattern: str
    invented: bool
    source: str

    @cached_property
    def counters(self) -> tuple[str, ...]:
        """The counters its pattern advances, in order (placeholders not in FIELDS; parsed once).

        Example:
            >>> load_mission_names()["soviet"].rules[2].counters
            ('soyuz', 'salyut')
        """
        names = [f for _, f, _, _ in string.Formatter().parse(self.pattern) if f]
        return tuple(n for n in names if n not in FIELDS)

    def matches(self, kind: str, vehicle: str, capabilities: Collection[str]) -> bool:
        """True if it names a flight of ``kind`` on ``vehicle`` by an agency holding these."""
        if not (_fits(self.kind, kind) and _fits(self.vehicle, vehicle)):
            return False
        return self.program == "*" or any(p in capabilities for p in self.program.split("|"))


@dataclass(frozen=True)
class NameCounter:
    """A number sequence of one scheme (each agency keeps its own, ``Agency.numbers``).

    Attributes:
        scheme: Scheme key.
        counter: Counter key, the placeholder of the patterns that advance it.
        first: The number it gives first.
        invented: True if the sequence never ran in reality.
        source: Why it starts there.
    """

    scheme: str
    counter: str
    first: int
    invented: bool
    source: str


@dataclass(frozen=True)
class NamingScheme:
    """One agency's way of naming its flights: rules in order, and their counters.

    Attributes:
        key: Scheme key.
        rules: Its rules, the first match naming a flight; the last one matches any.
        counters: Its counters by key.
    """

    key: str
    rules: tuple[NameRule, ...]
    counters: dict[str, NameCounter]

    def rule_for(self, kind: str, vehicle: str, capabilities: Collection[str]) -> NameRule:
        """The first rule that names this flight.

        Example:
            >>> nasa = load_mission_names()["nasa"]
            >>> nasa.rule_for("lunar_landing", "saturn_v", {"apollo_lm"}).pattern
            'Apollo {apollo}'
            >>> nasa.rule_for("space_station", "saturn_ib", {"space_station"}).pattern
            'Skylab {skylab}'
        """
        return next(r for r in self.rules if r.matches(kind, vehicle, capabilities))


def _flag(text: str) -> bool:
    return text.strip().lower() == "true"


def parse_mission_names(
    rule_lines: Iterable[str], counter_lines: Iterable[str]
) -> dict[str, NamingScheme]:
    """Parse the two tables into schemes keyed by scheme key, checking they fit together.

    Raises:
        ValueError: A scheme without a last catch-all rule, a placeholder that is neither a
            counter of its scheme nor in FIELDS, a counter no rule uses, or a counter
            declared twice (the package data is broken: a bug, not a user's mistake).

    Example:
        >>> rules = ["scheme,kind,vehicle,program,pattern,invented,source",
        ...          "x,*,*,*,X-{x},true,test"]
        >>> counters = ["scheme,counter,first,invented,source", "x,x,7,true,test"]
        >>> parse_mission_names(rules, counters)["x"].counters["x"].first
        7
    """
    rules: dict[str, list[NameRule]] = {}
    for row in csv.DictReader(rule_lines):
        rule = NameRule(
            row["scheme"], row["kind"], row["vehicle"], row["program"], row["pattern"],
            _flag(row["invented"]), row["source"],
        )  # fmt: skip
        rules.setdefault(rule.scheme, []).append(rule)
    counters: dict[str, dict[str, NameCounter]] = {key: {} for key in rules}
    for i, row in enumerate(csv.DictReader(counter_lines), start=2):
        scheme, key = row["scheme"], row["counter"]
        if scheme not in counters or key in counters[scheme]:
            raise ValueError(f"counter row {i}: {scheme}.{key} has no rules or is declared twice")
        counters[scheme][key] = NameCounter(
            scheme, key, int(row["first"]), _flag(row["invented"]), row["source"]
        )
    schemes = {}
    for key, rows in rules.items():
        last = rows[-1]
        if (last.kind, last.vehicle, last.program) != ("*", "*", "*"):
            raise ValueError(f"scheme {key}: its last rule must match any flight (* * *)")
        used = {c for r in rows for c in r.counters}
        if used - set(counters[key]) or set(counters[key]) - used:
            raise ValueError(
                f"scheme {key}: counters used but not declared {sorted(used - set(counters[key]))}"
                f", declared but not used {sorted(set(counters[key]) - used)}"
            )
        schemes[key] = NamingScheme(key, tuple(rows), counters[key])
    return schemes


@lru_cache(maxsize=1)
def load_mission_names() -> dict[str, NamingScheme]:
    """Return every naming scheme of the packaged tables, keyed by scheme key.

    Example:
        >>> sorted(load_mission_names())
        ['dprk', 'generic', 'helios', 'nasa', 'soviet']
    """
    data = resources.files("spacerace.catalog.data")
    with data.joinpath("mission_names.csv").open(encoding="utf-8") as rules:
        with data.joinpath("mission_name_counters.csv").open(encoding="utf-8") as counters:
            return parse_mission_names(rules, counters)
