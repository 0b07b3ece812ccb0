"""Typed reading of parsed TOML tables, failing with a :class:`ScenarioError` that teaches.

A :class:`Reader` knows the file's name and where each key sits (``_lines``); its checks
convert a value or raise an error that names the file, the line, the field path and what
was expected, e.g. ``x.toml:42: agencies.nasa.budget_musd: expected a number, got "lots"``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple, NoReturn

from spacerace.errors import ScenarioError
from spacerace.scenario import _lines

__all__ = ["Field", "Reader", "dotted", "show", "suggest"]

Path = tuple[str | int, ...]

_EXPECTED = {
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "strings": "a list of strings",
    "date": "a date (YYYY-MM-DD)",
    "names": 'a table of names, like { moon = "Jamestown" }',
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Field(NamedTuple):
    """How to read one key of a table.

    Attributes:
        kind: ``"string"``, ``"integer"``, ``"number"``, ``"boolean"``, ``"strings"``,
            ``"date"`` or ``"names"`` (a table of strings).
        required: True when the key must be present.
        choices: The allowed values of a string, empty for any.
    """

    kind: str
    required: bool = False
    choices: tuple[str, ...] = ()


def dotted(path: Path) -> str:
    """Return a field path as users read it, array indexes 0-based in brackets.

    Example:
        >>> dotted(("agencies", "nasa", "vehicles", 0))
        'agencies.nasa.vehicles[0]'
    """
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def show(value: Any) -> str:
    """Return a value as TOML would spell it, shortened: strings quoted, tables and lists named.

    Example:
        >>> show("lots"), show(True), show(1.5), show([1, 2]), show({"a": 1})
        ('"lots"', 'true', '1.5', 'a list [1, 2]', 'a table')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= 60 else text[:56] + '..."'
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        text = json.dumps(value, default=str, ensure_ascii=False)
        return "a list " + (text if len(text) <= 60 else text[:56] + "...]")
    return str(value)


def suggest(word: str, known: Iterable[str]) -> str:
    """Return `` (did you mean "x"?)`` for the closest known word, or "" when none is close.

    Example:
        >>> suggest("budget", ["budget_musd", "name"])
        ' (did you mean "budget_musd"?)'
    """
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


class Reader:
    """Reads parsed TOML against field specs; every failure names file, line and field.

    Args:
        text: The TOML text (to find lines in).
        label: The file name the messages start with.
    """

    def __init__(self, text: str, label: str):
        self.label = label
        self._index = _lines.index_lines(text)

    def fail(self, path: Path, problem: str) -> NoReturn:
        """Raise a :class:`ScenarioError` for ``path`` (line found best-effort)."""
        line = _lines.line_of(self._index, path)
        raise ScenarioError(problem, path=self.label, line=line, field=dotted(path))

    def line(self, path: Path) -> int:
        """Return the line of ``path``, 0 when unknown."""
        return _lines.line_of(self._index, path) or 0

    def table(self, value: Any, path: Path, header: str) -> Mapping[str, Any]:
        """Return ``value`` if it is a table, else fail naming the header to write."""
        if not isinstance(value, Mapping):
            self.fail(path, f"expected a table {header}, got {show(value)}")
        return value

    def tables(self, value: Any, path: Path) -> list[Mapping[str, Any]]:
        """Return ``value`` if it is an array of tables (``[[name]]``), else fail."""
        header = f"[[{dotted(path)}]]"
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            self.fail(path, f"expected {header} tables, got {show(value)}")
        return value

    def keys(
        self, table: Mapping[str, Any], path: Path, known: Sequence[str], required: Sequence[str]
    ) -> None:
        """Fail on the first unknown key (suggesting the closest) or missing required key."""
        for key in table:
            if key not in known:
                self.fail(
                    (*path, key),
                    f'unknown field "{key}"{suggest(key, known)}; known fields: {", ".join(known)}',
                )
        for key in required:
            if key not in table:
                self.fail((*path, key), "missing required field")

    def fields(
        self, table: Mapping[str, Any], path: Path, spec: Mapping[str, Field]
    ) -> dict[str, Any]:
        """Check ``table`` against ``spec``; return its values converted (lists as tuples)."""
        self.keys(table, path, list(spec), ())  # first: a typo explains a missing field
        for key, field in spec.items():
            if field.required and key not in table:
                self.fail((*path, key), f"missing required field; expected {self.expected(field)}")
        return {key: self.value(value, (*path, key), spec[key]) for key, value in table.items()}

    @staticmethod
    def expected(field: Field) -> str:
        """Describe what a field takes, in words."""
        if field.choices:
            return "one of " + ", ".join(field.choices)
        return _EXPECTED[field.kind]

    def value(self, value: Any, path: Path, field: Field) -> Any:
        """Convert one value to the field's kind, or fail with expected and got."""
        converted = _CONVERT[field.kind](value)
        if converted is _BAD:
            detail = _date_problem(value) if field.kind == "date" else ""
            self.fail(path, f"expected {self.expected(field)}, got {show(value)}{detail}")
        if field.choices and converted not in field.choices:
            hint = suggest(converted, field.choices)
            self.fail(path, f"expected {self.expected(field)}; got {show(value)}{hint}")
        return converted

    def year(
        self, value: int, path: Path, first: int, last: int, first_is: str = "", last_is: str = ""
    ) -> int:
        """Return ``value`` if ``first <= value <= last``, else fail saying the allowed span.

        ``first_is`` and ``last_is`` say where a bound comes from (``" (the start)"``).
        """
        if not first <= value <= last:
            span = f"from {first}{first_is} to {last}{last_is}"
            self.fail(path, f"expected a year {span}, got {value}")
        return value

    def number(self, value: float, path: Path, low: float, high: float = math.inf) -> float:
        """Return ``value`` if within ``[low, high]``, else fail saying the allowed span."""
        if not low <= value <= high:
            span = f"≥ {low:g}" if high == math.inf else f"from {low:g} to {high:g}"
            self.fail(path, f"expected a number {span}, got {show(value)}")
        return value

    def refs(self, values: Sequence[str], path: Path, known: Sequence[str], what: str) -> None:
        """Fail on the first value not among ``known``, or listed twice."""
        seen: set[str] = set()
        for i, value in enumerate(values):
            if value not in known:
                self.fail(
                    (*path, i),
                    f'unknown {what} "{value}"{suggest(value, known)}; '
                    f"known: {', '.join(sorted(known))}",
                )
            if value in seen:
                self.fail((*path, i), f'"{value}" is listed twice')
            seen.add(value)


_BAD = object()


def _string(v: Any) -> Any:
    return v if isinstance(v, str) else _BAD


def _integer(v: Any) -> Any:
    return v if isinstance(v, int) and not isinstance(v, bool) else _BAD


def _number(v: Any) -> Any:
    ok = isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
    return float(v) if ok else _BAD


def _boolean(v: Any) -> Any:
    return v if isinstance(v, bool) else _BAD


def _strings(v: Any) -> Any:
    ok = isinstance(v, list) and all(isinstance(x, str) for x in v)
    return tuple(v) if ok else _BAD


def _names(v: Any) -> Any:
    """A table of string -> string, returned as sorted (key, value) pairs."""
    if not isinstance(v, Mapping) or not all(isinstance(x, str) for x in v.values()):
        return _BAD
    return tuple(sorted(v.items()))


def _date(v: Any) -> Any:
    """A TOML local date, or a string YYYY-MM-DD naming a real day; returned as ISO text."""
    if isinstance(v, dt.datetime):
        return _BAD
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, str) and _ISO_DATE.match(v):
        try:
            return dt.date.fromisoformat(v).isoformat()
        except ValueError:
            return _BAD
    return _BAD


def _date_problem(v: Any) -> str:
    if isinstance(v, dt.datetime):
        return " (a date and time; write the date alone)"
    if isinstance(v, str) and _ISO_DATE.match(v):
        try:
            dt.date.fromisoformat(v)
        except ValueError as exc:
            return f" ({exc})"
    return ""


_CONVERT = {
    "string": _string,
    "integer": _integer,
    "number": _number,
    "boolean": _boolean,
    "strings": _strings,
    "date": _date,
    "names": _names,
}
