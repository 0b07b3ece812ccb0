"""Scenario files: TOML text in, a validated :class:`Scenario` out, or one error that teaches.

Every mistake raises :class:`~spacerace.errors.ScenarioError` naming the file, the line (found
best-effort, see ``_lines``), the field path and what was expected::

    for-all-mankind.toml:42: agencies.nasa.budget_musd: expected a number, got "lots"

The layout is described field by field in ``docs/scenarios.md``. Vehicle and program keys
come from the catalog (``catalog.vehicles``, ``catalog.programs``), mechanic groups, names and
ranges from ``world.mechanics`` (``[mechanics.politics]``, ...).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from spacerace.catalog.budgets import BUDGET_SERIES
from spacerace.catalog.programs import load_programs
from spacerace.catalog.vehicles import load_vehicles
from spacerace.errors import ScenarioError
from spacerace.scenario._reader import Field, Reader, show, suggest
from spacerace.scenario.model import AgencySpec, Era, PersonSpec, Scenario, ScriptedEvent
from spacerace.world.agency import FUNDING
from spacerace.world.mission import MISSION_TYPES
from spacerace.world.mission_kinds import GOALS as GOAL_ROWS
from spacerace.world.mission_kinds import SURFACE_BODIES

__all__ = [
    "GOALS",
    "known_mechanics",
    "known_programs",
    "known_vehicles",
    "list_builtin",
    "load_scenario",
    "parse_scenario",
]

GOALS = tuple(GOAL_ROWS)
"""Milestone keys an agency may pursue (``goals``; rows in ``world.mission_kinds``)."""

FIRST_YEAR, LAST_YEAR = 1900, 2050
_BUILTIN = "spacerace.scenario.builtin"
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_COUNTRY = re.compile(r"^([A-Z]{2}|private)$")
_SYNTAX_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")

_TOP = ("scenario", "era", "agencies", "people", "scripted", "mechanics")
_SCENARIO = {
    "name": Field("string", True),
    "title": Field("string", True),
    "description": Field("string"),
    "start": Field("date", True),
    "end_year": Field("integer", True),
    "divergence": Field("string"),
    "focus": Field("string"),
    "base_names": Field("names"),
}
_ERA = {
    "key": Field("string", True),
    "title": Field("string", True),
    "start_year": Field("integer", True),
    "end_year": Field("integer", True),
}
_AGENCY = {
    "name": Field("string", True),
    "kind": Field("string", True, ("state", "private")),
    "country": Field("string", True),
    "doctrine": Field("string", True, ("prestige", "science", "military", "commercial")),
    "founded_year": Field("integer"),
    "budget_musd": Field("number"),
    "capital_musd": Field("number"),
    "revenue_musd": Field("number"),
    "support": Field("number"),
    "goals": Field("strings"),
    "capabilities": Field("strings"),
    "programs": Field("strings"),
    "vehicles": Field("strings"),
    "training_facility": Field("string"),
    "policy": Field("string", False, ("auto", "state", "private", "external")),
    "funding": Field("string", False, FUNDING),
    "public_firsts": Field("boolean"),
    "superpower": Field("boolean"),
    "crew_title": Field("string"),
    "nationality": Field("string"),
    "budget_source": Field("string", False, tuple(BUDGET_SERIES)),
    "base_names": Field("names"),
}
_PERSON = {
    "name": Field("string", True),
    "agency": Field("string", True),
    "role": Field("string", True, ("astronaut", "cosmonaut", "engineer", "administrator")),
    "nationality": Field("string", True),
    "born_year": Field("integer", True),
    "skill": Field("number"),
    "canon": Field("boolean"),
    "note": Field("string"),
    "sex": Field("string", False, ("female", "male")),
}
_SCRIPTED = {
    "date": Field("date", True),
    "kind": Field("string", True, ("mission", "found_agency", "note")),
    "agency": Field("string", True),
    "mission": Field("string", False, MISSION_TYPES),
    "name": Field("string"),
    "crew": Field("strings"),
    "outcome": Field("string", False, ("success", "failure")),
    "text": Field("string"),
}


def known_vehicles() -> tuple[str, ...]:
    """Return the vehicle keys a scenario may name: those of the catalog."""
    return tuple(load_vehicles())


def known_programs() -> tuple[str, ...]:
    """Return the program keys a scenario may name: those of the catalog."""
    return tuple(load_programs())


def known_mechanics() -> Mapping[str, Mapping[str, float]]:
    """Return the mechanics' defaults, group -> name -> value (``world.mechanics``).

    Example:
        >>> known_mechanics()["missions"]["grounding_days"]
        730.0
    """
    from spacerace.world.mechanics import MECHANIC_ROWS

    known: dict[str, dict[str, float]] = {}
    for row in MECHANIC_ROWS:
        known.setdefault(row.group, {})[row.name] = row.default
    return known


def list_builtin() -> list[tuple[str, str]]:
    """Return the built-in scenarios as (name, title), by name.

    Example:
        >>> [name for name, _ in list_builtin()]
        ['for-all-mankind', 'history', 'star-city']
    """
    found = []
    for entry in resources.files(_BUILTIN).iterdir():
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            found.append((entry.name.removesuffix(".toml"), data["scenario"]["title"]))
    return sorted(found)


def load_scenario(name_or_path: str) -> Scenario:
    """Return a validated scenario: a built-in by name, or a TOML file by path.

    Raises:
        ScenarioError: The file is missing, unreadable or invalid (the message says where).

    Example:
        >>> load_scenario("for-all-mankind").start
        '1969-01-01'
    """
    names = [name for name, _ in list_builtin()]
    if name_or_path in names:
        text = resources.files(_BUILTIN).joinpath(f"{name_or_path}.toml").read_text("utf-8")
        return parse_scenario(text, f"builtin:{name_or_path}")
    path = Path(name_or_path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        hint = suggest(name_or_path, names) or f" (built-in scenarios: {', '.join(names)})"
        raise ScenarioError(f"no such file or built-in scenario{hint}", path=name_or_path) from None
    except IsADirectoryError:
        raise ScenarioError("is a folder; expected a .toml file", path=name_or_path) from None
    except UnicodeDecodeError as exc:
        problem = f"expected UTF-8 text, got byte {exc.object[exc.start]:#04x} at {exc.start}"
        raise ScenarioError(problem, path=name_or_path) from None
    return parse_scenario(text, name_or_path)


def parse_scenario(text: str, source: str) -> Scenario:
    r"""Return the scenario a TOML text describes, validated.

    Args:
        text: The TOML text.
        source: Where it came from: a path, or ``builtin:NAME`` (messages then say
            ``NAME.toml``). Kept in :attr:`Scenario.source`.

    Raises:
        ScenarioError: The first problem found, with file, line and field path.

    Example:
        >>> parse_scenario("[scenario]\nname = 'x'\n", "x.toml")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        spacerace.errors.ScenarioError: x.toml:1: scenario.title: missing required field; ...
    """
    label = source.removeprefix("builtin:") + ".toml" if source.startswith("builtin:") else source
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, text, label) from None
    r = Reader(text, label)
    r.keys(data, (), _TOP, ())
    if "scenario" not in data:
        r.fail((), "missing the [scenario] table (name, title, start, end_year, ...)")
    head = r.fields(
        r.table(data["scenario"], ("scenario",), "[scenario]"), ("scenario",), _SCENARIO
    )
    _check_head(r, head)
    _check_base_names(r, ("scenario", "base_names"), head.get("base_names", ()))
    start_year = int(head["start"][:4])
    agencies = _agencies(r, data.get("agencies", {}), start_year, head["end_year"])
    people = _people(r, data.get("people", []), agencies, start_year)
    scripted = _scripted(r, data.get("scripted", []), agencies, people, head)
    eras = _eras(r, data.get("era", []), start_year, head["end_year"])
    mechanics = _mechanics(r, data.get("mechanics", {}))
    focus = head.get("focus", next(iter(agencies)))
    if focus not in agencies:
        r.fail(("scenario", "focus"), _unknown("agency", focus, agencies))
    return Scenario(
        **{"description": "", "divergence": "", **head, "focus": focus},
        agencies=agencies,
        people=people,
        scripted=scripted,
        eras=eras,
        mechanics=mechanics,
        source=source,
    )


def _syntax_error(exc: tomllib.TOMLDecodeError, text: str, label: str) -> ScenarioError:
    message = str(exc)
    at = _SYNTAX_AT.search(message)
    line = len(text.splitlines()) or 1
    if at and at.group(1):
        line = int(at.group(1))
        message = f"{message[: at.start()]} (column {at.group(2)})"
    elif at:
        message = f"{message[: at.start()]} (at the end of the file)"
    return ScenarioError(f"TOML syntax: {message}", path=label, line=line)


def _unknown(what: str, value: str, known: Mapping[str, Any] | tuple[str, ...]) -> str:
    return f'unknown {what} "{value}"{suggest(value, known)}; known: {", ".join(known)}'


def _check_head(r: Reader, head: dict[str, Any]) -> None:
    if not _NAME.match(head["name"]):
        r.fail(
            ("scenario", "name"),
            f'expected lowercase letters, digits and dashes (like "my-history"), '
            f"got {show(head['name'])}",
        )
    if not FIRST_YEAR <= int(head["start"][:4]) <= LAST_YEAR:
        span = f"from {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31"
        r.fail(("scenario", "start"), f"expected a date {span}, got {head['start']}")
    start_year = int(head["start"][:4])
    r.year(head["end_year"], ("scenario", "end_year"), start_year, LAST_YEAR, " (the start)")


def _agencies(r: Reader, data: Any, start_year: int, end_year: int) -> dict[str, AgencySpec]:
    table = r.table(data, ("agencies",), "[agencies.KEY] per agency")
    if not table:
        r.fail(("agencies",), "missing: expected at least one [agencies.KEY] table, got none")
    vehicles, programs = known_vehicles(), known_programs()
    agencies = {}
    for key, value in table.items():
        path = ("agencies", key)
        if not _KEY.match(key):
            r.fail(path, f"expected a key of lowercase letters, digits and _, got {show(key)}")
        spec = r.fields(r.table(value, path, f"[agencies.{key}]"), path, _AGENCY)
        if not _COUNTRY.match(spec["country"]):
            got = show(spec["country"])
            r.fail((*path, "country"), f'expected a country code like "US" or "private", got {got}')
        founded = spec.setdefault("founded_year", start_year)
        r.year(founded, (*path, "founded_year"), FIRST_YEAR, end_year, last_is=" (the end_year)")
        for name in ("budget_musd", "capital_musd", "revenue_musd"):
            if name in spec:
                r.number(spec[name], (*path, name), 0.0)
        if "support" in spec:
            r.number(spec["support"], (*path, "support"), 0.01, 10.0)
        r.refs(spec.get("goals", ()), (*path, "goals"), GOALS, "goal")
        r.refs(spec.get("vehicles", ()), (*path, "vehicles"), vehicles, "vehicle")
        for name in ("capabilities", "programs"):
            r.refs(spec.get(name, ()), (*path, name), programs, "program")
        for i, program in enumerate(spec.get("programs", ())):
            if program in spec.get("capabilities", ()):
                problem = (
                    f'"{program}" is already complete (capabilities); list it in one of the two'
                )
                r.fail((*path, "programs", i), problem)
        _profile(r, path, spec)
        agencies[key] = AgencySpec(key=key, **spec)
    return agencies


def _profile(r: Reader, path: tuple, spec: dict[str, Any]) -> None:
    """Check an agency's profile fields and fill in their defaults for its kind."""
    private = spec["kind"] == "private"
    funding = spec.setdefault("funding", "private" if private else "appropriation")
    if private != (funding == "private"):
        problem = (
            f'funding "{funding}" does not fit kind "{spec["kind"]}": a private agency is '
            'funded "private", a state one by "appropriation", "planned" or "secret"'
        )
        r.fail((*path, "funding"), problem)
    spec.setdefault("public_firsts", funding != "secret")
    if "nationality" in spec:
        if not _COUNTRY.match(spec["nationality"]) or spec["nationality"] == "private":
            got = show(spec["nationality"])
            r.fail((*path, "nationality"), f'expected a country code like "US", got {got}')
    else:
        spec["nationality"] = "" if spec["country"] == "private" else spec["country"]
    _check_base_names(r, (*path, "base_names"), spec.get("base_names", ()))


def _check_base_names(r: Reader, path: tuple, names: tuple[tuple[str, str], ...]) -> None:
    for body, name in names:
        if body not in SURFACE_BODIES:
            r.fail((*path, body), _unknown("body", body, tuple(SURFACE_BODIES)))
        if not name.strip():
            r.fail((*path, body), "expected a base name, got an empty string")


def _people(
    r: Reader, data: Any, agencies: Mapping[str, AgencySpec], start_year: int
) -> tuple[PersonSpec, ...]:
    people: dict[str, PersonSpec] = {}
    for i, table in enumerate(r.tables(data, ("people",))):
        path = ("people", i)
        spec = r.fields(table, path, _PERSON)
        if spec["agency"] not in agencies:
            r.fail((*path, "agency"), _unknown("agency", spec["agency"], agencies))
        if not _COUNTRY.match(spec["nationality"]) or spec["nationality"] == "private":
            got = show(spec["nationality"])
            r.fail((*path, "nationality"), f'expected a country code like "US", got {got}')
        why = " (the start: people are born by then)"
        r.year(spec["born_year"], (*path, "born_year"), 1850, start_year, last_is=why)
        if "skill" in spec:
            r.number(spec["skill"], (*path, "skill"), 0.0, 1.0)
        if spec["name"] in people:
            r.fail((*path, "name"), f'"{spec["name"]}" is already a person of this scenario')
        people[spec["name"]] = PersonSpec(**spec)
    return tuple(people.values())


def _scripted(
    r: Reader,
    data: Any,
    agencies: Mapping[str, AgencySpec],
    people: tuple[PersonSpec, ...],
    head: Mapping[str, Any],
) -> tuple[ScriptedEvent, ...]:
    names = tuple(p.name for p in people)
    events = []
    for i, table in enumerate(r.tables(data, ("scripted",))):
        path = ("scripted", i)
        spec = r.fields(table, path, _SCRIPTED)
        last = f"{head['end_year']}-12-31"
        if not head["start"] <= spec["date"] <= last:
            span = f"{head['start']} (the start) to {last} (the end_year)"
            r.fail((*path, "date"), f"expected a date from {span}, got {spec['date']}")
        if spec["agency"] not in agencies:
            r.fail((*path, "agency"), _unknown("agency", spec["agency"], agencies))
        if spec["kind"] == "mission" and "mission" not in spec:
            types = ", ".join(MISSION_TYPES)
            r.fail((*path, "mission"), f'missing for kind = "mission"; expected one of {types}')
        if spec["kind"] != "mission" and ("mission" in spec or "crew" in spec):
            field = "mission" if "mission" in spec else "crew"
            problem = (
                f'only kind = "mission" takes a {field}; this event is kind = "{spec["kind"]}"'
            )
            r.fail((*path, field), problem)
        for j, name in enumerate(spec.get("crew", ())):
            if name not in names:
                problem = _unknown("person", name, names)
                r.fail((*path, "crew", j), f"{problem} (add them as [[people]])")
        events.append(ScriptedEvent(**spec, line=r.line(path)))
    return tuple(sorted(events, key=lambda e: e.date))


def _eras(r: Reader, data: Any, start_year: int, end_year: int) -> tuple[Era, ...]:
    eras: list[Era] = []
    for i, table in enumerate(r.tables(data, ("era",))):
        path = ("era", i)
        era = Era(**r.fields(table, path, _ERA))
        end = " (the end_year)"
        r.year(era.start_year, (*path, "start_year"), start_year, end_year, " (the start)", end)
        r.year(
            era.end_year, (*path, "end_year"), era.start_year, end_year, " (its start_year)", end
        )
        for other in eras:
            if other.key == era.key:
                r.fail((*path, "key"), f'"{era.key}" is already the key of an era')
            if era.start_year <= other.end_year and other.start_year <= era.end_year:
                years = f"{other.start_year}-{other.end_year}"
                problem = f'overlaps era "{other.key}" ({years}); eras may not share a year'
                r.fail((*path, "start_year"), f"{era.start_year}-{era.end_year} {problem}")
        eras.append(era)
    return tuple(sorted(eras, key=lambda e: e.start_year))


def _mechanics(r: Reader, data: Any) -> dict[str, dict[str, float]]:
    from spacerace.world.mechanics import MECHANIC_ROWS, group_of

    table = r.table(data, ("mechanics",), "[mechanics]")
    rows = {(row.group, row.name): row for row in MECHANIC_ROWS}
    groups = dict.fromkeys(row.group for row in MECHANIC_ROWS)
    values: dict[str, dict[str, float]] = {}
    for group, entries in table.items():
        path = ("mechanics", group)
        if group not in groups:
            r.fail(path, _not_a_group(group, entries, groups, group_of))
        entries = r.table(entries, path, f"[mechanics.{group}]")
        for name, value in entries.items():
            row = rows.get((group, name))
            if row is None:
                home = group_of(name)
                names = [n for g, n in rows if g == group]
                problem = (
                    f'"{name}" is a mechanic of {home}: write it under [mechanics.{home}]'
                    if home
                    else f'unknown mechanic "{name}"{suggest(name, names)} in '
                    f"[mechanics.{group}]; the names are in docs/engine.md"
                )
                r.fail((*path, name), problem)
            number = float(r.value(value, (*path, name), Field("number")))
            problem = row.problem(number)
            if problem is not None:
                r.fail((*path, name), problem)
            values.setdefault(group, {})[name] = number
    return values


def _not_a_group(key: str, value: Any, groups: Mapping[str, None], group_of) -> str:
    """Say why ``[mechanics]`` cannot hold ``key``: a flat mechanic, or no group at all."""
    home = group_of(key)
    if home is not None:
        return f"mechanics are grouped by concern; write it under [mechanics.{home}]"
    if not isinstance(value, Mapping):  # a flat key, misspelt: the closest mechanic's group
        from spacerace.world.mechanics import MECHANIC_ROWS

        close = difflib.get_close_matches(key, [row.name for row in MECHANIC_ROWS], 1, 0.6)
        if close:
            return (
                f'unknown mechanic "{key}" (did you mean "{close[0]}"?); mechanics are '
                f"grouped by concern: write it under [mechanics.{group_of(close[0])}]"
            )
    groups_text = ", ".join(groups)
    return f'unknown mechanics group "{key}"{suggest(key, groups)}; the groups are {groups_text}'
