"""How a mechanic is declared: a typed float field that carries its tag, range and note.

Each concern's constants are one frozen, slotted dataclass (``world._agency_mechanics``,
``world._flight_mechanics``, ``world._base_mechanics``) whose fields are declared with
:func:`constant`; the field is the single source of the name, the default, the tag, the
range and the note, and :func:`rows_of` reads them back as :class:`MechanicRow` for docs,
tests and the scenario loader. Reading a mechanic is a plain slot access.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any, ClassVar, Literal

from spacerace.errors import MechanicError

__all__ = ["TAGS", "MechanicGroup", "MechanicRow", "Tag", "constant", "rows_of", "suggest"]

Tag = Literal["sourced", "derived", "invented"]
TAGS: tuple[Tag, ...] = ("sourced", "derived", "invented")
"""*sourced*: a figure with a citation; *derived*: computed from sourced figures, the
computation stated; *invented*: a judgement, with the reason for its value."""

_NUMBER = r"-?(?:inf|[0-9][0-9_.e+-]*)"
_SPAN = re.compile(rf"^([\[(])\s*({_NUMBER})\s*,\s*({_NUMBER})\s*([\])])$")


@dataclass(frozen=True, slots=True)
class MechanicRow:
    """One mechanic: where it lives, its default, why, and the values it may take.

    Attributes:
        group: The concern it belongs to (``politics``), the attribute of ``Mechanics``.
        name: Its name in the group (``support_relax_per_year``).
        default: The value a run uses unless a scenario overrides it.
        tag: ``sourced``, ``derived`` or ``invented``.
        note: What it means and why it has its value.
        low: Smallest allowed value (excluded when ``low_open``).
        high: Largest allowed value (excluded when ``high_open``).
        low_open: Whether ``low`` itself is refused.
        high_open: Whether ``high`` itself is refused.

    Example:
        >>> row = MechanicRow("tension", "incident_threshold", 0.25, "invented", "…", 0, 1,
        ...                   high_open=True)
        >>> row.key, row.span, row.problem(1.0)
        ('tension.incident_threshold', '[0, 1)', 'expected a number in [0, 1), got 1.0')
    """

    group: str
    name: str
    default: float
    tag: Tag
    note: str
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    @property
    def key(self) -> str:
        """``group.name``."""
        return f"{self.group}.{self.name}"

    @property
    def span(self) -> str:
        """The allowed range in interval notation: ``[0, 1]``, ``(0, inf)``."""
        left = "(" if self.low_open else "["
        right = ")" if self.high_open else "]"
        return f"{left}{self.low:g}, {self.high:g}{right}"

    def problem(self, value: Any) -> str | None:
        """Return why ``value`` cannot be this mechanic, or None when it can."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"expected a number in {self.span}, got {value!r}"
        above = value > self.low if self.low_open else value >= self.low
        below = value < self.high if self.high_open else value <= self.high
        if not (above and below):  # also refuses NaN
            return f"expected a number in {self.span}, got {value!r}"
        return None


def constant(default: float, tag: Tag, span: str, note: str) -> float:
    """Declare one mechanic field: its default, tag, allowed range and note.

    Args:
        default: The value, in the unit its name states.
        tag: ``sourced``, ``derived`` or ``invented``.
        span: The allowed range in interval notation, ``"[0, 1]"``, ``"(0, inf)"``.
        note: What it means and where its value comes from.
    """
    if tag not in TAGS:
        raise ValueError(f"tag must be one of {TAGS}, got {tag!r}")
    low, high, low_open, high_open = _parse_span(span)
    meta = {"tag": tag, "note": note, "span": (low, high, low_open, high_open)}
    return field(default=float(default), metadata=meta)


def _parse_span(text: str) -> tuple[float, float, bool, bool]:
    match = _SPAN.match(text)
    if match is None:
        raise ValueError(f'expected a range like "[0, 1]" or "(0, inf)", got {text!r}')
    left, low, high, right = match.groups()
    return float(low), float(high), left == "(", right == ")"


class MechanicGroup:
    """Base of the group dataclasses: checks every field against its range when built."""

    __slots__ = ()
    group: ClassVar[str]

    def __post_init__(self) -> None:
        for row in rows_of(type(self)):
            value = getattr(self, row.name)
            problem = row.problem(value)
            if problem is not None:
                raise MechanicError(row.key, problem, value)


@cache
def rows_of(group: type[MechanicGroup]) -> tuple[MechanicRow, ...]:
    """Return the rows of one group dataclass, in field order."""
    rows = []
    for f in fields(group):  # type: ignore[arg-type]
        low, high, low_open, high_open = f.metadata["span"]
        row = MechanicRow(
            group.group, f.name, f.default, f.metadata["tag"], f.metadata["note"],
            low, high, low_open, high_open,
        )  # fmt: skip
        if row.problem(row.default) is not None:
            raise ValueError(f"{row.key}: default {row.default:g} outside {row.span}")
        rows.append(row)
    return tuple(rows)


def suggest(word: str, known: Iterable[str]) -> str:
    """Return `` (did you mean "x"?)`` for the closest known word, or "" when none is close.

    Example:
        >>> suggest("grounding_day", ["grounding_days", "rivalry_start"])
        ' (did you mean "grounding_days"?)'
    """
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""
