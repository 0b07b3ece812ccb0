"""The exception tree of spacerace.

::

    SpaceRaceError
    ├── InputError               the user can fix it: one line, exit status 2
    │   ├── ScenarioError        .path .line .field: file:line: field.path: expected …, got …
    │   ├── DecisionLogError     .path .line: decisions.jsonl:7: what does not fit
    │   ├── UnknownBodyError     .name, .known
    │   ├── EphemerisRangeError  .start_jd_tdb .end_jd_tdb .mask
    │   ├── GridTooLargeError    .n_points .limit
    │   ├── MechanicError        .key .value: an unknown or out-of-range mechanic
    │   ├── UnknownAsteroidError .query, .suggestions
    │   └── UnknownDestinationError .name, .known
    ├── Interrupted              the user stopped it (Ctrl-C): .kept says what was kept
    ├── ConvergenceError         carries the inputs that failed
    └── StoreError               says what was kept

The command line catches :class:`InputError` and prints its message on one line; any other
exception is a bug and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # NumPy stays unimported for ``spacerace --help``
    import numpy as np

__all__ = [
    "ConvergenceError",
    "DecisionLogError",
    "EphemerisRangeError",
    "GridTooLargeError",
    "InputError",
    "Interrupted",
    "MechanicError",
    "ScenarioError",
    "SpaceRaceError",
    "StoreError",
    "UnknownAsteroidError",
    "UnknownBodyError",
    "UnknownDestinationError",
]


class SpaceRaceError(Exception):
    """Base class of every error spacerace raises on purpose."""


class InputError(SpaceRaceError, ValueError):
    """Input the user can correct; the message says what was expected and what was given."""


class ScenarioError(InputError):
    """A scenario file that cannot be used, located as precisely as we can.

    ``str()`` gives ``for-all-mankind.toml:42: agencies.nasa.budget_musd: expected a number,
    got "lots"``; the line is left out when unknown, the field path when the whole file is
    at fault.

    Attributes:
        path: The file as the user named it (``for-all-mankind.toml`` for a built-in).
        line: 1-based line of the offending key or table, or None when unknown.
        field: Dotted path of the field (``people[3].born_year``), or "" for the file.
        problem: What is wrong, without the location (``expected a number, got "lots"``).
        problems: Every problem found in the file, sorted by line, this one first (each a
            ScenarioError of one problem); ``str()`` adds ``(and N more; ...)`` when there
            are more than one.
    """

    def __init__(self, problem: str, *, path: str, line: int | None = None, field: str = ""):
        self.problem = problem
        self.path = path
        self.line = line
        self.field = field
        self.problems: list[ScenarioError] = [self]
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {field}: {problem}" if field else f"{where}: {problem}")

    @classmethod
    def of(cls, problems: list[ScenarioError]) -> ScenarioError:
        """Return one error for several problems: the first by line, carrying them all.

        Example:
            >>> a = ScenarioError("expected a number", path="x.toml", line=9, field="a")
            >>> b = ScenarioError("missing required field", path="x.toml", line=2, field="b")
            >>> error = ScenarioError.of([a, b])
            >>> error.line, [p.line for p in error.problems]
            (2, [2, 9])
            >>> str(error).removeprefix("x.toml:2: b: missing required field ")
            '(and 1 more; spacerace scenario validate x.toml lists them)'
        """
        ordered = sorted(problems, key=lambda p: p.line or 0)
        first = ordered[0]
        error = cls(first.problem, path=first.path, line=first.line, field=first.field)
        error.problems = ordered
        if len(ordered) > 1:
            more = f" (and {len(ordered) - 1} more; spacerace scenario validate {first.path}"
            more += " lists them)"
            error.args = (str(first) + more,)
        return error


class DecisionLogError(InputError):
    """A decision log (``decisions.jsonl``) that cannot be replayed, with its line.

    ``str()`` gives ``decisions.jsonl:7: answer 5 is not among the 3 options of
    next_mission``.

    Attributes:
        path: The file as the user named it.
        line: 1-based line, or None for the whole file.
        problem: What is wrong, without the location.
    """

    def __init__(self, problem: str, *, path: str = "", line: int | None = None):
        self.problem = problem
        self.path = path
        self.line = line
        self.problems: list[DecisionLogError] = [self]
        # SimPy re-raises an error out of a process as type(e)(*e.args): the located
        # message alone must make the same error again
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(f"{where}{problem}")

    @classmethod
    def of(cls, problems: list[DecisionLogError]) -> DecisionLogError:
        """Return one error for several problems: the first by line, naming the others' lines.

        Example:
            >>> a = DecisionLogError("not JSON", path="d.jsonl", line=9)
            >>> b = DecisionLogError("missing n", path="d.jsonl", line=4)
            >>> str(DecisionLogError.of([a, b]))
            'd.jsonl:4: missing n (and 1 more, on line 9)'
        """
        ordered = sorted(problems, key=lambda p: p.line or 0)
        first = ordered[0]
        error = cls(first.problem, path=first.path, line=first.line)
        error.problems = ordered
        rest = [str(p.line) for p in ordered[1:] if p.line]
        if len(ordered) > 1:
            where = ", ".join(rest[:10]) + (", ..." if len(rest) > 10 else "")
            on = f", on line{'s' if len(rest) > 1 else ''} {where}" if rest else ""
            error.args = (f"{first} (and {len(ordered) - 1} more{on})",)
        return error


class _UnknownName(InputError, KeyError):
    """A name that is not in a known set; ``str()`` is the message (KeyError would quote it).

    Subclasses taking ``(name, known)`` set ``_template`` (fields ``name`` and ``known``).
    """

    _template = "unknown name {name!r}; known: {known}"

    def __init__(self, name: str, known: Sequence[str]):
        self.name = name
        self.known = tuple(known)
        super().__init__(self._template.format(name=name, known=", ".join(self.known)))

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownBodyError(_UnknownName):
    """A body name that the catalog does not hold.

    Attributes:
        name: The name that was asked for.
        known: The names that would have worked.
    """

    _template = "unknown body {name!r}; known bodies: {known}"


class EphemerisRangeError(InputError):
    """Epochs outside the span an ephemeris covers.

    Attributes:
        start_jd_tdb: First epoch the ephemeris covers, TDB Julian date.
        end_jd_tdb: Last epoch the ephemeris covers, TDB Julian date.
        mask: Boolean array, True where an asked epoch was out of range.
    """

    def __init__(self, message: str, start_jd_tdb: float, end_jd_tdb: float, mask: np.ndarray):
        self.start_jd_tdb = start_jd_tdb
        self.end_jd_tdb = end_jd_tdb
        self.mask = mask
        super().__init__(message)


class GridTooLargeError(InputError):
    """A grid that would not fit in the memory we allow for it.

    Attributes:
        n_points: Points asked for.
        limit: Largest number of points allowed.
    """

    def __init__(self, message: str, n_points: int, limit: int):
        self.n_points = n_points
        self.limit = limit
        super().__init__(message)


class MechanicError(InputError):
    """A mechanic override that names no mechanic, or a value outside its range.

    ``str()`` gives ``politics.support_relax_per_year: expected a number in [0, 1], got 1.5``.

    Attributes:
        key: ``group.name`` as asked for (``group`` alone for an unknown group).
        value: The value given, or None when the name is unknown.
    """

    def __init__(self, key: str, problem: str, value: float | None = None):
        self.key = key
        self.value = value
        super().__init__(f"{key}: {problem}")


class UnknownAsteroidError(_UnknownName):
    """An asteroid name, number or designation that the catalogue does not hold.

    Attributes:
        query: What was asked for.
        suggestions: Labels of close matches (possibly empty).
    """

    def __init__(self, query: str, suggestions: Sequence[str]):
        self.query = query
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super(_UnknownName, self).__init__(  # its own message, not the (name, known) template
            f"unknown asteroid {query!r}: no name, number or designation in the "
            f"near-Earth asteroid catalogue matches{hint}"
        )


class UnknownDestinationError(_UnknownName):
    """A capture destination that the mission designer does not know.

    Attributes:
        name: The name that was asked for.
        known: The names that would have worked.
    """

    _template = "unknown destination {name!r}; known: {known}"


class Interrupted(SpaceRaceError):
    """The user stopped a long job (Ctrl-C); the command line exits with status 130.

    ``str()`` is one line saying what was kept and how to go on, e.g. ``42 of 100 runs
    stored in runs.duckdb; run the same command to finish``.

    Attributes:
        kept: That line.
    """

    def __init__(self, kept: str):
        super().__init__(kept)
        self.kept = kept


class ConvergenceError(SpaceRaceError):
    """An iteration that did not converge; ``inputs`` holds what it was given."""

    def __init__(self, message: str, **inputs: object):
        self.inputs = inputs
        super().__init__(message)


class StoreError(SpaceRaceError):
    """A failure of the persistent store; the message says what was kept."""
