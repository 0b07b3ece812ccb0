"""Scenario files: TOML text in, a validated :class:`Scenario` out, or one error that teaches.

Every mistake is a :class:`~spacerace.errors.ScenarioError` naming the file, the line (found
best-effort, see ``_lines``), the field path and what was expected::

    for-all-mankind.toml:42: agencies.nasa.budget_musd: expected a number, got "lots"

One pass finds them all: the error raised is the first by line, ``str()`` adds ``(and N
more; ...)``, and ``.problems`` holds every one (``spacerace scenario validate`` prints them).
The loader refuses what ``spacerace run`` cannot play: sizes beyond the limits below, control
characters in names and keys, and scripted events whose references do not hold at their date
(an agency without vehicles, a kind that flies only to an own base, an asteroid capture with
no target designed that year, a Mars mission with no window left, a crew of another agency).

The layout is described field by field in ``docs/scenarios.md``. Vehicle and program keys
come from the catalog (``catalog.vehicles``, ``catalog.programs``), mechanic groups, names and
ranges from ``world.mechanics`` (``[mechanics.politics]``, ...).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import stat
import tomllib
from collections.abc import Mapping
from importlib import resources
from typing import Any

from spacerace.catalog.asteroid_classes import NO_SPACE_MARKET, load_space_markets
from spacerace.catalog.budgets import BUDGET_SERIES, ECONOMY_SERIES
from spacerace.catalog.careers import load_roles
from spacerace.catalog.mission_names import load_mission_names
from spacerace.catalog.programs import load_programs
from spacerace.catalog.vehicles import load_vehicles
from spacerace.errors import ScenarioError
from spacerace.scenario import _lines
from spacerace.scenario._reader import Field, Reader, Skip, listing, show, suggest
from spacerace.scenario.model import (
    AgencySpec,
    Era,
    PersonSpec,
    Scenario,
    ScriptedEvent,
    VehicleRecordSpec,
)
from spacerace.world.agency import FUNDING
from spacerace.world.mission import MISSION_TYPES
from spacerace.world.mission_kinds import GOALS as GOAL_ROWS
from spacerace.world.mission_kinds import MISSION_KINDS, SURFACE_BODIES

__all__ = [
    "GOALS",
    "LIMITS",
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

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 8
MAX_DOTS = 64
LIMITS = {"agencies": 100, "people": 1_000, "scripted": 1_000, "era": 100, "strings": 1_000}
"""Most entries of a list or table: agencies, [[people]], [[scripted]], [[era]], and any list
of strings (goals, vehicles, crew, ...)."""
_BODY_NAMES = {"moon": "the Moon", "mars": "Mars"}
_MAX_DEPTH_SEEN = re.compile(r"[\[{]")

_TOP = ("scenario", "era", "agencies", "people", "scripted", "mechanics", "vehicles")
_SCENARIO = {
    "name": Field("string", True),
    "title": Field("string", True, text=True),
    "description": Field("string", text=True),
    "start": Field("date", True),
    "end_year": Field("integer", True),
    "divergence": Field("string", text=True),
    "focus": Field("string"),
    "base_names": Field("names"),
    "space_market": Field("string", False, tuple(sorted(load_space_markets()))),
}
_ERA = {
    "key": Field("string", True),
    "title": Field("string", True, text=True),
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
    "economy": Field("string", False, tuple(ECONOMY_SERIES)),
    "successor": Field("string"),
    "patron": Field("string"),
    "base_names": Field("names"),
    "mission_names": Field("string", False, tuple(sorted(load_mission_names()))),
}
_PERSON = {
    "name": Field("string", True),
    "agency": Field("string", True),
    "role": Field("string", True, ("astronaut", "cosmonaut", "engineer", "administrator")),
    "nationality": Field("string", True),
    "born_year": Field("integer", True),
    "skill": Field("number"),
    "canon": Field("boolean"),
    "note": Field("string", text=True),
    "sex": Field("string", False, ("female", "male")),
    "post": Field("string", False, tuple(load_roles())),
    "flights": Field("integer"),
}
_SCRIPTED = {
    "date": Field("date", True),
    "kind": Field("string", True, ("mission", "found_agency", "note")),
    "agency": Field("string", True),
    "mission": Field("string", False, MISSION_TYPES),
    "name": Field("string"),
    "crew": Field("strings"),
    "outcome": Field("string", False, ("success", "failure")),
    "text": Field("string", text=True),
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
    data = _read_file(name_or_path, names)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problem = f"expected UTF-8 text, got byte {exc.object[exc.start]:#04x} at {exc.start}"
        raise ScenarioError(problem, path=name_or_path, line=line) from None
    return parse_scenario(text, name_or_path)


def _read_file(name: str, builtins: list[str]) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES; a FIFO or device never blocks."""
    label = show(name) if "\n" in name or len(name) > 200 else name
    try:  # O_NONBLOCK: opening a FIFO must not wait for a writer
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        hint = suggest(name, builtins) or f" (built-in scenarios: {', '.join(builtins)})"
        raise ScenarioError(f"no such file or built-in scenario{hint}", path=label) from None
    except IsADirectoryError:
        raise ScenarioError("is a folder; expected a .toml file", path=label) from None
    except (OSError, ValueError) as exc:
        why = getattr(exc, "strerror", None) or str(exc)
        raise ScenarioError(f"cannot be read ({why})", path=label) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ScenarioError("is a folder; expected a .toml file", path=label)
        if not stat.S_ISREG(info.st_mode):
            raise ScenarioError("not a regular file (a FIFO or a device); expected a .toml file",
                                path=label)  # fmt: skip
        if info.st_size > MAX_FILE_BYTES:
            raise ScenarioError(_too_big(info.st_size), path=label)
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ScenarioError(f"cannot be read ({exc.strerror})", path=label) from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise ScenarioError(_too_big(len(data)), path=label)
    return data


def _too_big(size: int) -> str:
    return (
        f"{size:,} bytes, more than a scenario's {MAX_FILE_BYTES:,} "
        "(the built-in ones are under 40,000)"
    )


def parse_scenario(text: str, source: str) -> Scenario:
    r"""Return the scenario a TOML text describes, validated.

    Args:
        text: The TOML text.
        source: Where it came from: a path, or ``builtin:NAME`` (messages then say
            ``NAME.toml``). Kept in :attr:`Scenario.source`.

    Raises:
        ScenarioError: Every problem found (``.problems``, sorted by line); its attributes
            and ``str()`` name the first, with file, line and field path.

    Example:
        >>> parse_scenario("[scenario]\nname = 'x'\n", "x.toml")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        spacerace.errors.ScenarioError: x.toml:1: scenario.title: missing required field; ...
    """
    label = source.removeprefix("builtin:") + ".toml" if source.startswith("builtin:") else source
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FILE_BYTES:
        raise ScenarioError(_too_big(size), path=label)
    dotted = _long_dotted_key(text)
    if dotted:
        raise ScenarioError(
            f"a key of more than {MAX_DOTS} dotted parts; a scenario is flatter",
            path=label,
            line=dotted,
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, text, label) from None
    except RecursionError:
        raise _too_deep(text, label) from None
    r = Reader(text, label)
    _check_shape(r, data)
    r.done()  # a key or a nesting beyond the limits: the rest would only repeat it
    with r.guard():
        r.keys(data, (), _TOP, ())
    head: dict[str, Any] = {}
    with r.guard():
        if "scenario" not in data:
            r.fail((), "missing the [scenario] table (name, title, start, end_year, ...)")
        head = r.fields(
            r.table(data["scenario"], ("scenario",), "[scenario]"), ("scenario",), _SCENARIO
        )
        _check_head(r, head)
    with r.guard():
        _check_base_names(r, ("scenario", "base_names"), head.get("base_names", ()))
    if not head or "start" not in head or "end_year" not in head:
        r.done()
    start_year = int(head["start"][:4])
    end_year = max(start_year, min(head["end_year"], LAST_YEAR))
    agencies: dict[str, AgencySpec] = {}
    people: tuple[PersonSpec, ...] = ()
    with r.guard():
        agencies = _agencies(r, data.get("agencies", {}), start_year, end_year)
    # names with problems of their own: a reference to one is not reported again
    broken: Any = set(_keys_of(data.get("agencies"))) - set(agencies)
    if not agencies:  # the table itself is wrong: every reference to an agency would repeat it
        broken = _Everything()
    read = False
    with r.guard():
        people = _people(r, data.get("people", []), agencies, start_year, broken)
        read = True
    if not read:  # [[people]] could not be read at all: nor can a crew be checked
        broken = _Everything()
    elif not isinstance(broken, _Everything):
        broken |= _names_of(data.get("people")) - {p.name for p in people}
    scripted: tuple[ScriptedEvent, ...] = ()
    mechanics: dict[str, dict[str, float]] = {}
    with r.guard():
        mechanics = _mechanics(r, data.get("mechanics", {}))
    with r.guard():
        scripted = _scripted(r, data.get("scripted", []), agencies, people, head, mechanics, broken)
    eras: tuple[Era, ...] = ()
    with r.guard():
        eras = _eras(r, data.get("era", []), start_year, end_year)
    records: tuple[VehicleRecordSpec, ...] = ()
    with r.guard():
        records = _vehicle_records(r, data.get("vehicles", {}))
    focus = head.get("focus", next(iter(_keys_of(data.get("agencies"))), ""))
    if focus not in agencies and focus not in broken:
        r.note(("scenario", "focus"), _unknown("agency", focus, agencies))
    r.done()
    return Scenario(
        **{
            "description": "",
            "divergence": "",
            "space_market": NO_SPACE_MARKET,
            **head,
            "focus": focus,
        },
        agencies=agencies,
        people=people,
        scripted=scripted,
        eras=eras,
        mechanics=mechanics,
        source=source,
        vehicle_records=records,
    )


_VEHICLE_RECORD = {
    "prior_successes": Field("integer", True),
    "prior_failures": Field("integer", True),
    "note": Field("string", True, text=True),
}


def _vehicle_records(r: Reader, data: Any) -> tuple[VehicleRecordSpec, ...]:
    """``[vehicles.KEY]``: a vehicle's flight record as the scenario's world has it."""
    table = r.table(data, ("vehicles",), "[vehicles.KEY]")
    known = known_vehicles()
    out = []
    for key, entries in sorted(table.items()):
        path = ("vehicles", key)
        with r.guard():
            if key not in known:
                r.fail(path, _unknown("vehicle", key, known))
            spec = r.fields(r.table(entries, path, f"[vehicles.{key}]"), path, _VEHICLE_RECORD)
            for name in ("prior_successes", "prior_failures"):
                if name in spec and not 0 <= spec[name] <= 100_000:
                    r.fail((*path, name), f"expected 0 to 100000 flights, got {spec[name]}")
            out.append(VehicleRecordSpec(key=key, **spec))
    return tuple(out)


def _syntax_error(exc: tomllib.TOMLDecodeError, text: str, label: str) -> ScenarioError:
    message = str(exc)
    at = _SYNTAX_AT.search(message)
    line = len(_lines.toml_lines(text)) or 1
    if at and at.group(1):
        line = int(at.group(1))
        message = f"{message[: at.start()]} (column {at.group(2)})"
    elif at:
        message = f"{message[: at.start()]} (at the end of the file)"
    return ScenarioError(f"TOML syntax: {message}", path=label, line=line)


def _long_dotted_key(text: str) -> int:
    """The first line whose key has more than MAX_DOTS dots (tomllib is quadratic in them)."""
    if text.count(".") <= MAX_DOTS:
        return 0
    for number, line in enumerate(_lines.toml_lines(text), start=1):
        key = line.split("=", 1)[0] if "=" in line else line
        if key.count(".") > MAX_DOTS:
            return number
    return 0


class _Everything:
    """Holds every name: the table that defines them could not be read."""

    def __contains__(self, name: object) -> bool:
        return True


def _keys_of(table: Any) -> dict[str, None]:
    return dict.fromkeys(table) if isinstance(table, Mapping) else {}


def _names_of(tables: Any) -> set[str]:
    if not isinstance(tables, list):
        return set()
    return {t["name"] for t in tables if isinstance(t, Mapping) and isinstance(t.get("name"), str)}


def _too_deep(text: str, label: str) -> ScenarioError:
    """Nesting beyond what tomllib reads: point at the line with the most brackets."""
    lines = _lines.toml_lines(text) or [""]
    number = max(range(len(lines)), key=lambda i: len(_MAX_DEPTH_SEEN.findall(lines[i])))
    problem = f"lists or tables nested too deeply (a scenario nests at most {MAX_DEPTH} deep)"
    return ScenarioError(problem, path=label, line=number + 1)


def _check_shape(r: Reader, data: Mapping[str, Any]) -> None:
    """Record keys too long or with control characters, and nesting beyond MAX_DEPTH."""
    stack: list[tuple[tuple, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if len(path) > MAX_DEPTH:
            r.note(path[:MAX_DEPTH], f"nested more than {MAX_DEPTH} deep; a scenario is flatter")
            continue
        if isinstance(value, Mapping):
            for key, item in value.items():
                with r.guard():
                    r.key(key, (*path, key))
                    stack.append(((*path, key), item))
        elif isinstance(value, list):
            if len(value) > LIMITS["strings"] and path[-1:] not in (("people",), ("scripted",)):
                most = LIMITS["strings"]
                r.note(path, f"a list of {len(value):,} items, more than the {most:,} allowed")
                continue
            stack.extend(((*path, i), item) for i, item in enumerate(value))


def _unknown(what: str, value: str, known: Mapping[str, Any] | tuple[str, ...]) -> str:
    return f"unknown {what} {show(value)}{suggest(value, known)}; known: {listing(known)}"


def _too_many(r: Reader, entries: Any, path: tuple, what: str) -> None:
    most = LIMITS[path[0]]
    if hasattr(entries, "__len__") and len(entries) > most:
        r.fail(path, f"{len(entries):,} {what}, more than the {most:,} a scenario may hold")


def _check_head(r: Reader, head: dict[str, Any]) -> None:
    if not _NAME.match(head["name"]):
        r.note(
            ("scenario", "name"),
            f'expected lowercase letters, digits and dashes (like "my-history"), '
            f"got {show(head['name'])}",
        )
    if not FIRST_YEAR <= int(head["start"][:4]) <= LAST_YEAR:
        span = f"from {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31"
        r.note(("scenario", "start"), f"expected a date {span}, got {head['start']}")
        head.pop("start")
        raise Skip()
    start_year = int(head["start"][:4])
    r.year(head["end_year"], ("scenario", "end_year"), start_year, LAST_YEAR, " (the start)")


def _agencies(r: Reader, data: Any, start_year: int, end_year: int) -> dict[str, AgencySpec]:
    table = r.table(data, ("agencies",), "[agencies.KEY] per agency")
    if not table:
        r.fail(("agencies",), "missing: expected at least one [agencies.KEY] table, got none")
    _too_many(r, table, ("agencies",), "agencies")
    agencies = {}
    for key, value in table.items():
        with r.guard():
            agencies[key] = _agency(r, key, value, start_year, end_year)
    _check_schemes_unshared(r, agencies)
    _check_patrons(r, agencies)
    return agencies


def _check_patrons(r: Reader, agencies: Mapping[str, AgencySpec]) -> None:
    """A patron is another state agency of the scenario."""
    for key, spec in agencies.items():
        patron = spec.patron
        if not patron:
            continue
        path = ("agencies", key, "patron")
        if patron == key:
            r.note(path, "an agency cannot be its own patron")
        elif patron not in agencies:
            r.note(path, _unknown("agency", patron, tuple(sorted(agencies))))
        elif agencies[patron].kind == "private":
            r.note(path, f"expected a state agency as patron, got the company {show(patron)}")


def _check_schemes_unshared(r: Reader, agencies: Mapping[str, AgencySpec]) -> None:
    """Two agencies naming their flights alike would both fly an Apollo 11."""
    first_user: dict[str, str] = {}
    for key, spec in agencies.items():
        scheme = spec.mission_names
        if scheme == "generic":  # its names start with the agency's own name
            continue
        if scheme in first_user:
            problem = (
                f"{show(scheme)} already names the flights of agencies.{first_user[scheme]}; "
                'two agencies with one scheme would repeat names (use "generic" or another)'
            )
            r.note(("agencies", key, "mission_names"), problem)
        first_user.setdefault(scheme, key)


def _agency(r: Reader, key: str, value: Any, start_year: int, end_year: int) -> AgencySpec:
    """One agency; every bad field is recorded, then Skip if any was."""
    vehicles, programs = known_vehicles(), known_programs()
    path = ("agencies", key)
    if not _KEY.match(key):
        r.fail(path, f"expected a key of lowercase letters, digits and _, got {show(key)}")
    before = len(r.problems)
    spec = r.fields(r.table(value, path, f"[agencies.{key}]"), path, _AGENCY, partial=True)
    if "country" in spec and not _COUNTRY.match(spec["country"]):
        got = show(spec["country"])
        r.note((*path, "country"), f'expected a country code like "US" or "private", got {got}')
    founded = spec.setdefault("founded_year", start_year)
    with r.guard():
        r.year(founded, (*path, "founded_year"), FIRST_YEAR, end_year, last_is=" (the end_year)")
    for name in ("budget_musd", "capital_musd", "revenue_musd"):
        if name in spec:
            with r.guard():
                r.number(spec[name], (*path, name), 0.0)
    if "support" in spec:
        with r.guard():
            r.number(spec["support"], (*path, "support"), 0.01, 10.0)
    with r.guard():
        r.refs(spec.get("goals", ()), (*path, "goals"), GOALS, "goal")
    with r.guard():
        r.refs(spec.get("vehicles", ()), (*path, "vehicles"), vehicles, "vehicle")
    for name in ("capabilities", "programs"):
        with r.guard():
            r.refs(spec.get(name, ()), (*path, name), programs, "program")
    for i, program in enumerate(spec.get("programs", ())):
        if program in spec.get("capabilities", ()):
            problem = (
                f"{show(program)} is already complete (capabilities); list it in one of the two"
            )
            r.note((*path, "programs", i), problem)
    if len(r.problems) > before:
        raise Skip()
    with r.guard():
        _profile(r, path, spec)
    if len(r.problems) > before:
        raise Skip()
    return AgencySpec(key=key, **spec)


def _profile(r: Reader, path: tuple, spec: dict[str, Any]) -> None:
    """Check an agency's profile fields and fill in their defaults for its kind."""
    private = spec["kind"] == "private"
    funding = spec.setdefault("funding", "private" if private else "appropriation")
    if private != (funding == "private"):
        problem = (
            f'funding "{funding}" does not fit kind "{spec["kind"]}": a private agency is '
            'funded "private", a state one by "appropriation", "planned" or "secret"'
        )
        r.note((*path, "funding"), problem)
    spec.setdefault("public_firsts", funding != "secret")
    if "nationality" in spec:
        if not _COUNTRY.match(spec["nationality"]) or spec["nationality"] == "private":
            got = show(spec["nationality"])
            r.note((*path, "nationality"), f'expected a country code like "US", got {got}')
    else:
        spec["nationality"] = "" if spec["country"] == "private" else spec["country"]
    _check_base_names(r, (*path, "base_names"), spec.get("base_names", ()))
    if spec.get("successor") and funding != "planned":
        r.note(
            (*path, "successor"),
            f"a successor is for a planned economy's agency (its state may fall); this one is "
            f'funded "{funding}"',
        )


def _check_base_names(r: Reader, path: tuple, names: tuple[tuple[str, str], ...]) -> None:
    for body, name in names:
        if body not in SURFACE_BODIES:
            r.note((*path, body), _unknown("body", body, tuple(SURFACE_BODIES)))
        elif not name.strip():
            r.note((*path, body), "expected a base name, got an empty string")


def _people(
    r: Reader, data: Any, agencies: Mapping[str, AgencySpec], start_year: int, broken: set[str]
) -> tuple[PersonSpec, ...]:
    """The people; ``broken`` names agencies with problems of their own (not unknown ones)."""
    people: dict[str, PersonSpec] = {}
    tables = r.tables(data, ("people",))
    _too_many(r, tables, ("people",), "[[people]]")
    for i, table in enumerate(tables):
        with r.guard():
            person = _person(r, ("people", i), table, agencies, start_year, broken)
            if person.name in people:
                r.fail(
                    ("people", i, "name"),
                    f"{show(person.name)} is already a person of this scenario",
                )
            people[person.name] = person
    return tuple(people.values())


def _person(r, path, table, agencies, start_year, broken) -> PersonSpec:
    spec = r.fields(table, path, _PERSON)
    before = len(r.problems)
    if spec["agency"] not in agencies and spec["agency"] not in broken:
        r.note((*path, "agency"), _unknown("agency", spec["agency"], agencies))
    if not _COUNTRY.match(spec["nationality"]) or spec["nationality"] == "private":
        got = show(spec["nationality"])
        r.note((*path, "nationality"), f'expected a country code like "US", got {got}')
    why = " (the start: people are born by then)"
    with r.guard():
        r.year(spec["born_year"], (*path, "born_year"), 1850, start_year, last_is=why)
    if "skill" in spec:
        with r.guard():
            r.number(spec["skill"], (*path, "skill"), 0.0, 1.0)
    if "flights" in spec:
        with r.guard():
            r.number(spec["flights"], (*path, "flights"), 0, 100)
    if len(r.problems) > before:
        raise Skip()
    return PersonSpec(**spec)


def _scripted(
    r: Reader,
    data: Any,
    agencies: Mapping[str, AgencySpec],
    people: tuple[PersonSpec, ...],
    head: Mapping[str, Any],
    mechanics: Mapping[str, Mapping[str, float]],
    broken: set[str],
) -> tuple[ScriptedEvent, ...]:
    """The scripted events; ``broken`` names agencies and people with problems of their own."""
    events = []
    tables = r.tables(data, ("scripted",))
    _too_many(r, tables, ("scripted",), "[[scripted]] events")
    by_name = {p.name: p for p in people}
    for i, table in enumerate(tables):
        with r.guard():
            events.append(
                _event(r, ("scripted", i), table, agencies, by_name, head, mechanics, broken)
            )
    return tuple(sorted(events, key=lambda e: e.date))


def _event(r, path, table, agencies, people, head, mechanics, broken) -> ScriptedEvent:
    spec = r.fields(table, path, _SCRIPTED)
    before = len(r.problems)
    last = f"{head['end_year']}-12-31"
    if not head["start"] <= spec["date"] <= last:
        span = f"{head['start']} (the start) to {last} (the end_year)"
        r.note((*path, "date"), f"expected a date from {span}, got {spec['date']}")
    if spec["agency"] not in agencies and spec["agency"] not in broken:
        r.note((*path, "agency"), _unknown("agency", spec["agency"], agencies))
    if spec["kind"] == "mission" and "mission" not in spec:
        types = ", ".join(MISSION_TYPES)
        r.note((*path, "mission"), f'missing for kind = "mission"; expected one of {types}')
    if spec["kind"] != "mission" and ("mission" in spec or "crew" in spec):
        field = "mission" if "mission" in spec else "crew"
        problem = f'only kind = "mission" takes a {field}; this event is kind = "{spec["kind"]}"'
        r.note((*path, field), problem)
    agency = agencies.get(spec["agency"])
    seen: set[str] = set()
    for j, name in enumerate(spec.get("crew", ())):
        if name in broken:
            continue
        if name not in people:
            problem = _unknown("person", name, tuple(people))
            r.note((*path, "crew", j), f"{problem} (add them as [[people]])")
        elif name in seen:
            r.note((*path, "crew", j), f"{show(name)} is listed twice")
        elif agency is not None and people[name].agency != agency.key:
            r.note(
                (*path, "crew", j),
                f"{show(name)} is a person of {show(people[name].agency)}, not of "
                f"{show(agency.key)} (the event's agency)",
            )
        seen.add(name)
    if len(r.problems) == before and spec["kind"] == "mission" and agency is not None:
        _check_mission(r, path, spec, agency, head, mechanics)
    if len(r.problems) > before:
        raise Skip()
    return ScriptedEvent(**spec, line=r.line(path))


def _check_mission(r, path, spec, agency: AgencySpec, head, mechanics) -> None:
    """Record what a scripted mission needs and lacks at its date (what ``run`` would trip on)."""
    kind = MISSION_KINDS[spec["mission"]]
    where = (*path, "mission")
    if kind.needs_own_base:
        r.note(
            where,
            f"{kind.key} flies only to a base of the agency's own on "
            f"{_BODY_NAMES.get(kind.body, kind.body)}, which "
            "a scripted event cannot provide; script the landing that founds it instead",
        )
    elif kind.body == "asteroid":  # the flight leaves on the scripted day, off its window
        r.note(
            where,
            f"{kind.key} flies on its target's own window (catalog.capture_targets), which "
            "a scripted date cannot move; leave it to the agency's policy instead",
        )
    elif not agency.vehicles:
        r.note(
            (*path, "agency"),
            f"agency {show(agency.key)} has no vehicles to fly this scripted {kind.key} "
            f"(list them in [agencies.{agency.key}] vehicles)",
        )
    elif kind.body == "mars":
        lead = mechanics.get("missions", {}).get(
            "mission_lead_days", known_mechanics()["missions"]["mission_lead_days"]
        )
        depart = dt.date.fromisoformat(spec["date"]) + dt.timedelta(days=lead)
        window = _mars_window(head, depart)
        if window:
            r.note((*path, "date"), window)


def _mars_window(head, depart: dt.date) -> str:
    """Return why a Mars mission deciding to leave on ``depart`` finds no window, or ""."""
    from spacerace.astro.time import iso_to_jd_tdb

    start = iso_to_jd_tdb(head["start"])
    end = iso_to_jd_tdb(f"{head['end_year'] + 1}-01-01")
    planner = _planner(start, end)
    out = planner.next_mars_window(iso_to_jd_tdb(depart.isoformat()) - start)
    back = None if out is None else planner.return_window_after(out.arrive_jd_tdb + 30.0)
    if out is None or back is None:
        leg = "out to Mars" if out is None else "back from Mars"
        return (
            f"no Mars window {leg} after a departure on {depart} (the date plus "
            f"mission_lead_days) within the scenario's span and the ephemeris (DE421, to 2050)"
        )
    return ""


_PLANNERS: dict = {}


def _planner(start: float, end: float):
    from spacerace.sim.planner import MissionPlanner

    if (start, end) not in _PLANNERS:
        _PLANNERS.clear()
        _PLANNERS[(start, end)] = MissionPlanner(start, end)
    return _PLANNERS[(start, end)]


def _eras(r: Reader, data: Any, start_year: int, end_year: int) -> tuple[Era, ...]:
    eras: list[Era] = []
    tables = r.tables(data, ("era",))
    _too_many(r, tables, ("era",), "[[era]] tables")
    for i, table in enumerate(tables):
        with r.guard():
            path = ("era", i)
            era = Era(**r.fields(table, path, _ERA))
            end = " (the end_year)"
            r.year(era.start_year, (*path, "start_year"), start_year, end_year, " (the start)", end)
            r.year(
                era.end_year,
                (*path, "end_year"),
                era.start_year,
                end_year,
                " (its start_year)",
                end,
            )
            for other in eras:
                if other.key == era.key:
                    r.fail((*path, "key"), f"{show(era.key)} is already the key of an era")
                if era.start_year <= other.end_year and other.start_year <= era.end_year:
                    years = f"{other.start_year}-{other.end_year}"
                    problem = f"overlaps era {show(other.key)} ({years}); eras may not share a year"
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
        with r.guard():
            _mechanic_group(r, group, entries, rows, groups, values, group_of)
    return values


def _mechanic_group(r, group, entries, rows, groups, values, group_of) -> None:
    path = ("mechanics", group)
    if group not in groups:
        r.fail(path, _not_a_group(group, entries, groups, group_of))
    entries = r.table(entries, path, f"[mechanics.{group}]")
    for name, value in entries.items():
        with r.guard():
            row = rows.get((group, name))
            if row is None:
                home = group_of(name)
                names = [n for g, n in rows if g == group]
                problem = (
                    f"{show(name)} is a mechanic of {home}: write it under [mechanics.{home}]"
                    if home
                    else f"unknown mechanic {show(name)}{suggest(name, names)} in "
                    f"[mechanics.{group}]; the names are in docs/engine.md"
                )
                r.fail((*path, name), problem)
            number = float(r.value(value, (*path, name), Field("number")))
            problem = row.problem(number)
            if problem is not None:
                r.fail((*path, name), problem)
            values.setdefault(group, {})[name] = number


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
