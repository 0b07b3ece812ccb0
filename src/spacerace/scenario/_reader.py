"""Typed reading of parsed TOML tables, collecting :class:`ScenarioError` problems that teach.

A :class:`Reader` knows the file's name and where each key sits (``_lines``); its checks
convert a value or record a problem that names the file, the line, the field path and what
was expected, e.g. ``x.toml:42: agencies.nasa.budget_musd: expected a number, got "lots"``.

A failed check records its problem and raises :class:`Skip`, which the loader catches at
the smallest unit it can go on without (a field, an agency, a person, an event:
:meth:`Reader.guard`), so one pass finds every mistake; :meth:`Reader.done` then raises one
``ScenarioError`` carrying them all, sorted by line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple, NoReturn

from spacerace.errors import ScenarioError
from spacerace.scenario import _lines

__all__ = [
    "MAX_NAME_CHARS",
    "MAX_TEXT_CHARS",
    "Field",
    "Reader",
    "Skip",
    "dotted",
    "show",
    "suggest",
]

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
_PLAIN_KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# C0 and C1 controls, DEL and the Unicode line and paragraph separators: each breaks a line
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_TEXT_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # \t, \n allowed
MAX_NAME_CHARS = 200
"""Longest name, key or short string field (a person's name, an agency's, a vehicle key)."""
MAX_TEXT_CHARS = 10_000
"""Longest free text (a title, a description, a note, an event's text)."""
MAX_SUGGEST_CHARS = 64
"""Longer words get no "did you mean" (difflib is quadratic in the word's length)."""


class Field(NamedTuple):
    """How to read one key of a table.

    Attributes:
        kind: ``"string"``, ``"integer"``, ``"number"``, ``"boolean"``, ``"strings"``,
            ``"date"`` or ``"names"`` (a table of strings).
        required: True when the key must be present.
        choices: The allowed values of a string, empty for any.
        text: True for free text (newlines and tabs allowed, up to ``MAX_TEXT_CHARS``);
            other strings are names (no control characters, up to ``MAX_NAME_CHARS``).
    """

    kind: str
    required: bool = False
    choices: tuple[str, ...] = ()
    text: bool = False


def dotted(path: Path) -> str:
    """Return a field path as users read it, array indexes 0-based in brackets.

    Example:
        >>> dotted(("agencies", "nasa", "vehicles", 0))
        'agencies.nasa.vehicles[0]'
    """
    text = ""
    for part in path:
        if not isinstance(part, int) and not _PLAIN_KEY.match(part):
            part = show(part)  # a quoted key: escaped and shortened, so it stays one line
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
        text = _escape(json.dumps(value[:200], ensure_ascii=False))
        return text if len(text) <= 60 and len(value) <= 200 else text[:56] + '..."'
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        text = _escape(json.dumps(value[:20], default=_shallow, ensure_ascii=False))
        return "a list " + (text if len(text) <= 60 else text[:56] + "...]")
    return str(value)


def _shallow(value: Any) -> str:
    return "a table" if isinstance(value, Mapping) else str(value)


def _escape(text: str) -> str:
    """Escape what ``json.dumps(ensure_ascii=False)`` leaves raw yet breaks a line."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def suggest(word: str, known: Iterable[str]) -> str:
    """Return `` (did you mean "x"?)`` for the closest known word, or "" when none is close.

    Example:
        >>> suggest("budget", ["budget_musd", "name"])
        ' (did you mean "budget_musd"?)'
    """
    if len(word) > MAX_SUGGEST_CHARS:
        return ""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" (did you mean {show(close[0])}?)" if close else ""


def listing(known: Iterable[str], most: int = 20) -> str:
    """Return known names joined by commas, the first ``most`` of them and a count.

    Example:
        >>> listing(["a", "b", "c"], most=2)
        'a, b, ... (3 in all)'
    """
    names = list(known)
    if len(names) <= most:
        return ", ".join(names)
    return ", ".join(names[:most]) + f", ... ({len(names)} in all)"


class Skip(Exception):
    """A check failed and its problem is recorded: skip the unit it belongs to."""


class Reader:
    """Reads parsed TOML against field specs; every failure names file, line and field.

    Args:
        text: The TOML text (to find lines in).
        label: The file name the messages start with.

    Attributes:
        problems: The problems recorded so far, in the order found.
    """

    def __init__(self, text: str, label: str):
        self.label = label
        self._index = _lines.index_lines(text)
        self.problems: list[ScenarioError] = []

    def fail(self, path: Path, problem: str) -> NoReturn:
        """Record a problem at ``path`` (line found best-effort), then raise :class:`Skip`."""
        self.note(path, problem)
        raise Skip()

    def note(self, path: Path, problem: str) -> None:
        """Record a problem at ``path`` and go on."""
        line = _lines.line_of(self._index, path)
        error = ScenarioError(problem, path=self.label, line=line, field=dotted(path))
        if all(str(error) != str(p) for p in self.problems[-20:]):
            self.problems.append(error)

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Go on after a failed check inside the block (its problem is recorded)."""
        try:
            yield
        except Skip:
            pass

    def done(self) -> None:
        """Raise one ScenarioError for every problem recorded (sorted by line), if any."""
        if self.problems:
            raise ScenarioError.of(self.problems)

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
        """Record every unknown key (suggesting the closest) and missing required key."""
        before = len(self.problems)
        for key in table:
            if key not in known:
                self.note(
                    (*path, key),
                    f"unknown field {show(key)}{suggest(key, known)}; "
                    f"known fields: {', '.join(known)}",
                )
        for key in required:
            if key not in table:
                self.note((*path, key), "missing required field")
        if len(self.problems) > before:
            raise Skip()

    def fields(
        self,
        table: Mapping[str, Any],
        path: Path,
        spec: Mapping[str, Field],
        partial: bool = False,
    ) -> dict[str, Any]:
        """Check ``table`` against ``spec``; return its values converted (lists as tuples).

        Every unknown, missing or bad field is recorded; then :class:`Skip` if any was,
        unless ``partial`` (the good values are returned, for more checks on them).
        """
        before = len(self.problems)
        with self.guard():
            self.keys(table, path, list(spec), ())
        meant = {  # a typo explains a missing field: "did you mean" says it already
            close
            for key in table
            if key not in spec and len(key) <= MAX_SUGGEST_CHARS
            for close in difflib.get_close_matches(key, list(spec), n=1, cutoff=0.6)
        }
        for key, field in spec.items():
            if field.required and key not in table and key not in meant:
                self.note((*path, key), f"missing required field; expected {self.expected(field)}")
        values = {}
        for key, value in table.items():
            if key in spec:
                with self.guard():
                    values[key] = self.value(value, (*path, key), spec[key])
        if len(self.problems) > before and not partial:
            raise Skip()
        return values

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
        for i, text in _strings_in(field.kind, converted):
            where = path if i is None else (*path, i)
            self._check_text(text, where, field.text)
        return converted

    def _check_text(self, text: str, path: Path, free: bool) -> None:
        most = MAX_TEXT_CHARS if free else MAX_NAME_CHARS
        if len(text) > most:
            what = "text" if free else "name"
            self.fail(path, f"{len(text):,} characters, more than a {what}'s {most:,}")
        control = (_TEXT_CONTROL if free else _CONTROL).search(text)
        if control:
            allowed = " (text may hold newlines and tabs)" if free else ""
            self.fail(
                path,
                f"control character {show(control.group())} in {show(text)}; "
                f"write it without{allowed}",
            )

    def key(self, key: str, path: Path) -> None:
        """Fail on a key too long or holding a control character (``path`` ends with it)."""
        self._check_text(key, path, False)

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
        """Record every value not among ``known``, or listed twice; then Skip if any."""
        seen: set[str] = set()
        before = len(self.problems)
        for i, value in enumerate(values):
            if value not in known:
                self.note(
                    (*path, i),
                    f"unknown {what} {show(value)}{suggest(value, known)}; "
                    f"known: {listing(sorted(known))}",
                )
            elif value in seen:
                self.note((*path, i), f"{show(value)} is listed twice")
            seen.add(value)
        if len(self.problems) > before:
            raise Skip()


_BAD = object()


def _strings_in(kind: str, value: Any) -> list[tuple[Any, str]]:
    """(index or key, string) of every string a converted value holds."""
    if kind == "string":
        return [(None, value)]
    if kind == "strings":
        return list(enumerate(value))
    if kind == "names":
        return [(k, k) for k, _ in value] + [(k, v) for k, v in value]
    return []


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
